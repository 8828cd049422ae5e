"""Target side of an upgrade (Oracle steps 4-5): SQL Loader batch into production with CC&B's keys kept.

Each wave's files are parsed (typed, rejects kept, as scenario 1's staging
load) into a load-check table CCS_UP_<TABLE> in the staging schema, so
nothing reaches production before the wave's checks and reject gate: a key
that already exists in production and is not this wave's (another wave's, or
data this tool did not load) is KEY_COLLISION, never an overwrite; a foreign
key found neither in production nor in the wave's files is ORPHAN_FK; rows
pointing at a rejected key are PARENT_REJECTED. Then production gets the
accepted rows (replace_wave_rows: a rerun replaces exactly the wave's rows)
and a `_K` row with ENV_ID for every loaded key, so the cloud service's own
key generation never hands out a migrated key.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog import ccb_txn, project
from ..catalog.model import Column, Table
from ..source.resource import SourceColumn, duckdb_column, oracle_column
from ..stage.steps import stage_file
from ..target.resource import TargetSession
from ..target.wavewrite import replace_wave_rows

STEP = "load"
LOAD_PREFIX = "CCS_UP_"


def columns_sql(s: TargetSession) -> str:
    """The columns of every table of schema :schema, in dictionary order."""
    if s.dialect.name == "oracle":
        return ("SELECT table_name, column_name, data_type, char_length, data_precision, data_scale, nullable "
                "FROM all_tab_columns WHERE owner = :schema ORDER BY table_name, column_id")
    return ("SELECT upper(table_name), column_name, data_type, character_maximum_length, is_nullable "
            "FROM information_schema.columns WHERE table_schema = :schema ORDER BY table_name, ordinal_position")


def target_columns(s: TargetSession, schema: str) -> dict[str, list[SourceColumn]]:
    out: dict[str, list[SourceColumn]] = {}
    for row in s.query(columns_sql(s), schema=s.dialect.schema_name(schema)):
        col = oracle_column(*row[1:]) if s.dialect.name == "oracle" else duckdb_column(*row[1:])
        out.setdefault(row[0].upper(), []).append(col)
    return out


def add_release_columns(s: TargetSession, release: dict[str, tuple[Column, ...]]) -> list[str]:
    """DuckDB rehearsal target only: give production tables the columns the cloud service's tables have beyond the
    catalog (an Oracle target is the service's own schema and is never altered)."""
    if s.dialect.name == "oracle":
        return []
    have = target_columns(s, s.prod)
    added = []
    for table, cols in release.items():
        for c in cols:
            if table in have and c.name not in {x.name for x in have[table]}:
                default = "" if c.nullable else f" DEFAULT {0 if c.type == 'number' else repr(' ')}"
                s.execute(f"ALTER TABLE {s.prod}.{table} ADD COLUMN {c.name} {c.duckdb_type()}{default}")
                added.append(f"{table}.{c.name}")
    return added


def load_table(t: Table) -> Table:
    """The load-check table of `t`: the same columns, all nullable (what the parser accepts), no key."""
    cols = tuple(Column(c.name, c.type, c.length, c.scale, nullable=True, key_kind=c.key_kind, fk=c.fk, default=c.default)
                 for c in t.columns)
    return Table(LOAD_PREFIX + t.name, cols, (), f"Wave rows of {t.name} loaded from its file, checked before production.",
                 entity=t.entity, owner_column=t.owner_column, legacy_file="", seed_step=4, product="ccs")


def load_tables() -> list[Table]:
    """The upgrade scenarios' load-check tables in the staging schema (rollback removes a wave's rows from them)."""
    from ..catalog import ccb

    txn = [t for t in ccb_txn.LOAD_ORDER if t not in ccb.CCB_TABLES and t not in ccb_txn.CONTROL_TABLES]
    return [load_table(t) for t in ccb.CCB_TABLES + tuple(txn)]


def ensure_load_table(s: TargetSession, t: Table) -> None:
    lt = load_table(t)
    existing = {r[0].upper() for r in s.query(s.dialect.tables_sql(), schema=s.dialect.schema_name(s.stg))}
    if lt.name not in existing:
        s.execute(s.dialect.create_table(s.stg, lt.name, [(c.name, s.dialect.column_type(c), True) for c in lt.columns], None))


def load_file(s: TargetSession, t: Table, inbox: Path, wave: str) -> dict:
    """Parse the wave's <TABLE>.dat into CCS_UP_<TABLE> (lines the parser refuses: LOAD_REJECT, step 'load')."""
    ensure_load_table(s, t)
    r = stage_file(s, load_table(t), inbox / f"{t.name}.dat", wave, step=STEP, error_table=t.name)
    return {"loaded": r["loaded"], "load_rejected": r["rejected"]}


def _loaded(s: TargetSession, t: Table, alias: str = "x") -> str:
    """The wave's loaded rows of `t` (FROM-clause body, alias x)."""
    return (f"{s.stg}.{LOAD_PREFIX}{t.name} {alias} WHERE {alias}.{t.owner_column} IN (SELECT OWNER_KEY FROM "
            f"{s.stg}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{LOAD_PREFIX}{t.name}')")


def _rejected_keys(s: TargetSession, entity: str, tables: dict[str, Table]) -> str:
    """Entity keys this wave's load checks rejected (any table of the entity)."""
    names = ", ".join(f"'{n}'" for n, x in tables.items() if x.entity == entity)
    return (f"SELECT STG_KEY FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{STEP}' AND TABLE_NAME IN ({names}) "
            f"AND STG_KEY IS NOT NULL")


def _reject_sql(s: TargetSession, t: Table, rule: str, column: str, select_kv: str, message: str) -> str:
    """INSERT the (K, V) rows of `select_kv` as CCS_VAL_ERR rows of the wave (entity key in STG_KEY), once per rule."""
    return (f"INSERT INTO {s.stg}.CCS_VAL_ERR (WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO, STG_KEY) "
            f"SELECT DISTINCT :wave, '{STEP}', '{t.name}', v.K, '{rule}', '{column}', v.V, {message}, NULL, v.K "
            f"FROM ({select_kv}) v WHERE NOT EXISTS (SELECT 1 FROM {s.stg}.CCS_VAL_ERR e WHERE e.WAVE = :wave "
            f"AND e.STEP = '{STEP}' AND e.TABLE_NAME = '{t.name}' AND e.RULE = '{rule}' AND e.STG_KEY = v.K)")


def collision_sql(s: TargetSession, t: Table) -> str:
    """Loaded keys already in production that are not this wave's: another wave's, or not loaded by this tool."""
    key = t.key_column.name
    ledger = f"{s.prod}.CCS_WAVE_LEDGER"
    owner = (f"COALESCE((SELECT MIN(l.WAVE) FROM {ledger} l WHERE l.TABLE_NAME = '{t.name}' AND l.OWNER_KEY = v.K), "
             f"'data this tool did not load')")
    select = (f"SELECT x.{t.owner_column} K, x.{key} V FROM {_loaded(s, t)} AND x.{key} IN (SELECT p.{key} FROM {s.prod}.{t.name} p) "
              f"AND x.{key} NOT IN (SELECT OWNER_KEY FROM {ledger} WHERE WAVE = :wave AND TABLE_NAME = '{t.name}')")
    return _reject_sql(s, t, "KEY_COLLISION", key, select,
                       f"'{t.name} key ' || v.V || ' already exists in production (' || {owner} || '): not overwritten'")


def orphan_sql(s: TargetSession, t: Table, c: Column, parent: Table, only: str = "", what: str = "") -> str:
    """Foreign keys found neither in the wave's loaded parent rows nor in production (`only`: a condition on x for a
    typed foreign key, `what` its types)."""
    blank = s.dialect.is_blank(f"x.{c.name}")
    select = (f"SELECT x.{t.owner_column} K, x.{c.name} V FROM {_loaded(s, t)} AND NOT {blank}{only} "
              f"AND x.{c.name} NOT IN (SELECT p.{c.fk_column} FROM {_loaded(s, parent, 'p')} AND p.{c.fk_column} IS NOT NULL) "
              f"AND x.{c.name} NOT IN (SELECT q.{c.fk_column} FROM {s.prod}.{parent.name} q)")
    return _reject_sql(s, t, "ORPHAN_FK", c.name, select,
                       f"'{t.name}.{c.name} ' || v.V || '{what} has no {parent.name} row in production or in the wave''s files'")


def cascade_sql(s: TargetSession, t: Table, c: Column, parent: Table, tables: dict[str, Table], only: str = "",
                what: str = "") -> str:
    select = (f"SELECT x.{t.owner_column} K, x.{c.name} V FROM {_loaded(s, t)}{only} "
              f"AND x.{c.name} IN ({_rejected_keys(s, parent.entity, tables)})")
    return _reject_sql(s, t, "PARENT_REJECTED", c.name, select,
                       f"'{t.name}.{c.name} ' || v.V || '{what} points at a rejected {parent.name}'")


def _typed(by_name: dict[str, Table]) -> list[tuple[Table, Column, Table, str, str]]:
    """The catalog's typed foreign keys among these tables (an FT's parent by FT_TYPE_FLG), as plain columns with a
    condition: (child, column, parent, condition on x, ' (types)')."""
    out = []
    for child, type_col, types, col, parent, key in ccb_txn.typed_foreign_keys():
        if child in by_name and parent in by_name:
            c = Column(col, "char", 12, fk=f"{parent}.{key}")
            out.append((by_name[child], c, by_name[parent], f" AND x.{type_col} IN ({', '.join(repr(v) for v in types)})",
                        f" ({type_col} {'/'.join(types)})"))
    return out


def check_loaded_wave(s: TargetSession, tables: tuple[Table, ...], wave: str) -> dict:
    """Key collisions, orphans (an FT's parent by its type too) and their cascade for the wave's loaded rows
    (CCS_VAL_ERR, step 'load')."""
    by_name = {t.name: t for t in tables}
    typed = _typed(by_name)
    with s.transaction():
        s.execute(f"DELETE FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{STEP}' AND RULE <> 'LOAD_REJECT'", wave=wave)
        for t in tables:
            if t.key_table:
                s.execute(collision_sql(s, t), wave=wave)
            for c in t.foreign_keys:
                if c.fk_table in by_name and not (c.name == t.owner_column and t.entity == c.fk_table):
                    s.execute(orphan_sql(s, t, c, by_name[c.fk_table]), wave=wave)
        for t, c, parent, only, what in typed:
            s.execute(orphan_sql(s, t, c, parent, only, what), wave=wave)
        while True:
            before = s.scalar(f"SELECT count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{STEP}'", wave=wave)
            for t in tables:
                for c in t.foreign_keys:
                    if c.fk_table in by_name and not (c.name == t.owner_column and t.entity == c.fk_table):
                        s.execute(cascade_sql(s, t, c, by_name[c.fk_table], by_name), wave=wave)
            for t, c, parent, only, what in typed:
                s.execute(cascade_sql(s, t, c, parent, by_name, only, what), wave=wave)
            if s.scalar(f"SELECT count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{STEP}'", wave=wave) == before:
                break
    return dict(s.query(f"SELECT TABLE_NAME || ':' || RULE, count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave "
                        f"AND STEP = '{STEP}' GROUP BY TABLE_NAME, RULE ORDER BY 1", wave=wave))


def production_select(s: TargetSession, t: Table, tables: dict[str, Table]) -> str:
    cols = ", ".join(f"x.{c}" for c in t.column_names)
    return (f"SELECT {cols} FROM {_loaded(s, t)} AND x.{t.owner_column} NOT IN ({_rejected_keys(s, t.entity, tables)})")


def insert_production(s: TargetSession, t: Table, tables: dict[str, Table], wave: str, env_id: int) -> dict:
    """The wave's accepted rows into production with their CC&B keys, and their `_K` rows."""
    select = production_select(s, t, tables)
    out = {"rows": replace_wave_rows(s, s.prod, t, wave, select)}
    if t.key_table:
        k = project.k_table(t)
        out["k_rows"] = replace_wave_rows(s, s.prod, k, wave, f"SELECT a.{k.columns[0].name}, :env_id AS ENV_ID FROM ({select}) a",
                                          env_id=env_id)
    return out


def wave_currency(s: TargetSession, wave: str) -> str:
    """The currency of the wave's loaded tenders (the conversion controls' CURRENCY_CD); blank when it has none."""
    return str(s.scalar(f"SELECT MIN(x.CURRENCY_CD) FROM {_loaded(s, ccb_txn.CI_PAY_TNDR)}", wave=wave) or " ")


def rejected_keys(s: TargetSession, wave: str):
    """The wave's entity keys its load checks rejected, as Arrow (TABLE_NAME, K): what step 5 leaves out of the source."""
    return s.arrow(f"SELECT DISTINCT TABLE_NAME, STG_KEY AS K FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{STEP}' "
                   f"AND STG_KEY IS NOT NULL", wave=wave)


def target_counts(s: TargetSession, tables: tuple[Table, ...], wave: str) -> dict[str, dict]:
    """Per table: rows loaded, lines the parser refused, rows of entities the load checks rejected, rows in production."""
    by_name = {t.name: t for t in tables}
    out = {}
    for t in tables:
        loaded = s.scalar(f"SELECT count(*) FROM {_loaded(s, t)}", wave=wave)
        out[t.name] = {
            "loaded": loaded,
            "load_rejected": s.scalar(f"SELECT count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{STEP}' "
                                      f"AND TABLE_NAME = '{t.name}' AND RULE = 'LOAD_REJECT'", wave=wave),
            "load_check_rejected": s.scalar(f"SELECT count(*) FROM {_loaded(s, t)} AND x.{t.owner_column} IN "
                                            f"({_rejected_keys(s, t.entity, by_name)})", wave=wave),
            "production": s.scalar(f"SELECT count(*) FROM {s.prod}.{t.name} x WHERE x.{t.owner_column} IN (SELECT OWNER_KEY "
                                   f"FROM {s.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{t.name}')", wave=wave),
        }
        if t.key_table:
            out[t.name]["k_rows"] = s.scalar(
                f"SELECT count(*) FROM {s.prod}.{t.k_table} x WHERE x.{t.key_column.name} IN (SELECT OWNER_KEY FROM "
                f"{s.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{t.k_table}')", wave=wave)
    return out


def reconcile_counts(src: dict[str, dict], tgt: dict[str, dict], tables: tuple[Table, ...]) -> tuple[dict, list[str]]:
    """source = extracted + rejected at the source; extracted = loaded + parser rejects; loaded = production + load-check
    rejects; a keyed table has one `_K` row per production row."""
    report, problems = {}, []
    for t in tables:
        r = {**src.get(t.name, {}), **tgt.get(t.name, {})}
        report[t.name] = r
        if "source" not in r or "loaded" not in r:
            problems.append(f"{t.name}: not counted on both sides (extract or load did not run for the wave)")
            continue
        if r["source"] != r["extracted"] + r["source_rejected"]:
            problems.append(f"{t.name}: source {r['source']} != extracted {r['extracted']} + rejected {r['source_rejected']}")
        if r["extracted"] != r["loaded"] + r["load_rejected"]:
            problems.append(f"{t.name}: extracted {r['extracted']} != loaded {r['loaded']} + load rejects {r['load_rejected']}")
        if r["loaded"] != r["production"] + r["load_check_rejected"]:
            problems.append(f"{t.name}: loaded {r['loaded']} != production {r['production']} + rejected {r['load_check_rejected']}")
        if t.key_table and r.get("k_rows") != r["production"]:
            problems.append(f"{t.name}: production {r['production']} != {t.k_table} rows {r.get('k_rows')}")
    return report, problems
