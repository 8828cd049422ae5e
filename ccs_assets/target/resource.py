"""Target resource: one session per step, with named binds and transactions.

A TargetSession runs portable SQL (dialect.py) on the target. Its public API
is the same on every engine: execute / query / scalar / transaction,
`.dialect`, `.stg`, `.prod`, plus `parser` and `from_parser` for bulk loads
(extract files are always parsed by DuckDB; the rows then reach the target
as Arrow batches). The engine differences live in the two session classes
and the dialect, never in a step.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import dagster as dg
import duckdb

from ..catalog.model import Table
from ..settings import duckdb_config
from .dialect import _BIND, DUCKDB, ORACLE, Dialect

LOAD_PREFIX = "CCS_LD_"  # Oracle: a load table per loaded relation in the staging schema


class TargetSession:
    """A connection to the target plus the schema names and dialect the SQL is rendered for (DuckDB)."""

    def __init__(self, con: Any, dialect: Dialect, stg: str, prod: str, parser: Any = None):
        self.con = con
        self.dialect = dialect
        self.stg = stg
        self.prod = prod
        self._parser = parser
        self.refused: list[tuple[int, str, str]] = []  # (row of the parsed select, first value, message)
        # CCS_TARGET=ccs: this session is the DuckDB rehearsal, and `service` submits the service's batch after
        # each step (ccs_assets.service.steps.ServiceSteps); None on the other targets
        self.service = None

    # ---------------------------------------------------------------- SQL
    def _params(self, sql: str, params: dict[str, Any]) -> dict[str, Any] | None:
        used = {name: params[name] for name in set(_BIND.findall(sql)) if name in params}
        return used or None

    def _run(self, sql: str, params: dict[str, Any]):
        return self.con.execute(self.dialect.binds(sql), self._params(sql, params))

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

    # ---------------------------------------------------------------- bulk loads
    @property
    def parser(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection that parses extract files (read_csv with rejects).

        On a DuckDB target it is the target connection itself, so parsed rows never leave the engine.
        """
        return self._parser if self._parser is not None else self.con

    def from_parser(self, select: str, table: Table, name: str) -> str:
        """Make the rows of a DuckDB `select` on `parser` readable by target SQL; return the relation name.

        `table` gives the column names and types (in select order). DuckDB target: a temp table
        `name` in the same connection. Oracle: the load table CCS_LD_<table> in the staging schema,
        truncated and filled by direct path load (see OracleSession).
        """
        self.parser.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {select}")
        return name

    def drop_parsed(self, *names: str) -> None:
        """Drop the parser's scratch tables."""
        for n in names:
            self.parser.execute(f"DROP TABLE IF EXISTS {n}")


class _Rows:
    """A fetched result (Oracle cursors are read eagerly and closed)."""

    def __init__(self, rows: list[tuple]):
        self._rows = rows

    def fetchall(self) -> list[tuple]:
        return self._rows

    def fetchone(self) -> tuple | None:
        return self._rows[0] if self._rows else None


