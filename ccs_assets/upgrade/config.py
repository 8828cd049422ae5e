"""Scenario 6, step 4b: migrate the CC&B configuration (the admin tables the migrated data refers to) before any load.

What CMA does between two environments (ccb-transactional-and-upgrades.md
section 5, C T12), for the admin tables of catalog/ccb_admin.py: each source
table is compared with the target's by primary key over every column both
hold (VERSION aside: it counts edits, not content): added (the source has
it, the target not), changed (a column differs), unchanged, target-only (the
target's own rows, which are never deleted). Adds and changes are applied in
one transaction over every table (all or nothing), so a rerun finds
everything unchanged. Every column travels, as in the data extract: a source
column the target lacks is an error unless CCS_SOURCE_DROP_COLUMNS lists it;
a target column the source lacks gets OUAF's empty value on an added row and
is left alone on a changed one.

Then the blocking check: every code the wave's source rows use (the
`used_by` columns of each admin table) exists in the target's admin table,
so a wave never loads rows that point at configuration the target lacks.
A missing code is reported with table, column, code and the rows using it,
and written to `ccs-migrate errors` (step `config`).

The source rows reach the target as Arrow (admin tables are small) through
the session's parser: a temp table on DuckDB, a load table (direct path) in
the staging schema on Oracle. Compare and apply are SQL generated from the
catalog and the two dictionaries; the Oracle text is in the goldens.
"""

from __future__ import annotations

import dagster as dg

from ..catalog.ccb_admin import ADMIN_TABLES, AdminTable, CodeUse, admin_of, uses_in
from ..catalog.model import Table
from ..source.resource import SourceColumn, SourceReader
from ..target.resource import TargetSession
from ..target.schema import ensure_tables
from .source_side import Layout, _empty, layout, wave_rows
from .target_side import target_columns

STEP = "config"
CODE_RULE = "CODE_NOT_IN_TARGET"
KEYS_SHOWN = 20  # keys listed per status in the metadata (the counts are always complete)
STATUSES = ("added", "changed", "unchanged", "target_only")
NOT_COMPARED = ("VERSION",)  # OUAF's optimistic-lock counter: differs between environments without a content change


class ConfigMigrationError(dg.Failure):
    """The configuration cannot be migrated as it is (a table or column missing, a duplicate key, an apply that failed)."""


# ---------------------------------------------------------------- SQL generated from the catalog and the dictionaries
def _key_text(t: Table, alias: str) -> str:
    return " || '/' || ".join(f"TRIM({alias}.{k})" for k in t.primary_key)


def _on(t: Table, a: str, b: str) -> str:
    return " AND ".join(f"{a}.{k} = {b}.{k}" for k in t.primary_key)


def differs(columns: list[str], a: str = "s", b: str = "p") -> str:
    """True when any column differs, NULL included (two NULLs are equal); never UNKNOWN where it matters."""
    return " OR ".join(f"({a}.{c} <> {b}.{c} OR ({a}.{c} IS NULL AND {b}.{c} IS NOT NULL) OR "
                       f"({a}.{c} IS NOT NULL AND {b}.{c} IS NULL))" for c in columns) or "1 = 0"


def compared_columns(lay: Layout) -> list[str]:
    return [c for c in lay.from_source if c not in lay.table.primary_key and c not in NOT_COMPARED]


def compare_sql(s: TargetSession, lay: Layout, src: str) -> str:
    """(STATUS, N, KEY_TEXT): per status its row count N and at most KEYS_SHOWN keys, source `src` against production."""
    t = lay.table
    k0 = t.primary_key[0]
    rows = (f"SELECT CASE WHEN p.{k0} IS NULL THEN 'added' WHEN {differs(compared_columns(lay))} THEN 'changed' "
            f"ELSE 'unchanged' END AS STATUS, {_key_text(t, 's')} AS KEY_TEXT "
            f"FROM {src} s LEFT JOIN {s.prod}.{t.name} p ON ({_on(t, 'p', 's')}) "
            f"UNION ALL SELECT 'target_only' AS STATUS, {_key_text(t, 'p')} AS KEY_TEXT FROM {s.prod}.{t.name} p "
            f"WHERE NOT EXISTS (SELECT 1 FROM {src} s WHERE {_on(t, 's', 'p')})")
    return (f"SELECT d.STATUS, d.N, d.KEY_TEXT FROM (SELECT c.STATUS, c.KEY_TEXT, COUNT(*) OVER (PARTITION BY c.STATUS) "
            f"AS N, ROW_NUMBER() OVER (PARTITION BY c.STATUS ORDER BY c.KEY_TEXT) AS RN FROM ({rows}) c) d "
            f"WHERE d.RN <= {KEYS_SHOWN} ORDER BY d.STATUS, d.KEY_TEXT")


