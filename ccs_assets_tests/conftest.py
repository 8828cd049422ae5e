"""Shared helpers: run ccs-migrate as a user does, in a fresh CCS_HOME, on every target.

End-to-end tests take the `cli` fixture; with `target` parametrized (see
TARGETS) they run on DuckDB always and on Oracle Database when
CCS_ORACLE_DSN, CCS_ORACLE_USER and CCS_ORACLE_PASSWORD are set (skipped with
that reason otherwise). The Oracle variant EMPTIES every catalog table in the
configured schemas (CCS_ORACLE_STAGING_SCHEMA / CCS_ORACLE_PRODUCTION_SCHEMA,
default CISSTG / CISADM) first: point it at scratch schemas.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ORACLE_ENV = ("CCS_ORACLE_DSN", "CCS_ORACLE_USER", "CCS_ORACLE_PASSWORD")
_ORACLE_MISSING = [n for n in ORACLE_ENV if not os.environ.get(n)]
TARGETS = [
    pytest.param("duckdb", id="duckdb"),
    pytest.param("oracle", id="oracle", marks=[pytest.mark.oracle, pytest.mark.skipif(
        bool(_ORACLE_MISSING), reason=f"Oracle variant needs {', '.join(_ORACLE_MISSING)} (no Oracle Database configured)")]),
]


class OracleReader:
    """A read connection to the Oracle target that takes the tests' DuckDB-style SQL (`?` binds, cisstg./cisadm.)."""

    def __init__(self):
        import oracledb

        self.stg = (os.environ.get("CCS_ORACLE_STAGING_SCHEMA") or "CISSTG").upper()
        self.prod = (os.environ.get("CCS_ORACLE_PRODUCTION_SCHEMA") or "CISADM").upper()
        self.con = oracledb.connect(user=os.environ["CCS_ORACLE_USER"], password=os.environ["CCS_ORACLE_PASSWORD"],
                                    dsn=os.environ["CCS_ORACLE_DSN"])

    def execute(self, sql: str, params=None):
        sql = re.sub(r"(?i)\bcisstg\.", self.stg + ".", sql)
        sql = re.sub(r"(?i)\bcisadm\.", self.prod + ".", sql)
        n = iter(range(1, 1000))
        sql = re.sub(r"\?", lambda m: f":{next(n)}", sql)
        cur = self.con.cursor()
        cur.execute(sql, list(params or []))
        return cur

    def empty_target(self) -> None:
        """Empty every table the tool creates (CC&B, project, MDM/ODM, admin) and drop the load tables a run left."""
        from ccs_assets.cloud.steps import x1_production_tables, x1_staging_tables
        from ccs_assets.target.resource import LOAD_PREFIX
        from ccs_assets.target.schema import production_tables, staging_tables

        lists = ((self.stg, staging_tables() + x1_staging_tables()), (self.prod, production_tables() + x1_production_tables()))
        for schema, tables in lists:
            existing = {r[0] for r in self.execute("SELECT table_name FROM all_tables WHERE owner = ?", [schema]).fetchall()}
            for t in tables:
                if t.name in existing:
                    self.execute(f"TRUNCATE TABLE {schema}.{t.name}")
            for name in sorted(n for n in existing if n.startswith(LOAD_PREFIX)):
                self.execute(f"DROP TABLE {schema}.{name} PURGE")

    def close(self):
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Cli:
    def __init__(self, home: Path, target: str = "duckdb"):
        self.home = home
        self.target_kind = target
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("CCS_", "DAGSTER_"))}
        self.env["CCS_HOME"] = str(home)
        if target == "oracle":
            self.env.update({k: v for k, v in os.environ.items() if k.startswith("CCS_ORACLE_")})
            self.env["CCS_ENV_ID"] = os.environ.get("CCS_ENV_ID", "100000")  # scratch schemas: any installation id
            self.env["CCS_TARGET"] = "oracle"

    def __call__(self, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        proc = subprocess.run([sys.executable, "-m", "ccs_assets.cli.main", *args], capture_output=True, text=True,
                              env={**self.env, **env}, timeout=900)
        if check and proc.returncode != 0:
            raise AssertionError(f"ccs-migrate {' '.join(args)} exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
        return proc

    def target(self):
        """A read connection to the target: `.execute(sql, [params]).fetchall()` with `?` binds on every target."""
        if self.target_kind == "oracle":
            return OracleReader()
        return duckdb.connect(str(self.home / "target.duckdb"), read_only=True)


@pytest.fixture(params=TARGETS)
def target(request) -> str:
    return request.param


@pytest.fixture
def cli(request, tmp_path: Path) -> Cli:
    kind = request.getfixturevalue("target") if "target" in request.fixturenames else "duckdb"
    c = Cli(tmp_path / "ccs", kind)
    if kind == "oracle":
        with OracleReader() as r:
            r.empty_target()
    return c


# ---------------------------------------------------------------- one two-wave landing run once per session
TWO_WAVES = {"customers": "400", "waves": "2", "seed": "7"}


def wave_snapshot(con, wave: str) -> dict:
    """Every row wave `wave` owns in production (CC&B, MDM, ODM: through CCS_WAVE_LEDGER), its CK_ maps, its
    MDM/ODM key map, and the admin tables of step 9, as sorted tuples per table."""
    from ccs_assets.catalog import ccb, mdm, odm

    out = {}
    for t in ccb.CCB_TABLES + mdm.MDM_TABLES + odm.ODM_TABLES:
        out[t.name] = sorted(con.execute(
            f"SELECT * FROM cisadm.{t.name} WHERE {t.owner_column} IN (SELECT OWNER_KEY FROM cisadm.CCS_WAVE_LEDGER "
            f"WHERE WAVE = ? AND TABLE_NAME = ?)", [wave, t.name]).fetchall(), key=repr)
    for t in ccb.CCB_TABLES:
        if t.key_table:
            out[t.ck_table] = sorted(con.execute(
                f"SELECT OLD_KEY, NEW_KEY, LEGACY_KEY FROM cisstg.{t.ck_table} WHERE WAVE = ?", [wave]).fetchall())
    out["CCS_X1_KEY_MAP"] = sorted(con.execute(
        "SELECT CCB_TABLE, CCB_KEY, MDM_TABLE, MDM_KEY FROM cisstg.CCS_X1_KEY_MAP WHERE WAVE = ?", [wave]).fetchall())
    for t in mdm.ADMIN_TABLES + odm.ADMIN_TABLES:
        out[t.name] = sorted(con.execute(f"SELECT * FROM cisadm.{t.name}").fetchall(), key=repr)
    return out


class TwoWaves:
    """A landing of 400 customers in two waves, both run; snapshots and reconciliations taken before wave-01 was
    run again, and after (`cli` is the home after the rerun)."""

    def __init__(self, cli: Cli, landing: Path):
        self.cli = cli
        self.landing = landing
        self.before: dict[str, dict] = {}
        self.after: dict[str, dict] = {}
        self.reconcile_before: dict[str, dict] = {}
        self.reconcile_after: dict[str, dict] = {}
        self.runs: list[subprocess.CompletedProcess] = []

    def snapshot(self) -> dict[str, dict]:
        with self.cli.target() as con:
            return {w: wave_snapshot(con, w) for w in ("wave-01", "wave-02")}

    def reconcile(self) -> dict[str, dict]:
        import json

        return {w: json.loads(self.cli("reconcile", "--wave", w, "--format", "json").stdout) for w in ("wave-01", "wave-02")}

    def run(self, wave: str) -> subprocess.CompletedProcess:
        proc = self.cli("run", "--scenario", "legacy-cis", "--landing", str(self.landing), "--wave", wave)
        self.runs.append(proc)
        return proc


@pytest.fixture(scope="session", params=TARGETS)
def two_waves_rerun(request, tmp_path_factory) -> TwoWaves:
    """Scenario 1 end to end once per session and target: generate, both waves, then wave-01 again.

    Tests that only read the result share it (the legacy-CIS and the steps 9-12 end-to-end tests); a
    test that changes anything copies `cli.home` first (see `private_copy`)."""
    root = tmp_path_factory.mktemp(f"two_waves_{request.param}")
    cli = Cli(root / "ccs", request.param)
    if request.param == "oracle":
        with OracleReader() as r:
            r.empty_target()
    landing = root / "ccs" / "landing"
    cli("generate", str(landing), "--customers", TWO_WAVES["customers"], "--waves", TWO_WAVES["waves"],
        "--seed", TWO_WAVES["seed"])
    cli("waves", "sync", "--landing", str(landing))
    tw = TwoWaves(cli, landing)
    tw.run("wave-01")
    tw.run("wave-02")
    tw.before = tw.snapshot()
    tw.reconcile_before = tw.reconcile()
    tw.run("wave-01")
    tw.after = tw.snapshot()
    tw.reconcile_after = tw.reconcile()
    return tw


def private_copy(home: Path, dest: Path) -> Cli:
    """A copy of a shared CCS_HOME (target, workbench, Dagster instance, landing) a test may change."""
    shutil.copytree(home, dest)
    return Cli(dest)


def table_digests(db: Path) -> dict[str, tuple[int, str]]:
    """(rows, md5 of the sorted rows) of every table in a DuckDB file: equal digests, equal contents."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute("SELECT table_schema, table_name FROM information_schema.tables "
                             "WHERE table_type = 'BASE TABLE' ORDER BY ALL").fetchall()
        for schema, table in tables:
            out[f"{schema}.{table}"] = con.execute(
                f"SELECT count(*), coalesce(md5(string_agg(r, '|' ORDER BY r)), '') "
                f"FROM (SELECT CAST(t AS VARCHAR) AS r FROM {schema}.{table} t)").fetchone()
    return out


# ---------------------------------------------------------------- parallel runs (pytest-xdist, .ci/run: -n 2 --dist loadgroup)
# A module's tests stay on one worker (its module fixtures are built once); the modules that read one session
# fixture share a worker, so that fixture (a full two-wave run) is built once, not once per worker.
SHARED_SESSION_FIXTURES = {"two_waves_rerun": "two_waves_rerun", "two_waves_home": "waves_two_waves_home"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        used = set(getattr(item, "fixturenames", ()))
        group = next((g for name, g in SHARED_SESSION_FIXTURES.items() if name in used), None)
        item.add_marker(pytest.mark.xdist_group(group or item.nodeid.split("::")[0]))
