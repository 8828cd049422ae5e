"""One named function per difference between DuckDB and Oracle SQL.

Step SQL is written once in a portable subset (DESIGN.md section 7: ANSI
joins, CASE, COALESCE, `||`, SUBSTR, TRIM, UPPER, simple aggregates,
DELETE/INSERT ... SELECT, named binds `:name`, no `AS` before a table alias)
and calls these functions for everything that differs, so no step holds
`if oracle:` logic. Each function shows both spellings side by side.

The Oracle text of every statement the target side runs is rendered in
ccs_assets_tests/target (golden files), parsed with sqlglot's Oracle dialect
and linted against the constructs in NON_PORTABLE below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog.model import Column

_BIND = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")

# Oracle's own prefix for private temporary tables (init parameter private_temp_table_prefix).
ORACLE_TEMP_PREFIX = "ORA$PTT_"

# Constructs that DuckDB accepts and Oracle rejects (or reads differently); the lint in
# ccs_assets_tests/target fails on any of them in Oracle-rendered text. (pattern, why)
NON_PORTABLE: tuple[tuple[str, str], ...] = (
    (r"::", "'::' casts: use CAST or a dialect function"),
    (r"(?i)\bFILTER\s*\(\s*WHERE", "aggregate FILTER (WHERE ...): use dialect.count_if"),
    (r"(?i)\bstring_agg\s*\(", "string_agg: use dialect.string_agg (LISTAGG)"),
    (r"(?i)\bany_value\s*\(", "any_value (Oracle 21c+ only): use dialect.any_value"),
    (r"(?<![\w$])\$[A-Za-z_]\w*", "$name binds: write :name (TargetSession renders them)"),
    (r"(?i)\bLIMIT\s+\d", "LIMIT: use dialect.limit (FETCH FIRST n ROWS ONLY)"),
    (r"(?i)\bILIKE\b", "ILIKE: compare UPPER(x) LIKE UPPER(pattern)"),
    (r"(=|<>|!=)\s*''(?!')", "comparison with '': Oracle reads '' as NULL; use dialect.is_empty or is_blank"),
    (r"(?<!')''\s*(=|<>|!=)", "comparison with '': Oracle reads '' as NULL; use dialect.is_empty or is_blank"),
    (r"(?i)\b(NULLIF|COALESCE)\s*\([^()]*,\s*''\s*\)", "'' as a value: Oracle reads '' as NULL"),
    (r"(?i)\bmd5\s*\(", "md5(): use dialect.key_hash (STANDARD_HASH)"),
    (r"(?i)\btry_cast\s*\(", "try_cast is DuckDB only"),
    (r"(?i)\bIF\s+(NOT\s+)?EXISTS\b", "IF [NOT] EXISTS (Oracle 23ai only): check the dictionary first"),
    (r"(?i)\bOR\s+REPLACE\s+(TEMP|TEMPORARY|TABLE)\b", "CREATE OR REPLACE TABLE is DuckDB only"),
    (r"(?i)\bCREATE\s+(TEMP|TEMPORARY)\s+TABLE\b", "TEMP TABLE: use dialect.create_temp_table"),
    (r"(?i)\bGROUP\s+BY\s+ALL\b", "GROUP BY ALL is DuckDB only"),
    (r"(?i)\bQUALIFY\b", "QUALIFY is DuckDB only: filter ROW_NUMBER() in a subquery"),
    (r"(?i)\bON\s+CONFLICT\b|\bINSERT\s+OR\b", "upserts: use dialect.merge"),
    (r"(?i)\bVARCHAR\b(?!2)", "VARCHAR: use dialect.varchar / cast_text (VARCHAR2(n))"),
    (r"(?i)\b(BIGINT|HUGEINT|BOOLEAN|DOUBLE)\b", "DuckDB type name: use dialect.column_type"),
    (r"(?i)(?<!')\b(TRUE|FALSE)\b(?!')", "boolean literals (Oracle 23ai only)"),
    (r"(?i)\b(strftime|strptime|date_trunc|date_diff|datediff|regexp_full_match|split_part|list_\w+|unnest|uuid|epoch_ms|to_days)\s*\(",
     "DuckDB-only function: add a dialect function"),
    (r"(?i)\bMERGE\s+INTO\b(?:(?!\bON\s*\().)*\bON\s+(?!\()", "MERGE ... ON needs parentheses in Oracle: use dialect.merge"),
    (r"(?i)\b(FROM|JOIN)\s+[\w.$]+\s+AS\s+\w+", "AS before a table alias is rejected by Oracle"),
    (r"(?i)\)\s+AS\s+\w+\s*(\)|$|WHERE\b|(LEFT\s+|INNER\s+)?JOIN\b|ON\b|GROUP\s+BY\b)", "AS before a subquery alias is rejected by Oracle"),
)


@dataclass(frozen=True)
class Dialect:
    """SQL spellings of one engine: `duckdb` or `oracle`."""

    name: str

    # ------------------------------------------------------------------ types and casts
    def column_type(self, col: Column) -> str:
        """A catalog column's type: BIGINT/DECIMAL/VARCHAR on DuckDB, NUMBER/CHAR(n BYTE)/VARCHAR2(n BYTE) on Oracle."""
        return col.oracle_type() if self.name == "oracle" else col.duckdb_type()

    def varchar(self, n: int) -> str:
        """A bounded text type for casts: VARCHAR(n) on DuckDB, VARCHAR2(n) on Oracle (sqlglot renders VARCHAR as CLOB)."""
        return f"VARCHAR2({n})" if self.name == "oracle" else f"VARCHAR({n})"

    def cast_text(self, expr: str, n: int) -> str:
        """CAST(expr AS VARCHAR(n)) / CAST(expr AS VARCHAR2(n)); use cast_text('NULL', n) for a typed NULL."""
        return f"CAST({expr} AS {self.varchar(n)})"

    def char(self, expr: str, n: int) -> str:
        """A text as CHAR(n) for comparing with a CHAR column (binds, SUBSTR, TRIM and || give VARCHAR2).

        Oracle compares CHAR with CHAR blank-padded but CHAR with VARCHAR2 exactly, so a 10-character
        key bound as a str never equals the CHAR(12) column holding it ('1234567890  '). DuckDB has no
        padded CHAR: the text itself.
        """
        return f"CAST({expr} AS CHAR({n}))" if self.name == "oracle" else expr

    def left_bytes(self, expr: str, n: int) -> str:
        """The longest start of a text that fits n bytes (UTF-8), never half a character: columns are BYTE-sized.

        SUBSTR(x, 1, n) counts characters, so a multibyte text overflows VARCHAR2(n BYTE) (ORA-12899).
        Oracle: SUBSTRB. DuckDB: the text when it fits (strlen counts bytes), else the characters
        whose running byte length fits.
        """
        if self.name == "oracle":
            return f"SUBSTRB({expr}, 1, {int(n)})"
        chars = f"string_split({expr}, '')"
        return (f"CASE WHEN strlen({expr}) <= {int(n)} THEN {expr} ELSE array_to_string(list_filter({chars}, "
                f"lambda ch, i: strlen(array_to_string({chars}[1:i], '')) <= {int(n)}), '') END")
    def byte_length(self, expr: str) -> str:
        """Length of a text in bytes (UTF-8), the unit of CHAR(n BYTE)/VARCHAR2(n BYTE): strlen / LENGTHB."""
        return f"LENGTHB({expr})" if self.name == "oracle" else f"strlen({expr})"

    def exceeds(self, col: Column, expr: str) -> str | None:
        """True when `expr` does not fit catalog column `col` as Oracle stores it (None: nothing to check).

        Text in bytes (Oracle's BYTE semantics), numbers by NUMBER(p,s) digits left of the point.
        """
        if col.type in ("char", "varchar") and col.length:
            return f"{self.byte_length(expr)} > {col.length}"
        if col.type == "number" and col.length:
            return f"ABS({expr}) >= {10 ** (col.length - col.scale)}"
        return None

    def text(self, expr: str) -> str:
        """Cast to text of any length (VARCHAR2 needs a length on Oracle, so TO_CHAR)."""
        return f"TO_CHAR({expr})" if self.name == "oracle" else f"CAST({expr} AS VARCHAR)"

    # ------------------------------------------------------------------ keys
    def key_hash(self, text_expr: str, digits: int) -> str:
        """A deterministic number of exactly `digits` digits (never starting with 0) from a text.

        First 15 hex digits of MD5, reduced into [10^(d-1), 10^d): the same text gives the same
        key on both engines (Oracle: AL32UTF8 database character set, as OUAF requires).
        """
        low, span = 10 ** (digits - 1), 9 * 10 ** (digits - 1)
        if self.name == "oracle":
            hexpart = f"SUBSTR(LOWER(RAWTOHEX(STANDARD_HASH({text_expr}, 'MD5'))), 1, 15)"
            return f"(MOD(TO_NUMBER({hexpart}, 'xxxxxxxxxxxxxxx'), {span}) + {low})"
        return f"((('0x' || SUBSTR(md5({text_expr}), 1, 15))::BIGINT % {span}) + {low})"

    def number_to_key(self, num_expr: str, digits: int) -> str:
        """Render a whole number as a fixed-width CHAR key."""
        if self.name == "oracle":
            return f"LPAD(TO_CHAR({num_expr}), {digits}, '0')"
        return f"LPAD(CAST({num_expr} AS VARCHAR), {digits}, '0')"

    # ------------------------------------------------------------------ '' is NULL in Oracle
    def blank_if_empty(self, expr: str) -> str:
        """OUAF blank for an absent value (Oracle already reads '' as NULL)."""
        return f"COALESCE({expr}, ' ')" if self.name == "oracle" else f"COALESCE(NULLIF({expr}, ''), ' ')"

    def is_blank(self, expr: str) -> str:
        """True when a NOT NULL CHAR holds no value (NULL, '' or blanks)."""
        return f"COALESCE(TRIM({expr}), '') = ''" if self.name == "duckdb" else f"TRIM({expr}) IS NULL"

    def is_empty(self, expr: str) -> str:
        """True when a text is NULL or '' (blanks are a value; Oracle reads '' as NULL)."""
        return f"COALESCE({expr}, '') = ''" if self.name == "duckdb" else f"{expr} IS NULL"

    # ------------------------------------------------------------------ aggregates
    def count_if(self, cond: str) -> str:
        """Rows where `cond` holds: count(*) FILTER (WHERE ..) on DuckDB, COUNT(CASE ..) on Oracle."""
        return f"COUNT(CASE WHEN {cond} THEN 1 END)" if self.name == "oracle" else f"count(*) FILTER (WHERE {cond})"

    def string_agg(self, expr: str, sep: str, order_by: str) -> str:
        """Concatenate a group's texts in `order_by` order (`sep` is a SQL literal)."""
        if self.name == "oracle":
            return f"LISTAGG({expr}, {sep}) WITHIN GROUP (ORDER BY {order_by})"
        return f"string_agg({expr}, {sep} ORDER BY {order_by})"

    def any_value(self, expr: str) -> str:
        """Some value of the group (ANY_VALUE is Oracle 21c+; MIN works on every version)."""
        return f"MIN({expr})" if self.name == "oracle" else f"any_value({expr})"

    # ------------------------------------------------------------------ dates
    def add_days(self, date_expr: str, days_expr: str) -> str:
        """A date or timestamp plus a whole number of days."""
        if self.name == "oracle":
            return f"({date_expr} + {days_expr})"
        return f"({date_expr} + to_days(CAST({days_expr} AS INTEGER)))"

    def days_between(self, later: str, earlier: str) -> str:
        """Whole days from `earlier` to `later` (dates)."""
        if self.name == "oracle":
            return f"(TRUNC({later}) - TRUNC({earlier}))"
        return f"date_diff('day', CAST({earlier} AS DATE), CAST({later} AS DATE))"

    def now(self) -> str:
        return "SYSTIMESTAMP" if self.name == "oracle" else "current_timestamp"

    # ------------------------------------------------------------------ statements
    def binds(self, sql: str) -> str:
        """Named binds are written :name; DuckDB spells them $name."""
        return sql if self.name == "oracle" else _BIND.sub(r"$\1", sql)

    def limit(self, select: str, n: int) -> str:
        """The first `n` rows of an ordered SELECT."""
        return f"{select} FETCH FIRST {int(n)} ROWS ONLY" if self.name == "oracle" else f"{select} LIMIT {int(n)}"

    def from_dual(self) -> str:
        """FROM clause of a SELECT of constants (Oracle needs one)."""
        return " FROM DUAL" if self.name == "oracle" else ""

    def merge(self, target: str, source_select: str, keys: list[str], columns: list[str],
              update: list[str] | None = None) -> str:
        """Upsert `source_select` (with `columns`) into `target` on `keys`; a matched row gets `update` (default: every
        column but the keys).

        ON is parenthesised (Oracle: ORA-00969 otherwise), no AS before the aliases, SET columns
        unqualified (DuckDB rejects qualified ones).
        """
        on = " AND ".join(f"t.{k} = s.{k}" for k in keys)
        rest = [c for c in (columns if update is None else update) if c not in keys]
        upd = f" WHEN MATCHED THEN UPDATE SET {', '.join(f'{c} = s.{c}' for c in rest)}" if rest else ""
        ins = f" WHEN NOT MATCHED THEN INSERT ({', '.join(columns)}) VALUES ({', '.join('s.' + c for c in columns)})"
        return f"MERGE INTO {target} t USING ({source_select}) s ON ({on}){upd}{ins}"

    # ------------------------------------------------------------------ temporary tables
    def temp_table(self, name: str) -> str:
        """The name a session-private scratch table is addressed by."""
        return f"{ORACLE_TEMP_PREFIX}{name.upper().lstrip('_')}" if self.name == "oracle" else name

    def create_temp_table(self, name: str, select: str) -> str:
        """A session-private scratch table from a SELECT (Oracle 18c+ private temporary table).

        On Oracle this is DDL, so it commits: never call it inside TargetSession.transaction().
        """
        if self.name == "oracle":
            return (f"CREATE PRIVATE TEMPORARY TABLE {self.temp_table(name)} ON COMMIT PRESERVE DEFINITION "
                    f"AS {select}")
        return f"CREATE OR REPLACE TEMP TABLE {name} AS {select}"

    def drop_temp_table(self, name: str) -> str:
        """Drop a scratch table this session created."""
        return f"DROP TABLE {self.temp_table(name)}" if self.name == "oracle" else f"DROP TABLE IF EXISTS {name}"

    # ------------------------------------------------------------------ DDL and dictionary
    def schema_name(self, name: str) -> str:
        """Schema names as the dictionary stores them (Oracle: unquoted names are upper case)."""
        return name.upper() if self.name == "oracle" else name

    def schema_exists_sql(self) -> str:
        """One row per schema named :schema."""
        if self.name == "oracle":
            return "SELECT username FROM all_users WHERE username = :schema"
        return "SELECT schema_name FROM information_schema.schemata WHERE schema_name = :schema"

    def create_schema(self, schema: str) -> str | None:
        """DDL that creates a schema, or None where a DBA creates it (Oracle: a schema is a user)."""
        return None if self.name == "oracle" else f"CREATE SCHEMA IF NOT EXISTS {schema}"

    def tables_sql(self) -> str:
        """Names of the tables in schema :schema."""
        if self.name == "oracle":
            return "SELECT table_name FROM all_tables WHERE owner = :schema"
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema"

    def indexes_sql(self) -> str:
        """Names of the indexes in schema :schema."""
        if self.name == "oracle":
            return "SELECT index_name FROM all_indexes WHERE owner = :schema"
        return "SELECT index_name FROM duckdb_indexes() WHERE schema_name = :schema"

    def create_table(self, schema: str, table: str, columns: list[tuple[str, str, bool]], pk: list[str] | None) -> str:
        """Oracle: with its primary key constraint. DuckDB: without. DuckDB keeps a primary key in an ART index
        whose deletes commit slowly (200k of 1M rows: 4.7 s with the key, 0.05 s without), and every rerun and
        rollback deletes a wave's rows; uniqueness is checked after each write instead (step-8 primary_key_unique)."""
        cols = ",\n  ".join(f"{n} {t}{'' if nullable else ' NOT NULL'}" for n, t, nullable in columns)
        pk_sql = f",\n  CONSTRAINT {table}_PK PRIMARY KEY ({', '.join(pk)})" if pk and self.name == "oracle" else ""
        return f"CREATE TABLE {schema}.{table} (\n  {cols}{pk_sql}\n)"

    def create_index(self, schema: str, table: str, name: str, columns: list[str]) -> str | None:
        """A secondary index the steps' lookups need, or None.

        Oracle: qualified index name (it would land in the connecting user's schema otherwise).
        DuckDB: None; it scans and hash-joins, and an ART index would only slow the wave inserts.
        """
        if self.name == "oracle":
            return f"CREATE INDEX {schema}.{name} ON {schema}.{table} ({', '.join(columns)})"
        return None

    def truncate(self, table: str) -> str:
        """Empty a scratch/load table (Oracle: TRUNCATE, DDL, commits)."""
        return f"TRUNCATE TABLE {table}" if self.name == "oracle" else f"DELETE FROM {table}"


