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
import sqlglot
from sqlglot import exp

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
        rows = self.con.answer(sql, dict(params or {}))
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
    """Records SQL and answers like Oracle where it matters.

    Tables given in `tables` ("SCHEMA.TABLE" -> rows as dicts) are held as Oracle holds them: CHAR values
    blank-padded to the column's length, '' stored as NULL, NULL refused in a NOT NULL column (ORA-01400).
    Simple statements on them are evaluated (single-table SELECT/DELETE with AND-ed =/<> conditions,
    INSERT ... VALUES) with Oracle's comparison rules: CHAR with CHAR (or a literal) blank-padded, CHAR
    with VARCHAR2 (a str bind) exact. Everything else answers canned: SELECT count(...) gives `count`
    (or a per-pattern sequence), dictionary queries list the held tables.
    """

    def __init__(self, count: int = 0, sequences: dict[str, list] | None = None, dpl: bool = True,
                 tables: dict[str, list[dict]] | None = None):
        self.log: list[tuple[str, str, dict]] = []
        self.count = count
        self.sequences = {re.compile(k, re.S): list(v) for k, v in (sequences or {}).items()}
        self.dpl = dpl
        self.dpl_error: Exception | None = None  # raised by direct_path_load when set (a value Oracle refuses)
        self.batch_errors: list[BatchError] = []
        self.autocommit = False
        self.tables: dict[str, list[dict]] = {}
        # ALL_TAB_COLUMNS rows per "SCHEMA.TABLE" where the target differs from what the catalog creates
        self.dictionary: dict[str, list[tuple]] = {}
        for name, rows in (tables or {}).items():
            self.tables[name.upper()] = []
            for r in rows:
                self.insert(name, r)

    # ---------------------------------------------------------------- Oracle's storage rules
    def insert(self, name: str, row: dict) -> None:
        t = _catalog_table(name)
        stored = {}
        for c in t.columns:
            v = row.get(c.name)
            if v == "":
                v = None  # Oracle: '' is NULL
            if v is None and not c.nullable:
                raise oracledb.IntegrityError(f"ORA-01400: cannot insert NULL into (\"{name}\".\"{c.name}\")")
            if c.type == "char" and v is not None:
                v = str(v).ljust(c.length)
            stored[c.name] = v
        self.tables[name.upper()].append(stored)

    def _held(self, tree) -> str | None:
        table = tree.find(exp.Table)
        name = f"{table.db}.{table.name}".upper() if table is not None else ""
        return name if name in self.tables else None

    def answer(self, sql: str, params: dict | None = None):
        s = sql.strip()
        for pat, seq in self.sequences.items():
            if pat.search(s) and seq and s.upper().startswith(("SELECT", "WITH")):
                return [(seq.pop(0),)]
        if "all_users" in s:
            return [(STG,)]
        if "all_tab_columns" in s:
            name = f"{(params or {}).get('schema')}.{(params or {}).get('tname')}".upper()
            return self.dictionary[name] if name in self.dictionary else _declared_columns(name)
        if "all_tables" in s or "all_indexes" in s:
            if "all_tables" in s and "table_name = :tname" not in s:
                schema = (params or {}).get("schema", "")
                return [(n.split(".")[1],) for n in self.tables if n.startswith(f"{schema}.")]
            return []
        if self.tables and not s.startswith("CREATE "):
            tree = sqlglot.parse_one(s, read="oracle")
            name = self._held(tree)
            if name and len(list(tree.find_all(exp.Table))) == 1:
                return _evaluate(self, tree, name, params or {})
        if not s.upper().startswith(("SELECT", "WITH")):
            return None
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
        if self.dpl_error is not None:
            raise self.dpl_error
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


def _catalog_table(name: str):
    from .semantics import catalog_tables

    schema, table = name.upper().split(".")
    return catalog_tables()[schema][table]


def _declared_columns(name: str) -> list[tuple]:
    """ALL_TAB_COLUMNS of a table as the tool creates it (none for a table the catalog does not know)."""
    from .semantics import catalog_tables

    schema, _, table = name.partition(".")
    t = catalog_tables().get(schema, {}).get(table)
    return [] if t is None else [declared(c) for c in t.columns]


def declared(c, **change) -> tuple:
    """One ALL_TAB_COLUMNS row: name, data_type, data_length, char_used, precision, scale, nullable, default_length."""
    kind = {"char": "CHAR", "varchar": "VARCHAR2", "number": "NUMBER", "date": "DATE", "timestamp": "TIMESTAMP(6)"}[c.type]
    text = c.type in ("char", "varchar")
    row = {"name": c.name, "data_type": kind, "data_length": c.length if text else 22, "char_used": "B" if text else None,
           "precision": (c.length or 18) if c.type == "number" else None, "scale": c.scale if c.type == "number" else None,
           "nullable": "Y" if c.nullable else "N", "default_length": None, **change}
    return tuple(row.values())