class OracleSession(TargetSession):
    """Oracle Database through python-oracledb (thin mode).

    Statements outside transaction() commit on their own (as DuckDB's autocommit); inside it
    nothing commits until the block ends, and an exception rolls everything back. DDL commits
    implicitly in Oracle, so steps never run DDL inside transaction().
    """

    def __init__(self, con: Any, stg: str, prod: str, *, load_method: str = "direct_path", batch_rows: int = 100_000,
                 parser: Any = None):
        super().__init__(con, ORACLE, stg, prod, parser)
        self.load_method = load_method
        self.batch_rows = batch_rows
        self._in_tx = False

    @property
    def parser(self) -> duckdb.DuckDBPyConnection:
        if self._parser is None:
            self._parser = duckdb.connect(config={"threads": 2})
        return self._parser

    def _run(self, sql: str, params: dict[str, Any]):
        cur = self.con.cursor()
        try:
            cur.execute(sql, self._params(sql, params) or {})
            rows = cur.fetchall() if cur.description else []
        finally:
            cur.close()
        if not self._in_tx and not cur.description:
            self.con.commit()  # a write outside transaction() stands on its own, as with DuckDB's autocommit
        return _Rows(rows)

    @contextmanager
    def transaction(self) -> Iterator["TargetSession"]:
        if self._in_tx:  # nested: part of the outer unit of work
            yield self
            return
        self.con.rollback()  # start clean: nothing pending from before
        self._in_tx = True
        try:
            yield self
        except BaseException:
            self._in_tx = False
            self.con.rollback()
            raise
        self._in_tx = False
        self.con.commit()

    # ---------------------------------------------------------------- bulk loads
    def _load_table(self, table: Table) -> str:
        """Create CCS_LD_<table> (all columns nullable, no keys) when missing, else truncate it."""
        name = f"{LOAD_PREFIX}{table.name}"
        if not self.query(self.dialect.tables_sql() + " AND table_name = :tname",
                          schema=self.dialect.schema_name(self.stg), tname=name):
            cols = [(c.name, self.dialect.column_type(c), True) for c in table.columns]
            self.execute(self.dialect.create_table(self.stg, name, cols, None))
        else:
            self.execute(self.dialect.truncate(f"{self.stg}.{name}"))
        return name

    def from_parser(self, select: str, table: Table, name: str) -> str:
        """Stream the parsed rows as Arrow batches into CCS_LD_<table> (direct path, or executemany)."""
        if self._in_tx:
            raise RuntimeError("from_parser runs DDL and a direct path load, which commit: call it outside transaction()")
        load = self._load_table(table)
        self.refused = []
        cols = table.column_names
        offset = 0
        reader = self.parser.sql(f"SELECT {', '.join(cols)} FROM ({select}) p").to_arrow_reader(self.batch_rows)
        method = self.load_method
        for batch in reader:
            offset += batch.num_rows
            if not batch.num_rows:
                continue
            if method == "direct_path":
                try:
                    # commits on its own: fine for a load table, whose rows reach staging in one transaction later
                    self.con.direct_path_load(self.dialect.schema_name(self.stg), load, cols, batch,
                                              batch_size=self.batch_rows)
                    continue
                except Exception as exc:  # not supported here (thick mode, server, table): fall back
                    if "DPY-3" not in str(exc) and "NotSupported" not in type(exc).__name__:
                        raise
                    method = "executemany"
            self._executemany(load, cols, batch, offset - batch.num_rows)
        return f"{self.stg}.{load}"

    def _executemany(self, load: str, cols: list[str], batch, first_row: int) -> None:
        """Array DML with batch errors: the good rows are committed, each refused row is kept in `refused`."""
        cur = self.con.cursor()
        try:
            sql = f"INSERT INTO {self.stg}.{load} ({', '.join(cols)}) VALUES ({', '.join(f':{i + 1}' for i in range(len(cols)))})"
            cur.executemany(sql, batch, batcherrors=True, batch_size=self.batch_rows)
            errors = cur.getbatcherrors()
        finally:
            cur.close()
        self.con.commit()
        keys = batch.column(0)
        for e in errors:
            self.refused.append((first_row + e.offset, str(keys[e.offset].as_py()), str(e.message).splitlines()[0]))

    def drop_parsed(self, *names: str) -> None:
        for n in names:
            self.parser.execute(f"DROP TABLE IF EXISTS {n}")


def _setting(value: str, env_name: str) -> str:
    """A field's value; an unresolved dg.EnvVar (resource used outside Dagster) or an empty one reads the environment."""
    if isinstance(value, dg.EnvVar):
        value = value.get_value() or ""
    return (value or os.environ.get(env_name, "")).strip()


