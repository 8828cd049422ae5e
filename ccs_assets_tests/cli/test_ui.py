"""UI smoke tests: a wave run from the CLI is visible in a real Dagster UI (DESIGN.md section 9).

Headless Chromium is Debian's (`apt-get install chromium`, done by .ci/run), driven by
Playwright with executable_path; set CCS_CHROMIUM to use another build. A missing browser
fails these tests with that instruction: they are never skipped.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ccs_assets_tests.conftest import Cli

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
BACKBONE = ["ci_per", "ci_per_name", "ci_acct", "ci_acct_per", "ci_prem", "ci_sp", "ci_sa", "ci_sa_sp"]
pytestmark = pytest.mark.ui


def chromium_executable() -> str:
    for candidate in (os.environ.get("CCS_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("no Chromium for the UI tests: install Debian's package (`apt-get install -y chromium`, as .ci/run "
                "does) or set CCS_CHROMIUM to a Chromium binary")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(proc: subprocess.Popen, url: str, log: Path, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode} before answering:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=2) as r:
                return json.loads(r.read())
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"server did not answer {url}/server_info within {timeout} s:\n{log.read_text()[-3000:]}")


def graphql(url: str, query: str, variables: dict | None = None) -> dict:
    req = urllib.request.Request(f"{url}/graphql", data=json.dumps({"query": query, "variables": variables or {}}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        body = json.loads(r.read())
    assert "errors" not in body, body
    return body["data"]


def stop_group(proc: subprocess.Popen, timeout: float = 60) -> None:
    """SIGTERM the server's process group; every process of it must be gone within `timeout`.

    60 s: with one code location per scenario, `dagster dev` has six code/gRPC servers; one still loading its
    definitions on a busy 2-core machine finishes that before it exits, and at the latest leaves when its
    heartbeat to the dead parent times out (`--heartbeat-timeout 45`). Idle, the group is gone in ~8 s."""
    pgid = os.getpgid(proc.pid)
    os.killpg(pgid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    finally:
        deadline = time.monotonic() + timeout
        alive = True
        while alive and time.monotonic() < deadline:
            try:
                os.killpg(pgid, 0)
                time.sleep(0.3)
            except ProcessLookupError:
                alive = False
        if alive:
            os.killpg(pgid, signal.SIGKILL)
            pytest.fail(f"process group {pgid} still had processes {timeout} s after SIGTERM")


@contextlib.contextmanager
def chromium_page(browser_path: str, height: int = 900):
    """A page of headless Chromium (Playwright driving the given binary), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": height})
            page.set_default_timeout(30_000)
            yield page
        finally:
            browser.close()


def start_ui(cli: Cli, tmp_path: Path) -> tuple[subprocess.Popen, str, Path]:
    """`ccs-migrate ui` on a free port in its own process group: (process, URL, its log file)."""
    port = free_port()
    log = tmp_path / "ui.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "ccs_assets.cli.main", "ui", "--host", "127.0.0.1", "--port", str(port)],
                                env=cli.env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, cwd=str(tmp_path))
    return proc, f"http://127.0.0.1:{port}", log


RUNS_QUERY = """{ runsOrError { __typename ... on Runs { results { runId jobName status tags { key value } } } } }"""
ASSET_QUERY = """query($path: [String!]!) { assetOrError(assetKey: {path: $path}) { __typename
  ... on Asset { assetMaterializations(limit: 5) { partition runId } } } }"""


@pytest.fixture(scope="module")
def ui_home(tmp_path_factory) -> Cli:
    """A small wave run through the CLI: the instance the UI must show."""
    cli = Cli(tmp_path_factory.mktemp("ui") / "ccs")
    landing = cli.home / "landing"
    cli("generate", str(landing), "--customers", "120", "--waves", "1", "--seed", "3")
    cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-01")
    return cli


def cli_run_id(cli: Cli) -> str:
    import dagster as dg

    instance = dg.DagsterInstance.from_config(str(cli.home / "dagster"))
    try:
        runs = [r for r in instance.get_runs() if r.job_name == "legacy_cis"]
    finally:
        instance.dispose()
    assert len(runs) == 1 and runs[0].status.value == "SUCCESS"
    return runs[0].run_id


