"""Enabling and disabling conversion in the service: assets a person launches on purpose, never part of a wave.

K1-CNVEN enables conversion once at the start of the project (loads,
truncations, inserts and schema switches need it). K1-CNVDS disables it
once at the very end and blocks every further load: `ccs-migrate conversion
disable --yes` or the UI, never a wave's run (the scenario's job leaves
both out).
"""


import dagster as dg

from ..resources import POOL

ENABLE_KEY = dg.AssetKey(["service", "enable_conversion"])
DISABLE_KEY = dg.AssetKey(["service", "disable_conversion"])
KEYS = (ENABLE_KEY, DISABLE_KEY)


def _conversion(context: dg.AssetExecutionContext, enable: bool) -> dg.MaterializeResult:
    target = context.resources.target
    if target.kind != "ccs":
        raise dg.Failure(f"{'K1-CNVEN' if enable else 'K1-CNVDS'} runs in the service: set CCS_TARGET=ccs "
                         f"(the target is {target.kind})")
    with target.session() as s:
        s.service = target.service_steps(log=context.log.info)
        r = s.service.conversion(s, enable)
    b = r["service"]["batch"]
    return dg.MaterializeResult(metadata={"batch_control": b["batch_control"], "job": b["job"], "run": b["run"],
                                          "run_status": b["run_status"], "ccs/target": target.describe()})


@dg.asset(key=ENABLE_KEY, group_name="service", pool=POOL, kinds={"oracle"}, required_resource_keys={"target"},
          description="K1-CNVEN: enable conversion in the service, once, before the first wave. Launched by a person.")
def enable_conversion(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    return _conversion(context, True)


@dg.asset(key=DISABLE_KEY, group_name="service", pool=POOL, kinds={"oracle"}, required_resource_keys={"target"},
          description="K1-CNVDS: disable conversion at the very end of the project. It blocks every further load, "
                      "truncation, schema switch and insert: launched by a person on purpose, never by a wave.")
def disable_conversion(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    return _conversion(context, False)


ASSETS = [enable_conversion, disable_conversion]
