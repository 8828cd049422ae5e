"""Per-wave counts at every layer, and whether they add up (DESIGN.md section 6).

legacy records owned = accepted + rejected (workbench); transformed rows =
extracted rows = staged + load rejects; keyed entities: staged = keyed +
rejected in validation = production. A difference is a failed check.
"""

from __future__ import annotations

import duckdb

from .catalog import ccb
from .target.resource import TargetSession
from .transform.steps import RECORD_FILE

BY_NAME = {t.name: t for t in ccb.CCB_TABLES}


def workbench_counts(con: duckdb.DuckDBPyConnection, wave: str) -> dict:
    files = {}
    for file, records, loaded, malformed in con.execute(
        "SELECT file, records, loaded, malformed FROM wb.landing_counts WHERE wave = ?", [wave]
    ).fetchall():
        files[file] = {"records": records, "loaded": loaded, "malformed": malformed}
    for file, owned, accepted, unplanned in con.execute(
        """SELECT file, count(*) FILTER (WHERE owner_wave = $w), count(*) FILTER (WHERE owner_wave = $w AND valid),
                  count(*) FILTER (WHERE owner_wave IS NULL)
           FROM wb.record_status WHERE wave = $w GROUP BY file""",
        {"w": wave},
    ).fetchall():
        files.setdefault(file, {}).update(
            {"owned": owned, "accepted": accepted, "rejected": owned - accepted, "unplanned": unplanned}
        )
    tables = {}
    for t in ccb.CCB_TABLES:
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'ccb' AND table_name = ?", [t.name]
        ).fetchone()[0]
        rows = con.execute(f"SELECT count(*) FROM ccb.{t.name} WHERE _wave = ?", [wave]).fetchone()[0] if exists else 0
        extracted = con.execute(
            "SELECT coalesce(sum(rows), 0) FROM wb.extract_counts WHERE wave = ? AND table_name = ?", [wave, t.name]
        ).fetchone()[0]
        tables[t.name] = {"transformed": rows, "extracted": int(extracted)}
    return {"files": files, "tables": tables}


def target_counts(s: TargetSession, wave: str) -> dict:
    """Per-table counts of the wave on the target; on CCS_TARGET=ccs also `service`: the service read back."""
    out = {}
    for t in ccb.CCB_TABLES:
        row = {
            "staged": s.scalar(
                f"SELECT count(*) FROM {s.stg}.{t.name} x WHERE x.{t.owner_column} IN (SELECT OWNER_KEY FROM "
                f"{s.stg}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{t.name}')", wave=wave),
            "load_rejected": s.scalar(
                f"SELECT count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = 'stage' AND TABLE_NAME = '{t.name}'",
                wave=wave),
            "production": s.scalar(
                f"SELECT count(*) FROM {s.prod}.{t.name} x WHERE x.{t.owner_column} IN (SELECT OWNER_KEY FROM "
                f"{s.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{t.name}')", wave=wave),
        }
        if t.key_table:
            row["keyed"] = s.scalar(f"SELECT count(*) FROM {s.stg}.{t.ck_table} WHERE WAVE = :wave", wave=wave)
            row["validate_rejected"] = s.scalar(
                f"SELECT count(DISTINCT STG_KEY) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = 'validate' "
                f"AND TABLE_NAME = '{t.name}'", wave=wave)
        else:
            row.update(_child_drops(s, t, wave))
        out[t.name] = row
    if s.service is not None:  # CCS_TARGET=ccs: the service read back beside this rehearsal (reconcile lists differences)
        out["service"] = s.service.reconciliation(s, wave)
    return out


