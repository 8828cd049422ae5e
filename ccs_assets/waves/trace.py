"""Trace a legacy record through the three key spaces (DESIGN.md section 5), per wave.

legacy key -> staging key (workbench wb.stg_keymap, shipped as CCS_KEY_XREF)
-> production key (the CK_ map of the wave that keyed it) -> rows in
production (the entity's table, its `_K` row and the child tables of its
maintenance object), with the validation errors recorded for the key.

Table-driven from the catalog: every keyed table of target.schema.production_tables().
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..catalog import mdm, project
from ..catalog.model import Column, Table
from ..target import schema as target_schema
from ..target.resource import TargetSession

LEDGER = "CCS_WAVE_LEDGER"
X1_KEY_MAP = mdm.X1_KEY_MAP.name  # CC&B key -> MDM/ODM key, written by steps 10-12


def keyed_tables(table: str | None = None) -> list[Table]:
    """Keyed catalog tables, optionally narrowed to one table name or legacy file name (case-insensitive)."""
    tables = [t for t in target_schema.production_tables() if t.key_table]
    if not table:
        return tables
    want = table.strip().lower()
    picked = [t for t in tables if t.name.lower() == want or t.legacy_file.lower() == want]
    if not picked:
        names = ", ".join(t.name for t in tables)
        raise ValueError(f"--table {table!r}: not a keyed table or legacy file (keyed tables: {names})")
    return picked


def workbench_trace(workbench_db: Path, legacy_key: str, tables: list[Table]) -> dict:
    """Staging keys, ownership and errors the workbench holds for the key."""
    out: dict = {"keymap": [], "ownership": [], "errors": [], "waves_run": []}
    if not Path(workbench_db).exists():
        return out
    names = [t.name for t in tables]
    files = sorted({t.legacy_file for t in tables})
    with duckdb.connect(str(workbench_db), read_only=True) as con:
        have = {r[0] for r in con.execute("SELECT table_schema || '.' || table_name FROM information_schema.tables").fetchall()}
        if "wb.stg_keymap" in have:
            out["keymap"] = [
                {"table": t, "stg_key": k, "first_wave": w}
                for t, k, w in con.execute(
                    "SELECT table_name, stg_key, first_wave FROM wb.stg_keymap WHERE legacy_key = ? AND list_contains(?, table_name) "
                    "ORDER BY table_name", [legacy_key, names]).fetchall()]
        if "wb.ownership" in have:  # a wave that ran has its ownership stored
            out["waves_run"] = [r[0] for r in con.execute("SELECT DISTINCT wave FROM wb.ownership ORDER BY wave").fetchall()]
            out["ownership"] = [
                {"file": f, "owner_wave": w, "seen_in_waves": seen}
                for f, w, seen in con.execute(
                    "SELECT entity, owner_wave, list(DISTINCT wave ORDER BY wave) FROM wb.ownership "
                    "WHERE legacy_key = ? AND list_contains(?, entity) GROUP BY entity, owner_wave ORDER BY entity",
                    [legacy_key, files]).fetchall()]
        if "wb.source_owner" in have:  # upgrade scenarios: the CC&B key is its own "legacy" key
            out["ownership"] += [
                {"file": f"{e} (source)", "owner_wave": w, "seen_in_waves": [w]}
                for e, w in con.execute("SELECT entity, wave FROM wb.source_owner WHERE k = ? AND list_contains(?, entity) "
                                        "ORDER BY entity", [legacy_key, names]).fetchall()]
        if "wb.errors" in have:
            out["errors"] = [
                dict(zip(("wave", "step", "table_name", "rule", "column_name", "message", "line"), r))
                for r in con.execute(
                    "SELECT wave, step, table_name, rule, column_name, message, line FROM wb.errors WHERE legacy_key = ? "
                    "ORDER BY wave, table_name, line, rule", [legacy_key]).fetchall()]
    return out


def target_trace(s: TargetSession, legacy_key: str, tables: list[Table], stg_keys: dict[str, set[str]]) -> dict:
    """Per keyed table: the wave's staging key, production key and production rows; plus target-side errors."""
    all_tables = target_schema.production_tables()
    out: dict = {"tables": {}, "errors": []}
    stg_tables = {str(r[0]).upper() for r in s.query(s.dialect.tables_sql(), schema=s.dialect.schema_name(s.stg))}
    has_x1_map = X1_KEY_MAP in stg_tables
    for t in tables:
        key = t.key_column.name
        xref = s.query(
            f"SELECT WAVE, STG_KEY, LINE_NO FROM {s.stg}.CCS_KEY_XREF WHERE TABLE_NAME = :tname AND LEGACY_KEY = :lk "
            f"ORDER BY WAVE", tname=t.name, lk=legacy_key)
        olds = {_key(k) for k in stg_keys.get(t.name, set())} | {_key(r[1]) for r in xref}
        ck = s.query(
            f"SELECT WAVE, OLD_KEY, NEW_KEY FROM {s.stg}.{t.ck_table} WHERE LEGACY_KEY = :lk ORDER BY WAVE", lk=legacy_key)
        ck += [r for k in sorted(olds) for r in s.query(
            f"SELECT WAVE, OLD_KEY, NEW_KEY FROM {s.stg}.{t.ck_table} WHERE OLD_KEY = {_char(s, ':old', t.key_column)} "
            f"AND LEGACY_KEY <> :lk", old=k, lk=legacy_key)]
        waves: dict[str, dict] = {}
        for wave, stg_key, line in xref:
            waves.setdefault(wave, {}).update(stg_key=_key(stg_key), line=line)
        for wave, old, new in ck:
            w = waves.setdefault(wave, {})
            w.setdefault("stg_key", _key(old))
            w["prod_key"] = _key(new)
            w["production"] = _presence(s, t, all_tables, _key(new))
            if has_x1_map:  # steps 10-12: the MDM/ODM records migrated from this CC&B key
                w["mdm_odm"] = {str(tab): _key(k) for tab, k in s.query(
                    f"SELECT MDM_TABLE, MDM_KEY FROM {s.stg}.{X1_KEY_MAP} WHERE CCB_TABLE = :tname "
                    f"AND CCB_KEY = {_char(s, ':k', mdm.X1_KEY_MAP.column('CCB_KEY'))} ORDER BY MDM_TABLE",
                    tname=t.name, k=_key(new))}
        if not ck:  # upgrade scenarios keep CC&B's keys: the key itself is the production key
            owner = _char(s, ':k', project.WAVE_LEDGER.column('OWNER_KEY'))
            for (wave,) in s.query(f"SELECT DISTINCT WAVE FROM {s.prod}.{LEDGER} WHERE TABLE_NAME = :tname AND OWNER_KEY = {owner}",
                                   tname=t.name, k=legacy_key):
                w = waves.setdefault(wave, {})
                w.update(stg_key=None, prod_key=legacy_key, production=_presence(s, t, all_tables, legacy_key))
                if has_x1_map:
                    w["mdm_odm"] = {str(tab): _key(k) for tab, k in s.query(
                        f"SELECT MDM_TABLE, MDM_KEY FROM {s.stg}.{X1_KEY_MAP} WHERE CCB_TABLE = :tname "
                        f"AND CCB_KEY = {_char(s, ':k', mdm.X1_KEY_MAP.column('CCB_KEY'))} ORDER BY MDM_TABLE",
                        tname=t.name, k=legacy_key)}
        for wave, w in waves.items():
            w.setdefault("prod_key", None)
            w.setdefault("production", {})
        if waves:
            out["tables"][t.name] = dict(sorted(waves.items()))
    out["errors"] = [
        dict(zip(("wave", "step", "table_name", "rule", "column_name", "message", "line"), r))
        for r in s.query(
            f"SELECT WAVE, STEP, TABLE_NAME, RULE, COLUMN_NAME, MESSAGE, LINE_NO FROM {s.stg}.CCS_VAL_ERR "
            f"WHERE LEGACY_KEY = :lk ORDER BY WAVE, TABLE_NAME, RULE", lk=legacy_key)]
    return out


