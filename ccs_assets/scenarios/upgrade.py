"""Upgrade scenarios whose source is the utility's own CC&B database (DESIGN.md 3b), as their own graphs.

Scenario 2, "Customer Care and Billing Upgrading to Customer Cloud Service":
steps 1-2 (export, upgrade: the DBA's work, external assets whose checks
verify the source) -> 3 extract + upload (load files, `_K` files, manifest)
-> 4 SQL Loader batch into production with CC&B's keys kept (load checks,
reject gate, production + `_K`) -> 5 validation in production -> 6-9 X1-MIGAD
and CC&B -> MDM/ODM, the very assets scenario 1 uses (ccs_assets.cloud). Every
key starts with the scenario's short name so no key is defined twice across
the workspace. One step per layer (scenarios/layers.py): each table is still its
own asset with its own materialization and partition status.
"""


from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from ..catalog import ccb, ccb_txn, lineage
from ..catalog.ccb_release import RELEASE_COLUMNS
from ..catalog.metadata import column_schema as _schema
from ..catalog.metadata import rows_metadata as _meta
from ..catalog.model import Table
from ..production import conversion_controls as ctl
from ..resources import POOL
from ..settings import load_settings
from ..source import SourceError
from ..storage import store_from_env
from ..storage.manifest import upload_outbox, verified_inbox
from ..target import ensure_target_schema
from ..target.dialect import DUCKDB
from ..target.resource import TargetSession
from ..target.schema import ensure_tables, transactional_production_tables
from ..upgrade import source_side as src_side
from ..upgrade import target_side as tgt_side
from ..validate import financial
from ..waves import WAVES
from . import checks
from .layers import LayerAsset, LayerCheck, LayerRun, build_layer


@dataclass(frozen=True)
class Scenario:
    prefix: str  # short name in front of every asset key
    cli_name: str
    title: str
    tables: tuple[Table, ...]  # catalog order = load order
    mdm_odm: bool  # steps 6-9 (X1-MIGAD, CC&B -> MDM/ODM)
    transactional: bool = False  # bills, payments, adjustments, FTs: conversion deposit/tender control in production
    mscs_clone: bool = False  # scenario 6: the target already holds MSCS's MDM/ODM (step 3), steps 8-11 link to it

    @property
    def last_step(self) -> int:
        return 11 if self.mscs_clone else 9 if self.mdm_odm else 5


CCB_TO_CCS = Scenario("ccb_to_ccs", "ccb-to-ccs", "Scenario 2, Customer Care and Billing upgrading to Customer Cloud Service",
                      ccb.CCB_TABLES, True)
_MASTER = {t.name for t in ccb.CCB_TABLES}
CCB_TO_CLOUD = Scenario(
    "ccb_to_cloud", "ccb-to-ccb-cloud", "Scenario 5, Customer Care and Billing upgrading to CC&B Cloud Service",
    ccb.CCB_TABLES + tuple(t for t in ccb_txn.LOAD_ORDER if t.name not in _MASTER and t not in ccb_txn.CONTROL_TABLES),
    False, True)
CCB_MSCS_TO_CCS = Scenario(
    "ccb_mscs", "ccb-mscs-to-ccs",
    "Scenario 6, Customer Care and Billing and Meter Solution Cloud Service upgrading to Customer Cloud Service",
    CCB_TO_CLOUD.tables, True, True, True)
SCENARIOS = {sc.cli_name: sc for sc in (CCB_TO_CCS, CCB_TO_CLOUD, CCB_MSCS_TO_CCS)}
TENDER_CONTROL = ("CI_PAY_TNDR", "TNDR_CTL_ID")  # every migrated tender points at the conversion tender control


def _wave_of(context) -> str | None:
    return context.run.tags.get("dagster/partition")


def plan_file(settings) -> Path:
    return settings.source_dir / "wave_plan.csv"


def register_lineage(sc: Scenario) -> None:
    """The scenario's column lineage (source table -> extract -> load -> production -> MDM/ODM), from the catalog,
    for its asset pages and `ccs-migrate lineage`."""
    lineage.register_upgrade(sc.prefix, sc.tables, sc.mdm_odm)


