"""SQL*Loader log and bad-file parsing."""

from __future__ import annotations

import pytest

from ccs_assets.service.sqlloader import SqlLoaderLogError, count_bad_records, parse_log, render_log

# the layout Oracle's SQL*Loader writes (abridged: header lines the parser does not read are left out)
REAL_LAYOUT = """SQL*Loader: Release 19.0.0.0.0 - Production on Tue Dec 1 03:00:00 2026

Control File:   CI_PREM.ctl
Data File:      CI_PREM.dat
  Bad File:     CI_PREM.bad

Table "CISSTG"."CI_PREM", loaded from every logical record.
Insert option in effect for this table: APPEND

Record 7: Rejected - Error on table "CISSTG"."CI_PREM", column POSTAL.
ORA-12899: value too large for column "CISSTG"."CI_PREM"."POSTAL" (actual: 14, maximum: 12)

Record 9: Rejected - Error on table "CISSTG"."CI_PREM", column PREM_ID.
ORA-01400: cannot insert NULL into ("CISSTG"."CI_PREM"."PREM_ID")


Table "CISSTG"."CI_PREM":
  1,998 Rows successfully loaded.
  2 Rows not loaded due to data errors.
  0 Rows not loaded because all WHEN clauses were failed.
  0 Rows not loaded because all fields were null.


Total logical records skipped:          0
Total logical records read:          2000
Total logical records rejected:         2
Total logical records discarded:        0
"""


def test_parses_counts_and_reasons():
    r = parse_log(REAL_LAYOUT, "CI_PREM.log")  # some releases group digits: 1,998
    assert r["tables"] == {"CI_PREM": {"loaded": 1998, "rejected": 2, "not_selected": 0, "all_null": 0}}
    assert r["totals"] == {"skipped": 0, "read": 2000, "rejected": 2, "discarded": 0}
    assert [x["record"] for x in r["rejects"]] == [7, 9]
    assert r["rejects"][0]["reason"].startswith("ORA-12899: value too large for column")
    assert "column PREM_ID" in r["rejects"][1]["error"]


def test_round_trip_of_the_fake_layout():
    text = render_log("CI_PER", "CISSTG", "CI_PER.dat", 5, [(2, "PER_ID", "ORA-01400: x"), (4, None, "ORA-01722: y")])
    r = parse_log(text)
    assert r["tables"]["CI_PER"]["loaded"] == 5 and r["tables"]["CI_PER"]["rejected"] == 2
    assert [(x["record"], x["reason"]) for x in r["rejects"]] == [(2, "ORA-01400: x"), (4, "ORA-01722: y")]


def test_truncated_log_is_an_error_naming_it():
    with pytest.raises(SqlLoaderLogError, match="CI_PER.log: no 'Table ...:' statistics"):
        parse_log("SQL*Loader: Release 19\nRecord 1: Rejected - Error\n", "CI_PER.log")


def test_bad_file_records():
    assert count_bad_records(b'"1","a"\n"2","b"\n\n') == 2
    assert count_bad_records(b"") == 0
