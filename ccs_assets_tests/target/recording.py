"""A recording Oracle session: the real OracleSession on a fake python-oracledb connection.

The fake records every statement (and direct path loads / executemany calls)
and answers queries with canned rows, so the real step functions run
unchanged and their Oracle SQL can be checked. `units()` drives every step
for every catalog table: a table or rule file added to the catalog is
covered with no edit here.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable

import duckdb
import oracledb

from ccs_assets.catalog import ccb, project
from ccs_assets.catalog.model import Table
from ccs_assets.keys.steps import KEYED, generate_keys, rejects_by_rule, validate_entity
from ccs_assets.production.steps import insert_production
from ccs_assets.reconcile import target_counts
from ccs_assets.scenarios import checks
from ccs_assets.stage.steps import stage_file
from ccs_assets.target.resource import OracleSession
from ccs_assets.target.schema import ensure_target_schema
from ccs_assets.workbench.resource import ensure_workbench_schema

WAVE = "w01"
DML_ONLY = r"^(?!CREATE |SELECT \w+ FROM all_)"  # a unit's statements without the DDL and dictionary reads
STG, PROD = "CISSTG", "CISADM"


class FakeCursor:
    def __init__(self, con: "FakeOracle"):
        self.con = con
        self.description = None
        self._rows: list[tuple] = []

    def execute(self, sql: str, params=None):
        self.con.log.append(("sql", sql, dict(params or {})))
        rows = self.con.answer(sql)
        self.description = None if rows is None else [("C",)]
        self._rows = rows or []

    def fetchall(self):
        return self._rows

    def executemany(self, sql, data, *, batcherrors=False, batch_size=2**32 - 1, **kw):
        df = oracledb.from_arrow(data)  # the Arrow import python-oracledb does before sending
        self.con.log.append(("sql", sql, {}))
        self.con.log.append(("note", f"executemany batcherrors={batcherrors} batch_size={batch_size}: {df.num_rows()} rows", {}))
        self._batch_errors = self.con.batch_errors

    def getbatcherrors(self):
        return getattr(self, "_batch_errors", [])

    def close(self):
        pass


@dataclass
class BatchError:
    offset: int
    message: str


class FakeOracle:
    """Records SQL; SELECT count(...) answers `count` (or a per-pattern sequence), dictionary queries answer empty."""

    def __init__(self, count: int = 0, sequences: dict[str, list] | None = None, dpl: bool = True):
        self.log: list[tuple[str, str, dict]] = []
        self.count = count
        self.sequences = {re.compile(k, re.S): list(v) for k, v in (sequences or {}).items()}
        self.dpl = dpl
        self.batch_errors: list[BatchError] = []
        self.autocommit = False

    def answer(self, sql: str):
        s = sql.strip()
        if not s.upper().startswith(("SELECT", "WITH")):
            return None
        for pat, seq in self.sequences.items():
            if pat.search(s) and seq:
                return [(seq.pop(0),)]
        if "all_users" in s:
            return [(STG,)]
        if "all_tables" in s or "all_indexes" in s:
            return []
        if re.match(r"(?is)SELECT\s+count\(", s):
            return [(self.count,)]
        return []

    def cursor(self):
        return FakeCursor(self)

    def commit(self):
        self.log.append(("commit", "", {}))

    def rollback(self):
        self.log.append(("rollback", "", {}))

    def direct_path_load(self, schema_name, table_name, column_names, data, *, batch_size=2**32 - 1):
        if not self.dpl:
            raise oracledb.NotSupportedError("DPY-3001: direct path load is not supported here (fake)")
        df = oracledb.from_arrow(data)
        self.log.append(("note", f"direct_path_load {schema_name}.{table_name} ({', '.join(column_names)}) "
                                 f"batch_size={batch_size}: {df.num_rows()} rows", {}))

    def fetch_df_all(self, statement=None, parameters=None, arraysize=None, *, fetch_decimals=None, **kw):
        """The data-frame fetch: SELECT COUNT(*) AS N [..AS TOTAL] answers `count` [and 0], anything else no rows."""
        self.log.append(("sql", statement, dict(parameters or {})))
        if re.match(r"(?is)SELECT\s+COUNT\(\*\)\s+AS\s+N\b", statement.strip()):
            cols = {"N": [self.count]} | ({"TOTAL": [0]} if " AS TOTAL" in statement else {})
            return _FakeFrame(cols)
        return _FakeFrame({})

    def close(self):
        pass

    def statements(self) -> list[str]:
        return [sql for kind, sql, _ in self.log if kind == "sql"]


class _FakeFrame:
    """What python-oracledb's fetch_df_all returns, as far as OracleSession.arrow reads it."""

    def __init__(self, cols: dict[str, list]):
        self.cols = cols

    def column_names(self):
        return list(self.cols)

    def column_arrays(self):
        import pyarrow as pa

        return [pa.array(v) for v in self.cols.values()]


