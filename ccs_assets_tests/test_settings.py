"""Settings: DuckDB memory settings, and a CCS_HOME that is a file or cannot be written (one line, exit 2, every command)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ccs_assets.resources import build_resources
from ccs_assets.settings import SettingsError, check_home, load_settings


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


COMMANDS = [("run", "--wave", "wave-01"), ("waves", "sync"), ("rollback", "--wave", "wave-01"),
            ("reconcile", "--wave", "wave-01"), ("errors", "--wave", "wave-01"), ("trace", "--legacy-key", "C1"),
            ("doctor",)]


def ccs(home: str, *args: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "CCS_HOME": home}
    return subprocess.run([sys.executable, "-m", "ccs_assets.cli.main", *args], capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.mark.parametrize("bad", ["file", "unwritable"])
def test_bad_ccs_home_is_one_line_exit_2_for_every_command(tmp_path, bad):
    if bad == "file":
        home = tmp_path / "home"
        home.write_text("not a folder")
        expected = "is a file, not a folder"
    else:  # /proc refuses new folders even to root, where a chmod would not
        home = "/proc/ccs-home"
        expected = "is not a writable folder"
    for args in COMMANDS if bad == "file" else COMMANDS[:1] + COMMANDS[4:5]:  # each start costs seconds of CPU
        p = ccs(str(home), *args)
        assert p.returncode == 2, (args, p.stderr[-2000:])
        assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr, (args, p.stderr)
        assert p.stderr.startswith(f"ccs-migrate: CCS_HOME: {home} {expected}"), (args, p.stderr)


def test_check_home_creates_a_missing_home_and_names_a_file_below_a_file(tmp_path):
    check_home(load_settings({"CCS_HOME": str(tmp_path / "new" / "home")}))
    assert (tmp_path / "new" / "home" / "dagster").is_dir()
    (tmp_path / "f").write_text("x")
    with pytest.raises(SettingsError, match=r"CCS_HOME: .*/f/home is not a writable folder"):
        check_home(load_settings({"CCS_HOME": str(tmp_path / "f" / "home")}))
