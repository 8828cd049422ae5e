"""Runs whose process is gone: find them, mark them failed and free their pool slots.

A hard kill (SIGKILL, OOM killer, reboot, closed laptop) leaves its Dagster run
STARTED and its `duckdb_writer` pool slot taken, so every later step waits
forever. Each run knows its owner process: runs started by `ccs-migrate run`
carry the tags `ccs/pid`, `ccs/host` and `ccs/pid_start` (the process's start
time, so a reused pid is not taken for the owner); runs launched from the UI
record their worker's pid in the "Started process for run" engine event. A run
is dead when that process no longer exists (or is another process by now).
`ccs-migrate run`, `ccs-migrate doctor` and the UI's `stuck_run_sensor` repair
dead runs with Dagster's own APIs: `report_run_failed` and
`free_concurrency_slots_for_run`.
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass

import dagster as dg

OWNER_PID, OWNER_HOST, OWNER_START = "ccs/pid", "ccs/host", "ccs/pid_start"
IN_PROGRESS = [dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED,
               dg.DagsterRunStatus.CANCELING]
SLACK = 2.0  # seconds: process start times come from clock ticks since boot


def process_start(pid: int) -> float | None:
    """When a process started (epoch seconds), from /proc; None where /proc is not available."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        with open("/proc/stat") as fh:
            btime = next(int(line.split()[1]) for line in fh if line.startswith("btime "))
    except (OSError, StopIteration, IndexError, ValueError):
        return None
    if fields[0] == "Z":  # a zombie has finished running; only its parent has not collected it yet
        return -1.0
    return btime + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def owner_tags() -> dict[str, str]:
    """Tags for a run this process executes in-process: who to ask whether it still runs."""
    pid = os.getpid()
    return {OWNER_PID: str(pid), OWNER_HOST: socket.gethostname(), OWNER_START: f"{process_start(pid) or 0:.2f}"}


def process_alive(pid: int, started_by: float | None) -> bool:
    """The process exists and (where /proc tells) started no later than `started_by`, i.e. is not a reused pid."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    start = process_start(pid)
    if start is not None and start < 0:
        return False
    return not (start is not None and started_by is not None and start > started_by + SLACK)


@dataclass(frozen=True)
class RunOwner:
    run_id: str
    job: str
    wave: str | None
    status: str
    pid: int | None
    host: str | None
    launched_from: str  # "ccs-migrate run" or "UI"
    alive: bool | None  # None: cannot tell (another host, or no pid recorded yet)

    def describe(self) -> str:
        where = f"pid {self.pid}" + (f" on {self.host}" if self.host and self.host != socket.gethostname() else "")
        return (f"run {self.run_id} (job {self.job}, wave {self.wave or '-'}, {self.status}, "
                f"{self.launched_from}, {where if self.pid else 'no process recorded yet'})")


def _worker_pid(instance: dg.DagsterInstance, run_id: str) -> tuple[int | None, float | None]:
    """A UI-launched run's worker pid and when it reported it, from the run's engine events."""
    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT, limit=20).records
    for rec in records:
        entry = rec.event_log_entry
        data = entry.dagster_event.engine_event_data if entry.dagster_event else None
        pid = data.metadata.get("pid") if data is not None else None
        if pid is not None:
            return int(getattr(pid, "value", pid)), entry.timestamp
    return None, None


def run_owner(instance: dg.DagsterInstance, record) -> RunOwner:
    run = record.dagster_run
    tags = run.tags
    host = tags.get(OWNER_HOST)
    if OWNER_PID in tags:
        pid, started_by, launched = int(tags[OWNER_PID]), float(tags.get(OWNER_START) or 0) or None, "ccs-migrate run"
    else:
        pid, started_by = _worker_pid(instance, run.run_id)
        launched, host = "UI", socket.gethostname()  # the default run launcher starts workers on the webserver's host
    if pid is None or (host and host != socket.gethostname()):
        alive = None
    else:
        alive = process_alive(pid, started_by)
    return RunOwner(run.run_id, run.job_name, tags.get("dagster/partition"), run.status.value, pid, host, launched, alive)


def in_progress(instance: dg.DagsterInstance) -> list[RunOwner]:
    records = instance.get_run_records(dg.RunsFilter(statuses=IN_PROGRESS))
    return [run_owner(instance, r) for r in records]


def held_slots(instance: dg.DagsterInstance) -> dict[str, set[str]]:
    """Pool -> run ids holding or waiting for a slot of it."""
    storage = instance.event_log_storage
    out: dict[str, set[str]] = {}
    for pool in storage.get_concurrency_keys():
        info = storage.get_concurrency_info(pool)
        ids = info.active_run_ids | {s.run_id for s in info.pending_steps}
        if ids:
            out[pool] = ids
    return out


@dataclass
class Diagnosis:
    dead: list[RunOwner]
    live: list[RunOwner]
    unknown: list[RunOwner]
    orphan_slots: dict[str, set[str]]  # pool -> finished or unknown runs still holding slots

    @property
    def healthy(self) -> bool:
        return not self.dead and not self.orphan_slots


def diagnose(instance: dg.DagsterInstance) -> Diagnosis:
    runs = in_progress(instance)
    running = {r.run_id for r in runs if r.alive is not False}
    orphans = {pool: ids - running for pool, ids in held_slots(instance).items() if ids - running}
    return Diagnosis(dead=[r for r in runs if r.alive is False], live=[r for r in runs if r.alive],
                     unknown=[r for r in runs if r.alive is None], orphan_slots=orphans)


def repair(instance: dg.DagsterInstance, d: Diagnosis) -> list[str]:
    """Mark dead runs failed and free every slot held by a run that is not running; return what was done."""
    done = []
    for r in d.dead:
        run = instance.get_run_by_id(r.run_id)
        if run is None or run.status.value != r.status:  # finished (or repaired by someone else) meanwhile
            continue
        instance.report_run_failed(run, message=f"process {r.pid} of this run is gone (killed, out of memory or "
                                                f"rebooted); marked failed by ccs-migrate at {time.strftime('%Y-%m-%d %H:%M:%S')}")
        instance.event_log_storage.free_concurrency_slots_for_run(r.run_id)
        done.append(f"marked failed: {r.describe()}; its pool slots freed")
    for pool, ids in d.orphan_slots.items():
        for run_id in sorted(ids - {r.run_id for r in d.dead}):
            instance.event_log_storage.free_concurrency_slots_for_run(run_id)
            done.append(f"freed pool {pool} slots held by run {run_id}, which is not running")
    return done


def last_run_note(instance: dg.DagsterInstance, wave: str) -> str | None:
    """One line when the wave's latest run did not succeed (reconcile then shows the counts it reached)."""
    runs = instance.get_runs(dg.RunsFilter(job_name="legacy_cis", tags={"dagster/partition": wave}), limit=1)
    if not runs or runs[0].status == dg.DagsterRunStatus.SUCCESS:
        return None
    return (f"wave {wave}: its latest run {runs[0].run_id} is {runs[0].status.value}: the counts below stop where "
            f"it stopped; why: `ccs-migrate errors --wave {wave}`")