def recording_session(**kw) -> tuple[OracleSession, FakeOracle]:
    con = FakeOracle(**{k: v for k, v in kw.items() if k in ("count", "sequences", "dpl")})
    s = OracleSession(con, STG, PROD, load_method=kw.get("load_method", "direct_path"), batch_rows=kw.get("batch_rows", 100_000),
                      parser=duckdb.connect())
    return s, con


# ---------------------------------------------------------------- sample extract files
def _sample_value(c) -> str:
    if c.type in ("char", "varchar"):
        return '"' + ("1" * min(c.length or 1, 10)) + '"'
    if c.type == "number":
        return "1"
    return date(2020, 1, 2).isoformat() if c.type == "date" else datetime(2020, 1, 2, 3, 4, 5).isoformat(sep=" ")


def sample_file(t: Table, folder: Path) -> Path:
    """One good line and one line with a bad date/number, so both the load and the rejects run."""
    good = ",".join(_sample_value(c) for c in t.columns)
    bad = ",".join("notanumber" if c.type in ("number", "date", "timestamp") else _sample_value(c) for c in t.columns)
    path = folder / f"{t.name}.dat"
    path.write_text(good + "\n" + (bad if bad != good else good) + "\n", encoding="utf-8")
    return path


def file_tables() -> list[Table]:
    """Every table the staging load fills from an extract file."""
    out = []
    for t in ccb.CCB_TABLES:
        out.append(t)
        if t.key_table:
            out.append(project.k_table(t))
    return out + [project.KEY_XREF]


# ---------------------------------------------------------------- units: (step, name) -> driver
def _reject_rate(s):
    """The gate's reject rate on an empty in-memory workbench and the recording target session."""
    con = duckdb.connect()
    try:
        ensure_workbench_schema(con)
        return checks.reject_rate(con, s, WAVE)
    finally:
        con.close()


def units(tmp: Path) -> dict[tuple[str, str], Callable[[], tuple[OracleSession, FakeOracle]]]:
    """Every statement the target side can run, grouped by (step, table) for golden files."""
    out: dict[tuple[str, str], Callable] = {}

    def unit(step: str, name: str, only: str | None = None, **session_kw):
        def deco(fn):
            def run():
                s, con = recording_session(**session_kw)
                fn(s)
                if only:  # keep this unit's statements only
                    keep = re.compile(only)
                    con.log = [e for e in con.log if e[0] == "sql" and keep.search(e[1])]
                return s, con
            out[(step, name)] = run
            return fn
        return deco

    from ccs_assets.target.schema import production_tables, staging_tables

    from ccs_assets.cloud.steps import ensure_x1_schema, x1_production_tables, x1_staging_tables

    # DDL of one table, both schemas: CC&B, project and MDM/ODM tables (ensure_x1_schema runs ensure_target_schema first)
    every = staging_tables() + production_tables() + x1_staging_tables() + x1_production_tables()
    for name in sorted({t.name for t in every}):
        unit("schema", name, only=rf"^CREATE (TABLE|INDEX) \S+ (ON \S+\.)?{name}( |_IX_)|^CREATE TABLE \S+\.{name} ")(ensure_x1_schema)
    unit("schema", "_dictionary", only=r"^(?!CREATE )")(ensure_x1_schema)  # what decides what to create
    _transactional_units(unit)
    _financial_units(unit)
    for t in file_tables():
        unit("stage", t.name)(lambda s, t=t: stage_file(s, t, sample_file(t, tmp), WAVE))
    for t in KEYED:
        unit("validate", t.name)(lambda s, t=t: (validate_entity(s, t, WAVE), rejects_by_rule(s, t, WAVE)))
        # first readiness count says one row waits for a key, the next says none: one key round is recorded
        unit("keys", t.name, sequences={r"\) r\s*$": [1, 0]})(lambda s, t=t: generate_keys(s, t, WAVE))
    for t in ccb.CCB_TABLES:
        unit("production", t.name)(lambda s, t=t: insert_production(s, t, WAVE, 100000))
        unit("checks", t.name, count=1)(lambda s, t=t: (
            checks.count_violations(s, checks.fk_violations_sql(s, t) + checks.key_format_sql(s, t), WAVE),
            checks.pk_duplicates(s, t)))
    unit("reconcile", "target_counts")(lambda s: target_counts(s, WAVE))
    unit("checks", "reject_rate")(_reject_rate)
    unit("checks", "rerun_orphans", count=0)(lambda s: [s.scalar(q, wave=WAVE) for _, q in checks.rerun_orphans_sql(s)])
    _cloud_units(unit)
    _wave_units(unit)
    _upgrade_units(unit, tmp)
    return out


