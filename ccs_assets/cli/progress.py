"""What `ccs-migrate run` shows while a wave runs, instead of Dagster's ~500 DEBUG lines: Dagster steps done of
total, assets written of total, Oracle's step and the asset being written, elapsed time; then a summary.

Dagster's own event log is not printed (unless --verbose): it stays in the instance (`ccs-migrate ui`) and is
also written, one line per event, to $CCS_HOME/logs/<wave>-<run id>.log. The display is an instance event
listener, so it works the same for every scenario's job. Output it cannot write (a reader gone, as `| head` is
once it has its lines) is dropped: the run itself goes on and is recorded.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from pathlib import Path

import dagster as dg

STEP_OF_DESCRIPTION = re.compile(r"^\s*Steps? (\d+[a-z]?(?:\s*-\s*\d+)?)\b")  # "Step 7", "Steps 1-11", "Step 4b"
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}  # Dagster's console logger: silent


def oracle_steps(job: dg.JobDefinition) -> dict[str, str]:
    """Oracle's step of each asset of the job, from its description ("Step 7: ..."); an asset whose description
    names none (a legacy file, the code maps) takes the earliest step of the assets it feeds."""
    graph = job.asset_layer.asset_graph
    keys = list(job.asset_layer.selected_asset_keys)
    steps: dict[dg.AssetKey, str] = {}
    for k in keys:
        m = STEP_OF_DESCRIPTION.match(graph.get(k).description or "")
        if m:
            steps[k] = m.group(1).replace(" ", "")
    for k in keys:
        if k not in steps:
            fed = [int(m.group()) for c in graph.get(k).child_keys if c in steps and (m := re.match(r"\d+", steps[c]))]
            steps[k] = str(min(fed)) if fed else "-"
    return {k.to_user_string(): s for k, s in steps.items()}


def executable_assets(job: dg.JobDefinition) -> int:
    graph = job.asset_layer.asset_graph
    return sum(1 for k in job.asset_layer.selected_asset_keys if graph.get(k).is_executable)


def clock(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    return f"{m // 60}:{m % 60:02d}:{s:02d}" if m >= 60 else f"{m:02d}:{s:02d}"


class Progress:
    """An instance event listener (DagsterInstance.add_event_listener) for the runs of one `ccs-migrate run`.

    On a terminal one line is redrawn at every event. Otherwise (a file, a CI log) a line is written when a
    Dagster step starts or ends, on every failure, and at most every `interval` seconds in between."""

    def __init__(self, log_path: Path, out=None, interval: float = 10.0, verbose: bool = False):
        self.verbose = verbose  # Dagster's console log is printed as it always was; nothing of ours besides
        self.out = None if verbose else out if out is not None else sys.stderr
        self.tty = bool(getattr(self.out, "isatty", lambda: False)())
        self.interval = interval
        self.start = time.monotonic()
        self.total = self.assets_total = 0
        self.done = self.failed = self.skipped = self.assets_done = 0
        self.current = ""  # the asset written last in the current Dagster step
        self.steps: dict[str, str] = {}  # asset key -> Oracle step
        self.warnings: list[str] = []
        self._last = -interval
        self.log_path = log_path
        self._log = None  # opened at the first event: a run refused before it starts leaves no empty file

    @property
    def run_config(self) -> dict:
        """The run config that keeps Dagster's console logger quiet (its events still go to the instance)."""
        return {} if self.verbose else QUIET

    def expect(self, job: dg.JobDefinition) -> None:
        """Count the steps and assets of a job about to run (a command may run several: the code maps, the wave)."""
        self.total += len(job.graph.node_dict)
        self.assets_total += executable_assets(job)
        self.steps.update(oracle_steps(job))

    def __call__(self, entry: dg.EventLogEntry) -> None:
        ts = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(entry.timestamp))
        ev = entry.dagster_event
        kind = ev.event_type_value if ev else "LOG"
        message = entry.user_message or (ev.message if ev else "") or ""
        if self._log is None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = open(self.log_path, "a", encoding="utf-8")
        self._log.write(f"{ts} {entry.run_id[:8]} {logging.getLevelName(entry.level)} {entry.step_key or '-'} {kind} "
                        f"{message}\n")
        self._log.flush()
        if ev is None:
            return
        if kind == "STEP_START":
            self.current = ""
            self._show(force=True, note=f"({ev.step_key} starting)")
        elif kind == "ASSET_MATERIALIZATION":
            self.assets_done += 1
            self.current = ev.asset_key.to_user_string()
            self._show()
        elif kind in ("STEP_SUCCESS", "STEP_FAILURE", "STEP_SKIPPED"):
            self.done += 1
            self.failed += kind == "STEP_FAILURE"
            self.skipped += kind == "STEP_SKIPPED"
            self._show(force=True, note=f"({ev.step_key} {'FAILED' if kind == 'STEP_FAILURE' else kind[5:].lower()})")
        elif kind == "ASSET_CHECK_EVALUATION":
            c = ev.asset_check_evaluation_data
            if not c.passed and c.severity.value == "WARN":
                self.warnings.append(f"{c.asset_key.to_user_string()}:{c.check_name}: {c.description}")

    def line(self, note: str = "") -> str:
        asset = self.current
        step = self.steps.get(asset, "-")
        width = len(str(self.assets_total))
        return (f"[{self.done}/{self.total} steps, {self.assets_done:>{width}}/{self.assets_total} assets] "
                f"{self.elapsed}  Oracle step {step:>2}  {asset or '-'}" + (f"  {note}" if note else ""))

    def _show(self, force: bool = False, note: str = "") -> None:
        now = time.monotonic()
        if self.out is None or (not self.tty and not force and now - self._last < self.interval):
            return
        self._last = now
        text = self.line(note)
        try:
            self.out.write("\r\033[K" + text[:150] if self.tty else text + "\n")
            self.out.flush()
        except (BrokenPipeError, ValueError, OSError):  # nobody reads any more: keep running, stop showing
            self.out = None

    def close(self) -> None:
        if self.out is not None and self.tty:
            try:
                self.out.write("\r\033[K")
                self.out.flush()
            except (BrokenPipeError, ValueError, OSError):
                self.out = None
        if self._log is not None:
            self._log.close()

    @property
    def elapsed(self) -> str:
        return clock(time.monotonic() - self.start)


