"""ccs-migrate: generate, waves sync, run, errors, reconcile, trace, rollback, doctor, conversion, benchmark, demo, ui.

Settings are environment variables (see README). A bad setting or input is
one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import sys
import uuid
from pathlib import Path

DAGSTER_YAML = """# written by ccs-migrate: one run at a time, one DuckDB writer at a time; every run tagged ccs/*
run_coordinator:
  module: ccs_assets.run_tags
  class: TaggingRunCoordinator
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    default_limit: 1
telemetry:
  enabled: false
# a run launched from the UI whose worker never starts or dies is marked failed, and its pool slots freed
run_monitoring:
  enabled: true
  start_timeout_seconds: 180
  poll_interval_seconds: 30
  free_slots_after_run_end_seconds: 30
"""


def _fail(msg: str) -> int:
    print(f"ccs-migrate: {msg}", file=sys.stderr)
    return 2


UPGRADES = {"ccb-to-ccs": "ccb_to_ccs", "ccb-to-ccb-cloud": "ccb_to_cloud", "ccb-mscs-to-ccs": "ccb_mscs_to_ccs"}  # CLI name -> ccs_assets.locations.<module>
WITH_HISTORY = ("ccb-to-ccb-cloud", "ccb-mscs-to-ccs")  # upgrades that migrate transactional data too


def _prepare(landing: str | None = None, source: str | None = None):
    """Apply --landing / --source, load settings, make DAGSTER_HOME persistent, return (settings, instance)."""
    if landing:
        os.environ["CCS_LANDING"] = str(Path(landing).resolve())
    if source:
        os.environ["CCS_SOURCE_DIR"] = str(Path(source).resolve())
    from ..settings import load_settings

    settings = load_settings()
    settings.dagster_home.mkdir(parents=True, exist_ok=True)
    os.environ["DAGSTER_HOME"] = str(settings.dagster_home)
    cfg = settings.dagster_home / "dagster.yaml"
    if not cfg.exists() or (cfg.read_text().startswith("# written by ccs-migrate") and cfg.read_text() != DAGSTER_YAML):
        cfg.write_text(DAGSTER_YAML)  # ours, from an older version: bring it up to date
    import dagster as dg

    from ..instance import use_shared_engines

    use_shared_engines()
    return settings, dg.DagsterInstance.get()


def cmd_generate(a) -> int:
    from ..generate.generator import generate_landing

    counts = generate_landing(Path(a.dir), customers=a.customers, seed=a.seed, waves=a.waves)
    for name, n in counts.items():
        print(f"{name:28s} {n:>10,}")
    return 0


def cmd_generate_source(a) -> int:
    from ..generate.ccb_source import generate_ccb_source

    if a.scenario not in UPGRADES:
        return _fail(f"unknown upgrade scenario {a.scenario!r}; available: {', '.join(UPGRADES)}")
    counts = generate_ccb_source(Path(a.dir), customers=a.customers, seed=a.seed, waves=a.waves,
                                 history_months=a.months if a.scenario in WITH_HISTORY else 0,
                                 admin_tables=a.scenario == "ccb-mscs-to-ccs")
    for name, n in counts.items():
        print(f"{name:28s} {n:>10,}")
    if a.scenario == "ccb-mscs-to-ccs":  # MSCS production as Cloud Operations clones it, tied to this CC&B
        from ..generate.mscs_clone import generate_mscs_clone

        clone = generate_mscs_clone(Path(a.dir), seed=a.seed)
        conflicts = clone.pop("conflicts")
        admin = clone.pop("admin_differences")
        for name, n in clone.items():
            print(f"mscs.duckdb {name:16s} {n:>10,}")
        print("mscs.duckdb CC&B admin rows against the source: " + ", ".join(
            f"{k} {sum(v[k] for v in admin.values())}" for k in ("missing", "changed", "equal", "target_only")))
        print("mscs.duckdb conflicts: " + ", ".join(f"{k} {v}" for k, v in conflicts.items()))
    return 0


def _sync_source_waves(instance, settings) -> list[str]:
    from ..upgrade.source_side import plan_waves
    from ..waves import WAVES

    existing = set(instance.get_dynamic_partitions(WAVES.name))
    new = [w for w in plan_waves(settings.source_dir / "wave_plan.csv") if w not in existing]
    if new:
        instance.add_dynamic_partitions(WAVES.name, new)
    return new


def cmd_waves_sync(a) -> int:
    from ..waves.partitions import sync_waves, planned_waves

    if a.source:
        from ..upgrade.source_side import plan_waves

        settings, instance = _prepare(source=a.source)
        added = _sync_source_waves(instance, settings)
        print(f"waves in plan: {', '.join(plan_waves(settings.source_dir / 'wave_plan.csv'))}; added: {', '.join(added) or 'none'}")
        return 0
    settings, instance = _prepare(a.landing)
    added = sync_waves(instance, settings.landing)
    print(f"waves in plan: {', '.join(planned_waves(settings.landing))}; added: {', '.join(added) or 'none'}")
    return 0


def run_wave(wave: str, instance, settings, run_id: str | None = None, progress=None):
    """Materialize the code maps, then every asset of scenario 1 for one wave, recorded in the instance.
    With a `progress` (cli/progress.py) the runs are shown by it instead of Dagster's console log."""
    import dagster as dg

    from .. import definitions
    from ..run_tags import run_tags

    if wave not in instance.get_dynamic_partitions("wave"):
        raise ValueError(f"wave {wave!r} is not registered: run `ccs-migrate waves sync --landing DIR` (plan has "
                         f"{', '.join(_planned(settings)) or 'no waves'})")
    defs = definitions.defs
    tags = run_tags(settings)  # shown by `dagster dev` on the run: which target (never the password) and which bucket
    from ..waves.runs import owner_tags

    tags.update(owner_tags())  # so a later run, `doctor` or the UI can tell when this process is gone
    from ..waves.outcome import WaveOutcome, failure_causes, note_code_maps

    job = defs.resolve_job_def("legacy_cis")
    run_config = progress.run_config if progress is not None else None
    if progress is not None:
        progress.expect(job)
    config = {dg.AssetKey(["config", "code_maps"]), dg.AssetKey(["config", "x1_master_configuration"])}  # typed tables first
    maps = dg.materialize([a for a in defs.assets if config & set(a.keys)],
                          instance=instance, resources=defs.resources, raise_on_error=False, tags=tags, run_config=run_config)
    if progress is not None:
        from .progress import replay

        progress.expect(maps.job_def)
        replay(progress, instance, maps.run_id)
    causes = failure_causes(maps.all_events)
    note_code_maps(defs.resources["workbench"], wave, causes[0] if causes else None)
    if not maps.success:
        return WaveOutcome(False, causes)
    run_id = run_id or str(uuid.uuid4())
    if progress is not None:
        instance.add_event_listener(run_id, progress)
    result = job.execute_in_process(instance=instance, partition_key=wave, raise_on_error=False, tags=tags, run_id=run_id,
                                    run_config=run_config)
    return WaveOutcome(_report_run(result, quiet_warnings=progress is not None), failure_causes(result.all_events))


