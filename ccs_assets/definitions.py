"""Dagster entry point: scenario 1 (legacy CIS -> CCS) on the target the settings name."""

import dagster as dg

from .instance import use_shared_engines

use_shared_engines()  # before any instance storage is opened in this process (see instance.py)

from .catalog import lineage
from .resources import build_resources
from .scenarios import legacy_cis
from .service import assets as service_assets
from .settings import load_settings
from .waves.sensors import stuck_run_sensor, wave_plan_sensor

GATE = dg.AssetKey(["validate", "wave_gate"])


def presented(spec: dg.AssetSpec, production: frozenset) -> dg.AssetSpec:
    """How an asset reads in the UI, in one place: its group is its key prefix (`staging/ci_per` in group
    `staging`), its description ends with its column lineage table (the open-source UI does not draw
    `dagster/column_lineage`), and a production asset that already waits for a production parent does not
    also draw an edge from the reject-rate gate (it still runs only after the gate, through that parent)."""
    deps = spec.deps
    if any(d.asset_key == GATE for d in deps) and any(d.asset_key in production for d in deps):
        deps = [d for d in deps if d.asset_key != GATE]
    return lineage.described(spec.replace_attributes(group_name=spec.key.path[0], deps=deps))


def _present(assets: list) -> list:
    production = frozenset(k for a in assets for k in a.keys if k.path[0] == "production")
    return [a.map_asset_specs(lambda s: presented(s, production)) for a in assets]


_assets, _checks = legacy_cis.build()
_assets = _present(_assets)

legacy_cis_job = dg.define_asset_job(  # never the conversion switches (K1-CNVEN/K1-CNVDS): a person launches those
    "legacy_cis", selection=dg.AssetSelection.all() - dg.AssetSelection.keys(
        ["config", "code_maps"], ["config", "x1_master_configuration"], *service_assets.KEYS),
    partitions_def=legacy_cis.WAVES,
    description="Scenario 1 (Legacy CIS -> CCS), Oracle steps 1-12 for one wave: legacy landing, transform (ccb/*), "
                "extract, upload, staging, keys and validation, reject-rate gate, production, step-8 checks and "
                "reconciliation, admin migration (X1-MIGAD), MDM and ODM.",
)

defs = dg.Definitions(
    assets=_assets + service_assets.ASSETS,
    asset_checks=_checks,
    jobs=[legacy_cis_job],
    sensors=[wave_plan_sensor, stuck_run_sensor],
    resources=build_resources(load_settings()),
    executor=dg.in_process_executor,
)
