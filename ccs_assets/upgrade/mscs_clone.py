"""Scenario 6, step 3: the MSCS production clone Oracle Cloud Operations puts into the CCS environment.

On the cloud service the clone arrives by service request; this tool only
checks it is there (MDM/ODM tables present and not empty) and records what it
holds. On the DuckDB rehearsal target the step plays Cloud Operations' part
once: when the target holds no clone yet it copies the MSCS database
(CCS_SOURCE_MSCS, default <source folder>/mscs.duckdb) into production.
"Clone rows" are MDM/ODM rows no wave wrote (CCS_WAVE_LEDGER).
"""

from __future__ import annotations

from pathlib import Path

from ..catalog import ccb_admin, mdm, odm
from ..cloud.steps import ADMIN_TABLES, X1_TABLES, ensure_x1_schema
from ..target.resource import TargetSession
from ..target.schema import ensure_tables
from .partitions import PARTITION_TABLE, rehearsal_ddl
from .target_side import target_columns

REQUIRED = (mdm.D1_SP, mdm.D1_DVC, mdm.D1_INSTALL_EVT, odm.W1_ASSET)  # an MSCS production holds at least these
CLONE_SCHEMA = "cisadm"


def clone_counts(s: TargetSession) -> dict[str, int]:
    """Rows per MDM/ODM table that no wave wrote (the clone), -1 for a table the target lacks."""
    have = target_columns(s, s.prod)
    out = {}
    for t in X1_TABLES:
        if t.name not in have:
            out[t.name] = -1
            continue
        key = t.owner_column
        out[t.name] = s.scalar(f"SELECT count(*) FROM {s.prod}.{t.name} x WHERE x.{key} NOT IN (SELECT OWNER_KEY FROM "
                               f"{s.prod}.CCS_WAVE_LEDGER WHERE TABLE_NAME = '{t.name}')")
    return out


def clone_problems(counts: dict[str, int]) -> list[str]:
    return [f"{t.name}: {'missing from the target' if counts.get(t.name, -1) < 0 else 'holds no MSCS rows'}"
            for t in REQUIRED if counts.get(t.name, -1) <= 0]


def copy_clone(s: TargetSession, mscs_db: Path) -> dict[str, int]:
    """DuckDB rehearsal only: copy every MDM/ODM table, their admin tables and the CC&B admin tables of `mscs_db` into
    production, by column name (an admin row the target already holds stays as it is)."""
    if s.dialect.name != "duckdb":
        raise ValueError("the MSCS clone is Oracle Cloud Operations' work on the cloud service: this tool only checks it")
    if not Path(mscs_db).is_file():
        raise FileNotFoundError(f"CCS_SOURCE_MSCS: MSCS database {mscs_db} does not exist (generate-source --scenario "
                                f"ccb-mscs-to-ccs writes one)")
    ensure_x1_schema(s)
    ensure_tables(s, s.prod, ccb_admin.tables())  # the CCS environment's CC&B admin tables (step 4b compares them)
    target = target_columns(s, s.prod)  # read before attaching: the clone has a schema of the same name
    copied = {}
    s.execute(f"ATTACH '{mscs_db}' AS mscs_clone (READ_ONLY)")
    try:
        source = {r[0].upper(): {c[0].upper() for c in s.query(
            "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'mscs_clone' AND table_name = :t",
            t=r[0])} for r in s.query("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'mscs_clone' "
                                      "AND table_schema = :schema", schema=CLONE_SCHEMA)}
        with s.transaction():
            admin = ADMIN_TABLES + tuple(ccb_admin.tables())
            for t in admin + X1_TABLES:
                if t.name not in source:
                    continue
                cols = [c.name for c in target.get(t.name, []) if c.name in source[t.name]]
                on = " AND ".join(f"x.{k} = m.{k}" for k in t.primary_key)
                names = ", ".join(cols)
                s.execute(f"INSERT INTO {s.prod}.{t.name} ({names}) SELECT {names} FROM mscs_clone.{CLONE_SCHEMA}.{t.name} m "
                          f"WHERE NOT EXISTS (SELECT 1 FROM {s.prod}.{t.name} x WHERE {on})" if t in admin else
                          f"INSERT INTO {s.prod}.{t.name} ({names}) SELECT {names} FROM mscs_clone.{CLONE_SCHEMA}.{t.name}")
                copied[t.name] = s.scalar(f"SELECT count(*) FROM mscs_clone.{CLONE_SCHEMA}.{t.name}")
            if PARTITION_TABLE in source:  # the clone's partitions of the CC&B ILM tables (Oracle: its dictionary)
                s.execute(rehearsal_ddl(s))
                s.execute(f"DELETE FROM {s.stg}.{PARTITION_TABLE}")
                s.execute(f"INSERT INTO {s.stg}.{PARTITION_TABLE} SELECT TABLE_NAME, PARTITION_NAME, MONTH_START "
                          f"FROM mscs_clone.{CLONE_SCHEMA}.{PARTITION_TABLE}")
                copied[PARTITION_TABLE] = s.scalar(f"SELECT count(*) FROM {s.stg}.{PARTITION_TABLE}")
    finally:
        s.execute("DETACH mscs_clone")
    return copied


