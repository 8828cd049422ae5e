"""Every statement the target side can run, rendered for Oracle: golden text, sqlglot Oracle parse, portability lint.

The real step functions run on a recording OracleSession (recording.py) for
every catalog table, so new tables, rule files and steps are covered with no
edit here. A changed statement fails its golden; regenerate and review with

    CCS_UPDATE_GOLDEN=1 python -m pytest ccs_assets_tests/target

What this proves: the Oracle text is what we reviewed, parses as Oracle SQL
(sqlglot 30.30) and avoids the known DuckDB-only constructs. What it does not
prove: that Oracle Database executes it (no server here; see the `oracle`
variant of the end-to-end tests).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from ccs_assets.target.dialect import DUCKDB, NON_PORTABLE, ORACLE

from .recording import units

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CCS_UPDATE_GOLDEN") == "1"
_LITERAL = re.compile(r"'(?:[^']|'')*'")


def _units(tmp_path_factory=None):
    return units(Path(os.environ.get("TMPDIR", "/tmp")))


UNIT_KEYS = sorted(units(Path("/nonexistent")).keys())  # collection only needs the names


def lint(sql: str) -> list[str]:
    """Non-portable constructs in Oracle-rendered SQL (string literals are masked, '' kept)."""
    masked = _LITERAL.sub(lambda m: "''" if m.group(0) == "''" else "'s'", sql)
    problems = [f"{why}: {m.group(0)!r}" for pat, why in NON_PORTABLE for m in [re.search(pat, masked)] if m]
    try:
        tree = sqlglot.parse_one(sql, read="oracle")
    except sqlglot.errors.ParseError:
        return problems  # reported by the parse test
    for sel in tree.find_all(exp.Select):
        if not sel.args.get("from") and not sel.args.get("from_"):
            problems.append(f"SELECT without FROM (Oracle needs FROM DUAL): {sel.sql('oracle')[:80]!r}")
    return problems


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("extracts")
    return {key: run() for key, run in units(tmp).items()}


@pytest.mark.parametrize("unit", UNIT_KEYS, ids=["/".join(k) for k in UNIT_KEYS])
def test_oracle_sql_parses_and_is_portable(recorded, unit):
    s, con = recorded[unit]
    stmts = con.statements()
    assert stmts, f"{unit} ran no SQL"
    bad = []
    for sql in stmts:
        try:
            trees = sqlglot.parse(sql, read="oracle", error_level=sqlglot.ErrorLevel.RAISE)
            assert len(trees) == 1 and trees[0] is not None, "exactly one statement per execute"
        except Exception as exc:
            bad.append(f"does not parse as Oracle ({exc}):\n{sql}")
            continue
        bad += [f"{p}\n{sql}" for p in lint(sql)]
    assert not bad, "\n\n".join(bad)


# findings reviewed and left: (unit, start of the finding) -> why
_NOT_WAVE_OWNED = ("step 9 owns this table (admin data keyed by a VARCHAR2 code), no wave's ledger lists it, so the "
                   "rollback's ledger lookup finds nothing either way")
KNOWN_SEMANTIC = {
    (("waves", "rollback"), f"CHAR compared with VARCHAR2 (Oracle compares them unpadded; cast the text with dialect.char): "
                            f"{name} IN"): _NOT_WAVE_OWNED
    for name in ("CCS_X1_TYPE_MAP.KIND", "D1_MEASR_COMP_TYPE.MEASR_COMP_TYPE_CD", "CCS_X1_ADMIN_ROWS.TABLE_NAME")
}


@pytest.mark.parametrize("unit", UNIT_KEYS, ids=["/".join(k) for k in UNIT_KEYS])
def test_oracle_sql_keeps_oracle_semantics(recorded, unit):
    """CHAR vs VARCHAR2 comparisons, blanks into NOT NULL, characters where bytes apply, identifiers over 30 bytes."""
    from .semantics import semantic_problems

    bad = []
    for sql in recorded[unit][1].statements():
        for p in semantic_problems(sql):
            if not any(unit == u and p.startswith(start) for u, start in KNOWN_SEMANTIC):
                bad.append(f"{p}\n{sql}")
    assert not bad, "\n\n".join(bad)


@pytest.mark.parametrize("unit", UNIT_KEYS, ids=["/".join(k) for k in UNIT_KEYS])
def test_oracle_sql_golden(recorded, unit):
    from .recording import render

    text = render(recorded[unit][1])
    path = GOLDEN / unit[0] / f"{unit[1]}.sql"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden {path.relative_to(GOLDEN.parent)}: review the Oracle SQL, then CCS_UPDATE_GOLDEN=1 python -m pytest ccs_assets_tests/target"
    assert path.read_text(encoding="utf-8") == text, (
        f"Oracle SQL of {'/'.join(unit)} changed: review `git diff` after CCS_UPDATE_GOLDEN=1 python -m pytest ccs_assets_tests/target")


def test_no_stale_golden_files():
    expected = {GOLDEN / step / f"{name}.sql" for step, name in UNIT_KEYS}
    stale = sorted(p for p in GOLDEN.rglob("*.sql") if p not in expected)
    if UPDATE:
        for p in stale:
            p.unlink()
        stale = []
    assert not stale, f"golden files of units that no longer exist: {stale}"


def test_every_catalog_table_is_covered():
    from ccs_assets.target.schema import production_tables, staging_tables

    from .recording import file_tables

    names = {n for step, n in UNIT_KEYS}
    assert {t.name for t in file_tables()} <= names
    assert {("production", t.name) for t in production_tables() if not t.name.endswith("_K") and t.name.startswith("CI_")} <= set(UNIT_KEYS)
    # the DDL unit creates every staging and production table
    from .recording import recording_session
    from ccs_assets.target.schema import ensure_target_schema

    s, con = recording_session()
    ensure_target_schema(s)
    created = {m.group(1) for sql in con.statements() for m in [re.match(r"CREATE TABLE (\S+) \(", sql)] if m}
    assert created == {f"CISSTG.{t.name}" for t in staging_tables()} | {f"CISADM.{t.name}" for t in production_tables()}


def test_every_transactional_table_is_covered():
    """Scenario 5's tables: production DDL for each (and its `_K`), checks for each loaded or created table."""
    from ccs_assets.catalog import ccb, ccb_txn
    from ccs_assets.target.schema import transactional_production_tables

    names = {t.name for t in transactional_production_tables()}
    assert {t.name for t in ccb_txn.LOAD_ORDER} - {t.name for t in ccb.CCB_TABLES} <= names
    assert {f"{t.name}_K" for t in ccb_txn.LOAD_ORDER if t.key_table and t not in ccb.CCB_TABLES} <= names
    assert {("schema", n) for n in names} <= set(UNIT_KEYS)
    assert {("checks", t.name) for t in ccb_txn.TXN_TABLES} <= set(UNIT_KEYS)


