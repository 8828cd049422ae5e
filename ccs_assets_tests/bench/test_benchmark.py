"""ccs-migrate benchmark: figures come out and agree with the run (not a timed test)."""

from __future__ import annotations

import json

import pytest

from ccs_assets.catalog import ccb


@pytest.mark.heavy
def test_benchmark_reports_the_run(cli, tmp_path):
    keep = tmp_path / "bench-home"
    out = cli("benchmark", "--customers", "150", "--waves", "2", "--seed", "5", "--keep", str(keep), "--format", "json")
    r = json.loads(out.stdout)
    assert r["ok"] and r["wave"] == "wave-01" and r["waves_in_plan"] == ["wave-01", "wave-02"]
    assert r["generate"]["returncode"] == 0 and r["run"]["returncode"] == 0
    assert r["run"]["peak_rss_mib"] > 50 and r["run"]["wall_s"] > 0 and r["run"]["cpu_s"] > 0
    assert r["ingest"]["returncode"] == 0 and r["ingest"]["wall_s"] > 0
    assert r["run_to_ingest"] == round(r["run"]["wall_s"] / r["ingest"]["wall_s"], 2)
    assert "ingest.log" in {p.name for p in (keep / "bench-logs").iterdir()}

    job = [d for d in r["dagster_runs"] if d["job"] == "legacy_cis"]
    assert len(job) == 1 and job[0]["status"] == "SUCCESS"
    steps = {s["step"]: s for s in job[0]["steps"]}
    assert steps["legacy_cis__production"]["group"] == "layer" and steps["admin__x1_migad"]["group"] == "admin"
    assert all(s["status"] == "success" for s in steps.values())
    assets = {a["asset"]: a for a in job[0]["assets"]}
    assert assets["production/ci_per"]["group"] == "production" and assets["ccb/ci_per"]["group"] == "ccb"
    assert assets["production/ci_per:primary_key_unique"]["group"] == "checks"
    assert {"legacy", "ccb", "extract", "upload", "staging", "keys", "production", "mdm", "odm", "admin",
            "checks"} <= set(job[0]["groups"])
    assert job[0]["in_steps_seconds"] <= job[0]["seconds"]
    assert sum(a["seconds"] for a in assets.values()) <= job[0]["in_steps_seconds"]

    # rows per table are the reconciliation of the kept home
    assert not r["reconcile_problems"]
    assert set(r["tables"]) >= {t.name for t in ccb.CCB_TABLES}
    rec = json.loads(cli("reconcile", "--wave", "wave-01", "--format", "json", CCS_HOME=str(keep)).stdout)
    assert rec["tables"] == r["tables"]
    assert r["tables"]["CI_PER"]["production"] > 0
    assert r["sizes_mib"]["target.duckdb"] > 0 and r["sizes_mib"]["workbench.duckdb"] > 0
    assert (keep / "bench-logs" / "run.log").is_file()

    again = cli("benchmark", "--customers", "10", "--keep", str(keep), check=False)
    assert again.returncode == 2 and "must be a new or empty folder" in again.stderr
