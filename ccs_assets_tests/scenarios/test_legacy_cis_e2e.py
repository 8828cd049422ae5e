"""End to end, through Dagster and the CLI: two waves, a rerun, and idempotency (CC&B side, steps 1-8).

The run is the session's shared `two_waves_rerun` (conftest): 400 customers in two waves, both run, then
wave-01 again; the steps 9-12 test (cloud/test_cloud_e2e.py) reads the same run."""

from __future__ import annotations

import dagster as dg
import pytest

from ccs_assets.catalog import ccb
from ccs_assets.scenarios.layers import op_name

CCB_PARTS = [t.name for t in ccb.CCB_TABLES] + [t.ck_table for t in ccb.CCB_TABLES if t.key_table]


def ccb_part(snapshot: dict) -> dict:
    return {name: snapshot[name] for name in CCB_PARTS}


@pytest.mark.heavy
def test_two_waves_rerun_is_idempotent(two_waves_rerun):
    tw = two_waves_rerun
    cli = tw.cli
    first, second = tw.before["wave-01"], tw.before["wave-02"]
    assert all(first[t.name] for t in ccb.CCB_TABLES if t.name not in ("CI_PER_ID",)), "every table got rows"
    assert first["CI_PER"] and second["CI_PER"]

    assert ccb_part(tw.after["wave-01"]) == ccb_part(first), "rerun gives identical keys and rows"
    assert ccb_part(tw.after["wave-02"]) == ccb_part(second), "rerun of wave-01 leaves wave-02 untouched"
    rec1, rec1b = tw.reconcile_before["wave-01"], tw.reconcile_after["wave-01"]
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


@pytest.mark.heavy
@pytest.mark.parametrize("two_waves_rerun", ["duckdb"], indirect=True)
def test_a_wave_is_one_step_per_layer_and_checks_are_kept_per_wave(two_waves_rerun):
    """The run's steps are the scenario's layers; each wave's check results stay apart (partitioned checks)."""
    instance = dg.DagsterInstance.from_config(str(two_waves_rerun.cli.home / "dagster"))
    try:
        runs = [r for r in instance.get_runs(ascending=True) if r.job_name == "legacy_cis"]
        assert [r.tags.get("dagster/partition") for r in runs] == ["wave-01", "wave-02", "wave-01"]
        steps = {s.step_key for s in instance.get_run_step_stats(runs[0].run_id)}
        layers = {op_name("legacy-cis", n) for n in ("legacy", "transform", "extract", "staging", "keys", "production", "mdm_odm")}
        assert steps == layers | {"admin__x1_migad"}
        ck = dg.AssetCheckKey(dg.AssetKey(["production", "ci_per"]), "primary_key_unique")
        history = instance.event_log_storage.get_asset_check_execution_history(ck, limit=10)
        waves = [rec.evaluation.partition for rec in history if rec.evaluation]
        assert sorted(waves) == ["wave-01", "wave-01", "wave-02"], "each wave's result is kept under its own wave"
    finally:
        instance.dispose()