@pytest.mark.parametrize("sql", [
    "SELECT x::BIGINT FROM t", "SELECT count(*) FILTER (WHERE a = 1) FROM t", "SELECT string_agg(a, ',') FROM t",
    "SELECT a FROM t WHERE b = $wave", "SELECT a FROM t LIMIT 5", "SELECT a FROM t WHERE a ILIKE 'x%'",
    "SELECT a FROM t WHERE a <> ''", "SELECT any_value(a) FROM t", "CREATE TABLE IF NOT EXISTS t (a NUMBER)",
    "SELECT CAST(a AS VARCHAR(10)) FROM t", "SELECT a FROM t AS x", "SELECT 1", "SELECT md5(a) FROM t",
    "MERGE INTO a t USING b s ON t.k = s.k WHEN MATCHED THEN UPDATE SET v = s.v",
    "SELECT a FROM (SELECT a FROM t) AS x WHERE a = 1", "CREATE OR REPLACE TEMP TABLE x AS SELECT 1 FROM DUAL",
])
def test_lint_rejects_non_portable_constructs(sql):
    assert lint(sql), f"lint let through: {sql}"


@pytest.mark.parametrize("sql", [
    "SELECT 'it''s fine: LIMIT 5, x::y and $z' AS msg FROM DUAL", "SELECT a AS VAL FROM t x WHERE TRIM(a) IS NULL",
    "SELECT LISTAGG(a, '; ') WITHIN GROUP (ORDER BY a) FROM t", "SELECT CAST(a AS VARCHAR2(10)) FROM t",
])
def test_lint_accepts_portable_sql(sql):
    assert not lint(sql)


def test_dialect_functions_render_portable_oracle():
    """Every dialect function's Oracle text parses and passes the lint (DuckDB text is exercised by the e2e tests)."""
    d = ORACLE
    exprs = [d.cast_text("a", 10), d.text("a"), d.key_hash("'T:' || a", 10), d.number_to_key("n", 10),
             d.blank_if_empty("a"), d.count_if("a = 1"), d.string_agg("a", "'; '", "a"), d.any_value("a"),
             d.add_days("d", "3"), d.days_between("d", "e"), d.now()]
    conds = [d.is_blank("a"), d.is_empty("a")]
    stmts = [f"SELECT {', '.join(exprs)} FROM t GROUP BY a, d, e, n", f"SELECT a FROM t WHERE {' AND '.join(conds)}",
             d.limit("SELECT a FROM t ORDER BY a", 10), f"SELECT 1 AS x{d.from_dual()}",
             d.merge("S.T", "SELECT k, v FROM u", ["k"], ["k", "v"]),
             d.create_temp_table("_x", "SELECT a FROM t"), d.drop_temp_table("_x"), d.truncate("S.T"),
             d.create_index("S", "T", "T_IX_A", ["A"]), d.schema_exists_sql(), d.tables_sql(), d.indexes_sql()]
    for sql in stmts:
        sqlglot.parse_one(sql, read="oracle")
        assert not lint(sql), (sql, lint(sql))
    assert DUCKDB.create_index("s", "t", "i", ["a"]) is None and DUCKDB.create_schema("s")