def run_wave_locked(wave: str, instance, settings, progress=None, run_id: str | None = None):
    """run_wave holding the instance's run lock: dead runs repaired first, the same wave refused, other waves queued."""
    from ..waves.lock import wave_run_slot

    run_id = run_id or str(uuid.uuid4())
    with wave_run_slot(instance, settings.dagster_home, wave, run_id,
                       say=lambda m: print(f"ccs-migrate: {m}", file=sys.stderr, flush=True)):
        return run_wave(wave, instance, settings, run_id=run_id, progress=progress)


def _root_cause(error) -> str:
    """The first line of the innermost error of a step failure (what the step itself raised)."""
    while error is not None and error.cause is not None:
        error = error.cause
    return error.message.strip().splitlines()[0] if error is not None and error.message.strip() else ""


def _planned(settings) -> list[str]:
    from ..waves.partitions import planned_waves

    try:
        return planned_waves(settings.landing)
    except FileNotFoundError:
        return []


def run_upgrade_wave(scenario: str, wave: str, instance, settings, progress=None, run_id: str | None = None) -> bool:
    """Every asset (and check) of an upgrade scenario's job for one wave, recorded in the instance. With a
    `progress` (cli/progress.py) the run is shown by it instead of Dagster's console log."""
    import importlib

    from ..upgrade.source_side import plan_waves

    loc = importlib.import_module(f"ccs_assets.locations.{UPGRADES[scenario]}")
    if wave not in instance.get_dynamic_partitions("wave"):
        raise ValueError(f"wave {wave!r} is not registered: run `ccs-migrate waves sync --source DIR` (plan has "
                         f"{', '.join(plan_waves(settings.source_dir / 'wave_plan.csv'))})")
    from ..storage import store_from_env

    tags = {"ccs/scenario": scenario, "ccs/source": str(settings.source_dir), "ccs/target": settings.target,
            "ccs/target_db": settings.describe_target(), "ccs/bucket": store_from_env(ccs_home=settings.home).describe()}
    job = loc.defs.resolve_job_def(loc.JOB)
    run_id = run_id or str(uuid.uuid4())
    if progress is not None:
        progress.expect(job)
        instance.add_event_listener(run_id, progress)
    result = job.execute_in_process(instance=instance, partition_key=wave, raise_on_error=False, tags=tags, run_id=run_id,
                                    run_config=progress.run_config if progress is not None else None)
    return _report_run(result, quiet_warnings=progress is not None)


