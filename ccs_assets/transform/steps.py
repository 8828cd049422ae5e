"""Step 1 for one CC&B table and wave: evaluate the legacy file's rules, assign staging keys, write ccb.<table>."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..catalog import ccb
from ..catalog.legacy import LEGACY_FILES
from ..catalog.model import Table, complete_select
from ..settings import Settings
from ..target.dialect import DUCKDB, length_violations, too_long_error
from .rules import evaluate_file

SQL_DIR = Path(__file__).parent / "sql"
BY_NAME = {t.name: t for t in ccb.CCB_TABLES}

# The CC&B table whose transform evaluates a legacy file's rules (the file's first target).
EVALUATES = {
    "CI_PER": "customers",
    "CI_PREM": "premises",
    "CI_ACCT": "accounts",
    "CI_ACCT_PER": "account_parties",
    "CI_SP": "service_points",
    "CI_SA": "service_agreements",
    "CI_MTR": "meters",
    "CI_MTR_CONFIG": "registers",
    "CI_SP_MTR_HIST": "meter_history",
    "CI_REG_READ": "meter_history_reads",
    "CI_ITEM": "items",
    "CI_SP_ITEM_HIST": "item_history",
}
# Tables holding exactly one row per accepted legacy record of a file (reconciliation: transformed = accepted).
# (CI_ACCT_PER is not one: it also holds each account's main customer; nor is CI_MTR_CONFIG: one per meter.)
RECORD_FILE = {
    "CI_PER": "customers", "CI_PREM": "premises", "CI_ACCT": "accounts", "CI_SP": "service_points",
    "CI_SA": "service_agreements", "CI_MTR": "meters", "CI_REG": "registers", "CI_SP_MTR_HIST": "meter_history",
    "CI_REG_READ": "meter_history_reads", "CI_ITEM": "items", "CI_SP_ITEM_HIST": "item_history",
}
# Keyed tables: the legacy keys (column k) their staging keys come from. Records derived from one legacy row
# (a meter's configuration, an event's meter read) take that row's key with a suffix.
STAGING_KEYS = {
    "CI_PER": "SELECT cust_no AS k FROM legacy.customers WHERE _wave = $wave",
    "CI_PREM": "SELECT premise_no AS k FROM legacy.premises WHERE _wave = $wave",
    "CI_ACCT": "SELECT acct_no AS k FROM legacy.accounts WHERE _wave = $wave",
    "CI_SP": "SELECT sp_no AS k FROM legacy.service_points WHERE _wave = $wave",
    "CI_SA": "SELECT sa_no AS k FROM legacy.service_agreements WHERE _wave = $wave",
    "CI_SA_SP": "SELECT sa_no AS k FROM legacy.service_agreements WHERE _wave = $wave",
    "CI_MTR": "SELECT meter_no AS k FROM legacy.meters WHERE _wave = $wave",
    "CI_MTR_CONFIG": "SELECT meter_no AS k FROM legacy.meters WHERE _wave = $wave",
    "CI_REG": "SELECT meter_no || '/' || CAST(register_no AS VARCHAR) AS k FROM legacy.registers WHERE _wave = $wave",
    "CI_SP_MTR_HIST": "SELECT history_no AS k FROM legacy.meter_history WHERE _wave = $wave",
    "CI_MR": "SELECT history_no || '/INSTALL' AS k FROM legacy.meter_history WHERE _wave = $wave "
             "UNION ALL SELECT history_no || '/REMOVE' FROM legacy.meter_history WHERE _wave = $wave AND removed_at IS NOT NULL",
    "CI_REG_READ": "SELECT history_no || '/' || event || '/' || CAST(register_no AS VARCHAR) AS k "
                   "FROM legacy.meter_history_reads WHERE _wave = $wave",
    "CI_ITEM": "SELECT item_no AS k FROM legacy.items WHERE _wave = $wave",
    "CI_SP_ITEM_HIST": f"SELECT {LEGACY_FILES['item_history'].key_sql()} AS k FROM legacy.item_history WHERE _wave = $wave",
}
MAX_LEGACY_KEY = 120  # CCS_KEY_XREF.LEGACY_KEY and CK_*.LEGACY_KEY

MACROS = """
CREATE OR REPLACE MACRO clean(x) AS trim(regexp_replace(x, '[\\r\\n\\t]+', ' ', 'g'));
CREATE OR REPLACE MACRO blank(x) AS coalesce(nullif(x, ''), ' ');
-- a meter's configuration is effective at the earliest effective_at of its valid registers
CREATE OR REPLACE MACRO meter_config_eff(w) AS TABLE
    SELECT g.meter_no, min(g.effective_at) AS eff FROM legacy.registers g
    JOIN wb.record_status gs ON gs.wave = w AND gs.file = 'registers' AND gs.rec = g._rec AND gs.valid
    WHERE g._wave = w GROUP BY g.meter_no;
