"""A hard kill (SIGKILL) of `ccs-migrate run` at several points, then a plain rerun: no hand repair, same data.

Also: a second run of the running wave is refused naming the running run, a run of another wave waits
for it (saying so) and Ctrl-C stops that wait; `doctor` reports and repairs a dead run.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ccs_assets_tests.conftest import Cli, table_digests

LANDING_ARGS = ("--customers", "120", "--waves", "2", "--seed", "11")


def digests(home: Path) -> dict[str, tuple[int, str]]:
    """Every table of the target and workbench DuckDB files."""
    return {f"{db}:{k}": v for db in ("target.duckdb", "workbench.duckdb") for k, v in table_digests(home / db).items()}


def start(cli: Cli, wave: str, landing: Path, log: Path) -> subprocess.Popen:
    fh = open(log, "w")
    return subprocess.Popen([sys.executable, "-m", "ccs_assets.cli.main", "run", "--landing", str(landing), "--wave", wave,
                             "--verbose"],  # Dagster's own event lines, to follow the steps
                            stdout=fh, stderr=subprocess.STDOUT, env=cli.env, text=True)


def wait_for_steps(proc: subprocess.Popen, log: Path, n: int, timeout: float = 600) -> None:
    """Until the run has started its n-th step (Dagster's STEP_START lines in its log)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if log.read_text().count(" - STEP_START - ") >= n:
            return
        assert proc.poll() is None, f"run ended before step {n}:\n{log.read_text()[-3000:]}"
        time.sleep(0.5)
    raise AssertionError(f"step {n} not reached in {timeout} s")


@pytest.mark.heavy
def test_sigkill_then_rerun_gives_a_clean_runs_data(tmp_path):
    landing = tmp_path / "landing"
    clean = Cli(tmp_path / "clean")
    clean("generate", str(landing), *LANDING_ARGS)
    out = clean("run", "--landing", str(landing), "--wave", "wave-01", "--verbose")
    steps = out.stderr.count(" - STEP_START - ")
    assert steps >= 8, out.stderr[-2000:]  # the code maps, then one step per layer
    expected = digests(clean.home)

    cli = Cli(tmp_path / "killed")
    cli("waves", "sync", "--landing", str(landing))
    for i, fraction in enumerate((0.2, 0.5, 0.8)):  # early (legacy/transform), staging/keys, production/MDM
        log = tmp_path / f"killed-{i}.log"
        proc = start(cli, "wave-01", landing, log)
        wait_for_steps(proc, log, max(2, int(steps * fraction)))
        if i == 0:
            # the same wave again: refused at once, naming the running run
            again = cli("run", "--landing", str(landing), "--wave", "wave-01", check=False)
            assert again.returncode == 1, again.stderr
            last = again.stderr.strip().splitlines()[-1]
            assert "wave wave-01 is already running: run " in last and f"pid {proc.pid}" in last, last
            # another wave waits for it, says what it waits for, and Ctrl-C stops the wait (nothing ran)
            other_log = tmp_path / "other.log"
            other = start(cli, "wave-02", landing, other_log)
            deadline = time.time() + 120
            while "waiting for run" not in other_log.read_text() and time.time() < deadline:
                time.sleep(0.5)
            assert "waiting for run" in other_log.read_text() and "wave-01" in other_log.read_text()
            other.send_signal(signal.SIGINT)
            assert other.wait(60) == 130
            assert "stopped waiting" in other_log.read_text().strip().splitlines()[-1]
            assert " - STEP_START - " not in other_log.read_text()
        proc.send_signal(signal.SIGKILL)
        proc.wait(60)
        if i == 1:  # doctor sees the dead run and the slot it holds; --check changes nothing
            check = cli("doctor", "--check", check=False)
            assert check.returncode == 1 and "process gone: run" in check.stdout and f"pid {proc.pid}" in check.stdout
            assert cli("doctor", "--check", check=False).returncode == 1
            fixed = cli("doctor")
            assert "repaired: marked failed" in fixed.stdout, fixed.stdout
            assert "healthy" in cli("doctor", "--check").stdout

    rerun = cli("run", "--landing", str(landing), "--wave", "wave-01")  # no manual step
    assert "repaired: marked failed: run" in rerun.stderr  # the last kill, found by the run itself
    assert "wave wave-01: succeeded" in rerun.stdout.strip().splitlines()[-1]
    got = digests(cli.home)
    assert got.keys() == expected.keys()
    assert {k: v for k, v in got.items() if v != expected[k]} == {}
    assert "healthy" in cli("doctor", "--check").stdout
