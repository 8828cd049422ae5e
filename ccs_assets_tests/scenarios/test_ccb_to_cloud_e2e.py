"""Scenario 5 (CC&B -> CC&B Cloud Service) end to end through the CLI and Dagster: master and transactional data in
two waves (on DuckDB, and on Oracle Database when CCS_ORACLE_* are set), every source row in production once with its
key, balances per SA the same, tenders on the conversion tender control, the financial reconciliation held, an
identical rerun; and a bad source showing every case of the issue's "Bad input" (DuckDB)."""

from __future__ import annotations

import json
import shutil

import dagster as dg
import duckdb
import pytest

from ccs_assets.catalog import ccb, ccb_txn
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.resource import TargetSession
from ccs_assets.target.schema import ensure_target_schema, ensure_tables, transactional_production_tables
from ccs_assets.validate import financial

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
def test_master_and_transactions_in_two_waves(target, cli, tmp_path):
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
    # step 5's financial reconciliation ran as blocking checks in every run and held
    instance = dg.DagsterInstance.from_config(str(cli.home / "dagster"))
    try:
        for name in [*financial.RULES.values(), "tenders_on_conversion_control"]:
            ck = dg.AssetCheckKey(dg.AssetKey(["ccb_to_cloud", "validate", "production"]), name)
            history = instance.event_log_storage.get_asset_check_execution_history(ck, limit=10)
            assert len(history) == 3 and all(rec.evaluation and rec.evaluation.passed for rec in history), name
            assert all(rec.evaluation.metadata["checked"].value > 0 for rec in history if name != "tenders_on_conversion_control")
    finally:
        instance.dispose()
    assert not [e for w in ("wave-01", "wave-02") for e in _errors(cli, w) if e["step"] == "financial"]


def _errors(cli, wave: str) -> list[dict]:
    return json.loads(cli("errors", "--wave", wave, "--format", "json").stdout)


def _plant(cli, source, table: ccb_txn.Table, where: str, **replace: str) -> None:
    """Production as another system left it: a copy of a source row with some columns replaced (tables provisioned
    first, as the first run would)."""
    con = duckdb.connect(str(cli.home / "target.duckdb"))
    try:
        s = TargetSession(con, DUCKDB, "cisstg", "cisadm")
        ensure_target_schema(s)
        ensure_tables(s, "cisadm", transactional_production_tables())
        con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
        cols = table.column_names
        exprs = ", ".join(replace.get(c, c) for c in cols)
        con.execute(f"INSERT INTO cisadm.{table.name} ({', '.join(cols)}) SELECT {exprs} FROM src.cisadm.{table.name} "
                    f"WHERE {where}")
    finally:
        con.close()


