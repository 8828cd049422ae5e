"""Resources picked from settings: workbench DuckDB, target (DuckDB, Oracle, or the service with a DuckDB rehearsal)."""

from __future__ import annotations

import dagster as dg

from .settings import Settings
from .target import TargetResource
from .workbench import WorkbenchResource

POOL = "duckdb_writer"  # every DuckDB writer (asset or check) runs in this pool, limit 1


def _duckdb(settings: Settings) -> dict:
    """Every DuckDB connection's memory_limit and spill folder (CCS_DUCKDB_MEMORY_LIMIT, CCS_DUCKDB_TEMP_DIR)."""
    return {"memory_limit": settings.duckdb_memory_limit, "temp_directory": str(settings.duckdb_temp_dir or "")}


def target_resource(settings: Settings) -> TargetResource:
    """CCS_TARGET=duckdb: the target DuckDB file. oracle: python-oracledb thin mode. ccs: the service, with the DuckDB
    file as its rehearsal. Secrets via dg.EnvVar."""
    if settings.service is not None:
        v = settings.service
        return TargetResource(
            kind="ccs", duckdb_path=str(settings.target_db), service_url=v.url, service_sql_url=v.sql_url,
            service_auth=v.auth, service_token_url=v.token_url, service_client_id=v.client_id, service_user=v.user,
            service_scope=v.scope, service_batch_controls=str(v.batch_controls),
            service_secret=dg.EnvVar("CCS_SERVICE_CLIENT_SECRET" if v.auth == "oauth" else "CCS_SERVICE_PASSWORD"),
            **_duckdb(settings),  # the rehearsal
        )
    if settings.oracle is None:
        return TargetResource(kind="duckdb", duckdb_path=str(settings.target_db), **_duckdb(settings))
    o = settings.oracle
    return TargetResource(
        kind="oracle",
        oracle_dsn=dg.EnvVar("CCS_ORACLE_DSN"),
        oracle_user=dg.EnvVar("CCS_ORACLE_USER"),
        oracle_password=dg.EnvVar("CCS_ORACLE_PASSWORD"),
        staging_schema=o.staging_schema,
        production_schema=o.production_schema,
        oracle_load_method=o.load_method,
        oracle_batch_rows=o.batch_rows,
        **_duckdb(settings),  # the DuckDB that parses extract files before they reach Oracle
    )


def build_resources(settings: Settings) -> dict:
    from .codemaps import CodeMapsIOManager

    workbench = WorkbenchResource(database=str(settings.workbench_db), **_duckdb(settings))
    return {
        "workbench": workbench,
        "target": target_resource(settings),
        "code_maps_io": CodeMapsIOManager(workbench=workbench),  # config/code_maps' typed maps -> cfg.map_<kind>
    }
