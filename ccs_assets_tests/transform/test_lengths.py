"""Every transform enforces the catalog's lengths on DuckDB as Oracle does: text in bytes, numbers by precision."""

from __future__ import annotations

import re

import duckdb
import pytest

from ccs_assets.catalog import ccb
from ccs_assets.target.dialect import ValueTooLong
from ccs_assets.transform import steps
from ccs_assets.transform.rules import generated_rules
from ccs_assets.catalog.legacy import LEGACY_FILES


def _con_with(table, rows: list[dict]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA ccb")
    con.execute(steps.ccb_table_ddl(table))
    for i, values in enumerate(rows, start=1):
        r = {c.name: values.get(c.name, c.default if c.default is not None else ("0000000001" if c.type == "char" else None))
             for c in table.columns}
        cols = ", ".join(r)
        con.execute(f"INSERT INTO ccb.{table.name} (_wave, {cols}, _legacy_key, _line) VALUES "
                    f"('w1', {', '.join('?' * len(r))}, ?, ?)", [*r.values(), f"H{i}", i + 1])
    return con


def test_off_in_a_char2_flag_is_refused_naming_table_column_key_and_line():
    con = _con_with(ccb.CI_SP_MTR_EVT, [{"SP_MTR_EVT_FLG": "R", "MTR_ON_OFF_FLG": "OFF", "MR_ID": "000000000001"}])
    with pytest.raises(ValueTooLong) as e:
        steps._check_lengths(con, ccb.CI_SP_MTR_EVT, "w1")
    msg = str(e.value)
    assert "CI_SP_MTR_EVT.MTR_ON_OFF_FLG = 'OFF' (3 bytes > 2; key H1, line 2)" in msg


def test_lengths_are_bytes_and_numbers_are_precision():
    con = _con_with(ccb.CI_PER_NAME, [
        {"ENTITY_NAME": "é" * 127, "ENTITY_NAME_UPR": "É" * 127, "SEQ_NUM": 999},  # 254 bytes, 3 digits: fit
        {"ENTITY_NAME": "é" * 128, "ENTITY_NAME_UPR": "x", "SEQ_NUM": 1},  # 128 characters, 256 bytes
        {"ENTITY_NAME": "x", "ENTITY_NAME_UPR": "x", "SEQ_NUM": 1000},  # NUMBER(3)
    ])
    with pytest.raises(ValueTooLong) as e:
        steps._check_lengths(con, ccb.CI_PER_NAME, "w1")
    msg = str(e.value)
    assert msg.startswith("CI_PER_NAME: 2 value(s)")
    assert "CI_PER_NAME.ENTITY_NAME = " in msg and "(256 bytes > 254; key H2, line 3)" in msg
    assert "CI_PER_NAME.SEQ_NUM = '1000' (more than 3 digits; key H3, line 4)" in msg


def test_meter_removal_flag_written_by_the_transform_fits_its_column():
    sql = (steps.SQL_DIR / "ci_sp_mtr_evt.sql").read_text()
    flags = re.search(r"CASE ev.event WHEN 'INSTALL' THEN '(\w+)' ELSE '(\w+)' END AS MTR_ON_OFF_FLG", sql).groups()
    assert all(len(f.encode()) <= ccb.CI_SP_MTR_EVT.column("MTR_ON_OFF_FLG").length for f in flags)


def test_legacy_text_limits_count_utf8_bytes():
    con = duckdb.connect()
    con.execute("CREATE SCHEMA legacy")
    con.execute("CREATE TABLE legacy.customers (_wave VARCHAR, _rec BIGINT, mail_state VARCHAR)")
    con.execute("INSERT INTO legacy.customers VALUES ('w1', 1, 'ÉÉÉ'), ('w1', 2, 'ÉÉÉÉ'), ('w1', 3, 'ABCDEF')")
    rule = next(q for q in generated_rules(LEGACY_FILES["customers"]) if "'MAX_LENGTH', 'mail_state'" in q)
    got = con.execute(rule, {"wave": "w1"}).fetchall()
    assert [(r[0], r[4]) for r in got] == [(2, "mail_state is longer than 6 bytes (UTF-8: 8)")]
