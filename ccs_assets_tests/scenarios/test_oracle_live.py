"""Oracle Database, live: all 12 steps for two waves, trace and rollback; two waves staging at once (skipped without a DSN).

Runs only when CCS_ORACLE_DSN, CCS_ORACLE_USER and CCS_ORACLE_PASSWORD are set (README: "Trying it on a
scratch Oracle Database"); it EMPTIES the tool's tables in the configured schemas first.
"""

from __future__ import annotations

import json
import threading

import pytest

from ccs_assets.catalog import ccb, mdm, odm
from ccs_assets.target.resource import LOAD_PREFIX

from ..conftest import TARGETS

ORACLE = [p for p in TARGETS if p.id == "oracle"]


@pytest.mark.heavy
@pytest.mark.parametrize("target", ORACLE)
def test_two_waves_through_mdm_odm_then_trace_and_rollback(target, cli, tmp_path):
    landing = tmp_path / "landing"
    cli("generate", str(landing), "--customers", "200", "--waves", "2", "--seed", "5")
    cli("waves", "sync", "--landing", str(landing))
    for wave in ("wave-01", "wave-02", "wave-01"):  # and a rerun
        cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", wave)

    with cli.target() as con:
        for t in ccb.CCB_TABLES + mdm.MDM_TABLES + odm.ODM_TABLES:
            n = con.execute(f"SELECT count(*) FROM cisadm.{t.name}").fetchone()[0]
            assert n > 0 or t.name == "CI_PER_ID", f"{t.name} is empty"
        left = con.execute("SELECT table_name FROM all_tables WHERE owner = ? AND table_name LIKE ?",
                           [con.stg, LOAD_PREFIX + "%"]).fetchall()
        assert not left, f"load tables left behind: {left}"
        _, new, legacy = con.execute("SELECT OLD_KEY, NEW_KEY, LEGACY_KEY FROM cisstg.CK_PER WHERE WAVE = ? "
                                     "ORDER BY LEGACY_KEY FETCH FIRST 1 ROWS ONLY", ["wave-01"]).fetchone()
    for wave in ("wave-01", "wave-02"):
        rec = json.loads(cli("reconcile", "--wave", wave, "--format", "json").stdout)
        assert not rec["problems"], rec["problems"]

    r = json.loads(cli("trace", "--legacy-key", legacy, "--table", "customers", "--format", "json").stdout)
    hop = r["target"]["tables"]["CI_PER"]["wave-01"]
    assert hop["prod_key"] == new.rstrip() and hop["production"]["CI_PER"] == 1
    assert hop["production"]["ledger_wave"] == "wave-01" and len(hop["mdm_odm"]["D1_CONTACT"]) == 12

    cli("rollback", "--wave", "wave-02")
    with cli.target() as con:
        assert con.execute("SELECT count(*) FROM cisadm.CCS_WAVE_LEDGER WHERE WAVE = ?", ["wave-02"]).fetchone()[0] == 0
    cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-02")


@pytest.mark.parametrize("target", ORACLE)
def test_two_waves_stage_the_same_table_at_once(target, cli, tmp_path):
    """Each wave loads into its own CCS_LD_ tables, so two sessions staging CI_PER together both keep their rows."""
    from ccs_assets.stage.steps import stage_file
    from ccs_assets.target.resource import TargetResource
    from ccs_assets.target.schema import ensure_target_schema

    from ..target.recording import sample_file

    resource = TargetResource(kind="oracle")
    with resource.session() as s:
        ensure_target_schema(s)
    results, errors = {}, []

    def stage(wave: str):
        folder = tmp_path / wave
        folder.mkdir()
        path = sample_file(ccb.CI_PER, folder)  # one good line, one bad; the person id made the wave's own
        own = "2222222222" if wave == "wave-a" else "3333333333"
        path.write_text("".join(line.replace('"1111111111"', f'"{own}"', 1) for line in path.read_text().splitlines(True)))
        try:
            with resource.session() as s:
                results[wave] = stage_file(s, ccb.CI_PER, path, wave)
        except Exception as exc:  # reported below, with the wave
            errors.append(f"{wave}: {exc}")

    threads = [threading.Thread(target=stage, args=(w,)) for w in ("wave-a", "wave-b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    assert not errors, errors
    assert results["wave-a"]["loaded"] == results["wave-b"]["loaded"] == 1
    assert results["wave-a"]["rejected"] == results["wave-b"]["rejected"] == 1