def test_ccs_migrate_ui_serves_the_cli_instance(ui_home, tmp_path):
    """`ccs-migrate ui --port P` starts dagster dev on the CLI's DAGSTER_HOME; SIGTERM stops the whole group."""
    proc, url, log = start_ui(ui_home, tmp_path)
    try:
        info = wait_for_server(proc, url, log)
        assert info["dagster_webserver_version"]
        runs = graphql(url, RUNS_QUERY)["runsOrError"]["results"]
        ours = [r for r in runs if r["jobName"] == "legacy_cis"]
        assert [r["runId"] for r in ours] == [cli_run_id(ui_home)]
        assert ours[0]["status"] == "SUCCESS"
        assert {"key": "dagster/partition", "value": "wave-01"} in ours[0]["tags"]
        mats = graphql(url, ASSET_QUERY, {"path": ["production", "ci_per"]})["assetOrError"]["assetMaterializations"]
        assert [m["partition"] for m in mats] == ["wave-01"]
    finally:
        stop_group(proc)
    assert f"DAGSTER_HOME={ui_home.home / 'dagster'}" in log.read_text()


def test_ui_shows_scenario_assets_and_run_in_chromium(ui_home, tmp_path):
    """A real dagster-webserver on the same instance, read by headless Chromium."""
    browser_path = chromium_executable()
    run_id = cli_run_id(ui_home)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "webserver.log"
    env = {**ui_home.env, "DAGSTER_HOME": str(ui_home.home / "dagster")}
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "dagster_webserver", "-h", "127.0.0.1", "-p", str(port),
                                 "-w", str(REPO / "workspace.yaml")],
                                env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, cwd=str(REPO))
    shots = tmp_path / "screens"
    shots.mkdir()
    try:
        wait_for_server(proc, url, log)
        with chromium_page(browser_path) as page:
            # the run page: the CLI's run of the scenario, for wave-01, succeeded
            page.goto(f"{url}/runs/{run_id}")
            page.get_by_text("Success", exact=True).first.wait_for()
            page.get_by_text("partition: wave-01").first.wait_for()
            page.get_by_text("legacy_cis").first.wait_for()
            page.screenshot(path=str(shots / "run.png"))

            # the production group's lineage graph, feeding reconciliation (the graph draws only what is in view)
            page.goto(f"{url}/locations/ccs_assets.definitions/asset-groups/production")
            page.get_by_text("reconciliation", exact=True).first.wait_for()
            page.screenshot(path=str(shots / "production-lineage.png"))
            # ... and production/ci_per, a production root, is fed by the reject-rate gate and its keys
            page.goto(f"{url}/assets/production/ci_per?view=lineage")
            page.get_by_text("wave_gate", exact=True).first.wait_for()
            page.screenshot(path=str(shots / "ci_per-lineage-graph.png"))
            # ... and its list holds the production asset of every backbone entity
            page.goto(f"{url}/locations/ccs_assets.definitions/asset-groups/production/list")
            for name in BACKBONE:
                page.get_by_text(f"production / {name}", exact=True).first.wait_for()
            page.screenshot(path=str(shots / "production-list.png"))

            # production/ci_per: materialized for wave-01
            page.goto(f"{url}/assets/production/ci_per?view=partitions")
            page.get_by_text("Materialized (1)").first.wait_for()
            page.get_by_text("wave-01", exact=True).first.wait_for()
            page.screenshot(path=str(shots / "ci_per-partitions.png"))
    finally:
        stop_group(proc)


REPO_SELECTOR = {"repositoryLocationName": "ccs_assets.definitions", "repositoryName": "__repository__"}
LAUNCH = """mutation($p: ExecutionParams!) { launchRun(executionParams: $p) { __typename
  ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } ... on InvalidSubsetError { message }
  ... on RunConfigValidationInvalid { errors { message } } } }"""
RUN_QUERY = """query($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status jobName tags { key value } } } }"""
ADD_PARTITION = """mutation($r: RepositorySelector!, $key: String!) { addDynamicPartition(repositorySelector: $r,
  partitionsDefName: "wave", partitionKey: $key) { __typename ... on PythonError { message } } }"""
FAILURE_EVENTS = """query($id: ID!) { logsForRun(runId: $id) { __typename ... on EventConnection { events { __typename
  ... on ExecutionStepFailureEvent { stepKey failureMetadata { description } } } } } }"""


def launch(url: str, tags: dict, **selector) -> str:
    params = {"selector": {**REPO_SELECTOR, **selector}, "mode": "default",
              "executionMetadata": {"tags": [{"key": k, "value": v} for k, v in tags.items()]}}
    r = graphql(url, LAUNCH, {"p": params})["launchRun"]
    assert r["__typename"] == "LaunchRunSuccess", r
    return r["run"]["runId"]


