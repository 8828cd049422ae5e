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

LOAD_PREFIX = "CCS_LD_"  # Oracle: a load table per wave and loaded relation in the staging schema
MAX_IDENTIFIER = 30  # bytes: Oracle's limit below COMPATIBLE 12.2 (ORA-00972)


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

    def arrow(self, sql: str, **params: Any):
        """A result as a pyarrow Table, never as Python rows (aggregates compared across databases).

        Through execute(): con.sql() refuses to run while an earlier execute() result is unfinished (DuckDB 2.0).
        The copy DuckDB warns about is of a small aggregate."""
        import warnings

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Arrow output on a DB-API result", UserWarning)
            return self._run(sql, params).to_arrow_table()

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

    def from_parser(self, select: str, table: Table, name: str, wave: str = "") -> str:
        """Make the rows of a DuckDB `select` on `parser` readable by target SQL; return the relation name.

        `table` gives the column names and types (in select order). DuckDB target: a temp table
        `name` in the same connection. Oracle: the wave's load table CCS_LD_<wave tag>_<table> in the staging
        schema, created and filled by direct path load (see OracleSession).
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
        self._loads: list[str] = []  # load tables this session created and has not dropped yet

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

    def arrow(self, sql: str, **params: Any):
        """python-oracledb's data-frame fetch (NUMBERs as decimals, so amounts stay exact) as a pyarrow Table."""
        import pyarrow as pa

        df = self.con.fetch_df_all(statement=sql, parameters=self._params(sql, params) or {}, fetch_decimals=True)
        return pa.Table.from_arrays(df.column_arrays(), names=df.column_names())

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
    def _load_table(self, table: Table, wave: str) -> str:
        """A fresh CCS_LD_<wave tag>_<table> (all columns nullable, no keys): dropped first when a crashed run
        left it, so it always has the catalog's current columns (direct path needs every one)."""
        name = load_table_name(table, wave)
        if self.query(self.dialect.tables_sql() + " AND table_name = :tname",
                      schema=self.dialect.schema_name(self.stg), tname=name):
            self.execute(f"DROP TABLE {self.stg}.{name} PURGE")
        cols = [(c.name, self.dialect.column_type(c), True) for c in table.columns]
        self.execute(self.dialect.create_table(self.stg, name, cols, None))
        self._loads.append(name)
        return name

    def from_parser(self, select: str, table: Table, name: str, wave: str = "") -> str:
        """Stream the parsed rows as Arrow batches into the wave's load table (direct path, or executemany).

        A batch direct path refuses (unsupported here, or a value Oracle will not store) goes by executemany
        with batch errors instead, so a bad value costs its row (a load reject), not the file.
        """
        if self._in_tx:
            raise RuntimeError("from_parser runs DDL and a direct path load, which commit: call it outside transaction()")
        load = self._load_table(table, wave)
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
                except Exception as exc:
                    if not _direct_path_refusal(exc):
                        raise
                    self._check_nothing_half_loaded(load, offset - batch.num_rows, exc)
                    method = "executemany"
            self._executemany(load, cols, batch, offset - batch.num_rows)
        return f"{self.stg}.{load}"

    def _check_nothing_half_loaded(self, load: str, before: int, exc: Exception) -> None:
        """A refused direct path call loads nothing; if rows of it did land, resending would double them: stop."""
        have = self.scalar(f"SELECT count(*) FROM {self.stg}.{load}")
        if have is not None and int(have) != before:
            raise RuntimeError(f"{self.stg}.{load}: direct path load failed ({str(exc).splitlines()[0]}) after "
                               f"loading {int(have) - before} rows of the batch; not resending it") from exc

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
        """Drop the parser's scratch tables and this session's load tables (their rows are in staging now)."""
        for n in names:
            self.parser.execute(f"DROP TABLE IF EXISTS {n}")
        while self._loads:
            self.execute(f"DROP TABLE {self.stg}.{self._loads.pop()} PURGE")


def _direct_path_refusal(exc: Exception) -> bool:
    """Errors executemany can get past: direct path unsupported (DPY-3xxx, NotSupportedError) or a value the
    database refused (ORA-12899 too large, ORA-01400, DPY-8xxx conversions). Anything else (connection lost,
    no such table, privileges) would fail executemany the same way, so it stops the load."""
    import oracledb

    text = str(exc)
    if "NotSupported" in type(exc).__name__ or "DPY-3" in text:
        return True
    return isinstance(exc, oracledb.Error) and any(code in text for code in _VALUE_ERRORS)


# ORA-/DPY- codes of a value the load table cannot take; the row becomes a load reject through executemany
_VALUE_ERRORS = ("DPY-8", "ORA-12899", "ORA-01400", "ORA-01401", "ORA-01438", "ORA-01722", "ORA-01830", "ORA-01841",
                 "ORA-01843", "ORA-01847", "ORA-01858", "ORA-01861", "ORA-26",
                 "39138")  # OCI-39138: direct path into another schema without LOCK ANY TABLE; INSERT still works


def load_table_name(table: Table, wave: str) -> str:
    """CCS_LD_<5-character wave tag>_<table>: each wave its own load tables, so waves load in parallel on Oracle
    (one shared table per relation would be truncated under another wave's feet or lock it: ORA-00054).
    At most 30 bytes (ORA-00972 below COMPATIBLE 12.2): a longer table name is shortened and tagged too."""
    tag = _tag(wave, 5)
    name = table.name
    room = MAX_IDENTIFIER - len(LOAD_PREFIX) - len(tag) - 1
    if len(name) > room:
        name = name[: room - 5] + "_" + _tag(name, 4)
    return f"{LOAD_PREFIX}{tag}_{name}"


def _tag(text: str, n: int) -> str:
    import hashlib

    digest = int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16)
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(n):
        digest, r = divmod(digest, 36)
        out += alphabet[r]
    return out


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


__all__ = ["TargetResource", "TargetSession", "OracleSession", "ORACLE", "DUCKDB", "load_table_name"]
