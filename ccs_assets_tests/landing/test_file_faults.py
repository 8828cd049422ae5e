"""Whole-file faults: the run's last line names file, line and rule, `errors` has the row, `reconcile` no traceback."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil

import pytest

from ccs_assets.landing.faults import first_bad_utf8

LAST = "(run recorded in"


def last_line(proc) -> str:
    return proc.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from ccs_assets_tests.conftest import Cli

    root = tmp_path_factory.mktemp("faults")
    Cli(root / "gen")("generate", str(root / "landing"), "--customers", "60", "--waves", "2", "--seed", "5")
    return root / "landing"


def landing_copy(generated, tmp_path):
    dest = tmp_path / "landing"
    shutil.copytree(generated, dest)
    return dest


@pytest.mark.heavy
def test_every_whole_file_fault_is_named_recorded_and_reconcile_does_not_crash(cli, generated, tmp_path):
    land = landing_copy(generated, tmp_path)
    lines = (land / "customers.csv").read_bytes().split(b"\n")
    lines[4] = lines[4].replace(b",", b",Jos\xe9 ", 1)  # one latin-1 byte on physical line 5
    (land / "customers.csv").write_bytes(b"\n".join(lines))
    (land / "premises.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)  # binary garbage (an image)
    header, rest = (land / "meters.csv").read_text().split("\n", 1)
    (land / "meters.csv").write_text(header.replace("meter_type", "mtr_type") + "\n" + rest)  # renamed column
    header, rest = (land / "accounts.csv").read_text().split("\n", 1)
    cols = header.split(",")
    drop = cols.index("bill_cycle")
    rows = list(csv.reader(io.StringIO(header + "\n" + rest)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:drop] + r[drop + 1:] for r in rows if r])  # dropped column
    (land / "accounts.csv").write_text(out.getvalue())
    (land / "registers.csv").write_text("")  # empty
    (land / "service_agreements.csv").write_text((land / "service_agreements.csv").read_text().split("\n", 1)[0] + "\n")
    os.remove(land / "service_points.csv")  # missing

    run = cli("run", "--landing", str(land), "--wave", "wave-01", check=False)
    assert run.returncode == 1
    assert last_line(run).startswith("wave wave-01: FAILED: legacy/") and LAST in last_line(run)
    assert "(and 6 more above)" in last_line(run)
    expected = {  # table -> (rule, line)
        "customers": ("BAD_ENCODING", 5), "premises": ("BAD_ENCODING", 1), "meters": ("BAD_HEADER", 1),
        "accounts": ("BAD_HEADER", 1), "registers": ("FILE_EMPTY", 1), "service_agreements": ("FILE_NO_RECORDS", 1),
        "service_points": ("FILE_MISSING", None),
    }
    for table, (rule, line) in expected.items():
        where = f"{land / (table + '.csv')}" + (f" line {line}" if line else "")
        assert f"step failed: legacy/{table}: {where}: {rule}: " in run.stderr, (table, run.stderr[-4000:])
    assert "mtr_type" in run.stderr and "missing column(s) bill_cycle" in run.stderr

    errors = json.loads(cli("errors", "--wave", "wave-01", "--format", "json").stdout)
    got = {e["table_name"]: (e["rule"], e["line"]) for e in errors if e["step"] == "landing"}
    assert got == expected
    assert all(e["message"].startswith(str(land)) for e in errors if e["step"] == "landing")

    rec = cli("reconcile", "--wave", "wave-01", check=False)
    assert rec.returncode == 1 and "Traceback" not in rec.stderr, rec.stderr[-3000:]
    assert "is FAILURE: the counts below stop where it stopped" in rec.stdout.splitlines()[0]
    assert "CI_PER" in rec.stdout


@pytest.mark.heavy
def test_required_file_short_of_the_plan_and_a_missing_code_map_stop_the_wave(cli, generated, tmp_path):
    land = landing_copy(generated, tmp_path)
    plan = {r["acct_no"]: r["wave"] for r in csv.DictReader(open(land / "wave_plan.csv"))}
    text = (land / "service_agreements.csv").read_text().splitlines()
    keep = [text[0]] + [line for line in text[1:] if plan.get(next(csv.reader([line]))[1]) != "wave-01"]
    assert text[0].split(",")[1] == "acct_no" and 1 < len(keep) < len(text)
    (land / "service_agreements.csv").write_text("\n".join(keep) + "\n")  # records, but none of wave-01's
    run = cli("run", "--landing", str(land), "--wave", "wave-01", check=False)
    assert run.returncode == 1
    assert "check waves/ownership:required_files_cover_the_plan: service_agreements.csv covers 0 of the " in last_line(run)
    errors = json.loads(cli("errors", "--wave", "wave-01", "--format", "json").stdout)
    assert [(e["step"], e["table_name"], e["rule"]) for e in errors if e["rule"].startswith("ENTITY_")] == [
        ("plan", "service_agreements", "ENTITY_MISSING")]

    maps = tmp_path / "maps"
    from ccs_assets.settings import DEMO_CODE_MAPS

    shutil.copytree(DEMO_CODE_MAPS, maps)
    victim = sorted(maps.glob("*.csv"))[0]
    victim.unlink()
    run = cli("run", "--landing", str(land), "--wave", "wave-01", check=False, CCS_CODE_MAPS=str(maps))
    assert run.returncode == 1
    assert f"code map {victim}: CODE_MAP_MISSING: file missing" in last_line(run), last_line(run)
    errors = json.loads(cli("errors", "--wave", "wave-01", "--format", "json").stdout)
    maps_errors = [e for e in errors if e["table_name"] == "code_maps"]
    assert [(e["step"], e["rule"]) for e in maps_errors] == [("landing", "CODE_MAP_MISSING")]
    assert maps_errors[0]["message"].startswith(f"code map {victim}: CODE_MAP_MISSING: file missing")
    # a key mapped twice: the code maps' type check fails (dagster-pandas), naming file, rule, key and lines
    shutil.copy(DEMO_CODE_MAPS / victim.name, victim)
    lines = (maps / "sp_type.csv").read_text().splitlines()
    (maps / "sp_type.csv").write_text("\n".join(lines + [lines[1].rsplit(",", 1)[0] + ",OTHER"]) + "\n")
    run = cli("run", "--landing", str(land), "--wave", "wave-01", check=False, CCS_CODE_MAPS=str(maps))
    why = (f"code map {maps / 'sp_type.csv'}: CODE_MAP_DUPLICATE: key (division, service_type, sp_kind) = "
           f"{tuple(lines[1].split(',')[:3])!r} is on line(s) 2, {len(lines) + 1}")
    assert run.returncode == 1 and last_line(run).startswith(f"wave wave-01: FAILED: config__code_maps: type check failed: {why}")
    errors = json.loads(cli("errors", "--wave", "wave-01", "--format", "json").stdout)
    got = [(e["rule"], e["message"]) for e in errors if e["table_name"] == "code_maps"]
    assert [rule for rule, _ in got] == ["CODE_MAP_DUPLICATE"]
    # `errors` shows a message over 200 characters as its first 200 and a note (a long temporary path gets there)
    shown = got[0][1].split("... [", 1)[0]
    assert why.startswith(shown) and len(shown) >= min(len(why), 200), (shown, why)
    # a CC&B code mapped twice in the X1 master configuration: its type check fails before the wave, naming file and lines
    from ccs_assets.cloud.config import DEMO_MASTER_CONFIG

    x1cfg = tmp_path / "x1cfg"
    shutil.copytree(DEMO_MASTER_CONFIG, x1cfg)
    lines = (x1cfg / "sa_type.csv").read_text().splitlines()
    (x1cfg / "sa_type.csv").write_text("\n".join(lines + [lines[1].split(",")[0] + ",OTHER,again"]) + "\n")
    run = cli("run", "--landing", str(land), "--wave", "wave-01", check=False, CCS_X1_MASTER_CONFIG=str(x1cfg))
    why = (f"master configuration {x1cfg / 'sa_type.csv'}: X1_CONFIG_DUPLICATE: key (ccb_code) = "
           f"({lines[1].split(',')[0]!r},) is on line(s) 2, {len(lines) + 1}")
    assert run.returncode == 1 and last_line(run).startswith(
        f"wave wave-01: FAILED: config__x1_master_configuration: type check failed: {why}"), last_line(run)


def test_first_bad_utf8_names_line_and_column_across_blocks(tmp_path):
    p = tmp_path / "f.csv"
    p.write_bytes(b"a,b\n" + b"x,\xc3\xa9\n" * 1000 + b"y,caf\xe9\n" + b"z,1\n")
    assert first_bad_utf8(p, block=64) == (1002, 6, 0xE9)
    p.write_bytes(b"a,b\n1,\xc3\xa9\n")
    assert first_bad_utf8(p) is None