def duplicates_sql(lay: Layout, src: str) -> str:
    t = lay.table
    keys = ", ".join(f"s.{k}" for k in t.primary_key)
    return f"SELECT {_key_text(t, 's')} AS KEY_TEXT, COUNT(*) AS N FROM {src} s GROUP BY {keys} HAVING COUNT(*) > 1"


def apply_sql(s: TargetSession, lay: Layout, src: str) -> str:
    """One MERGE: the source's added and changed rows into production. An added row takes the source's VERSION (1
    when the source has none) and OUAF's empty value in target columns the source lacks; a changed row gets the source's
    compared columns and the target's VERSION + 1 (an edit, as OUAF counts it)."""
    t = lay.table
    k0 = t.primary_key[0]
    compared = compared_columns(lay)
    target_names = set(t.column_names)
    cols = [f"s.{k} AS {k}" for k in t.primary_key] + [f"s.{c} AS {c}" for c in compared]
    cols += [f"{_empty(t.column(c))} AS {c}" for c in lay.defaulted if c not in NOT_COMPARED]
    insert = list(t.primary_key) + compared + [c for c in lay.defaulted if c not in NOT_COMPARED]
    update = list(compared)
    if "VERSION" in target_names:
        added_version = "s.VERSION" if "VERSION" in lay.from_source else "1"
        cols.append(f"CASE WHEN p.{k0} IS NULL THEN {added_version} ELSE p.VERSION + 1 END AS VERSION")
        insert.append("VERSION")
        update.append("VERSION")
    select = (f"SELECT {', '.join(cols)} FROM {src} s LEFT JOIN {s.prod}.{t.name} p ON ({_on(t, 'p', 's')}) "
              f"WHERE p.{k0} IS NULL OR {differs(compared)}")
    return s.dialect.merge(f"{s.prod}.{t.name}", select, list(t.primary_key), insert, update=update)


# ---------------------------------------------------------------- compare and apply
def structure(s: TargetSession, src: SourceReader, tables: list[Table], drop: set[str]) -> tuple[dict[str, Layout], list[dict]]:
    """Each admin table's layout (the target's columns, matched with the source's) and what stops the migration.

    On the DuckDB rehearsal an admin table the target lacks is created from the catalog (the clone normally brings
    them); an Oracle target is the service's own schema and is never altered."""
    have = target_columns(s, s.prod)
    if s.dialect.name != "oracle" and any(t.name not in have for t in tables):
        ensure_tables(s, s.prod, [t for t in tables if t.name not in have])
        have = target_columns(s, s.prod)
    source = src.columns()
    layouts, problems = {}, []
    for t in tables:
        scols: list[SourceColumn] = source.get(t.name, [])
        if not scols:
            problems.append({"table": t.name, "column": None, "rule": "SOURCE_TABLE_MISSING",
                             "message": f"source admin table {t.name} does not exist or is not readable"})
            continue
        if t.name not in have:
            problems.append({"table": t.name, "column": None, "rule": "TARGET_TABLE_MISSING",
                             "message": f"target admin table {s.prod}.{t.name} does not exist"})
            continue
        names = {c.name for c in scols}
        tnames = {c.name for c in have[t.name]}
        for k in t.primary_key:
            if k not in names or k not in tnames:
                problems.append({"table": t.name, "column": k, "rule": "KEY_COLUMN_MISSING",
                                 "message": f"{'source' if k not in names else 'target'} admin table {t.name} has no key "
                                            f"column {k}"})
        lay = layout(t, scols, have[t.name], drop)
        problems += [{"table": t.name, "column": c, "rule": "SOURCE_COLUMN_NOT_IN_TARGET",
                      "message": f"source column {t.name}.{c} has no column in the target table: add it to "
                                 f"CCS_SOURCE_DROP_COLUMNS to leave it behind on purpose"} for c in lay.unknown]
        layouts[t.name] = lay
    return layouts, problems


