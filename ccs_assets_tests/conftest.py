"""Shared helpers: run ccs-migrate as a user does, in a fresh CCS_HOME."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest


class Cli:
    def __init__(self, home: Path):
        self.home = home
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("CCS_", "DAGSTER_"))}
        self.env["CCS_HOME"] = str(home)

    def __call__(self, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        proc = subprocess.run([sys.executable, "-m", "ccs_assets.cli.main", *args], capture_output=True, text=True,
                              env={**self.env, **env}, timeout=900)
        if check and proc.returncode != 0:
            raise AssertionError(f"ccs-migrate {' '.join(args)} exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
        return proc

    def target(self):
        return duckdb.connect(str(self.home / "target.duckdb"), read_only=True)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "ccs")
