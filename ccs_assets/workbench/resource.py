"""Workbench DuckDB: legacy snapshots, CC&B-shaped rows, errors and key maps, per wave."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import dagster as dg
import duckdb

from ..settings import duckdb_config

WORKBENCH_DDL = """
CREATE SCHEMA IF NOT EXISTS legacy;
CREATE SCHEMA IF NOT EXISTS ccb;
CREATE SCHEMA IF NOT EXISTS wb;
CREATE SCHEMA IF NOT EXISTS cfg;
CREATE TABLE IF NOT EXISTS wb.errors (
  wave VARCHAR NOT NULL, step VARCHAR NOT NULL, table_name VARCHAR NOT NULL, legacy_key VARCHAR,
  rule VARCHAR NOT NULL, column_name VARCHAR, value VARCHAR, message VARCHAR NOT NULL, line BIGINT,
  source_file VARCHAR, rec BIGINT
);
CREATE TABLE IF NOT EXISTS wb.landing_counts (
  wave VARCHAR NOT NULL, file VARCHAR NOT NULL, present BOOLEAN NOT NULL, records BIGINT NOT NULL,
  loaded BIGINT NOT NULL, malformed BIGINT NOT NULL, physical_lines BIGINT NOT NULL
);
-- (table_name, legacy_key) is unique by construction: assign_staging_keys inserts each key the map lacks once.
-- No PRIMARY KEY: DuckDB keeps an ART index in memory (a million-customer wave has 20 million keys, beyond a
-- 1 GB memory_limit) and it halves the insert speed; every read of the map is a hash join anyway.
CREATE TABLE IF NOT EXISTS wb.stg_keymap (
  table_name VARCHAR NOT NULL, legacy_key VARCHAR NOT NULL, stg_key VARCHAR NOT NULL, first_wave VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS wb.ownership (
  wave VARCHAR NOT NULL, entity VARCHAR NOT NULL, legacy_key VARCHAR NOT NULL, owner_wave VARCHAR
);
CREATE TABLE IF NOT EXISTS wb.record_status (
  wave VARCHAR NOT NULL, file VARCHAR NOT NULL, rec BIGINT NOT NULL, legacy_key VARCHAR,
  owner_wave VARCHAR, valid BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS wb.extract_counts (
  wave VARCHAR NOT NULL, table_name VARCHAR NOT NULL, file_name VARCHAR NOT NULL, rows BIGINT NOT NULL
);
"""


class WorkbenchResource(dg.ConfigurableResource):
    """The embedded DuckDB file of the workbench side (steps 1-5)."""

    database: str = ".ccs/workbench.duckdb"
    memory_limit: str = "4GB"
    threads: int = 2
    temp_directory: str = ""  # where DuckDB spills when a wave does not fit memory_limit ("" = its default)

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        Path(self.database).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.database, config=duckdb_config(self.memory_limit, self.threads, self.temp_directory))
        try:
            ensure_workbench_schema(con)
            yield con
        finally:
            con.close()


def ensure_workbench_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(WORKBENCH_DDL)
