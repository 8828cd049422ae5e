"""DuckDB memory settings: a bad value is one clear error; a good one reaches every DuckDB connection."""

from __future__ import annotations

import pytest

from ccs_assets.resources import build_resources
from ccs_assets.settings import SettingsError, load_settings


@pytest.mark.parametrize("value", ["lots", "1", "0GB", "-1GB", "1 G"])
def test_bad_memory_limit_names_the_setting(value):
    with pytest.raises(SettingsError, match="CCS_DUCKDB_MEMORY_LIMIT must be a size like 1GB"):
        load_settings({"CCS_DUCKDB_MEMORY_LIMIT": value})


def test_memory_limit_and_spill_folder_reach_workbench_and_target(tmp_path):
    settings = load_settings({"CCS_HOME": str(tmp_path / "ccs"), "CCS_DUCKDB_MEMORY_LIMIT": "512MB",
                              "CCS_DUCKDB_TEMP_DIR": str(tmp_path / "spill")})
    res = build_resources(settings)
    with res["workbench"].connect() as con:
        limit, temp = con.execute("SELECT current_setting('memory_limit'), current_setting('temp_directory')").fetchone()
    assert limit in ("488.2 MiB", "512.0 MB", "512MB") and temp == str(tmp_path / "spill")
    with res["target"].session() as s:
        assert s.scalar("SELECT current_setting('temp_directory')") == str(tmp_path / "spill")
    assert (tmp_path / "spill").is_dir()
    assert load_settings({"CCS_HOME": str(tmp_path / "ccs")}).duckdb_temp_dir == tmp_path / "ccs" / "duckdb-tmp"
