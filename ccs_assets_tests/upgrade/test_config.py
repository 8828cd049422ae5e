"""Fast: step 4b's compare, apply and used-code check on a tiny DuckDB source and target."""

from __future__ import annotations

import duckdb
import pytest

from ccs_assets.catalog import ccb
from ccs_assets.catalog import ccb_admin as adm
from ccs_assets.generate.ccb_source import source_table_ddl
from ccs_assets.source.resource import DuckDBSourceReader
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.resource import TargetSession
from ccs_assets.upgrade import config as cfg
from ccs_assets.upgrade.source_side import ensure_upgrade_workbench
from ccs_assets.workbench.resource import ensure_workbench_schema

DIV, SAT, SAT_L = adm.CI_CIS_DIVISION.table, adm.CI_SA_TYPE.table, adm.CI_SA_TYPE.language
TABLES = [DIV, SAT, SAT_L]
WAVE = "wave-01"


def _insert(con, table: str, rows: list[tuple]) -> None:
    for r in rows:
        con.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(r))})", list(r))


@pytest.fixture
def env(tmp_path):
    """A source (divisions, SA types with labels, two SAs of the wave) and a target that differs from it."""
    src_db = tmp_path / "ccb.duckdb"
    with duckdb.connect(str(src_db)) as c:
        c.execute("CREATE SCHEMA cisadm")
        for t in TABLES:
            c.execute(source_table_ddl(t))
        _insert(c, "cisadm.CI_CIS_DIVISION", [("NORTH", "USD", 1), ("SOUTH", "USD", 1), ("EAST", "USD", 3)])
        _insert(c, "cisadm.CI_SA_TYPE", [("NORTH", "E-RES", "E", 1), ("NORTH", "G-RES", "G", 1), ("SOUTH", "E-RES", "E", 2)])
        _insert(c, "cisadm.CI_SA_TYPE_L", [("NORTH", "E-RES", "ENG", "Electric residential", 1),
                                           ("NORTH", "G-RES", "ENG", "Gas residential", 1),
                                           ("SOUTH", "E-RES", "ENG", "Electric residential south", 1)])
        # the SAs: only the columns the check reads (a source table holds many more)
        c.execute("CREATE TABLE cisadm.CI_SA (SA_ID VARCHAR, CIS_DIVISION VARCHAR, SA_TYPE_CD VARCHAR)")
        _insert(c, "cisadm.CI_SA", [("1000000001", "NORTH", "E-RES"), ("1000000002", "NORTH", "E-RES"),
                                    ("1000000003", "SOUTH", "E-RES")])
    tcon = duckdb.connect(str(tmp_path / "target.duckdb"))
    tcon.execute("CREATE SCHEMA cisstg")
    tcon.execute("CREATE SCHEMA cisadm")
    s = TargetSession(tcon, DUCKDB, "cisstg", "cisadm")
    for t in TABLES:
        tcon.execute(source_table_ddl(t))
    # target: SOUTH's currency changed, EAST missing, WEST target-only; one SA type missing, one changed label, one target-only
    _insert(tcon, "cisadm.CI_CIS_DIVISION", [("NORTH", "USD", 5), ("SOUTH", "CAD", 1), ("WEST", "USD", 1)])
    _insert(tcon, "cisadm.CI_SA_TYPE", [("NORTH", "E-RES", "E", 4), ("SOUTH", "E-RES", "E", 1), ("WEST", "W-RES", "W", 1)])
    _insert(tcon, "cisadm.CI_SA_TYPE_L", [("NORTH", "E-RES", "ENG", "Electric (old label)", 1),
                                          ("SOUTH", "E-RES", "ENG", "Electric residential south", 1),
                                          ("WEST", "W-RES", "ENG", "Water", 1)])
    wb = duckdb.connect()
    wb.execute("CREATE SCHEMA wb")
    ensure_workbench_schema(wb)
    ensure_upgrade_workbench(wb)
    wb.execute(f"INSERT INTO wb.source_owner VALUES ('CI_SA', '1000000001', '{WAVE}'), ('CI_SA', '1000000002', '{WAVE}'), "
               f"('CI_SA', '1000000003', 'wave-02')")
    wb.execute(f"ATTACH '{src_db}' AS src (READ_ONLY)")
    src = DuckDBSourceReader(wb, "src", "cisadm")
    yield s, wb, src, tcon
    wb.close()
    tcon.close()


def rows(con, table: str) -> list[tuple]:
    return sorted(con.execute(f"SELECT * FROM cisadm.{table}").fetchall())