def _report_run(result, quiet_warnings: bool = False) -> bool:
    """Failed steps and blocking checks on stderr, with their root cause (and the checks that warned, unless a
    progress display lists them in its summary); whether the run succeeded."""
    from ..waves.outcome import failure_causes

    causes = failure_causes(result.all_events)
    for cause in causes:
        print(f"{'check failed' if cause.startswith('check ') else 'step failed'}: {cause.removeprefix('check ')}", file=sys.stderr)
    for e in result.all_events if not quiet_warnings else ():  # warnings do not fail the run, but the user must see them
        c = e.asset_check_evaluation_data if e.event_type_value == "ASSET_CHECK_EVALUATION" else None
        if c is not None and not c.passed and c.severity.value == "WARN":
            print(f"check warning: {c.asset_key.to_user_string()}:{c.check_name}: {c.description}", file=sys.stderr)
    return result.success and not causes


def _run_shown(a, settings, run) -> int:
    """`run(progress, run_id)` with the progress display (or, --verbose, Dagster's console log), then the summary
    on stdout and the outcome as its last line."""
    from .progress import Progress, summary

    run_id = str(uuid.uuid4())
    progress = Progress(settings.home / "logs" / f"{a.wave}-{run_id}.log", verbose=a.verbose)
    try:
        ok = run(progress, run_id)
    finally:
        progress.close()
    last = ok.last_line(a.wave) if hasattr(ok, "last_line") else f"wave {a.wave}: {'succeeded' if ok else 'FAILED'}"
    print("\n".join(summary(a.wave, progress, lambda: wave_reconciliation(settings, a.wave)[0])))
    print(f"{last} (run recorded in {settings.dagster_home}; `ccs-migrate ui` to inspect)")
    return 0 if ok else 1


def cmd_run(a) -> int:
    if a.scenario in UPGRADES:
        settings, instance = _prepare(source=a.source)
        if not (settings.source_dir / "ccb.duckdb").exists() and not settings.env.get("CCS_SOURCE_CCB"):
            return _fail(f"no CC&B source at {settings.source_dir / 'ccb.duckdb'} (--source DIR, or CCS_SOURCE_CCB)")
        _sync_source_waves(instance, settings)
        return _run_shown(a, settings, lambda progress, run_id: run_upgrade_wave(
            a.scenario, a.wave, instance, settings, progress=progress, run_id=run_id))
    if a.scenario != "legacy-cis":
        return _fail(f"unknown scenario {a.scenario!r}; available: legacy-cis, {', '.join(UPGRADES)}")
    settings, instance = _prepare(a.landing)
    from ..waves.partitions import sync_waves

    sync_waves(instance, settings.landing)
    if settings.service is not None:  # an unreachable service is a setting problem: one line (main) before any step
        from ..resources import build_resources

        build_resources(settings)["target"].service_client().check()
    elif not settings.is_duckdb_target:  # an unreachable database is a setting problem: one line (main) before any step
        from ..resources import build_resources

        with build_resources(settings)["target"].session():
            pass
    return _run_shown(a, settings, lambda progress, run_id: run_wave_locked(a.wave, instance, settings, progress, run_id))


ERROR_COLUMNS = ["wave", "step", "table_name", "legacy_key", "rule", "column_name", "value", "message", "line"]