def _presence(s: TargetSession, t: Table, all_tables: list[Table], prod_key: str) -> dict:
    """Rows holding the production key: the entity, its _K row and its child tables; with the ledger's wave."""
    out: dict = {}
    for x in all_tables:
        if x.name == LEDGER or x.entity != t.name:
            continue
        col = x.column(t.key_column.name if x.name == t.k_table else x.owner_column)
        n = s.scalar(f"SELECT COUNT(*) FROM {s.prod}.{x.name} WHERE {col.name} = {_char(s, ':k', col)}", k=prod_key)
        out[x.name] = int(n or 0)
    out["ledger_wave"] = s.scalar(
        f"SELECT MIN(WAVE) FROM {s.prod}.{LEDGER} WHERE TABLE_NAME = :tname "
        f"AND OWNER_KEY = {_char(s, ':k', project.WAVE_LEDGER.column('OWNER_KEY'))}", tname=t.name, k=prod_key)
    return out


def _key(value) -> str:
    """A key as read from the target: Oracle returns CHAR columns blank-padded ('1234567890  ' from CHAR(12))."""
    return str(value).rstrip()


def _char(s: TargetSession, bind: str, col: Column) -> str:
    """A str bind compared with a CHAR column must be CHAR too (Oracle compares CHAR with VARCHAR2 unpadded)."""
    return s.dialect.char(bind, col.length) if col.type == "char" else bind


