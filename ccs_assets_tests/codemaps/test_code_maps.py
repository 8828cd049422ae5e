"""Code maps as dagster-pandas typed DataFrames (issue 13, point 8): a bad map is a failed type check naming the
file, rule, column and line, and nothing of it reaches the workbench; a good one carries its summary."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from ccs_assets.codemaps import CODE_MAP_KINDS, CodeMapError, check_code_maps, load_code_maps, read_code_maps
from ccs_assets.settings import DEMO_CODE_MAPS


def bad_maps(tmp_path: Path, edit) -> Path:
    folder = tmp_path / "maps"
    shutil.copytree(DEMO_CODE_MAPS, folder)
    path = folder / "sp_type.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join(edit(lines)) + "\n")
    return folder


def test_demo_maps_pass_their_types_and_load():
    frames = read_code_maps(DEMO_CODE_MAPS)
    assert set(frames) == set(CODE_MAP_KINDS) and list(frames["sp_type"].index[:2]) == [2, 3], "indexed by file line"
    check_code_maps(frames)
    with duckdb.connect() as con:
        counts = load_code_maps(con, DEMO_CODE_MAPS)
        assert counts["sp_type"] == len(frames["sp_type"])
        assert con.execute("SELECT * FROM cfg.map_sp_type LIMIT 1").fetchone() == tuple(frames["sp_type"].iloc[0])


@pytest.mark.parametrize("edit, expected", [
    (lambda ls: ls[:3] + [ls[1]] + ls[3:],  # line 2's key again on line 4
     "CODE_MAP_DUPLICATE: key (division, service_type, sp_kind) = ('NORTH', 'E', 'METER') is on line(s) 2, 4"),
    (lambda ls: ls[:2] + [ls[2].rsplit(",", 1)[0] + ", "] + ls[3:],  # line 3 maps to a blank
     "CODE_MAP_BLANK: column ccb_value: empty on line(s) 3"),
    (lambda ls: [ls[0].replace("sp_kind", "kind")] + ls[1:],
     "CODE_MAP_HEADER: missing column(s) sp_kind; expected division, service_type, sp_kind, ccb_value"),
], ids=["duplicate", "blank", "header"])
def test_a_bad_map_names_file_rule_column_and_line(tmp_path, edit, expected):
    folder = bad_maps(tmp_path, edit)
    with pytest.raises(CodeMapError) as exc:
        load_code_maps(duckdb.connect(), folder)
    assert str(exc.value) == f"code map {folder / 'sp_type.csv'}: {expected}"


def test_the_asset_fails_its_type_check_in_dagster_and_writes_nothing(tmp_path, monkeypatch):
    """What the UI shows: the output's type check (failed, with the rule and line; passed, with the summary)."""
    from ccs_assets.resources import build_resources
    from ccs_assets.scenarios.legacy_cis import code_maps
    from ccs_assets.settings import load_settings

    monkeypatch.setenv("CCS_HOME", str(tmp_path / "home"))
    for k in [k for k in os.environ if k.startswith("CCS_") and k != "CCS_HOME"]:
        monkeypatch.delenv(k)

    def materialize():
        settings = load_settings()
        resources = build_resources(settings)
        with dg.DagsterInstance.ephemeral() as instance:
            result = dg.materialize([code_maps], instance=instance, resources=resources, raise_on_error=False)
        checks = [e.step_output_data.type_check_data for e in result.all_events if e.event_type_value == "STEP_OUTPUT"]
        return result, checks, settings

    good, (check,), settings = materialize()
    assert good.success and check.success and "| sp_type | " in check.metadata["maps"].value
    with duckdb.connect(str(settings.workbench_db), read_only=True) as con:
        before = con.execute("SELECT count(*) FROM cfg.map_sp_type").fetchone()[0]
    folder = bad_maps(tmp_path, lambda ls: ls[:3] + [ls[1]] + ls[3:])
    monkeypatch.setenv("CCS_CODE_MAPS", str(folder))
    bad, checks, settings = materialize()
    assert not bad.success
    (failed,) = [c for c in checks if not c.success]
    assert failed.description == (f"code map {folder / 'sp_type.csv'}: CODE_MAP_DUPLICATE: key (division, service_type, "
                                  "sp_kind) = ('NORTH', 'E', 'METER') is on line(s) 2, 4")
    with duckdb.connect(str(settings.workbench_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM cfg.map_sp_type").fetchone()[0] == before, "the bad map was not loaded"
