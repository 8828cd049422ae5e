"""Validate a keyed entity's staged rows for a wave, then give the accepted ones production keys.

Rules are generated from the catalog (required values, `_K` rows, parents
that must already hold a production key) plus the CC&B rules in ./rules.
Keys are deterministic: MD5 of (table, staging key, attempt) reduced to the
key's digits; a key already used by any table of the same key space (another
wave's CK map, or production) or twice in this batch is retried with the
next attempt, lowest staging key first. Same inputs, same keys, every rerun.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog import ccb
from ..catalog.model import Table
from ..target.resource import TargetSession
from ..target.wavewrite import wave_rows

RULES_DIR = Path(__file__).parent / "rules"
MAX_ATTEMPTS = 30
KEYED = [t for t in ccb.CCB_TABLES if t.key_table]
BY_NAME = {t.name: t for t in ccb.CCB_TABLES}


def mo_children(t: Table) -> list[Table]:
    return [c for c in ccb.CCB_TABLES if c.entity == t.name and c.name != t.name]


def _err_insert(s: TargetSession, table: str, select: str, **params) -> None:
    """Insert (STG_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE) rows as validate errors, with legacy key and line."""
    s.execute(
        f"""INSERT INTO {s.stg}.CCS_VAL_ERR (WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO, STG_KEY)
        SELECT :wave, 'validate', '{table}', xr.LEGACY_KEY, e.RULE, e.COLUMN_NAME, e.VAL, e.MESSAGE, xr.LINE_NO, e.STG_KEY
        FROM ({select}) e
        LEFT JOIN {s.stg}.CCS_KEY_XREF xr ON xr.TABLE_NAME = :owner_table AND xr.STG_KEY = e.STG_KEY AND xr.WAVE = :wave""",
        **params,
    )


def rule_selects(s: TargetSession, t: Table) -> list[tuple[str, str]]:
    """(table the error is about, SELECT STG_KEY, RULE, COLUMN_NAME, VAL, MESSAGE) for entity t and its children."""
    out = []
    key = t.key_column.name
    for tab in [t, *mo_children(t)]:
        wr = wave_rows(s, s.stg, tab)
        for c in tab.columns:
            if c.default is None and not c.nullable and c.type in ("char", "varchar") and not c.key_kind:
                out.append((tab.name, f"SELECT x.{tab.owner_column} AS STG_KEY, 'REQUIRED' AS RULE, '{c.name}' AS COLUMN_NAME, "
                                      f"{s.dialect.cast_text('NULL', 1)} AS VAL, '{tab.name}.{c.name} is blank' AS MESSAGE "
                                      f"FROM {s.stg}.{tab.name} x WHERE {wr} AND {s.dialect.is_blank('x.' + c.name)}"))
        for c in tab.foreign_keys:
            parent = BY_NAME[c.fk_table]
            if parent.name == t.name and tab.name == t.name:
                continue  # self reference (parent premise): resolved in key rounds
            if parent.name == t.name:
                continue  # the child's owner column: the entity itself
            optional = c.default == " "
            cond = f"NOT {s.dialect.is_blank('x.' + c.name)} AND " if optional else ""
            out.append((tab.name, f"SELECT x.{tab.owner_column} AS STG_KEY, 'PARENT_NOT_MIGRATED' AS RULE, '{c.name}' AS COLUMN_NAME, "
                                  f"x.{c.name} AS VAL, '{parent.name} ' || x.{c.name} || ' has no production key (rejected, or its wave has not run)' AS MESSAGE "
                                  f"FROM {s.stg}.{tab.name} x WHERE {wr} AND {cond}"
                                  f"NOT EXISTS (SELECT 1 FROM {s.stg}.{parent.ck_table} p WHERE p.OLD_KEY = x.{c.name})"))
    wr = wave_rows(s, s.stg, t)
    out.append((t.name, f"SELECT x.{key} AS STG_KEY, 'K_ROW_MISSING' AS RULE, '{key}' AS COLUMN_NAME, x.{key} AS VAL, "
                        f"'no {t.k_table} row for this key' AS MESSAGE FROM {s.stg}.{t.name} x WHERE {wr} AND NOT EXISTS "
                        f"(SELECT 1 FROM {s.stg}.{t.k_table} k WHERE k.{key} = x.{key})"))
    custom = RULES_DIR / f"{t.asset_name}.sql"
    if custom.exists():
        sql = custom.read_text().format(**rule_placeholders(s, wr))
        body = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
        out.append((t.name, f"SELECT c.* FROM ({body}) c"))
    return out


class _Sized:
    """`{varchar[10]}` in a rule file: the dialect's bounded text type (VARCHAR(10) / VARCHAR2(10))."""

    def __init__(self, fn):
        self._fn = fn

    def __getitem__(self, n: int) -> str:
        return self._fn(int(n))