def build(sc: Scenario) -> tuple[list, list, dg.AssetSelection]:
    """Assets and checks of one upgrade scenario, and the job's selection."""
    register_lineage(sc)
    P = sc.prefix
    tables = sc.tables
    by_name = {t.name: t for t in tables}

    def key(*parts: str) -> dg.AssetKey:
        return dg.AssetKey([P, *parts])

    # ------------------------------------------------------------ steps 1-2: the DBA's work (external)
    export = dg.AssetSpec(key("source", "export"), group_name="source", kinds={"oracle"},
                          description="Step 1 (DBA, outside this tool): export the on-premises CC&B database (Data Pump "
                                      "expdp/impdp) to a single-instance database used only for the extraction.")
    upgrade = dg.AssetSpec(key("source", "upgrade"), group_name="source", kinds={"oracle"}, deps=[export.key],
                           description="Step 2 (DBA, outside this tool): upgrade the single-instance database to the cloud "
                                       "service's CC&B version. This tool reads it read-only (CCS_SOURCE_CCB).")

    def source_check(spec: dg.AssetSpec, step: int):
        @dg.asset_check(asset=spec.key, name="source_readable", blocking=True, pool=POOL,
                        required_resource_keys={"source_ccb", "workbench"},
                        description=f"Step {step} delivered what step 3 needs: every table this scenario extracts exists with "
                                    f"its key and foreign-key columns, readable by the configured user.")
        def _check(context) -> dg.AssetCheckResult:
            wave = _wave_of(context)
            with context.resources.workbench.connect() as con:
                src_side.ensure_upgrade_workbench(con)
                try:
                    with context.resources.source_ccb.reader(con) as src:
                        problems = src_side.structure_problems(src, tables)
                except SourceError as exc:
                    problems = [{"table": "(source)", "column": None, "rule": "SOURCE_UNREACHABLE", "message": exc.description}]
                if wave:
                    con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = 'source'", [wave])
                    for p in problems:
                        con.execute("INSERT INTO wb.errors VALUES (?, 'source', ?, NULL, ?, ?, NULL, ?, NULL, NULL, NULL)",
                                    [wave, p["table"], p["rule"], p["column"], p["message"]])
            return dg.AssetCheckResult(passed=not problems, metadata={"problems": dg.MetadataValue.json(problems)},
                                       description="; ".join(p["message"] for p in problems[:5]) or
                                       f"{len(tables)} tables with their keys readable at {context.resources.source_ccb.describe()}")
        return _check

    source_checks = [source_check(export, 1), source_check(upgrade, 2)]
    before_extract = [upgrade.key]
    clone_assets = []
    if sc.mscs_clone:
        clone_assets = [mscs_clone_asset(key("mscs", "clone"), upgrade.key)]
        clone_assets.append(partitions_asset(key("partitions", "ilm"), clone_assets[0].key, tables))
        before_extract = [clone_assets[1].key]

    # ------------------------------------------------------------ step 3: ownership, extract, upload
    @dg.asset(key=key("waves", "ownership"), group_name="extract", partitions_def=WAVES, pool=POOL, kinds={"duckdb"},
              deps=before_extract, required_resource_keys={"source_ccb", "workbench"},
              description="Step 3: which wave owns each source key (wave_plan.csv acct_id,wave; without it one wave "
                          "`all`): an account's data goes with it, a premise, SP or meter shared by several waves' "
                          "accounts with the earliest.")
    def ownership(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        settings = load_settings()
        with context.resources.workbench.connect() as con:
            src_side.ensure_upgrade_workbench(con)
            planned = src_side.read_plan(con, plan_file(settings))
            with context.resources.source_ccb.reader(con, [t.name for t in tables]) as src:
                per_wave = src_side.compute_ownership(con, src, tables)
        return dg.MaterializeResult(metadata=_meta(per_wave.get(context.partition_key, 0), planned_accounts=planned,
                                                   keys_per_wave=per_wave))

    config_deps: dict[str, list[dg.AssetKey]] = {}  # scenario 6: extract waits for the admin tables its codes use
    config_assets = []
    if sc.mscs_clone:
        config, config_deps = config_layer(P, tables, ownership.key)
        config_assets = [config]

    def prepared(run: LayerRun) -> dict:
        """Once per step (and again after a failed write reset the connections): the source attached to the
        workbench, each table's layout from the target's dictionary, the structure problems and the source checks."""
        return run.once("upgrade_extract", lambda: _prepare(run))

    def _prepare(run: LayerRun) -> dict:
        settings = load_settings()
        s = run.target
        ensure_target_schema(s)
        if sc.transactional:
            ensure_tables(s, s.prod, transactional_production_tables())
        added = tgt_side.add_release_columns(s, RELEASE_COLUMNS)
        target_cols = tgt_side.target_columns(s, s.prod)
        con = run.workbench
        src_side.ensure_upgrade_workbench(con)
        src = run.enter(run.resources.source_ccb.reader(con, [t.name for t in tables]))
        problems = src_side.structure_problems(src, tables)
        source_cols = src.columns()
        layouts = {t.name: src_side.layout(t, source_cols.get(t.name, []), target_cols.get(t.name, []),
                                           set(settings.drop_columns)) for t in tables if t.name in source_cols}
        for lay in layouts.values():
            problems += [{"table": lay.table.name, "column": c, "rule": "SOURCE_COLUMN_NOT_IN_TARGET",
                          "message": f"source column {lay.table.name}.{c} has no column in the target table: add it to "
                                     f"CCS_SOURCE_DROP_COLUMNS to leave it behind on purpose"} for c in lay.unknown]
        notes = [{"table": lay.table.name, "column": c, "rule": "TARGET_COLUMN_DEFAULTED",
                  "message": f"target column {lay.table.name}.{c} is not in the source: written as OUAF's empty value"}
                 for lay in layouts.values() for c in lay.defaulted]
        if problems:
            src_side.record_errors(con, run.wave, problems + notes)
            raise src_side.SourceStructureError(
                f"the source cannot be extracted as it is: {'; '.join(p['message'] for p in problems[:3])}"
                f"{' ...' if len(problems) > 3 else ''} (ccs-migrate errors --wave {run.wave})")
        rejects = src_side.check_source_wave(con, src, tables, run.wave)
        src_side.record_errors(con, run.wave, notes)
        return {"con": con, "src": src, "layouts": layouts, "rejects": rejects, "added": added, "settings": settings,
                "out": settings.outbox / P / run.wave}

    def extract_asset(t: Table) -> LayerAsset:
        def write(run: LayerRun) -> dict:
            p = prepared(run)
            overrides = ({TENDER_CONTROL[1]: f"'{p['settings'].conversion_controls[1]}'"}
                         if sc.transactional and t.name == TENDER_CONTROL[0] else None)
            r = src_side.extract_table(p["con"], p["src"], p["layouts"][t.name], run.wave, p["out"], p["settings"].env_id,
                                       overrides)
            return {**_meta(r["rows"], **{k: v for k, v in r.items() if k != "rows"}),
                    "dagster/column_schema": _schema(p["layouts"][t.name].table), "folder": str(p["out"]),
                    "release_columns_added_to_target": p["added"],
                    "rejects_by_rule": p["rejects"]}
        return LayerAsset(dg.AssetSpec(
            key("extract", t.asset_name), group_name="extract", kinds={"file"},
            deps=[key("waves", "ownership"), *config_deps.get(t.name, [])],
            description=f"Step 3: {t.name}.dat and its control file{' and ' + t.k_table if t.key_table else ''} from the "
                        f"source, every column the target table has; source checks (duplicate keys, orphans) first."),
            write)

    extract = build_layer(P, "extract", [extract_asset(t) for t in tables],
                          required_resource_keys={"source_ccb", "workbench", "target"})
    extract_keys = [key("extract", t.asset_name) for t in tables]

    @dg.asset(key=key("upload", "wave_files"), group_name="extract", partitions_def=WAVES, pool=POOL, kinds={"s3"},
              deps=extract_keys, required_resource_keys={"workbench"},
              description="Step 3: upload the wave's files (data, control, `_K`) to object storage with a manifest "
                          "(rows and SHA-256 per file).")
    def wave_files(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        wave = context.partition_key
        settings = load_settings()
        with context.resources.workbench.connect() as con:
            counts = dict(con.execute("SELECT file_name, rows FROM wb.extract_counts WHERE wave = ?", [wave]).fetchall())
        store = store_from_env(ccs_home=settings.home)
        manifest, rows = upload_outbox(store, wave, settings.outbox / P / wave, counts)
        return dg.MaterializeResult(metadata=_meta(rows, bucket=store.describe(), manifest=manifest))

    # ------------------------------------------------------------ step 4: load into production, keys kept
    def runtime(run: LayerRun) -> dict[str, Table]:
        """Each table with the target's columns (the files' layout), once per step."""
        def read() -> dict[str, Table]:
            cols = tgt_side.target_columns(run.target, run.target.prod)
            return {t.name: src_side.target_table(t, cols.get(t.name, [])) for t in tables}
        return run.once("upgrade_runtime", read)

    def load_asset(t: Table) -> LayerAsset:
        def write(run: LayerRun) -> dict:
            settings = load_settings()
            inbox = verified_inbox(store_from_env(ccs_home=settings.home), settings.home, run.wave, run.context.run_id)
            r = tgt_side.load_file(run.target, runtime(run)[t.name], inbox, run.wave)
            return _meta(r["loaded"], **r)
        return LayerAsset(dg.AssetSpec(
            key("load", t.asset_name), group_name="load", kinds={"duckdb"}, deps=[wave_files.key],
            description=f"Step 4: {t.name}.dat parsed (SQL Loader equivalent) into its load-check table CCS_UP_{t.name}; "
                        f"nothing reaches production before the wave's load checks and gate."), write)

    load = build_layer(P, "load", [load_asset(t) for t in tables], required_resource_keys={"target"})

    @dg.asset(key=key("validate", "wave_gate"), group_name="load", partitions_def=WAVES, pool=POOL, kinds={"duckdb"},
              deps=[key("load", t.asset_name) for t in tables], required_resource_keys={"workbench", "target"},
              check_specs=[dg.AssetCheckSpec("reject_rate_below_threshold", asset=key("validate", "wave_gate"), blocking=True,
                                             description="Blocks production when the wave's reject rate (source and load "
                                                         "checks) is above CCS_REJECT_THRESHOLD.")],
              description="Step 4: load checks of the wave's files (a key already in production that is not this wave's: "
                          "KEY_COLLISION, never overwritten; ORPHAN_FK; PARENT_REJECTED), then its rejected keys (source "
                          "and load checks) over the keys it owns against CCS_REJECT_THRESHOLD, before production.")
    def wave_gate(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        wave = context.partition_key
        threshold = load_settings().reject_threshold
        with context.resources.target.session() as s:
            cols = tgt_side.target_columns(s, s.prod)
            load_rules = tgt_side.check_loaded_wave(s, tuple(src_side.target_table(t, cols.get(t.name, [])) for t in tables), wave)
        r = reject_rate(context.resources.workbench, context.resources.target, tables, wave)
        why = ", ".join(f"{k} ({v})" for k, v in list(r["rules"].items())[:5]) or "no rejects"
        return dg.MaterializeResult(
            metadata=_meta(r["records"], reject_rate=dg.MetadataValue.float(r["rate"]), rejected=r["rejected"], rules=r["rules"],
                           load_checks=load_rules),
            check_results=[dg.AssetCheckResult(
                check_name="reject_rate_below_threshold", passed=r["rate"] <= threshold,
                description=f"wave {wave}: {r['rejected']} of {r['records']} keys rejected ({r['rate']:.2%}, threshold "
                            f"{threshold:.2%}); driven by {why}",
                metadata={"reject_rate": dg.MetadataValue.float(r["rate"]), "threshold": dg.MetadataValue.float(threshold)})])

    def production_deps(t: Table) -> list[dg.AssetKey]:
        deps = [wave_gate.key, key("load", t.asset_name)]
        deps += [key("production", p.lower()) for p in dict.fromkeys([t.entity] + [c.fk_table for c in t.foreign_keys])
                 if p in by_name and p != t.name]
        return deps

    def production_asset(t: Table) -> LayerAsset:
        def write(run: LayerRun) -> dict:
            settings = load_settings()
            tables_now = runtime(run)
            if sc.transactional and t.name == TENDER_CONTROL[0]:
                controls = ctl.ConversionControls.from_settings(settings)
                created = ctl.ensure_conversion_controls(run.target, controls,
                                                         currency=tgt_side.wave_currency(run.target, run.wave))
                run.log.info(f"conversion controls {'created' if created else 'already in production'}: {controls}")
            r = tgt_side.insert_production(run.target, tables_now[t.name], tables_now, run.wave, settings.env_id)
            return {**_meta(r["rows"], **{k: v for k, v in r.items() if k != "rows"}),
                    "dagster/column_schema": _schema(tables_now[t.name])}
        return LayerAsset(dg.AssetSpec(
            key("production", t.asset_name), group_name="production", kinds={"duckdb"}, deps=production_deps(t),
            description=f"Step 4: the wave's accepted {t.name} rows in production (cisadm) with their CC&B keys"
                        f"{', and ' + t.k_table + ' rows with ENV_ID' if t.key_table else ''}; a rerun replaces exactly "
                        f"the wave's rows."
                        + (" First creates the conversion deposit and tender control every tender points at."
                           if sc.transactional and t.name == TENDER_CONTROL[0] else "")), write)

    production = build_layer(P, "production", [production_asset(t) for t in tables], required_resource_keys={"target"})
    prod_keys = [key("production", t.asset_name) for t in tables]

    # ------------------------------------------------------------ step 5: validation in production
    vkey = key("validate", "production")
    vchecks = [dg.AssetCheckSpec(n, asset=vkey, blocking=True, description=d) for n, d in (
        ("foreign_keys_resolve", "Every foreign key of every catalog table resolves in production for the wave."),
        ("key_formats", "Every system key is all digits of its length, never blank or all zeros."),
        ("primary_keys_unique", "Every table's primary key is unique across all waves."),
        ("counts_add_up", "Per table: source rows of the wave = production rows + rejected rows (with their rules), "
                          "and a `_K` row per production key."))]
    if sc.transactional:  # the financial reconciliation (reference section 3): money arrived whole, per account
        vchecks += [dg.AssetCheckSpec(name, asset=vkey, blocking=True, description=FINANCIAL_CHECKS[rule])
                    for rule, name in financial.RULES.items()]
        vchecks.append(dg.AssetCheckSpec(
            "tenders_on_conversion_control", asset=vkey, blocking=True,
            description="Every tender of the wave's accounts points at the conversion tender control (deposit and tender "
                        "controls are not migrated); metadata: the total the user enters to balance it."))

    @dg.asset(key=vkey, group_name="validate_production", partitions_def=WAVES, pool=POOL, kinds={"duckdb"},
              deps=prod_keys, check_specs=vchecks,
              required_resource_keys={"workbench", "target"} | ({"source_ccb"} if sc.transactional else set()),
              description="Step 5: validation in production: foreign keys, key formats, unique keys, and counts from the "
                          "source to production per table for the wave"
                          + ("; the financial reconciliation against the source (blocking, failures listed per account in "
                             "`ccs-migrate errors`, step financial) and every tender on the conversion tender control."
                             if sc.transactional else "."))
    def validate_production(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        wave = context.partition_key
        report, problems = upgrade_report(context.resources.workbench, context.resources.target, tables, wave)
        fk_bad, key_bad, dups = {}, {}, {}
        parents = {**{t.name: t for t in ccb.CCB_TABLES}, **ccb_txn.PARENTS}
        with context.resources.target.session() as s:
            for t in tables:
                n, sample = checks.count_violations(s, checks.fk_violations_sql(s, t, parents), wave)
                if n:
                    fk_bad[t.name] = {"violations": n, "sample": sample}
                n, sample = checks.count_violations(s, checks.key_format_sql(s, t), wave)
                if n:
                    key_bad[t.name] = {"violations": n, "sample": sample}
                d = checks.pk_duplicates(s, t)
                if d:
                    dups[t.name] = [list(map(str, x)) for x in d[:10]]

        def result(name, bad, what):
            return dg.AssetCheckResult(check_name=name, passed=not bad, metadata={"found": dg.MetadataValue.json(bad)},
                                       description=(f"{what}: " + ", ".join(bad)) if bad else f"no {what}")
        results = [result("foreign_keys_resolve", fk_bad, "orphan foreign keys"),
                   result("key_formats", key_bad, "malformed keys"),
                   result("primary_keys_unique", dups, "duplicated keys"),
                   dg.AssetCheckResult(check_name="counts_add_up", passed=not problems,
                                       metadata={"problems": dg.MetadataValue.json(problems)},
                                       description="; ".join(problems[:5]) or "source = production + rejected, per table")]
        extra = {}
        if sc.transactional:
            findings = financial_reconciliation(context.resources.workbench, context.resources.source_ccb,
                                                context.resources.target, tables, wave)
            results += [financial.check_result(f) for f in findings]
            results.append(tender_check(context.resources.target, wave))
            extra["financial"] = {f.rule: f.failed for f in findings}
        return dg.MaterializeResult(
            metadata=_meta(sum(r.get("production", 0) for r in report.values()), report=report, problems=problems, **extra),
            check_results=results)

    assets = [export, upgrade, *clone_assets, ownership, *config_assets, extract, wave_files, load, wave_gate, production, validate_production]
    asset_checks = list(source_checks)
    if sc.mdm_odm:
        from ..cloud.assets import build as steps_6_to_9  # the same X1-MIGAD and MDM/ODM assets scenario 1 uses

        def report_fn(run: LayerRun, x1_tables):
            from ..cloud import counts as x1
            report, problems = upgrade_report_of(run.workbench, run.target, tables, run.wave)
            c = x1.x1_counts(run.target, run.wave, x1_tables, linked=sc.mscs_clone)
            out = {"tables": report, "mdm_odm": c}
            if sc.mscs_clone:
                from ..upgrade.mscs_clone import wave_conflicts

                src_side.ensure_upgrade_workbench(run.workbench)
                out["conflicts"] = wave_conflicts(run.workbench, run.target, run.wave, c)
            return out, problems + x1.x1_problems(c, strict=True), c

        last = sc.last_step
        more, more_checks = steps_6_to_9(
            P, (P,), (vkey,), report_fn,
            f"Steps 1-{last} reconciled for the wave: source rows -> production (+ rejected) per CC&B table, then CC&B "
            f"rows = mapped + not migrated = MDM/ODM rows" + (
                "; mapped = linked to a record the MSCS clone held + created, rows written = created, and the clone's "
                "conflicts listed with both keys." if sc.mscs_clone else "."), admin_step=sc.last_step - 3, link=sc.mscs_clone)
        assets += more
        asset_checks += more_checks
    selection = dg.AssetSelection.all() | dg.AssetSelection.checks_for_assets(export.key, upgrade.key)
    return assets, asset_checks, selection


FINANCIAL_CHECKS = {
    "FT-SA-BALANCE": "Per SA of the wave: the sums of CUR_AMT and of TOT_AMT over frozen FTs are the source's (keys the "
                     "wave rejected left out); a difference lists the accounts.",
    "FT-ACCT-BALANCE": "Per account of the wave: the sums of CUR_AMT and of TOT_AMT over its SAs' frozen FTs are the "
                       "source's; a difference lists the accounts.",
    "FT-PARENT": "Every FT of the wave finds its bill segment, pay segment or adjustment (by FT_TYPE_FLG) and its bill or "
                 "payment in production; lists the accounts.",
    "FT-GL-NET-ZERO": "Every FT's CI_FT_GL lines net to zero in production where the source's do; lists the accounts.",
    "ACCT-BILLS": "Per account of the wave: as many bills as in the source; lists the accounts.",
    "ACCT-PAYMENTS": "Per account of the wave: as many payments and the same payment total as in the source; lists the "
                     "accounts.",
    "FT-GL-LINES": "Per account of the wave: as many GL lines on its FTs as in the source; lists the accounts.",
}
FIN_SOURCE_TABLES = ("CI_ACCT", "CI_SA", "CI_FT", "CI_FT_GL", "CI_BILL", "CI_PAY")
FIN_ERROR_STEP = "financial"


def financial_reconciliation(workbench, source, target, tables: tuple[Table, ...], wave: str) -> list[financial.Finding]:
    """Scenario 5, step 5: the financial reconciliation of the wave, source (read through the workbench) against
    production, leaving out on the source the keys the wave rejected (source checks and load checks, each already in
    `ccs-migrate errors`). Failed rules are written to `ccs-migrate errors` (step `financial`), one row per account."""
    import pyarrow as pa

    entity_of = pa.table({"TABLE_NAME": [t.name for t in tables], "ENTITY": [t.entity for t in tables]})
    with workbench.connect() as con, target.session() as s:
        src_side.ensure_upgrade_workbench(con)
        con.register("ccs_load_rejected", tgt_side.rejected_keys(s, wave))
        con.register("ccs_entity_of", entity_of)
        con.execute("""CREATE OR REPLACE TEMP TABLE ccs_fin_rejected AS
                       SELECT entity AS ENTITY, trim(k) AS K FROM wb.source_reject WHERE wave = ?
                       UNION SELECT e.ENTITY, trim(r.K) FROM ccs_load_rejected r JOIN ccs_entity_of e USING (TABLE_NAME)""",
                    [wave])
        for name in ("ccs_load_rejected", "ccs_entity_of"):
            con.unregister(name)
        with source.reader(con, list(FIN_SOURCE_TABLES)) as src:
            schema = src.relation("CI_FT").rsplit(".", 1)[0]
            accounts = ("SELECT k FROM wb.source_owner WHERE entity = 'CI_ACCT' AND wave = :wave AND trim(k) NOT IN "
                        "(SELECT K FROM ccs_fin_rejected WHERE ENTITY = 'CI_ACCT')")
            findings = financial.reconcile_financials(TargetSession(con, DUCKDB, schema, schema), schema, s, wave,
                                                      source_accounts=accounts,
                                                      source_rejected="SELECT ENTITY, K FROM ccs_fin_rejected")
        con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = ?", [wave, FIN_ERROR_STEP])
        for e in financial.error_rows(findings, FIN_ERROR_STEP):
            con.execute("INSERT INTO wb.errors VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)",
                        [wave, e["step"], e["table"], e["key"], e["rule"], e["column"], e["value"], e["message"]])
    return findings


def tender_check(target, wave: str) -> dg.AssetCheckResult:
    """tenders_on_conversion_control: no tender of the wave's accounts off the conversion tender control."""
    controls = ctl.ConversionControls.from_settings(load_settings())
    with target.session() as s:
        n, sample = ctl.tenders_off_control(s, wave, controls)
        count, total = ctl.tender_total(s, controls)
    return dg.AssetCheckResult(
        check_name="tenders_on_conversion_control", passed=n == 0,
        description=(f"{n} tenders of the wave are not on conversion tender control {controls.tndr_ctl_id} "
                     f"(CI_PAY_TNDR.TNDR_CTL_ID), e.g. PAY_TENDER_ID {', '.join(sample)}") if n else
                    f"every tender of the wave is on conversion tender control {controls.tndr_ctl_id}",
        metadata={"off_control": n, "sample": dg.MetadataValue.json(sample), "tender_control": controls.tndr_ctl_id,
                  "deposit_control": controls.dep_ctl_id, "tenders_on_control": count,
                  "total_to_balance": dg.MetadataValue.float(float(total))})


def mscs_clone_asset(asset_key: dg.AssetKey, after: dg.AssetKey) -> dg.AssetsDefinition:
    """Scenario 6, step 3: the MSCS clone in the target (copied on the DuckDB rehearsal, checked on Oracle)."""
    from ..cloud.steps import ensure_x1_schema
    from ..upgrade import mscs_clone as clone

    @dg.asset(key=asset_key, group_name="source", partitions_def=WAVES, pool=POOL, kinds={"oracle"}, deps=[after],
              required_resource_keys={"target", "source_mscs"},
              check_specs=[dg.AssetCheckSpec("mscs_clone_present", asset=asset_key, blocking=True,
                                             description="The target holds the MSCS clone: MDM/ODM tables present, "
                                                         "service points, devices, install events and assets not empty.")],
              description="Step 3 (Oracle Cloud Operations, by service request): the MSCS production environment cloned "
                          "into the CCS environment, so MDM and ODM already hold the utility's records. On Oracle this "
                          "only checks it; on the DuckDB rehearsal it copies CCS_SOURCE_MSCS into the target once, when "
                          "no clone is there yet.")
    def _clone(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        src = context.resources.source_mscs
        copied = {}
        with context.resources.target.session() as s:
            ensure_x1_schema(s)
            counts = clone.clone_counts(s)
            if s.dialect.name == "duckdb" and s.service is None and clone.clone_problems(counts):
                copied = clone.copy_clone(s, Path(src.duckdb_path))
                counts = clone.clone_counts(s)
        problems = clone.clone_problems(counts)
        return dg.MaterializeResult(
            metadata=_meta(sum(max(v, 0) for v in counts.values()), clone_rows=counts, copied_from=str(src.duckdb_path)
                           if copied else "(already in the target)", copied=copied),
            check_results=[dg.AssetCheckResult(
                check_name="mscs_clone_present", passed=not problems, metadata={"clone_rows": dg.MetadataValue.json(counts)},
                description="; ".join(problems) or f"{counts.get('D1_SP', 0)} service points, {counts.get('D1_DVC', 0)} "
                                                   f"devices, {counts.get('W1_ASSET', 0)} assets in the clone")])
    return _clone


def partitions_asset(asset_key: dg.AssetKey, after: dg.AssetKey, tables: tuple[Table, ...]) -> dg.AssetsDefinition:
    """Scenario 6, step 4a: the monthly ILM_DT partitions the source's data needs, created before any load."""
    from ..upgrade import partitions as part

    ilm = part.ilm_tables(tables)

    @dg.asset(key=asset_key, group_name="source", partitions_def=WAVES, pool=POOL, kinds={"oracle"}, deps=[after],
              required_resource_keys={"source_ccb", "workbench", "target"},
              check_specs=[dg.AssetCheckSpec("every_needed_month_partitioned", asset=asset_key, blocking=True,
                                             description="Every month from the oldest to the newest ILM_DT of the source "
                                                         "has its partition in every table the target partitions, so no "
                                                         "migrated row lands in the catch-all partition.")],
              description="Step 4a: review and create the missing CC&B table partitions. Per ILM table (ILM_DT, the "
                          "partition key) the months the whole source needs against the target's monthly partitions "
                          "(Oracle's dictionary; on the DuckDB rehearsal the clone's partition list); each missing "
                          "month split out of the partition covering it, never out of a non-empty catch-all (PMAX): "
                          "the report then says what to ask Oracle for.")
    def _partitions(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        with context.resources.workbench.connect() as con, \
                context.resources.source_ccb.reader(con, [t.name for t in ilm]) as src:
            have = src.columns()
            present = [t for t in ilm if "ILM_DT" in {c.name for c in have.get(t.name, [])}]
            rows = con.execute(part.needed_months_sql({t.name: src.relation(t.name) for t in present}, present)
                               ).fetchall() if present else []
        needed: dict[str, list] = {}
        for table, month in rows:
            needed.setdefault(table, []).append(month)
        with context.resources.target.session() as s:
            existing = part.existing_partitions(s)
            plans = [part.plan(t.name, needed.get(t.name, []), existing[t.name]) for t in ilm if t.name in existing]
            refused = part.create_missing(s, plans)
            now = part.existing_partitions(s)
            left = {t.name: [m["month"] for m in part.plan(t.name, needed.get(t.name, []), now[t.name])["missing"]]
                    for t in ilm if t.name in now}
        left = {t: m for t, m in left.items() if m}
        created = {p["table"]: [m["partition"] for m in p["missing"] if m.get("created")] for p in plans}
        return dg.MaterializeResult(
            metadata=_meta(sum(len(v) for v in created.values()),
                           partitioned_tables={p["table"]: {k: p[k] for k in ("needed", "existing", "first_needed",
                                                                               "last_needed")} for p in plans},
                           created={t: v for t, v in created.items() if v}, refused=refused,
                           not_partitioned=[t.name for t in ilm if t.name not in existing]),
            check_results=[dg.AssetCheckResult(
                check_name="every_needed_month_partitioned", passed=not left,
                metadata={"missing": dg.MetadataValue.json(left), "refused": dg.MetadataValue.json(refused)},
                description="; ".join(r["why"] for r in refused[:3]) or
                            ("months without a partition: " + ", ".join(f"{t} {m[0][:7]}.." for t, m in left.items()))
                            if left else f"{sum(len(v) for v in created.values())} partitions created; every needed "
                                         f"month of {len(plans)} partitioned tables has its partition")])
    return _partitions


def config_layer(prefix: str, tables: tuple[Table, ...], after: dg.AssetKey
                 ) -> tuple[dg.AssetsDefinition, dict[str, list[dg.AssetKey]]]:
    """Scenario 6, step 4b: one asset per admin table (and its language table) the migrated data's codes use, written
    in one step: compared source against target, adds and changes applied in one transaction over every selected
    table; each main table's blocking check proves every code the wave uses is in the target. Returns the layer and,
    per migrated table, the admin assets its extract waits for."""
    from ..catalog import ccb_admin as adm
    from ..upgrade import config as cfg

    migrated = {t.name: t for t in tables}
    admins = [a for a in adm.ADMIN_TABLES if adm.uses_in(a, set(migrated))]
    names = [a.table.name for a in admins] + [a.language.name for a in admins if a.language is not None]

    def key_of(name: str) -> dg.AssetKey:
        return dg.AssetKey([prefix, "config", name.lower()])

    def source(run: LayerRun):
        con = run.workbench
        return run.once("config_source", lambda: run.enter(run.resources.source_ccb.reader(con, names)))

    def applied(run: LayerRun) -> dict:
        def go() -> dict:
            chosen = [t for t in adm.tables() if t.name in names and key_of(t.name) in run.context.selected_asset_keys]
            src_side.ensure_upgrade_workbench(run.workbench)
            return cfg.migrate(run.target, run.workbench, source(run), chosen, run.wave, set(load_settings().drop_columns))
        return run.once("config_applied", go)

    def asset(t: Table, admin) -> LayerAsset:
        def write(run: LayerRun) -> dict:
            r = applied(run)[t.name]
            counts = {k: r[k] for k in cfg.STATUSES}
            run.log.info(f"{t.name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
            return _meta(sum(counts.values()), t, **counts, applied=r["applied"], keys=r["keys"],
                         compared_columns=r["compared_columns"],
                         target_columns_not_in_source=r["target_columns_not_in_source"],
                         source_columns_dropped=r["source_columns_dropped"])

        checks_ = []
        if t is admin.table:
            uses = adm.uses_in(admin, set(migrated))

            def every_code(run: LayerRun, facts) -> dg.AssetCheckResult:
                src_side.ensure_upgrade_workbench(run.workbench)
                r = cfg.used_codes(run.workbench, source(run), run.target, admin, migrated, run.wave)
                cfg.record_missing(run.workbench, run.wave, admin, set(migrated), r["missing"])
                missing = r["missing"]
                return dg.AssetCheckResult(
                    passed=not missing,
                    description="; ".join(f"{m['table']}.{m['column']} {m['code']} ({m['rows']} rows)" for m in missing[:5])
                    + (f" ... ({len(missing)} codes missing from {admin.name}; ccs-migrate errors --wave {run.wave})"
                       if missing else "") or
                    f"every {admin.name} code the wave uses is in the target ("
                    + ", ".join(f"{k}: {v['codes']} codes, {v['rows']} rows" for k, v in r["used"].items()) + ")",
                    metadata={"missing": dg.MetadataValue.json(missing[:cfg.KEYS_SHOWN]), "missing_codes": len(missing),
                              "used": dg.MetadataValue.json(r["used"]), "not_checked": dg.MetadataValue.json(r["not_checked"])})

            checks_.append(LayerCheck(
                "every_used_code_in_target", every_code, blocking=True,
                description=f"Every code of {admin.name} the wave's rows use ("
                            + ", ".join(u.label for u in uses) + ") exists in the target after the configuration "
                            "migration; a missing one stops the wave before its load and is listed in ccs-migrate errors."))
        what = "labels of " + admin.name if t is not admin.table else t.description.rstrip(".")
        return LayerAsset(dg.AssetSpec(
            key_of(t.name), group_name="config", kinds={"oracle"},
            deps=[after] + ([key_of(admin.name)] if t is not admin.table else []),
            description=f"Step 4b: migrate the CC&B configuration, {t.name} ({what}): source compared with the target by "
                        f"primary key over every column both hold (added, changed, unchanged, target-only, with keys); adds "
                        f"and changes applied with every other admin table in one transaction; target-only rows kept."),
            write, checks_)

    layer_assets = [asset(a.table, a) for a in admins] + [asset(a.language, a) for a in admins if a.language is not None]
    layer = build_layer(prefix, "config", layer_assets, required_resource_keys={"source_ccb", "workbench", "target"},
                        description="Step 4b: migrate the CC&B configuration (admin tables) before any load")
    deps: dict[str, list[dg.AssetKey]] = {}
    for a in admins:
        for u in adm.uses_in(a, set(migrated)):
            deps.setdefault(u.table, []).append(key_of(a.name))
    return layer, deps


def reject_rate(workbench, target, tables: tuple[Table, ...], wave: str) -> dict:
    """Rejected keys (source checks on the workbench, load checks and parser rejects on the target) over owned keys."""
    entities = sorted({t.entity for t in tables})
    with workbench.connect() as con:
        src_side.ensure_upgrade_workbench(con)
        owned = con.execute(f"SELECT count(*) FROM wb.source_owner WHERE wave = ? AND entity IN ({', '.join('?' * len(entities))})",
                            [wave, *entities]).fetchone()[0]
        rejected = con.execute("SELECT count(DISTINCT entity || '/' || k) FROM wb.source_reject WHERE wave = ?", [wave]).fetchone()[0]
        rules = dict(con.execute("SELECT table_name || ':' || rule, count(*) FROM wb.source_reject WHERE wave = ? "
                                 "GROUP BY ALL", [wave]).fetchall())
    with target.session() as s:
        names = ", ".join(f"'{t.name}'" for t in tables)
        rejected += s.scalar(f"SELECT count(DISTINCT TABLE_NAME || '/' || COALESCE(STG_KEY, TO_CHAR(LINE_NO))) FROM "
                             f"{s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{tgt_side.STEP}' AND TABLE_NAME IN ({names})"
                             .replace("TO_CHAR(LINE_NO)", s.dialect.text("LINE_NO")), wave=wave) or 0
        for rule, n in s.query(f"SELECT TABLE_NAME || ':' || RULE, count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave "
                               f"AND STEP = '{tgt_side.STEP}' GROUP BY TABLE_NAME, RULE", wave=wave):
            rules[rule] = rules.get(rule, 0) + n
    return {"records": owned, "rejected": rejected, "rate": rejected / owned if owned else 0.0,
            "rules": dict(sorted(rules.items(), key=lambda kv: -kv[1]))}


def upgrade_report(workbench, target, tables: tuple[Table, ...], wave: str) -> tuple[dict, list[str]]:
    """Per table of the wave: source, rejected at the source, extracted, loaded, parser rejects, load-check rejects,
    production and `_K` rows, and every equation that does not hold."""
    with workbench.connect() as con, target.session() as s:
        return upgrade_report_of(con, s, tables, wave)


def upgrade_report_of(con, s, tables: tuple[Table, ...], wave: str) -> tuple[dict, list[str]]:
    """upgrade_report on open connections (the workbench's and a target session)."""
    src_side.ensure_upgrade_workbench(con)
    return tgt_side.reconcile_counts(src_side.source_counts(con, wave), tgt_side.target_counts(s, tables, wave), tables)