def stage_source(s: TargetSession, con, src: SourceReader, lay: Layout, wave: str) -> str:
    """The source rows of one admin table, readable by target SQL (DuckDB: a temp table; Oracle: a load table)."""
    t = lay.table
    cols = list(lay.from_source)
    rows = con.sql(f"SELECT {', '.join(cols)} FROM {src.relation(t.name)}").to_arrow_table()
    staged = Table(t.name, tuple(t.column(c) for c in cols), t.primary_key, t.description, entity=t.entity,
                   owner_column=t.owner_column, legacy_file="", seed_step=t.seed_step)
    name = f"ccs_cfg_{t.name.lower()}"
    s.parser.register("ccs_cfg_rows", rows)
    try:
        return s.from_parser(f"SELECT {', '.join(cols)} FROM ccs_cfg_rows", staged, name, wave)
    finally:
        s.parser.unregister("ccs_cfg_rows")


def compare(s: TargetSession, lay: Layout, src: str) -> dict:
    """Counts per status and the first keys of each status but unchanged."""
    out: dict = {k: 0 for k in STATUSES}
    keys: dict[str, list[str]] = {k: [] for k in STATUSES if k != "unchanged"}
    for status, n, key in s.query(compare_sql(s, lay, src)):
        out[status] = int(n)
        if status in keys:
            keys[status].append(str(key))
    return {**out, "keys": keys}


def migrate(s: TargetSession, con, src: SourceReader, tables: list[Table], wave: str, drop: set[str] = frozenset()) -> dict:
    """Compare every admin table of `tables` (parents first), apply adds and changes in one transaction, compare again.

    Returns per table: the counts and keys found, `applied` (added + changed written), the columns compared and the
    target columns the source lacks. Raises ConfigMigrationError (after recording the problems in wb.errors) when
    a table cannot be migrated; then nothing is applied."""
    layouts, problems = structure(s, src, tables, drop)
    record_problems(con, wave, problems)
    if problems:
        raise ConfigMigrationError(
            f"the CC&B configuration cannot be migrated: {'; '.join(p['message'] for p in problems[:3])}"
            f"{' ...' if len(problems) > 3 else ''} (ccs-migrate errors --wave {wave})")
    staged: dict[str, str] = {}
    try:
        for t in tables:
            staged[t.name] = stage_source(s, con, src, layouts[t.name], wave)
        dups = {t.name: s.query(duplicates_sql(layouts[t.name], staged[t.name])) for t in tables}
        dups = {n: d for n, d in dups.items() if d}
        if dups:
            problems = [{"table": n, "column": "+".join(layouts[n].table.primary_key), "rule": "DUPLICATE_KEY",
                         "message": f"source admin table {n} holds key {k} {int(c)} times"} for n, d in dups.items()
                        for k, c in d[:KEYS_SHOWN]]
            record_problems(con, wave, problems)
            raise ConfigMigrationError(f"the CC&B configuration cannot be migrated: {problems[0]['message']}"
                                       f"{' ...' if len(problems) > 1 else ''} (ccs-migrate errors --wave {wave})")
        before = {t.name: compare(s, layouts[t.name], staged[t.name]) for t in tables}
        with s.transaction():  # all tables or none
            for t in tables:
                if before[t.name]["added"] or before[t.name]["changed"]:
                    s.execute(apply_sql(s, layouts[t.name], staged[t.name]))
        after = {t.name: compare(s, layouts[t.name], staged[t.name]) for t in tables}
    finally:
        s.drop_parsed(*[f"ccs_cfg_{n.lower()}" for n in staged])
    left = {n: a for n, a in after.items() if a["added"] or a["changed"]}
    if left:
        raise ConfigMigrationError("the configuration apply left differences: " + "; ".join(
            f"{n}: {a['added']} added, {a['changed']} changed" for n, a in left.items()))
    return {t.name: {**before[t.name], "applied": before[t.name]["added"] + before[t.name]["changed"],
                     "compared_columns": compared_columns(layouts[t.name]),
                     "target_columns_not_in_source": list(layouts[t.name].defaulted),
                     "source_columns_dropped": list(layouts[t.name].dropped)} for t in tables}