def wave_errors(settings, wave: str, service: dict | None = None) -> list[dict]:
    """Workbench and target errors of the wave; on CCS_TARGET=ccs `service` (when given) receives the service's
    CI_VAL_ERR read back per table and message beside the rehearsal (ServiceSteps.errors)."""
    import duckdb

    rows: list[dict] = []
    if settings.workbench_db.exists():
        with duckdb.connect(str(settings.workbench_db), read_only=True) as con:
            for r in con.execute(
                "SELECT wave, step, table_name, legacy_key, rule, column_name, value, message, line FROM wb.errors "
                "WHERE wave = ? ORDER BY table_name, line, rule", [wave]).fetchall():
                rows.append(dict(zip(ERROR_COLUMNS, r)))
    if settings.has_rehearsal_file and not settings.target_db.exists():
        return rows  # nothing ran on the target yet
    from ..resources import build_resources

    with build_resources(settings)["target"].session() as s:  # DuckDB file or Oracle, as configured
        tables = {r[0].upper() for r in s.query(s.dialect.tables_sql(), schema=s.dialect.schema_name(s.stg))}
        if "CCS_VAL_ERR" in tables:
            for r in s.query(
                    f"SELECT WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO FROM {s.stg}.CCS_VAL_ERR "
                    "WHERE WAVE = :wave ORDER BY TABLE_NAME, LINE_NO, RULE", wave=wave):
                rows.append(dict(zip(ERROR_COLUMNS, r)))
        if s.service is not None and service is not None:
            service.update(s.service.errors(s, wave))
            for r in service["rows"]:
                rows.append({"wave": wave, "step": "service", "table_name": str(r["TABLE_NAME"]).strip(), "legacy_key": None,
                             "rule": f"{r['MESSAGE_CAT_NBR']}/{r['MESSAGE_NBR']}", "column_name": None, "value": r["ERRORS"],
                             "message": f"CI_VAL_ERR: {r['ERRORS']} error(s), e.g. {r['EXAMPLE_MESSAGE']}", "line": None})
    return rows


def known_wave(settings, wave: str, instance=None) -> None:
    """A wave the plan (landing or upgrade source) or the instance knows; otherwise one line and exit 2 (main),
    never an empty answer that reads like a clean wave."""
    from ..upgrade.source_side import plan_waves

    planned = _planned(settings)
    source_plan = settings.source_dir / "wave_plan.csv"
    if source_plan.is_file():
        planned += [w for w in plan_waves(source_plan) if w not in planned]
    if wave in planned:
        return
    registered: list[str] = []
    if instance is not None:
        registered = instance.get_dynamic_partitions("wave")
    elif (settings.dagster_home / "dagster.yaml").exists():
        import dagster as dg

        with dg.DagsterInstance.from_config(str(settings.dagster_home)) as inst:
            registered = inst.get_dynamic_partitions("wave")
    if wave not in registered:
        raise ValueError(f"unknown wave {wave!r}: the wave plan has {', '.join(planned) or 'no waves'} "
                         f"({settings.landing}{', ' + str(source_plan) if source_plan.is_file() else ''}); registered: "
                         f"{', '.join(registered) or 'none'}")


def cmd_errors(a) -> int:
    from ..settings import load_settings

    from ..waves.errors import readable

    settings = load_settings()
    known_wave(settings, a.wave)
    service: dict = {}
    rows = [readable(r) for r in wave_errors(settings, a.wave, service)]
    if a.format == "json":
        print(json.dumps(rows, default=str, indent=1))
    else:
        w = csv.DictWriter(sys.stdout, fieldnames=ERROR_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    if service:  # CCS_TARGET=ccs: per table, the service's CI_VAL_ERR beside the rehearsal's validation errors
        if service["note"]:
            print(f"service: {service['note']}", file=sys.stderr)
        for t, c in service["tables"].items():
            if c["rehearsal"] or c["service"]:
                print(f"service {t:14s} CI_VAL_ERR {c['service']:>8}   rehearsal {c['rehearsal']:>8}", file=sys.stderr)
        for d in service["differences"]:
            print(f"DIFFERS: {d}", file=sys.stderr)
    return 1 if service.get("differences") else 0


def wave_reconciliation(settings, wave: str) -> tuple[dict, list[str]]:
    """Legacy files to CC&B production, then on to MDM/ODM (steps 9-12), from the configured target."""
    from ..cloud.counts import x1_counts
    from ..reconcile import reconcile, target_counts, workbench_counts
    from ..resources import build_resources

    resources = build_resources(settings)
    with resources["workbench"].connect() as con:
        upgraded = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'wb' AND "
                               "table_name = 'source_counts'").fetchone()[0] and con.execute(
            "SELECT count(*) FROM wb.source_counts WHERE wave = ?", [wave]).fetchone()[0]
    if upgraded:  # an upgrade scenario ran this wave: source -> production (-> MDM/ODM)
        from ..scenarios.upgrade import CCB_TO_CCS, CCB_TO_CLOUD, upgrade_report

        with resources["workbench"].connect() as con:
            txn = con.execute("SELECT count(*) FROM wb.source_counts WHERE wave = ? AND table_name = 'CI_BILL'", [wave]).fetchone()[0]
        report, problems = upgrade_report(resources["workbench"], resources["target"],
                                          (CCB_TO_CLOUD if txn else CCB_TO_CCS).tables, wave)
        from ..catalog import mdm
        from ..cloud.counts import x1_problems
        from ..cloud.steps import existing_tables

        out = {"scenario": "upgrade", "tables": report}
        with resources["target"].session() as s, resources["workbench"].connect() as con:
            linked = mdm.X1_LINK.name in existing_tables(s, s.stg) and bool(s.scalar(  # scenario 6 ran the wave's steps 8-11
                f"SELECT count(*) FROM {s.stg}.{mdm.X1_LINK.name} WHERE WAVE = :wave", wave=wave))
            out["mdm_odm"] = x1 = x1_counts(s, wave, linked=linked)
            if linked:
                from ..upgrade.mscs_clone import wave_conflicts

                out["conflicts"] = wave_conflicts(con, s, wave, x1)
        return out, problems + x1_problems(x1, strict=False)
    with resources["workbench"].connect() as con:
        wb = workbench_counts(con, wave)
    from ..cloud.steps import existing_tables

    tg, x1 = {}, None
    if not (settings.is_duckdb_target and not settings.target_db.exists()):
        with resources["target"].session() as s:  # a wave that stopped before staging has no target tables yet
            if all("CCS_WAVE_LEDGER" in existing_tables(s, schema) for schema in (s.stg, s.prod)):
                tg = target_counts(s, wave)
                x1 = x1_counts(s, wave)
    return reconcile(wb, tg, x1)


