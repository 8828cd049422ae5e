"""Oracle steps 9-12 on the rehearsal target: stand-ins for the admin migration (X1-MIGAD) and the Migrate
Person/SP/SA/Meter/Item/SP Meter History batches Oracle runs inside the cloud service; CC&B production -> MDM/ODM,
set-based, with the project's own SQL.

Every MDM/ODM table has one SELECT in ./sql/<table>.sql over production CC&B
rows of the wave (CCS_WAVE_LEDGER), the key map and the type map; columns the
SELECT does not name take their catalog default. A table with key_sources
also has ./sql/<table>.keys.sql: one row per CC&B row of the wave with the
reason it cannot be migrated (RULE, NULL when it can). Those reasons go to
CCS_VAL_ERR (step 'mdm-odm'); the others get a 12-digit key in
CCS_X1_KEY_MAP: MD5(table, CC&B table, CC&B key, attempt) reduced to 12
digits (Dialect.key_hash), retried with the next attempt when the key is
used anywhere in the MDM/ODM key space (another wave's map, production rows
another wave owns, this wave's other tables) or twice in the batch, lowest
CC&B key first. Same production, same keys, every rerun. Rows are written
with replace_wave_rows (the wave's rows replaced exactly).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..catalog import ccb, mdm, odm
from ..catalog.model import Table, complete_select, default_sql, provided  # noqa: F401 (provided: tests)
from ..target.dictionary import filled_columns
from ..target.resource import TargetSession
from ..target.schema import create_table_sql, ensure_target_schema
from ..target.wavewrite import check_lengths, insert_columns, replace_wave_rows

SQL_DIR = Path(__file__).parent / "sql"
STEP = "mdm-odm"  # CCS_VAL_ERR.STEP of records steps 10-12 could not migrate
ADMIN_WAVE = "X1-MIGAD"  # ledger/key-map wave of rows step 9 owns (the store node)
MAX_ATTEMPTS = 30
CCB = {t.name: t for t in ccb.CCB_TABLES}
X1_TABLES: tuple[Table, ...] = mdm.MDM_TABLES + odm.ODM_TABLES
ADMIN_TABLES: tuple[Table, ...] = mdm.ADMIN_TABLES + odm.ADMIN_TABLES
BY_NAME = {t.name: t for t in X1_TABLES + ADMIN_TABLES}
KEYED = [t for t in X1_TABLES if t.key_sources]
# The Oracle migration batch each table's asset stands in for (C S2 names them "Migrate Person" etc.; X1-MIGSM is the
# SP/meter installation batch, C S14). On the cloud service those batches run inside it; here the project's own SQL
# does the same work on the rehearsal target, and its counts are what the real batch's results must reconcile to.
ORACLE_BATCH = {
    "D1_CONTACT": "Migrate Person", "D1_SP": "Migrate SP", "W1_NODE": "Migrate SP (ODM node)", "D1_US": "Migrate SA",
    "D1_DVC": "Migrate Meter / Migrate Item", "D1_DVC_CFG": "Migrate Meter / Migrate Item",
    "D1_MEASR_COMP": "Migrate Meter", "W1_ASSET": "Migrate Meter / Migrate Item (ODM asset)",
    "D1_INSTALL_EVT": "Migrate SP Meter History (X1-MIGSM) / Migrate SP Item History",
    "W1_ASSET_NODE": "Migrate SP Meter History / Migrate SP Item History (ODM asset node)",
}


def oracle_batch(t: Table) -> str:
    return ORACLE_BATCH.get(t.name) or ORACLE_BATCH[t.entity]


KEYS_SQL_OF = {"W1_ASSET": "d1_dvc"}  # tables whose migratable rows are decided by another table's rules
_TS_FLOOR = "TIMESTAMP '1900-01-01 00:00:00'"


class _Own(dict):
    """{own[CI_SP]}: the wave's production keys of a CC&B table (bind :wave)."""

    def __init__(self, prod: str):
        super().__init__()
        self.prod = prod

    def __missing__(self, table: str) -> str:
        return f"(SELECT OWNER_KEY FROM {self.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{table}')"