def _transactional_units(unit) -> None:
    """Scenario 5's transactional tables: production DDL (with `_K` and the conversion controls) and the
    step-5 foreign-key and key-format checks the catalog generates for them."""
    from ccs_assets.catalog import ccb_txn
    from ccs_assets.target.schema import ensure_tables, transactional_production_tables

    tables = transactional_production_tables()
    for t in tables:
        unit("schema", t.name, only=rf"^CREATE (TABLE|INDEX) \S+ (ON \S+\.)?{t.name}( |_IX_)|^CREATE TABLE \S+\.{t.name} ")(
            lambda s: ensure_tables(s, s.prod, tables))
    for t in ccb_txn.TXN_TABLES:
        if t.name in {c.name for c in ccb.CCB_TABLES}:
            continue  # CI_MR, CI_REG_READ: scenario 1's units (the controls are no wave's rows)
        unit("checks", t.name, count=1)(lambda s, t=t: (
            checks.count_violations(s, checks.fk_violations_sql(s, t, ccb_txn.PARENTS) + checks.key_format_sql(s, t), WAVE),
            checks.pk_duplicates(s, t)))


def _financial_units(unit) -> None:
    """Scenario 5, step 5: the production side of the financial reconciliation; the conversion deposit and
    tender control, the wave's tenders pointed at it and checked."""
    from ccs_assets.production import conversion_controls as ctl
    from ccs_assets.validate import financial

    unit("validate", "financial_reconciliation", count=1)(lambda s: financial.target_statements(s, WAVE))

    def controls(s):
        c = ctl.ensure_conversion_controls(s, tender_source="CONVERSION", currency="USD")
        ctl.point_tenders(s, WAVE, c)
        ctl.tenders_off_control(s, WAVE, c)
        ctl.tender_total(s, c)

    # its tables DDL is in schema/CI_DEP_CTL.sql, schema/CI_TNDR_CTL.sql: keep the step's own statements
    unit("production", "conversion_controls", only=DML_ONLY, sequences={r"AS K FROM DUAL": ["1000000001", "1000000002"]})(controls)


@contextmanager
def _patched(module, **attrs):
    """Stand-ins for what a step reads from a live target (applied configuration, dictionary), for one unit."""
    old = {k: getattr(module, k) for k in attrs}
    for k, v in attrs.items():
        setattr(module, k, v)
    try:
        yield
    finally:
        for k, v in old.items():
            setattr(module, k, v)


