"""Read results back from the service through REST-enabled SQL and compare them with the rehearsal.

Only aggregates cross the wire (one row per table, or per table and
message): REST-enabled SQL is for small results and stops a statement after
5 minutes. Staging is read through the read-only STGADM views, production
through CISREAD (schemas from the batch-control file's [readback]).

What is compared, and why: the service has no notion of a wave, so staging
holds whatever the last loads put there (one wave: staging is expected to
be emptied between waves) and production holds every wave so far. The
rehearsal (the DuckDB target of the same run) gives the wave's staged rows
and load rejects, its validation errors, and production's total rows.
"""

from __future__ import annotations

from pathlib import Path

from ..target.resource import TargetSession
from .client import ServiceClient, _strip_comments

SQL_DIR = Path(__file__).parent / "sql"


def count_sql(schema: str, tables: list[str]) -> str:
    """One statement: the row count of each table (one small row per table)."""
    return "\nUNION ALL\n".join(f"SELECT '{t}' AS TABLE_NAME, COUNT(*) AS ROW_COUNT FROM {schema}.{t}" for t in tables)


def errors_sql(stg: str) -> str:
    return _strip_comments((SQL_DIR / "ci_val_err.sql").read_text().format(stg=stg))


def service_counts(client: ServiceClient, layer: str, tables: list[str]) -> dict[str, int]:
    schema = client.controls.readback["staging_schema" if layer == "staging" else "production_schema"]
    return {r["TABLE_NAME"]: int(r["ROW_COUNT"]) for r in client.sql(count_sql(schema, tables))}


def service_errors(client: ServiceClient) -> list[dict]:
    """CI_VAL_ERR per table and message: TABLE_NAME, MESSAGE_CAT_NBR, MESSAGE_NBR, EXAMPLE_MESSAGE, ERRORS."""
    return client.sql(errors_sql(client.controls.readback["staging_schema"]))


def errors_per_table(rows: list[dict]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        out[str(r["TABLE_NAME"]).strip()] = out.get(str(r["TABLE_NAME"]).strip(), 0) + int(r["ERRORS"])
    return out


# ---------------------------------------------------------------- the rehearsal's expectation
def rehearsal_staged(s: TargetSession, wave: str, tables: list[str]) -> dict[str, int]:
    """Rows the rehearsal staged for the wave, per table (its ledger knows which rows are the wave's)."""
    from ..target.schema import staging_tables

    owner = {t.name: t.owner_column for t in staging_tables()}
    return {t: int(s.scalar(
        f"SELECT count(*) FROM {s.stg}.{t} x WHERE x.{owner[t]} IN (SELECT OWNER_KEY FROM {s.stg}.CCS_WAVE_LEDGER "
        f"WHERE WAVE = :wave AND TABLE_NAME = '{t}')", wave=wave)) for t in tables}


def rehearsal_production(s: TargetSession, tables: list[str]) -> dict[str, int]:
    """Rows in the rehearsal's production tables, every wave (the service's production holds every wave too)."""
    return {t: int(s.scalar(f"SELECT count(*) FROM {s.prod}.{t}")) for t in tables}


def rehearsal_errors(s: TargetSession, wave: str, tables: list[str]) -> dict[str, int]:
    """Validation errors of the wave in the rehearsal, per table."""
    rows = dict(s.query(f"SELECT TABLE_NAME, count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = 'validate' "
                        "GROUP BY TABLE_NAME", wave=wave))
    return {t: int(rows.get(t, 0)) for t in tables}


def differences(what: str, expected: dict[str, int], actual: dict[str, int]) -> list[str]:
    """One line per table whose service figure differs from the rehearsal's."""
    return [f"{what} {t}: service {actual.get(t, 'missing')}, rehearsal {expected[t]}"
            for t in sorted(expected) if actual.get(t) != expected[t]]
