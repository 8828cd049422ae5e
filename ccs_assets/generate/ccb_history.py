"""Transactional history of a generated CC&B source database (scenario 5: CC&B upgrading to CC&B Cloud Service).

`write_history(con, schema, months, seed)` adds to a DuckDB database that already
holds CC&B master data in `schema` (CI_ACCT, CI_SA, CI_SA_SP, CI_SP_MTR_HIST,
CI_MTR_CONFIG, CI_REG under CC&B's names) what an on-premises CC&B accumulates:
monthly meter and register reads, bills with bill segments, calculation headers,
lines and segment reads, FTs with GL lines, payments (event, tender, payment, pay
segments) and adjustments, some canceled and rebilled, in the shape of
catalog/ccb_txn.py. What holds by construction (and is tested):

- one BS FT per frozen or freezable segment (FREEZE_SW N only on a pending bill),
  a BX FT reversing each canceled one on the next bill where its rebill is; one PS
  FT per pay segment, a PX FT for a returned (NSF) payment; AD/AX for adjustments;
- every frozen FT with a payoff has GL lines that net to zero; TOT_AMT is the
  charge, CUR_AMT the budget installment on budget SAs (about 5%);
- CI_BILL_SA holds each SA's balances after each complete bill: the sum of its
  frozen FTs on that and the account's earlier bills (reference section 3);
- PAY_AMT is the sum of the payment's segments, TENDER_AMT equals PAY_AMT.

Everything is set-based SQL in DuckDB (ccs_assets/generate/sql/ccb_history.sql);
pseudo-randomness is a hash of the seed and the row's keys, so the same master
data and seed give the same history, byte for byte. Keys are 12-digit (10 for the
source's own deposit/tender controls), a seeded permutation of the row order that
skips keys a table already holds (CI_MR, CI_REG_READ of meter installs).
"""

from __future__ import annotations

import hashlib
import logging
import time
import re
from datetime import date
from pathlib import Path
from string import Template

import duckdb

from ..catalog import ccb_txn
from ..catalog.model import Table
from ..target.dialect import DUCKDB
from ..target.schema import create_table_sql

log = logging.getLogger(__name__)
SQL = Path(__file__).parent / "sql" / "ccb_history.sql"
THROUGH = date(2025, 12, 1)  # the last billed month (fixed, never "today")
# master tables and the columns the history reads
REQUIRED: dict[str, tuple[str, ...]] = {
    "CI_ACCT": ("ACCT_ID", "BILL_CYC_CD", "CURRENCY_CD"),
    "CI_SA": ("SA_ID", "ACCT_ID", "CHAR_PREM_ID", "CIS_DIVISION", "SA_TYPE_CD", "CURRENCY_CD", "START_DT", "END_DT", "SA_STATUS_FLG"),
    "CI_SA_SP": ("SA_ID", "SP_ID"),
    "CI_SP_MTR_HIST": ("SP_ID", "MTR_CONFIG_ID", "REMOVAL_DTTM"),
    "CI_MTR_CONFIG": ("MTR_CONFIG_ID", "MTR_ID"),
    "CI_REG": ("REG_ID", "MTR_ID", "READ_SEQ", "REG_CONST", "NBR_OF_DGTS_LFT", "CONSUM_SUB_FLG", "UOM_CD", "TOU_CD"),
}
# (stage, [(relation, key column, unique row order, digits, table whose existing keys are skipped)])
KEYS: tuple[tuple[str, list[tuple[str, str, str, int, str]]], ...] = (
    ("base", [("h_bill", "BILL_ID", "ACCT_ID, m", 12, "CI_BILL"),
              ("h_mr", "MR_ID", "SA_ID, m", 12, "CI_MR"),
              ("h_rr", "REG_READ_ID", "SA_ID, m, READ_SEQ, REG_ID", 12, "CI_REG_READ")]),
    ("segments", [("h_seg", "BSEG_ID", "SA_ID, m, ver", 12, "CI_BSEG")]),
    ("payments", [("h_pay", "PAY_EVENT_ID", "ACCT_ID, m", 12, "CI_PAY_EVENT"),
                  ("h_pay", "PAY_TENDER_ID", "ACCT_ID, m", 12, "CI_PAY_TNDR"),
                  ("h_pay", "PAY_ID", "ACCT_ID, m", 12, "CI_PAY"),
                  ("h_adj", "ADJ_ID", "SA_ID, m, ADJ_TYPE_CD", 12, "CI_ADJ")]),
    ("pay_segments", [("h_pay_seg", "PAY_SEG_ID", "ACCT_ID, m, SA_ID", 12, "CI_PAY_SEG")]),
    ("fts", [("h_ft", "FT_ID", "FT_TYPE_FLG, SIBLING_ID", 12, "CI_FT")]),
    ("output", [("h_ctl", "DEP_CTL_ID", "m", 10, "CI_DEP_CTL"), ("h_ctl", "TNDR_CTL_ID", "m", 10, "CI_TNDR_CTL")]),
    ("tables", []),
)
# Largest primes below 9 * 10^(digits-1): n -> 10^(digits-1) + (a*n + b) mod P is a bijection on [0, P).
PRIME = {12: 899_999_999_981, 10: 8_999_999_993}
WRITTEN: tuple[Table, ...] = ccb_txn.TXN_TABLES + ccb_txn.CONTROL_TABLES
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class SourceShapeError(ValueError):
    """The master data is not what the history needs (a table or column missing, history already there)."""


