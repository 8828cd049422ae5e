"""Target resource: one session per step, with named binds and transactions."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import dagster as dg
import duckdb

from .dialect import _BIND, DUCKDB, ORACLE, Dialect


class TargetSession:
    """A connection to the target plus the schema names and dialect the SQL is rendered for."""

    def __init__(self, con: Any, dialect: Dialect, stg: str, prod: str):
        self.con = con
        self.dialect = dialect
        self.stg = stg
        self.prod = prod

    def _run(self, sql: str, params: dict[str, Any]):
        used = {name: params[name] for name in set(_BIND.findall(sql)) if name in params}
        return self.con.execute(self.dialect.binds(sql), used or None)

    def execute(self, sql: str, **params: Any) -> None:
        self._run(sql, params)

    def query(self, sql: str, **params: Any) -> list[tuple]:
        return self._run(sql, params).fetchall()

    def scalar(self, sql: str, **params: Any) -> Any:
        row = self._run(sql, params).fetchone()
        return row[0] if row else None

    @contextmanager
    def transaction(self) -> Iterator["TargetSession"]:
        """All or nothing: a failed step leaves the target as it was before the step."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")


class TargetResource(dg.ConfigurableResource):
    """Where staging and production live: an embedded DuckDB file, or Oracle Database."""

    kind: str = "duckdb"
    duckdb_path: str = ".ccs/target.duckdb"
    staging_schema: str = "cisstg"
    production_schema: str = "cisadm"
    memory_limit: str = "4GB"
    threads: int = 2

    def describe(self) -> str:
        return f"duckdb://{Path(self.duckdb_path).resolve()}" if self.kind == "duckdb" else "oracle"

    @contextmanager
    def session(self) -> Iterator[TargetSession]:
        if self.kind != "duckdb":
            raise dg.Failure(f"target kind {self.kind!r} is not available in this build; set CCS_TARGET=duckdb")
        Path(self.duckdb_path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.duckdb_path, config={"memory_limit": self.memory_limit, "threads": self.threads})
        try:
            yield TargetSession(con, DUCKDB, self.staging_schema, self.production_schema)
        finally:
            con.close()


__all__ = ["TargetResource", "TargetSession", "ORACLE", "DUCKDB"]
