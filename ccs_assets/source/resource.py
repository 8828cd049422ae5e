"""A product's source database, read-only: a DuckDB file (rehearsal) or Oracle Database (python-oracledb thin mode).

The workbench reads the source through one DuckDB connection: a DuckDB file is
ATTACHed read-only (nothing is copied); an Oracle schema is streamed table by
table as Arrow batches (python-oracledb's data-frame fetch) into a workbench
mirror schema, never row by row through Python. Either way a step names a
source table with `relation(table)` and reads its dictionary with `columns()`.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import dagster as dg
import duckdb

MIRROR_SCHEMA = "src_{product}"  # workbench schema holding an Oracle source's streamed tables


class SourceError(dg.Failure):
    """The source cannot be read (missing file, unreachable database, bad setting); the message says which."""


@dataclass(frozen=True)
class SourceColumn:
    """One column of a source (or target) table as its database dictionary describes it."""

    name: str
    type: str  # char, varchar, number, date, timestamp
    length: int | None
    scale: int
    nullable: bool


_DUCK_TYPES = {"VARCHAR": "varchar", "DATE": "date", "TIMESTAMP": "timestamp", "BIGINT": "number", "INTEGER": "number",
               "SMALLINT": "number", "HUGEINT": "number", "DOUBLE": "number", "TIMESTAMP_NS": "timestamp"}
_ORA_TYPES = {"CHAR": "char", "NCHAR": "char", "VARCHAR2": "varchar", "NVARCHAR2": "varchar", "NUMBER": "number",
              "DATE": "date", "FLOAT": "number", "CLOB": "varchar"}


def duckdb_column(name: str, data_type: str, length, nullable: str) -> SourceColumn:
    """A DuckDB information_schema column as a SourceColumn."""
    m = re.fullmatch(r"DECIMAL\((\d+),(\d+)\)", data_type)
    if m:
        return SourceColumn(name.upper(), "number", int(m[1]), int(m[2]), nullable == "YES")
    kind = _DUCK_TYPES.get(data_type.split("(")[0], "timestamp" if data_type.startswith("TIMESTAMP") else "varchar")
    return SourceColumn(name.upper(), kind, int(length) if length else None, 0, nullable == "YES")


def oracle_column(name: str, data_type: str, length, precision, scale, nullable: str) -> SourceColumn:
    """An Oracle ALL_TAB_COLUMNS row as a SourceColumn."""
    kind = "timestamp" if data_type.startswith("TIMESTAMP") else _ORA_TYPES.get(data_type, "varchar")
    if kind == "number":
        return SourceColumn(name.upper(), kind, int(precision) if precision else None, int(scale or 0), nullable == "Y")
    return SourceColumn(name.upper(), kind, int(length) if length else None, 0, nullable == "Y")


ORACLE_COLUMNS_SQL = ("SELECT table_name, column_name, data_type, char_length, data_precision, data_scale, nullable "
                      "FROM all_tab_columns WHERE owner = :schema ORDER BY table_name, column_id")


class SourceResource(dg.ConfigurableResource):
    """Where a product's source database is: `duckdb` (file) or `oracle` (read-only, thin mode)."""

    product: str = "ccb"
    kind: str = "duckdb"
    duckdb_path: str = ""
    oracle_dsn: str = ""
    oracle_user: str = ""
    oracle_password: str = ""
    schema_name: str = "CISADM"
    batch_rows: int = 100_000

    def describe(self) -> str:
        if self.kind == "duckdb":
            return f"duckdb://{self.duckdb_path} ({self.schema_name.lower()})"
        return f"oracle://{_value(self.oracle_user, 'USER', self.product)}@{_value(self.oracle_dsn, 'DSN', self.product)} ({self.schema_name.upper()})"

    # ---------------------------------------------------------------- attaching to the workbench
    @contextmanager
    def reader(self, con: duckdb.DuckDBPyConnection, tables: list[str] | None = None) -> Iterator["SourceReader"]:
        """Make the source readable from the workbench connection `con` for the duration of the block."""
        if self.kind == "duckdb":
            path = Path(self.duckdb_path)
            if not path.is_file():
                raise SourceError(f"CCS_SOURCE_{self.product.upper()}: source database {path} does not exist")
            alias = f"src_{self.product}"
            con.execute(f"DETACH DATABASE IF EXISTS {alias}")
            try:
                con.execute(f"ATTACH '{path}' AS {alias} (READ_ONLY)")
            except duckdb.Error as exc:
                raise SourceError(f"CCS_SOURCE_{self.product.upper()}: cannot open {path}: {str(exc).splitlines()[0]}") from exc
            try:
                yield DuckDBSourceReader(con, alias, self.schema_name.lower())
            finally:
                con.execute(f"DETACH DATABASE IF EXISTS {alias}")
            return
        if self.kind != "oracle":
            raise SourceError(f"CCS_SOURCE_{self.product.upper()}: source kind {self.kind!r} is unknown (a DuckDB file or 'oracle')")
        with self._oracle() as ora:
            yield OracleSourceReader(con, ora, self.schema_name.upper(), MIRROR_SCHEMA.format(product=self.product),
                                     self.batch_rows, tables)

    @contextmanager
    def _oracle(self):
        import oracledb  # thin mode: no Instant Client

        p = self.product.upper()
        dsn, user, password = (_value(self.oracle_dsn, "DSN", self.product), _value(self.oracle_user, "USER", self.product),
                               _value(self.oracle_password, "PASSWORD", self.product))
        missing = [f"CCS_SOURCE_{p}_{n}" for n, v in (("DSN", dsn), ("USER", user), ("PASSWORD", password)) if not v]
        if missing:
            raise SourceError(f"CCS_SOURCE_{p}=oracle needs {', '.join(missing)}")
        try:
            con = oracledb.connect(user=user, password=password, dsn=dsn)
        except oracledb.Error as exc:
            raise SourceError(f"cannot connect to the {p} source {user}@{dsn}: {str(exc).splitlines()[0]}") from exc
        try:
            con.autocommit = False
            with con.cursor() as cur:  # read-only: the tool never writes to a source
                cur.execute("SET TRANSACTION READ ONLY")
            yield con
        finally:
            con.close()


