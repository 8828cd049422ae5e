"""The command line as a migration team lives in it (issue 13): MDM/ODM counts in reconcile, quiet pipes, help that
says what each option does, trace of a wave not run yet, a wave outside the plan refused, and `lineage`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ccs_assets_tests.conftest import Cli


@pytest.fixture(scope="module")
def wave1(tmp_path_factory) -> tuple[Cli, subprocess.CompletedProcess]:
    """Two planned waves; wave-01 run once (no --verbose)."""
    cli = Cli(tmp_path_factory.mktemp("cli") / "ccs")
    landing = cli.home / "landing"
    cli("generate", str(landing), "--customers", "120", "--waves", "2", "--seed", "5")
    cli("waves", "sync", "--landing", str(landing))
    return cli, cli("run", "--landing", str(landing), "--wave", "wave-01")


def test_reconcile_text_includes_mdm_odm_counts(wave1):
    cli, _ = wave1
    out = cli("reconcile", "--wave", "wave-01").stdout
    assert re.search(r"^CI_PER\s", out, re.M)
    assert re.search(r"^MDM/ODM table\s+ccb_rows\s+mapped\s+not_migrated\s+rows$", out, re.M)
    assert re.search(r"^D1_SP\s+(\d+)\s+\1\s+0\s+\1$", out, re.M), out


def test_output_piped_into_head_is_no_traceback(tmp_path):
    """The reader is gone before ccs-migrate writes (as `head` is once it has its lines): no traceback, exit 141."""
    cli = Cli(tmp_path / "ccs")
    proc = subprocess.Popen([sys.executable, "-m", "ccs_assets.cli.main", "lineage", "legacy/meter_history", "--downstream",
                             "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli.env)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert proc.returncode == 141 and err == "", err


def test_output_piped_into_head_in_a_shell(tmp_path):
    cli = Cli(tmp_path / "ccs")
    r = subprocess.run(f"{sys.executable} -m ccs_assets.cli.main lineage legacy/meter_history --downstream --format json | head -2",
                       shell=True, capture_output=True, text=True, env=cli.env, timeout=60)
    assert r.stdout.splitlines() == ["{", ' "asset": "legacy/meter_history",'] and r.stderr == ""


def test_run_help_describes_every_option_with_its_default():
    r = subprocess.run([sys.executable, "-m", "ccs_assets.cli.main", "run", "--help"], capture_output=True, text=True)
    text = " ".join(r.stdout.split())
    assert r.returncode == 0
    for phrase in ("--scenario SCENARIO scenario to run (default: legacy-cis",
                   "--landing LANDING legacy landing folder with wave_plan.csv (default: CCS_LANDING, else $CCS_HOME/landing)",
                   "--source SOURCE upgrade scenarios: folder of ccb.duckdb and wave_plan.csv (default: CCS_SOURCE_DIR",
                   "--wave WAVE wave to run, as named in the plan (e.g. wave-01; `all` without a plan)"):
        assert phrase in text, text


def test_trace_of_a_record_whose_wave_has_not_run(wave1, tmp_path):
    cli, _ = wave1
    plan = (cli.home / "landing" / "wave_plan.csv").read_text().splitlines()[1:]
    acct = next(line.split(",")[0] for line in plan if line.endswith(",wave-02"))
    r = cli("trace", "--legacy-key", acct)
    assert f"owned by wave-02, which has not run yet: its production keys and rows come with that run " \
           f"(ccs-migrate run --wave wave-02)" in r.stdout
    fresh = Cli(tmp_path / "fresh")  # nothing run at all: the plan still knows the account
    r = fresh("trace", "--legacy-key", acct, check=False, CCS_LANDING=str(cli.home / "landing"))
    assert r.returncode == 1
    assert "in the wave plan for wave-02, which has not run yet: nothing of it is in the workbench or on the target" in r.stdout


def test_wave_not_in_the_plan_fails_at_its_first_steps_and_writes_nothing(wave1):
    """A wave added to the instance (the UI's "add partition" box) that the plan does not have."""
    import dagster as dg

    cli, _ = wave1
    with dg.DagsterInstance.from_config(str(cli.home / "dagster")) as instance:
        instance.add_dynamic_partitions("wave", ["wave-99"])
    wb = cli.home / "workbench.duckdb"
    with duckdb.connect(str(wb), read_only=True) as con:
        before = con.execute("SELECT count(*) FROM legacy.customers").fetchone()
    r = cli("run", "--wave", "wave-99", check=False)
    assert r.returncode == 1
    why = (f"wave 'wave-99' is not in the wave plan {cli.home / 'landing' / 'wave_plan.csv'} (planned: wave-01, wave-02): "
           "nothing was read or written; add its accounts to the plan, or run a planned wave")
    assert why in r.stdout + r.stderr, r.stdout + r.stderr
    with duckdb.connect(str(wb), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM legacy.customers").fetchone() == before
        assert con.execute("SELECT count(*) FROM wb.errors WHERE wave = 'wave-99'").fetchone() == (0,)


def test_lineage_command_both_directions_and_json(wave1):
    cli, _ = wave1
    up = cli("lineage", "odm/w1_asset_node.EFF_DTTM").stdout.splitlines()
    assert up[0] == "odm/w1_asset_node.EFF_DTTM"
    assert "<- production/ci_mr.READ_DTTM" in up and "            <- legacy/meter_history.installed_at" in up
    down = cli("lineage", "customers.cust_no", "--downstream").stdout
    for hop in ("-> ccb/ci_per.PER_ID", "-> extract/ci_per.PER_ID", "-> staging/ci_per.PER_ID", "-> production/ci_per.PER_ID",
                "-> mdm/d1_contact.CONTACT_ID"):
        assert hop in down, down
    doc = json.loads(cli("lineage", "CI_PER.PER_ID", "--format", "json").stdout)
    assert doc["asset"] == "production/ci_per" and doc["column"] == "PER_ID" and doc["direction"] == "upstream"
    (node,) = doc["lineage"]
    assert {(n["asset"], n["column"]) for n in node["next"]} == {("staging/ci_per", "PER_ID"), ("keys/ci_per", "NEW_KEY")}
    bad = cli("lineage", "production/ci_per.NOPE", check=False)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "has no column 'NOPE'" in bad.stderr
