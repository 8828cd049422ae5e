"""Scenario 1, "Legacy Customer Information System upgrading to Customer Cloud Service".

Oracle steps 1-8 for person, account, premise, service point, service
agreement (step 1), meter/item, configuration and register (step 2) and
SP meter/item history with its events and reads (step 3): legacy landing -> transform (ccb/*) -> extract files
(extract/*) -> upload (upload/wave_files) -> staging (staging/*) -> validate
and generate keys (keys/*) -> reject-rate gate -> production (production/*)
-> production validation (checks, validate/reconciliation). Every asset is
partitioned by wave, except the code maps.
"""


import shutil
import tempfile
from pathlib import Path

import dagster as dg

from ..catalog import ccb, project
from ..catalog.legacy import ALL_FILES, LEGACY_FILES
from ..catalog.metadata import rows_metadata as _meta
from ..catalog.model import Table
from ..codemaps import CODE_MAPS, read_code_maps
from ..extract.loadfile import write_table_files
from ..extract.spec import layout_report, layouts
from ..keys.steps import generate_keys, rejects_by_rule, validate_entity
from ..landing.reader import land_file
from ..production.steps import insert_production
from ..reconcile import reconcile, target_counts, workbench_counts
from ..resources import POOL
from ..service.steps import service_metadata
from ..settings import load_settings
from ..stage.steps import stage_file
from ..storage import store_from_env
from ..storage.manifest import download_wave, upload_wave
from ..target import ensure_target_schema
from ..transform.rules import PARENTS, generated_rules
from ..transform.steps import EVALUATES, transform_table
from ..waves import WAVES, plan_check
from ..waves.partitions import unplanned
from . import checks, device_checks
from .layers import LayerAsset, LayerCheck, LayerRun, Written, build_layer

SCENARIO = "legacy-cis"
KEYED = [t for t in ccb.CCB_TABLES if t.key_table]
BY_NAME = {t.name: t for t in ccb.CCB_TABLES}
LEGACY_DEPS = {  # ccb table -> legacy files it reads
    "CI_PER": ["customers"], "CI_PER_NAME": ["customers"], "CI_PER_ID": ["customers"], "CI_PER_PHONE": ["customers"],
    "CI_PREM": ["premises"], "CI_ACCT": ["accounts"], "CI_ACCT_PER": ["accounts", "account_parties"],
    "CI_SP": ["service_points", "premises"], "CI_SA": ["service_agreements", "accounts", "service_points"],
    "CI_SA_SP": ["service_agreements"],
    "CI_MTR": ["meters"], "CI_MTR_CONFIG": ["meters", "registers"], "CI_REG": ["registers"],
    "CI_SP_MTR_HIST": ["meter_history", "registers"], "CI_MR": ["meter_history"], "CI_SP_MTR_EVT": ["meter_history"],
    "CI_REG_READ": ["meter_history_reads", "meter_history"],
    "CI_ITEM": ["items"], "CI_SP_ITEM_HIST": ["item_history"], "CI_SP_ITEM_EVT": ["item_history"],
}


# What the custom validation rules of keys/rules/<table>.sql read beyond the entity's own tables and parents.
RULES_READ = {
    "CI_ACCT": ["keys/ci_per"],  # VAL-ACCT: the main customer's person must be keyed
    "CI_MR": ["staging/ci_sp_mtr_evt", "staging/ci_sp_mtr_hist", "keys/ci_sp"],  # the read's history must migrate
}


def _parents(t: Table) -> list[str]:
    """CC&B tables this table's rows point at (its owner entity and foreign keys)."""
    out = []
    if t.entity != t.name:
        out.append(t.entity)
    for c in t.foreign_keys:
        if c.fk_table not in out and c.fk_table != t.name:
            out.append(c.fk_table)
    return out


# ---------------------------------------------------------------- configuration
@dg.asset(key=["config", "code_maps"], group_name="config", pool=POOL, kinds={"duckdb"}, dagster_type=CODE_MAPS,
          io_manager_key="code_maps_io",
          description="Steps 1-3: the code maps (legacy code -> CC&B code) the transform applies, one CSV per "
                      "kind, from CCS_CODE_MAPS or the demo maps. Typed DataFrames (dagster-pandas): a bad map fails "
                      "the output's type check naming file, rule, column and line, and is not loaded.")