def _child_drops(s: TargetSession, t, wave: str) -> dict:
    """A child row (CI_PER_NAME, CI_ACCT_PER, CI_SP_MTR_EVT ...) stays out of production only because its entity
    was rejected or a parent it points at has no production key; count both, independently of the insert."""
    entity = BY_NAME[t.entity]
    staged = (f"SELECT x.* FROM {s.stg}.{t.name} x WHERE x.{t.owner_column} IN (SELECT OWNER_KEY FROM "
              f"{s.stg}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{t.name}')")
    keyed = f"(SELECT OLD_KEY FROM {s.stg}.{entity.ck_table} WHERE WAVE = :wave)"
    missing = []
    for c in t.foreign_keys:
        if c.name == t.owner_column or not BY_NAME[c.fk_table].key_table:
            continue
        set_only = f"NOT {s.dialect.is_blank('x.' + c.name)} AND " if c.default == " " else ""  # a blank optional key is fine
        missing.append(f"({set_only}NOT EXISTS (SELECT 1 FROM {s.stg}.{BY_NAME[c.fk_table].ck_table} p WHERE p.OLD_KEY = x.{c.name}))")
    return {
        "entity_rejected": s.scalar(f"SELECT count(*) FROM ({staged}) x WHERE x.{t.owner_column} NOT IN {keyed}", wave=wave),
        "parent_missing": s.scalar(f"SELECT count(*) FROM ({staged}) x WHERE x.{t.owner_column} IN {keyed} AND "
                                   f"({' OR '.join(missing)})", wave=wave) if missing else 0,
    }


def reconcile(wb: dict, tg: dict, x1: dict | None = None) -> tuple[dict, list[str]]:
    """Merge both sides into one per-table report and list every equation that does not hold."""
    problems = []
    for file, c in wb["files"].items():
        if c.get("records", 0) != c.get("loaded", 0) + c.get("malformed", 0):
            problems.append(f"{file}: records {c['records']} != loaded {c['loaded']} + malformed {c['malformed']}")
    report = {}
    for t in ccb.CCB_TABLES:
        row = {**wb["tables"][t.name], **tg.get(t.name, {})}
        src = RECORD_FILE.get(t.name)
        if src and src in wb["files"]:
            f = wb["files"][src]
            row.update({"legacy_owned": f.get("owned", 0), "legacy_rejected": f.get("rejected", 0)})
            if row["transformed"] != f.get("accepted", 0):
                problems.append(f"{t.name}: transformed {row['transformed']} != legacy accepted {f.get('accepted', 0)}")
        if row["transformed"] != row["extracted"]:
            problems.append(f"{t.name}: transformed {row['transformed']} != extracted {row['extracted']}")
        if "staged" in row and row["extracted"] != row["staged"] + row["load_rejected"]:
            problems.append(f"{t.name}: extracted {row['extracted']} != staged {row['staged']} + load rejects {row['load_rejected']}")
        if "entity_rejected" in row and row["production"] != row["staged"] - row["entity_rejected"] - row["parent_missing"]:
            problems.append(f"{t.name}: production {row['production']} != staged {row['staged']} - entity rejected "
                            f"{row['entity_rejected']} - parent without production key {row['parent_missing']}")
        if t.key_table and "keyed" in row:
            if row["staged"] != row["keyed"] + row["validate_rejected"]:
                problems.append(f"{t.name}: staged {row['staged']} != keyed {row['keyed']} + rejected {row['validate_rejected']}")
            if row["production"] != row["keyed"]:
                problems.append(f"{t.name}: production {row['production']} != keyed {row['keyed']}")
        report[t.name] = row
    out = {"files": wb["files"], "tables": report}
    if "service" in tg:  # CCS_TARGET=ccs: what the service holds beside the rehearsal; a difference is a problem
        out["service"] = tg["service"]["report"]
        problems += tg["service"]["problems"] + (tg["service"]["x1_problems"] if x1 is not None else [])
    # ---- MDM/ODM (Oracle steps 9-12): x1 = ccs_assets.cloud.counts.x1_counts(session, wave), when the caller has it
    if x1 is not None:
        from .cloud.counts import x1_problems

        out["mdm_odm"] = x1
        problems += x1_problems(x1, strict=False)
    return out, problems