class _Clone(dict):
    """{clone[D1_SP]}: keys of MDM/ODM rows no wave wrote (what the target held before the migration: scenario 6's
    MSCS clone)."""

    def __init__(self, prod: str):
        super().__init__()
        self.prod = prod

    def __missing__(self, table: str) -> str:
        key = BY_NAME[table].primary_key[0]
        return (f"(SELECT c.{key} FROM {self.prod}.{table} c WHERE c.{key} NOT IN "
                f"(SELECT OWNER_KEY FROM {self.prod}.CCS_WAVE_LEDGER WHERE TABLE_NAME = '{table}'))")


class _Fn(dict):
    """{name[expr]} in a SQL file: a dialect function applied to expr."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, expr: str) -> str:
        return self.fn(expr)


def render(s: TargetSession, name: str) -> str:
    """./sql/<name>.sql with its placeholders filled for this session (comment lines dropped)."""
    text = (SQL_DIR / f"{name}.sql").read_text()
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    body = body.format(stg=s.stg, prod=s.prod, km=f"{s.stg}.{mdm.X1_KEY_MAP.name}", tm=f"{s.stg}.{mdm.TYPE_MAP}",
                       own=_Own(s.prod), clone=_Clone(s.prod), lk=f"{s.stg}.{mdm.X1_LINK.name}",
                       null=s.dialect.text("NULL"), ts_floor=_TS_FLOOR,
                       blank=_Fn(s.dialect.is_blank),  # {blank[x.COL]}: a blank NOT NULL CHAR
                       # {or_blank[TRIM(x.COL)]}: Oracle reads a trimmed blank as NULL; a NOT NULL column needs ' '
                       or_blank=_Fn(s.dialect.blank_if_empty),
                       left100=_Fn(lambda e: s.dialect.left_bytes(e, 100)),  # {left100[..]}: fits VARCHAR2(100 BYTE)
                       key12=_Fn(lambda e: s.dialect.char(e, 12)),  # {key12[TRIM(i.ID_VALUE)]}: text as a CHAR(12) key
                       ).strip()
    # {{other.sql}} in a file (left as {other} by format) includes ./sql/other.sql
    return re.sub(r"\{([a-z0-9_]+\.[a-z0-9_]+)\}", lambda m: render(s, m.group(1)), body)


literal = default_sql  # the catalog default of a column the step's SELECT does not name


def wrap_select(t: Table, body: str) -> str:
    """The step's SELECT completed to every catalog column, in catalog order."""
    return complete_select(t, body)


def table_select(s: TargetSession, t: Table) -> str:
    return wrap_select(t, render(s, t.name.lower()))


def reasons_select(s: TargetSession, t: Table) -> str:
    """One row per CC&B row of the wave for t: CCB_TABLE, CCB_KEY, RULE (NULL = migratable), COLUMN_NAME, VAL, MESSAGE."""
    name = KEYS_SQL_OF.get(t.name, t.name.lower())
    if (SQL_DIR / f"{name}.keys.sql").exists():
        return render(s, f"{name}.keys")
    parts = []
    for src in t.key_sources:
        table, col = src.split(".")
        parts.append(f"SELECT '{table}' AS CCB_TABLE, x.{col} AS CCB_KEY, {s.dialect.text('NULL')} AS RULE, "
                     f"{s.dialect.text('NULL')} AS COLUMN_NAME, {s.dialect.text('NULL')} AS VAL, {s.dialect.text('NULL')} AS MESSAGE "
                     f"FROM {s.prod}.{table} x WHERE x.{col} IN {_Own(s.prod)[table]}")
    return " UNION ALL ".join(parts)


def source_tables(t: Table) -> list[str]:
    """Tables a table's rows are derived from (column sources, key sources, foreign keys)."""
    names = [src.split(".")[0] for c in t.columns for src in c.sources]
    names += [src.split(".")[0] for src in t.key_sources] + [c.fk_table for c in t.foreign_keys]
    return [n for n in dict.fromkeys(names) if n != t.name]


def available(t: Table) -> bool:
    """Migrated only when every CC&B table it reads is in the CC&B catalog."""
    known = set(CCB) | set(BY_NAME) | {mdm.TYPE_MAP}
    return all(n in known for n in source_tables(t))


def available_tables() -> list[Table]:
    return [t for t in X1_TABLES if available(t)]


# ---------------------------------------------------------------- schema
def x1_staging_tables() -> list[Table]:
    return [mdm.X1_KEY_MAP, mdm.X1_TYPE_MAP, mdm.X1_ADMIN_ROWS, mdm.X1_LINK, mdm.X1_CONFLICT]


def x1_production_tables() -> list[Table]:
    return list(ADMIN_TABLES + X1_TABLES)


