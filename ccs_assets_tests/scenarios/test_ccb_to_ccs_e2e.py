"""Scenario 2 (CC&B -> CCS) end to end through the CLI and Dagster: two waves, counts from the source to production
and on to MDM/ODM, CC&B keys and unmodeled columns kept, an identical rerun, and every bad-source case."""

from __future__ import annotations

import csv
import json
import shutil

import duckdb
import pytest

from ccs_assets.catalog import ccb

SCENARIO = "ccb-to-ccs"


def production(cli, wave: str) -> dict:
    out = {}
    with cli.target() as con:
        for t in ccb.CCB_TABLES:
            out[t.name] = sorted(con.execute(
                f"SELECT * FROM cisadm.{t.name} WHERE {t.owner_column} IN (SELECT OWNER_KEY FROM cisadm.CCS_WAVE_LEDGER "
                f"WHERE WAVE = ? AND TABLE_NAME = ?)", [wave, t.name]).fetchall(), key=repr)
    return out


@pytest.mark.heavy
def test_two_waves_reconcile_to_mdm_and_rerun_is_identical(target, cli, tmp_path):
    src = tmp_path / "source"
    cli("generate-source", "--scenario", SCENARIO, str(src), "--customers", "80", "--waves", "2", "--seed", "5")
    assert (src / "ccb.duckdb").exists() and (src / "wave_plan.csv").exists()
    cli("waves", "sync", "--source", str(src))
    for wave in ("wave-01", "wave-02"):
        cli("run", "--scenario", SCENARIO, "--source", str(src), "--wave", wave)
    with duckdb.connect(str(src / "ccb.duckdb"), read_only=True) as s:
        source = {t.name: s.execute(f"SELECT count(*) FROM cisadm.{t.name}").fetchone()[0] for t in ccb.CCB_TABLES}
        accts = {r[0] for r in s.execute("SELECT ACCT_ID FROM cisadm.CI_ACCT").fetchall()}
        unmodeled = dict(s.execute("SELECT SA_ID, CUST_READ_SW FROM cisadm.CI_SA").fetchall())  # not in the catalog
    reports = {w: json.loads(cli("reconcile", "--wave", w, "--format", "json").stdout) for w in ("wave-01", "wave-02")}
    for w, r in reports.items():
        assert r["problems"] == [], w
        assert r["mdm_odm"]["D1_SP"]["rows"] > 0 and r["mdm_odm"]["D1_SP"]["rows"] == r["mdm_odm"]["D1_SP"]["mapped"]
    for t in ccb.CCB_TABLES:  # every source row is in production exactly once, in the wave of its account
        assert sum(r["tables"][t.name]["production"] for r in reports.values()) == source[t.name], t.name
    with cli.target() as con:
        prod = {r[0] for r in con.execute("SELECT ACCT_ID FROM cisadm.CI_ACCT").fetchall()}
        prod_unmodeled = dict(con.execute("SELECT SA_ID, CUST_READ_SW FROM cisadm.CI_SA").fetchall())
        k_rows = con.execute("SELECT count(*), min(ENV_ID), max(ENV_ID) FROM cisadm.CI_ACCT_K").fetchone()
    assert prod == accts, "CC&B keys kept"
    assert prod_unmodeled == unmodeled and set(unmodeled.values()) == {"N"}, "a column the catalog does not model travelled"
    assert k_rows == (len(accts), 100000, 100000)
    with open(src / "wave_plan.csv") as fh:
        plan = {r["acct_id"]: r["wave"] for r in csv.DictReader(fh)}
    first = production(cli, "wave-01")
    assert {r[0] for r in first["CI_ACCT"]} == {a for a, w in plan.items() if w == "wave-01"}
    second = production(cli, "wave-02")
    cli("run", "--scenario", SCENARIO, "--source", str(src), "--wave", "wave-01")
    assert production(cli, "wave-01") == first and production(cli, "wave-02") == second, "a rerun is identical"


def _errors(cli, wave: str) -> list[dict]:
    return json.loads(cli("errors", "--wave", wave, "--format", "json").stdout)