def cmd_reconcile(a) -> int:
    from ..settings import load_settings

    settings, instance = _prepare()
    known_wave(settings, a.wave, instance)
    report, problems = wave_reconciliation(settings, a.wave)
    from ..waves.runs import last_run_note

    note = last_run_note(instance, a.wave)  # a wave that stopped early: say so, then show what it reached
    if a.format == "json":
        print(json.dumps({"wave": a.wave, "last_run": note, **report, "problems": problems}, indent=1, default=str))
    else:
        if note:
            print(note)
        cols = (["source", "source_rejected", "extracted", "loaded", "load_rejected", "load_check_rejected", "production"]
                if report.get("scenario") == "upgrade" else
                ["transformed", "extracted", "staged", "load_rejected", "keyed", "validate_rejected", "production"])
        print(f"{'table':14s}" + "".join(f"{c:>18s}" for c in cols))
        for t, r in report["tables"].items():
            print(f"{t:14s}" + "".join(f"{str(r.get(c, '')):>18s}" for c in cols))
        from .progress import mdm_odm_lines

        print("\n" + "\n".join(mdm_odm_lines(report) or ["MDM/ODM: nothing migrated for this wave yet"]))
        svc = report.get("service")
        if svc:  # CCS_TARGET=ccs: the service read back beside the rehearsal
            print(f"\n{'service read-back':26s}{'rehearsal':>12s}{'service':>12s}")
            for layer in ("staging", "production", "errors"):
                for t, c in svc.get(layer, {}).items():
                    print(f"{layer[:10]:10s} {t:15s}{c['rehearsal']!s:>12s}{c['service']!s:>12s}")
            for n in svc["notes"]:
                print(f"note: {n}")
        for p in problems:
            print(f"DOES NOT ADD UP: {p}")
    return 0 if not problems and not note else 1


def cmd_demo(a) -> int:
    from ..generate.generator import generate_landing

    settings, instance = _prepare()
    landing = settings.landing
    if not (landing / "wave_plan.csv").exists():
        print(f"generating demo data ({a.customers} customers) in {landing}")
        generate_landing(landing, customers=a.customers, seed=42, waves=3)
    from ..waves.partitions import sync_waves, planned_waves

    sync_waves(instance, landing)
    wave = planned_waves(landing)[0]
    from .progress import Progress

    run_id = str(uuid.uuid4())
    progress = Progress(settings.home / "logs" / f"{wave}-{run_id}.log")
    try:
        ok = run_wave_locked(wave, instance, settings, progress, run_id)
    finally:
        progress.close()
    report, problems = wave_reconciliation(settings, wave)
    print(f"\n{ok.last_line(wave)} in {progress.elapsed}; Dagster's event log: {progress.log_path}")
    for t, r in report["tables"].items():
        print(f"  {t:14s} production {r.get('production', 0):>8}")
    print(f"errors: ccs-migrate errors --wave {wave} --format csv\nUI:     ccs-migrate ui   (then open http://127.0.0.1:3000)")
    return 0 if ok and not problems else 1