def replay(progress: Progress, instance: dg.DagsterInstance, run_id: str) -> None:
    """Feed a finished run's stored events to the display (runs started by dg.materialize take no run id)."""
    for entry in instance.all_logs(run_id):
        progress(entry)


X1_COLUMNS = ["ccb_rows", "mapped", "not_migrated", "rows"]
LINK_COLUMNS = ["linked", "created", "conflicting"]  # scenario 6: against the MSCS clone


def mdm_odm_lines(report: dict) -> list[str]:
    """Steps 10-12 of the wave per MDM/ODM table: CC&B rows, mapped, not migrated, rows written (none: no lines)."""
    x1 = report.get("mdm_odm") or {}
    if not x1:
        return []
    cols = X1_COLUMNS + (LINK_COLUMNS if "conflicts" in report else [])
    return ([f"{'MDM/ODM table':22s}" + "".join(f"{c:>14s}" for c in cols)]
            + [f"{t:22s}" + "".join(f"{str(r.get(c, '')):>14s}" for c in cols) for t, r in x1.items()]
            + [f"CONFLICT {c['mdm_table']} {c['rule']}: MDM {c['mdm_key']} / CC&B {c['ccb_table']} {c['ccb_key']}: "
               f"{c['message']}" for c in report.get("conflicts", [])])  # scenario 6: the clone disagrees with CC&B


def counts_lines(report: dict) -> list[str]:
    """CC&B production rows of the wave, then its MDM/ODM tables."""
    tables = report.get("tables") or {}
    return [f"CC&B production rows of the wave: {sum(r.get('production', 0) or 0 for r in tables.values()):,} in "
            f"{len(tables)} tables", *mdm_odm_lines(report)]


def summary(wave: str, progress: Progress, counts) -> list[str]:
    """What the run came to, before its outcome line: steps and assets, the wave's counts (`counts()` returns a
    reconciliation report; when it cannot, the run's own failure is the news), the checks that warned, the log."""
    lines = [f"{progress.done} of {progress.total} steps done ({progress.failed} failed, {progress.skipped} skipped"
             + (f", {progress.total - progress.done} not run" if progress.done < progress.total else "")
             + f"), {progress.assets_done} of {progress.assets_total} assets written, in {progress.elapsed}"]
    try:
        report = counts()
    except Exception as exc:  # noqa: BLE001 - counts are a bonus after a failed run
        lines.append(f"(no counts: {(str(exc).splitlines() or [type(exc).__name__])[0]})")
    else:
        lines += counts_lines(report) + [f"(per layer: ccs-migrate reconcile --wave {wave})"]
    lines.append(f"checks that warned: {len(progress.warnings)}")
    lines += [f"  {w}" for w in progress.warnings]
    lines.append(f"event log: {progress.log_path}")
    return lines