def ensure_x1_schema(s: TargetSession) -> list[str]:
    """The CC&B target schema, then the MDM/ODM and X1 bookkeeping tables when missing (never dropped)."""
    created = ensure_target_schema(s)
    d = s.dialect
    for schema, tables in ((s.stg, x1_staging_tables()), (s.prod, x1_production_tables())):
        existing = existing_tables(s, schema)
        indexes = {r[0].upper() for r in s.query(d.indexes_sql(), schema=d.schema_name(schema))}
        for t in tables:
            if t.name not in existing:
                s.execute(create_table_sql(d, schema, t))
                created.append(f"{schema}.{t.name}")
            for name, cols in X1_INDEXES.get(t.name, ()):
                ddl = d.create_index(schema, t.name, name, cols)
                if ddl and name.upper() not in indexes:
                    s.execute(ddl)
                    created.append(f"{schema}.{name}")
    return created


# secondary indexes the steps' lookups need (Oracle; DuckDB scans): the key map by wave and by key (every key
# round checks candidates against all keys), install events by SP and configuration (P: the G1 DDL has it)
X1_INDEXES = {
    mdm.X1_KEY_MAP.name: (("CCS_X1_KEY_MAP_IX_WAVE", ["WAVE", "MDM_TABLE"]), ("CCS_X1_KEY_MAP_IX_MDM_KEY", ["MDM_KEY"])),
    mdm.D1_INSTALL_EVT.name: (("D1_INSTALL_EVT_IX_SP_CFG", ["D1_SP_ID", "DEVICE_CONFIG_ID"]),),
}


def existing_tables(s: TargetSession, schema: str) -> set[str]:
    return {r[0].upper() for r in s.query(s.dialect.tables_sql(), schema=s.dialect.schema_name(schema))}


# ---------------------------------------------------------------- keys
def used_keys(s: TargetSession) -> str:
    """Every MDM/ODM key production holds outside this wave's own rows (bind :wave)."""
    return " UNION ALL ".join(
        f"SELECT x.{t.primary_key[0]} AS K FROM {s.prod}.{t.name} x WHERE x.{t.primary_key[0]} NOT IN "
        f"(SELECT OWNER_KEY FROM {s.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{t.name}')" for t in KEYED)


def _key_rounds(s: TargetSession, t: Table, candidates: str, **params) -> None:
    """Give every candidate (CCB_TABLE, CCB_KEY) a free key; call inside a transaction."""
    km = f"{s.stg}.{mdm.X1_KEY_MAP.name}"
    params = {"mdm_table": t.name, **params}
    ready = (f"SELECT c.CCB_TABLE, c.CCB_KEY FROM ({candidates}) c WHERE NOT EXISTS (SELECT 1 FROM {km} d "
             f"WHERE d.MDM_TABLE = :mdm_table AND d.CCB_TABLE = c.CCB_TABLE AND d.CCB_KEY = c.CCB_KEY)")
    for n in range(MAX_ATTEMPTS):  # insert first, then count what is left: the candidates are evaluated once per round
        text = f"'{t.name}:' || r.CCB_TABLE || ':' || TRIM(r.CCB_KEY) || ':{n}'"
        cand = s.dialect.number_to_key(s.dialect.key_hash(text, 12), 12)
        s.execute(
            f"""INSERT INTO {km} (WAVE, CCB_TABLE, CCB_KEY, MDM_TABLE, MDM_KEY)
            SELECT :wave, c.CCB_TABLE, c.CCB_KEY, :mdm_table, c.MDM_KEY
            FROM (SELECT r.CCB_TABLE, r.CCB_KEY, {cand} AS MDM_KEY,
                         ROW_NUMBER() OVER (PARTITION BY {cand} ORDER BY r.CCB_TABLE, r.CCB_KEY) AS RN
                  FROM ({ready}) r) c
            WHERE c.RN = 1 AND c.MDM_KEY NOT IN (SELECT u.K FROM ({used_keys(s)}) u)
              AND c.MDM_KEY NOT IN (SELECT k.MDM_KEY FROM {km} k)""",
            **params,
        )
        left = s.scalar(f"SELECT count(*) FROM ({ready}) r", **params)
        if not left:
            return
    raise RuntimeError(f"{t.name}: {left} records got no key after {MAX_ATTEMPTS} attempts")


def has_link_rules(t: Table) -> bool:
    return (SQL_DIR / f"{t.name.lower()}.link.sql").exists()