def code_maps(context: dg.AssetExecutionContext) -> dg.Output:
    settings = load_settings()
    frames = read_code_maps(settings.code_maps)  # checked by CODE_MAPS, then loaded by the code_maps_io manager
    counts = {kind: len(df) for kind, df in frames.items()}
    return dg.Output(frames, metadata=_meta(sum(counts.values()), folder=str(settings.code_maps), rows_per_map=counts))


# ---------------------------------------------------------------- legacy landing
def legacy_asset(f) -> LayerAsset:
    def write(run: LayerRun) -> dict:
        settings = load_settings()
        c = land_file(run.workbench, settings.landing, f, run.wave)
        return _meta(c["loaded"], landing=str(settings.landing), **{k: v for k, v in c.items() if k != "loaded"})

    return LayerAsset(dg.AssetSpec(
        ["legacy", f.name], group_name="legacy", kinds={"csv", "duckdb"},
        description=f"Legacy extract {f.file_name} (legacy-interface v1), read with explicit types; malformed lines rejected with their line numbers."),
        write)


def _write_ownership(run: LayerRun) -> dict:
    wave, con = run.wave, run.workbench
    sql = (Path(__file__).parents[1] / "waves" / "ownership.sql").read_text()
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM wb.ownership WHERE wave = ?", [wave])
    con.execute(sql, {"wave": wave})
    con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = 'plan'", [wave])
    for q in generated_rules(LEGACY_FILES["wave_plan"]) + [
        "SELECT _rec, 'INVALID_VALUE', 'wave', wave, 'wave must be 1..30 of a-z 0-9 - _' FROM legacy.wave_plan "
        "WHERE _wave = $wave AND wave IS NOT NULL AND NOT regexp_full_match(wave, '[a-z0-9_-]{1,30}')"
    ]:
        con.execute(
            f"""INSERT INTO wb.errors SELECT $wave, 'plan', 'wave_plan', x.acct_no, v.rule, v.column_name, v.value, v.message,
                x._line, 'wave_plan.csv', x._rec FROM ({q}) v(rec, rule, column_name, value, message)
                JOIN legacy.wave_plan x ON x._wave = $wave AND x._rec = v.rec""",
            {"wave": wave},
        )
    con.execute("COMMIT")
    counts = dict(con.execute(
        "SELECT entity, count(*) FROM wb.ownership WHERE wave = $w AND owner_wave = $w GROUP BY entity", {"w": wave}).fetchall())
    return _meta(sum(counts.values()), owned=counts)


ownership = LayerAsset(dg.AssetSpec(
    ["waves", "ownership"], group_name="legacy", kinds={"duckdb"}, deps=[dg.AssetKey(["legacy", f.name]) for f in ALL_FILES],
    description="What this wave owns (earliest wave wins; later waves refer to production keys), from the wave plan."),
    _write_ownership, checks=[LayerCheck(plan_check.CHECK_NAME, plan_check.plan_reached, blocking=True,
                                         description=plan_check.DESCRIPTION)])


# ---------------------------------------------------------------- step 1: transform
def transform_asset(t: Table) -> LayerAsset:
    deps = [dg.AssetKey(["legacy", f]) for f in LEGACY_DEPS[t.name]] + [dg.AssetKey(["waves", "ownership"]), dg.AssetKey(["config", "code_maps"])]
    deps += [dg.AssetKey(["ccb", p.lower()]) for p in _parents(t)]
    # rejects cascade from the parent files' verdicts, which the parents' transforms record; a transform reads
    # the verdicts of every file it reads, recorded by the transform that evaluates that file
    evaluator = {f: tab for tab, f in EVALUATES.items()}
    judged = list(LEGACY_DEPS[t.name]) + ([p.file for p in PARENTS[EVALUATES[t.name]]] if t.name in EVALUATES else [])
    deps += [dg.AssetKey(["ccb", evaluator[f].lower()]) for f in judged if f in evaluator and evaluator[f] != t.name]
    deps = list(dict.fromkeys(deps))

    def write(run: LayerRun) -> dict:
        r = transform_table(run.workbench, t, run.wave, load_settings())
        return _meta(r["rows"], t, **{k: v for k, v in r.items() if k != "rows"})

    checks = [device_checks.METER_CHANGES] if t.name == "CI_SP_MTR_HIST" else []
    return LayerAsset(dg.AssetSpec(
        ["ccb", t.asset_name], group_name="transform", kinds={"duckdb"}, deps=deps,
        description=f"Step {t.seed_step}: legacy {', '.join(LEGACY_DEPS[t.name])} -> {t.name}. {t.description}"),
        write, checks)


