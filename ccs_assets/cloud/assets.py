"""Dagster assets of Oracle steps 9-12 (scenario 1): admin/x1_migad, mdm/*, odm/*, validate/mdm_odm_reconciliation.

admin/x1_migad is not partitioned: it runs after the wave's CC&B production
and derives the MDM/ODM admin data from the master configuration; its
blocking check names every CC&B type production uses with no mapping, so no
wave reaches MDM/ODM with a type nobody mapped. Every MDM/ODM table is one
wave-partitioned asset whose lineage, deps and `dagster/column_lineage` are
generated from the catalog's `sources`; together they are one layer (one
Dagster step, scenarios/layers.py) that writes them in dependency order and
evaluates each table's checks right after writing it.
"""


import dagster as dg

from ..catalog import ccb, lineage, mdm
from ..catalog.metadata import rows_metadata
from ..catalog.model import Table
from ..reconcile import reconcile, target_counts, workbench_counts
from ..resources import POOL
from ..scenarios.layers import LayerAsset, LayerCheck, LayerRun, Written, build_layer
from ..service.steps import service_metadata
from ..settings import load_settings
from ..waves import WAVES
from . import counts as x1
from .config import X1_MASTER_CONFIGURATION, ccb_admin_codes, load_master_config, master_config_dir, read_master_config
from .steps import (available_tables, ensure_x1_schema, migrate_table, oracle_batch, run_admin,
                    source_tables, unmapped_used_codes)

CCB = {t.name: t for t in ccb.CCB_TABLES}
ADMIN_KEY = dg.AssetKey(["admin", "x1_migad"])
SAMPLE = 10


def asset_key_of(table: str, prefix: tuple[str, ...] = ()) -> dg.AssetKey:
    """The asset a table's rows come from: CC&B production, an MDM/ODM step, or step 9 (in the graph of `prefix`:
    scenario 1 has none, the upgrade scenarios put their short name in front of every key)."""
    return dg.AssetKey([*prefix, *lineage.asset_of(table).split("/")])


def column_lineage(t: Table, prefix: tuple[str, ...] = ()) -> dg.TableColumnLineage:
    deps = {}
    for c in t.columns:
        if c.sources:
            deps[c.name] = [dg.TableColumnDep(asset_key=asset_key_of(src.split(".")[0], prefix), column_name=src.split(".")[1])
                            for src in c.sources if src.split(".")[0] != t.name]
    return dg.TableColumnLineage(deps_by_column={k: v for k, v in deps.items() if v})


def _meta(rows: int, t: Table | None = None, prefix: tuple[str, ...] = (), **extra) -> dict:
    """rows_metadata, with an MDM/ODM table's name and its `dagster/column_lineage` (in the graph of `prefix`)."""
    md = rows_metadata(rows, t, **extra)
    if t is not None:
        md["dagster/table_name"] = dg.MetadataValue.text(t.name)
        lineage = column_lineage(t, prefix)
        if lineage.deps_by_column:
            md["dagster/column_lineage"] = lineage
    return md


# ---------------------------------------------------------------- step 9
CODE_MAPS_KEY = dg.AssetKey(["config", "code_maps"])
MASTER_CONFIG_KEY = dg.AssetKey(["config", "x1_master_configuration"])


@dg.asset(key=MASTER_CONFIG_KEY, group_name="config", kinds={"pandas"}, dagster_type=X1_MASTER_CONFIGURATION,
          description="Step 9's migration master configuration (CCS_X1_MASTER_CONFIG, or the demo one): one CSV per kind of "
                      "CC&B admin code and settings.csv. Typed DataFrames (dagster-pandas): a bad file fails the output's "
                      "type check naming file, rule, column and line; X1-MIGAD reads the folder through the same check.")
def x1_master_configuration(context: dg.AssetExecutionContext) -> dg.Output:
    folder = master_config_dir(load_settings())
    frames = read_master_config(folder)  # checked by X1_MASTER_CONFIGURATION when returned
    counts = {file: len(df) for file, df in frames.items()}
    return dg.Output(frames, metadata=rows_metadata(sum(counts.values()), folder=str(folder), rows_per_file=counts))
X1_MIGAD_CCB = ("CI_SP", "CI_SA", "CI_MTR", "CI_MTR_CONFIG", "CI_REG", "CI_ITEM")