def cmd_ui(a) -> int:
    """Become `dagster dev` (exec) on the CLI's instance: Ctrl-C and SIGTERM reach dagster dev itself."""
    settings, instance = _prepare(a.landing)
    instance.dispose()
    root = Path(__file__).resolve().parents[2]
    workspace = root / "workspace.yaml"
    args = [sys.executable, "-m", "dagster", "dev", "-h", a.host, "-p", str(a.port)]
    args += ["-w", str(workspace)] if workspace.exists() else ["-m", "ccs_assets.definitions"]
    print(f"DAGSTER_HOME={settings.dagster_home} dagster dev -h {a.host} -p {a.port}: http://{a.host}:{a.port}", flush=True)
    os.chdir(root if workspace.exists() else Path.cwd())
    # a shell starts background jobs with SIGINT ignored, and exec keeps that: dagster dev would then ignore
    # SIGTERM too (it maps SIGTERM to its SIGINT handler) and never stop
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execv(sys.executable, args)
    return 0  # not reached


def cmd_rollback(a) -> int:
    from ..resources import build_resources
    from ..waves.rollback import RollbackRefused, record_rollback, rollback_wave

    settings, instance = _prepare()
    if settings.service is not None:
        return _fail("CCS_TARGET=ccs: the service's production cannot be rolled back from outside (no write access); "
                     "roll back the rehearsal with CCS_TARGET=duckdb, and the service with its own truncation batches")
    if settings.is_duckdb_target and not settings.target_db.exists():
        return _fail(f"no target database at {settings.target_db}: nothing to roll back")
    try:
        with build_resources(settings)["target"].session() as s:
            result = rollback_wave(s, a.wave, dry_run=a.dry_run)
    except RollbackRefused as exc:
        r = exc.result
        if a.format == "json":
            print(json.dumps(r.as_dict(), indent=1, default=str))
        else:
            if r.dependents:
                print(f"wave {a.wave}: rollback REFUSED; production rows of other waves depend on it:")
                for d in r.dependents:
                    print(f"  {d.describe()}")
                print("roll back the dependent waves first (newest first), then this one")
            if r.unknown_tables:
                print(f"wave {a.wave}: rollback REFUSED; its ledger names tables no catalog list knows "
                      f"(their rows would stay): {', '.join(r.unknown_tables)}")
        why = (f"depended on by {', '.join(sorted({d.wave or '(no wave)' for d in r.dependents}))}" if r.dependents
               else "unknown tables in its ledger")
        print(f"ccs-migrate: rollback of {a.wave} refused: {why}", file=sys.stderr)
        return 1
    recorded = {"observed": 0, "wiped": 0}
    if not a.dry_run and result.rows:
        from .. import definitions

        recorded = record_rollback(instance, definitions.defs, result)
    if a.format == "json":
        print(json.dumps({**result.as_dict(), "dagster": recorded}, indent=1, default=str))
    else:
        verb = "would remove" if a.dry_run else "removed"
        if not result.rows:
            print(f"wave {a.wave}: nothing on the target to roll back")
        for schema, counts in (("production", result.production), ("staging", result.staging)):
            for table, n in counts.items():
                print(f"  {schema:10s} {table:18s} {verb} {n:>10,}")
        for table, n in result.shared.items():
            print(f"  kept       {table:18s} {n:>10,} rows another wave owns too (its ledger entry for {a.wave} removed)")
        for table, waves in result.rebuilt.items():
            print(f"  {'would rebuild' if a.dry_run else 'rebuilt'} {table} for {', '.join(waves)} from production without {a.wave}")
        if result.rows and not a.dry_run:
            print(f"wave {a.wave}: rolled back ({result.rows:,} rows); recorded on {recorded['observed']} target-side "
                  f"assets' {a.wave} partition in Dagster; the workbench is kept, so a rerun gives the same keys")
    return 0


def cmd_trace(a) -> int:
    from ..settings import load_settings
    from ..waves.trace import format_trace, trace

    r = trace(load_settings(), a.legacy_key, a.table)
    print(json.dumps(r, indent=1, default=str) if a.format == "json" else format_trace(r))
    return 0 if r["found"] else 1


