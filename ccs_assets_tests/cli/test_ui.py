"""UI smoke tests: a wave run from the CLI is visible in a real Dagster UI (DESIGN.md section 9).

Headless Chromium is Debian's (`apt-get install chromium`, done by .ci/run), driven by
Playwright with executable_path; set CCS_CHROMIUM to use another build. A missing browser
fails these tests with that instruction: they are never skipped.
"""

from __future__ import annotations

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


def stop_group(proc: subprocess.Popen, timeout: float = 30) -> None:
    """SIGTERM the server's process group; every process of it must be gone within `timeout`."""
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
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "ui.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "ccs_assets.cli.main", "ui", "--host", "127.0.0.1", "--port", str(port)],
                                env=ui_home.env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, cwd=str(tmp_path))
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
    from playwright.sync_api import sync_playwright

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
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=browser_path, headless=True, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.set_default_timeout(30_000)

                # the run page: the CLI's run of the scenario, for wave-01, succeeded
                page.goto(f"{url}/runs/{run_id}")
                page.get_by_text("Success", exact=True).first.wait_for()
                page.get_by_text("partition: wave-01").first.wait_for()
                page.get_by_text("legacy_cis").first.wait_for()
                page.screenshot(path=str(shots / "run.png"))

                # the production group's lineage graph, fed by the reject-rate gate, feeding reconciliation
                page.goto(f"{url}/locations/ccs_assets.definitions/asset-groups/production")
                page.get_by_text("wave_gate", exact=True).first.wait_for()
                page.get_by_text("reconciliation", exact=True).first.wait_for()
                page.screenshot(path=str(shots / "production-lineage.png"))
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
                browser.close()
    finally:
        stop_group(proc)