@pytest.mark.heavy
def test_bad_source_names_every_case_and_loses_nothing_valid(cli, tmp_path):
    good = tmp_path / "good"
    cli("generate-source", "--scenario", SCENARIO, str(good), "--customers", "40", "--months", "3", "--seed", "9")
    bad = tmp_path / "bad"
    shutil.copytree(good, bad)
    with duckdb.connect(str(bad / "ccb.duckdb")) as s:
        one = lambda sql: s.execute(sql).fetchone()  # noqa: E731
        dup_ft = one("SELECT min(FT_ID) FROM cisadm.CI_FT WHERE FT_TYPE_FLG = 'BS'")[0]
        s.execute(f"INSERT INTO cisadm.CI_FT SELECT * FROM cisadm.CI_FT WHERE FT_ID = '{dup_ft}'")  # duplicate key
        orphan_bill = one("SELECT max(BILL_ID) FROM cisadm.CI_BILL")[0]
        s.execute(f"UPDATE cisadm.CI_BILL SET ACCT_ID = '9999999999' WHERE BILL_ID = '{orphan_bill}'")  # orphan foreign key
        lost_ft = one("SELECT max(FT_ID) FROM cisadm.CI_FT WHERE FT_TYPE_FLG = 'PS'")[0]
        s.execute(f"UPDATE cisadm.CI_FT SET SIBLING_ID = '999999999999' WHERE FT_ID = '{lost_ft}'")  # its parent is missing
        collide_pay = one("SELECT min(PAY_ID) FROM cisadm.CI_PAY")[0]
        # an account none of the cases above touches: production will hold one FT of its SA that the source lacks
        amt_acct, amt_ft = one(f"""SELECT s.ACCT_ID, max(f.FT_ID) FROM cisadm.CI_FT f JOIN cisadm.CI_SA s USING (SA_ID)
            WHERE f.FREEZE_SW = 'Y' AND f.FT_TYPE_FLG = 'BS' AND s.ACCT_ID NOT IN (SELECT ACCT_ID FROM cisadm.CI_PAY
            WHERE PAY_ID = '{collide_pay}' UNION ALL SELECT ACCT_ID FROM cisadm.CI_BILL WHERE BILL_ID = '{orphan_bill}')
            AND s.SA_ID NOT IN (SELECT SA_ID FROM cisadm.CI_FT WHERE FT_ID IN ('{dup_ft}', '{lost_ft}'))
            GROUP BY s.ACCT_ID ORDER BY 1 LIMIT 1""")
        assert one("SELECT count(*) FROM cisadm.CI_FT WHERE FT_ID = '888888888888'")[0] == 0
        source_fts = {r[0] for r in s.execute("SELECT DISTINCT FT_ID FROM cisadm.CI_FT").fetchall()}
        source_accts = one("SELECT count(*) FROM cisadm.CI_ACCT")[0]
    # a key already in production that this tool did not load (another account's payment), and an FT on a migrated SA
    # that is not the source's: the wave's money cannot reconcile
    _plant(cli, good / "ccb.duckdb", ccb_txn.CI_PAY, f"PAY_ID = '{collide_pay}'", ACCT_ID="'7777777777'", PAY_AMT="1.00")
    _plant(cli, good / "ccb.duckdb", ccb_txn.CI_FT, f"FT_ID = '{amt_ft}'", FT_ID="'888888888888'", CUR_AMT="12.34",
           TOT_AMT="12.34")
    cli("waves", "sync", "--source", str(bad))

    # the reject gate: nothing reaches production
    failed = cli("run", "--scenario", SCENARIO, "--source", str(bad), "--wave", "all", check=False, CCS_REJECT_THRESHOLD="0")
    assert failed.returncode == 1 and "reject_rate_below_threshold" in failed.stderr
    errors = _errors(cli, "all")
    found = {(e["step"], e["table_name"], (e["legacy_key"] or "").strip(), e["rule"], e["column_name"]) for e in errors}
    assert {("extract", "CI_FT", dup_ft, "DUPLICATE_KEY", "FT_ID"), ("extract", "CI_BILL", orphan_bill, "ORPHAN_FK", "ACCT_ID"),
            ("extract", "CI_FT", lost_ft, "ORPHAN_FK", "SIBLING_ID"),
            ("load", "CI_PAY", collide_pay, "KEY_COLLISION", "PAY_ID")} <= found, found
    by_rule = {(e["table_name"], e["rule"]): e["message"] for e in errors}
    assert "CI_BSEG" in {t for t, r in by_rule if r == "PARENT_REJECTED"}, "a rejected bill's segments go with it"
    assert {"CI_PAY_SEG", "CI_FT"} <= {t for (t, r) in by_rule if r == "PARENT_REJECTED"}, \
        "a colliding payment's segments and their FTs (by FT_TYPE_FLG) go with it"
    assert "FT_TYPE_FLG PS/PX" in by_rule[("CI_FT", "ORPHAN_FK")] and "999999999999" in by_rule[("CI_FT", "ORPHAN_FK")]
    assert "already exists in production (data this tool did not load)" in by_rule[("CI_PAY", "KEY_COLLISION")]
    with cli.target() as t:
        assert t.execute("SELECT count(*) FROM cisadm.CI_ACCT").fetchone()[0] == 0, "nothing reached production"
        assert t.execute("SELECT count(*), min(FT_ID) FROM cisadm.CI_FT").fetchone() == (1, "888888888888")

    # under the threshold: the valid rows reach production; step 5's financial reconciliation names the one account
    # whose money differs (rows the wave rejected on purpose are left out of the source side, so they do not)
    failed = cli("run", "--scenario", SCENARIO, "--source", str(bad), "--wave", "all", check=False, CCS_REJECT_THRESHOLD="1")
    assert failed.returncode == 1 and "ft_sa_balance" in failed.stderr, failed.stderr[-2000:]
    financial = {(e["table_name"], e["legacy_key"], e["rule"]) for e in _errors(cli, "all") if e["step"] == "financial"}
    assert financial == {("CI_FT", amt_acct, "FT-SA-BALANCE"), ("CI_FT", amt_acct, "FT-ACCT-BALANCE")}, financial
    sa_row = next(e for e in _errors(cli, "all") if e["rule"] == "FT-SA-BALANCE")
    diff = dict(kv.split("=") for kv in sa_row["value"].split(", "))
    assert int(diff["TGT_CUR"]) - int(diff["SRC_CUR"]) == 1234 and sa_row["message"].endswith("amounts in cents"), sa_row
    r = json.loads(cli("reconcile", "--wave", "all", "--format", "json").stdout)
    assert r["problems"] == [], "source = production + rejected, per table"
    rejected = {(e["legacy_key"] or "").strip() for e in _errors(cli, "all") if e["table_name"] in ("CI_FT", "CI_FT_GL")
                and e["step"] in ("extract", "load")}
    with cli.target() as t:
        prod_fts = {r[0] for r in t.execute("SELECT FT_ID FROM cisadm.CI_FT").fetchall()}
        assert t.execute("SELECT count(*) FROM cisadm.CI_ACCT").fetchone()[0] == source_accts
        assert t.execute(f"SELECT ACCT_ID, PAY_AMT FROM cisadm.CI_PAY WHERE PAY_ID = '{collide_pay}'").fetchall() == \
            [("7777777777", 1)], "a colliding key is never overwritten"
    assert {dup_ft, lost_ft} <= rejected
    assert prod_fts == (source_fts - rejected) | {"888888888888"}, "every valid FT is in production, nothing else lost"

    # structure: a missing table and a missing foreign-key column stop steps 1-2; an unreachable source too
    with duckdb.connect(str(bad / "ccb.duckdb")) as s:
        s.execute("DROP TABLE cisadm.CI_ADJ")
        s.execute("ALTER TABLE cisadm.CI_PAY_SEG DROP COLUMN PAY_ID")
    failed = cli("run", "--scenario", SCENARIO, "--source", str(bad), "--wave", "all", check=False)
    assert failed.returncode == 1 and "source_readable" in failed.stderr
    found = {(e["step"], e["table_name"], e["rule"], e["column_name"]) for e in _errors(cli, "all")}
    assert {("source", "CI_ADJ", "SOURCE_TABLE_MISSING", None),
            ("source", "CI_PAY_SEG", "SOURCE_KEY_COLUMN_MISSING", "PAY_ID")} <= found, found
    failed = cli("run", "--scenario", SCENARIO, "--source", str(bad), "--wave", "all", check=False,
                 CCS_SOURCE_CCB=str(tmp_path / "nowhere.duckdb"))
    assert failed.returncode == 1
    assert any(e["rule"] == "SOURCE_UNREACHABLE" and "nowhere.duckdb" in e["message"] for e in _errors(cli, "all"))
    with cli.target() as t:
        assert {r[0] for r in t.execute("SELECT FT_ID FROM cisadm.CI_FT").fetchall()} == prod_fts, \
            "a source that cannot be read leaves production as it was"
