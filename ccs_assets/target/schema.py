"""Create every catalog table on the target when missing; never drop one."""

from __future__ import annotations

from ..catalog import ccb, project
from ..catalog.model import Table
from .resource import TargetSession


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


def create_table_sql(session_dialect, schema: str, table: Table) -> str:
    cols = [(c.name, session_dialect.column_type(c), c.nullable) for c in table.columns]
    return session_dialect.create_table(schema, table.name, cols, list(table.primary_key) or None)


def ensure_target_schema(s: TargetSession) -> list[str]:
    """Create missing schemas and tables; return the names created."""
    created = []
    for schema, tables in ((s.stg, staging_tables()), (s.prod, production_tables())):
        if s.dialect.name == "duckdb":
            s.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        existing = {r[0].upper() for r in s.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema", schema=schema)}
        for t in tables:
            if t.name not in existing:
                s.execute(create_table_sql(s.dialect, schema, t))
                created.append(f"{schema}.{t.name}")
    return created
