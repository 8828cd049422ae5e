"""The command line as a migration team lives in it (issue 13): progress and a summary instead of Dagster's log,
MDM/ODM counts in reconcile, an unknown wave refused, quiet pipes, help that says what each option does, trace of a
wave not run yet, a wave outside the plan refused, and `lineage`."""

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


PROGRESS = re.compile(r"^\[(\d+)/(\d+) steps,\s+(\d+)/(\d+) assets\] \d\d:\d\d  Oracle step\s+(\S+)  (\S+)"
                      r"(?:  \((\S+) (starting|success|FAILED|skipped)\))?$", re.M)


def test_run_shows_progress_then_a_summary_not_dagster_debug_lines(wave1):
    import dagster as dg

    from ccs_assets import definitions
    from ccs_assets.cli.progress import oracle_steps

    cli, run = wave1
    assert "DEBUG" not in run.stderr and "STEP_START" not in run.stderr and "dagster" not in run.stderr
    lines = PROGRESS.findall(run.stderr)
    assert lines and len(lines) == len(run.stderr.strip().splitlines()), run.stderr  # nothing but progress lines
    job = definitions.defs.resolve_job_def("legacy_cis")
    steps = len(job.graph.node_dict) + 2  # the code maps and the X1 master configuration, then the wave's job
    assets = sum(1 for k in job.asset_layer.selected_asset_keys if job.asset_layer.asset_graph.get(k).is_executable) + 2
    assert {(int(t), int(a)) for _, t, _, a, *_ in lines} == {(steps, assets)}
    for col in (0, 2):
        assert [int(x[col]) for x in lines] == sorted(int(x[col]) for x in lines), "steps and assets done only grow"
    ended = [x for x in lines if x[7] == "success"]
    assert len(ended) == steps and len([x for x in lines if x[7] == "starting"]) == steps
    assert ended[-1][0] == str(steps) and ended[-1][2] == str(assets)
    shown = {x[5]: x[4] for x in lines if x[5] != "-"}  # asset -> Oracle step, as shown when a Dagster step ended
    known = oracle_steps(job)
    assert all(step == known[a] for a, step in shown.items() if a in known)
    assert {"5", "6", "7", "8", "9"} <= set(shown.values()), shown
    out = run.stdout.splitlines()
    assert re.fullmatch(rf"{steps} of {steps} steps done \(0 failed, 0 skipped\), {assets} of {assets} assets written, "
                        r"in \d\d:\d\d", out[0]), out[0]
    assert re.fullmatch(r"CC&B production rows of the wave: [\d,]+ in 20 tables", out[1]), out[1]
    assert re.search(r"^D1_CONTACT\s+(\d+)\s+\1\s+0\s+\1$", run.stdout, re.M), "MDM/ODM counts in the summary"
    assert re.search(r"^W1_ASSET_NODE\s+\d+$", run.stdout, re.M)
    warned = re.search(r"^checks that warned: (\d+)$", run.stdout, re.M)
    listed = run.stdout[warned.end():].splitlines()[1:]
    assert len([x for x in listed if x.startswith("  ")]) == int(warned.group(1))
    log = Path(re.search(r"^event log: (.+)$", run.stdout, re.M).group(1))
    assert log.parent == cli.home / "logs" and log.name.startswith("wave-01-")
    text = log.read_text()
    assert text.count(" STEP_SUCCESS ") == steps and text.count(" ASSET_MATERIALIZATION ") == assets
    assert " DEBUG " in text, "Dagster's whole event log is in the file"
    with dg.DagsterInstance.from_config(str(cli.home / "dagster")) as instance:  # and in the instance
        (last,) = instance.get_runs(dg.RunsFilter(job_name="legacy_cis"), limit=1)
        assert log.name == f"wave-01-{last.run_id}.log" and last.status == dg.DagsterRunStatus.SUCCESS
    assert out[-1] == f"wave wave-01: succeeded (run recorded in {cli.home / 'dagster'}; `ccs-migrate ui` to inspect)"


@pytest.mark.parametrize("command", ["errors", "reconcile"])
def test_unknown_wave_is_one_line_and_exit_2(wave1, command):
    cli, _ = wave1
    r = cli(command, "--wave", "wave-09", check=False)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip().splitlines() == [
        f"ccs-migrate: unknown wave 'wave-09': the wave plan has wave-01, wave-02 ({cli.home / 'landing'}); "
        "registered: wave-01, wave-02"]
    assert cli(command, "--wave", "wave-02", check=False).returncode in (0, 1)  # planned, not run: counts of nothing


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
                   "--wave WAVE wave to run, as named in the plan (e.g. wave-01; `all` without a plan)",
                   "--verbose print Dagster's whole event log instead of the progress line"):
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
    failed = [x for x in PROGRESS.findall(r.stderr) if x[7] == "FAILED"]
    assert [x[6] for x in failed] == ["legacy_cis__legacy"], r.stderr
    assert re.search(r"^\d+ of \d+ steps done \(1 failed, \d+ skipped(, \d+ not run)?\), 2 of \d+ assets written", r.stdout, re.M)
    # --verbose prints Dagster's event log as it always did
    v = cli("run", "--wave", "wave-99", "--verbose", check=False)
    assert v.returncode == 1 and " - STEP_FAILURE - " in v.stderr and " - DEBUG - " in v.stderr
    assert not PROGRESS.search(v.stderr)
    # progress and summary piped into `head`: no traceback, the run still ends and is recorded
    r = subprocess.run(f"{sys.executable} -m ccs_assets.cli.main run --wave wave-99 2>&1 | head -1", shell=True,
                       capture_output=True, text=True, env=cli.env, timeout=300)
    assert len(r.stdout.splitlines()) == 1 and PROGRESS.match(r.stdout) and r.stderr == "", r.stdout + r.stderr
    with dg.DagsterInstance.from_config(str(cli.home / "dagster")) as instance:
        runs = instance.get_runs(dg.RunsFilter(job_name="legacy_cis", tags={"dagster/partition": "wave-99"}))
        assert [x.status for x in runs] == [dg.DagsterRunStatus.FAILURE] * 3


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
    up = cli("lineage", "ccb_to_ccs/odm/w1_asset_node.EFF_DTTM").stdout.splitlines()  # an upgrade scenario's keys
    assert "         <- ccb_to_ccs/source/upgrade.CI_MR.READ_DTTM" in up and "<- ccb_to_ccs/production/ci_mr.READ_DTTM" in up
    down = json.loads(cli("lineage", "ccb_to_cloud/source/upgrade.CI_BILL.BILL_ID", "--downstream", "--format", "json").stdout)
    assert down["asset"] == "ccb_to_cloud/source/upgrade" and down["column"] == "CI_BILL.BILL_ID"
    assert down["lineage"][0]["next"][0]["asset"] == "ccb_to_cloud/extract/ci_bill"
    bad = cli("lineage", "production/ci_per.NOPE", check=False)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "has no column 'NOPE'" in bad.stderr