# ---------------------------------------------------------------- step 4: extract
def _outbox(wave: str) -> Path:
    return load_settings().outbox / wave


def _record_counts(con, wave: str, files: dict[str, int | None]) -> None:
    """Rows of each data file written (<TABLE>.dat under table name TABLE), for the manifest and reconciliation."""
    for name, rows in files.items():
        if name.endswith(".dat"):
            con.execute("DELETE FROM wb.extract_counts WHERE wave = ? AND file_name = ?", [wave, name])
            con.execute("INSERT INTO wb.extract_counts VALUES (?, ?, ?, ?)", [wave, name[:-4], name, rows])


def extract_asset(t: Table) -> LayerAsset:
    def write(run: LayerRun) -> dict:
        wave, con = run.wave, run.workbench
        settings = load_settings()
        out = _outbox(wave)
        files: dict[str, int | None] = {}
        lays = layouts(settings.conversion_artifacts, t, *([project.k_table(t)] if t.key_table else []))
        report = layout_report(lays)
        for name, extra in report["fields_written_empty"].items():
            run.log.warning(f"{name}: field(s) {', '.join(extra)} of the service's control file are not in the catalog: written empty")
        src = f"ccb.{t.name} WHERE _wave = $wave"
        files.update(write_table_files(con, src, t, out, wave, {"wave": wave}, lays[0]))
        if t.key_table:
            k = project.k_table(t)
            ksrc = f"(SELECT {t.key_column.name}, {settings.env_id} AS ENV_ID FROM ccb.{t.name} WHERE _wave = $wave) kk"
            files.update(write_table_files(con, ksrc, k, out, wave, {"wave": wave}, lays[1]))
        _record_counts(con, wave, files)
        return _meta(files[f"{t.name}.dat"], t, files=files, folder=str(out), **report)

    return LayerAsset(dg.AssetSpec(
        ["extract", t.asset_name], group_name="extract", kinds={"file"}, deps=[dg.AssetKey(["ccb", t.asset_name])],
        description=f"Step 4: {t.name}.dat and its SQL*Loader control file{' (and ' + t.k_table + ')' if t.key_table else ''}, generated from the catalog."),
        write)


def _write_key_xref(run: LayerRun) -> dict:
    wave = run.wave
    parts = [  # one sorted piece per table, in TABLE_NAME order: the file is in key order without one huge sort
        f"(SELECT '{t.name}' AS TABLE_NAME, {t.key_column.name} AS STG_KEY, _legacy_key AS LEGACY_KEY, _wave AS WAVE, "
        f"_line AS LINE_NO FROM ccb.{t.name} WHERE _wave = $wave) u" for t in sorted(KEYED, key=lambda t: t.name)]
    files = write_table_files(run.workbench, parts, project.KEY_XREF, _outbox(wave), wave, {"wave": wave})
    _record_counts(run.workbench, wave, files)
    return _meta(files["CCS_KEY_XREF.dat"], project.KEY_XREF)


key_xref_extract = LayerAsset(dg.AssetSpec(
    ["extract", "ccs_key_xref"], group_name="extract", kinds={"file"}, deps=[dg.AssetKey(["ccb", t.asset_name]) for t in KEYED],
    description="Step 4: legacy key -> staging key of every keyed row in the wave's files (CCS_KEY_XREF), so the target can trace records."),
    _write_key_xref)


# ---------------------------------------------------------------- step 5: upload
def _write_wave_files(run: LayerRun) -> dict:
    wave = run.wave
    settings = load_settings()
    out = _outbox(wave)
    counts = dict(run.workbench.execute("SELECT file_name, rows FROM wb.extract_counts WHERE wave = ?", [wave]).fetchall())
    files = []
    for path in sorted(out.iterdir()):
        if path.suffix == ".dat":
            if path.name not in counts:
                raise dg.Failure(f"{path}: no row count recorded for this extract file; materialize its extract/* asset "
                                 f"for {wave} again before uploading")
            files.append((path, counts[path.name]))
        elif path.suffix == ".ctl":
            files.append((path, None))
    store = store_from_env(ccs_home=settings.home)
    manifest = upload_wave(store, wave, files)
    return _meta(sum(r for _, r in files if r), bucket=store.describe(), manifest=manifest,
                 **{"ccs/bucket": store.describe()})


wave_files = LayerAsset(dg.AssetSpec(
    ["upload", "wave_files"], group_name="upload", kinds={"s3"},
    deps=[dg.AssetKey(["extract", t.asset_name]) for t in ccb.CCB_TABLES] + [dg.AssetKey(["extract", "ccs_key_xref"])],
    description="Step 5: upload the wave's extract and control files to object storage with a manifest (rows and SHA-256 per file)."),
    _write_wave_files)


