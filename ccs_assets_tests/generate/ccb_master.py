"""A small CC&B master-data source for the history generator's tests (set-based, DDL from the catalog).

`create_master(con, schema, accounts)` writes CI_PREM, CI_ACCT, CI_SP, CI_SA, CI_SA_SP, CI_MTR,
CI_MTR_CONFIG, CI_REG, CI_SP_MTR_HIST and one install read per meter history (CI_MR), with the
column layout of catalog/ccb.py plus one column the catalog does not model (a real source has
them). About 30% of accounts have a second (gas) SA, 10% of SAs are unmetered, 5% stopped
during the history; 20% of meters have a second (time-of-use) register, 10% a demand register.
"""

from __future__ import annotations

from ccs_assets.catalog import ccb
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.schema import create_table_sql

TABLES = (ccb.CI_PREM, ccb.CI_ACCT, ccb.CI_SP, ccb.CI_SA, ccb.CI_SA_SP, ccb.CI_MTR, ccb.CI_MTR_CONFIG, ccb.CI_REG,
          ccb.CI_SP_MTR_HIST, ccb.CI_MR)

# per table: {column: SQL over the driving relation}; other columns take the catalog default
ROWS = {
    "CI_PREM": ("FROM a", {"PREM_ID": "prem_id", "PREM_TYPE_CD": "'RES'", "CIS_DIVISION": "'NORTH'", "ADDRESS1": "'1 Main St'",
                           "CITY": "'Springfield'", "POSTAL": "'12345'", "STATE": "'IL'", "COUNTRY": "'USA'",
                           "ADDRESS1_UPR": "'1 MAIN ST'", "CITY_UPR": "'SPRINGFIELD'"}),
    "CI_ACCT": ("FROM a", {"ACCT_ID": "acct_id", "BILL_CYC_CD": "'BC' || lpad(CAST(i % 20 AS VARCHAR), 2, '0')",
                           "SETUP_DT": "DATE '2015-01-01'", "CURRENCY_CD": "'USD'", "CIS_DIVISION": "'NORTH'", "CUST_CL_CD": "'RES'"}),
    "CI_SP": ("FROM s", {"SP_ID": "sp_id", "PREM_ID": "prem_id", "SP_TYPE_CD": "CASE WHEN gas THEN 'G-RES' ELSE 'E-RES' END",
                         "SP_STATUS_FLG": "'R'", "INSTALL_DT": "DATE '2010-01-01'"}),
    "CI_SA": ("FROM s", {"SA_ID": "sa_id", "ACCT_ID": "acct_id", "CHAR_PREM_ID": "prem_id", "CIS_DIVISION": "'NORTH'",
                         "SA_TYPE_CD": "CASE WHEN gas THEN 'G-RES' ELSE 'E-RES' END", "START_DT": "start_dt", "END_DT": "end_dt",
                         "SA_STATUS_FLG": "CASE WHEN end_dt IS NULL THEN '20' ELSE '40' END", "CURRENCY_CD": "'USD'"}),
    "CI_SA_SP": ("FROM s", {"SA_SP_ID": "sa_sp_id", "SA_ID": "sa_id", "SP_ID": "sp_id", "START_DTTM": "CAST(start_dt AS TIMESTAMP)",
                            "STOP_DTTM": "CAST(end_dt AS TIMESTAMP)"}),
    "CI_MTR": ("FROM s WHERE metered", {"MTR_ID": "mtr_id", "BADGE_NBR": "'B' || sp_id", "SERIAL_NBR": "'S' || sp_id",
                                        "MFG_CD": "'ACME'", "MTR_TYPE_CD": "'E1'", "MTR_STATUS_FLG": "'A'"}),
    "CI_MTR_CONFIG": ("FROM s WHERE metered", {"MTR_CONFIG_ID": "cfg_id", "MTR_ID": "mtr_id", "EFF_DTTM": "TIMESTAMP '2010-01-01 00:00:00'",
                                               "MTR_CONFIG_TY_CD": "'E1'"}),
    "CI_REG": ("FROM r", {"REG_ID": "reg_id", "MTR_ID": "mtr_id", "EFF_DTTM": "TIMESTAMP '2010-01-01 00:00:00'", "READ_SEQ": "seq",
                          "UOM_CD": "CASE WHEN kind = 'C' THEN 'KW' ELSE 'KWH' END", "TOU_CD": "CASE WHEN seq = 2 THEN 'ON' ELSE ' ' END",
                          "REG_CONST": "1", "CONSUM_SUB_FLG": "kind", "HOW_TO_USE_FLG": "CASE WHEN kind = 'C' THEN 'P' ELSE '+' END",
                          "NBR_OF_DGTS_LFT": "5", "NBR_OF_DGTS_RGT": "0"}),
    "CI_SP_MTR_HIST": ("FROM s WHERE metered", {"SP_MTR_HIST_ID": "hist_id", "SP_ID": "sp_id", "MTR_CONFIG_ID": "cfg_id",
                                                "REMOVAL_DTTM": "CAST(NULL AS TIMESTAMP)"}),
    "CI_MR": ("FROM s WHERE metered", {"MR_ID": "install_mr_id", "MTR_CONFIG_ID": "cfg_id", "READ_DTTM": "TIMESTAMP '2010-01-01 09:00:00'",
                                       "ILM_DT": "DATE '2010-01-01'"}),
}


