"""One wave run at a time per instance: a lock file with its owner, and a queue instead of interleaved waves.

The workbench is one DuckDB file (and the DuckDB target another) shared by
every wave: two waves running at once would interleave their steps and write
each other's bookkeeping (`wb.stg_keymap.first_wave`, the gate's view of
production). So `ccs-migrate run` holds an exclusive `flock` on
`$DAGSTER_HOME/ccs-run.lock` for the whole run; the file names its owner (pid,
host, wave, run id). The kernel drops the lock when the owner dies, however it
dies, so a hard kill never leaves it behind. A second run of the same wave is
refused with one line naming the running run; a run of another wave waits,
saying what it waits for, until the first finishes (Ctrl-C stops waiting).
Runs launched from the UI do not take the file: the instance's in-progress
runs are checked too, after runs whose process is gone are repaired.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import dagster as dg

from .runs import diagnose, repair

LOCK_FILE = "ccs-run.lock"


class RunRefused(Exception):
    """The wave cannot run now; `code` is the exit status (1 refused, 130 stopped waiting)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def read_holder(path: Path) -> dict:
    try:
        return json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return {}


def describe_holder(h: dict) -> str:
    if not h:
        return "another ccs-migrate run (starting)"
    return (f"run {h.get('run_id') or '?'} (ccs-migrate run, wave {h.get('wave')}, pid {h.get('pid')} on "
            f"{h.get('host')}, since {h.get('started')})")


def current_holder(dagster_home: Path) -> dict | None:
    """Who holds the run lock now; None when nobody does (whatever an old owner left in the file)."""
    path = Path(dagster_home) / LOCK_FILE
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return None
    except BlockingIOError:
        return read_holder(path)
    finally:
        os.close(fd)


def _interruptible_sleep(seconds: float) -> None:
    """Sleep with Ctrl-C raising KeyboardInterrupt, even when started with SIGINT ignored (a shell's background job)."""
    if threading.current_thread() is not threading.main_thread():
        time.sleep(seconds)
        return
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        time.sleep(seconds)
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def wave_run_slot(instance: dg.DagsterInstance, dagster_home: Path, wave: str, run_id: str,
                  say: Callable[[str], None], poll: float = 2.0) -> Iterator[list[str]]:
    """Hold the instance's run lock for `wave`; yield what was repaired on the way in."""
    path = Path(dagster_home) / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    waiting_for = None
    repaired: list[str] = []
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
            except BlockingIOError:
                locked = False
            if locked:
                d = diagnose(instance)
                if not d.healthy:
                    for line in repair(instance, d):
                        repaired.append(line)
                        say(f"repaired: {line}")
                # runs launched from the UI (a CLI run would hold the lock); one created but not started yet
                # without a process to ask is not waited for (it may never start)
                others = d.live + [r for r in d.unknown if r.status != "NOT_STARTED"]
                same = [r for r in others if r.wave == wave]
                if same:
                    raise RunRefused(f"wave {wave} is already running: {same[0].describe()}")
                if not others:
                    os.ftruncate(fd, 0)
                    os.pwrite(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "wave": wave,
                                              "run_id": run_id, "started": time.strftime("%Y-%m-%d %H:%M:%S")}).encode(), 0)
                    break
                fcntl.flock(fd, fcntl.LOCK_UN)
                holder = others[0].describe()
            else:
                h = read_holder(path)
                if h.get("wave") == wave:
                    raise RunRefused(f"wave {wave} is already running: {describe_holder(h)}")
                holder = describe_holder(h)
            if holder != waiting_for:
                say(f"waiting for {holder} to finish: waves share the workbench DuckDB file and run one at a time "
                    "(Ctrl-C stops waiting)")
                waiting_for = holder
            try:
                _interruptible_sleep(poll)
            except KeyboardInterrupt:
                raise RunRefused(f"wave {wave}: stopped waiting for {holder}; nothing ran", code=130) from None
        yield repaired
    finally:
        try:
            os.ftruncate(fd, 0) if locked else None
        finally:
            os.close(fd)  # closing drops the flock