def link_statements(s: TargetSession, t: Table, reasons: str) -> list[str]:
    """Scenario 6 (binds :wave, :tname): the wave's migratable CC&B records the clone already holds
    (./sql/<table>.link.sql: CCB_TABLE, CCB_KEY, MDM_KEY) into CCS_X1_LINK and the key map, one clone record per CC&B
    record and the other way round; then the clone's disagreements (./sql/<table>.conflicts.sql: RULE, MDM_KEY,
    CCB_TABLE, CCB_KEY, MESSAGE) into CCS_X1_CONFLICT. Call inside the key step's transaction."""
    lk, cf, km = (f"{s.stg}.{x.name}" for x in (mdm.X1_LINK, mdm.X1_CONFLICT, mdm.X1_KEY_MAP))
    out = [f"DELETE FROM {lk} WHERE WAVE = :wave AND MDM_TABLE = :tname",
           f"DELETE FROM {cf} WHERE WAVE = :wave AND MDM_TABLE = :tname"]
    if has_link_rules(t):
        out += [
            f"""INSERT INTO {lk} (WAVE, MDM_TABLE, CCB_TABLE, CCB_KEY, MDM_KEY)
            SELECT :wave, :tname, l.CCB_TABLE, l.CCB_KEY, l.MDM_KEY
            FROM (SELECT c.CCB_TABLE, c.CCB_KEY, c.MDM_KEY,
                         ROW_NUMBER() OVER (PARTITION BY c.MDM_KEY ORDER BY c.CCB_TABLE, c.CCB_KEY) AS RN
                  FROM (SELECT x.CCB_TABLE, x.CCB_KEY, MIN(x.MDM_KEY) AS MDM_KEY FROM ({render(s, t.name.lower() + '.link')}) x
                        GROUP BY x.CCB_TABLE, x.CCB_KEY) c) l
            WHERE l.RN = 1
              AND EXISTS (SELECT 1 FROM ({reasons}) r WHERE r.RULE IS NULL AND r.CCB_TABLE = l.CCB_TABLE AND r.CCB_KEY = l.CCB_KEY)
              AND l.MDM_KEY NOT IN (SELECT o.MDM_KEY FROM {lk} o WHERE o.MDM_TABLE = :tname)""",
            f"INSERT INTO {km} (WAVE, CCB_TABLE, CCB_KEY, MDM_TABLE, MDM_KEY) SELECT l.WAVE, l.CCB_TABLE, l.CCB_KEY, "
            f"l.MDM_TABLE, l.MDM_KEY FROM {lk} l WHERE l.WAVE = :wave AND l.MDM_TABLE = :tname"]
    if (SQL_DIR / f"{t.name.lower()}.conflicts.sql").exists():
        out.append(f"INSERT INTO {cf} (WAVE, MDM_TABLE, RULE, MDM_KEY, CCB_TABLE, CCB_KEY, MESSAGE) SELECT DISTINCT :wave, "
                   f":tname, c.RULE, c.MDM_KEY, c.CCB_TABLE, c.CCB_KEY, c.MESSAGE FROM "
                   f"({render(s, t.name.lower() + '.conflicts')}) c")
    return out


def not_linked(s: TargetSession, t: Table, select: str) -> str:
    """Scenario 6: `select` without the rows of records linked to the clone (the clone's own rows stay as they are)."""
    return (f"SELECT z.* FROM ({select}) z WHERE z.{t.owner_column} NOT IN "
            f"(SELECT l.MDM_KEY FROM {s.stg}.{mdm.X1_LINK.name} l WHERE l.MDM_TABLE = '{t.entity}')")


