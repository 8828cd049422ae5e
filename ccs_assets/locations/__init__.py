"""One Dagster code location per upgrade scenario (workspace.yaml): each graph shows only its own steps."""

import dagster as dg

from ..resources import build_resources
from ..settings import load_settings
from ..source import source_resource


def resources(settings=None, mscs: bool = False) -> dict:
    """Scenario 1's resources plus the CC&B source (CCS_SOURCE_CCB, default <source folder>/ccb.duckdb); `mscs`
    (scenario 6): the MSCS clone to copy into a rehearsal target (CCS_SOURCE_MSCS, default <source folder>/mscs.duckdb)."""
    settings = settings or load_settings()
    out = {**build_resources(settings),
           "source_ccb": source_resource("ccb", settings.env, settings.source_dir / "ccb.duckdb")}
    if mscs:
        out["source_mscs"] = source_resource("mscs", settings.env, settings.source_dir / "mscs.duckdb")
    return out


def location(scenario) -> tuple[dg.Definitions, str]:
    """The Definitions of one upgrade scenario (its graph, its job named after its prefix) and the job's name."""
    from ..catalog import lineage
    from ..scenarios import upgrade

    assets, checks, selection = upgrade.build(scenario)
    # every asset page ends with its column lineage table, as scenario 1's do
    assets = [a.map_asset_specs(lineage.described) if isinstance(a, dg.AssetsDefinition) else lineage.described(a)
              for a in assets]
    job = dg.define_asset_job(scenario.prefix, selection=selection,
                              description=f"{scenario.title}: Oracle steps 1-{scenario.last_step} for one wave.")
    return dg.Definitions(assets=assets, asset_checks=checks, jobs=[job], resources=resources(mscs=scenario.mscs_clone),
                          executor=dg.in_process_executor), scenario.prefix
