"""The declarative data model every layer is generated from.

A Column or Table is plain data: DDL, extract layouts, SQL*Loader control
files, staging loads, required-field and foreign-key validations and the
Dagster column schema are all derived from it, so adding a column is one edit.

Confidence follows the reference: C confirmed by Oracle, P public code only,
I inferred. It is carried into the docs and the Dagster metadata so nobody
mistakes an inference for a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

ColType = Literal["char", "varchar", "number", "date", "timestamp"]
KeyKind = Literal["ccb10", "ccb12", "mdm12"]

KEY_LENGTH = {"ccb10": 10, "ccb12": 12, "mdm12": 12}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColType
    length: int | None = None  # chars for char/varchar; precision for number
    scale: int = 0
    nullable: bool = False  # OUAF: only optional dates are nullable
    description: str = ""
    confidence: str = "P"
    fk: str | None = None  # "TABLE.COLUMN" it references
    key_kind: KeyKind | None = None  # set on system-key columns (PK or FK)
    default: str | int | None = None  # what an unused value holds (' ' or 0)
    sources: tuple[str, ...] = ()  # upstream "table.column" that feed it (lineage)

    @property
    def fk_table(self) -> str | None:
        return self.fk.split(".")[0] if self.fk else None

    @property
    def fk_column(self) -> str | None:
        return self.fk.split(".")[1] if self.fk else None

    def duckdb_type(self) -> str:
        if self.type in ("char", "varchar"):
            return "VARCHAR"
        if self.type == "number":
            return f"DECIMAL({self.length or 18},{self.scale})" if self.scale else "BIGINT"
        return {"date": "DATE", "timestamp": "TIMESTAMP"}[self.type]

    def oracle_type(self) -> str:
        if self.type == "char":
            return f"CHAR({self.length} BYTE)"
        if self.type == "varchar":
            return f"VARCHAR2({self.length} BYTE)"
        if self.type == "number":
            return f"NUMBER({self.length or 18},{self.scale})"
        return {"date": "DATE", "timestamp": "TIMESTAMP"}[self.type]

    def display_type(self) -> str:
        if self.type in ("char", "varchar", "number") and self.length:
            return f"{self.type.upper()}({self.length}{',' + str(self.scale) if self.scale else ''})"
        return self.type.upper()


@dataclass(frozen=True)
class Table:
    """A CC&B (or MDM/ODM) table as the staging and production schemas hold it."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    description: str
    entity: str  # the maintenance object it belongs to, e.g. "CI_PER" for CI_PER_NAME
    owner_column: str  # system key that ties each row to the entity a wave owns
    legacy_file: str  # legacy-interface file it is transformed from
    seed_step: int  # Oracle's step number (legacy-CIS scenario) that transforms it
    confidence: str = "P"
    key_table: bool = False  # has <TABLE>_K (system-keyed table)
    k_confidence: str = "C"  # of its <TABLE>_K: C by the general rule (S9, S11); I where the reference infers it
    product: str = "ccb"
    notes: tuple[str, ...] = field(default=())
    # "TABLE.COLUMN" system keys whose rows each get one row of this table with a key generated for it
    # (MDM/ODM tables migrated from CC&B: the CC&B-key -> MDM/ODM-key map and counterpart checks follow it)
    key_sources: tuple[str, ...] = field(default=())

    @property
    def key_column(self) -> Column | None:
        """The system-generated key, when the table owns one."""
        if not self.key_table:
            return None
        return self.column(self.primary_key[0])

    @property
    def k_table(self) -> str:
        return f"{self.name}_K"

    @property
    def ck_table(self) -> str:
        """Old-to-new key map, named as CC&B's conversion tool names them (CK_PER for CI_PER)."""
        return "CK_" + self.name.removeprefix("CI_")

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name}")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def foreign_keys(self) -> list[Column]:
        return [c for c in self.columns if c.fk]

    @property
    def asset_name(self) -> str:
        return self.name.lower()


def default_sql(c: Column) -> str:
    """SQL of what a column holds when the step has no value for it: OUAF's empty value (blank, 0) or NULL."""
    if c.default is None:
        if not c.nullable:
            raise ValueError(f"column {c.name} has no default and is not nullable: the step's SELECT must name it")
        return f"CAST(NULL AS {'DATE' if c.type == 'date' else 'TIMESTAMP'})" if c.type in ("date", "timestamp") else "NULL"
    if isinstance(c.default, str):
        return "'" + c.default.replace("'", "''") + "'"
    return str(c.default)


def provided(body: str) -> set[str]:
    """Column names a step's SELECT names (`... AS NAME`)."""
    return {m.upper() for m in re.findall(r"\bAS\s+([A-Za-z_][A-Za-z0-9_]*)", body)}


def complete_select(t: Table, body: str, keep: tuple[str, ...] = ()) -> str:
    """A step's SELECT completed to every catalog column in catalog order (plus `keep` bookkeeping columns):
    a column it does not name takes its empty value, so a column added to the catalog needs no SQL edit."""
    have = provided(body)
    cols = [f"m.{c.name}" if c.name in have else f"{default_sql(c)} AS {c.name}" for c in t.columns]
    return f"SELECT {', '.join(cols + [f'm.{k}' for k in keep])} FROM ({body}) m"
