"""Scenario 6 (CC&B and MSCS -> CCS) end to end through the CLI and Dagster: the MSCS clone copied into the target
(step 3), the partition gap created (4a), the CC&B configuration's differences applied and reported (4b), master and
transactional data in two waves, steps 8-11 linking every CC&B record the clone knows instead of creating it twice,
only what MDM lacks created, the clone's conflicts listed with both keys, an identical rerun."""

from __future__ import annotations

import collections
import json
import re

import dagster as dg
import duckdb
import pytest

from ccs_assets.catalog import ccb_admin, mdm, odm

SCENARIO = "ccb-mscs-to-ccs"
WAVES = ("wave-01", "wave-02")
KEYED = ("D1_CONTACT", "D1_SP", "D1_US", "D1_DVC", "D1_DVC_CFG", "D1_MEASR_COMP", "D1_INSTALL_EVT", "W1_NODE", "W1_ASSET")
# identifier that ties an MDM record to its CC&B record: (table, key, type column, type)
TIES = {"D1_CONTACT": ("D1_CONTACT_IDENTIFIER", "CONTACT_ID", "CONTACT_ID_TYPE_FLG", "D1EI"),
        "D1_SP": ("D1_SP_IDENTIFIER", "D1_SP_ID", "SP_ID_TYPE_FLG", "D1EI"),
        "D1_US": ("D1_US_IDENTIFIER", "US_ID", "US_ID_TYPE_FLG", "D2EI")}


def partitions_created(cli) -> list[dict]:
    """Step 4a's `created` metadata of every materialization, oldest first (from the run's Dagster instance)."""
    instance = dg.DagsterInstance.from_config(str(cli.home / "dagster"))
    try:
        events = instance.fetch_materializations(dg.AssetKey(["ccb_mscs", "partitions", "ilm"]), limit=10).records
        return [e.asset_materialization.metadata["created"].value for e in reversed(events)]
    finally:
        instance.dispose()


def config_reports(cli) -> tuple[list[dict[str, dict]], dict[str, str | None]]:
    """Step 4b's materializations per run, oldest first ({admin table: {added, changed, unchanged, target_only,
    applied}}), and the latest status of each admin table's used-code check."""
    from ccs_assets.catalog import ccb_admin

    instance = dg.DagsterInstance.from_config(str(cli.home / "dagster"))
    try:
        runs: dict[str, dict] = {}
        for t in ccb_admin.tables():
            for e in instance.fetch_materializations(dg.AssetKey(["ccb_mscs", "config", t.name.lower()]), limit=10).records:
                md = e.asset_materialization.metadata
                runs.setdefault(e.run_id, {"_at": 0})[t.name] = {k: md[k].value for k in ("added", "changed", "unchanged",
                                                                                           "target_only", "applied")}
                runs[e.run_id]["_at"] = max(runs[e.run_id]["_at"], e.timestamp)
        checks = {}
        for a in ccb_admin.ADMIN_TABLES:
            r = instance.event_log_storage.get_latest_asset_check_execution_by_key(
                [dg.AssetCheckKey(dg.AssetKey(["ccb_mscs", "config", a.name.lower()]), "every_used_code_in_target")])
            checks[a.name] = next(iter(r.values())).status.value if r else None
    finally:
        instance.dispose()
    ordered = [{k: v for k, v in r.items() if k != "_at"} for r in sorted(runs.values(), key=lambda r: r["_at"])]
    return ordered, checks


def mdm_state(cli) -> dict:
    """Every MDM/ODM row of the target, the key map and the links, as sorted tuples per table."""
    with cli.target() as con:
        out = {t.name: sorted(con.execute(f"SELECT * FROM cisadm.{t.name}").fetchall(), key=repr)
               for t in mdm.MDM_TABLES + odm.ODM_TABLES}
        for name in ("CCS_X1_KEY_MAP", "CCS_X1_LINK", "CCS_X1_CONFLICT"):
            out[name] = sorted(con.execute(f"SELECT * FROM cisstg.{name}").fetchall(), key=repr)
    return out


