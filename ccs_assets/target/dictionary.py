"""What the target's own dictionary says about a table, before the tool writes to it.

A real CISADM has more columns than the catalog models (CI_ACCT has many NOT
NULL columns the migration never sets), and its declared types are the
product's, not the catalog's inference. Before a write, the table's columns are
read from the dictionary (ALL_TAB_COLUMNS on Oracle, information_schema on
DuckDB), once per session:

- a NOT NULL column the catalog does not model, without a default, gets OUAF's
  empty value (one blank for text, 0 for numbers) and is listed in the step's
  metadata (`unmodeled_not_null_filled`);
- a catalog column the target lacks, or declares with another type or length
  (Oracle), is an error naming both, before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog.model import Column, Table


class TargetSchemaMismatch(RuntimeError):
    """The target declares a table differently from the catalog (a write would fail or cut values)."""


@dataclass(frozen=True)
class TargetColumn:
    name: str
    data_type: str  # dictionary spelling: CHAR, VARCHAR2, NUMBER, DATE, TIMESTAMP(6), ... (DuckDB: VARCHAR, BIGINT, ...)
    length: int | None  # bytes for text
    char_used: str | None  # Oracle: B (BYTE) or C (CHAR semantics)
    precision: int | None
    scale: int | None
    nullable: bool
    has_default: bool

    def display(self) -> str:
        t = self.data_type.upper()
        if t in ("CHAR", "VARCHAR2", "NCHAR", "NVARCHAR2"):
            return f"{t}({self.length} {'CHAR' if self.char_used == 'C' else 'BYTE'})"
        if t == "NUMBER" and self.precision is not None:
            return f"NUMBER({self.precision},{self.scale or 0})"
        return t


def columns_sql(dialect_name: str) -> str:
    """One row per column of :schema.:tname, in column order."""
    if dialect_name == "oracle":
        return ("SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, "
                "default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id")
    return ("SELECT column_name, data_type, character_maximum_length, NULL, numeric_precision, numeric_scale, "
            "is_nullable, CASE WHEN column_default IS NULL THEN 0 ELSE 1 END FROM information_schema.columns "
            "WHERE table_schema = :schema AND table_name = :tname ORDER BY ordinal_position")


def target_columns(s, schema: str, table: str) -> list[TargetColumn]:
    """The table's columns as the target declares them (cached for the session)."""
    cache = s.__dict__.setdefault("_dictionary", {})
    key = (schema.upper(), table.upper())
    if key not in cache:
        rows = s.query(columns_sql(s.dialect.name), schema=s.dialect.schema_name(schema), tname=table)
        cache[key] = [TargetColumn(str(n).upper(), str(t), _int(ln), cu, _int(p), _int(sc),
                                   str(nl).upper() in ("Y", "YES"), bool(_int(d)))
                      for n, t, ln, cu, p, sc, nl, d in rows]
    return cache[key]


def _int(v) -> int | None:
    return None if v is None else int(v)


def _disagreement(c: Column, tc: TargetColumn) -> bool:
    """Oracle: the target column cannot hold exactly what the catalog declares."""
    t = tc.data_type.upper()
    if c.type in ("char", "varchar"):
        want = "CHAR" if c.type == "char" else "VARCHAR2"
        return t != want or tc.length != c.length or tc.char_used != "B"
    if c.type == "number":
        return t != "NUMBER" or (tc.precision is not None and (tc.precision, tc.scale or 0) != (c.length or 18, c.scale))
    if c.type == "date":
        return t != "DATE"
    return not t.startswith("TIMESTAMP")


def _empty_value(tc: TargetColumn) -> str | None:
    """OUAF's value for an unused NOT NULL column, or None when there is no neutral one (dates, LOBs)."""
    t = tc.data_type.upper()
    if t in ("CHAR", "VARCHAR2", "NCHAR", "NVARCHAR2", "VARCHAR"):
        return "' '"
    if t in ("NUMBER", "FLOAT", "BIGINT", "INTEGER", "DECIMAL", "DOUBLE", "SMALLINT") or t.startswith("DECIMAL"):
        return "0"
    return None


def unmodeled_fill(s, schema: str, t: Table) -> list[tuple[str, str]]:
    """(column, SQL value) for every NOT NULL column without a default the catalog does not model.

    Raises TargetSchemaMismatch when a catalog column is missing from the target, declared differently
    (Oracle), or an unmodeled NOT NULL column has no neutral value. A table the dictionary does not list
    (not created yet) gives no fill and no error: the write itself reports it.
    """
    cols = target_columns(s, schema, t.name)
    if not cols:
        return []
    have = {tc.name: tc for tc in cols}
    problems = []
    for c in t.columns:
        tc = have.get(c.name)
        if tc is None:
            problems.append(f"{c.name}: catalog {c.oracle_type()}, target has no such column")
        elif s.dialect.name == "oracle" and _disagreement(c, tc):
            problems.append(f"{c.name}: catalog {c.oracle_type()}, target {tc.display()}")
    modeled = set(t.column_names)
    fill = []
    for tc in cols:
        if tc.name in modeled or tc.nullable or tc.has_default:
            continue
        value = _empty_value(tc)
        if value is None:
            problems.append(f"{tc.name}: NOT NULL {tc.display()} on the target, not in the catalog, and no empty value "
                            "for that type: add it to the catalog")
        else:
            fill.append((tc.name, value))
    if problems:
        raise TargetSchemaMismatch(f"{schema}.{t.name}: the target's dictionary and the catalog disagree: "
                                   + "; ".join(problems))
    return fill


def filled_columns(s, schema: str, t: Table) -> list[str]:
    """Names unmodeled_fill gave OUAF's empty value (for the step's metadata)."""
    return [name for name, _ in unmodeled_fill(s, schema, t)]