def _evaluate(con: FakeOracle, tree, name: str, params: dict):
    """A simple statement on a held table, with Oracle's semantics (see FakeOracle)."""
    rows = con.tables[name]
    t = _catalog_table(name)
    if isinstance(tree, exp.Insert):
        values = tree.expression
        if not isinstance(values, exp.Values):
            return None  # INSERT ... SELECT: recorded, not evaluated
        cols = [c.name.upper() for c in tree.this.expressions]
        for tup in values.expressions:
            con.insert(name, {c: _value(v, params, t)[0] for c, v in zip(cols, tup.expressions)})
        return None
    where = tree.args.get("where")
    keep = [r for r in rows if where is None or _holds(where.this, r, params, t)]
    if isinstance(tree, exp.Delete):
        con.tables[name] = [r for r in rows if r not in keep]
        return None
    if not isinstance(tree, exp.Select):
        raise NotImplementedError(f"fake Oracle cannot evaluate: {tree.sql('oracle')}")
    order = tree.args.get("order")
    if order is not None:
        for o in reversed(order.expressions):
            keep.sort(key=lambda r, c=o.this.name.upper(): (r[c] is None, r[c] if r[c] is not None else ""),
                      reverse=bool(o.args.get("desc")))
    out = []
    aggregate = any(isinstance(p.unalias(), (exp.Count, exp.Min)) for p in tree.expressions)
    for r in (keep if not aggregate else [None]):
        row = []
        for p in tree.expressions:
            p = p.unalias()
            if isinstance(p, exp.Count):
                row.append(len(keep))
            elif isinstance(p, exp.Min):
                vals = [x[p.this.name.upper()] for x in keep if x[p.this.name.upper()] is not None]
                row.append(min(vals) if vals else None)
            elif isinstance(p, exp.Trim):
                v = r[p.this.name.upper()]
                v = v.strip(" ") if v is not None else None
                row.append(v or None)  # Oracle: TRIM of blanks is NULL
            elif isinstance(p, exp.Column):
                row.append(r[p.name.upper()])
            else:
                raise NotImplementedError(f"fake Oracle cannot project {p.sql('oracle')}")
        out.append(tuple(row))
    return out


def _value(e, params: dict, t, row: dict | None = None) -> tuple:
    """(value, kind) with kind 'char' (CHAR column or CAST AS CHAR), 'literal', or 'text' (VARCHAR2, binds)."""
    if isinstance(e, exp.Placeholder):
        v = params.get(e.name)
        return (None if v == "" else v), "text"
    if isinstance(e, exp.Literal):
        return (e.this if e.is_string else float(e.this)), ("literal" if e.is_string else "number")
    if isinstance(e, exp.Null):
        return None, "text"
    if isinstance(e, exp.Cast) and e.to.this == exp.DType.CHAR:
        v, _ = _value(e.this, params, t, row)
        n = int(e.to.expressions[0].this.this)
        if v is not None and len(str(v).rstrip(" ")) > n:
            raise oracledb.DatabaseError(f"ORA-25137: Data value out of range ({v!r} as CHAR({n}))")
        return (str(v).ljust(n) if v is not None else None), "char"
    if isinstance(e, exp.Column) and row is not None:
        c = t.column(e.name.upper())
        return row[c.name], ("char" if c.type == "char" else "number" if c.type == "number" else "text")
    raise NotImplementedError(f"fake Oracle cannot evaluate {e.sql('oracle')}")


