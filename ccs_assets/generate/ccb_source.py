"""An on-premises CC&B database for the upgrade scenarios (2 and 5), generated as a DuckDB file.

The master data comes from the legacy generator through scenario 1's own
landing and transform steps (one pseudo-wave, no target): the same customers,
premises, SPs, SAs, devices and histories, in CC&B's shape. Then it looks like
a real CC&B database: keys are spread over the whole 10-/12-digit space (a
per-table bijection, foreign keys mapped with their parent's), every table
sits in schema `cisadm` under its CC&B name with the columns the catalog does
not model (catalog/ccb_release.py), and rows that would be orphans in a real
database (records scenario 1 rejects) are left out. The wave plan is the
legacy plan with CC&B account ids. Deterministic for the same arguments.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
import zlib
from pathlib import Path

import duckdb

from ..catalog import ccb
from ..catalog.ccb_release import RELEASE_COLUMNS
from ..catalog.legacy import ALL_FILES
from ..catalog.model import Column, Table
from ..codemaps import load_code_maps
from ..landing.reader import land_file
from ..settings import DEMO_CODE_MAPS, load_settings
from ..transform.steps import transform_table
from ..workbench.resource import ensure_workbench_schema
from .generator import generate_landing

SCHEMA = "cisadm"
PSEUDO_WAVE = "src"
BY_NAME = {t.name: t for t in ccb.CCB_TABLES}
OWNERSHIP_SQL = Path(__file__).parents[1] / "waves" / "ownership.sql"
MULTIPLIER = 1_234_567_891  # coprime with 9 * 10^9 and 9 * 10^11: the key map is a bijection


def _offset(table: str, seed: int) -> int:
    return zlib.crc32(table.encode()) + seed * 7919


def key_expr(expr: str, table: str, width: int, seed: int) -> str:
    """SQL: a zero-padded staging key mapped to a CC&B-looking key of `width` digits (first digit 1-9); blank stays blank."""
    span, base = 9 * 10 ** (width - 1), 10 ** (width - 1)
    return (f"CASE WHEN trim({expr}) = '' THEN {expr} ELSE CAST({base} + (CAST({expr} AS HUGEINT) * {MULTIPLIER} "
            f"+ {_offset(table, seed)}) % {span} AS VARCHAR) END")


def _column_sql(t: Table, c: Column, seed: int) -> str:
    if c.key_kind and c.name == t.primary_key[0] and t.key_table:
        return key_expr(f"x.{c.name}", t.name, c.length, seed)
    if c.key_kind and c.fk and BY_NAME[c.fk_table].key_table:
        return key_expr(f"x.{c.name}", c.fk_table, c.length, seed)
    return f"x.{c.name}"


def _release_value(t: Table, c: Column) -> str:
    """A plausible value of a column the catalog does not model (so it visibly travels)."""
    if c.type == "date":
        return "NULL"
    samples = {"IN_CITY_LIMIT": "'Y'", "PROTECT_CYC_SW": "'N'", "CUST_READ_SW": "'N'", "ALLOW_EST_SW": "'Y'",
               "ALERT_INFO": f"'Alert for ' || x.{t.primary_key[0]}", "GEO_CODE": f"lpad(x.{t.primary_key[0]}, 11, '0')",
               "ACCESS_GRP_CD": "'***'"}
    return samples.get(c.name, "' '")


def source_table_ddl(t: Table) -> str:
    cols = [f"{c.name} {c.duckdb_type()}{'' if c.nullable else ' NOT NULL'}" for c in t.columns + RELEASE_COLUMNS.get(t.name, ())]
    return f"CREATE TABLE {SCHEMA}.{t.name} ({', '.join(cols)})"


def _drop_orphans(con: duckdb.DuckDBPyConnection) -> int:
    """Delete rows whose owner or foreign key has no parent row, until none is left (a real database has none)."""
    removed = 0
    while True:
        before = removed
        for t in ccb.CCB_TABLES:
            for c in t.foreign_keys:
                parent = BY_NAME[c.fk_table]
                n = con.execute(
                    f"DELETE FROM {SCHEMA}.{t.name} x WHERE trim(x.{c.name}) <> '' AND NOT EXISTS "
                    f"(SELECT 1 FROM {SCHEMA}.{parent.name} p WHERE p.{c.fk_column} = x.{c.name})").fetchone()[0]
                removed += n
        if removed == before:
            return removed


def generate_ccb_source(out_dir: Path, customers: int, seed: int = 42, waves: int = 1, history_months: int = 0,
                        admin_tables: bool = False) -> dict[str, int]:
    """Write out_dir/ccb.duckdb (and out_dir/wave_plan.csv when waves > 1); return rows per table.

    history_months > 0 (scenario 5) adds that many months of transactional history (bills, segments, payments,
    adjustments, FTs, reads) through ccs_assets.generate.ccb_history.write_history; admin_tables (scenario 6) adds the
    admin tables behind the data's codes (ccs_assets.generate.ccb_admin.write_source_admin)."""
    if history_months:
        try:
            from .ccb_history import write_history
        except ImportError:
            raise ValueError("the transactional history generator (ccs_assets/generate/ccb_history.py) is not in this "
                             "build: scenario 5 sources cannot be generated yet") from None
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "ccb.duckdb"
    work = Path(tempfile.mkdtemp(prefix="ccb-source-"))
    try:
        landing = work / "landing"
        generate_landing(landing, customers=customers, seed=seed, waves=waves)
        with open(landing / "wave_plan.csv", encoding="utf-8", newline="") as fh:
            plan = list(csv.DictReader(fh))
        with open(landing / "wave_plan.csv", "w", encoding="utf-8", newline="") as fh:  # everything in one pseudo-wave
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["acct_no", "wave"])
            w.writerows([r["acct_no"], PSEUDO_WAVE] for r in plan)
        (landing / "waves.csv").unlink(missing_ok=True)
        settings = load_settings({"CCS_HOME": str(work), "CCS_CODE_MAPS": str(DEMO_CODE_MAPS)})
        con = duckdb.connect(str(work / "workbench.duckdb"), config={"threads": 2})
        try:
            ensure_workbench_schema(con)
            load_code_maps(con, DEMO_CODE_MAPS)
            for f in ALL_FILES:
                land_file(con, landing, f, PSEUDO_WAVE)
            con.execute(OWNERSHIP_SQL.read_text(), {"wave": PSEUDO_WAVE})
            for _ in range(2):  # a transform reads the verdicts of files a later table evaluates: the second pass has them
                for t in ccb.CCB_TABLES:
                    transform_table(con, t, PSEUDO_WAVE, settings)
            db.unlink(missing_ok=True)
            con.execute(f"ATTACH '{db}' AS out")
            con.execute(f"CREATE SCHEMA out.{SCHEMA}")
            con.execute("USE out")
            for t in ccb.CCB_TABLES:
                con.execute(source_table_ddl(t))
                exprs = [_column_sql(t, c, seed) for c in t.columns]
                exprs += [_release_value(t, c) for c in RELEASE_COLUMNS.get(t.name, ())]
                con.execute(f"INSERT INTO {SCHEMA}.{t.name} SELECT {', '.join(exprs)} FROM workbench.ccb.{t.name} x "
                            f"WHERE x._wave = '{PSEUDO_WAVE}'")
            _drop_orphans(con)
            counts = {t.name: con.execute(f"SELECT count(*) FROM {SCHEMA}.{t.name}").fetchone()[0] for t in ccb.CCB_TABLES}
            if history_months:
                history = write_history(con, SCHEMA, history_months, seed)
                counts.update(history if isinstance(history, dict) else {})
            if admin_tables:
                from .ccb_admin import write_source_admin

                counts.update(write_source_admin(con, SCHEMA, seed))
            plan_file = out_dir / "wave_plan.csv"
            plan_file.unlink(missing_ok=True)
            if waves > 1:
                con.execute("CREATE TEMP TABLE legacy_plan (acct_no VARCHAR, wave VARCHAR)")
                con.executemany("INSERT INTO legacy_plan VALUES (?, ?)", [(r["acct_no"], r["wave"]) for r in plan])
                acct = key_expr("a.ACCT_ID", "CI_ACCT", 10, seed)
                con.execute(
                    f"""COPY (SELECT {acct} AS acct_id, p.wave FROM workbench.ccb.CI_ACCT a
                        JOIN legacy_plan p ON p.acct_no = a._legacy_key
                        WHERE a._wave = '{PSEUDO_WAVE}' AND {acct} IN (SELECT ACCT_ID FROM {SCHEMA}.CI_ACCT)
                        ORDER BY p.wave, acct_id) TO '{plan_file}' (FORMAT csv, HEADER true)""")
                counts["wave_plan.csv"] = sum(1 for _ in open(plan_file)) - 1
            con.execute("USE workbench")
            con.execute("DETACH out")
        finally:
            con.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return counts
