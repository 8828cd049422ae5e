"""Workbench side of an upgrade (Oracle step 3): ownership by wave, column matching, source checks, extract files.

Every column travels: a table's file layout is the target table's column list
(its dictionary), filled from the source column of the same name. A source
column the target lacks is an error naming table and column unless
CCS_SOURCE_DROP_COLUMNS lists it; a target column the source lacks gets
OUAF's empty value (one blank, 0; NULL where the target allows it) and is
reported. The catalog still gives keys, foreign keys, order and checks.
Rejections are by entity (the maintenance object: a person with its names,
phones and ids), cascade to every row pointing at a rejected key (any wave),
and are recorded in wb.errors (step 'extract') with table, key and rule.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

from ..catalog import ccb_txn, project
from ..catalog.model import Column, Table
from ..extract.loadfile import write_table_files
from ..source.resource import SourceColumn, SourceReader

STEP = "extract"
# per product: the ownership statements, in order (the transactional one runs only when its tables are extracted)
OWNERSHIP_SQL = {"ccb": (Path(__file__).parent / "ccb_ownership.sql", Path(__file__).parent / "ccb_txn_ownership.sql")}
TXN_ENTITY = "CI_BILL"  # a scenario extracting this table extracts the transactional history too

WB_DDL = """
CREATE TABLE IF NOT EXISTS wb.source_plan (acct_id VARCHAR NOT NULL, wave VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS wb.source_owner (entity VARCHAR NOT NULL, k VARCHAR NOT NULL, wave VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS wb.source_reject (
  wave VARCHAR NOT NULL, entity VARCHAR NOT NULL, k VARCHAR NOT NULL, table_name VARCHAR NOT NULL, rule VARCHAR NOT NULL,
  column_name VARCHAR, value VARCHAR, message VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS wb.source_counts (
  wave VARCHAR NOT NULL, table_name VARCHAR NOT NULL, source_rows BIGINT NOT NULL, rejected_rows BIGINT NOT NULL,
  extracted BIGINT NOT NULL);
"""


class SourceStructureError(dg.Failure):
    """The source cannot be extracted as it is (a table or key column missing, a column the target lacks)."""


def ensure_upgrade_workbench(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(WB_DDL)


def read_plan(con: duckdb.DuckDBPyConnection, plan_file: Path | None) -> int:
    """Load wave_plan.csv (acct_id,wave) into wb.source_plan; no file: one wave, `all`."""
    con.execute("DELETE FROM wb.source_plan")
    if plan_file is None or not plan_file.is_file():
        return 0
    with open(plan_file, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh), [])
    if [h.strip().lower() for h in header[:2]] != ["acct_id", "wave"]:
        raise ValueError(f"{plan_file}: header must be acct_id,wave, got {','.join(header)}")
    con.execute(f"""INSERT INTO wb.source_plan SELECT trim(acct_id), trim(wave) FROM read_csv('{plan_file}', header=true,
                    columns={{'acct_id': 'VARCHAR', 'wave': 'VARCHAR'}}, auto_detect=false)
                    WHERE trim(acct_id) <> '' AND regexp_full_match(trim(wave), '[a-z0-9_-]{{1,30}}')""")
    return con.execute("SELECT count(*) FROM wb.source_plan").fetchone()[0]


def plan_waves(plan_file: Path | None) -> list[str]:
    """The plan's waves, sorted; `all` without a plan."""
    if plan_file is None or not plan_file.is_file():
        return ["all"]
    with open(plan_file, encoding="utf-8-sig", newline="") as fh:
        waves = {(r.get("wave") or "").strip() for r in csv.DictReader(fh)}
    return sorted(w for w in waves if w) or ["all"]


# ---------------------------------------------------------------- structure: what the source holds
def structure_problems(src: SourceReader, tables: tuple[Table, ...]) -> list[dict]:
    """Missing tables, and missing key / foreign-key columns: what steps 1-2 promise the next step."""
    cols = src.columns()
    out = []
    for t in tables:
        have = {c.name for c in cols.get(t.name, [])}
        if not have:
            out.append({"table": t.name, "column": None, "rule": "SOURCE_TABLE_MISSING",
                        "message": f"source table {t.name} does not exist or is not readable"})
            continue
        needed = list(t.primary_key) + [c.name for c in t.foreign_keys]
        for name in dict.fromkeys(needed):
            if name not in have:
                out.append({"table": t.name, "column": name, "rule": "SOURCE_KEY_COLUMN_MISSING",
                            "message": f"source table {t.name} has no column {name} (a key or foreign key)"})
    return out


@dataclass(frozen=True)
class Layout:
    """One table's file: the target's columns, each from its source column or OUAF's empty value."""

    table: Table  # catalog name/keys with the target's columns (the file and load layout)
    from_source: tuple[str, ...]
    defaulted: tuple[str, ...]  # target columns the source lacks
    dropped: tuple[str, ...]  # source columns the setting drops on purpose
    unknown: tuple[str, ...]  # source columns the target lacks and no setting drops: an error


def column_of(t: Table, sc: SourceColumn) -> Column:
    """The catalog column when the catalog models it, else one built from the target's dictionary."""
    try:
        return t.column(sc.name)
    except KeyError:
        default = None if sc.nullable else (0 if sc.type == "number" else " ")
        return Column(sc.name, sc.type, sc.length or (18 if sc.type == "number" else 4000), sc.scale, nullable=sc.nullable,
                      default=default, description="not modeled by the catalog: travels as the source holds it", confidence="I")


def target_table(t: Table, target_cols: list[SourceColumn]) -> Table:
    """The catalog table with the target's columns (dictionary order): the file and load layout."""
    if not target_cols:
        raise SourceStructureError(f"target table {t.name} does not exist")
    return Table(t.name, tuple(column_of(t, c) for c in target_cols), t.primary_key, t.description, entity=t.entity,
                 owner_column=t.owner_column, legacy_file=t.legacy_file, seed_step=t.seed_step, confidence=t.confidence,
                 key_table=t.key_table, product=t.product)


def layout(t: Table, source_cols: list[SourceColumn], target_cols: list[SourceColumn], drop: set[str]) -> Layout:
    runtime = target_table(t, target_cols)
    target = runtime.columns
    src = {c.name for c in source_cols}
    tgt = {c.name for c in target}
    return Layout(runtime, tuple(c.name for c in target if c.name in src), tuple(c.name for c in target if c.name not in src),
                  tuple(c.name for c in source_cols if c.name not in tgt and f"{t.name}.{c.name}" in drop),
                  tuple(c.name for c in source_cols if c.name not in tgt and f"{t.name}.{c.name}" not in drop))


def _empty(c: Column) -> str:
    if c.nullable:
        return "NULL"
    return "0" if c.type == "number" else "' '"


# ---------------------------------------------------------------- ownership
def compute_ownership(con: duckdb.DuckDBPyConnection, src: SourceReader, tables: tuple[Table, ...], product: str = "ccb") -> dict:
    """wb.source_owner (entity, k, wave) for every key of the source; child rows whose entity is missing go to the
    first wave, so their orphan is reported instead of lost."""
    rel = {t.name: src.relation(t.name) for t in tables}
    for i, sql in enumerate(OWNERSHIP_SQL[product]):
        if i == 0 or TXN_ENTITY in rel:
            con.execute(sql.read_text().format(**rel))
    for t in tables:
        if t.entity != t.name:
            con.execute(
                f"""INSERT INTO wb.source_owner SELECT DISTINCT '{t.entity}', x.{t.owner_column}, f.wave FROM {rel[t.name]} x
                CROSS JOIN (SELECT coalesce(min(wave), 'all') AS wave FROM wb.source_plan) f
                WHERE x.{t.owner_column} NOT IN (SELECT k FROM wb.source_owner WHERE entity = '{t.entity}')""")
    return dict(con.execute("SELECT wave, count(*) FROM wb.source_owner GROUP BY wave ORDER BY wave").fetchall())


def wave_rows(rel: str, t: Table) -> str:
    """FROM-clause body: the source rows of `t` the wave ($wave) owns, alias x."""
    return (f"{rel} x JOIN wb.source_owner o ON o.entity = '{t.entity}' AND o.k = x.{t.owner_column} AND o.wave = $wave")


# ---------------------------------------------------------------- source checks and rejects
def _reject(con, wave: str, t: Table, rule: str, column: str | None, select_keys: str, message_sql: str) -> int:
    """Record the entities of `select_keys` (columns k, value) as rejected by `rule`, once per (entity, key, rule)."""
    before = con.execute("SELECT count(*) FROM wb.source_reject WHERE wave = ?", [wave]).fetchone()[0]
    con.execute(
        f"""INSERT INTO wb.source_reject SELECT DISTINCT $wave, '{t.entity}', v.k, '{t.name}', '{rule}',
                {f"'{column}'" if column else 'NULL'}, v.value, {message_sql} FROM ({select_keys}) v
            WHERE NOT EXISTS (SELECT 1 FROM wb.source_reject r WHERE r.wave = $wave AND r.entity = '{t.entity}' AND r.k = v.k
                              AND r.rule = '{rule}')""", {"wave": wave})
    return con.execute("SELECT count(*) FROM wb.source_reject WHERE wave = ?", [wave]).fetchone()[0] - before


def typed_fks(by_name: dict[str, Table]) -> list[tuple[Table, str, str, str, Table, str]]:
    """The catalog's typed foreign keys among these tables: (child, condition on x, types, column, parent, parent key)."""
    out = []
    for child, type_col, types, col, parent, key in ccb_txn.typed_foreign_keys():
        if child in by_name and parent in by_name:
            cond = f"x.{type_col} IN ({', '.join(repr(v) for v in types)})"
            out.append((by_name[child], cond, f"{type_col} {'/'.join(types)}", col, by_name[parent], key))
    return out


def check_source_wave(con, src: SourceReader, tables: tuple[Table, ...], wave: str) -> dict:
    """Duplicate keys, orphan foreign keys (an FT's parent by its type too) and their cascade, for the wave's source
    rows; returns rejects per rule."""
    con.execute("DELETE FROM wb.source_reject WHERE wave = ?", [wave])
    by_name = {t.name: t for t in tables}
    rel = {t.name: src.relation(t.name) for t in tables}
    typed = typed_fks(by_name)
    for t in tables:
        pk_value = " || '/' || ".join(f"CAST(x.{c} AS VARCHAR)" for c in t.primary_key)
        on = " AND ".join(f"d.{c} = x.{c}" for c in t.primary_key)
        _reject(con, wave, t, "DUPLICATE_KEY", t.primary_key[0],
                f"SELECT x.{t.owner_column} AS k, {pk_value} AS value FROM {wave_rows(rel[t.name], t)} "
                f"JOIN (SELECT {', '.join(t.primary_key)} FROM {rel[t.name]} GROUP BY {', '.join(t.primary_key)} "
                f"HAVING count(*) > 1) d ON {on}",
                f"'{t.name} key ' || v.value || ' appears more than once in the source'")
        for c in t.foreign_keys:
            parent = by_name.get(c.fk_table)
            if parent is None:
                continue
            _reject(con, wave, t, "ORPHAN_FK", c.name,
                    f"SELECT x.{t.owner_column} AS k, x.{c.name} AS value FROM {wave_rows(rel[t.name], t)} "
                    f"WHERE trim(x.{c.name}) <> '' AND x.{c.name} NOT IN (SELECT {c.fk_column} FROM {rel[parent.name]} "
                    f"WHERE {c.fk_column} IS NOT NULL)",
                    f"'{t.name}.{c.name} ' || v.value || ' has no {parent.name} row in the source'")
    for t, cond, what, col, parent, key in typed:  # a blank parent key is missing too: an FT always has its parent
        _reject(con, wave, t, "ORPHAN_FK", col,
                f"SELECT x.{t.owner_column} AS k, coalesce(x.{col}, '') AS value FROM {wave_rows(rel[t.name], t)} "
                f"WHERE {cond} AND (coalesce(trim(x.{col}), '') = '' OR x.{col} NOT IN "
                f"(SELECT {key} FROM {rel[parent.name]} WHERE {key} IS NOT NULL))",
                f"'{t.name}.{col} ' || v.value || ' ({what}) has no {parent.name} row in the source'")
    while True:  # a row pointing at a rejected key (this wave or an earlier one) is rejected too
        added = 0
        for t in tables:
            for c in t.foreign_keys:
                if c.fk_table not in by_name or c.name == t.owner_column and t.entity == c.fk_table:
                    continue
                added += _reject(
                    con, wave, t, "PARENT_REJECTED", c.name,
                    f"SELECT x.{t.owner_column} AS k, x.{c.name} AS value FROM {wave_rows(rel[t.name], t)} "
                    f"WHERE x.{c.name} IN (SELECT k FROM wb.source_reject WHERE entity = '{by_name[c.fk_table].entity}')",
                    f"'{t.name}.{c.name} ' || v.value || ' points at a rejected {c.fk_table}'")
        for t, cond, what, col, parent, key in typed:
            added += _reject(
                con, wave, t, "PARENT_REJECTED", col,
                f"SELECT x.{t.owner_column} AS k, x.{col} AS value FROM {wave_rows(rel[t.name], t)} "
                f"WHERE {cond} AND x.{col} IN (SELECT k FROM wb.source_reject WHERE entity = '{parent.entity}')",
                f"'{t.name}.{col} ' || v.value || ' ({what}) points at a rejected {parent.name}'")
        if not added:
            break
    return dict(con.execute("SELECT table_name || ':' || rule, count(*) FROM wb.source_reject WHERE wave = ? "
                            "GROUP BY ALL ORDER BY 1", [wave]).fetchall())


def record_errors(con, wave: str, extra: list[dict]) -> int:
    """wb.errors (step 'extract') = the wave's rejects plus table-level findings (`extra`)."""
    con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = ?", [wave, STEP])
    con.execute(f"""INSERT INTO wb.errors SELECT wave, '{STEP}', table_name, k, rule, column_name, value, message, NULL, NULL, NULL
                    FROM wb.source_reject WHERE wave = ?""", [wave])
    for e in extra:
        con.execute("INSERT INTO wb.errors VALUES (?, ?, ?, NULL, ?, ?, NULL, ?, NULL, NULL, NULL)",
                    [wave, STEP, e["table"], e["rule"], e.get("column"), e["message"]])
    return con.execute("SELECT count(*) FROM wb.errors WHERE wave = ? AND step = ?", [wave, STEP]).fetchone()[0]


# ---------------------------------------------------------------- extract
def extract_table(con, src: SourceReader, lay: Layout, wave: str, out_dir: Path, env_id: int,
                  overrides: dict[str, str] | None = None) -> dict:
    """<TABLE>.dat/.ctl (and <TABLE>_K) of the wave's accepted source rows, in the target's column layout.

    `overrides` gives a column its value instead of the source's (e.g. every tender's conversion tender control)."""
    t = lay.table
    rel = src.relation(t.name)
    overrides = overrides or {}
    exprs = [f"{overrides[c.name]} AS {c.name}" if c.name in overrides else
             f"x.{c.name} AS {c.name}" if c.name in lay.from_source else f"{_empty(c)} AS {c.name}" for c in t.columns]
    accepted = (f"(SELECT {', '.join(exprs)} FROM {wave_rows(rel, t)} WHERE x.{t.owner_column} NOT IN "
                f"(SELECT k FROM wb.source_reject WHERE wave = $wave AND entity = '{t.entity}')) a")
    files = write_table_files(con, accepted, t, out_dir, wave, {"wave": wave})
    if t.key_table:
        k = project.k_table(t)
        files.update(write_table_files(con, f"(SELECT {t.key_column.name}, {env_id} AS ENV_ID FROM {accepted}) kk", k,
                                       out_dir, wave, {"wave": wave}))
    source_rows = con.execute(f"SELECT count(*) FROM {wave_rows(rel, t)}", {"wave": wave}).fetchone()[0]
    extracted = files[f"{t.name}.dat"]
    con.execute("DELETE FROM wb.source_counts WHERE wave = ? AND table_name = ?", [wave, t.name])
    con.execute("INSERT INTO wb.source_counts VALUES (?, ?, ?, ?, ?)", [wave, t.name, source_rows, source_rows - extracted, extracted])
    con.execute("DELETE FROM wb.extract_counts WHERE wave = ? AND table_name = ?", [wave, t.name])
    con.execute("INSERT INTO wb.extract_counts VALUES (?, ?, ?, ?)", [wave, t.name, f"{t.name}.dat", extracted])
    return {"rows": extracted, "source_rows": source_rows, "rejected": source_rows - extracted, "files": files,
            "defaulted_columns": list(lay.defaulted), "dropped_columns": list(lay.dropped)}


def source_counts(con, wave: str) -> dict[str, dict]:
    return {t: {"source": s, "source_rejected": r, "extracted": e} for t, s, r, e in con.execute(
        "SELECT table_name, source_rows, rejected_rows, extracted FROM wb.source_counts WHERE wave = ?", [wave]).fetchall()}