def _value(c) -> str:
    if c.type in ("date", "timestamp") and c.nullable:
        return "NULL"
    if c.default is not None:
        return repr(c.default) if isinstance(c.default, str) else str(c.default)
    return {"number": "0", "date": "DATE '2010-01-01'", "timestamp": "TIMESTAMP '2010-01-01 00:00:00'"}.get(c.type, "' '")


def create_master(con, schema: str, accounts: int, seed: int = 1) -> None:
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE a AS SELECT i,
        CAST(1000000000 + i * 7 AS VARCHAR) AS acct_id, CAST(3000000000 + i * 7 AS VARCHAR) AS prem_id
        FROM range({accounts}) t(i)""")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE s AS SELECT a.i, a.acct_id, a.prem_id, g.gas, a.i * 2 + g.gas::INT AS j,
        CAST(4000000000 + (a.i * 2 + g.gas::INT) * 7 AS VARCHAR) AS sp_id, CAST(5000000000 + (a.i * 2 + g.gas::INT) * 7 AS VARCHAR) AS sa_id,
        CAST(5500000000 + (a.i * 2 + g.gas::INT) * 7 AS VARCHAR) AS sa_sp_id, CAST(6000000000 + (a.i * 2 + g.gas::INT) * 7 AS VARCHAR) AS mtr_id,
        CAST(6500000000 + (a.i * 2 + g.gas::INT) * 7 AS VARCHAR) AS cfg_id, CAST(7000000000 + (a.i * 2 + g.gas::INT) * 7 AS VARCHAR) AS hist_id,
        CAST(100000000000 + (a.i * 2 + g.gas::INT) * 13 AS VARCHAR) AS install_mr_id,
        hash({seed}, 'metered', a.i, g.gas) % 10 <> 0 AS metered,
        DATE '2015-01-01' + CAST(hash({seed}, 'start', a.i, g.gas) % 3650 AS INTEGER) AS start_dt,
        CASE WHEN hash({seed}, 'stop', a.i, g.gas) % 20 = 0 THEN DATE '2025-03-01' + CAST(hash({seed}, 'stopdt', a.i) % 200 AS INTEGER) END AS end_dt
        FROM a JOIN (SELECT FALSE AS gas UNION ALL SELECT TRUE) g ON NOT g.gas OR hash({seed}, 'gas', a.i) % 10 < 3""")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE r AS
        SELECT s.mtr_id, n.seq, CAST(8000000000 + s.j * 21 + n.seq AS VARCHAR) AS reg_id,
               CASE WHEN n.seq = 3 THEN 'C' ELSE 'S' END AS kind
        FROM s JOIN range(1, 4) n(seq) ON s.metered AND (n.seq = 1 OR (n.seq = 2 AND hash({seed}, 'tou', s.j) % 5 = 0)
                                                          OR (n.seq = 3 AND hash({seed}, 'dem', s.j) % 10 = 0))""")
    for t in TABLES:
        con.execute(create_table_sql(DUCKDB, schema, t))
        src, given = ROWS[t.name]
        cols = ", ".join(f"{given.get(c.name, _value(c))} AS {c.name}" for c in t.columns)
        con.execute(f"INSERT INTO {schema}.{t.name} SELECT {cols} {src}")
    # a column the catalog does not model, NOT NULL, as a real source has
    # (the catalog models CI_MR's ILM_DT; a column only the source has stands in for such columns)
    con.execute(f"ALTER TABLE {schema}.CI_MR ADD COLUMN SOURCE_ONLY_DT DATE")
    con.execute(f"UPDATE {schema}.CI_MR SET SOURCE_ONLY_DT = CAST(READ_DTTM AS DATE)")
    con.execute(f"ALTER TABLE {schema}.CI_MR ALTER COLUMN SOURCE_ONLY_DT SET NOT NULL")
    for tmp in ("a", "s", "r"):
        con.execute(f"DROP TABLE {tmp}")