def record_problems(con, wave: str, problems: list[dict]) -> None:
    """wb.errors (step `config`): the structure problems of this migration, replacing the wave's earlier ones."""
    con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = ? AND rule <> ?", [wave, STEP, CODE_RULE])
    for p in problems:
        con.execute("INSERT INTO wb.errors VALUES (?, ?, ?, NULL, ?, ?, NULL, ?, NULL, NULL, NULL)",
                    [wave, STEP, p["table"], p["rule"], p.get("column"), p["message"]])


# ---------------------------------------------------------------- the blocking check: every used code exists
def _used_sql(use: CodeUse, admin: AdminTable, rel: str, t: Table, keys: str) -> str:
    """Workbench SQL: (table_name, column_name, code, rows, present) per code the wave's rows of `t` use."""
    cols = use.columns
    trimmed = ", ".join(f"trim(x.{c}) AS c{i}" for i, c in enumerate(cols))
    used = " OR ".join(f"coalesce(trim(x.{c}), '') <> ''" for c in cols)
    code = " || '/' || ".join(f"coalesce(u.c{i}, '')" for i in range(len(cols)))
    match = " AND ".join(f"trim(k.{k}) = u.c{i}" for i, k in enumerate(admin.table.primary_key))
    return (f"SELECT '{t.name}' AS table_name, '{'+'.join(cols)}' AS column_name, {code} AS code, u.n, "
            f"EXISTS (SELECT 1 FROM {keys} k WHERE {match}) AS present "
            f"FROM (SELECT {trimmed}, count(*) AS n FROM {wave_rows(rel, t)} WHERE {used} GROUP BY ALL) u")


def target_keys_sql(s: TargetSession, admin: AdminTable) -> str:
    return f"SELECT {', '.join(admin.table.primary_key)} FROM {s.prod}.{admin.name}"


def used_codes(con, src: SourceReader, s: TargetSession, admin: AdminTable, migrated: dict[str, Table], wave: str) -> dict:
    """The codes of `admin` the wave's source rows use, against the target's rows of it (read once, as Arrow).

    Returns `missing` (table, column, code, rows), `codes_used` and `rows_checked` per code column, and
    `not_checked` (code columns the source table lacks)."""
    uses = uses_in(admin, set(migrated))
    source = src.columns()
    keys = s.arrow(target_keys_sql(s, admin))
    con.register("ccs_cfg_target_keys", keys)
    try:
        parts, not_checked = [], []
        for u in uses:
            have = {c.name for c in source.get(u.table, [])}
            if not set(u.columns) <= have:
                not_checked.append(u.label)
                continue
            parts.append(_used_sql(u, admin, src.relation(u.table), migrated[u.table], "ccs_cfg_target_keys"))
        rows = con.execute(" UNION ALL ".join(parts) + " ORDER BY 1, 2, 3", {"wave": wave}).fetchall() if parts else []
    finally:
        con.unregister("ccs_cfg_target_keys")
    missing = [{"table": t, "column": c, "code": code, "rows": int(n)} for t, c, code, n, present in rows if not present]
    used: dict[str, dict] = {}
    for t, c, code, n, present in rows:
        u = used.setdefault(f"{t}.{c}", {"codes": 0, "rows": 0})
        u["codes"] += 1
        u["rows"] += int(n)
    return {"missing": missing, "used": used, "not_checked": not_checked}


def record_missing(con, wave: str, admin: AdminTable, migrated: set[str], missing: list[dict]) -> None:
    """wb.errors (step `config`, rule CODE_NOT_IN_TARGET): one row per missing code, replacing this admin table's."""
    for u in uses_in(admin, migrated):
        con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = ? AND rule = ? AND table_name = ? AND column_name = ?",
                    [wave, STEP, CODE_RULE, u.table, "+".join(u.columns)])
    for m in missing:
        con.execute("INSERT INTO wb.errors VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL)",
                    [wave, STEP, m["table"], CODE_RULE, m["column"], m["code"], missing_message(admin, m)])


def missing_message(admin: AdminTable, m: dict) -> str:
    return (f"{m['table']}.{m['column']} code {m['code']} is used by {m['rows']} row(s) of the wave but the target's "
            f"{admin.name} has no such row after the configuration migration")


__all__ = ["ADMIN_TABLES", "ConfigMigrationError", "admin_of", "apply_sql", "compare", "compare_sql", "migrate",
           "record_missing", "used_codes"]
