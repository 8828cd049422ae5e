"""End to end through CCS_TARGET=ccs against the loopback fake service: scenario 1, two waves, via the CLI.

The fake runs in this process; `ccs-migrate` runs as a child process, as a user runs it, with the
CCS_SERVICE_* settings pointing at the fake and the local bucket shared with it.
"""

from __future__ import annotations

import json

import duckdb
import pytest

from ccs_assets.catalog import ccb

from ..conftest import Cli
from .conftest import start_fake

TABLES = [t.name for t in ccb.CCB_TABLES] + [t.k_table for t in ccb.CCB_TABLES if t.key_table]


def production(con, lock=None) -> dict:
    """Every production row per table, sorted (CC&B, _K and MDM/ODM tables)."""
    from ccs_assets.cloud.steps import X1_TABLES

    out = {}
    for name in TABLES + [t.name for t in X1_TABLES]:
        out[name] = sorted(con.execute(f"SELECT * FROM cisadm.{name}").fetchall(), key=repr)
    return out


@pytest.mark.heavy
def test_two_waves_through_the_service(tmp_path):
    home = tmp_path / "ccs"
    fake = start_fake(tmp_path, home / "object-storage", max_lifetime=3600)  # five wave runs on a busy machine
    try:
        cli = Cli(home)
        cli.env.update({**fake.env("oauth"), "CCS_TARGET": "ccs"})
        secret = fake.client_secret
        landing = tmp_path / "landing"
        cli("generate", str(landing), "--customers", "300", "--waves", "2", "--seed", "7")
        cli("waves", "sync", "--landing", str(landing))
        assert fake.state("conversion") == "off"
        assert "K1-CNVEN job" in cli("conversion", "enable").stdout
        assert fake.state("conversion") == "on"

        # wave-01, with the first two polls timing out: not a failure
        fake.stall_polls, fake.stall_seconds = 2, 2.5
        cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-01")
        assert fake.stalled == 2
        codes = [s["F1SubmitJob"]["jobDetails"]["batchControl"] for s in fake.submissions]
        assert "K1-CNVDS" not in codes and codes.count("K1-CNVEN") == 1, "the conversion switches are never part of a wave"
        assert {"CMLD01", "CMVL01", "CMKY01", "CMIN01", "X1-MIGAD", "CMMG01"} <= set(codes)

        # wave-02: the last migration batch (ODM asset dispositions) ends in error -> its asset fails with the message
        fake.fail_next["CMMG18"] = "ORA-00001: unique constraint (CISADM.W1_ASSET_NODE_PK) violated"
        bad = cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-02", check=False)
        assert bad.returncode == 1
        assert "ORA-00001: unique constraint (CISADM.W1_ASSET_NODE_PK) violated" in bad.stderr
        assert "CMMG18 (mdm_odm W1_ASSET_NODE)" in bad.stderr and "ended in error (status 30)" in bad.stderr
        with duckdb.connect(str(home / "target.duckdb"), read_only=True) as con:
            rehearsal = production(con)  # the rehearsal of every step ran; the service lacks the failed batch's rows
        with fake._lock:
            assert production(fake.con)["W1_ASSET_NODE"] != rehearsal["W1_ASSET_NODE"]

        # a rerun of wave-02 is identical in the rehearsal, and now the service holds exactly the rehearsal's rows
        cli("run", "--scenario", "legacy-cis", "--landing", str(landing), "--wave", "wave-02")
        with duckdb.connect(str(home / "target.duckdb"), read_only=True) as con:
            assert production(con) == rehearsal
        with fake._lock:
            assert production(fake.con) == rehearsal

        # counts reconcile: the read-back equals the rehearsal
        rec2 = json.loads(cli("reconcile", "--wave", "wave-02", "--format", "json").stdout)
        assert not rec2["problems"]
        svc = rec2["service"]
        assert svc["staging"]["CI_PER"]["service"] == svc["staging"]["CI_PER"]["rehearsal"] > 0
        assert svc["production"]["D1_SP"]["service"] == svc["production"]["D1_SP"]["rehearsal"] > 0
        assert svc["errors"] and all(c["service"] == c["rehearsal"] for c in svc["errors"].values())
        rec1 = json.loads(cli("reconcile", "--wave", "wave-01", "--format", "json").stdout)
        assert not rec1["problems"] and "service staging holds wave-02, not wave-01" in " ".join(rec1["service"]["notes"])

        # errors read back beside the rehearsal
        errs = cli("errors", "--wave", "wave-02", "--format", "json")
        service_rows = [r for r in json.loads(errs.stdout) if r["step"] == "service"]
        assert "DIFFERS" not in errs.stderr  # the generated data may have no target-side validation errors at all
        rehearsed = {}
        for r in json.loads(errs.stdout):
            if r["step"] == "validate":
                rehearsed[r["table_name"]] = rehearsed.get(r["table_name"], 0) + 1
        got = {}
        for r in service_rows:
            got[r["table_name"]] = got.get(r["table_name"], 0) + int(r["value"])
        assert got == rehearsed

        # staging metadata carries the SQL*Loader logs
        import dagster as dg

        inst = dg.DagsterInstance.from_config(str(home / "dagster"))
        ev = inst.get_latest_materialization_event(dg.AssetKey(["staging", "ci_per"]))
        meta = ev.asset_materialization.metadata
        logs = meta["ccs/sqlloader"].value
        assert set(logs) == {"CI_PER", "CI_PER_K"} and logs["CI_PER"]["tables"]["CI_PER"]["loaded"] > 0
        assert not meta["ccs/service_differences"].value

        # a difference is a failing check listing the tables
        with fake._lock:
            fake.con.execute("DELETE FROM cisadm.CI_PER_NAME WHERE PER_ID IN (SELECT PER_ID FROM cisadm.CI_PER_NAME LIMIT 3)")
        diff = cli("reconcile", "--wave", "wave-02", check=False)
        assert diff.returncode == 1 and "service production rows CI_PER_NAME: service" in diff.stdout

        # K1-CNVDS only on purpose
        assert cli("conversion", "disable", check=False).returncode == 2
        cli("conversion", "disable", "--yes")
        assert fake.state("conversion") == "ended"

        # secrets appear nowhere: the instance's event log and run storage, every output file, every printed line
        tokens = list(fake.tokens)
        assert tokens
        for path in home.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert secret.encode() not in data, f"client secret in {path}"
                assert not any(t.encode() in data for t in tokens), f"access token in {path}"
        for out in (bad.stdout, bad.stderr, errs.stdout, errs.stderr, diff.stdout, diff.stderr):
            assert secret not in out and not any(t in out for t in tokens)
    finally:
        fake.stop()
