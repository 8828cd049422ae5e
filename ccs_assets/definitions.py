"""Dagster entry point: scenario 1 (legacy CIS -> CCS) on the target the settings name."""

import dagster as dg

from .instance import use_shared_engines

use_shared_engines()  # before any instance storage is opened in this process (see instance.py)

from .resources import build_resources
from .scenarios import legacy_cis
from .settings import load_settings
from .waves.sensors import stuck_run_sensor, wave_plan_sensor

_assets, _checks = legacy_cis.build()

legacy_cis_job = dg.define_asset_job(
    "legacy_cis", selection=dg.AssetSelection.all() - dg.AssetSelection.keys(["config", "code_maps"]),
    partitions_def=legacy_cis.WAVES, description="Scenario 1 (Legacy CIS -> CCS), Oracle steps 1 and 4-8, for one wave.",
)

defs = dg.Definitions(
    assets=_assets,
    asset_checks=_checks,
    jobs=[legacy_cis_job],
    sensors=[wave_plan_sensor, stuck_run_sensor],
    resources=build_resources(load_settings()),
    executor=dg.in_process_executor,
)
