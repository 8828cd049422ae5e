"""Step 1 for one CC&B table and wave: evaluate the legacy file's rules, assign staging keys, write ccb.<table>."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..catalog.model import Table
from ..settings import Settings
from .rules import evaluate_file

SQL_DIR = Path(__file__).parent / "sql"

# The CC&B table whose transform evaluates a legacy file's rules (the file's first target).
EVALUATES = {
    "CI_PER": "customers",
    "CI_PREM": "premises",
    "CI_ACCT": "accounts",
    "CI_ACCT_PER": "account_parties",
    "CI_SP": "service_points",
    "CI_SA": "service_agreements",
}
# Keyed tables: (legacy file, legacy key column) their staging keys come from.
STAGING_KEY_SOURCE = {
    "CI_PER": ("customers", "cust_no"),
    "CI_PREM": ("premises", "premise_no"),
    "CI_ACCT": ("accounts", "acct_no"),
    "CI_SP": ("service_points", "sp_no"),
    "CI_SA": ("service_agreements", "sa_no"),
    "CI_SA_SP": ("service_agreements", "sa_no"),
}

MACROS = """
CREATE OR REPLACE MACRO clean(x) AS trim(regexp_replace(x, '[\\r\\n\\t]+', ' ', 'g'));
CREATE OR REPLACE MACRO blank(x) AS coalesce(nullif(x, ''), ' ');
"""


def ccb_table_ddl(t: Table) -> str:
    cols = ", ".join(f"{c.name} {c.duckdb_type()}" for c in t.columns)
    return f"CREATE TABLE IF NOT EXISTS ccb.{t.name} (_wave VARCHAR NOT NULL, {cols}, _legacy_key VARCHAR, _line BIGINT)"


def assign_staging_keys(con: duckdb.DuckDBPyConnection, table: str, wave: str) -> int:
    """Give every legacy key of the file without one a staging key (max + 1, in key order); keep old ones.

    The map is global, so a staging key never changes once given and is unique per table across waves.
    """
    file, col = STAGING_KEY_SOURCE[table]
    before = con.execute("SELECT count(*) FROM wb.stg_keymap WHERE table_name = ?", [table]).fetchone()[0]
    con.execute(
        f"""INSERT INTO wb.stg_keymap
        SELECT $t, k, lpad(CAST(base + row_number() OVER (ORDER BY k) AS VARCHAR), 10, '0'), $wave
        FROM (SELECT DISTINCT {col} AS k FROM legacy.{file} WHERE _wave = $wave AND {col} IS NOT NULL AND length({col}) <= 30)
        CROSS JOIN (SELECT coalesce(max(CAST(stg_key AS BIGINT)), 0) AS base FROM wb.stg_keymap WHERE table_name = $t)
        WHERE k NOT IN (SELECT legacy_key FROM wb.stg_keymap WHERE table_name = $t)""",
        {"t": table, "wave": wave},
    )
    return con.execute("SELECT count(*) FROM wb.stg_keymap WHERE table_name = ?", [table]).fetchone()[0] - before


def transform_table(con: duckdb.DuckDBPyConnection, t: Table, wave: str, settings: Settings) -> dict:
    con.execute(MACROS)
    con.execute(ccb_table_ddl(t))
    result: dict = {}
    if t.name in EVALUATES:
        result["legacy"] = evaluate_file(con, EVALUATES[t.name], wave)
    if t.name in STAGING_KEY_SOURCE:
        result["new_staging_keys"] = assign_staging_keys(con, t.name, wave)
    select = (SQL_DIR / f"{t.asset_name}.sql").read_text()
    params = {"wave": wave}
    if "$name_format" in select:
        params["name_format"] = settings.person_name_format
    if "$main_rel" in select:
        params["main_rel"] = settings.main_customer_rel_type
    cols = ", ".join(t.column_names)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM ccb.{t.name} WHERE _wave = $wave", {"wave": wave})
        con.execute(
            f"INSERT INTO ccb.{t.name} (_wave, {cols}, _legacy_key, _line) SELECT $wave, {cols}, _legacy_key, _line FROM ({select})",
            params,
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    result["rows"] = con.execute(f"SELECT count(*) FROM ccb.{t.name} WHERE _wave = ?", [wave]).fetchone()[0]
    return result