def wait_run(url: str, run_id: str, timeout: float = 600) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = graphql(url, RUN_QUERY, {"id": run_id})["runOrError"]
        if run["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
            return run
        time.sleep(2)
    pytest.fail(f"run {run_id} did not finish within {timeout} s")


@pytest.fixture(scope="module")
def planned_home(tmp_path_factory) -> Cli:
    """A landing and its registered waves, nothing run: everything below is launched from the UI."""
    cli = Cli(tmp_path_factory.mktemp("ui-launch") / "ccs")
    landing = cli.home / "landing"
    cli("generate", str(landing), "--customers", "60", "--waves", "1", "--seed", "4")
    cli("waves", "sync", "--landing", str(landing))
    return cli


def test_runs_launched_through_the_webserver_carry_ccs_tags_and_assets_show_column_lineage(planned_home, tmp_path):
    """`ccs-migrate ui` (dagster dev, with its daemon): the code maps and wave-01 launched through the webserver's
    GraphQL API (what the Materialize and Launch buttons call) carry ccs/* tags; a wave added with the "add partition"
    mutation but not in the plan fails at its legacy steps with one message; Chromium shows the tags on the run page
    and the column lineage table on an asset page."""
    browser_path = chromium_executable()
    cli = planned_home
    proc, url, log = start_ui(cli, tmp_path)
    shots = tmp_path / "screens"
    shots.mkdir()
    want = {"ccs/landing": str(cli.home / "landing"), "ccs/target": "duckdb",
            "ccs/target_db": f"duckdb://{cli.home / 'target.duckdb'}", "ccs/bucket": (cli.home / "object-storage").as_uri()}
    try:
        wait_for_server(proc, url, log)
        maps = wait_run(url, launch(url, {}, jobName="__ASSET_JOB", assetSelection=[{"path": ["config", "code_maps"]}]))
        assert maps["status"] == "SUCCESS", log.read_text()[-3000:]
        wave_run = launch(url, {"dagster/partition": "wave-01"}, jobName="legacy_cis")
        run = wait_run(url, wave_run)
        assert run["status"] == "SUCCESS", log.read_text()[-3000:]
        for r in (maps, run):
            tags = {t["key"]: t["value"] for t in r["tags"]}
            assert {k: tags.get(k) for k in want} == want, tags
            assert not any("password" in v.lower() for v in tags.values())

        assert graphql(url, ADD_PARTITION, {"r": REPO_SELECTOR, "key": "wave-77"})["addDynamicPartition"]["__typename"] \
            == "AddDynamicPartitionSuccess"
        bad_run = launch(url, {"dagster/partition": "wave-77"}, jobName="legacy_cis")
        assert wait_run(url, bad_run)["status"] == "FAILURE"
        events = graphql(url, FAILURE_EVENTS, {"id": bad_run})["logsForRun"]["events"]
        failures = [e for e in events if e["__typename"] == "ExecutionStepFailureEvent"]
        assert [e["stepKey"] for e in failures] == ["legacy_cis__legacy"]
        assert {e["failureMetadata"]["description"] for e in failures} == {
            f"wave 'wave-77' is not in the wave plan {cli.home / 'landing' / 'wave_plan.csv'} (planned: wave-01): nothing "
            "was read or written; add its accounts to the plan, or run a planned wave"}
        with duckdb_ro(cli.home / "workbench.duckdb") as con:
            assert con.execute("SELECT count(*) FROM legacy.customers WHERE _wave = 'wave-77'").fetchone() == (0,)

        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        with chromium_page(browser_path, height=1000) as page:
            page.goto(f"{url}/runs/{wave_run}")
            page.get_by_text("Success", exact=True).first.wait_for()
            try:  # a fresh instance's UI first asks to "Join the Dagster community"
                page.get_by_role("button", name="Skip", exact=True).click(timeout=10_000)
            except PlaywrightTimeout:
                pass
            page.get_by_role("button", name="View tags and config").first.click()  # the run's tags, in a dialog
            for key, value in want.items():
                page.get_by_text(key).first.wait_for()
                page.get_by_text(value).first.wait_for()
            page.screenshot(path=str(shots / "ui-launched-run.png"))

            page.goto(f"{url}/assets/production/ci_per")
            page.get_by_text("Column lineage").first.wait_for()
            page.get_by_text("staging/ci_per.PER_ID").first.wait_for()
            page.get_by_text("keys/ci_per.NEW_KEY").first.wait_for()
            page.screenshot(path=str(shots / "ci_per-lineage.png"), full_page=True)
            page.goto(f"{url}/assets/legacy/customers")
            page.get_by_text("ccb/ci_per.LANGUAGE_CD").first.wait_for()
    finally:
        stop_group(proc)


def duckdb_ro(path: Path):
    import duckdb

    return duckdb.connect(str(path), read_only=True)