-- the meter of each legacy history (duplicated history numbers are rejected; any of their meters will do)
CREATE OR REPLACE MACRO history_meter(w) AS TABLE
    SELECT history_no, any_value(meter_no) AS meter_no FROM legacy.meter_history WHERE _wave = w GROUP BY history_no;
"""


def ccb_table_ddl(t: Table) -> str:
    cols = ", ".join(f"{c.name} {c.duckdb_type()}" for c in t.columns)
    return f"CREATE TABLE IF NOT EXISTS ccb.{t.name} (_wave VARCHAR NOT NULL, {cols}, _legacy_key VARCHAR, _line BIGINT)"


def assign_staging_keys(con: duckdb.DuckDBPyConnection, table: str, wave: str) -> int:
    """Give every legacy key of the wave's snapshot without one a staging key (max + 1, in key order); keep old ones.

    The map is global, so a staging key never changes once given and is unique per table across waves.
    Staging keys are zero-padded to the width of the table's key column (CHAR(10), or CHAR(12) for reads).
    """
    width = BY_NAME[table].key_column.length
    before = con.execute("SELECT count(*) FROM wb.stg_keymap WHERE table_name = ?", [table]).fetchone()[0]
    con.execute(
        f"""INSERT INTO wb.stg_keymap
        SELECT $t, k, lpad(CAST(base + row_number() OVER (ORDER BY k) AS VARCHAR), {width}, '0'), $wave
        FROM (SELECT DISTINCT k FROM ({STAGING_KEYS[table]}) src WHERE k IS NOT NULL AND length(k) <= {MAX_LEGACY_KEY})
        CROSS JOIN (SELECT coalesce(max(CAST(stg_key AS BIGINT)), 0) AS base FROM wb.stg_keymap WHERE table_name = $t)
        WHERE k NOT IN (SELECT legacy_key FROM wb.stg_keymap WHERE table_name = $t)""",
        {"t": table, "wave": wave},
    )
    return con.execute("SELECT count(*) FROM wb.stg_keymap WHERE table_name = ?", [table]).fetchone()[0] - before


def _check_lengths(con: duckdb.DuckDBPyConnection, t: Table, wave: str) -> None:
    """DuckDB stores any length: refuse what Oracle (CHAR/VARCHAR2 n BYTE, NUMBER(p,s)) would reject at load."""
    q = length_violations(DUCKDB, t.columns, f"(SELECT * FROM ccb.{t.name} WHERE _wave = $wave)",
                          extra="x._legacy_key, x._line")
    if q is None:
        return
    total = con.execute(f"SELECT count(*) FROM ({q}) v", {"wave": wave}).fetchone()[0]
    if total:
        rows = con.execute(f"SELECT * FROM ({q}) v ORDER BY _line LIMIT 10", {"wave": wave}).fetchall()
        raise too_long_error(t.name, rows, total)


def transform_table(con: duckdb.DuckDBPyConnection, t: Table, wave: str, settings: Settings) -> dict:
    con.execute(MACROS)
    con.execute(ccb_table_ddl(t))
    result: dict = {}
    if t.name in EVALUATES:
        result["legacy"] = evaluate_file(con, EVALUATES[t.name], wave)
    if t.name in STAGING_KEYS:
        result["new_staging_keys"] = assign_staging_keys(con, t.name, wave)
    # columns the SQL does not name (no legacy source) take OUAF's empty value from the catalog
    select = complete_select(t, (SQL_DIR / f"{t.asset_name}.sql").read_text() + "\n", keep=("_legacy_key", "_line"))
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
        _check_lengths(con, t, wave)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    result["rows"] = con.execute(f"SELECT count(*) FROM ccb.{t.name} WHERE _wave = ?", [wave]).fetchone()[0]
    return result