def trace(settings, legacy_key: str, table: str | None = None, target=None) -> dict:
    """The whole chain for a legacy key: workbench key map, then per wave staging key, production key, rows."""
    tables = keyed_tables(table)
    wb = workbench_trace(settings.workbench_db, legacy_key, tables)
    stg_keys: dict[str, set[str]] = {}
    for m in wb["keymap"]:
        stg_keys.setdefault(m["table"], set()).add(str(m["stg_key"]))
    result = {"legacy_key": legacy_key, "workbench": wb, "target": {"tables": {}, "errors": []}}
    if target is None:
        from ..resources import build_resources

        target = build_resources(settings)["target"]
    if settings.target != "duckdb" or Path(settings.target_db).exists():
        with target.session() as s:
            target_schema.ensure_target_schema(s)
            result["target"] = target_trace(s, legacy_key, tables, stg_keys)
    result["found"] = bool(wb["keymap"] or wb["ownership"] or wb["errors"] or result["target"]["tables"]
                           or result["target"]["errors"])
    # waves that own the record (or plan it) but have not run: nothing of it can be on the target yet
    planned = [] if result["found"] else planned_for(settings.landing, legacy_key)
    result["not_run"] = sorted({o["owner_wave"] for o in wb["ownership"] if o["owner_wave"]} - set(wb["waves_run"])
                               | set(planned) - set(wb["waves_run"]))
    return result


def planned_for(landing: Path, legacy_key: str) -> list[str]:
    """Waves the landing's wave plan gives an account key (the plan lists accounts)."""
    path = Path(landing) / "wave_plan.csv"
    if not path.is_file():
        return []
    with duckdb.connect() as con:
        return [r[0] for r in con.execute(
            "SELECT DISTINCT wave FROM read_csv(?, header = true, all_varchar = true) WHERE acct_no = ? ORDER BY wave",
            [str(path), legacy_key]).fetchall()]


def format_trace(r: dict) -> str:
    lines = [f"legacy key {r['legacy_key']!r}"]
    not_run = ", ".join(r.get("not_run", []))
    if not r["found"]:
        lines.append(f"  in the wave plan for {not_run}, which has not run yet: nothing of it is in the workbench or on "
                     f"the target (ccs-migrate run --wave {r['not_run'][0]})" if not_run
                     else "  not found in the workbench or on the target")
        return "\n".join(lines)
    if not_run:
        lines.append(f"  owned by {not_run}, which has not run yet: its production keys and rows come with that run "
                     f"(ccs-migrate run --wave {r['not_run'][0]})")
    wb, tg = r["workbench"], r["target"]
    for o in wb["ownership"]:
        lines.append(f"  {o['file']}: owned by {o['owner_wave'] or '(no wave: not in the plan)'}"
                     f" (seen in snapshots of {', '.join(o['seen_in_waves'])})")
    tables = sorted({m["table"] for m in wb["keymap"]} | set(tg["tables"]))
    for name in tables:
        lines.append(f"  {name}")
        for m in (m for m in wb["keymap"] if m["table"] == name):
            lines.append(f"    workbench   legacy {r['legacy_key']} -> staging key {m['stg_key']} (first wave {m['first_wave']})")
        for wave, w in tg["tables"].get(name, {}).items():
            line = f" (CCS_KEY_XREF line {w['line']})" if w.get("line") is not None else ""
            prod = w["prod_key"] or "no production key (rejected, or keys not generated)"
            origin = f"staging key {w.get('stg_key')}{line}" if w.get("stg_key") else "CC&B key kept (upgrade)"
            lines.append(f"    {wave:11s} {origin} -> production key {prod}")
            if w["prod_key"]:
                present = ", ".join(f"{k} {v}" for k, v in w["production"].items() if k != "ledger_wave")
                lines.append(f"    {'':11s} production rows: {present}; ledger wave {w['production'].get('ledger_wave') or '-'}")
            if w.get("mdm_odm"):
                lines.append(f"    {'':11s} MDM/ODM: " + ", ".join(f"{k} {v}" for k, v in w["mdm_odm"].items()))
    for e in wb["errors"] + tg["errors"]:
        lines.append(f"  error {e['wave']} {e['step']} {e['table_name']} {e['rule']}"
                     f"{' ' + e['column_name'] if e.get('column_name') else ''}: {e['message']}")
    return "\n".join(lines)