def test_compare_reports_added_changed_unchanged_target_only_and_apply_never_deletes(env):
    s, wb, src, tcon = env
    r = cfg.migrate(s, wb, src, TABLES, WAVE)
    assert {k: r["CI_CIS_DIVISION"][k] for k in cfg.STATUSES} == {"added": 1, "changed": 1, "unchanged": 1, "target_only": 1}
    assert r["CI_CIS_DIVISION"]["keys"] == {"added": ["EAST"], "changed": ["SOUTH"], "target_only": ["WEST"]}
    assert r["CI_SA_TYPE"]["keys"] == {"added": ["NORTH/G-RES"], "changed": [], "target_only": ["WEST/W-RES"]}
    assert r["CI_SA_TYPE_L"]["keys"]["changed"] == ["NORTH/E-RES/ENG"]
    assert r["CI_SA_TYPE_L"]["unchanged"] == 1 and r["CI_SA_TYPE_L"]["applied"] == 2
    assert rows(tcon, "CI_CIS_DIVISION") == [("EAST", "USD", 3), ("NORTH", "USD", 5), ("SOUTH", "USD", 2), ("WEST", "USD", 1)], \
        "added with the source's VERSION, changed with the target's + 1, unchanged VERSION left, target-only kept"
    assert ("NORTH", "E-RES", "ENG", "Electric residential", 2) in rows(tcon, "CI_SA_TYPE_L")
    assert ("WEST", "W-RES", "W", 1) in rows(tcon, "CI_SA_TYPE")

    again = cfg.migrate(s, wb, src, TABLES, WAVE)  # idempotent: a rerun finds everything unchanged
    for t in TABLES:
        assert again[t.name]["added"] == again[t.name]["changed"] == again[t.name]["applied"] == 0, t.name
    assert again["CI_CIS_DIVISION"]["unchanged"] == 3 and again["CI_CIS_DIVISION"]["target_only"] == 1


def test_an_error_mid_apply_leaves_every_table_untouched(env):
    s, wb, src, tcon = env
    before = {t.name: rows(tcon, t.name) for t in TABLES}
    real = s.execute
    calls = []

    def failing(sql, **kw):  # the third MERGE (the SA type labels) fails, after two tables were merged
        if sql.startswith("MERGE"):
            calls.append(sql)
            if len(calls) == 3:
                raise duckdb.ConstraintException("simulated failure of the third table's apply")
        return real(sql, **kw)

    s.execute = failing
    with pytest.raises(duckdb.ConstraintException):
        cfg.migrate(s, wb, src, TABLES, WAVE)
    s.execute = real
    assert len(calls) == 3
    assert {t.name: rows(tcon, t.name) for t in TABLES} == before, "all tables or none"
    assert cfg.migrate(s, wb, src, TABLES, WAVE)["CI_CIS_DIVISION"]["applied"] == 2, "the next run applies it all"


def test_every_used_code_exists_after_the_apply_else_the_check_names_it(env):
    s, wb, src, tcon = env
    migrated = {ccb.CI_SA.name: ccb.CI_SA}
    before = cfg.used_codes(wb, src, s, adm.CI_SA_TYPE, migrated, "wave-02")
    assert before["missing"] == [], "SOUTH/E-RES is in the target already"
    cfg.migrate(s, wb, src, TABLES, WAVE)
    r = cfg.used_codes(wb, src, s, adm.CI_SA_TYPE, migrated, WAVE)
    assert r["missing"] == [] and r["used"] == {"CI_SA.CIS_DIVISION+SA_TYPE_CD": {"codes": 1, "rows": 2}}

    tcon.execute("DELETE FROM cisadm.CI_SA_TYPE WHERE SA_TYPE_CD = 'E-RES' AND CIS_DIVISION = 'NORTH'")  # the utility's own
    r = cfg.used_codes(wb, src, s, adm.CI_SA_TYPE, migrated, WAVE)
    assert r["missing"] == [{"table": "CI_SA", "column": "CIS_DIVISION+SA_TYPE_CD", "code": "NORTH/E-RES", "rows": 2}]
    cfg.record_missing(wb, WAVE, adm.CI_SA_TYPE, set(migrated), r["missing"])
    errors = wb.execute("SELECT table_name, rule, column_name, value, message FROM wb.errors WHERE step = 'config'").fetchall()
    assert errors == [("CI_SA", "CODE_NOT_IN_TARGET", "CIS_DIVISION+SA_TYPE_CD", "NORTH/E-RES",
                       "CI_SA.CIS_DIVISION+SA_TYPE_CD code NORTH/E-RES is used by 2 row(s) of the wave but the target's "
                       "CI_SA_TYPE has no such row after the configuration migration")]
    cfg.record_missing(wb, WAVE, adm.CI_SA_TYPE, set(migrated), [])  # fixed: the next check clears them
    assert wb.execute("SELECT count(*) FROM wb.errors WHERE step = 'config'").fetchone()[0] == 0


def test_a_source_column_the_target_lacks_stops_the_migration_and_is_recorded(env):
    s, wb, src, tcon = env
    tcon.execute("ALTER TABLE cisadm.CI_CIS_DIVISION DROP COLUMN CURRENCY_CD")
    with pytest.raises(cfg.ConfigMigrationError, match="CI_CIS_DIVISION.CURRENCY_CD"):
        cfg.migrate(s, wb, src, TABLES, WAVE)
    assert wb.execute("SELECT rule FROM wb.errors WHERE step = 'config'").fetchall() == [("SOURCE_COLUMN_NOT_IN_TARGET",)]
    assert cfg.migrate(s, wb, src, TABLES, WAVE, {"CI_CIS_DIVISION.CURRENCY_CD"})["CI_CIS_DIVISION"]["added"] == 1


def test_every_code_use_names_columns_of_the_catalog():
    from ccs_assets.scenarios.upgrade import CCB_MSCS_TO_CCS

    by_name = {t.name: t for t in CCB_MSCS_TO_CCS.tables}
    for a in adm.ADMIN_TABLES:
        assert a.used_by, a.name
        for u in a.used_by:
            assert u.table in by_name, u.label
            assert len(u.columns) == len(a.table.primary_key), u.label
            for c, k in zip(u.columns, a.table.primary_key):
                col, key = by_name[u.table].column(c), a.table.column(k)
                assert col.type == key.type and col.length <= key.length, (u.label, k)