def cmd_conversion(a) -> int:
    """K1-CNVEN / K1-CNVDS in the service: the service/*_conversion asset, materialized on purpose by a person."""
    settings, instance = _prepare()
    if settings.service is None:
        return _fail(f"conversion {a.action} runs in the service: set CCS_TARGET=ccs (now {settings.target})")
    if a.action == "disable" and not a.yes:
        return _fail("K1-CNVDS ends conversion for good: no further loads, truncations or inserts. Add --yes to run it")
    import dagster as dg

    from .. import definitions
    from ..service.assets import DISABLE_KEY, ENABLE_KEY

    key = ENABLE_KEY if a.action == "enable" else DISABLE_KEY
    result = dg.materialize([x for x in definitions.defs.assets if key in x.keys], instance=instance,
                            resources=definitions.defs.resources, raise_on_error=False,
                            tags={"ccs/target": settings.target, "ccs/target_db": settings.describe_target()})
    if not result.success:
        failure = next((_root_cause(e.step_failure_data.error) for e in result.all_events if e.is_step_failure), "")
        print(f"conversion {a.action}: FAILED {failure}", file=sys.stderr)
        return 1
    md = next(e.materialization.metadata for e in result.get_asset_materialization_events() if e.asset_key == key)
    print(f"conversion {a.action}: {md['batch_control'].value} job {md['job'].value} run {md['run'].value} complete")
    return 0


def cmd_benchmark(a) -> int:
    from ..bench import format_report, run_benchmark

    if a.scenario not in ("legacy-cis", *UPGRADES):
        return _fail(f"unknown scenario {a.scenario!r}; available: legacy-cis, {', '.join(UPGRADES)}")
    report = run_benchmark(a.customers, waves=a.waves, wave=a.wave, seed=a.seed, keep=a.keep, landing=a.landing,
                           progress=lambda msg: print(msg, file=sys.stderr, flush=True), scenario=a.scenario)
    print(json.dumps(report, indent=1, default=str) if a.format == "json" else format_report(report))
    return 0 if report["ok"] else 1


def main(argv: list[str] | None = None) -> int:
    try:
        rc = _main(argv)
        sys.stdout.flush()  # inside the try: a reader gone before the last block is written is the same case
        return rc
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error; keep the exit-time flush quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a shell reports a command ended by SIGPIPE