# ---------------------------------------------------------------- step 6: staging load
def _inbox(run: LayerRun) -> Path:
    """Download and verify the wave's files once per run (cached by run id)."""
    settings = load_settings()
    dest = settings.home / "inbox" / run.wave / run.context.run.run_id
    if not (dest / ".verified").exists():
        shutil.rmtree(dest.parent, ignore_errors=True)
        dest.mkdir(parents=True)
        download_wave(store_from_env(ccs_home=settings.home), run.wave, dest)
        (dest / ".verified").write_text("ok")
    return dest


def _where(run: LayerRun) -> dict:
    """Which target and bucket a staging load used (shown in the UI next to the run's ccs/* tags)."""
    settings = load_settings()
    return {"ccs/target": run.resources.target.describe(),
            "ccs/bucket": store_from_env(ccs_home=settings.home).describe()}


def staging_asset(t: Table) -> LayerAsset:
    def write(run: LayerRun) -> dict:
        inbox = _inbox(run)
        s = run.target
        run.once("target_schema", lambda: ensure_target_schema(s))
        r = stage_file(s, t, inbox / f"{t.name}.dat", run.wave)
        if t.key_table:
            r["k_table"] = stage_file(s, project.k_table(t), inbox / f"{t.k_table}.dat", run.wave)
        k = {n: v for n, v in r.get("k_table", {}).items() if n != "service"}
        return _meta(r["loaded"], t, load_rejected=r["rejected"], **_where(run), **({"k_table": k} if k else {}),
                     **service_metadata(r, r.get("k_table")))

    return LayerAsset(dg.AssetSpec(
        ["staging", t.asset_name], group_name="stage", kinds={"duckdb"}, deps=[dg.AssetKey(["upload", "wave_files"])],
        description=f"Step 6: SQL Loader batch (K1-CNVLD) equivalent: {t.name}.dat from object storage into the staging schema, typed; rejected lines kept."),
        write)


def _write_key_xref_staging(run: LayerRun) -> dict:
    inbox = _inbox(run)
    run.once("target_schema", lambda: ensure_target_schema(run.target))
    r = stage_file(run.target, project.KEY_XREF, inbox / "CCS_KEY_XREF.dat", run.wave)
    return _meta(r["loaded"], project.KEY_XREF, load_rejected=r["rejected"], **_where(run), **service_metadata(r))


key_xref_staging = LayerAsset(dg.AssetSpec(
    ["staging", "ccs_key_xref"], group_name="stage", kinds={"duckdb"}, deps=[dg.AssetKey(["upload", "wave_files"])],
    description="Step 6: the wave's legacy-to-staging key map into the staging schema."),
    _write_key_xref_staging)


# ---------------------------------------------------------------- step 7: validate, keys, production
def keys_asset(t: Table) -> LayerAsset:
    mo = [c for c in ccb.CCB_TABLES if c.entity == t.name]
    parents = {p for c in mo for p in _parents(c) if p != t.name}
    deps = [dg.AssetKey(["staging", c.asset_name]) for c in mo] + [dg.AssetKey(["staging", "ccs_key_xref"])]
    deps += [dg.AssetKey(["keys", BY_NAME[p].entity.lower()]) for p in sorted(parents) if BY_NAME[BY_NAME[p].entity].key_table]
    deps += [dg.AssetKey(k.split("/")) for k in RULES_READ.get(t.name, [])]

    def write(run: LayerRun) -> dict:
        s = run.target
        v = validate_entity(s, t, run.wave, load_settings().person_id_required)
        r = generate_keys(s, t, run.wave)
        rules = rejects_by_rule(s, t, run.wave)
        return _meta(r["keyed"], staged=r["staged"], rejected=r["rejected"], rejects_by_rule=rules, **service_metadata(v, r))

    return LayerAsset(dg.AssetSpec(
        ["keys", t.asset_name], group_name="keys", kinds={"duckdb"}, deps=list(dict.fromkeys(deps)),
        description=f"Step 7: validate the wave's staged {t.name} entities (with {', '.join(c.name for c in mo if c.name != t.name) or 'no child tables'}) and generate production keys into {t.ck_table}."),
        write)