def _holds(cond, row: dict, params: dict, t) -> bool:
    if isinstance(cond, exp.And):
        return _holds(cond.left, row, params, t) and _holds(cond.right, row, params, t)
    if isinstance(cond, exp.Paren):
        return _holds(cond.this, row, params, t)
    if isinstance(cond, (exp.EQ, exp.NEQ)):
        (a, ka), (b, kb) = _value(cond.left, params, t, row), _value(cond.right, params, t, row)
        if a is None or b is None:
            return False  # NULL compares unknown
        if "number" in (ka, kb):
            a, b = float(a), float(b)
        elif {ka, kb} <= {"char", "literal"}:
            a, b = str(a).rstrip(" "), str(b).rstrip(" ")  # blank-padded comparison
        return (a == b) if isinstance(cond, exp.EQ) else (a != b)
    raise NotImplementedError(f"fake Oracle cannot evaluate condition {cond.sql('oracle')}")
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
    con = FakeOracle(**{k: v for k, v in kw.items() if k in ("count", "sequences", "dpl", "tables")})
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
        c = ctl.ConversionControls("9000000001", "9000000002", "CONVERSION")
        ctl.ensure_conversion_controls(s, c, currency="USD")  # nothing found: both inserts are recorded
        ctl.tenders_off_control(s, WAVE, c)
        ctl.tender_total(s, c)

    # its tables DDL is in schema/CI_DEP_CTL.sql, schema/CI_TNDR_CTL.sql: keep the step's own statements
    unit("production", "conversion_controls", only=DML_ONLY)(controls)


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

    # what step 9 left on the target: the applied master configuration and the store node's key (read by steps 10-12)
    store = {"WAVE": x1.ADMIN_WAVE, "CCB_TABLE": "STORE", "CCB_KEY": applied["store_node"], "MDM_TABLE": "W1_NODE",
             "MDM_KEY": "100000000001"}
    after_admin = {f"{STG}.{mdm.TYPE_MAP}": codes, f"{STG}.{mdm.X1_KEY_MAP.name}": [store]}

    # the schema it ensures first is in schema/<TABLE>.sql: keep the admin migration's own statements
    unit("admin", "x1_migad", only=DML_ONLY, sequences={r"\) r\s*$": [1, 0]},
         tables={f"{STG}.{mdm.TYPE_MAP}": [], f"{STG}.{mdm.X1_KEY_MAP.name}": []})(
        lambda s: (x1.run_admin(s, codes), x1.unmapped_used_codes(s)))
    for t in x1.available_tables():
        def step(s, t=t):
            x1.migrate_table(s, t, WAVE)
            for _, q in x1_counts.counterpart_sql(s, t) + x1_counts.fk_sql(s, t):
                s.scalar(f"SELECT count(*) FROM ({q}) v", wave=WAVE)
            s.query(x1_counts.pk_duplicates_sql(s, t))
        unit("mdm_odm", t.name, count=1, sequences={r"\) r\s*$": [1, 0]}, tables=after_admin)(step)
    unit("reconcile", "x1_counts", count=1, tables=after_admin)(
        lambda s: x1_counts.x1_counts(s, WAVE, x1.available_tables()))
    # scenario 6: the same steps against an MDM/ODM that already holds the MSCS clone (link, conflicts, only what lacks)
    for t in x1.available_tables():
        unit("mdm_odm_linked", t.name, count=1, sequences={r"\) r\s*$": [1, 0]}, tables=after_admin)(
            lambda s, t=t: x1.migrate_table(s, t, WAVE, link=True))
    unit("reconcile", "x1_counts_linked", count=1, tables=after_admin)(
        lambda s: (x1_counts.x1_counts(s, WAVE, x1.available_tables(), linked=True), x1_counts.conflicts(s, WAVE)))


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
    unit("upgrade", "financial_inputs")(lambda s: (up.wave_currency(s, WAVE), up.rejected_keys(s, WAVE)))
    from ccs_assets.upgrade import mscs_clone
    from ccs_assets.catalog import ccb_txn
    from ccs_assets.upgrade import partitions as part

    def ilm_plans():  # CI_BILL: a gap and a month above its partitions (PMAX split); CI_ADJ: no PMAX (ADD PARTITION)
        months = [date(2025, 10, 1), date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1)]
        bill = [n for t, n, _ in part.provisioned([ccb_txn.CI_BILL], date(2025, 12, 1), 3, {"CI_BILL": date(2025, 11, 1)})]
        return [part.plan("CI_BILL", months, bill), part.plan("CI_ADJ", months, ["CI_ADJ_P2025OCT", "CI_ADJ_P2025NOV"])]

    unit("upgrade", "partitions", count=0)(lambda s: (part.existing_partitions(s), part.create_missing(s, ilm_plans())))
    unit("upgrade", "partitions_pmax_not_empty", count=1)(lambda s: part.create_missing(s, ilm_plans()[:1]))

    unit("upgrade", "config_migration")(lambda s: _config_migration(s))
    unit("upgrade", "mscs_clone", count=1)(lambda s: (mscs_clone.clone_counts(s), s.arrow(mscs_clone.unlinked_ties_sql(s))))