def rule_placeholders(s: TargetSession, wave_rows_sql: str) -> dict:
    """What a rules/*.sql file may use: {stg}, {prod}, {wave_rows}, {varchar[n]} (portable cast type), {varchar_null}."""
    return {"stg": s.stg, "prod": s.prod, "wave_rows": wave_rows_sql, "varchar": _Sized(s.dialect.varchar),
            "varchar_null": s.dialect.cast_text("NULL", 1)}


def validate_entity(s: TargetSession, t: Table, wave: str, person_id_required: bool = False) -> dict:
    """Record the entity's rule violations (rules may read bind :person_id_required, setting CCS_PERSON_ID_REQUIRED);
    on CCS_TARGET=ccs also the service's validation batch."""
    tables = [t.name] + [c.name for c in mo_children(t)]
    in_list = ", ".join(f"'{n}'" for n in tables)
    with s.transaction():
        s.execute(f"DELETE FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = 'validate' AND TABLE_NAME IN ({in_list})", wave=wave)
        for table, select in rule_selects(s, t):
            _err_insert(s, table, select, wave=wave, owner_table=t.name,
                        person_id_required="Y" if person_id_required else "N")
    return s.service.validate(s, t, tables, wave) if s.service is not None else {}


def generate_keys(s: TargetSession, t: Table, wave: str) -> dict:
    """Fill CK_<table> for the wave's accepted rows; returns counts."""
    key = t.key_column
    digits = key.length
    ck = f"{s.stg}.{t.ck_table}"
    same_space = [x for x in KEYED if x.key_column.key_kind == key.key_kind]
    used = " UNION ALL ".join(
        [f"SELECT NEW_KEY AS K FROM {s.stg}.{x.ck_table} WHERE WAVE <> :wave" for x in same_space]
        + [f"SELECT {x.key_column.name} AS K FROM {s.prod}.{x.name} WHERE {x.key_column.name} NOT IN "
           f"(SELECT OWNER_KEY FROM {s.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{x.name}')" for x in same_space]
    )
    # rejected: this entity's own errors, and children errors that reject the owner (PRIMARY_NAME_COUNT etc. are on t)
    accepted = (
        f"SELECT x.{key.name} AS OLD_KEY FROM {s.stg}.{t.name} x WHERE {wave_rows(s, s.stg, t)} AND NOT EXISTS "
        f"(SELECT 1 FROM {s.stg}.CCS_VAL_ERR e WHERE e.WAVE = :wave AND e.STEP = 'validate' AND e.TABLE_NAME = '{t.name}' "
        f"AND e.STG_KEY = x.{key.name})"
    )
    self_fk = [c for c in t.foreign_keys if c.fk_table == t.name]
    with s.transaction():
        s.execute(f"DELETE FROM {ck} WHERE WAVE = :wave", wave=wave)
        for attempt in range(MAX_ATTEMPTS * 4):
            ready = accepted
            for c in self_fk:  # a child premise waits until its parent premise has its key
                ready += (f" AND ({s.dialect.is_blank('x.' + c.name)} OR EXISTS (SELECT 1 FROM {ck} p WHERE p.OLD_KEY = x.{c.name}))")
            ready += f" AND NOT EXISTS (SELECT 1 FROM {ck} d WHERE d.OLD_KEY = x.{key.name})"
            n = attempt % MAX_ATTEMPTS  # insert first, then count what is left: one pass over the candidates a round
            cand = s.dialect.number_to_key(s.dialect.key_hash(f"'{t.name}:' || r.OLD_KEY || ':{n}'", digits), digits)
            s.execute(
                f"""INSERT INTO {ck} (OLD_KEY, NEW_KEY, WAVE, LEGACY_KEY)
                SELECT c.OLD_KEY, c.NEW_KEY, :wave, COALESCE(xr.LEGACY_KEY, ' ')
                FROM (SELECT r.OLD_KEY, {cand} AS NEW_KEY,
                             ROW_NUMBER() OVER (PARTITION BY {cand} ORDER BY r.OLD_KEY) AS RN
                      FROM ({ready}) r) c
                LEFT JOIN {s.stg}.CCS_KEY_XREF xr ON xr.TABLE_NAME = '{t.name}' AND xr.STG_KEY = c.OLD_KEY AND xr.WAVE = :wave
                WHERE c.RN = 1 AND c.NEW_KEY NOT IN (SELECT K FROM ({used}) u)
                  AND c.NEW_KEY NOT IN (SELECT NEW_KEY FROM {ck})""",
                wave=wave,
            )
            if not s.scalar(f"SELECT count(*) FROM ({ready}) r", wave=wave):
                break
        # rows still without a key: their parent premise never got one
        for c in self_fk:
            _err_insert(
                s, t.name,
                f"SELECT x.{key.name} AS STG_KEY, 'PARENT_REJECTED' AS RULE, '{c.name}' AS COLUMN_NAME, x.{c.name} AS VAL, "
                f"'parent {t.name} ' || x.{c.name} || ' was rejected or is not migrated' AS MESSAGE "
                f"FROM ({accepted}) a JOIN {s.stg}.{t.name} x ON x.{key.name} = a.OLD_KEY "
                f"WHERE NOT EXISTS (SELECT 1 FROM {ck} d WHERE d.OLD_KEY = a.OLD_KEY)",
                wave=wave, owner_table=t.name,
            )
    staged = s.scalar(f"SELECT count(*) FROM {s.stg}.{t.name} x WHERE {wave_rows(s, s.stg, t)}", wave=wave)
    keyed = s.scalar(f"SELECT count(*) FROM {ck} WHERE WAVE = :wave", wave=wave)
    missing = s.scalar(f"SELECT count(*) FROM ({accepted}) a WHERE NOT EXISTS (SELECT 1 FROM {ck} d WHERE d.OLD_KEY = a.OLD_KEY)"
                       + (" AND 1 = 0" if self_fk else ""), wave=wave)
    if missing:
        raise RuntimeError(f"{t.name}: {missing} accepted rows got no key after {MAX_ATTEMPTS} attempts")
    out = {"staged": staged, "keyed": keyed, "rejected": staged - keyed}
    if s.service is not None:  # CCS_TARGET=ccs: the service's key assignment batch (single-threaded)
        out.update(s.service.keys(s, t, wave, out))
    return out


def rejects_by_rule(s: TargetSession, t: Table, wave: str) -> dict[str, int]:
    """Validation errors of the wave for entity t and its child tables, per rule."""
    tables = ", ".join(f"'{n}'" for n in [t.name] + [c.name for c in mo_children(t)])
    return dict(s.query(
        f"SELECT RULE, count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = 'validate' "
        f"AND TABLE_NAME IN ({tables}) GROUP BY RULE", wave=wave))
