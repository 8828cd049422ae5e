"""Scenario 6, step 4a: review and create the missing CC&B table partitions before any load.

The cloud service range-partitions the ILM tables by ILM_DT, one partition
per month (`PYYYYMON`, catch-all `PMAX`; reference section 4). A migrated row
older or newer than the partitions provisioning created lands in a wrong or
the catch-all partition, and splitting a loaded PMAX can take hours. So, per
ILM table of the scenario: the months the whole source needs (its oldest to
newest ILM_DT, every wave), the target's monthly partitions, and the missing
months. On Oracle each missing month is a SPLIT of the partition that covers
it (rendered into goldens), refused when that is a non-empty PMAX: the
report then says what to ask Oracle for. The DuckDB rehearsal has no
partitions: its stand-in is the partition list the MSCS clone brought
(CCS_ILM_PARTITION), and creating a partition records it there.
"""

from __future__ import annotations

import re
from datetime import date

from ..catalog.model import Table
from ..target.resource import TargetSession

PARTITION_TABLE = "CCS_ILM_PARTITION"  # rehearsal stand-in: (TABLE_NAME, PARTITION_NAME, MONTH_START)
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_NAME = re.compile(r"^(?P<prefix>.*?)P(?P<year>\d{4})(?P<mon>[A-Z]{3})$")


def ilm_tables(tables: tuple[Table, ...]) -> list[Table]:
    return [t for t in tables if "ILM_DT" in t.column_names]


def needed_months_sql(rel: dict[str, str], tables: list[Table]) -> str:
    """Workbench SQL: (table_name, month) for every month from the oldest to the newest ILM_DT of each table."""
    return " UNION ALL ".join(
        f"SELECT '{t.name}' AS table_name, CAST(m AS DATE) AS month FROM (SELECT min(ILM_DT) AS lo, max(ILM_DT) AS hi "
        f"FROM {rel[t.name]} WHERE ILM_DT IS NOT NULL) r, generate_series(date_trunc('month', r.lo), "
        f"date_trunc('month', r.hi), INTERVAL 1 MONTH) g(m) WHERE r.lo IS NOT NULL" for t in tables)


def month_of(name: str) -> date | None:
    m = _NAME.match(name.strip().upper())
    if not m or m["mon"] not in MONTHS:
        return None
    return date(int(m["year"]), MONTHS.index(m["mon"]) + 1, 1)


def partition_name(prefix: str, month: date) -> str:
    return f"{prefix}P{month.year}{MONTHS[month.month - 1]}"


def next_month(d: date) -> date:
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


def rehearsal_ddl(s: TargetSession) -> str:
    return (f"CREATE TABLE IF NOT EXISTS {s.stg}.{PARTITION_TABLE} (TABLE_NAME VARCHAR NOT NULL, PARTITION_NAME VARCHAR "
            f"NOT NULL, MONTH_START DATE)")


def partitions_sql(s: TargetSession) -> str:
    """(TABLE_NAME, PARTITION_NAME) of every partition of the production schema's tables."""
    if s.dialect.name == "oracle":
        return ("SELECT TABLE_NAME, PARTITION_NAME FROM ALL_TAB_PARTITIONS WHERE TABLE_OWNER = :schema "
                "ORDER BY TABLE_NAME, PARTITION_POSITION")
    return f"SELECT TABLE_NAME, PARTITION_NAME FROM {s.stg}.{PARTITION_TABLE} ORDER BY TABLE_NAME, MONTH_START"


def existing_partitions(s: TargetSession) -> dict[str, list[str]]:
    if s.dialect.name != "oracle":
        s.execute(rehearsal_ddl(s))
    out: dict[str, list[str]] = {}
    for table, name in s.query(partitions_sql(s), schema=s.dialect.schema_name(s.prod)):
        out.setdefault(str(table).upper(), []).append(str(name).strip().upper())
    return out