def _write_wave_gate(run: LayerRun) -> Written:
    rate = checks.reject_rate(run.workbench, run.target, run.wave)
    return Written(_meta(rate["records"], reject_rate=dg.MetadataValue.float(rate["rate"]), rejected=rate["rejected"],
                         rules=rate["rules"]), facts=rate)


wave_gate = LayerAsset(dg.AssetSpec(
    ["validate", "wave_gate"], group_name="validate", kinds={"duckdb"}, deps=[dg.AssetKey(["keys", t.asset_name]) for t in KEYED],
    description="Step 7: the wave's reject rate across every layer, checked against CCS_REJECT_THRESHOLD before anything reaches production."),
    _write_wave_gate, [checks.GATE_CHECK, checks.RERUN_CHECK])


def production_asset(t: Table) -> LayerAsset:
    deps = [dg.AssetKey(["validate", "wave_gate"]), dg.AssetKey(["keys", t.entity.lower()])]
    deps += [dg.AssetKey(["production", p.lower()]) for p in _parents(t)]

    def write(run: LayerRun) -> dict:
        r = insert_production(run.target, t, run.wave, load_settings().env_id)
        return _meta(r["rows"], t, **{k: v for k, v in r.items() if k not in ("rows", "service")}, **service_metadata(r))

    return LayerAsset(dg.AssetSpec(
        ["production", t.asset_name], group_name="production", kinds={"duckdb"}, deps=list(dict.fromkeys(deps)),
        description=f"Step 7: insert the wave's accepted {t.name} rows into production (cisadm) with production keys, replacing exactly the rows the wave owns."),
        write, checks.production_checks(t))


def _reconcile(run: LayerRun) -> tuple[dict, list[str]]:
    return reconcile(workbench_counts(run.workbench, run.wave), target_counts(run.target, run.wave))


def _write_reconciliation(run: LayerRun) -> Written:
    report, problems = _reconcile(run)
    return Written(_meta(sum(r.get("production", 0) for r in report["tables"].values()), report=report, problems=problems),
                   facts=problems)


def _counts_add_up(run: LayerRun, problems: list[str] | None) -> dg.AssetCheckResult:
    problems = _reconcile(run)[1] if problems is None else problems
    return dg.AssetCheckResult(passed=not problems, metadata={"problems": dg.MetadataValue.json(problems)},
                               description="; ".join(problems[:5]) or "every layer adds up")


reconciliation = LayerAsset(dg.AssetSpec(
    ["validate", "reconciliation"], group_name="validate_production", kinds={"duckdb"},
    deps=[dg.AssetKey(["production", t.asset_name]) for t in ccb.CCB_TABLES],
    description="Step 8: per-table counts of the wave at every layer (legacy, transformed, extracted, staged, rejected, keyed, production)."),
    _write_reconciliation,
    [LayerCheck("counts_add_up", _counts_add_up, blocking=True, description="legacy = accepted + rejected at every step, per table")])


def layers() -> list[dg.AssetsDefinition]:
    """Steps 1-8 of scenario 1 as one step per layer (Oracle's order)."""
    return [
        build_layer(SCENARIO, "legacy", [legacy_asset(f) for f in ALL_FILES] + [ownership], refuse=_unplanned_wave),
        build_layer(SCENARIO, "transform", [transform_asset(t) for t in ccb.CCB_TABLES]),
        build_layer(SCENARIO, "extract", [extract_asset(t) for t in ccb.CCB_TABLES] + [key_xref_extract, wave_files]),
        build_layer(SCENARIO, "staging", [staging_asset(t) for t in ccb.CCB_TABLES] + [key_xref_staging]),
        build_layer(SCENARIO, "keys", [keys_asset(t) for t in KEYED] + [wave_gate]),
        build_layer(SCENARIO, "production", [production_asset(t) for t in ccb.CCB_TABLES] + [reconciliation]),
    ]


def _unplanned_wave(run: LayerRun) -> str | None:
    """A wave added in the UI's "add partition" box but not in the plan stops at its first step, writing nothing."""
    return unplanned(load_settings().landing, run.wave)


def build() -> tuple[list, list]:
    """Every asset of scenario 1 (steps 1-12): the code maps, six layers of steps 1-8, then steps 9-12."""
    from ..cloud.assets import build as steps_9_to_12  # Oracle steps 9-12: admin/x1_migad, mdm/*, odm/*
    from ..cloud.assets import x1_master_configuration

    assets = [code_maps, x1_master_configuration] + layers()
    theirs, their_checks = steps_9_to_12(SCENARIO)
    return assets + theirs, list(their_checks)