def key_step(s: TargetSession, t: Table, wave: str, link: bool = False) -> dict:
    """Record why records cannot be migrated and key the others, in one transaction. `link` (scenario 6): records
    the target's MDM/ODM already holds keep that record's key (link_statements) instead of getting a new one."""
    reasons = reasons_select(s, t)
    sources = sorted({src.split(".")[0] for src in t.key_sources})
    legacy = " UNION ALL ".join(f"SELECT '{n}' AS CCB_TABLE, NEW_KEY, LEGACY_KEY FROM {s.stg}.{CCB[n].ck_table}"
                                for n in sources if n in CCB and CCB[n].key_table)
    km = f"{s.stg}.{mdm.X1_KEY_MAP.name}"
    with s.transaction():
        s.execute(f"DELETE FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{STEP}' AND TABLE_NAME = :tname",
                  wave=wave, tname=t.name)
        s.execute(
            f"""INSERT INTO {s.stg}.CCS_VAL_ERR (WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO, STG_KEY)
            SELECT :wave, '{STEP}', :tname, ck.LEGACY_KEY, r.RULE, r.COLUMN_NAME, r.VAL, r.MESSAGE, NULL, r.CCB_KEY
            FROM ({reasons}) r LEFT JOIN ({legacy}) ck ON ck.CCB_TABLE = r.CCB_TABLE AND ck.NEW_KEY = r.CCB_KEY
            WHERE r.RULE IS NOT NULL""",
            wave=wave, tname=t.name,
        )
        s.execute(f"DELETE FROM {km} WHERE WAVE = :wave AND MDM_TABLE = :mdm_table", wave=wave, mdm_table=t.name)
        if link:
            for sql in link_statements(s, t, reasons):
                s.execute(sql, wave=wave, tname=t.name)
        _key_rounds(s, t, f"SELECT r.CCB_TABLE, r.CCB_KEY FROM ({reasons}) r WHERE r.RULE IS NULL", wave=wave)
    return {
        "mapped": s.scalar(f"SELECT count(*) FROM {km} WHERE WAVE = :wave AND MDM_TABLE = :t", wave=wave, t=t.name),
        "not_migrated": s.scalar(f"SELECT count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{STEP}' "
                                 f"AND TABLE_NAME = :t", wave=wave, t=t.name),
    }


# ---------------------------------------------------------------- settings step 9 applied
def applied_settings(s: TargetSession) -> dict[str, str]:
    """The master configuration's settings as step 9 stored them, plus the store node's key."""
    got = dict(s.query(f"SELECT CCB_CODE, TRIM(DESCR100) FROM {s.stg}.{mdm.TYPE_MAP} WHERE KIND = 'SETTING'"))
    if not got:
        raise RuntimeError("no master configuration on the target: materialize admin/x1_migad (step 9) first")
    got["store_node_id"] = s.scalar(
        f"SELECT MDM_KEY FROM {s.stg}.{mdm.X1_KEY_MAP.name} WHERE CCB_TABLE = 'STORE' AND MDM_TABLE = 'W1_NODE' "
        f"AND WAVE = '{ADMIN_WAVE}'")
    return got


def binds_for(s: TargetSession, t: Table) -> dict[str, str]:
    """Named binds a table's SELECT uses (settings of the master configuration)."""
    names = set(re.findall(r"(?<![:\w]):([a-z_][a-z0-9_]*)", render(s, t.name.lower())))
    names.discard("wave")
    if not names:
        return {}
    cfg = applied_settings(s)
    return {n: cfg[n] for n in names}


# ---------------------------------------------------------------- steps 10-12
def touched_assets(s: TargetSession) -> str:
    return render(s, "w1_asset_node.touched")


def _replace_asset_history(s: TargetSession, t: Table, wave: str, select: str, **binds) -> int:
    """W1_ASSET_NODE: every asset the wave owns or whose history the wave brings is rebuilt from its whole
    production history (whichever wave wrote its rows before), and its W1_ASSET status follows, in one transaction."""
    ledger = f"{s.prod}.CCS_WAVE_LEDGER"
    with s.transaction():
        for sql in asset_history_sql(s, t, select):
            s.execute(sql, wave=wave, tname=t.name, **binds)
        check_lengths(s, s.prod, t, f"ASSET_ID IN (SELECT OWNER_KEY FROM {ledger} WHERE WAVE = :wave AND TABLE_NAME = :tname)",
                      wave=wave, tname=t.name, **binds)
    return s.scalar(f"SELECT count(*) FROM {s.prod}.{t.name} WHERE ASSET_ID IN (SELECT OWNER_KEY FROM {ledger} "
                    f"WHERE WAVE = :wave AND TABLE_NAME = :tname)", wave=wave, tname=t.name)