def _main(argv: list[str] | None) -> int:
    p = argparse.ArgumentParser(prog="ccs-migrate", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="write a legacy landing folder of N customers")
    g.add_argument("dir")
    g.add_argument("--customers", type=int, required=True)
    g.add_argument("--seed", type=int, default=42)
    g.add_argument("--waves", type=int, default=3)
    g.set_defaults(fn=cmd_generate)
    w = sub.add_parser("waves", help="wave partitions")
    wsub = w.add_subparsers(dest="wcmd", required=True)
    ws = wsub.add_parser("sync", help="register the plan's waves in the instance")
    ws.add_argument("--landing")
    ws.add_argument("--source", help="upgrade scenarios: folder of ccb.duckdb and wave_plan.csv (acct_id,wave)")
    ws.set_defaults(fn=cmd_waves_sync)
    gs = sub.add_parser("generate-source", help="write an on-premises CC&B source database (DIR/ccb.duckdb) of N customers")
    gs.add_argument("--scenario", required=True, help=", ".join(UPGRADES))
    gs.add_argument("dir")
    gs.add_argument("--customers", type=int, required=True)
    gs.add_argument("--seed", type=int, default=42)
    gs.add_argument("--waves", type=int, default=1)
    gs.add_argument("--months", type=int, default=12, help="ccb-to-ccb-cloud, ccb-mscs-to-ccs: months of transactional history")
    gs.set_defaults(fn=cmd_generate_source)
    r = sub.add_parser("run", help="materialize a scenario for one wave",
                       description="Run every asset of the scenario for one wave (Oracle's steps of that scenario), "
                                   "recorded in the Dagster instance under DAGSTER_HOME. Shows progress on stderr (steps "
                                   "done of total, Oracle's step and the asset being written, elapsed time), then a "
                                   "summary on stdout: counts, MDM/ODM counts, the checks that warned, the event log file.")
    r.add_argument("--scenario", default="legacy-cis",
                   help="scenario to run (default: %(default)s, Oracle's scenario 1: legacy CIS to CCS; "
                        "upgrades: ccb-to-ccs, ccb-to-ccb-cloud)")
    r.add_argument("--landing", help="legacy landing folder with wave_plan.csv (default: CCS_LANDING, else $CCS_HOME/landing)")
    r.add_argument("--source", help="upgrade scenarios: folder of ccb.duckdb and wave_plan.csv (default: CCS_SOURCE_DIR, "
                                    "else $CCS_HOME/source)")
    r.add_argument("--wave", required=True, help="wave to run, as named in the plan (e.g. wave-01; `all` without a plan)")
    r.add_argument("--verbose", action="store_true",
                   help="print Dagster's whole event log instead of the progress line (it is always kept in the instance "
                        "and in $CCS_HOME/logs/<wave>-<run id>.log)")
    r.set_defaults(fn=cmd_run)
    e = sub.add_parser("errors", help="a wave's validation errors")
    e.add_argument("--wave", required=True)
    e.add_argument("--format", choices=["csv", "json"], default="csv")
    e.set_defaults(fn=cmd_errors)
    rc = sub.add_parser("reconcile", help="a wave's counts at every layer")
    rc.add_argument("--wave", required=True)
    rc.add_argument("--format", choices=["json", "table"], default="table")
    rc.set_defaults(fn=cmd_reconcile)
    d = sub.add_parser("demo", help="generate demo data if none exists and run the first wave")
    d.add_argument("--customers", type=int, default=2000)
    d.set_defaults(fn=cmd_demo)
    u = sub.add_parser("ui", help="start the Dagster UI on the same instance")
    u.add_argument("--landing")
    u.add_argument("--host", default="127.0.0.1")
    u.add_argument("--port", type=int, default=3000)
    u.set_defaults(fn=cmd_ui)
    rb = sub.add_parser("rollback", help="remove a wave from production and staging (refused while later waves depend on it)")
    rb.add_argument("--wave", required=True)
    rb.add_argument("--dry-run", action="store_true", help="count what would be removed; change nothing")
    rb.add_argument("--format", choices=["text", "json"], default="text")
    rb.set_defaults(fn=cmd_rollback)
    tr = sub.add_parser("trace", help="legacy key -> staging key -> production key, per wave, with production rows")
    tr.add_argument("--legacy-key", required=True)
    tr.add_argument("--table", help="a keyed table (CI_PER) or legacy file (customers); default: all")
    tr.add_argument("--format", choices=["text", "json"], default="text")
    tr.set_defaults(fn=cmd_trace)
    cv = sub.add_parser("conversion", help="CCS_TARGET=ccs: enable (K1-CNVEN) or disable (K1-CNVDS) conversion in the service")
    cv.add_argument("action", choices=["enable", "disable"])
    cv.add_argument("--yes", action="store_true", help="disable: yes, end conversion for good")
    cv.set_defaults(fn=cmd_conversion)
    b = sub.add_parser("benchmark", help="generate N customers in a fresh CCS_HOME, run one wave through Dagster, print figures")
    b.add_argument("--customers", type=int, default=10000)
    b.add_argument("--waves", type=int, default=1, help="waves in the generated plan (1: the whole landing is one wave)")
    b.add_argument("--wave", help="wave to run (default: the plan's first)")
    b.add_argument("--seed", type=int, default=42)
    b.add_argument("--scenario", default="legacy-cis", help=f"legacy-cis or an upgrade: {', '.join(UPGRADES)}")
    b.add_argument("--landing", help="reuse this landing folder (upgrade scenarios: source folder) instead of generating one")
    b.add_argument("--keep", help="use DIR (new or empty) as CCS_HOME and keep it afterwards")
    b.add_argument("--format", choices=["text", "json"], default="text")
    b.set_defaults(fn=cmd_benchmark)
    from .doctor import add_parser as add_doctor

    add_doctor(sub)

    from .lineage import add_parser as add_lineage

    add_lineage(sub)
    a = p.parse_args(argv)
    from ..codemaps import CodeMapError
    from ..landing.reader import LandingFileError
    from ..settings import SettingsError
    from ..storage import StorageError
    from ..storage.factory import SettingsError as StorageSettingsError
    from ..waves.lock import RunRefused
    from ..service.client import ServiceError

    try:
        if a.cmd not in ("generate", "benchmark"):  # every other command reads or writes below CCS_HOME
            from ..settings import check_home, load_settings

            check_home(load_settings())
        return a.fn(a)
    except (SettingsError, StorageSettingsError, CodeMapError, StorageError, FileNotFoundError, ValueError, ServiceError) as exc:
        return _fail(str(exc).splitlines()[0])
    except RunRefused as exc:  # the wave is running already, or the user stopped waiting for another wave
        print(f"ccs-migrate: {exc}", file=sys.stderr)
        return exc.code
    except LandingFileError as exc:
        return _fail(exc.description or str(exc))
    except Exception as exc:
        import dagster as dg

        if isinstance(exc, dg.Failure):  # e.g. the target database cannot be reached: a setting, not a bug
            return _fail((exc.description or str(exc)).splitlines()[0])
        raise


if __name__ == "__main__":
    sys.exit(main())
