"""Scenario 5 (CC&B -> CC&B Cloud Service) end to end through the CLI and Dagster: master and transactional data in
two waves, every source row in production once with its key, balances per SA the same, tenders on the conversion
tender control, and an identical rerun."""

from __future__ import annotations

import json

import duckdb
import pytest

from ccs_assets.catalog import ccb, ccb_txn

SCENARIO = "ccb-to-ccb-cloud"
TABLES = ccb.CCB_TABLES + tuple(t for t in ccb_txn.LOAD_ORDER if t not in ccb.CCB_TABLES and t not in ccb_txn.CONTROL_TABLES)
BALANCES = ("SELECT SA_ID, sum(CUR_AMT), sum(TOT_AMT) FROM cisadm.CI_FT WHERE FREEZE_SW = 'Y' GROUP BY SA_ID")


def production(cli, wave: str) -> dict:
    out = {}
    with cli.target() as con:
        for t in TABLES:
            out[t.name] = sorted(con.execute(
                f"SELECT * FROM cisadm.{t.name} WHERE {t.owner_column} IN (SELECT OWNER_KEY FROM cisadm.CCS_WAVE_LEDGER "
                f"WHERE WAVE = ? AND TABLE_NAME = ?)", [wave, t.name]).fetchall(), key=repr)
    return out


@pytest.mark.heavy
def test_master_and_transactions_in_two_waves(cli, tmp_path):
    src = tmp_path / "source"
    cli("generate-source", "--scenario", SCENARIO, str(src), "--customers", "40", "--waves", "2", "--months", "3",
        "--seed", "11")
    cli("waves", "sync", "--source", str(src))
    for wave in ("wave-01", "wave-02"):
        cli("run", "--scenario", SCENARIO, "--source", str(src), "--wave", wave)
    with duckdb.connect(str(src / "ccb.duckdb"), read_only=True) as s:
        source = {t.name: s.execute(f"SELECT count(*) FROM cisadm.{t.name}").fetchone()[0] for t in TABLES}
        balances = sorted(s.execute(BALANCES).fetchall())
    assert source["CI_FT"] and source["CI_BILL"] and source["CI_PAY_TNDR"], "the source has a transactional history"
    reports = {w: json.loads(cli("reconcile", "--wave", w, "--format", "json").stdout) for w in ("wave-01", "wave-02")}
    for w, r in reports.items():
        assert r["problems"] == [], w
    for t in TABLES:  # every source row is in production exactly once
        assert sum(r["tables"][t.name]["production"] for r in reports.values()) == source[t.name], t.name
    with cli.target() as con:
        assert sorted(con.execute(BALANCES).fetchall()) == balances, "every SA's balance is the source's"
        controls = con.execute("SELECT TNDR_CTL_ID, DEP_CTL_ID, TNDR_SOURCE_CD FROM cisadm.CI_TNDR_CTL").fetchall()
        assert [tuple(str(v).strip() for v in c) for c in controls] == [("9000000001", "9000000001", "CONVERSION")]
        assert con.execute("SELECT count(DISTINCT TNDR_CTL_ID) FROM cisadm.CI_PAY_TNDR").fetchone()[0] == 1
    first, second = production(cli, "wave-01"), production(cli, "wave-02")
    cli("run", "--scenario", SCENARIO, "--source", str(src), "--wave", "wave-01")
    assert production(cli, "wave-01") == first and production(cli, "wave-02") == second, "a rerun is identical"
