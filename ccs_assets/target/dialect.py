"""One named function per difference between DuckDB and Oracle SQL.

Step SQL is written once in a portable subset and calls these for what
differs (hashing for keys, types, padding, bind markers), so no step holds
`if oracle:` logic. Oracle text is rendered in tests and parsed with sqlglot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog.model import Column

_BIND = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


@dataclass(frozen=True)
class Dialect:
    name: str

    def column_type(self, col: Column) -> str:
        return col.oracle_type() if self.name == "oracle" else col.duckdb_type()

    def key_hash(self, text_expr: str, digits: int) -> str:
        """A deterministic number of exactly `digits` digits (never starting with 0) from a text.

        First 15 hex digits of MD5, reduced into [10^(d-1), 10^d): the same text gives the same
        key on both engines.
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

    def text(self, expr: str) -> str:
        """Cast to text (VARCHAR2 needs a length on Oracle)."""
        return f"TO_CHAR({expr})" if self.name == "oracle" else f"CAST({expr} AS VARCHAR)"

    def blank_if_empty(self, expr: str) -> str:
        """OUAF blank for an absent value. Oracle reads '' as NULL, so both sides test NULL and ''."""
        return f"COALESCE(NULLIF({expr}, ''), ' ')"

    def is_blank(self, expr: str) -> str:
        """True when a NOT NULL CHAR holds no value (NULL, '' or blanks)."""
        return f"COALESCE(TRIM({expr}), '') = ''" if self.name == "duckdb" else f"TRIM({expr}) IS NULL"

    def binds(self, sql: str) -> str:
        """Named binds are written :name; DuckDB spells them $name."""
        return sql if self.name == "oracle" else _BIND.sub(r"$\1", sql)

    def create_table(self, schema: str, table: str, columns: list[tuple[str, str, bool]], pk: list[str] | None) -> str:
        cols = ",\n  ".join(f"{n} {t}{'' if nullable else ' NOT NULL'}" for n, t, nullable in columns)
        pk_sql = f",\n  CONSTRAINT {table}_PK PRIMARY KEY ({', '.join(pk)})" if pk else ""
        return f"CREATE TABLE {schema}.{table} (\n  {cols}{pk_sql}\n)"


DUCKDB = Dialect("duckdb")
ORACLE = Dialect("oracle")
