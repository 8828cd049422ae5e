"""Benchmark one wave end to end, the way a user runs it, and report figures (DESIGN.md 8 and 9).

Not a timed test: a command that prints figures. It

1. makes a fresh CCS_HOME (a temporary folder, or --keep DIR);
2. runs `ccs-migrate generate` in a child process (unless --landing reuses one);
3. runs `ccs-migrate run --scenario legacy-cis --wave W` in a child process, the
   real Dagster job recorded in the bench home's DAGSTER_HOME, then (bench/ingest.py)
   reads the same landing files once into a fresh DuckDB file, the floor the run's
   time is divided by (run / ingest), so figures from a busy machine stay comparable;
4. reads the run's event log (step start / success times) for per-step and
   per-asset-group wall times, the reconciliation counts for rows per table,
   and the sizes of the DuckDB files and folders.

Peak memory is the child's maximum resident set size from wait4(2) (it covers
the child and every descendant it waited for: the whole process tree of the
run, since the job uses the in-process executor). CPU time is user + system of
the same tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

# settings that would point a child away from the fresh CCS_HOME
PATH_SETTINGS = ("CCS_HOME", "CCS_LANDING", "CCS_WORKBENCH_DB", "CCS_TARGET_DB", "CCS_OUTBOX", "CCS_STORAGE_DIR",
                 "DAGSTER_HOME")


@dataclass
class Measured:
    """One child process: wall time, CPU time and peak RSS of its process tree."""

    command: list[str]
    returncode: int
    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    log: str


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "ccs_assets.cli.main", *args]


def measure(command: list[str], env: dict[str, str], log: Path, cwd: Path) -> Measured:
    """Run `command` to completion; wall clock, and the tree's rusage from wait4."""
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=str(cwd))
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here; keep Popen from waiting again
    return Measured(command=command, returncode=proc.returncode, wall_s=round(wall, 2),
                    cpu_s=round(usage.ru_utime + usage.ru_stime, 2),
                    peak_rss_mib=round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
                    log=str(log))


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return 0


def _mib(n: int) -> float:
    return round(n / (1024 * 1024), 1)


def _definitions(scenario: str = "legacy-cis"):
    """The scenario's code location module (scenario 1: ccs_assets.definitions)."""
    import importlib

    from ..cli.main import UPGRADES

    return importlib.import_module(f"ccs_assets.locations.{UPGRADES[scenario]}" if scenario in UPGRADES
                                   else "ccs_assets.definitions")


def step_groups(scenario: str = "legacy-cis") -> dict[str, str]:
    """Step key (op name) -> asset group for single-asset steps, "layer" for a layer step (many groups)."""
    definitions = _definitions(scenario)
    groups: dict[str, str] = {}
    for a in definitions.defs.assets or []:
        node = getattr(a, "node_def", None)
        names = set(getattr(a, "group_names_by_key", {}).values())
        if node is not None:
            groups[node.name] = next(iter(names)) if len(names) == 1 else "layer"
    for c in definitions.defs.asset_checks or []:
        node = getattr(c, "node_def", None)
        if node is not None:
            groups[node.name] = "checks"
    return groups


def asset_groups(scenario: str = "legacy-cis") -> dict[str, str]:
    """Asset key ("production/ci_per") -> its group, from the scenario's definitions."""
    graph = _definitions(scenario).defs.resolve_asset_graph()
    return {k.to_user_string(): graph.get(k).group_name for k in graph.get_all_asset_keys()}


def _seconds(metadata, name: str) -> float | None:
    v = (metadata or {}).get(name)
    return float(v.value) if v is not None else None


