"""Two waves run once through the CLI; each test gets its own copy of that CCS_HOME."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ccs_assets_tests.conftest import Cli


@pytest.fixture(scope="session")
def two_waves_home(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("two_waves")
    cli = Cli(root / "ccs")
    landing = root / "ccs" / "landing"
    cli("generate", str(landing), "--customers", "250", "--waves", "2", "--seed", "7")
    # device histories cut to their header: a meter that moves between waves makes its ODM asset history
    # shared by both waves, which test_rollback covers on its own (test_rollback_keeps_rows_another_wave_shares)
    for name in ("meter_history.csv", "meter_history_reads.csv", "item_history.csv"):
        path = landing / name
        if path.exists():
            header = path.read_bytes().split(b"\n", 1)[0]
            path.write_bytes(header + b"\n")
    cli("waves", "sync", "--landing", str(landing))
    for wave in ("wave-01", "wave-02"):
        cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", wave)
    return root / "ccs"


@pytest.fixture
def two_waves(two_waves_home: Path, tmp_path: Path) -> Cli:
    """A private copy of the two-wave home (target, workbench, Dagster instance, landing)."""
    home = tmp_path / "ccs"
    shutil.copytree(two_waves_home, home)
    return Cli(home)