@pytest.mark.heavy
def test_mscs_clone_linked_not_duplicated(cli, tmp_path):
    src = tmp_path / "source"
    out = cli("generate-source", "--scenario", SCENARIO, str(src), "--customers", "120", "--waves", "2", "--months", "2",
              "--seed", "11").stdout
    assert (src / "ccb.duckdb").is_file() and (src / "mscs.duckdb").is_file()
    assert "TYPE_DIFFERS 2, CCB_RECORD_MISSING 2, BOUND_TO_OTHER_ASSET 2" in out, out
    differences = dict((k, int(v)) for k, v in re.findall(r"(missing|changed|equal|target_only) (\d+)", out.split(
        "CC&B admin rows against the source: ")[1].splitlines()[0]))
    assert differences["missing"] > 0 and differences["changed"] > 0 and differences["target_only"] > 0, differences
    with duckdb.connect(str(src / "mscs.duckdb"), read_only=True) as m:
        clone = {t: m.execute(f"SELECT count(*) FROM cisadm.{t}").fetchone()[0] for t in KEYED}
        clone_sps = sorted(m.execute("SELECT * FROM cisadm.D1_SP").fetchall(), key=repr)
    with duckdb.connect(str(src / "ccb.duckdb"), read_only=True) as c:
        ccb_sps = c.execute("SELECT count(*) FROM cisadm.CI_SP").fetchone()[0]
    assert 0 < clone["D1_SP"] < ccb_sps, "MSCS knows part of CC&B's service points"

    cli("waves", "sync", "--source", str(src))
    for wave in WAVES:
        cli("run", "--scenario", SCENARIO, "--source", str(src), "--wave", wave)
    reports = {w: json.loads(cli("reconcile", "--wave", w, "--format", "json").stdout) for w in WAVES}
    for w, r in reports.items():
        assert r["problems"] == [], w
    text = cli("reconcile", "--wave", "wave-02").stdout
    assert "linked" in text and "CONFLICT W1_ASSET BOUND_TO_OTHER_ASSET" in text

    x1 = {t: {k: sum(r["mdm_odm"][t][k] for r in reports.values()) for k in ("ccb_rows", "linked", "created", "rows")}
          for t in KEYED}
    for t in KEYED:  # MSCS knew part of every kind of record: both linked and created ones
        assert x1[t]["linked"] > 0 and x1[t]["created"] > 0, (t, x1[t])
        assert x1[t]["rows"] == x1[t]["created"], t
    conflicts = [c for r in reports.values() for c in r["conflicts"]]
    kinds = collections.Counter((c["mdm_table"], c["rule"]) for c in conflicts)
    assert kinds[("D1_SP", "TYPE_DIFFERS")] == 2 and kinds[("W1_ASSET", "BOUND_TO_OTHER_ASSET")] == 2, kinds
    assert kinds[("D1_SP", "CCB_RECORD_MISSING")] >= 2, kinds  # listed by every wave (the source never holds them)
    assert all(c["mdm_key"].strip() and c["ccb_key"].strip() for c in conflicts), "both keys of every conflict"

    with cli.target() as con:
        for t in KEYED:  # nothing created twice: target = clone + created (+ X1-MIGAD's store node)
            have = con.execute(f"SELECT count(*) FROM cisadm.{t} WHERE {t[3:]}_ID NOT IN (SELECT OWNER_KEY FROM "
                               f"cisadm.CCS_WAVE_LEDGER WHERE WAVE = 'X1-MIGAD')" if t == "W1_NODE" else
                               f"SELECT count(*) FROM cisadm.{t}").fetchone()[0]
            assert have == clone[t] + x1[t]["created"], t
        for t, (id_table, key, flag_col, flag) in TIES.items():  # one MDM record per CC&B record
            dups = con.execute(f"SELECT ID_VALUE, count(DISTINCT {key}) FROM cisadm.{id_table} WHERE {flag_col} = '{flag}' "
                               f"GROUP BY ID_VALUE HAVING count(DISTINCT {key}) > 1").fetchall()
            assert dups == [], (t, dups[:5])
        assert con.execute("SELECT count(*) FROM cisstg.CCS_X1_KEY_MAP k JOIN cisstg.CCS_X1_LINK l ON l.MDM_TABLE = "
                           "k.MDM_TABLE AND l.CCB_KEY = k.CCB_KEY AND l.MDM_KEY <> k.MDM_KEY").fetchone()[0] == 0
        kept = sorted(con.execute("SELECT * FROM cisadm.D1_SP WHERE D1_SP_ID NOT IN (SELECT OWNER_KEY FROM "
                                  "cisadm.CCS_WAVE_LEDGER WHERE TABLE_NAME = 'D1_SP')").fetchall(), key=repr)
    assert kept == clone_sps, "the clone's own rows are never touched"

    first, second = partitions_created(cli)  # step 4a: the clone's partition gap found and created before any load
    assert {"CI_BILL_P2025DEC", "CI_BSEG_P2025DEC"} <= set(first.get("CI_BILL", []) + first.get("CI_BSEG", [])), first
    assert second == {}, "the next wave finds nothing missing"
    with cli.target() as con:
        parts = dict(con.execute("SELECT TABLE_NAME, count(*) FROM cisstg.CCS_ILM_PARTITION GROUP BY ALL").fetchall())
    assert parts["CI_BILL"] == 48 + 1, parts  # 48 provisioned months with one gap, the gap created, and PMAX

    # step 4b: the configuration differences applied by the first wave and reported, nothing left for the second
    (first, second), checks = config_reports(cli)
    assert sum(r["added"] for r in first.values()) == differences["missing"], first
    assert sum(r["changed"] for r in first.values()) == differences["changed"], first
    assert sum(r["unchanged"] for r in first.values()) == differences["equal"], first
    assert sum(r["target_only"] for r in first.values()) == differences["target_only"], first
    assert all(r["added"] == r["changed"] == r["applied"] == 0 for r in second.values()), second
    assert set(checks.values()) == {"SUCCEEDED"}, checks
    with cli.target() as con:  # every source admin row in the target as the source has it; the target's own kept
        con.execute(f"ATTACH '{src / 'ccb.duckdb'}' AS ccb (READ_ONLY)")
        for t in ccb_admin.tables():
            cols = ", ".join(c.name for c in t.columns if c.name != "VERSION")
            assert con.execute(f"SELECT count(*) FROM (SELECT {cols} FROM ccb.cisadm.{t.name} EXCEPT "
                               f"SELECT {cols} FROM cisadm.{t.name})").fetchone()[0] == 0, t.name
        con.execute("DETACH ccb")

    before = mdm_state(cli)
    cli("run", "--scenario", SCENARIO, "--source", str(src), "--wave", "wave-01")
    assert mdm_state(cli) == before, "a rerun is identical (the clone is not copied twice)"

    # a code wave-01 uses that neither configuration holds any more: step 4b's check stops the wave before its extract
    with duckdb.connect(str(src / "ccb.duckdb")) as c:
        div, typ = c.execute(f"""SELECT s.CIS_DIVISION, s.SA_TYPE_CD FROM cisadm.CI_SA s
            JOIN read_csv('{src / 'wave_plan.csv'}', all_varchar = true) p ON p.acct_id = s.ACCT_ID
            WHERE p.wave = 'wave-01' ORDER BY 1, 2 LIMIT 1""").fetchone()
        for t in ("CI_SA_TYPE_L", "CI_SA_TYPE"):
            c.execute(f"DELETE FROM cisadm.{t} WHERE CIS_DIVISION = ? AND SA_TYPE_CD = ?", [div, typ])
    with duckdb.connect(str(cli.home / "target.duckdb")) as t:
        for name in ("CI_SA_TYPE_L", "CI_SA_TYPE"):
            t.execute(f"DELETE FROM cisadm.{name} WHERE CIS_DIVISION = ? AND SA_TYPE_CD = ?", [div, typ])
    failed = cli("run", "--scenario", SCENARIO, "--source", str(src), "--wave", "wave-01", check=False)
    assert failed.returncode == 1 and f"every_used_code_in_target: CI_SA.CIS_DIVISION+SA_TYPE_CD {div}/{typ}" in \
        failed.stderr, failed.stderr[-2000:]
    errors = cli("errors", "--wave", "wave-01", "--format", "csv").stdout
    assert f"config,CI_SA,,CODE_NOT_IN_TARGET,CIS_DIVISION+SA_TYPE_CD,{div}/{typ}," in errors, errors[-2000:]
    instance = dg.DagsterInstance.from_config(str(cli.home / "dagster"))
    try:
        extracts = instance.fetch_materializations(dg.AssetKey(["ccb_mscs", "extract", "ci_sa"]), limit=10).records
    finally:
        instance.dispose()
    assert len(extracts) == 3, "the failed run extracted nothing (two waves and the rerun did)"