def run_timings(instance, run_id: str, groups: dict[str, str], by_asset_group: dict[str, str] | None = None) -> dict:
    """Wall time of the run, of each step, and of each asset and check written inside a layer step.

    A layer step (scenarios/layers.py) writes many assets; each materialization carries
    `ccs/write_seconds` and each check result `ccs/check_seconds`, so the per-group breakdown
    stays per asset group (checks: group "checks"), with single-asset steps counted whole.
    """
    from dagster import DagsterEventType as T

    by_asset_group = by_asset_group or {}
    records = instance.all_logs(run_id, of_type={T.RUN_START, T.RUN_SUCCESS, T.RUN_FAILURE, T.STEP_START,
                                                 T.STEP_SUCCESS, T.STEP_FAILURE, T.ASSET_MATERIALIZATION,
                                                 T.ASSET_CHECK_EVALUATION})
    run = instance.get_run_by_id(run_id)
    start = end = None
    steps: dict[str, dict] = {}
    assets: list[dict] = []
    for rec in records:
        ev = rec.dagster_event
        kind = ev.event_type
        if kind == T.RUN_START:
            start = rec.timestamp
        elif kind in (T.RUN_SUCCESS, T.RUN_FAILURE):
            end = rec.timestamp
        elif kind == T.STEP_START:
            steps.setdefault(ev.step_key, {})["start"] = rec.timestamp
        elif kind == T.ASSET_MATERIALIZATION:
            m = ev.event_specific_data.materialization
            sec = _seconds(m.metadata, "ccs/write_seconds")
            if sec is not None:
                key = m.asset_key.to_user_string()
                assets.append({"asset": key, "group": by_asset_group.get(key, "?"), "seconds": sec, "step": ev.step_key})
        elif kind == T.ASSET_CHECK_EVALUATION:
            c = ev.event_specific_data
            sec = _seconds(c.metadata, "ccs/check_seconds")
            if sec is not None:
                assets.append({"asset": f"{c.asset_key.to_user_string()}:{c.check_name}", "group": "checks",
                               "seconds": sec, "step": ev.step_key})
        else:
            steps.setdefault(ev.step_key, {}).update(end=rec.timestamp, status="success" if kind == T.STEP_SUCCESS else "failure")
    out_steps = []
    for key, s in steps.items():
        if "start" in s and "end" in s:
            group = groups.get(key) or key.split("__")[0]
            out_steps.append({"step": key, "group": group, "seconds": round(s["end"] - s["start"], 3),
                              "status": s["status"], "start": s["start"]})
    out_steps.sort(key=lambda s: s["start"])
    by_group: dict[str, dict] = {}
    layer_steps = {a["step"] for a in assets}
    for a in assets:
        g = by_group.setdefault(a["group"], {"steps": 0, "assets": 0, "seconds": 0.0})
        g["assets"] += 1
        g["seconds"] = round(g["seconds"] + a["seconds"], 3)
    for s in out_steps:
        if s["step"] in layer_steps:
            s["group"] = "layer"
            continue
        g = by_group.setdefault(s["group"], {"steps": 0, "assets": 0, "seconds": 0.0})
        g["steps"] += 1
        g["seconds"] = round(g["seconds"] + s["seconds"], 3)
    for s in out_steps:
        s.pop("start")
    seconds = round(end - start, 3) if start and end else None
    in_steps = round(sum(s["seconds"] for s in out_steps), 3)
    in_assets = round(sum(a["seconds"] for a in assets), 3)
    in_layers = round(sum(s["seconds"] for s in out_steps if s["step"] in layer_steps), 3)
    return {"run_id": run_id, "job": run.job_name if run else None, "status": run.status.value if run else None,
            "seconds": seconds, "in_steps_seconds": in_steps,
            "between_steps_seconds": round(seconds - in_steps, 3) if seconds is not None else None,
            "layer_overhead_seconds": round(in_layers - in_assets, 3),
            "groups": by_group, "steps": out_steps, "assets": sorted(assets, key=lambda a: -a["seconds"])}


