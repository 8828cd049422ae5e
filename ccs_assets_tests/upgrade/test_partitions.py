"""Fast: step 4a's plan (which month is missing, which partition it is split out of) and the rehearsal's creation."""

from datetime import date

import duckdb

from ccs_assets.catalog import ccb_txn
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.resource import TargetSession
from ccs_assets.upgrade import partitions as part


def test_missing_months_are_split_out_of_the_partition_covering_them():
    names = [n for _, n, _ in part.provisioned([ccb_txn.CI_BILL], date(2025, 12, 1), 3, {"CI_BILL": date(2025, 11, 1)})]
    assert names == ["CI_BILL_P2025OCT", "CI_BILL_P2025DEC", "CI_BILL_PMAX"]
    p = part.plan("CI_BILL", [date(2025, 9, 1), date(2025, 11, 1), date(2026, 1, 1)], names)
    assert [(m["month"], m["partition"], m["split"]) for m in p["missing"]] == [
        ("2025-09-01", "CI_BILL_P2025SEP", "CI_BILL_P2025OCT"),  # below the lowest: out of the lowest
        ("2025-11-01", "CI_BILL_P2025NOV", "CI_BILL_P2025DEC"),  # the gap: out of the month above
        ("2026-01-01", "CI_BILL_P2026JAN", "CI_BILL_PMAX")]      # above: out of the catch-all
    assert part.plan("CI_BILL", [date(2025, 10, 1)], names)["missing"] == []


def test_a_non_empty_catch_all_is_never_split_and_the_report_says_what_to_ask():
    class Counting:  # an Oracle session whose PMAX holds rows: only the count runs
        dialect = type("D", (), {"name": "oracle"})()
        prod = "CISADM"

        def __init__(self):
            self.sql = []

        def scalar(self, sql, **kw):
            self.sql.append(sql)
            return 5

        def execute(self, sql, **kw):
            self.sql.append(sql)

    s = Counting()
    p = part.plan("CI_BILL", [date(2026, 1, 1)], ["CI_BILL_P2025DEC", "CI_BILL_PMAX"])
    refused = part.create_missing(s, [p])
    assert [r["partition"] for r in refused] == ["CI_BILL_P2026JAN"] and "ask Oracle" in refused[0]["why"]
    assert not any(x.startswith("ALTER") for x in s.sql), "nothing split"


def test_rehearsal_records_what_it_creates():
    con = duckdb.connect()
    con.execute("CREATE SCHEMA cisstg")
    s = TargetSession(con, DUCKDB, "cisstg", "cisadm")
    assert part.existing_partitions(s) == {}
    p = part.plan("CI_BILL", [date(2025, 12, 1)], ["CI_BILL_P2025NOV", "CI_BILL_PMAX"])
    assert part.create_missing(s, [p]) == []
    assert part.existing_partitions(s) == {"CI_BILL": ["CI_BILL_P2025DEC"]}
