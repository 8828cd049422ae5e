"""Resources picked from settings: workbench DuckDB, target (DuckDB or Oracle)."""

from __future__ import annotations

from .settings import Settings
from .target import TargetResource
from .workbench import WorkbenchResource

POOL = "duckdb_writer"  # every DuckDB writer (asset or check) runs in this pool, limit 1


def build_resources(settings: Settings) -> dict:
    return {
        "workbench": WorkbenchResource(database=str(settings.workbench_db)),
        "target": TargetResource(kind=settings.target, duckdb_path=str(settings.target_db)),
    }
