"""The plan check: a required file holding far less than the wave expects of it stops the wave, naming the file."""

from __future__ import annotations

import duckdb

from ccs_assets.catalog.legacy import LEGACY_FILES
from ccs_assets.landing.reader import legacy_table_ddl
from ccs_assets.waves.plan_check import shortfalls
from ccs_assets.workbench.resource import ensure_workbench_schema


def workbench():
    con = duckdb.connect()
    ensure_workbench_schema(con)
    for f in LEGACY_FILES.values():
        con.execute(legacy_table_ddl(f))
    return con


def test_truncated_accounts_and_agreements_files_are_named_and_a_complete_wave_passes():
    con = workbench()
    con.execute("INSERT INTO legacy.wave_plan (_wave, _rec, _line, acct_no, wave) "
                "SELECT 'w1', i, i + 1, 'A' || i, 'w1' FROM range(10) t(i)")
    con.execute("INSERT INTO legacy.accounts (_wave, _rec, _line, acct_no) SELECT 'w1', i, i + 1, 'A' || i FROM range(3) t(i)")
    con.execute("INSERT INTO wb.ownership SELECT 'w1', 'accounts', 'A' || i, 'w1' FROM range(3) t(i)")
    short = {s["file"]: s for s in shortfalls(con, "w1")}
    assert set(short) == {"accounts.csv", "service_agreements.csv"}
    assert short["accounts.csv"]["rule"] == "ENTITY_BELOW_PLAN" and (short["accounts.csv"]["found"], short["accounts.csv"]["reached"]) == (3, 10)
    assert short["accounts.csv"]["message"].startswith("accounts.csv covers 3 of the 10 accounts wave_plan.csv puts in wave w1")
    assert short["service_agreements.csv"]["rule"] == "ENTITY_MISSING"

    con.execute("INSERT INTO legacy.accounts (_wave, _rec, _line, acct_no) SELECT 'w1', i, i + 1, 'A' || i FROM range(3, 10) t(i)")
    con.execute("INSERT INTO wb.ownership SELECT 'w1', 'accounts', 'A' || i, 'w1' FROM range(3, 10) t(i)")
    con.execute("INSERT INTO legacy.service_agreements (_wave, _rec, _line, sa_no, acct_no) "
                "SELECT 'w1', i, i + 1, 'S' || i, 'A' || i FROM range(6) t(i)")  # 6 of 10 accounts: above the floor
    assert shortfalls(con, "w1") == []
    assert shortfalls(con, "w2") == []  # a wave the plan does not name expects nothing