@pytest.mark.parametrize("sql,finding", [
    # step 9 before the fix: SUBSTR gives VARCHAR2, CCB_KEY is CHAR(12): the key round never sees its own row
    ("SELECT count(*) FROM (SELECT c.CCB_TABLE, c.CCB_KEY FROM (SELECT 'STORE' AS CCB_TABLE, SUBSTR(m.MDM_CODE, 1, 12) "
     "AS CCB_KEY FROM CISSTG.CCS_X1_TYPE_MAP m WHERE m.KIND = 'SETTING') c WHERE NOT EXISTS (SELECT 1 FROM "
     "CISSTG.CCS_X1_KEY_MAP d WHERE d.CCB_TABLE = c.CCB_TABLE AND d.CCB_KEY = c.CCB_KEY)) r", "CHAR compared with VARCHAR2"),
    # trace before the fix: a str bind against CHAR(12)
    ("SELECT MDM_TABLE, MDM_KEY FROM CISSTG.CCS_X1_KEY_MAP WHERE CCB_TABLE = :tname AND CCB_KEY = :k", "CHAR compared with VARCHAR2"),
    ("SELECT 1 FROM CISADM.CI_PER x WHERE x.PER_ID IN (SELECT k.LEGACY_KEY FROM CISSTG.CK_PER k)", "CHAR compared with VARCHAR2"),
    # D1_CONTACT before the fix: a blank flag trimmed is NULL on Oracle
    ("INSERT INTO CISADM.D1_CONTACT (CONTACT_ID, PER_OR_BUS_FLG) SELECT CONTACT_ID, PER_OR_BUS_FLG FROM (SELECT "
     "m.CONTACT_ID, m.PER_OR_BUS_FLG FROM (SELECT k.MDM_KEY AS CONTACT_ID, TRIM(p.PER_OR_BUS_FLG) AS PER_OR_BUS_FLG "
     "FROM CISADM.CI_PER p JOIN CISSTG.CCS_X1_KEY_MAP k ON k.CCB_KEY = p.PER_ID) m) src", "is NOT NULL but gets TRIM"),
    ("INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT 'w', NULLIF(x.A, 'b'), x.K FROM "
     "CISSTG.CCS_WAVE_LEDGER x", "is NOT NULL but gets NULLIF"),
    # W1_NODE before the fix: SUBSTR counts characters into VARCHAR2(100 BYTE)
    ("INSERT INTO CISADM.W1_NODE (NODE_ID, DESCR100) SELECT k.MDM_KEY, SUBSTR(TRIM(p.ADDRESS1), 1, 100) FROM "
     "CISADM.CI_PREM p JOIN CISSTG.CCS_X1_KEY_MAP k ON k.CCB_KEY = p.PREM_ID", "SUBSTR counts characters"),
    ("SELECT 1 FROM CISSTG.CI_PER x WHERE LENGTH(x.ADDRESS1) > 254", "LENGTH counts characters"),
    ("CREATE INDEX CISSTG.CCS_VAL_ERR_IX_WAVE_STEP_TABLE_NAME ON CISSTG.CCS_VAL_ERR (WAVE, STEP, TABLE_NAME)",
     "identifier CCS_VAL_ERR_IX_WAVE_STEP_TABLE_NAME is 35 bytes"),
])
def test_semantic_lint_catches_each_kind(sql, finding):
    from .semantics import semantic_problems

    assert any(finding in p for p in semantic_problems(sql)), semantic_problems(sql)


@pytest.mark.parametrize("sql", [
    "SELECT 1 FROM CISSTG.CCS_X1_KEY_MAP d WHERE d.CCB_KEY = CAST(:k AS CHAR(12)) AND d.CCB_TABLE = :t",
    "SELECT 1 FROM CISADM.CI_PER x WHERE x.PER_ID IN (SELECT l.OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER l) AND x.PER_ID = '1'",
    "INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT 'w', COALESCE(TRIM(x.TABLE_NAME), ' '), "
    "x.OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER x",
    "SELECT 1 FROM CISSTG.CI_PER x WHERE LENGTH(x.PER_ID) <> 10",
])
def test_semantic_lint_accepts_oracle_safe_sql(sql):
    from .semantics import semantic_problems

    assert not semantic_problems(sql)