def _cloud_units(unit) -> None:
    """Steps 9-12 (admin migration, MDM and ODM), their checks and counts."""
    from ccs_assets.catalog import mdm
    from ccs_assets.cloud import counts as x1_counts
    from ccs_assets.cloud import steps as x1
    from ccs_assets.cloud.config import DEMO_MASTER_CONFIG, load_master_config

    codes, applied = load_master_config(DEMO_MASTER_CONFIG)
    applied = {**applied, "store_node_id": "100000000001"}

    def with_settings(fn):
        def run(s):
            with _patched(x1, applied_settings=lambda s: applied), _patched(x1_counts, applied_settings=lambda s: applied), \
                    _patched(x1_counts, existing_tables=lambda s, schema: {mdm.X1_KEY_MAP.name}):
                fn(s)
        return run

    # the schema it ensures first is in schema/<TABLE>.sql: keep the admin migration's own statements
    unit("admin", "x1_migad", only=DML_ONLY, sequences={r"\) r\s*$": [1, 0]})(
        lambda s: (x1.run_admin(s, codes), x1.unmapped_used_codes(s)))
    for t in x1.available_tables():
        def step(s, t=t):
            x1.migrate_table(s, t, WAVE)
            for _, q in x1_counts.counterpart_sql(s, t) + x1_counts.fk_sql(s, t):
                s.scalar(f"SELECT count(*) FROM ({q}) v", wave=WAVE)
            s.query(x1_counts.pk_duplicates_sql(s, t))
        unit("mdm_odm", t.name, count=1, sequences={r"\) r\s*$": [1, 0]})(with_settings(step))
    unit("reconcile", "x1_counts", count=1)(with_settings(lambda s: x1_counts.x1_counts(s, WAVE, x1.available_tables())))


def _upgrade_units(unit, tmp: Path) -> None:
    """Upgrade scenarios (2, 5), step 4-5: dictionary, load-check load, collisions/orphans, production with CC&B keys."""
    from ccs_assets.catalog.ccb_release import RELEASE_COLUMNS
    from ccs_assets.scenarios.upgrade import CCB_TO_CLOUD, reject_rate
    from ccs_assets.upgrade import target_side as up

    tables = CCB_TO_CLOUD.tables  # scenario 5's tables: scenario 2's master tables and the transactional ones
    by_name = {t.name: t for t in tables}
    unit("upgrade", "_dictionary")(lambda s: (up.target_columns(s, s.prod), up.add_release_columns(s, RELEASE_COLUMNS)))
    for t in tables:
        unit("upgrade_load", t.name)(lambda s, t=t: (sample_file(t, tmp), up.load_file(s, t, tmp, WAVE)))
        unit("upgrade_production", t.name)(lambda s, t=t: up.insert_production(s, t, by_name, WAVE, 100000))
    unit("upgrade", "load_checks")(lambda s: up.check_loaded_wave(s, tables, WAVE))
    unit("upgrade", "target_counts")(lambda s: up.target_counts(s, tables, WAVE))
    class Workbench:  # an empty in-memory workbench, as a resource
        @contextmanager
        def connect(self):
            con = duckdb.connect()
            try:
                ensure_workbench_schema(con)
                yield con
            finally:
                con.close()

    class Target:  # the recording session, as a resource
        def __init__(self, s):
            self.s = s

        @contextmanager
        def session(self):
            yield self.s

    unit("upgrade", "reject_rate")(lambda s: reject_rate(Workbench(), Target(s), tables, WAVE))
    unit("upgrade", "conversion_controls")(lambda s: up.conversion_controls(s, "9000000001", "9000000002", "CONVERSION", WAVE))


def _wave_units(unit) -> None:
    """Wave rollback and record trace: what `ccs-migrate rollback` and `trace` run on the target."""
    from ccs_assets.waves import rollback, trace

    def roll(s):
        with _patched(rollback, existing=lambda s, schema, tables: tables):  # every catalog table exists
            rollback.rollback_wave(s, WAVE)

    unit("waves", "rollback", count=0)(roll)
    unit("waves", "trace")(lambda s: trace.target_trace(s, "LEGACY-1", trace.keyed_tables(), {}))


def render(con: FakeOracle) -> str:
    """The golden text: statements (and load notes) in order, commits and rollbacks as comments."""
    parts = []
    for kind, sql, params in con.log:
        if kind == "sql":
            names = f"  -- binds: {', '.join(sorted(params))}" if params else ""
            parts.append(sql.strip() + ";" + names)
        elif kind == "note":
            parts.append(f"-- {sql}")
        else:
            parts.append(f"-- {kind}")
    return "\n\n".join(parts) + "\n"
