"""Idempotent wave writes: replace exactly the rows a wave owns in one transaction.

Each write records the owner keys it wrote in <schema>.CCS_WAVE_LEDGER; the
next write of the same wave and table deletes exactly those rows first, so a
rerun gives the same result and never touches another wave.
"""

from __future__ import annotations

from ..catalog.model import Table
from .dialect import length_violations, too_long_error
from .dictionary import unmodeled_fill
from .resource import TargetSession


def insert_columns(s: TargetSession, schema: str, t: Table) -> tuple[str, str]:
    """(INSERT column list, SELECT list over `src`): the catalog's columns, plus OUAF's empty value for every NOT NULL
    column the target declares and the catalog does not model (checked against the dictionary first)."""
    fill = unmodeled_fill(s, schema, t)
    names = t.column_names + [n for n, _ in fill]
    values = [f"src.{c}" for c in t.column_names] + [v for _, v in fill]
    return ", ".join(names), ", ".join(values)


def check_lengths(s: TargetSession, schema: str, t: Table, where: str, **params) -> None:
    """DuckDB stores any length: refuse rows Oracle would reject (BYTE lengths, NUMBER precision).

    Call inside the write's transaction, so the write rolls back. Oracle enforces its own columns.
    """
    if s.dialect.name != "duckdb":
        return
    q = length_violations(s.dialect, t.columns, f"(SELECT * FROM {schema}.{t.name} WHERE {where})",
                          extra=f"x.{t.owner_column} AS OWNER")
    if q is None:
        return
    total = s.scalar(f"SELECT count(*) FROM ({q}) v", **params)
    if total:
        raise too_long_error(t.name, s.query(f"SELECT * FROM ({q}) v ORDER BY OWNER LIMIT 10", **params), total)


def replace_wave_rows(s: TargetSession, schema: str, t: Table, wave: str, source_select: str, **params) -> int:
    """Delete the wave's previous rows of `t` and insert `source_select` (catalog column order)."""
    cols, values = insert_columns(s, schema, t)
    ledger = f"{schema}.CCS_WAVE_LEDGER"
    params = {"wave": wave, "tname": t.name, **params}
    with s.transaction():
        s.execute(
            f"DELETE FROM {schema}.{t.name} WHERE {t.owner_column} IN "
            f"(SELECT OWNER_KEY FROM {ledger} WHERE WAVE = :wave AND TABLE_NAME = :tname)",
            **params,
        )
        s.execute(f"DELETE FROM {ledger} WHERE WAVE = :wave AND TABLE_NAME = :tname", **params)
        s.execute(f"INSERT INTO {schema}.{t.name} ({cols}) SELECT {values} FROM ({source_select}) src", **params)
        s.execute(
            f"INSERT INTO {ledger} (WAVE, TABLE_NAME, OWNER_KEY) "
            f"SELECT DISTINCT :wave, :tname, {t.owner_column} FROM ({source_select}) src",
            **params,
        )
        check_lengths(s, schema, t, f"{t.owner_column} IN (SELECT OWNER_KEY FROM {ledger} WHERE WAVE = :wave "
                      f"AND TABLE_NAME = :tname)", **params)
    return s.scalar(
        f"SELECT count(*) FROM {schema}.{t.name} WHERE {t.owner_column} IN "
        f"(SELECT OWNER_KEY FROM {ledger} WHERE WAVE = :wave AND TABLE_NAME = :tname)",
        wave=wave, tname=t.name,
    )


def wave_rows(s: TargetSession, schema: str, t: Table, alias: str = "x") -> str:
    """SQL predicate: row `alias` of `t` belongs to the wave (bind :wave)."""
    return (
        f"{alias}.{t.owner_column} IN (SELECT OWNER_KEY FROM {schema}.CCS_WAVE_LEDGER "
        f"WHERE WAVE = :wave AND TABLE_NAME = '{t.name}')"
    )