def x1_migad_asset(prefix: tuple[str, ...] = (), extra_deps: tuple[dg.AssetKey, ...] = (CODE_MAPS_KEY,),
                   admin_step: int = 9) -> dg.AssetsDefinition:
    """Step 9 in the graph of `prefix`: after scenario 1's code maps, or after an upgrade's step-5 validation
    (`admin_step`: the number Oracle gives X1-MIGAD in that scenario, 6 in scenario 2)."""
    key = dg.AssetKey([*prefix, *ADMIN_KEY.path])
    deps = list(extra_deps) + [asset_key_of(n, prefix) for n in X1_MIGAD_CCB if n in CCB]

    @dg.asset(key=key, group_name="admin", pool=POOL, kinds={"duckdb"}, deps=deps, required_resource_keys={"target"},
              check_specs=[dg.AssetCheckSpec("every_used_type_mapped", asset=key, blocking=True,
                                             description="Every CC&B SP, SA, meter, configuration, register UOM/TOU and item "
                                                         "type that production uses has an MDM/ODM mapping in the master "
                                                         "configuration.")],
              description=f"Step {admin_step}, rehearsal stand-in for Oracle's Admin migration batch X1-MIGAD (on the cloud service it "
                          "runs inside the service; its parameters are not public): the project's own SQL derives SP types "
                          "(X1D-ServicePointType), usage subscription types (SA Type Mapping), device, device configuration, "
                          "measuring component and asset types, and the store node, derived from the CC&B admin codes through "
                          "the migration master configuration (CCS_X1_MASTER_CONFIG). Rerunnable.")
    def x1_migad(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        settings = load_settings()
        folder = master_config_dir(settings)
        rows, _ = load_master_config(folder)
        with context.resources.target.session() as s:
            counts = run_admin(s, rows)
            unmapped = unmapped_used_codes(s)
            service = service_metadata(s.service.results.get("admin")) if s.service is not None else {}
        mapped = {(r["KIND"], r["CCB_CODE"]) for r in rows}
        admin_unmapped = sorted(f"{k} {c}" for k, codes in ccb_admin_codes(settings.code_maps).items() for c in codes
                                if (k, c) not in mapped)
        names = ", ".join(f"{u['kind']} {u['code']} ({u['rows']} {u['table']} rows)" for u in unmapped)
        return dg.MaterializeResult(
            metadata=_meta(sum(v for k, v in counts.items() if k != mdm.TYPE_MAP), master_config=str(folder), tables=counts,
                           ccb_admin_codes_without_mapping=admin_unmapped, **service),
            check_results=[dg.AssetCheckResult(
                check_name="every_used_type_mapped", passed=not unmapped,
                description=(f"CC&B types used by migrated data with no MDM/ODM mapping in {folder}: {names}" if unmapped
                             else "every CC&B type production uses is mapped"),
                metadata={"unmapped": dg.MetadataValue.json(unmapped)})],
        )
    return x1_migad


x1_migad = x1_migad_asset(extra_deps=(CODE_MAPS_KEY, MASTER_CONFIG_KEY))  # scenario 1's step 9


# ---------------------------------------------------------------- steps 10-12
def step_asset(t: Table, prefix: tuple[str, ...] = (), admin_step: int = 9, link: bool = False) -> LayerAsset:
    """`t`'s MDM/ODM step; Oracle numbers it from the scenario's X1-MIGAD step (10-12 after step 9 in scenario 1).
    `link` (scenario 6): records the target's MDM/ODM already holds are linked, not created twice."""
    deps = [dg.AssetKey([*prefix, *ADMIN_KEY.path])] + [asset_key_of(n, prefix) for n in source_tables(t)]
    what = f" (with CC&B keys {', '.join(t.key_sources)} mapped in CCS_X1_KEY_MAP)" if t.key_sources else ""

    def write(run: LayerRun) -> dict:
        s = run.target
        run.once("x1_schema", lambda: ensure_x1_schema(s))
        r = migrate_table(s, t, run.wave, link)
        return _meta(r["rows"], t, prefix, **{k: v for k, v in r.items() if k not in ("rows", "service")}, **service_metadata(r))

    return LayerAsset(dg.AssetSpec(
        [*prefix, t.product, t.asset_name], group_name=t.product, kinds={"duckdb"}, deps=list(dict.fromkeys(deps)),
        description=f"Step {t.seed_step - 9 + admin_step}: {t.name}{what} from the wave's production CC&B rows, replacing exactly the "
                    f"rows the wave owns. {t.description}"),
        write, step_checks(t))


def _violations(run: LayerRun, queries, what: str, t: Table) -> dg.AssetCheckResult:
    wave, s = run.wave, run.target
    bad, samples = 0, {}
    for col, q in queries(s):
        n = s.scalar(f"SELECT count(*) FROM ({q}) v", wave=wave)
        if n:
            bad += n
            samples[col] = [r[0] for r in s.query(f"SELECT VAL FROM ({q}) v ORDER BY VAL", wave=wave)[:SAMPLE]]
    return dg.AssetCheckResult(passed=bad == 0, metadata={"violations": bad, "sample": dg.MetadataValue.json(samples)},
                               description=f"{bad} {what} in {t.name} for wave {wave}" if bad else f"no {what}")


def step_checks(t: Table) -> list[LayerCheck]:
    out = []
    if t.key_sources:
        out.append(LayerCheck(
            "every_ccb_row_has_counterpart",
            lambda run, facts: _violations(run, lambda s: x1.counterpart_sql(s, t), "CC&B rows without counterpart or reason", t),
            description=f"Every CC&B row of the wave ({', '.join(t.key_sources)}) has its {t.name} row, or a "
                        f"recorded reason why not (ccs-migrate errors, step mdm-odm)."))
    if t.foreign_keys:
        out.append(LayerCheck(
            "foreign_keys_resolve", lambda run, facts: _violations(run, lambda s: x1.fk_sql(s, t), "orphan foreign keys", t),
            description=f"Every foreign key of {t.name} ({', '.join(c.name for c in t.foreign_keys)}) resolves."))

    def pk(run: LayerRun, facts) -> dg.AssetCheckResult:
        dups = run.target.query(x1.pk_duplicates_sql(run.target, t))
        return dg.AssetCheckResult(passed=not dups, metadata={"duplicates": len(dups)},
                                   description=f"{len(dups)} duplicated keys" if dups else "unique")
    out.append(LayerCheck("primary_key_unique", pk,
                          description=f"The primary key of {t.name} ({', '.join(t.primary_key)}) is unique across all waves."))
    return out


RECON_KEY = dg.AssetKey(["validate", "mdm_odm_reconciliation"])


def legacy_report(run: LayerRun, tables: list[Table]) -> tuple[dict, list[str], dict]:
    """Scenario 1: legacy files -> CC&B production (ccs_assets.reconcile) -> MDM/ODM counts."""
    wb = workbench_counts(run.workbench, run.wave)
    tg = target_counts(run.target, run.wave)
    c = x1.x1_counts(run.target, run.wave, tables)
    report, problems = reconcile(wb, tg, c)
    problems += [p for p in x1.x1_problems(c, strict=True) if p not in problems]
    return report, problems, c


def reconciliation_asset(tables: list[Table], prefix: tuple[str, ...] = (), report_fn=legacy_report,
                         description: str = "") -> LayerAsset:
    def problems_of(run: LayerRun) -> tuple[dict, list[str], dict]:
        return report_fn(run, tables)

    def write(run: LayerRun) -> Written:
        report, problems, c = problems_of(run)
        return Written(_meta(sum(r["rows"] for r in c.values()), report=report, problems=problems), facts=problems)

    def counts_add_up(run: LayerRun, problems: list[str] | None) -> dg.AssetCheckResult:
        problems = problems_of(run)[1] if problems is None else problems
        return dg.AssetCheckResult(passed=not problems, metadata={"problems": dg.MetadataValue.json(problems)},
                                   description="; ".join(problems[:5]) or "legacy to MDM/ODM counts add up")

    return LayerAsset(dg.AssetSpec(
        [*prefix, *RECON_KEY.path], group_name="validate_mdm_odm", kinds={"duckdb"},
        deps=[dg.AssetKey([*prefix, t.product, t.asset_name]) for t in tables],
        description=description or "Steps 1-12 reconciled for the wave, from the legacy files to ODM asset dispositions: "
                    "the CC&B report (ccs_assets.reconcile) extended per MDM/ODM table with the wave's CC&B rows, mapped "
                    "keys, records not migrated (with reasons) and rows written."),
        write, [LayerCheck("counts_add_up", counts_add_up, blocking=True,
                           description="legacy = accepted + rejected at every CC&B step; CC&B rows of the wave = mapped + "
                                       "not migrated = MDM/ODM rows; every install event is an installed asset disposition")])


def build(scenario: str, prefix: tuple[str, ...] = (), admin_deps: tuple[dg.AssetKey, ...] = (CODE_MAPS_KEY,),
          report_fn=legacy_report, description: str = "", admin_step: int = 9, link: bool = False) -> tuple[list, list]:
    """Assets of steps 9-12 for the tables whose CC&B sources the catalog has: admin/x1_migad, then one MDM/ODM layer,
    in the graph of `prefix` (scenario 1: none; scenario 2 builds the same assets as its steps 6-9: admin_step=6)."""
    tables = available_tables()
    admin = (x1_migad if prefix == () and admin_deps == (CODE_MAPS_KEY,) and admin_step == 9
             else x1_migad_asset(prefix, admin_deps, admin_step))
    layer = build_layer(scenario, "mdm_odm", [step_asset(t, prefix, admin_step, link) for t in tables]
                        + [reconciliation_asset(tables, prefix, report_fn, description)])
    return [admin, layer], []