def length_violations(d: Dialect, columns: tuple[Column, ...] | list[Column], relation: str, extra: str = "",
                      alias: str = "x") -> str | None:
    """One row per row of `relation` holding a value its catalog column cannot store (first such column named).

    Columns: COLUMN_NAME, VAL (text), BYTES (byte length or NULL for numbers), LIMIT_LEN, then `extra`
    (e.g. legacy key and line). None when no column has a length.
    """
    checks = [(c, d.exceeds(c, f"{alias}.{c.name}")) for c in columns]
    checks = [(c, p) for c, p in checks if p]
    if not checks:
        return None
    name = " ".join(f"WHEN {p} THEN '{c.name}'" for c, p in checks)
    val = " ".join(f"WHEN {p} THEN {d.text(f'{alias}.{c.name}')}" for c, p in checks)
    size = " ".join(f"WHEN {p} THEN {d.byte_length(f'{alias}.{c.name}') if c.type != 'number' else 'NULL'}"
                    for c, p in checks)
    limit = " ".join(f"WHEN {p} THEN {c.length}" for c, p in checks)
    return (f"SELECT CASE {name} END AS COLUMN_NAME, CASE {val} END AS VAL, CASE {size} END AS BYTES, "
            f"CASE {limit} END AS LIMIT_LEN{', ' + extra if extra else ''} FROM {relation} {alias} "
            f"WHERE {' OR '.join(p for _, p in checks)}")


class ValueTooLong(ValueError):
    """A step produced a value its target column cannot hold (Oracle would reject the row: ORA-12899/ORA-01438)."""


def too_long_error(table: str, rows: list[tuple], total: int) -> ValueTooLong:
    """The error naming each offending row: (COLUMN_NAME, VAL, BYTES, LIMIT_LEN, key[, line])."""
    shown = []
    for col, val, size, limit, *where in rows:
        what = f"{size} bytes > {limit}" if size is not None else f"more than {limit} digits"
        at = ", ".join(f"{n} {v}" for n, v in zip(("key", "line"), where) if v is not None)
        shown.append(f"{table}.{col} = {val!r} ({what}{'; ' + at if at else ''})")
    more = f" and {total - len(rows)} more" if total > len(rows) else ""
    return ValueTooLong(f"{table}: {total} value(s) do not fit their column as Oracle stores it (BYTE lengths, "
                        f"NUMBER precision): " + "; ".join(shown) + more)


DUCKDB = Dialect("duckdb")
ORACLE = Dialect("oracle")
