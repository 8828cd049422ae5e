"""The run display (cli/progress.py) on a toy job: Oracle's step of each asset, a terminal's one redrawn line,
warnings kept for the summary, and a reader that went away (`| head`) costing the run nothing."""

from __future__ import annotations

import io
import os
import uuid

import dagster as dg

from ccs_assets.cli.progress import Progress, oracle_steps, summary


@dg.asset(description="A legacy file, no step of its own")
def landing() -> dg.MaterializeResult:
    return dg.MaterializeResult()


@dg.asset(deps=[landing], description="Step 4: extract files")
def files() -> dg.MaterializeResult:
    return dg.MaterializeResult()


@dg.asset(deps=[files], description="Steps 1-12 reconciled")
def reconciled() -> dg.MaterializeResult:
    return dg.MaterializeResult()


@dg.asset_check(asset=files, description="a warning the summary must list")
def few_rows() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.WARN, description="3 SPs to review")


JOB = dg.Definitions(assets=[landing, files, reconciled], asset_checks=[few_rows],
                     jobs=[dg.define_asset_job("toy", selection=dg.AssetSelection.all())]).resolve_job_def("toy")


def run_with(progress: Progress) -> bool:
    run_id = str(uuid.uuid4())
    with dg.DagsterInstance.ephemeral() as instance:
        progress.expect(JOB)
        instance.add_event_listener(run_id, progress)
        ok = JOB.execute_in_process(instance=instance, run_id=run_id, run_config=progress.run_config).success
    progress.close()
    return ok


def test_oracle_step_from_the_description_or_the_assets_fed():
    assert oracle_steps(JOB) == {"landing": "4", "files": "4", "reconciled": "1-12"}


def test_a_file_gets_a_line_per_step_and_the_summary_lists_warnings(tmp_path):
    out = io.StringIO()
    p = Progress(tmp_path / "logs" / "w-toy.log", out=out)
    assert run_with(p)
    lines = out.getvalue().splitlines()
    assert len(lines) == 8, lines  # each Dagster step (3 assets, 1 check) starting and ending
    assert lines[-1].startswith("[4/4 steps, 3/3 assets] ") and lines[-1].endswith("Oracle step 1-12  reconciled  (reconciled success)")
    assert p.warnings == ["files:few_rows: 3 SPs to review"]
    text = summary("w", p, lambda: {"tables": {"CI_PER": {"production": 7}}, "mdm_odm": {}})
    assert text[0].startswith("4 of 4 steps done (0 failed, 0 skipped), 3 of 3 assets written, in ")
    assert text[1:] == ["CC&B production rows of the wave: 7 in 1 tables", "(per layer: ccs-migrate reconcile --wave w)",
                        "checks that warned: 1", "  files:few_rows: 3 SPs to review", f"event log: {p.log_path}"]
    log = p.log_path.read_text()
    assert log.count(" STEP_START ") == 4 and " DEBUG " in log


def test_a_terminal_gets_one_redrawn_line(tmp_path):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    assert run_with(Progress(tmp_path / "t.log", out=out))
    assert "\n" not in out.getvalue() and out.getvalue().count("\r\033[K") > 6 and out.getvalue().endswith("\r\033[K")


def test_a_reader_gone_stops_the_display_not_the_run(tmp_path):
    r, w = os.pipe()
    os.close(r)
    out = os.fdopen(w, "w")
    p = Progress(tmp_path / "h.log", out=out)
    assert run_with(p) and p.out is None and p.done == 4
    assert p.log_path.read_text().count(" ASSET_MATERIALIZATION ") == 3


def test_verbose_shows_nothing_of_its_own(tmp_path):
    out = io.StringIO()
    p = Progress(tmp_path / "v.log", out=out, verbose=True)
    assert p.run_config == {} and run_with(p) and out.getvalue() == "" and p.done == 4


def test_a_step_with_a_letter_is_its_own_oracle_step():
    from ccs_assets.locations.ccb_mscs_to_ccs import JOB as SCENARIO_6, defs

    steps = oracle_steps(defs.resolve_job_def(SCENARIO_6))
    assert steps["ccb_mscs/partitions/ilm"] == "4a" and steps["ccb_mscs/config/ci_sa_type"] == "4b"
    assert steps["ccb_mscs/waves/ownership"] == "3", "its description's own step"
