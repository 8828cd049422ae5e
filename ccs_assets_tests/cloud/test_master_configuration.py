"""The X1 master configuration as dagster-pandas typed DataFrames (issue 13, point 8): a bad file is a failed type
check of config/x1_master_configuration naming file, rule, column and line; a good one carries its summary."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg
import pytest

from ccs_assets.cloud.config import DEMO_MASTER_CONFIG, MasterConfigError, load_master_config, read_master_config


def bad_config(tmp_path: Path, file: str, edit) -> Path:
    folder = tmp_path / "x1cfg"
    shutil.copytree(DEMO_MASTER_CONFIG, folder)
    lines = (folder / file).read_text().splitlines()
    (folder / file).write_text("\n".join(edit(lines)) + "\n")
    return folder


def test_demo_configuration_is_indexed_by_file_line():
    frames = read_master_config(DEMO_MASTER_CONFIG)
    assert list(frames["sp_type.csv"].index[:2]) == [2, 3]
    rows, settings = load_master_config(DEMO_MASTER_CONFIG)
    assert {r["KIND"] for r in rows} >= {"SP_TYPE", "SA_TYPE", "MTR_TYPE", "SETTING"} and settings["store_node"]


@pytest.mark.parametrize("file, edit, expected", [
    ("sp_type.csv", lambda ls: ls[:2] + [",".join(ls[2].split(",")[:1] + [""] + ls[2].split(",")[2:])] + ls[3:],
     "sp_type.csv: X1_CONFIG_BLANK: column mdm_code: empty on line(s) 3"),
    ("sp_type.csv", lambda ls: ls[:3] + [ls[1]] + ls[3:],
     "sp_type.csv: X1_CONFIG_DUPLICATE: key (ccb_code) = ('{k}',) is on line(s) 2, 4"),
    ("meter_type.csv", lambda ls: ls[:2] + [",".join(ls[2].split(",")[:2] + ["B" * 31] + ls[2].split(",")[3:])] + ls[3:],
     "meter_type.csv: X1_CONFIG_TOO_LONG: column device_bo: longer than 30 characters on line(s) 3"),
    ("measr_comp_type.csv", lambda ls: [ls[0].replace("mc_bo", "bo")] + ls[1:],
     "measr_comp_type.csv: X1_CONFIG_HEADER: missing column(s) mc_bo; expected uom, mdm_code, mc_bo"),
    ("settings.csv", lambda ls: [ls[0]] + [("store_node,ABCDEFGHIJKLM," if l.startswith("store_node,") else l) for l in ls[1:]],
     "settings.csv: X1_CONFIG_TOO_LONG: store_node on line {n} longer than 12 bytes (its column is sized in bytes)"),
], ids=["blank", "duplicate", "too-long", "header", "setting-bytes"])
def test_a_bad_file_names_file_rule_column_and_line(tmp_path, file, edit, expected):
    folder = bad_config(tmp_path, file, edit)
    lines = (DEMO_MASTER_CONFIG / file).read_text().splitlines()
    n = next((i for i, l in enumerate(lines, start=1) if l.startswith("store_node,")), 0)
    with pytest.raises(MasterConfigError) as exc:
        load_master_config(folder)
    assert str(exc.value) == f"master configuration {folder}/" + expected.format(k=lines[1].split(",")[0], n=n)


def test_the_asset_fails_its_type_check_in_dagster(tmp_path, monkeypatch):
    """What the UI shows: config/x1_master_configuration's output type check, failed with file, rule, column and
    line, or passed with each file's figures."""
    from ccs_assets.cloud.assets import x1_master_configuration

    monkeypatch.setenv("CCS_HOME", str(tmp_path / "home"))
    for k in [k for k in os.environ if k.startswith("CCS_") and k != "CCS_HOME"]:
        monkeypatch.delenv(k)

    def materialize():
        with dg.DagsterInstance.ephemeral() as instance:
            result = dg.materialize([x1_master_configuration], instance=instance, raise_on_error=False)
        return result, [e.step_output_data.type_check_data for e in result.all_events if e.event_type_value == "STEP_OUTPUT"]

    good, (check,) = materialize()
    assert good.success and check.success and "| sp_type | " in check.metadata["files"].value
    folder = bad_config(tmp_path, "sa_type.csv", lambda ls: ls + [ls[1].split(",")[0] + ",OTHER,again"])
    monkeypatch.setenv("CCS_X1_MASTER_CONFIG", str(folder))
    bad, checks = materialize()
    assert not bad.success
    (failed,) = [c for c in checks if not c.success]
    n = len((DEMO_MASTER_CONFIG / "sa_type.csv").read_text().splitlines()) + 1
    assert failed.description == (f"master configuration {folder / 'sa_type.csv'}: X1_CONFIG_DUPLICATE: key (ccb_code) = "
                                  f"({(DEMO_MASTER_CONFIG / 'sa_type.csv').read_text().splitlines()[1].split(',')[0]!r},) "
                                  f"is on line(s) 2, {n}")