def asset_history_sql(s: TargetSession, t: Table, select: str) -> list[str]:
    """The statements of _replace_asset_history (binds :wave, :tname and the select's settings)."""
    cols, values = insert_columns(s, s.prod, t)
    ledger = f"{s.prod}.CCS_WAVE_LEDGER"
    touched = touched_assets(s)
    return [
        f"DELETE FROM {s.prod}.{t.name} WHERE ASSET_ID IN (SELECT OWNER_KEY FROM {ledger} WHERE WAVE = :wave AND TABLE_NAME = :tname)",
        f"DELETE FROM {s.prod}.{t.name} WHERE ASSET_ID IN (SELECT tt.ASSET_ID FROM ({touched}) tt)",
        f"DELETE FROM {ledger} WHERE WAVE = :wave AND TABLE_NAME = :tname",
        f"INSERT INTO {s.prod}.{t.name} ({cols}) SELECT {values} FROM ({select}) src",
        f"INSERT INTO {ledger} (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, tt.ASSET_ID FROM ({touched}) tt",
        render(s, "w1_asset.status"),
    ]


def rebuild_asset_history(s: TargetSession, wave: str) -> None:
    """After a rollback removed another wave's share of some assets' history: rebuild the asset dispositions `wave`
    touches from production as it is now, as `wave`'s own run would (inside the caller's transaction)."""
    t = odm.W1_ASSET_NODE
    binds = binds_for(s, t)
    for sql in asset_history_sql(s, t, table_select(s, t)):
        s.execute(sql, wave=wave, tname=t.name, **binds)


# tables whose rows several waves share and rebuild from production; a rollback rebuilds the other waves' share
REBUILT_ON_ROLLBACK = {odm.W1_ASSET_NODE.name: rebuild_asset_history}


def migrate_table(s: TargetSession, t: Table, wave: str, link: bool = False) -> dict:
    """Key (when t is keyed) and write the wave's rows of one MDM/ODM table. `link` (scenario 6, an MDM/ODM that
    already holds data): records the target holds are linked, only what it lacks is written."""
    out = key_step(s, t, wave, link) if t.key_sources else {}
    binds = binds_for(s, t)
    select = not_linked(s, t, table_select(s, t)) if link else table_select(s, t)
    if t is odm.W1_ASSET_NODE:
        out["rows"] = _replace_asset_history(s, t, wave, select, **binds)
    else:
        out["rows"] = replace_wave_rows(s, s.prod, t, wave, select, **binds)
    if s.service is not None:  # CCS_TARGET=ccs: the service's migration batch for the table
        out.update(s.service.mdm_odm(s, t, wave))
    filled = filled_columns(s, s.prod, t)
    if filled:  # NOT NULL columns of the real table the catalog does not model: OUAF's empty value
        out["unmodeled_not_null_filled"] = filled
    return out


# ---------------------------------------------------------------- step 9: X1-MIGAD
# kind -> (CC&B table, SELECT of (code, code2) pairs in use)
USED_CODES = {
    "SP_TYPE": ("CI_SP", "SELECT TRIM(x.SP_TYPE_CD) AS CODE, '*' AS CODE2 FROM {prod}.CI_SP x"),
    "SA_TYPE": ("CI_SA", "SELECT TRIM(x.SA_TYPE_CD) AS CODE, '*' AS CODE2 FROM {prod}.CI_SA x"),
    "MTR_TYPE": ("CI_MTR", "SELECT TRIM(x.MTR_TYPE_CD) AS CODE, '*' AS CODE2 FROM {prod}.CI_MTR x"),
    "MTR_CONFIG_TY": ("CI_MTR_CONFIG", "SELECT TRIM(x.MTR_CONFIG_TY_CD) AS CODE, '*' AS CODE2 FROM {prod}.CI_MTR_CONFIG x"),
    "REG_UOM_TOU": ("CI_REG", "SELECT TRIM(x.UOM_CD) AS CODE, CASE WHEN {blank} THEN '*' ELSE TRIM(x.TOU_CD) END AS CODE2 FROM {prod}.CI_REG x"),
    "ITEM_TYPE": ("CI_ITEM", "SELECT TRIM(x.ITEM_TYPE_CD) AS CODE, '*' AS CODE2 FROM {prod}.CI_ITEM x"),
    "ITEM_CONFIG_TY": ("CI_ITEM", "SELECT TRIM(x.ITEM_TYPE_CD) AS CODE, '*' AS CODE2 FROM {prod}.CI_ITEM x"),
}