class TargetResource(dg.ConfigurableResource):
    """Where staging and production live: an embedded DuckDB file, or Oracle Database.

    Oracle connection fields come from settings through dg.EnvVar (resources.py); a resource built
    without them (CLI helpers) reads the same environment variables when a session opens.
    """

    kind: str = "duckdb"
    duckdb_path: str = ".ccs/target.duckdb"
    staging_schema: str = ""  # default: cisstg on DuckDB, CISSTG on Oracle
    production_schema: str = ""  # default: cisadm on DuckDB, CISADM on Oracle
    memory_limit: str = "4GB"
    threads: int = 2
    temp_directory: str = ""  # DuckDB spill folder ("" = DuckDB's default)
    oracle_dsn: str = ""
    oracle_user: str = ""
    oracle_password: str = ""
    oracle_load_method: str = "direct_path"  # or executemany
    oracle_batch_rows: int = 100_000
    # CCS_TARGET=ccs: the service (REST batches, REST-enabled SQL); the secret arrives through dg.EnvVar
    service_url: str = ""
    service_sql_url: str = ""
    service_auth: str = ""
    service_token_url: str = ""
    service_client_id: str = ""
    service_user: str = ""
    service_scope: str = ""
    service_secret: str = ""
    service_batch_controls: str = ""

    def _schemas(self) -> tuple[str, str]:
        if self.kind == "oracle":
            return (self.staging_schema or os.environ.get("CCS_ORACLE_STAGING_SCHEMA", "") or "CISSTG").upper(), \
                   (self.production_schema or os.environ.get("CCS_ORACLE_PRODUCTION_SCHEMA", "") or "CISADM").upper()
        return self.staging_schema or "cisstg", self.production_schema or "cisadm"

    def describe(self) -> str:
        if self.kind == "duckdb":
            return f"duckdb://{Path(self.duckdb_path).resolve()}"
        if self.kind == "ccs":
            who = self.service_client_id if self.service_auth == "oauth" else self.service_user
            return f"ccs://{who}@{self.service_url} ({self.service_auth}), rehearsal duckdb://{Path(self.duckdb_path).resolve()}"
        user = _setting(self.oracle_user, "CCS_ORACLE_USER")
        return f"oracle://{user}@{_setting(self.oracle_dsn, 'CCS_ORACLE_DSN')}"

    @contextmanager
    def session(self) -> Iterator[TargetSession]:
        stg, prod = self._schemas()
        if self.kind == "oracle":
            with self._oracle_session(stg, prod) as s:
                yield s
            return
        if self.kind not in ("duckdb", "ccs"):
            raise dg.Failure(f"target kind {self.kind!r} is unknown; set CCS_TARGET=duckdb, oracle or ccs")
        Path(self.duckdb_path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.duckdb_path, config=duckdb_config(self.memory_limit, self.threads, self.temp_directory))
        try:
            s = TargetSession(con, DUCKDB, stg, prod)
            if self.kind == "ccs":
                s.service = self.service_steps()
            yield s
        finally:
            con.close()

    def service_client(self, log=None):
        """CCS_TARGET=ccs: an authenticated client of the service (the secret read through dg.EnvVar)."""
        from ..service.client import ServiceClient
        from ..service.controls import load_batch_controls
        from ..service.settings import ServiceSettings

        auth = self.service_auth or "oauth"
        secret = _setting(self.service_secret, "CCS_SERVICE_CLIENT_SECRET" if auth == "oauth" else "CCS_SERVICE_PASSWORD")
        settings = ServiceSettings(url=self.service_url, sql_url=self.service_sql_url, auth=auth,
                                   token_url=self.service_token_url, client_id=self.service_client_id,
                                   user=self.service_user, scope=self.service_scope,
                                   batch_controls=Path(self.service_batch_controls))
        return ServiceClient(settings, secret, load_batch_controls(settings.batch_controls), log=log)

    def service_steps(self, log=None):
        from ..service.steps import ServiceSteps

        return ServiceSteps(self.service_client(log or dg.get_dagster_logger("ccs_service").info))

    @contextmanager
    def _oracle_session(self, stg: str, prod: str) -> Iterator[TargetSession]:
        import oracledb  # thin mode: no init_oracle_client(), no Instant Client

        dsn = _setting(self.oracle_dsn, "CCS_ORACLE_DSN")
        user = _setting(self.oracle_user, "CCS_ORACLE_USER")
        password = _setting(self.oracle_password, "CCS_ORACLE_PASSWORD")
        missing = [n for n, v in (("CCS_ORACLE_DSN", dsn), ("CCS_ORACLE_USER", user), ("CCS_ORACLE_PASSWORD", password)) if not v]
        if missing:
            raise dg.Failure(f"CCS_TARGET=oracle needs {', '.join(missing)}")
        try:
            con = oracledb.connect(user=user, password=password, dsn=dsn)
        except oracledb.Error as exc:
            raise dg.Failure(f"cannot connect to Oracle {user}@{dsn}: {str(exc).splitlines()[0]}") from exc
        con.autocommit = False
        s = OracleSession(con, stg, prod, load_method=self.oracle_load_method, batch_rows=self.oracle_batch_rows,
                          parser=duckdb.connect(config=duckdb_config(self.memory_limit, self.threads, self.temp_directory)))
        try:
            yield s
        finally:
            try:
                con.rollback()  # anything a failed step left pending
            finally:
                con.close()
                if s._parser is not None:
                    s._parser.close()


__all__ = ["TargetResource", "TargetSession", "OracleSession", "ORACLE", "DUCKDB"]
