"""ccs-migrate: generate, waves sync, run, errors, reconcile, demo, ui.

Settings are environment variables (see README). A bad setting or input is
one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

DAGSTER_YAML = """# written by ccs-migrate: one run at a time, one DuckDB writer at a time
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    default_limit: 1
telemetry:
  enabled: false
"""


def _fail(msg: str) -> int:
    print(f"ccs-migrate: {msg}", file=sys.stderr)
    return 2


def _prepare(landing: str | None = None):
    """Apply --landing, load settings, make DAGSTER_HOME persistent, return (settings, instance)."""
    if landing:
        os.environ["CCS_LANDING"] = str(Path(landing).resolve())
    from ..settings import load_settings

    settings = load_settings()
    settings.dagster_home.mkdir(parents=True, exist_ok=True)
    os.environ["DAGSTER_HOME"] = str(settings.dagster_home)
    cfg = settings.dagster_home / "dagster.yaml"
    if not cfg.exists():
        cfg.write_text(DAGSTER_YAML)
    import dagster as dg

    return settings, dg.DagsterInstance.get()


def cmd_generate(a) -> int:
    from ..generate.generator import generate_landing

    counts = generate_landing(Path(a.dir), customers=a.customers, seed=a.seed, waves=a.waves)
    for name, n in counts.items():
        print(f"{name:28s} {n:>10,}")
    return 0


def cmd_waves_sync(a) -> int:
    from ..waves.partitions import sync_waves, planned_waves

    settings, instance = _prepare(a.landing)
    added = sync_waves(instance, settings.landing)
    print(f"waves in plan: {', '.join(planned_waves(settings.landing))}; added: {', '.join(added) or 'none'}")
    return 0


def run_wave(wave: str, instance, settings) -> bool:
    """Materialize the code maps, then every asset of scenario 1 for one wave, recorded in the instance."""
    import dagster as dg

    from .. import definitions

    if wave not in instance.get_dynamic_partitions("wave"):
        raise ValueError(f"wave {wave!r} is not registered: run `ccs-migrate waves sync --landing DIR` (plan has "
                         f"{', '.join(_planned(settings)) or 'no waves'})")
    defs = definitions.defs
    from ..storage import store_from_env

    # shown by `dagster dev` on the run: which target (never the password) and which bucket it used
    tags = {"ccs/scenario": "legacy-cis", "ccs/landing": str(settings.landing), "ccs/target": settings.target,
            "ccs/target_db": settings.describe_target(), "ccs/bucket": store_from_env(ccs_home=settings.home).describe()}
    maps = dg.materialize([a for a in defs.assets if a.key == dg.AssetKey(["config", "code_maps"])],
                          instance=instance, resources=defs.resources, raise_on_error=False, tags=tags)
    if not maps.success:
        return False
    job = defs.resolve_job_def("legacy_cis")
    result = job.execute_in_process(instance=instance, partition_key=wave, raise_on_error=False, tags=tags)
    failed = [e.step_key for e in result.all_events if e.is_step_failure]
    failed_checks = [e.asset_check_evaluation_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"
                     and not e.asset_check_evaluation_data.passed and e.asset_check_evaluation_data.severity.value == "ERROR"]
    for step in failed:
        print(f"step failed: {step}", file=sys.stderr)
    for c in failed_checks:
        print(f"check failed: {c.asset_key.to_user_string()}:{c.check_name}: {c.description}", file=sys.stderr)
    for e in result.all_events:  # warnings do not fail the run, but the user must see them
        c = e.asset_check_evaluation_data if e.event_type_value == "ASSET_CHECK_EVALUATION" else None
        if c is not None and not c.passed and c.severity.value == "WARN":
            print(f"check warning: {c.asset_key.to_user_string()}:{c.check_name}: {c.description}", file=sys.stderr)
    return result.success and not failed and not failed_checks


def _planned(settings) -> list[str]:
    from ..waves.partitions import planned_waves

    try:
        return planned_waves(settings.landing)
    except FileNotFoundError:
        return []


def cmd_run(a) -> int:
    if a.scenario != "legacy-cis":
        return _fail(f"unknown scenario {a.scenario!r}; available: legacy-cis")
    settings, instance = _prepare(a.landing)
    from ..waves.partitions import sync_waves

    sync_waves(instance, settings.landing)
    ok = run_wave(a.wave, instance, settings)
    print(f"wave {a.wave}: {'succeeded' if ok else 'FAILED'} (run recorded in {settings.dagster_home}; `ccs-migrate ui` to inspect)")
    return 0 if ok else 1


ERROR_COLUMNS = ["wave", "step", "table_name", "legacy_key", "rule", "column_name", "value", "message", "line"]


def wave_errors(settings, wave: str) -> list[dict]:
    import duckdb

    rows: list[dict] = []
    if settings.workbench_db.exists():
        with duckdb.connect(str(settings.workbench_db), read_only=True) as con:
            for r in con.execute(
                "SELECT wave, step, table_name, legacy_key, rule, column_name, value, message, line FROM wb.errors "
                "WHERE wave = ? ORDER BY table_name, line, rule", [wave]).fetchall():
                rows.append(dict(zip(ERROR_COLUMNS, r)))
    if settings.target_db.exists():
        with duckdb.connect(str(settings.target_db), read_only=True) as con:
            has = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema='cisstg' AND table_name='CCS_VAL_ERR'").fetchone()[0]
            if has:
                for r in con.execute(
                    "SELECT WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO FROM cisstg.CCS_VAL_ERR "
                    "WHERE WAVE = ? ORDER BY TABLE_NAME, LINE_NO, RULE", [wave]).fetchall():
                    rows.append(dict(zip(ERROR_COLUMNS, r)))
    return rows


def cmd_errors(a) -> int:
    from ..settings import load_settings

    rows = wave_errors(load_settings(), a.wave)
    if a.format == "json":
        print(json.dumps(rows, default=str, indent=1))
    else:
        w = csv.DictWriter(sys.stdout, fieldnames=ERROR_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return 0


def wave_reconciliation(settings, wave: str) -> tuple[dict, list[str]]:
    from ..reconcile import reconcile, target_counts, workbench_counts
    from ..target import TargetResource
    from ..workbench import WorkbenchResource

    with WorkbenchResource(database=str(settings.workbench_db)).connect() as con:
        wb = workbench_counts(con, wave)
    with TargetResource(kind=settings.target, duckdb_path=str(settings.target_db)).session() as s:
        tg = target_counts(s, wave)
    return reconcile(wb, tg)


def cmd_reconcile(a) -> int:
    from ..settings import load_settings

    report, problems = wave_reconciliation(load_settings(), a.wave)
    if a.format == "json":
        print(json.dumps({"wave": a.wave, **report, "problems": problems}, indent=1, default=str))
    else:
        cols = ["transformed", "extracted", "staged", "load_rejected", "keyed", "validate_rejected", "production"]
        print(f"{'table':14s}" + "".join(f"{c:>18s}" for c in cols))
        for t, r in report["tables"].items():
            print(f"{t:14s}" + "".join(f"{str(r.get(c, '')):>18s}" for c in cols))
        for p in problems:
            print(f"DOES NOT ADD UP: {p}")
    return 0 if not problems else 1


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
    ok = run_wave(wave, instance, settings)
    report, problems = wave_reconciliation(settings, wave)
    print(f"\nwave {wave}: {'succeeded' if ok else 'FAILED'}")
    for t, r in report["tables"].items():
        print(f"  {t:14s} production {r.get('production', 0):>8}")
    print(f"errors: ccs-migrate errors --wave {wave} --format csv\nUI:     ccs-migrate ui   (then open http://127.0.0.1:3000)")
    return 0 if ok and not problems else 1


def cmd_ui(a) -> int:
    settings, _ = _prepare(a.landing)
    root = Path(__file__).resolve().parents[2]
    workspace = root / "workspace.yaml"
    args = ["dagster", "dev", "-h", a.host, "-p", str(a.port)]
    args += ["-w", str(workspace)] if workspace.exists() else ["-m", "ccs_assets.definitions"]
    print(f"DAGSTER_HOME={settings.dagster_home} {' '.join(args)}")
    return subprocess.call(args, cwd=str(root if workspace.exists() else Path.cwd()))


def main(argv: list[str] | None = None) -> int:
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
    ws.set_defaults(fn=cmd_waves_sync)
    r = sub.add_parser("run", help="materialize a scenario for one wave")
    r.add_argument("--scenario", default="legacy-cis")
    r.add_argument("--landing")
    r.add_argument("--wave", required=True)
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
    a = p.parse_args(argv)
    from ..codemaps import CodeMapError
    from ..landing.reader import LandingFileError
    from ..settings import SettingsError
    from ..storage import StorageError
    from ..storage.factory import SettingsError as StorageSettingsError

    try:
        return a.fn(a)
    except (SettingsError, StorageSettingsError, CodeMapError, StorageError, FileNotFoundError, ValueError) as exc:
        return _fail(str(exc).splitlines()[0])
    except LandingFileError as exc:
        return _fail(exc.description or str(exc))


if __name__ == "__main__":
    sys.exit(main())