def run_benchmark(customers: int, waves: int = 1, wave: str | None = None, seed: int = 42, keep: str | None = None,
                  landing: str | None = None, progress: Callable[[str], None] = print, scenario: str = "legacy-cis") -> dict:
    """Generate (or reuse) a landing folder (upgrade scenarios: a source database), run one wave through Dagster in a
    fresh CCS_HOME, return figures."""
    if keep:
        home = Path(keep).resolve()
        if home.exists() and any(home.iterdir()):
            raise ValueError(f"--keep {home}: must be a new or empty folder (the benchmark needs a fresh CCS_HOME)")
        home.mkdir(parents=True, exist_ok=True)
    else:
        home = Path(tempfile.mkdtemp(prefix="ccs-bench-"))
    env = {k: v for k, v in os.environ.items() if k not in PATH_SETTINGS}
    env["CCS_HOME"] = str(home)
    logs = home / "bench-logs"
    report: dict = {"ccs_home": str(home), "kept": bool(keep), "customers": customers, "seed": seed, "scenario": scenario,
                    "machine": {"cpus": os.cpu_count(), "memory_gib": _memory_gib(), "python": sys.version.split()[0]}}
    try:
        if scenario != "legacy-cis":
            return _run_upgrade(report, home, env, logs, scenario, customers, waves, wave, seed, landing, progress)
        if landing:
            land = Path(landing).resolve()
            if not (land / "wave_plan.csv").is_file():
                raise FileNotFoundError(f"{land}: no wave_plan.csv (not a landing folder)")
            report["generate"] = None
        else:
            land = home / "landing"
            progress(f"generating {customers:,} customers in {waves} wave(s) into {land}")
            gen = measure(_cli("generate", str(land), "--customers", str(customers), "--waves", str(waves),
                               "--seed", str(seed)), env, logs / "generate.log", home)
            report["generate"] = asdict(gen)
            if gen.returncode:
                raise RuntimeError(f"generate failed (exit {gen.returncode}); see {gen.log}")
        report["landing"] = {"path": str(land), "mib": _mib(_size(land))}
        from ..waves.partitions import planned_waves

        plan = planned_waves(land)
        wave = wave or (plan[0] if plan else None)
        if wave not in plan:
            raise ValueError(f"wave {wave!r} is not in the plan ({', '.join(plan) or 'no waves'})")
        report["wave"] = wave
        report["waves_in_plan"] = plan
        progress(f"running {wave} through Dagster (ccs-migrate run; log {logs / 'run.log'})")
        run = measure(_cli("run", "--scenario", "legacy-cis", "--landing", str(land), "--wave", wave), env,
                      logs / "run.log", home)
        report["run"] = asdict(run)
        if run.returncode:
            report["run"]["log_tail"] = _tail(Path(run.log))
        progress("reading the same landing files once into DuckDB (the floor the run is compared with)")
        ing = measure([sys.executable, "-m", "ccs_assets.bench.ingest", str(land), str(home / "ingest.duckdb")], env,
                      logs / "ingest.log", home)
        report["ingest"] = asdict(ing)
        report["run_to_ingest"] = round(run.wall_s / ing.wall_s, 2) if ing.returncode == 0 and ing.wall_s else None
        report.update(_collect(home, env, wave))
        report["ok"] = run.returncode == 0
        return report
    finally:
        if not keep:
            shutil.rmtree(home, ignore_errors=True)


def _run_upgrade(report: dict, home: Path, env: dict, logs: Path, scenario: str, customers: int, waves: int,
                 wave: str | None, seed: int, source: str | None, progress) -> dict:
    """Upgrade scenarios: `generate-source` (unless --landing names a source folder), then `run --source`."""
    from ..upgrade.source_side import plan_waves

    if source:
        src = Path(source).resolve()
        if not (src / "ccb.duckdb").is_file():
            raise FileNotFoundError(f"{src}: no ccb.duckdb (not a source folder)")
        report["generate"] = None
    else:
        src = home / "source"
        progress(f"generating a CC&B source of {customers:,} customers in {waves} wave(s) into {src}")
        gen = measure(_cli("generate-source", "--scenario", scenario, str(src), "--customers", str(customers),
                           "--waves", str(waves), "--seed", str(seed)), env, logs / "generate.log", home)
        report["generate"] = asdict(gen)
        if gen.returncode:
            raise RuntimeError(f"generate-source failed (exit {gen.returncode}); see {gen.log}")
    report["landing"] = {"path": str(src), "mib": _mib(_size(src))}
    plan = plan_waves(src / "wave_plan.csv")
    wave = wave or plan[0]
    if wave not in plan:
        raise ValueError(f"wave {wave!r} is not in the plan ({', '.join(plan)})")
    report["wave"], report["waves_in_plan"] = wave, plan
    progress(f"running {wave} of {scenario} through Dagster (ccs-migrate run; log {logs / 'run.log'})")
    run = measure(_cli("run", "--scenario", scenario, "--source", str(src), "--wave", wave), env, logs / "run.log", home)
    report["run"] = asdict(run)
    if run.returncode:
        report["run"]["log_tail"] = _tail(Path(run.log))
    report.update(_collect(home, {**env, "CCS_SOURCE_DIR": str(src)}, wave, scenario))
    report["ok"] = run.returncode == 0
    return report


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _memory_gib() -> float | None:
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _collect(home: Path, env: dict[str, str], wave: str, scenario: str = "legacy-cis") -> dict:
    """Dagster event log timings, rows per table and file sizes of the bench home."""
    import dagster as dg

    from ..cli.main import wave_reconciliation
    from ..settings import load_settings

    settings = load_settings(env)
    instance = dg.DagsterInstance.from_config(str(settings.dagster_home))
    try:
        groups, by_asset = step_groups(scenario), asset_groups(scenario)
        timings = [run_timings(instance, r.run_id, groups, by_asset) for r in instance.get_runs(ascending=True)]
    finally:
        instance.dispose()
    try:
        report, problems = wave_reconciliation(settings, wave)
    except Exception as exc:  # a failed run may leave no target: still report the timings
        report, problems = {"tables": {}}, [f"reconciliation unavailable: {exc}"]
    files = {
        "workbench.duckdb": _size(settings.workbench_db) + _size(settings.workbench_db.with_suffix(".duckdb.wal")),
        "target.duckdb": _size(settings.target_db) + _size(settings.target_db.with_suffix(".duckdb.wal")),
        "outbox/": _size(settings.outbox),
        "object-storage/": _size(home / "object-storage"),
        "dagster/": _size(settings.dagster_home),
    }
    return {"dagster_runs": timings, "tables": report.get("tables", {}), "reconcile_problems": problems,
            "sizes_mib": {k: _mib(v) for k, v in files.items()}}


