"""Steps 9-12 rendered for Oracle: the real step functions on the target tests' recording OracleSession; every
statement parses as Oracle SQL (sqlglot) and passes the portability lint of ccs_assets_tests/target (the per-table steps
are units of target/recording.py, with golden files)."""

from __future__ import annotations

import pytest
import sqlglot

from ccs_assets.catalog import mdm
from ccs_assets.cloud import counts, steps
from ccs_assets.cloud.config import DEMO_MASTER_CONFIG, load_master_config
from ccs_assets_tests.target.recording import recording_session
from ccs_assets_tests.target.test_oracle_sql import lint

SETTINGS = {**load_master_config(DEMO_MASTER_CONFIG)[1], "store_node_id": "100000000001"}


def _check(con) -> None:
    stmts = con.statements()
    assert stmts
    bad = []
    for sql in stmts:
        try:
            trees = sqlglot.parse(sql, read="oracle", error_level=sqlglot.ErrorLevel.RAISE)
            assert len(trees) == 1 and trees[0] is not None
        except Exception as exc:
            bad.append(f"does not parse as Oracle ({exc}):\n{sql}")
            continue
        bad += [f"{p}\n{sql}" for p in lint(sql)]
    assert not bad, "\n\n".join(bad)


@pytest.fixture
def settings(monkeypatch):
    monkeypatch.setattr(steps, "applied_settings", lambda s: SETTINGS)
    monkeypatch.setattr(counts, "applied_settings", lambda s: SETTINGS)


def test_admin_migration_is_portable_oracle_sql():
    s, con = recording_session(sequences={r"\) r\s*$": [1, 0]})  # one key round for the store node
    steps.run_admin(s, load_master_config(DEMO_MASTER_CONFIG)[0])
    steps.unmapped_used_codes(s)
    _check(con)
    assert any("STANDARD_HASH" in sql for sql in con.statements()), "keys use the Oracle spelling of key_hash"


# Each MDM/ODM step with its checks is a unit of ccs_assets_tests/target/recording.py: parsed, linted and kept as a
# golden file (golden/mdm_odm/<TABLE>.sql) there, so it is not repeated here.


def test_counts_are_portable_oracle_sql(settings, monkeypatch):
    monkeypatch.setattr(counts, "existing_tables", lambda s, schema: {mdm.X1_KEY_MAP.name})
    s, con = recording_session(count=1)
    c = counts.x1_counts(s, "w01", steps.available_tables())
    assert set(c) == {t.name for t in steps.available_tables()} and "install_events" in c["W1_ASSET_NODE"]
    _check(con)


def test_schema_ddl_creates_every_mdm_odm_table_in_oracle_types():
    import re

    s, con = recording_session()
    steps.ensure_x1_schema(s)
    _check(con)
    created = {m.group(1) for sql in con.statements() for m in [re.match(r"CREATE TABLE (\S+) \(", sql)] if m}
    assert {f"CISADM.{t.name}" for t in steps.x1_production_tables()} <= created
    assert {"CISSTG.CCS_X1_KEY_MAP", "CISSTG.CCS_X1_TYPE_MAP"} <= created
    ddl = next(sql for sql in con.statements() if sql.startswith("CREATE TABLE CISADM.D1_SP ("))
    assert "D1_SP_ID CHAR(12 BYTE) NOT NULL" in ddl and "CONSTRAINT D1_SP_PK PRIMARY KEY (D1_SP_ID)" in ddl
    assert any("CREATE INDEX CISADM.D1_INSTALL_EVT_IX_SP_CFG" in sql for sql in con.statements())
