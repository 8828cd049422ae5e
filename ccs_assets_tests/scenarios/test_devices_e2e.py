"""Scenario 1 devices end to end: two waves sharing a meter, a rerun, and a folder of bad device records."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ccs_assets.catalog import ccb

from .bad_landing import build as build_backbone_bad
from .device_landing import bad_devices, two_waves

DEVICE_TABLES = [t for t in ccb.CCB_TABLES if t.seed_step in (2, 3)]


def _legacy(con, ck: str) -> dict[str, str]:
    """legacy key -> production key of a CK_ map."""
    return dict(con.execute(f"SELECT LEGACY_KEY, NEW_KEY FROM cisstg.{ck}").fetchall())


def _by_wave(con, ck: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for k, w in con.execute(f"SELECT LEGACY_KEY, WAVE FROM cisstg.{ck}").fetchall():
        out.setdefault(w, set()).add(k)
    return out


def _orphans(con) -> list[str]:
    """Every foreign key of every CC&B table, checked in production (blank optional keys allowed)."""
    bad = []
    for t in ccb.CCB_TABLES:
        for c in t.foreign_keys:
            blank = f"trim(c.{c.name}) <> '' AND " if c.default == " " else ""
            n = con.execute(f"SELECT count(*) FROM cisadm.{t.name} c WHERE {blank}NOT EXISTS "
                            f"(SELECT 1 FROM cisadm.{c.fk_table} p WHERE p.{c.fk_column} = c.{c.name})").fetchone()[0]
            if n:
                bad.append(f"{t.name}.{c.name}: {n}")
    return bad


def _snapshot(con) -> dict:
    return {t.name: sorted(con.execute(f"SELECT * FROM cisadm.{t.name}").fetchall(), key=repr) for t in DEVICE_TABLES}


@pytest.mark.heavy
def test_two_waves_share_a_meter_and_rerun_is_identical(cli, tmp_path):
    landing = tmp_path / "landing"
    exp = two_waves(landing)
    cli("waves", "sync", "--landing", str(landing))
    cli("run", "--landing", str(landing), "--wave", "wave-01")
    w2 = cli("run", "--landing", str(landing), "--wave", "wave-02")
    warned = w2.stdout[w2.stdout.index("checks that warned:"):]  # the run's summary lists them
    assert "  ccb/ci_sp_mtr_hist:meter_changes_before_cutover" in warned and "SP3" in warned

    with cli.target() as con:
        assert _by_wave(con, "CK_MTR") == exp["meters"], "a meter lands once, in the earliest wave of the SPs it was at"
        assert con.execute("SELECT count(*), count(DISTINCT BADGE_NBR) FROM cisadm.CI_MTR").fetchone() == (5, 5)
        assert _by_wave(con, "CK_SP_MTR_HIST") == exp["histories"]
        assert _by_wave(con, "CK_ITEM") == {w: v for w, v in exp["items"].items() if v}
        mtr, cfg, sp, hist = (_legacy(con, c) for c in ("CK_MTR", "CK_MTR_CONFIG", "CK_SP", "CK_SP_MTR_HIST"))

        # H1 (wave-02, at SP3) points at M1's configuration, which wave-01 migrated
        assert con.execute("SELECT SP_ID, MTR_CONFIG_ID FROM cisadm.CI_SP_MTR_HIST WHERE SP_MTR_HIST_ID = ?",
                           [hist["H1"]]).fetchone() == (sp["SP3"], cfg["M1"])
        # M1: one configuration effective at its earliest register, two registers effective with it
        eff = con.execute("SELECT MTR_ID, CAST(EFF_DTTM AS VARCHAR) FROM cisadm.CI_MTR_CONFIG WHERE MTR_CONFIG_ID = ?", [cfg["M1"]]).fetchone()
        assert eff == (mtr["M1"], "2004-01-01 00:00:00")
        regs = con.execute("SELECT READ_SEQ, TOU_CD, CAST(EFF_DTTM AS VARCHAR) FROM cisadm.CI_REG WHERE MTR_ID = ? ORDER BY 1",
                           [mtr["M1"]]).fetchall()
        assert regs == [(1, "ONPK", "2004-01-01 00:00:00"), (2, "OFFPK", "2004-01-01 00:00:00")]

        # every history has its install event, removed ones their removal, each with a read at the event's time
        events = con.execute("""
            SELECT h.SP_MTR_HIST_ID, e.SP_MTR_EVT_FLG, m.MTR_CONFIG_ID = h.MTR_CONFIG_ID, h.REMOVAL_DTTM, m.READ_DTTM
            FROM cisadm.CI_SP_MTR_HIST h JOIN cisadm.CI_SP_MTR_EVT e ON e.SP_MTR_HIST_ID = h.SP_MTR_HIST_ID
            JOIN cisadm.CI_MR m ON m.MR_ID = e.MR_ID""").fetchall()
        assert len(events) == 5 + 3  # five installs, three removals
        assert all(same_config for _, _, same_config, _, _ in events)
        assert all(rem == at for _, flg, _, rem, at in events if flg == "R")
        assert {(h, f) for h, f, *_ in events} >= {(hist["H1"], "I"), (hist["H1"], "R"), (hist["H2"], "I")}
        assert str(next(at for h, f, _, _, at in events if h == hist["H5"] and f == "I")) == "2026-01-31 13:00:00"

        # one register read per legacy reading, on a register of the meter its read's configuration belongs to
        rr = con.execute("""
            SELECT count(*), count(*) FILTER (WHERE g.MTR_ID = c.MTR_ID) FROM cisadm.CI_REG_READ r
            JOIN cisadm.CI_MR m ON m.MR_ID = r.MR_ID JOIN cisadm.CI_MTR_CONFIG c ON c.MTR_CONFIG_ID = m.MTR_CONFIG_ID
            JOIN cisadm.CI_REG g ON g.REG_ID = r.REG_ID""").fetchone()
        assert rr == (exp["reads"], exp["reads"])
        lengths = con.execute("SELECT DISTINCT length(MR_ID), length(REG_READ_ID) FROM cisadm.CI_REG_READ").fetchall()
        assert lengths == [(12, 12)], "meter reads and register reads take 12-digit keys"
        assert con.execute("SELECT DISTINCT length(MTR_ID) FROM cisadm.CI_MTR").fetchall() == [(10,)]
        item_evt = con.execute("""SELECT h.SP_ID, e.SP_ITEM_EVT_FLG, CAST(e.EVENT_DTTM AS VARCHAR) FROM cisadm.CI_SP_ITEM_HIST h
                                  JOIN cisadm.CI_SP_ITEM_EVT e USING (SP_ITEM_HIST_ID)""").fetchall()
        assert item_evt == [(sp["SPI"], "I", "2010-02-01 00:00:00")]
        assert _orphans(con) == []
        before = _snapshot(con)

    cli("run", "--landing", str(landing), "--wave", "wave-01")
    with cli.target() as con:
        assert _snapshot(con) == before, "rerunning wave-01 gives the same device rows and keys, wave-02 untouched"
    for wave in ("wave-01", "wave-02"):
        report = json.loads(cli("reconcile", "--wave", wave, "--format", "json").stdout)
        assert report["problems"] == [], (wave, report["problems"])

    # M1 (wave-01) now fails validation, but wave-02's history H1 uses it: the rerun is refused before production
    regs = (landing / "registers.csv").read_text().replace("M1,1,KWH", "M1,1,FURLONG").replace("M1,2,KWH", "M1,2,FURLONG")
    (landing / "registers.csv").write_text(regs)
    refused = cli("run", "--landing", str(landing), "--wave", "wave-01", check=False)
    assert refused.returncode == 1 and "rerun_keeps_other_waves_whole" in refused.stderr
    assert "CI_SP_MTR_HIST.MTR_CONFIG_ID -> CI_MTR_CONFIG" in refused.stderr
    with cli.target() as con:
        assert _snapshot(con) == before, "a refused rerun leaves production as it was"
        assert _orphans(con) == []


@pytest.mark.heavy
def test_every_bad_device_record_reported_every_good_one_migrated(cli, tmp_path):
    landing = tmp_path / "landing"
    build_backbone_bad(landing)  # the device folder below replaces the backbone files with clean ones
    expected, good = bad_devices(landing)
    cli("run", "--landing", str(landing), "--wave", "wave-01", CCS_REJECT_THRESHOLD="100%")
    errors = list(csv.DictReader(io.StringIO(cli("errors", "--wave", "wave-01", "--format", "csv").stdout)))
    got = {(e["table_name"], e["legacy_key"], e["rule"]) for e in errors}
    missing = [(f, k, r) for (f, k), r in expected.items() if (f, k, r) not in got]
    assert not missing, f"bad device records without their error: {missing}"
    assert all(e["line"] for e in errors if e["table_name"] in ("meters", "registers", "meter_history") and e["legacy_key"])

    with cli.target() as con:
        assert set(_legacy(con, "CK_MTR")) == good["meters"]
        assert set(_legacy(con, "CK_SP_MTR_HIST")) == good["histories"]
        assert set(_legacy(con, "CK_REG_READ")) == good["reads"]
        assert set(_legacy(con, "CK_ITEM")) == good["items"]
        assert set(_legacy(con, "CK_SP_ITEM_HIST")) == good["item_histories"]
        for t in (ccb.CI_MTR, ccb.CI_SP_MTR_HIST, ccb.CI_REG_READ, ccb.CI_ITEM, ccb.CI_SP_ITEM_HIST):
            n_prod = con.execute(f"SELECT count(*) FROM cisadm.{t.name}").fetchone()[0]
            assert n_prod == len(_legacy(con, t.ck_table)), f"{t.name}: every keyed good record is in production"
        assert _orphans(con) == []