def _value(value, name: str, product: str) -> str:
    if isinstance(value, dg.EnvVar):
        value = value.get_value() or ""
    return (value or os.environ.get(f"CCS_SOURCE_{product.upper()}_{name}", "")).strip()


class SourceReader:
    """A source as the workbench connection sees it."""

    con: duckdb.DuckDBPyConnection

    def columns(self) -> dict[str, list[SourceColumn]]:
        """Every table of the source schema with its columns in dictionary order."""
        raise NotImplementedError

    def relation(self, table: str) -> str:
        """The workbench SQL name of a source table."""
        raise NotImplementedError


class DuckDBSourceReader(SourceReader):
    def __init__(self, con: duckdb.DuckDBPyConnection, alias: str, schema: str):
        self.con, self.alias, self.schema = con, alias, schema

    def columns(self) -> dict[str, list[SourceColumn]]:
        out: dict[str, list[SourceColumn]] = {}
        for t, c, dt, length, nullable in self.con.execute(
                "SELECT upper(table_name), column_name, data_type, character_maximum_length, is_nullable "
                "FROM information_schema.columns WHERE table_catalog = ? AND lower(table_schema) = ? "
                "ORDER BY table_name, ordinal_position", [self.alias, self.schema]).fetchall():
            out.setdefault(t, []).append(duckdb_column(c, dt, length, nullable))
        return out

    def relation(self, table: str) -> str:
        return f"{self.alias}.{self.schema}.{table}"


class OracleSourceReader(SourceReader):
    """Oracle source: each table the steps read is streamed once per reader into the workbench mirror schema."""

    def __init__(self, con: duckdb.DuckDBPyConnection, ora, schema: str, mirror: str, batch_rows: int,
                 tables: list[str] | None):
        self.con, self.ora, self.schema, self.mirror, self.batch_rows = con, ora, schema, mirror, batch_rows
        self._columns: dict[str, list[SourceColumn]] | None = None
        self._mirrored: set[str] = set()
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {mirror}")
        for t in tables or []:
            self.relation(t)

    def columns(self) -> dict[str, list[SourceColumn]]:
        if self._columns is None:
            out: dict[str, list[SourceColumn]] = {}
            with self.ora.cursor() as cur:
                cur.execute(ORACLE_COLUMNS_SQL, schema=self.schema)
                for t, c, dt, length, precision, scale, nullable in cur.fetchall():
                    out.setdefault(t, []).append(oracle_column(c, dt, length, precision, scale, nullable))
            self._columns = out
        return self._columns

    def relation(self, table: str) -> str:
        if table not in self._mirrored:
            self.mirror_table(table)
        return f"{self.mirror}.{table}"

    def mirror_table(self, table: str) -> int:
        """Stream one source table into the mirror as Arrow batches (fetch_df_batches); return its row count."""
        cols = self.columns().get(table)
        if cols is None:
            raise SourceError(f"source table {self.schema}.{table} does not exist or is not readable")
        import pyarrow as pa

        names = ", ".join(c.name for c in cols)
        target = f"{self.mirror}.{table}"
        first = True
        rows = 0
        for df in self.ora.fetch_df_batches(f"SELECT {names} FROM {self.schema}.{table}", size=self.batch_rows,
                                             fetch_decimals=True):  # amounts stay exact
            batch = pa.table(df)  # python-oracledb's data frame speaks the Arrow PyCapsule interface
            rows += batch.num_rows
            self.con.register("_src_batch", batch)
            if first:
                self.con.execute(f"CREATE OR REPLACE TABLE {target} AS SELECT * FROM _src_batch")
                first = False
            else:
                self.con.execute(f"INSERT INTO {target} SELECT * FROM _src_batch")
            self.con.unregister("_src_batch")
        if first:  # empty table: keep its columns
            decl = ", ".join(f"{c.name} {'DECIMAL(%d,%d)' % (c.length or 18, c.scale) if c.type == 'number' and c.scale else {'number': 'BIGINT', 'date': 'TIMESTAMP', 'timestamp': 'TIMESTAMP'}.get(c.type, 'VARCHAR')}" for c in cols)
            self.con.execute(f"CREATE OR REPLACE TABLE {target} ({decl})")
        self._mirrored.add(table)
        return rows


def source_resource(product: str, env: dict | None = None, default_path: Path | None = None) -> SourceResource:
    """CCS_SOURCE_<PRODUCT> = a DuckDB file (default: <source folder>/<product>.duckdb) or `oracle`."""
    env = dict(os.environ if env is None else env)
    p = product.upper()
    value = env.get(f"CCS_SOURCE_{p}", "").strip()
    schema = env.get(f"CCS_SOURCE_{p}_SCHEMA", "").strip() or "CISADM"
    if value.lower() == "oracle":
        return SourceResource(product=product, kind="oracle", oracle_dsn=dg.EnvVar(f"CCS_SOURCE_{p}_DSN"),
                              oracle_user=dg.EnvVar(f"CCS_SOURCE_{p}_USER"),
                              oracle_password=dg.EnvVar(f"CCS_SOURCE_{p}_PASSWORD"), schema_name=schema)
    path = Path(value).expanduser().resolve() if value else (default_path or Path(f"{product}.duckdb")).resolve()
    return SourceResource(product=product, kind="duckdb", duckdb_path=str(path), schema_name=schema)
