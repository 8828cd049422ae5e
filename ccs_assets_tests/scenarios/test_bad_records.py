"""A landing folder full of bad records: every bad record in the errors with its rule, every good one in production."""

from __future__ import annotations

import csv
import io

import pytest

from .bad_landing import build


@pytest.mark.heavy
def test_every_bad_record_reported_every_good_record_migrated(cli, tmp_path):
    # DuckDB only for now: `ccs-migrate errors` reads the target DuckDB file directly (cli/main.py wave_errors)
    landing = tmp_path / "landing"
    expected = build(landing)
    cli("run", "--landing", str(landing), "--wave", "wave-01", CCS_REJECT_THRESHOLD="100%")
    errors = list(csv.DictReader(io.StringIO(cli("errors", "--wave", "wave-01", "--format", "csv").stdout)))
    assert list(errors[0].keys()) == ["wave", "step", "table_name", "legacy_key", "rule", "column_name", "value", "message", "line"]
    got = {(e["table_name"], e["legacy_key"], e["rule"]) for e in errors}
    missing = [(f, k, r) for (f, k), r in expected.items() if (f, k, r) not in got]
    assert not missing, f"bad records without their error: {missing}"
    malformed = [e for e in errors if e["rule"] == "MALFORMED_LINE"]
    assert len(malformed) == 1 and malformed[0]["table_name"] == "customers" and malformed[0]["line"] == "19"  # header 1, a quoted line break in CB1
    bad_date = next(e for e in errors if e["legacy_key"] == "CX_BADDATE")
    assert bad_date["line"] and bad_date["value"] == "2020-02-30"

    with cli.target() as con:
        per = {r[0] for r in con.execute(
            "SELECT x.LEGACY_KEY FROM cisstg.CK_PER x JOIN cisadm.CI_PER p ON p.PER_ID = x.NEW_KEY").fetchall()}
        assert per == {"C1", "C2", "C3", "C4", "C5", "CB1"}, "every good person, and only those, in production"
        accts = {r[0] for r in con.execute("SELECT LEGACY_KEY FROM cisstg.CK_ACCT").fetchall()}
        assert accts == {"A1", "A2", "A3", "A4", "A5", "AB1"}
        names = dict(con.execute("SELECT x.LEGACY_KEY, n.ENTITY_NAME FROM cisadm.CI_PER_NAME n JOIN cisstg.CK_PER x ON x.NEW_KEY = n.PER_ID").fetchall())
        assert names["C1"] == "Nuñez,José" and names["CB1"] == 'O\'Brien, Smith & "Sons" LLC'
        sas = {r[0] for r in con.execute("SELECT LEGACY_KEY FROM cisstg.CK_SA").fetchall()}
        assert sas == {"SA_A1", "SA_A2", "SA_A3", "SA_A4", "SA_A5", "SA_AB1"}
        # the good co-applicant party of A1 is there; the bad ones are not
        assert con.execute("SELECT count(*) FROM cisadm.CI_ACCT_PER").fetchone()[0] == 7
        for child, parent, col in [("CI_ACCT_PER", "CI_PER", "PER_ID"), ("CI_SA", "CI_ACCT", "ACCT_ID"), ("CI_SP", "CI_PREM", "PREM_ID"),
                                   ("CI_SA_SP", "CI_SP", "SP_ID"), ("CI_PER_NAME", "CI_PER", "PER_ID")]:
            orphans = con.execute(f"SELECT count(*) FROM cisadm.{child} c WHERE NOT EXISTS "
                                  f"(SELECT 1 FROM cisadm.{parent} p WHERE p.{col} = c.{col})").fetchone()[0]
            assert orphans == 0, f"{child} has orphans"


@pytest.mark.heavy
def test_reject_rate_gate_blocks_production(target, cli, tmp_path):
    landing = tmp_path / "landing"
    build(landing)
    proc = cli("run", "--landing", str(landing), "--wave", "wave-01", check=False)
    assert proc.returncode == 1
    assert "reject_rate_below_threshold" in proc.stderr and "driven by" in proc.stderr
    with cli.target() as con:
        assert con.execute("SELECT count(*) FROM cisadm.CI_PER").fetchone()[0] == 0, "nothing reached production"