def plan(table: str, needed: list[date], partitions: list[str]) -> dict:
    """Per missing month, the partition to split (the lowest monthly one above it, else PMAX) and the new name."""
    monthly = sorted((m, p) for p in partitions if (m := month_of(p)) is not None)
    have = {m for m, _ in monthly}
    catch_all = next((p for p in partitions if p.endswith("PMAX")), None)
    prefix = _NAME.match(monthly[0][1])["prefix"] if monthly else (catch_all[:-4] if catch_all else "")
    splits = []
    for month in sorted(set(needed) - have):
        above = next((p for m, p in monthly if m > month), None)
        splits.append({"month": month.isoformat(), "partition": partition_name(prefix, month), "split": above or catch_all})
    return {"table": table, "needed": len(needed), "existing": len(monthly), "missing": splits,
            "first_needed": min(needed).isoformat() if needed else None, "last_needed": max(needed).isoformat() if needed else None}


def split_sql(s: TargetSession, table: str, split: dict) -> str:
    """Oracle: carve the missing month out of the partition that covers it (the new one below, the old one keeps its name)."""
    upper = next_month(date.fromisoformat(split["month"]))
    return (f"ALTER TABLE {s.prod}.{table} SPLIT PARTITION {split['split']} AT (DATE '{upper.isoformat()}') "
            f"INTO (PARTITION {split['partition']}, PARTITION {split['split']}) UPDATE INDEXES")


def rows_in_partition_sql(s: TargetSession, table: str, partition: str) -> str:
    return f"SELECT count(*) FROM {s.prod}.{table} PARTITION ({partition})"


def provisioned(tables: list[Table], through: date, months: int, gap: dict[str, date]) -> list[tuple[str, str, date]]:
    """What provisioning creates (reference section 4: CC&B objects 48 months, then PMAX), minus `gap` (table -> a month
    whose partition is missing): (TABLE_NAME, PARTITION_NAME, MONTH_START) rows of the rehearsal stand-in."""
    out = []
    for t in tables:
        m = through
        for _ in range(months - 1):
            m = date(m.year - (m.month == 1), (m.month - 2) % 12 + 1, 1)
        while m <= through:
            if gap.get(t.name) != m:
                out.append((t.name, partition_name(f"{t.name}_", m), m))
            m = next_month(m)
        out.append((t.name, f"{t.name}_PMAX", None))
    return out


def create_missing(s: TargetSession, plans: list[dict]) -> list[dict]:
    """Create each missing month; an Oracle split of a non-empty PMAX is refused (reported with what to ask Oracle)."""
    refused = []
    for p in plans:
        for split in p["missing"]:
            if s.dialect.name != "oracle":
                s.execute(f"INSERT INTO {s.stg}.{PARTITION_TABLE} (TABLE_NAME, PARTITION_NAME, MONTH_START) "
                          f"VALUES (:t, :p, CAST(:m AS DATE))", t=p["table"], p=split["partition"], m=split["month"])
                split["created"] = True
                continue
            if split["split"] is None:  # above the highest partition of a table without a catch-all: add it
                upper = next_month(date.fromisoformat(split["month"])).isoformat()
                s.execute(f"ALTER TABLE {s.prod}.{p['table']} ADD PARTITION {split['partition']} VALUES LESS THAN "
                          f"(DATE '{upper}')")
                split["created"] = True
                continue
            if split["split"].endswith("PMAX") and s.scalar(rows_in_partition_sql(s, p["table"], split["split"])):
                split["created"] = False
                refused.append({**split, "table": p["table"], "why": (
                    f"{p['table']}.{split['split']} (catch-all) is not empty: splitting it rewrites those rows; ask Oracle "
                    f"(service request) to add partition {split['partition']} for {split['month'][:7]} with the "
                    f"ILM partition batch (K1-ILMAD) or to split {split['split']} in a maintenance window")})
                continue
            s.execute(split_sql(s, p["table"], split))
            split["created"] = True
    return refused