def unmapped_used_codes(s: TargetSession) -> list[dict]:
    """CC&B admin codes production uses (any wave) that the applied master configuration does not map."""
    out = []
    for kind, (table, sql) in USED_CODES.items():
        if table not in CCB:
            continue
        used = sql.format(prod=s.prod, blank=s.dialect.is_blank("x.TOU_CD"))
        for code, code2, n in s.query(
                f"SELECT u.CODE, u.CODE2, count(*) FROM ({used}) u WHERE NOT EXISTS (SELECT 1 FROM {s.stg}.{mdm.TYPE_MAP} m "
                f"WHERE m.KIND = :kind AND m.CCB_CODE = u.CODE AND m.CCB_CODE2 = u.CODE2) GROUP BY u.CODE, u.CODE2 "
                f"ORDER BY u.CODE, u.CODE2", kind=kind):
            out.append({"kind": kind, "table": table, "code": code if code2 == "*" else f"{code}/{code2}", "rows": n})
    return out


def _replace_admin_rows(s: TargetSession, t: Table) -> None:
    """Replace the admin rows of `t` this tool created (CCS_X1_ADMIN_ROWS), never a delivered row: a code the
    product already has keeps the product's row. Call inside the step's transaction."""
    key = t.primary_key[0]
    code = lambda e: s.dialect.blank_if_empty(f"TRIM({e})")  # noqa: E731 - the key as CCS_X1_ADMIN_ROWS holds it
    owned = f"{s.stg}.{mdm.X1_ADMIN_ROWS.name}"
    mine = f"(SELECT a.CODE FROM {owned} a WHERE a.TABLE_NAME = :tname)"
    cols, values = insert_columns(s, s.prod, t)
    derived = table_select(s, t)
    for sql in (
        f"DELETE FROM {s.prod}.{t.name} WHERE {code(key)} IN {mine}",
        f"DELETE FROM {owned} WHERE TABLE_NAME = :tname",
        f"INSERT INTO {owned} (TABLE_NAME, CODE) SELECT :tname, {code(f'src.{key}')} FROM ({derived}) src "
        f"WHERE NOT EXISTS (SELECT 1 FROM {s.prod}.{t.name} x WHERE {code(f'x.{key}')} = {code(f'src.{key}')})",
        f"INSERT INTO {s.prod}.{t.name} ({cols}) SELECT {values} FROM ({derived}) src WHERE {code(f'src.{key}')} IN {mine}",
    ):
        s.execute(sql, tname=t.name)


def run_admin(s: TargetSession, rows: list[dict[str, str]]) -> dict:
    """Step 9: store the master configuration, derive the admin tables from it, key and write the store node."""
    ensure_x1_schema(s)
    tm = f"{s.stg}.{mdm.TYPE_MAP}"
    cols = list(mdm.X1_TYPE_MAP.column_names)
    with s.transaction():
        s.execute(f"DELETE FROM {tm}")
        for r in rows:
            s.execute(f"INSERT INTO {tm} ({', '.join(cols)}) VALUES ({', '.join(':' + c.lower() for c in cols)})",
                      **{c.lower(): r[c] for c in cols})
        for t in ADMIN_TABLES:
            _replace_admin_rows(s, t)
            check_lengths(s, s.prod, t, "1 = 1")
        km = f"{s.stg}.{mdm.X1_KEY_MAP.name}"
        s.execute(f"DELETE FROM {km} WHERE WAVE = :wave AND MDM_TABLE = 'W1_NODE'", wave=ADMIN_WAVE)
        store_key = s.dialect.char(s.dialect.left_bytes("m.MDM_CODE", 12), 12)  # CCS_X1_KEY_MAP.CCB_KEY is CHAR(12)
        _key_rounds(s, odm.W1_NODE, f"SELECT 'STORE' AS CCB_TABLE, {store_key} AS CCB_KEY FROM {tm} m "
                                    f"WHERE m.KIND = 'SETTING' AND m.CCB_CODE = 'store_node'", wave=ADMIN_WAVE)
    replace_wave_rows(s, s.prod, odm.W1_NODE, ADMIN_WAVE, wrap_select(odm.W1_NODE, render(s, "w1_node.store")))
    counts = {t.name: s.scalar(f"SELECT count(*) FROM {s.prod}.{t.name}") for t in ADMIN_TABLES}
    counts[mdm.TYPE_MAP] = s.scalar(f"SELECT count(*) FROM {tm}")
    if s.service is not None:  # CCS_TARGET=ccs: the service's X1-MIGAD; its read-back is kept on the session
        s.service.results["admin"] = s.service.admin(s, [t.name for t in ADMIN_TABLES] + [odm.W1_NODE.name])
    return counts
