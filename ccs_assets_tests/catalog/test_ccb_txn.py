"""The transactional catalog (scenario 5): load order, keys and what is generated from it."""

from __future__ import annotations

import duckdb
import pytest

from ccs_assets.catalog import ccb, ccb_txn
from ccs_assets.catalog.model import KEY_LENGTH
from ccs_assets.extract.loadfile import control_file
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.schema import create_table_sql, transactional_production_tables

MASTER = {t.name for t in ccb.CCB_TABLES}


def test_scenario1_reads_are_not_defined_twice():
    assert ccb_txn.CI_MR is ccb.CI_MR and ccb_txn.CI_REG_READ is ccb.CI_REG_READ
    names = [t.name for t in ccb_txn.LOAD_ORDER]
    assert len(names) == len(set(names))
    assert not ({t.name for t in ccb_txn.LOAD_ORDER} - {"CI_MR", "CI_REG_READ"}) & MASTER


def test_load_order_puts_every_parent_first():
    seen: set[str] = set()
    for t in ccb_txn.LOAD_ORDER:
        for c in t.foreign_keys:
            assert c.fk_table in MASTER or c.fk_table in seen or c.fk_table == t.name, \
                f"{t.name}.{c.name} -> {c.fk_table}: parent loaded after its child"
            assert c.fk_table in ccb_txn.PARENTS or c.fk_table in MASTER
        seen.add(t.name)
    for child, cols, parent, pcols in ccb_txn.COMPOSITE_FKS:
        order = [t.name for t in ccb_txn.LOAD_ORDER]
        assert order.index(parent) < order.index(child)
        assert all(ccb_txn.PARENTS[child].column(c) for c in cols) and all(ccb_txn.PARENTS[parent].column(c) for c in pcols)
    for flg, (sib, sib_key, parent, parent_key) in ccb_txn.FT_PARENTS.items():
        assert ccb_txn.PARENTS[sib].primary_key == (sib_key,), flg
        assert parent is None or ccb_txn.PARENTS[parent].primary_key == (parent_key,), flg


@pytest.mark.parametrize("t", ccb_txn.LOAD_ORDER, ids=lambda t: t.name)
def test_keys_columns_and_confidence(t):
    for c in t.columns:
        assert c.confidence in ("C", "P", "I"), f"{t.name}.{c.name}"
        if c.key_kind:
            assert c.type == "char" and c.length == KEY_LENGTH[c.key_kind], f"{t.name}.{c.name}"
        if c.fk:
            parent = ccb_txn.PARENTS.get(c.fk_table) or next(m for m in ccb.CCB_TABLES if m.name == c.fk_table)
            assert parent.column(c.fk_column).length == c.length, f"{t.name}.{c.name}: length differs from its parent key"
        assert not c.nullable or c.type in ("date", "timestamp"), f"{t.name}.{c.name}: OUAF nullable only for dates"
    assert set(t.primary_key) <= set(t.column_names) and t.owner_column in t.column_names
    if t.key_table:
        assert t.key_column.key_kind == "ccb12", "every migrated transactional key is 12 digits (reference section 1)"


def test_reference_key_lengths():
    lengths = {t.name: t.column(t.primary_key[0]).length for t in ccb_txn.LOAD_ORDER}
    assert {n: lengths[n] for n in ("CI_BILL", "CI_BSEG", "CI_FT", "CI_ADJ", "CI_PAY_EVENT", "CI_PAY_TNDR", "CI_PAY")} == dict.fromkeys(
        ("CI_BILL", "CI_BSEG", "CI_FT", "CI_ADJ", "CI_PAY_EVENT", "CI_PAY_TNDR", "CI_PAY"), 12)
    assert lengths["CI_DEP_CTL"] == lengths["CI_TNDR_CTL"] == 10
    assert {t.name for t in ccb_txn.LOAD_ORDER if t.key_table} == {
        "CI_MR", "CI_REG_READ", "CI_BILL", "CI_BSEG", "CI_ADJ", "CI_PAY_EVENT", "CI_PAY_TNDR", "CI_PAY", "CI_PAY_SEG", "CI_FT"}


def test_ddl_and_control_files_generate_for_every_table():
    con = duckdb.connect()
    con.execute("CREATE SCHEMA cisadm")
    for t in transactional_production_tables():
        con.execute(create_table_sql(DUCKDB, "cisadm", t))
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'cisadm' AND table_name = ? ORDER BY ordinal_position",
            [t.name]).fetchall()]
        assert cols == t.column_names
    for t in ccb_txn.TXN_TABLES:
        ctl = control_file(t, f"{t.name}.dat", "all")
        assert f"INTO TABLE {t.name}\n" in ctl and all(f"  {c.name} " in ctl for c in t.columns)
