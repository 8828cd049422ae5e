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
    # the generator's full data: meters that moved between the waves' SPs share their ODM asset history
    cli("generate", str(landing), "--customers", "250", "--waves", "2", "--seed", "7")
    cli("waves", "sync", "--landing", str(landing))
    cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-01")
    shutil.copy(root / "ccs" / "target.duckdb", root / "target-after-wave-01.duckdb")  # what rolling back wave-02 restores
    cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-02")
    return root / "ccs"


@pytest.fixture(scope="session")
def target_after_wave_01(two_waves_home: Path) -> Path:
    """The target DuckDB file as it was after wave-01 ran, before wave-02."""
    return two_waves_home.parent / "target-after-wave-01.duckdb"


@pytest.fixture
def two_waves(two_waves_home: Path, tmp_path: Path) -> Cli:
    """A private copy of the two-wave home (target, workbench, Dagster instance, landing)."""
    home = tmp_path / "ccs"
    shutil.copytree(two_waves_home, home)
    return Cli(home)