def format_report(r: dict) -> str:
    """The figures as text: totals, per-group breakdown, slowest steps, rows per table, sizes."""
    lines = []
    m = r["machine"]
    lines.append(f"machine: {m['cpus']} cpus, {m['memory_gib']} GiB, Python {m['python']}; scenario {r.get('scenario', 'legacy-cis')}")
    gen = r.get("generate")
    if gen:
        lines.append(f"generate {r['customers']:,} customers: {gen['wall_s']:.1f} s wall, {gen['cpu_s']:.1f} s cpu, "
                     f"peak RSS {gen['peak_rss_mib']:.0f} MiB; landing {r['landing']['mib']} MiB")
    run = r["run"]
    lines.append(f"run {r['wave']} (ccs-migrate run, whole process): {run['wall_s']:.1f} s wall, {run['cpu_s']:.1f} s cpu, "
                 f"peak RSS {run['peak_rss_mib']:.0f} MiB, exit {run['returncode']}")
    ing = r.get("ingest")
    if ing:
        lines.append(f"raw DuckDB ingest of the same landing files (each read once into a table): {ing['wall_s']:.1f} s wall, "
                     f"{ing['cpu_s']:.1f} s cpu, peak RSS {ing['peak_rss_mib']:.0f} MiB, exit {ing['returncode']}; "
                     f"run / ingest = {r.get('run_to_ingest')} (wall)")
    for d in r.get("dagster_runs", []):
        lines.append(f"  dagster run {d['run_id'][:8]} {d['job']}: {d['status']}, {d['seconds']} s from RUN_START to end "
                     f"({len(d['steps'])} steps, {d['in_steps_seconds']} s inside steps, {d['between_steps_seconds']} s "
                     f"Dagster between steps, {d.get('layer_overhead_seconds', 0)} s inside layer steps around the writes)")
        groups = sorted(d["groups"].items(), key=lambda kv: -kv[1]["seconds"])
        for name, g in groups:
            what = f"{g['assets']:4d} assets" if g.get("assets") else f"{g['steps']:4d} steps "
            lines.append(f"    {name:22s} {what} {g['seconds']:9.2f} s")
    in_runs = sum(d["seconds"] or 0 for d in r.get("dagster_runs", []))
    lines.append(f"  outside Dagster runs (interpreter start, imports, instance, wave sync): {run['wall_s'] - in_runs:.1f} s")
    steps = [s for d in r.get("dagster_runs", []) for s in d["steps"]]
    if steps:
        lines.append("  steps:")
        for s in steps:
            lines.append(f"    {s['step']:40s} {s['seconds']:9.2f} s  {s['status']}")
    slow = sorted((a for d in r.get("dagster_runs", []) for a in d.get("assets", [])), key=lambda a: -a["seconds"])
    if slow:
        lines.append("  slowest assets and checks inside the layer steps:")
        for a in slow[:12]:
            lines.append(f"    {a['asset']:56s} {a['seconds']:9.2f} s")
    if r.get("tables"):
        cols = (["source", "source_rejected", "loaded", "load_check_rejected", "production"]
                if r.get("scenario", "legacy-cis") != "legacy-cis" else
                ["transformed", "staged", "keyed", "validate_rejected", "production"])
        lines.append("rows per table:")
        lines.append(f"  {'table':14s}" + "".join(f"{c:>18s}" for c in cols))
        for t, row in r["tables"].items():
            lines.append(f"  {t:14s}" + "".join(f"{str(row.get(c, '')):>18s}" for c in cols))
    for p in r.get("reconcile_problems", []):
        lines.append(f"DOES NOT ADD UP: {p}")
    lines.append("sizes (MiB): " + ", ".join(f"{k} {v}" for k, v in r.get("sizes_mib", {}).items()))
    if run.get("log_tail"):
        lines.append("run log (last lines):\n" + run["log_tail"])
    lines.append(f"logs: {r['ccs_home']}/bench-logs" if r.get("kept") else "(bench home removed; --keep DIR keeps it)")
    return "\n".join(lines)