def _config_migration(s) -> None:
    """Scenario 6, step 4b, for every admin table: the source rows staged on the target (a load table, direct path),
    the duplicate-key and compare queries, the MERGE of adds and changes (one transaction), the check's key read."""
    from ccs_assets.catalog import ccb_admin as adm
    from ccs_assets.generate.ccb_admin import _ddl
    from ccs_assets.source.resource import DuckDBSourceReader, SourceColumn
    from ccs_assets.upgrade import config as cfg
    from ccs_assets.upgrade.source_side import layout

    def columns(t):
        return [SourceColumn(c.name, c.type, c.length, c.scale, c.nullable) for c in t.columns]

    con = duckdb.connect()
    try:
        con.execute("ATTACH ':memory:' AS src")
        con.execute("CREATE SCHEMA src.cisadm")
        for t in adm.tables():
            con.execute(_ddl(t, "src.cisadm"))
            con.execute(f"INSERT INTO src.cisadm.{t.name} VALUES ("  # one row, so the direct path load is recorded
                        + ", ".join("1" if c.type == "number" else "'A'" for c in t.columns) + ")")
        reader = DuckDBSourceReader(con, "src", "cisadm")
        lays = {t.name: layout(t, columns(t), columns(t), set()) for t in adm.tables()}
        staged = {n: cfg.stage_source(s, con, reader, lay, WAVE) for n, lay in lays.items()}
        for n, lay in lays.items():
            s.query(cfg.duplicates_sql(lay, staged[n]))
            s.query(cfg.compare_sql(s, lay, staged[n]))
        with s.transaction():
            for n, lay in lays.items():
                s.execute(cfg.apply_sql(s, lay, staged[n]))
        for a in adm.ADMIN_TABLES:
            s.arrow(cfg.target_keys_sql(s, a))
        s.drop_parsed(*[f"ccs_cfg_{n.lower()}" for n in staged])
    finally:
        con.close()


def _wave_units(unit) -> None:
    """Wave rollback and record trace: what `ccs-migrate rollback` and `trace` run on the target."""
    from ccs_assets.waves import rollback, trace

    def roll(s):
        with _patched(rollback, existing=lambda s, schema, tables: tables):  # every catalog table exists
            rollback.rollback_wave(s, WAVE)

    unit("waves", "rollback", count=0)(roll)
    unit("waves", "trace", tables=trace_tables())(lambda s: trace.target_trace(s, TRACED, trace.keyed_tables(), {}))


TRACED = "LEGACY-1"


def sample_row(t: Table, **values) -> dict:
    """A row of `t` with OUAF's empty values (blank, 0, a date) where `values` gives none."""
    empty = {"char": " ", "varchar": " ", "number": 0, "date": date(2020, 1, 2), "timestamp": datetime(2020, 1, 2)}
    return {c.name: values.get(c.name, None if c.nullable else empty[c.type]) for c in t.columns}


def trace_tables() -> dict[str, list[dict]]:
    """A person migrated in wave w01 through every key space, as Oracle holds it (CHAR keys blank-padded):
    legacy key -> staging key 0000000001 -> production key 1234567890 -> MDM contact 100000000007."""
    from ccs_assets.catalog import mdm

    per, stg_key, prod_key = ccb.CI_PER, "0000000001", "1234567890"
    return {
        f"{STG}.{project.KEY_XREF.name}": [sample_row(project.KEY_XREF, TABLE_NAME=per.name, STG_KEY=stg_key,
                                                      LEGACY_KEY=TRACED, WAVE=WAVE, LINE_NO=1)],
        f"{STG}.{per.ck_table}": [sample_row(project.ck_table(per), OLD_KEY=stg_key, NEW_KEY=prod_key, WAVE=WAVE,
                                             LEGACY_KEY=TRACED)],
        f"{STG}.{mdm.X1_KEY_MAP.name}": [sample_row(mdm.X1_KEY_MAP, WAVE=WAVE, CCB_TABLE=per.name, CCB_KEY=prod_key,
                                                    MDM_TABLE="D1_CONTACT", MDM_KEY="100000000007")],
        f"{STG}.{project.VAL_ERR.name}": [sample_row(project.VAL_ERR, WAVE=WAVE, STEP="validate", TABLE_NAME=per.name,
                                                     LEGACY_KEY=TRACED, RULE="REQUIRED", MESSAGE="a test error")],
        f"{PROD}.{per.name}": [sample_row(per, PER_ID=prod_key)],
        f"{PROD}.{per.k_table}": [sample_row(project.k_table(per), PER_ID=prod_key, ENV_ID=100000)],
        f"{PROD}.{project.WAVE_LEDGER.name}": [sample_row(project.WAVE_LEDGER, WAVE=WAVE, TABLE_NAME=per.name,
                                                          OWNER_KEY=prod_key)],
    }


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
