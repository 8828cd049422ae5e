"""Steps 1-12 end to end through the CLI: two waves reach MDM and ODM, counts reconcile from the legacy files to
ODM asset dispositions, and a rerun gives identical MDM/ODM keys and rows."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from ccs_assets.catalog import mdm, odm
from ccs_assets.cloud.counts import x1_counts, x1_problems
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.resource import TargetSession

X1 = mdm.MDM_TABLES + odm.ODM_TABLES


def x1_part(snapshot: dict) -> dict:
    """The MDM/ODM rows of a wave's snapshot (conftest.wave_snapshot), its key map and the admin tables."""
    return {name: snapshot[name] for name in [t.name for t in X1 + mdm.ADMIN_TABLES + odm.ADMIN_TABLES] + ["CCS_X1_KEY_MAP"]}


def counts(cli, wave: str) -> dict:
    with cli.target() as con:
        return x1_counts(TargetSession(con, DUCKDB, "cisstg", "cisadm"), wave)


@pytest.mark.heavy
@pytest.mark.parametrize("two_waves_rerun", ["duckdb"], indirect=True)
def test_two_waves_reach_mdm_and_odm_and_rerun_is_idempotent(two_waves_rerun, tmp_path):
    """Reads the session's shared run (conftest.two_waves_rerun): both waves, then wave-01 again."""
    tw = two_waves_rerun
    cli = tw.cli
    first, second = x1_part(tw.before["wave-01"]), x1_part(tw.before["wave-02"])
    assert all(first[t.name] for t in X1), [t.name for t in X1 if not first[t.name]]
    assert all(second[t.name] for t in (mdm.D1_CONTACT, mdm.D1_SP, mdm.D1_US, mdm.D1_INSTALL_EVT, odm.W1_NODE))

    # counts reconcile from the legacy files to ODM asset dispositions, for both waves
    for wave in ("wave-01", "wave-02"):
        rec = tw.reconcile_after[wave]
        assert not rec["problems"], rec["problems"]
        c = counts(cli, wave)
        assert not x1_problems(c, strict=True), x1_problems(c, strict=True)
        tables, files = rec["tables"], rec["files"]
        assert c["D1_CONTACT"]["rows"] == c["D1_CONTACT"]["ccb_rows"] == tables["CI_PER"]["production"]
        assert c["D1_CONTACT"]["ccb_rows"] == files["customers"]["accepted"] - tables["CI_PER"]["validate_rejected"]
        assert c["D1_SP"]["rows"] == tables["CI_SP"]["production"] == c["W1_NODE"]["rows"]
        assert c["D1_US"]["rows"] == tables["CI_SA"]["production"] == c["D1_US_CONTACT"]["rows"]
        assert c["D1_US_SP"]["rows"] == tables["CI_SA_SP"]["production"]
        assert c["D1_SP_IDENTIFIER"]["rows"] == 2 * c["D1_SP"]["rows"]
        devices = tables["CI_MTR"]["production"] + tables["CI_ITEM"]["production"]
        assert c["D1_DVC"]["rows"] == c["W1_ASSET"]["rows"] == devices
        assert c["D1_DVC_CFG"]["rows"] == tables["CI_MTR_CONFIG"]["production"] + tables["CI_ITEM"]["production"]
        assert c["D1_MEASR_COMP"]["rows"] == tables["CI_REG"]["production"]
        histories = tables["CI_SP_MTR_HIST"]["production"] + tables["CI_SP_ITEM_HIST"]["production"]
        legacy_histories = (files["meter_history"]["accepted"] + files["item_history"]["accepted"]
                            - tables["CI_SP_MTR_HIST"]["validate_rejected"] - tables["CI_SP_ITEM_HIST"]["validate_rejected"])
        assert c["D1_INSTALL_EVT"]["rows"] == histories == legacy_histories
        assert c["W1_ASSET_NODE"]["install_events_with_disposition"] == histories
        # and against the MDM data itself: SP -> node, install event -> disposition at that node, removal -> leaves it
        assert c["W1_ASSET_NODE"]["d1_install_events_at_sp_node"] == c["D1_INSTALL_EVT"]["rows"]
        assert c["W1_ASSET_NODE"]["d1_removals_with_disposition"] == c["W1_ASSET_NODE"]["d1_removals"] > 0
        assert c["W1_NODE"]["d1_sps_with_node"] == c["W1_NODE"]["d1_sps"] == c["D1_SP"]["rows"]
        assert all(r["not_migrated"] == 0 for r in c.values() if "not_migrated" in r)

    with cli.target() as con:
        # one 12-digit key space, never reused, a record followed across products
        keys = [k for (k,) in con.execute("SELECT MDM_KEY FROM cisstg.CCS_X1_KEY_MAP").fetchall()]
        assert len(keys) == len(set(keys)) and all(len(k) == 12 and k.isdigit() and k[0] != "0" for k in keys)
        sp_id, d1_sp_id, node_id = con.execute(
            "SELECT k.CCB_KEY, k.MDM_KEY, n.MDM_KEY FROM cisstg.CCS_X1_KEY_MAP k JOIN cisstg.CCS_X1_KEY_MAP n "
            "ON n.CCB_TABLE = 'CI_SP' AND n.CCB_KEY = k.CCB_KEY AND n.MDM_TABLE = 'W1_NODE' "
            "WHERE k.MDM_TABLE = 'D1_SP' ORDER BY k.CCB_KEY LIMIT 1").fetchone()
        assert con.execute("SELECT ID_VALUE FROM cisadm.D1_SP_IDENTIFIER WHERE D1_SP_ID = ? AND SP_ID_TYPE_FLG = 'D1EI'",
                           [d1_sp_id]).fetchone()[0] == sp_id.strip()
        assert con.execute("SELECT count(*) FROM cisadm.W1_NODE WHERE NODE_ID = ?", [node_id]).fetchone()[0] == 1
        # device <-> asset bound as the reference binds them: D1AS on the device, the same badge on both sides
        unbound = con.execute(
            "SELECT count(*) FROM cisadm.D1_DVC_IDENTIFIER d WHERE d.DVC_ID_TYPE_FLG = 'D1AS' AND NOT EXISTS "
            "(SELECT 1 FROM cisadm.W1_ASSET_IDENTIFIER a JOIN cisadm.D1_DVC_IDENTIFIER b ON b.D1_DEVICE_ID = d.D1_DEVICE_ID "
            "AND b.DVC_ID_TYPE_FLG = 'D1BN' WHERE a.ASSET_ID = d.ID_VALUE AND a.ASSET_ID_TYPE_FLG = 'W1BN' "
            "AND a.W1_ID_VALUE = b.ID_VALUE)").fetchone()[0]
        assert unbound == 0
        assert con.execute("SELECT count(*) FROM cisadm.W1_ASSET_IDENTIFIER WHERE ASSET_ID_TYPE_FLG = 'W1EI'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM cisadm.D1_DVC_IDENTIFIER WHERE DVC_ID_TYPE_FLG = 'D1AS'").fetchone()[0] \
            == con.execute("SELECT count(*) FROM cisadm.D1_DVC").fetchone()[0]
        # the asset's BO status follows its life: installed now <=> latest disposition installed
        wrong = con.execute(
            "SELECT count(*) FROM cisadm.W1_ASSET a JOIN cisadm.W1_ASSET_NODE n ON n.ASSET_ID = a.ASSET_ID AND n.CURR_ASSET_ID = a.ASSET_ID "
            "WHERE a.BO_STATUS_CD <> 'RETIRED' AND (a.BO_STATUS_CD = 'INSTALLED') <> (n.ASSET_DPOS_FLG = 'IN-INSTALLED')").fetchone()[0]
        assert wrong == 0
        assert {r[0] for r in con.execute("SELECT DISTINCT BO_STATUS_CD FROM cisadm.W1_ASSET").fetchall()} >= {"INSTALLED", "INSTORE"}
        assert {r[0] for r in con.execute("SELECT DISTINCT ASSET_DPOS_FLG FROM cisadm.W1_ASSET_NODE").fetchall()} \
            == {"IN-INSTALLED", "NI-REMOVED", "NI-INSTORE"}
        # one CURR_* pointer per asset that has dispositions
        assert con.execute("SELECT count(*) FROM (SELECT ASSET_ID FROM cisadm.W1_ASSET_NODE WHERE CURR_ASSET_ID <> ' ' "
                           "GROUP BY ASSET_ID HAVING count(*) <> 1)").fetchone()[0] == 0
        # a meter moved from a wave-01 SP to a wave-02 SP: one asset, installed at nodes of both waves
        moved = con.execute(
            "SELECT count(DISTINCT n.ASSET_ID) FROM cisadm.W1_ASSET_NODE n "
            "JOIN cisstg.CCS_X1_KEY_MAP a ON a.MDM_KEY = n.ASSET_ID AND a.WAVE = 'wave-01' "
            "JOIN cisstg.CCS_X1_KEY_MAP nd ON nd.MDM_KEY = n.NODE_ID AND nd.MDM_TABLE = 'W1_NODE' AND nd.WAVE = 'wave-02' "
            "WHERE n.ASSET_DPOS_FLG = 'IN-INSTALLED'").fetchone()[0]
        assert moved > 0, "generated data moves meters into a later wave's SPs"
        # every FK of the MDM/ODM tables resolves
        for t in X1:
            for c in t.foreign_keys:
                orphans = con.execute(
                    f"SELECT count(*) FROM cisadm.{t.name} x WHERE TRIM(x.{c.name}) <> '' AND NOT EXISTS "
                    f"(SELECT 1 FROM cisadm.{c.fk_table} p WHERE p.{c.fk_column} = x.{c.name})").fetchone()[0]
                assert orphans == 0, f"{t.name}.{c.name}"

    assert x1_part(tw.after["wave-01"]) == first, "rerun gives identical MDM/ODM keys and rows"
    assert x1_part(tw.after["wave-02"]) == second, "rerun of wave-01 leaves wave-02's MDM/ODM rows as they were"

    # an ODM node or an installed disposition missing from what MDM holds is named by the reconciliation
    # (on a copy: the run is shared by the session)
    copy = tmp_path / "target-copy.duckdb"
    shutil.copyfile(cli.home / "target.duckdb", copy)
    with duckdb.connect(str(copy)) as con:
        s = TargetSession(con, DUCKDB, "cisstg", "cisadm")
        con.execute("DELETE FROM cisadm.W1_NODE WHERE NODE_ID IN (SELECT MDM_KEY FROM cisstg.CCS_X1_KEY_MAP "
                    "WHERE WAVE = 'wave-02' AND MDM_TABLE = 'W1_NODE' ORDER BY MDM_KEY LIMIT 1)")
        con.execute("DELETE FROM cisadm.W1_ASSET_NODE WHERE rowid IN (SELECT n.rowid "
                    "FROM cisadm.W1_ASSET_NODE n JOIN cisadm.D1_DVC_IDENTIFIER d ON d.ID_VALUE = n.ASSET_ID "
                    "AND d.DVC_ID_TYPE_FLG = 'D1AS' JOIN cisadm.D1_DVC_CFG g ON g.D1_DEVICE_ID = d.D1_DEVICE_ID "
                    "JOIN cisadm.D1_INSTALL_EVT e ON e.DEVICE_CONFIG_ID = g.DEVICE_CONFIG_ID AND e.D1_INSTALL_DTTM = n.EFF_DTTM "
                    "WHERE e.INSTALL_EVT_ID IN (SELECT OWNER_KEY FROM cisadm.CCS_WAVE_LEDGER WHERE WAVE = 'wave-02' "
                    "AND TABLE_NAME = 'D1_INSTALL_EVT') ORDER BY n.ASSET_ID, n.EFF_DTTM LIMIT 1)")
        problems = x1_problems(x1_counts(s, "wave-02"), strict=True)
    assert any("MDM service points but" in p and "with their ODM node" in p for p in problems), problems
    assert any("installed dispositions of their device's asset at their SP's node" in p for p in problems), problems