@pytest.mark.heavy
def test_bad_source_rejects_before_production_and_loses_nothing_valid(cli, tmp_path):
    good = tmp_path / "good"
    cli("generate-source", "--scenario", SCENARIO, str(good), "--customers", "60", "--seed", "9")
    bad = tmp_path / "bad"
    shutil.copytree(good, bad)
    with duckdb.connect(str(bad / "ccb.duckdb")) as s:
        per, sa, acct = (s.execute(f"SELECT min({k}) FROM cisadm.{t}").fetchone()[0]
                         for t, k in (("CI_PER", "PER_ID"), ("CI_SA", "SA_ID"), ("CI_ACCT", "ACCT_ID")))
        s.execute(f"INSERT INTO cisadm.CI_PER SELECT * FROM cisadm.CI_PER WHERE PER_ID = '{per}'")  # duplicate key
        s.execute(f"UPDATE cisadm.CI_SA SET ACCT_ID = '9999999999' WHERE SA_ID = '{sa}'")  # orphan foreign key
    # a key already in production that this tool did not load
    cli("waves", "sync", "--source", str(bad))
    cli("run", "--scenario", SCENARIO, "--source", str(good), "--wave", "all")  # provisions the target
    cli("rollback", "--wave", "all")
    with duckdb.connect(str(cli.home / "target.duckdb")) as t:  # the account as another system left it
        t.execute(f"ATTACH '{good / 'ccb.duckdb'}' AS src (READ_ONLY)")
        t.execute(f"INSERT INTO cisadm.CI_ACCT BY NAME SELECT * REPLACE ('X' AS BILL_CYC_CD) FROM src.cisadm.CI_ACCT "
                  f"WHERE ACCT_ID = '{acct}'")
    failed = cli("run", "--scenario", SCENARIO, "--source", str(bad), "--wave", "all", check=False, CCS_REJECT_THRESHOLD="0")
    assert failed.returncode == 1 and "reject_rate_below_threshold" in failed.stderr
    rules = {(e["table_name"], e["rule"]) for e in _errors(cli, "all")}
    assert {("CI_PER", "DUPLICATE_KEY"), ("CI_SA", "ORPHAN_FK"), ("CI_ACCT", "KEY_COLLISION")} <= rules, rules
    assert any(r == "PARENT_REJECTED" for _, r in rules), "rows pointing at a rejected key are rejected too"
    with cli.target() as t:
        assert t.execute("SELECT count(*) FROM cisadm.CI_PER").fetchone()[0] == 0, "nothing reached production"
        assert t.execute(f"SELECT BILL_CYC_CD FROM cisadm.CI_ACCT WHERE ACCT_ID = '{acct}'").fetchone() == ("X",)
    cli("run", "--scenario", SCENARIO, "--source", str(bad), "--wave", "all", CCS_REJECT_THRESHOLD="1")
    r = json.loads(cli("reconcile", "--wave", "all", "--format", "json").stdout)
    assert r["problems"] == []
    with duckdb.connect(str(bad / "ccb.duckdb"), read_only=True) as s:
        total = s.execute("SELECT count(*) FROM cisadm.CI_PER").fetchone()[0]
    assert r["tables"]["CI_PER"]["production"] == total - 2, "only the duplicated person is left out"
    with cli.target() as t:
        assert t.execute(f"SELECT BILL_CYC_CD FROM cisadm.CI_ACCT WHERE ACCT_ID = '{acct}'").fetchone() == ("X",), \
            "a colliding key is never overwritten"
        assert t.execute(f"SELECT count(*) FROM cisadm.CI_SA WHERE SA_ID = '{sa}'").fetchone()[0] == 0

    # structure: a column the target lacks, a missing table, an unreachable source
    with duckdb.connect(str(bad / "ccb.duckdb")) as s:
        s.execute("ALTER TABLE cisadm.CI_PREM ADD COLUMN CM_SURVEY_ZONE VARCHAR DEFAULT 'Z1'")
        s.execute("DROP TABLE cisadm.CI_ITEM")
    failed = cli("run", "--scenario", SCENARIO, "--source", str(bad), "--wave", "all", check=False)
    assert failed.returncode == 1
    found = {(e["step"], e["table_name"], e["rule"], e["column_name"]) for e in _errors(cli, "all")}
    assert ("source", "CI_ITEM", "SOURCE_TABLE_MISSING", None) in found, found
    failed = cli("run", "--scenario", SCENARIO, "--source", str(bad), "--wave", "all", check=False,
                 CCS_SOURCE_CCB=str(tmp_path / "nowhere.duckdb"))
    assert failed.returncode == 1
    assert any(e["rule"] == "SOURCE_UNREACHABLE" and "nowhere.duckdb" in e["message"] for e in _errors(cli, "all"))
