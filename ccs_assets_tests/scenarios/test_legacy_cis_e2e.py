"""End to end, through Dagster and the CLI: two waves, a rerun, and idempotency."""

from __future__ import annotations

import json

import pytest

from ccs_assets.catalog import ccb


def snapshot(cli, wave: str) -> dict:
    """Every production row a wave owns, per table, as sorted tuples."""
    out = {}
    with cli.target() as con:
        for t in ccb.CCB_TABLES:
            out[t.name] = sorted(con.execute(
                f"SELECT * FROM cisadm.{t.name} WHERE {t.owner_column} IN (SELECT OWNER_KEY FROM cisadm.CCS_WAVE_LEDGER "
                f"WHERE WAVE = ? AND TABLE_NAME = ?)", [wave, t.name]).fetchall(), key=repr)
        out["keys"] = {t.ck_table: sorted(con.execute(f"SELECT OLD_KEY, NEW_KEY, LEGACY_KEY FROM cisstg.{t.ck_table} WHERE WAVE = ?", [wave]).fetchall())
                       for t in ccb.CCB_TABLES if t.key_table}
    return out


@pytest.mark.heavy
def test_two_waves_rerun_is_idempotent(target, cli, tmp_path):
    landing = tmp_path / "landing"
    cli("generate", str(landing), "--customers", "400", "--waves", "2", "--seed", "7")
    cli("waves", "sync", "--landing", str(landing))
    cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-01")
    cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-02")
    first, second = snapshot(cli, "wave-01"), snapshot(cli, "wave-02")
    assert all(first[t.name] for t in ccb.CCB_TABLES if t.name not in ("CI_PER_ID",)), "every table got rows"
    assert first["CI_PER"] and second["CI_PER"]
    rec1 = json.loads(cli("reconcile", "--wave", "wave-01", "--format", "json").stdout)

    cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-01")
    assert snapshot(cli, "wave-01") == first, "rerun gives identical keys and rows"
    assert snapshot(cli, "wave-02") == second, "rerun of wave-01 leaves wave-02 untouched"
    rec1b = json.loads(cli("reconcile", "--wave", "wave-01", "--format", "json").stdout)
    assert rec1b["tables"] == rec1["tables"] and not rec1b["problems"]

    with cli.target() as con:
        # keys are 10 digits, unique across waves and tables of the key space
        keys = con.execute("SELECT NEW_KEY FROM cisstg.CK_PER UNION ALL SELECT NEW_KEY FROM cisstg.CK_ACCT "
                           "UNION ALL SELECT NEW_KEY FROM cisstg.CK_PREM UNION ALL SELECT NEW_KEY FROM cisstg.CK_SP "
                           "UNION ALL SELECT NEW_KEY FROM cisstg.CK_SA UNION ALL SELECT NEW_KEY FROM cisstg.CK_SA_SP").fetchall()
        assert len(keys) == len(set(keys))
        assert all(len(k[0]) == 10 and k[0].isdigit() and k[0][0] != "0" for k in keys)
        # a later wave's account pointing at a person owned by wave-01 uses the production key already there
        orphans = con.execute("SELECT count(*) FROM cisadm.CI_ACCT_PER ap WHERE NOT EXISTS "
                              "(SELECT 1 FROM cisadm.CI_PER p WHERE p.PER_ID = ap.PER_ID)").fetchone()[0]
        assert orphans == 0
        shared = con.execute("SELECT count(*) FROM cisadm.CI_ACCT_PER ap JOIN cisstg.CK_ACCT a ON a.NEW_KEY = ap.ACCT_ID "
                             "JOIN cisstg.CK_PER p ON p.NEW_KEY = ap.PER_ID WHERE a.WAVE = 'wave-02' AND p.WAVE = 'wave-01'").fetchone()[0]
        assert shared > 0, "generated data has persons reached from both waves"
        # the extract's _K rows reached production with ENV_ID
        assert con.execute("SELECT count(*) FROM cisadm.CI_PER_K").fetchone()[0] == con.execute("SELECT count(*) FROM cisadm.CI_PER").fetchone()[0]
    files = sorted(p.name for p in (cli.home / "object-storage" / "wave-01").iterdir())
    assert "manifest.json" in files and "CI_PER.dat" in files and "CI_PER.ctl" in files and "CI_PER_K.dat" in files
