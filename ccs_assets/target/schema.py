"""Create every catalog table (and the indexes the steps need) on the target when missing; never drop one.

The table lists are built from the catalog, so a table added there is
created here (and gets its Oracle DDL golden) with no edit in this module.
"""

from __future__ import annotations

from ..catalog import ccb, ccb_txn, project
from ..catalog.model import Table
from .resource import MAX_IDENTIFIER, TargetSession


def staging_tables() -> list[Table]:
    out: list[Table] = []
    for t in ccb.CCB_TABLES:
        out.append(t)
        if t.key_table:
            out += [project.k_table(t), project.ck_table(t)]
    return out + [project.KEY_XREF, project.WAVE_LEDGER, project.VAL_ERR]


def production_tables() -> list[Table]:
    out: list[Table] = []
    for t in ccb.CCB_TABLES:
        out.append(t)
        if t.key_table:
            out.append(project.k_table(t))
    return out + [project.WAVE_LEDGER]


def transactional_production_tables() -> list[Table]:
    """Scenario 5's transactional tables in production, in load order: each loaded table with its `_K`
    (keys are kept), and the conversion deposit and tender control. CI_MR and CI_REG_READ are in
    production_tables() already (scenario 1's reads), so they are left out here."""
    out: list[Table] = []
    master = {t.name for t in ccb.CCB_TABLES}
    for t in ccb_txn.LOAD_ORDER:
        if t.name in master:
            continue
        out.append(t)
        if t.key_table:
            out.append(project.k_table(t))
    return out


def index_columns(t: Table) -> list[tuple[str, list[str]]]:
    """(index name, columns) for the lookups the steps make, derived from the columns a table has.

    - WAVE (CK_*, CCS_KEY_XREF, CCS_VAL_ERR): every step deletes and reads a wave's rows; VAL_ERR is
      read by wave, step and table.
    - NEW_KEY (CK_*): key generation checks candidates against every key already given.
    - CCS_WAVE_LEDGER's primary key (WAVE, TABLE_NAME, OWNER_KEY) already serves the
      (WAVE, TABLE_NAME) lookups; OWNER_KEY gets its own for the reverse lookup (rollback, key reuse).
    A primary key that starts with the same columns makes an index redundant, so it is skipped.
    """
    names = t.column_names
    wanted: list[list[str]] = []
    if "WAVE" in names:
        wanted.append(["WAVE", "STEP", "TABLE_NAME"] if {"STEP", "TABLE_NAME"} <= set(names) else ["WAVE"])
    if "NEW_KEY" in names:
        wanted.append(["NEW_KEY"])
    if t.name == project.WAVE_LEDGER.name:
        wanted.append(["OWNER_KEY"])
    pk = list(t.primary_key)
    out = []
    for cols in wanted:
        if pk[: len(cols)] == cols:
            continue
        out.append((index_name(t.name, cols), cols))
    return out


def index_name(table: str, cols: list[str]) -> str:
    """<TABLE>_IX_<COLUMNS>, or <TABLE>_IX_<FIRST COLUMN> when that is over 30 bytes (ORA-00972 below
    COMPATIBLE 12.2): CCS_VAL_ERR_IX_WAVE_STEP_TABLE_NAME (35) is CCS_VAL_ERR_IX_WAVE."""
    name = f"{table}_IX_{'_'.join(cols)}"
    if len(name.encode("utf-8")) > MAX_IDENTIFIER:
        name = f"{table}_IX_{cols[0]}"
    if len(name.encode("utf-8")) > MAX_IDENTIFIER:
        raise ValueError(f"index name {name} is over {MAX_IDENTIFIER} bytes: shorten table {table} or its column {cols[0]}")
    return name


def create_table_sql(session_dialect, schema: str, table: Table) -> str:
    cols = [(c.name, session_dialect.column_type(c), c.nullable) for c in table.columns]
    return session_dialect.create_table(schema, table.name, cols, list(table.primary_key) or None)


def create_index_sql(session_dialect, schema: str, table: Table) -> list[tuple[str, str]]:
    """(index name, DDL) of the table's indexes on this dialect (none on DuckDB)."""
    out = []
    for name, cols in index_columns(table):
        ddl = session_dialect.create_index(schema, table.name, name, cols)
        if ddl:
            out.append((name, ddl))
    return out


def ensure_tables(s: TargetSession, schema: str, tables: list[Table]) -> list[str]:
    """Create the missing `tables` (and their indexes) in an existing `schema`; return the names created.

    DDL commits on Oracle: never call it inside TargetSession.transaction()."""
    created = []
    d = s.dialect
    dict_name = d.schema_name(schema)
    existing = {r[0].upper() for r in s.query(d.tables_sql(), schema=dict_name)}
    indexes = {r[0].upper() for r in s.query(d.indexes_sql(), schema=dict_name)}
    for t in tables:
        if t.name not in existing:
            s.execute(create_table_sql(d, schema, t))
            created.append(f"{schema}.{t.name}")
        for name, ddl in create_index_sql(d, schema, t):
            if name.upper() not in indexes:
                s.execute(ddl)
                created.append(f"{schema}.{name}")
    return created


def ensure_target_schema(s: TargetSession) -> list[str]:
    """Create missing schemas (where the engine can), tables and indexes; return the names created."""
    created = []
    d = s.dialect
    for schema, tables in ((s.stg, staging_tables()), (s.prod, production_tables())):
        dict_name = d.schema_name(schema)
        if not s.query(d.schema_exists_sql(), schema=dict_name):
            ddl = d.create_schema(schema)
            if ddl is None:
                raise RuntimeError(f"schema {dict_name} does not exist on the target: a DBA creates it "
                                   "(see README, 'Pointing it at Oracle and OCI')")
            s.execute(ddl)
        created += ensure_tables(s, schema, tables)
    return created