# ---------------------------------------------------------------- clone records tied to a CC&B record the source lacks
# (MDM table, identifier table, its key, type column, identifier type, the CC&B entities its value is a key of)
TIES = (
    ("D1_CONTACT", "D1_CONTACT_IDENTIFIER", "CONTACT_ID", "CONTACT_ID_TYPE_FLG", "D1EI", ("CI_PER",)),
    ("D1_SP", "D1_SP_IDENTIFIER", "D1_SP_ID", "SP_ID_TYPE_FLG", "D1EI", ("CI_SP",)),
    ("D1_US", "D1_US_IDENTIFIER", "US_ID", "US_ID_TYPE_FLG", "D2EI", ("CI_SA",)),
    ("D1_DVC", "D1_DVC_IDENTIFIER", "D1_DEVICE_ID", "DVC_ID_TYPE_FLG", "D1EI", ("CI_MTR", "CI_ITEM")),
)


def unlinked_ties_sql(s: TargetSession) -> str:
    """The clone's records that no wave linked, with the CC&B key their identifier names (MDM_TABLE, MDM_KEY, CCB_KEY)."""
    from ..catalog import mdm as m

    ledger, lk = f"{s.prod}.CCS_WAVE_LEDGER", f"{s.stg}.{m.X1_LINK.name}"
    return " UNION ALL ".join(
        f"SELECT '{table}' AS MDM_TABLE, i.{key} AS MDM_KEY, TRIM(i.ID_VALUE) AS CCB_KEY FROM {s.prod}.{id_table} i "
        f"WHERE i.{flag_col} = '{flag}' AND i.{key} NOT IN (SELECT OWNER_KEY FROM {ledger} WHERE TABLE_NAME = '{table}') "
        f"AND i.{key} NOT IN (SELECT l.MDM_KEY FROM {lk} l WHERE l.MDM_TABLE = '{table}')"
        for table, id_table, key, flag_col, flag, _ in TIES)


def missing_ccb_records(con, s: TargetSession) -> list[dict]:
    """Clone records tied to a CC&B record the whole source does not hold (any wave): the CC&B side was purged or never
    existed. Only the clone's unlinked ties cross from the target (Arrow), the source's keys stay on the workbench."""
    ties = s.arrow(unlinked_ties_sql(s))
    entities = " UNION ALL ".join(f"SELECT '{t}' AS mdm_table, '{e}' AS entity" for t, *_, es in TIES for e in es)
    con.register("ccs_clone_ties", ties)
    try:
        rows = con.execute(
            f"""SELECT c.MDM_TABLE, trim(c.MDM_KEY), c.CCB_KEY, string_agg(DISTINCT e.entity, '/' ORDER BY e.entity)
                FROM ccs_clone_ties c JOIN ({entities}) e ON e.mdm_table = c.MDM_TABLE
                WHERE NOT EXISTS (SELECT 1 FROM wb.source_owner o JOIN ({entities}) f ON f.entity = o.entity
                                  AND f.mdm_table = c.MDM_TABLE WHERE trim(o.k) = c.CCB_KEY)
                GROUP BY ALL ORDER BY 1, 2""").fetchall()
    finally:
        con.unregister("ccs_clone_ties")
    return [{"mdm_table": t, "rule": "CCB_RECORD_MISSING", "mdm_key": k, "ccb_table": e, "ccb_key": v,
             "message": f"MSCS {t} {k} is tied to CC&B {e} {v}, which the CC&B source does not hold: nothing to link it to"}
            for t, k, v, e in rows]


def wave_conflicts(con, s: TargetSession, wave: str, counts: dict) -> list[dict]:
    """Every conflict of the wave with both keys (the key steps' CCS_X1_CONFLICT, then the clone records tied to a CC&B
    record the source lacks); `counts` (x1_counts with linked=True) gets the latter in its tables' `conflicting`."""
    from ..cloud.counts import conflicts

    missing = missing_ccb_records(con, s)
    for c in missing:
        if c["mdm_table"] in counts and "conflicting" in counts[c["mdm_table"]]:
            counts[c["mdm_table"]]["conflicting"] += 1
    return conflicts(s, wave) + missing