def _stages(params: dict[str, str]) -> dict[str, str]:
    text = Template(SQL.read_text(encoding="utf-8")).substitute(params)
    parts = re.split(r"^-- stage: (\w+)\s*$", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def _columns(con, schema: str, table: str) -> list[tuple[str, str, bool]]:
    """(name, type, nullable) of a table's columns, in order; empty when the table does not exist."""
    return con.execute(
        "SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns WHERE upper(table_schema) = upper(?) "
        "AND upper(table_name) = ? ORDER BY ordinal_position", [schema, table]).fetchall()


def _check_source(con, schema: str) -> None:
    for table, cols in REQUIRED.items():
        have = {c.upper() for c, _, _ in _columns(con, schema, table)}
        if not have:
            raise SourceShapeError(f"{schema}.{table}: table missing; the history needs the CC&B master data first")
        missing = [c for c in cols if c not in have]
        if missing:
            raise SourceShapeError(f"{schema}.{table}: column(s) {', '.join(missing)} missing")
    for t in WRITTEN:
        if t.name in ("CI_MR", "CI_REG_READ") or not _columns(con, schema, t.name):
            continue
        if con.execute(f"SELECT count(*) FROM {schema}.{t.name}").fetchone()[0]:
            raise SourceShapeError(f"{schema}.{t.name}: already holds rows; write the history into a source without one")


def _permutation(seed: int, table: str, digits: int) -> tuple[int, int]:
    h = hashlib.sha256(f"{seed}:{table}".encode()).digest()
    p = PRIME[digits]
    return 1 + int.from_bytes(h[:8], "big") % (p - 1), int.from_bytes(h[8:16], "big") % p


def _assign_keys(con, schema: str, seed: int, rel: str, key: str, order: str, digits: int, table: str) -> None:
    """Add `key` to every row of `rel`: the seeded permutation of the row number, skipping keys `table` holds."""
    n = con.execute(f"SELECT count(*) FROM {rel}").fetchone()[0]
    existing = f"{schema}.{table}" if _columns(con, schema, table) else None
    e = con.execute(f"SELECT count(*) FROM {existing}").fetchone()[0] if existing else 0
    a, b = _permutation(seed, table, digits)
    low, p = 10 ** (digits - 1), PRIME[digits]
    if not e:  # the usual case: one pass, no lookup
        con.execute(f"""CREATE OR REPLACE TEMP TABLE {rel} AS SELECT *, CAST({low} + (CAST(row_number() OVER (ORDER BY {order}) - 1
            AS HUGEINT) * {a} + {b}) % {p} AS VARCHAR) AS {key} FROM {rel}""")
        return
    con.execute(f"""CREATE OR REPLACE TEMP TABLE h_keys AS
        SELECT row_number() OVER (ORDER BY i) - 1 AS kn, k FROM (
            SELECT i, CAST({low} + (CAST(i AS HUGEINT) * {a} + {b}) % {p} AS VARCHAR) AS k FROM range({n + e}) r(i))
        WHERE k NOT IN (SELECT {key} FROM {existing})""")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {rel} AS
        SELECT r.* EXCLUDE (kn), k.k AS {key}
        FROM (SELECT *, row_number() OVER (ORDER BY {order}) - 1 AS kn FROM {rel}) r JOIN h_keys k ON k.kn = r.kn""")
    con.execute("DROP TABLE h_keys")


def _empty_value(t: Table, data_type: str, nullable: bool) -> str:
    """OUAF's empty value for a column the catalog does not model: one blank, 0; a date is NULL when nullable,
    else the row's own first date (ILM_DT, the usual such column, is the row's creation date at initial load)."""
    ty = data_type.upper()
    if "CHAR" in ty or ty == "VARCHAR":
        return "' '"
    if ty.startswith(("DATE", "TIMESTAMP", "TIME")):
        first = next((c.name for c in t.columns if c.type in ("date", "timestamp") and not c.nullable), None)
        return "NULL" if nullable or first is None else f"CAST({first} AS {ty})"
    return "0"


def _insert(con, schema: str, t: Table) -> int:
    """Insert o_<table> into schema.<table> (created from the catalog when missing), by column name."""
    cols = _columns(con, schema, t.name)
    if not cols:
        con.execute(create_table_sql(DUCKDB, schema, t))
        cols = _columns(con, schema, t.name)
    names = set(t.column_names)
    select = ", ".join(c if c.upper() in names else f"{_empty_value(t, ty, nl)} AS {c}" for c, ty, nl in cols)
    n = con.execute(f"SELECT count(*) FROM o_{t.name}").fetchone()[0]
    con.execute(f"INSERT INTO {schema}.{t.name} ({', '.join(c for c, _, _ in cols)}) "
                f"SELECT {select} FROM o_{t.name}")
    return n


def write_history(con: duckdb.DuckDBPyConnection, schema: str, months: int, seed: int, *,
                  through: date = THROUGH) -> dict[str, int]:
    """Write `months` months of transactional history (ending with the month of `through`) into `schema`.

    Returns rows written per table. Raises SourceShapeError when the master data lacks a table or
    column the history needs, or a transactional table already holds rows (CI_MR and CI_REG_READ may:
    install reads; new keys avoid theirs). Runs in one transaction: on error nothing is written.
    """
    if not _IDENT.match(schema):
        raise SourceShapeError(f"schema name {schema!r} is not a plain identifier")
    if not 1 <= int(months) <= 240:
        raise SourceShapeError(f"months must be between 1 and 240, not {months}")
    seed = int(seed)
    _check_source(con, schema)
    first = date(through.year + (through.month - months) // 12, (through.month - months) % 12 + 1, 1)
    nxt = date(through.year + through.month // 12, through.month % 12 + 1, 1)
    last_day = date.fromordinal(nxt.toordinal() - 1)
    stages = _stages({"schema": schema, "seed": str(seed), "months": str(int(months)),
                      "first_month": first.isoformat(), "last_day": last_day.isoformat()})
    counts: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        for stage, keys in KEYS:
            _t = time.process_time()
            con.execute(stages[stage])
            log.debug("stage %s %.1fs cpu", stage, time.process_time() - _t)
            for rel, key, order, digits, table in keys:
                _t = time.process_time()
                _assign_keys(con, schema, seed, rel, key, order, digits, table)
                log.debug("key %s %.1fs cpu", key, time.process_time() - _t)
        for t in ccb_txn.LOAD_ORDER:
            _t = time.process_time()
            counts[t.name] = _insert(con, schema, t)
            log.debug("insert %s %.1fs cpu", t.name, time.process_time() - _t)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for (name,) in con.execute("SELECT view_name FROM duckdb_views() WHERE temporary AND view_name LIKE 'o\\_%' ESCAPE '\\'").fetchall():
            con.execute(f"DROP VIEW IF EXISTS {name}")
        for (name,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE 'h\\_%' ESCAPE '\\'").fetchall():
            con.execute(f"DROP TABLE IF EXISTS {name}")
    return counts
