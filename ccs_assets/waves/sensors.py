"""Sensor: register the wave plan's waves as partitions when they appear in the landing folder."""

from __future__ import annotations

import dagster as dg

from ..settings import load_settings
from .partitions import WAVES, planned_waves


@dg.sensor(minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Adds the waves of CCS_LANDING/wave_plan.csv (and waves.csv) that the instance does not have yet.")
def wave_plan_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    landing = load_settings().landing
    try:
        planned = planned_waves(landing)
    except FileNotFoundError as exc:
        return dg.SkipReason(str(exc))
    existing = set(context.instance.get_dynamic_partitions(WAVES.name))
    new = [w for w in planned if w not in existing]
    if not new:
        return dg.SkipReason(f"all {len(planned)} planned waves are registered")
    return dg.SensorResult(dynamic_partitions_requests=[WAVES.build_add_request(new)])


@dg.sensor(minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Marks failed the runs whose process is gone (hard kill, out of memory, reboot) and frees "
                       "their pool slots, so queued runs start again; the same repair as `ccs-migrate doctor`.")
def stuck_run_sensor(context: dg.SensorEvaluationContext) -> dg.SkipReason:
    from .runs import diagnose, repair

    d = diagnose(context.instance)
    if d.healthy:
        return dg.SkipReason(f"{len(d.live)} run(s) in progress, each with its process alive; no orphan pool slots")
    done = repair(context.instance, d)
    for line in done:
        context.log.warning(line)
    return dg.SkipReason("; ".join(done))
