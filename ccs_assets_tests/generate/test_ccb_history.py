"""The CC&B transactional history generator: determinism, the invariants it promises, its refusals."""

from __future__ import annotations

import duckdb
import pytest

from ccs_assets.catalog import ccb, ccb_txn
from ccs_assets.generate.ccb_history import SourceShapeError, write_history

from .ccb_master import create_master

S = "cisadm"


def _source(accounts: int = 300, seed: int = 7, months: int = 12):
    con = duckdb.connect()
    create_master(con, S, accounts)
    counts = write_history(con, S, months, seed)
    return con, counts


@pytest.fixture(scope="module")
def src():
    con, counts = _source()
    yield con, counts
    con.close()


def q(con, sql):
    return con.execute(sql.replace("$s", S)).fetchall()


def one(con, sql):
    return q(con, sql)[0][0]


def test_every_table_is_written(src):
    con, counts = src
    assert set(counts) == {t.name for t in ccb_txn.LOAD_ORDER}
    assert all(counts[t] > 0 for t in counts), counts
    for t in ccb_txn.LOAD_ORDER:
        cols = [r[0] for r in q(con, f"SELECT column_name FROM information_schema.columns WHERE table_schema = '$s' AND table_name = '{t.name}'")]
        assert set(t.column_names) <= set(cols), t.name


def test_same_seed_same_data_other_seed_other_data():
    a, _ = _source(60, seed=3, months=4)
    b, _ = _source(60, seed=3, months=4)
    c, _ = _source(60, seed=4, months=4)

    def digest(con, t):
        cols = ", ".join(t.column_names)
        return one(con, f"SELECT count(*), sum(hash({cols})) FROM (SELECT {cols} FROM $s.{t.name})")

    for t in ccb_txn.LOAD_ORDER:
        assert digest(a, t) == digest(b, t), t.name
    assert digest(a, ccb_txn.CI_FT) != digest(c, ccb_txn.CI_FT)


def test_keys_unique_well_formed_and_foreign_keys_resolve(src):
    con, _ = src
    parents = {**{t.name: t for t in ccb.CCB_TABLES}, **ccb_txn.PARENTS}
    for t in ccb_txn.LOAD_ORDER:
        pk = ", ".join(t.primary_key)
        assert one(con, f"SELECT count(*) FROM (SELECT {pk} FROM $s.{t.name} GROUP BY {pk} HAVING count(*) > 1)") == 0, t.name
        for c in t.columns:
            if c.key_kind:
                blank = f"AND {c.name} <> ' '" if c.default == " " else ""
                bad = one(con, f"SELECT count(*) FROM $s.{t.name} WHERE NOT regexp_full_match({c.name}, '[1-9][0-9]{{{c.length - 1}}}') {blank}")
                assert bad == 0, f"{t.name}.{c.name}: key format"
            if c.fk:
                p = parents[c.fk_table]
                orphans = one(con, f"SELECT count(*) FROM $s.{t.name} x WHERE x.{c.name} <> ' ' AND NOT EXISTS "
                                   f"(SELECT 1 FROM $s.{p.name} p WHERE p.{c.fk_column} = x.{c.name})")
                assert orphans == 0, f"{t.name}.{c.name} -> {c.fk}"
    assert one(con, "SELECT count(*) FROM $s.CI_BSEG_CALC_LN l LEFT JOIN $s.CI_BSEG_CALC h USING (BSEG_ID, HEADER_SEQ) WHERE h.BSEG_ID IS NULL") == 0


def test_install_reads_kept_and_unmodelled_not_null_column_filled(src):
    con, counts = src
    installs = one(con, "SELECT count(*) FROM $s.CI_SP_MTR_HIST")
    assert one(con, "SELECT count(*) FROM $s.CI_MR") == installs + counts["CI_MR"]
    assert one(con, "SELECT count(*) FROM $s.CI_MR WHERE ILM_DT <> CAST(READ_DTTM AS DATE)") == 0
    assert one(con, "SELECT count(*) FROM $s.CI_MR WHERE SOURCE_ONLY_DT <> CAST(READ_DTTM AS DATE)") == 0


def test_every_ft_has_its_parent(src):
    con, _ = src
    for flg, (sib, sib_key, parent, parent_key) in ccb_txn.FT_PARENTS.items():
        assert one(con, f"SELECT count(*) FROM $s.CI_FT f WHERE f.FT_TYPE_FLG = '{flg}'") > 0, f"no {flg} FT generated"
        assert one(con, f"SELECT count(*) FROM $s.CI_FT f LEFT JOIN $s.{sib} x ON x.{sib_key} = f.SIBLING_ID "
                        f"WHERE f.FT_TYPE_FLG = '{flg}' AND x.{sib_key} IS NULL") == 0, flg
        if parent:
            assert one(con, f"SELECT count(*) FROM $s.CI_FT f LEFT JOIN $s.{parent} x ON x.{parent_key} = f.PARENT_ID "
                            f"WHERE f.FT_TYPE_FLG = '{flg}' AND x.{parent_key} IS NULL") == 0, flg
    assert one(con, "SELECT count(*) FROM $s.CI_FT f JOIN $s.CI_ADJ a ON a.ADJ_ID = f.SIBLING_ID "
                    "WHERE f.FT_TYPE_FLG IN ('AD', 'AX') AND f.PARENT_ID <> a.ADJ_TYPE_CD") == 0
    # one BS FT per frozen/freezable segment, a BX per canceled one; one PS per pay segment, a PX per canceled payment
    assert one(con, "SELECT count(*) FROM $s.CI_BSEG WHERE BSEG_STAT_FLG IN ('30', '50', '60')") == \
        one(con, "SELECT count(*) FROM $s.CI_FT WHERE FT_TYPE_FLG = 'BS'")
    assert one(con, "SELECT count(*) FROM $s.CI_BSEG WHERE BSEG_STAT_FLG = '60'") == one(con, "SELECT count(*) FROM $s.CI_FT WHERE FT_TYPE_FLG = 'BX'")
    assert one(con, "SELECT count(*) FROM $s.CI_PAY_SEG") == one(con, "SELECT count(*) FROM $s.CI_FT WHERE FT_TYPE_FLG = 'PS'")
    assert one(con, "SELECT count(*) FROM $s.CI_PAY_SEG s JOIN $s.CI_PAY p USING (PAY_ID) WHERE p.PAY_STATUS_FLG = '60'") == \
        one(con, "SELECT count(*) FROM $s.CI_FT WHERE FT_TYPE_FLG = 'PX'")


def test_gl_lines_net_to_zero(src):
    con, _ = src
    assert one(con, "SELECT count(*) FROM (SELECT FT_ID FROM $s.CI_FT_GL GROUP BY FT_ID HAVING sum(AMOUNT) <> 0)") == 0
    # frozen FTs with a payoff have GL lines; the others have none
    assert one(con, "SELECT count(*) FROM $s.CI_FT f WHERE f.FREEZE_SW = 'Y' AND f.TOT_AMT <> 0 "
                    "AND NOT EXISTS (SELECT 1 FROM $s.CI_FT_GL g WHERE g.FT_ID = f.FT_ID)") == 0
    assert one(con, "SELECT count(*) FROM $s.CI_FT f JOIN $s.CI_FT_GL g USING (FT_ID) WHERE f.FREEZE_SW = 'N'") == 0
    assert one(con, "SELECT count(*) FROM $s.CI_FT f JOIN $s.CI_FT_GL g USING (FT_ID) WHERE g.GL_SEQ_NBR = 1 AND g.AMOUNT <> f.TOT_AMT") == 0


def test_amounts_add_up(src):
    con, _ = src
    assert one(con, "SELECT count(*) FROM $s.CI_BSEG_CALC h JOIN (SELECT BSEG_ID, sum(CALC_LN_AMT) s FROM $s.CI_BSEG_CALC_LN GROUP BY BSEG_ID) l "
                    "USING (BSEG_ID) WHERE h.CALC_AMT <> l.s") == 0
    assert one(con, "SELECT count(*) FROM $s.CI_FT f JOIN $s.CI_BSEG_CALC h ON h.BSEG_ID = f.SIBLING_ID "
                    "WHERE f.FT_TYPE_FLG = 'BS' AND f.TOT_AMT <> h.CALC_AMT") == 0
    assert one(con, "SELECT count(*) FROM $s.CI_PAY p JOIN (SELECT PAY_ID, sum(PAY_SEG_AMT) s FROM $s.CI_PAY_SEG GROUP BY PAY_ID) g "
                    "USING (PAY_ID) WHERE p.PAY_AMT <> g.s") == 0
    assert one(con, "SELECT count(*) FROM $s.CI_PAY p JOIN $s.CI_PAY_TNDR t USING (PAY_EVENT_ID) WHERE t.TENDER_AMT <> p.PAY_AMT") == 0
    # budget SAs: current amount differs from payoff on their bill segment FTs
    assert one(con, "SELECT count(*) FROM $s.CI_FT WHERE FT_TYPE_FLG = 'BS' AND CUR_AMT <> TOT_AMT") > 0


def test_bill_balances_follow_from_frozen_fts(src):
    con, _ = src
    bad = q(con, """
        WITH f AS (SELECT f.SA_ID, b.ACCT_ID, b.BILL_DT, f.CUR_AMT, f.TOT_AMT FROM $s.CI_FT f
                   JOIN $s.CI_BILL b ON b.BILL_ID = f.BILL_ID WHERE f.FREEZE_SW = 'Y')
        SELECT bs.BILL_ID, bs.SA_ID FROM $s.CI_BILL_SA bs JOIN $s.CI_BILL b ON b.BILL_ID = bs.BILL_ID
        WHERE bs.CUR_AMT <> (SELECT coalesce(sum(CUR_AMT), 0) FROM f WHERE f.SA_ID = bs.SA_ID AND f.BILL_DT <= b.BILL_DT)
           OR bs.TOT_AMT <> (SELECT coalesce(sum(TOT_AMT), 0) FROM f WHERE f.SA_ID = bs.SA_ID AND f.BILL_DT <= b.BILL_DT)""")
    assert not bad, bad[:5]
    assert one(con, "SELECT count(*) FROM $s.CI_BILL_SA bs JOIN $s.CI_BILL b USING (BILL_ID) WHERE b.BILL_STAT_FLG <> 'C '") == 0


def test_history_has_the_cases_a_migration_meets(src):
    con, _ = src
    assert one(con, "SELECT count(*) FROM $s.CI_BSEG o JOIN $s.CI_BSEG r ON r.BSEG_ID = o.REBILL_SEG_ID AND r.CAN_BSEG_ID = o.BSEG_ID "
                    "WHERE o.BSEG_STAT_FLG = '60' AND r.BSEG_STAT_FLG = '50' AND o.EST_SW = 'Y'") > 0
    assert one(con, "SELECT count(*) FROM $s.CI_BILL WHERE BILL_STAT_FLG = 'P '") > 0
    assert one(con, "SELECT count(*) FROM $s.CI_FT WHERE FREEZE_SW = 'N'") > 0
    assert one(con, "SELECT count(*) FROM $s.CI_FT WHERE FT_TYPE_FLG IN ('PS', 'AD') AND BILL_ID = ' ' AND SHOW_ON_BILL_SW = 'Y'") > 0
    assert one(con, "SELECT count(DISTINCT ADJ_TYPE_CD) FROM $s.CI_ADJ") == 2
    assert one(con, "SELECT count(*) FROM $s.CI_BSEG WHERE CLOSING_BSEG_SW = 'Y'") > 0
    assert one(con, "SELECT min(BILL_DT) >= DATE '2025-01-01' AND max(BILL_DT) <= DATE '2025-12-31' FROM $s.CI_BILL")


def test_refuses_a_source_without_what_it_needs():
    con = duckdb.connect()
    create_master(con, S, 5)
    con.execute(f"ALTER TABLE {S}.CI_REG DROP COLUMN CONSUM_SUB_FLG")
    with pytest.raises(SourceShapeError, match=r"cisadm\.CI_REG: column\(s\) CONSUM_SUB_FLG missing"):
        write_history(con, S, 3, 1)
    con.execute(f"DROP TABLE {S}.CI_SP_MTR_HIST")
    with pytest.raises(SourceShapeError, match=r"cisadm\.CI_SP_MTR_HIST: table missing"):
        write_history(con, S, 3, 1)
    with pytest.raises(SourceShapeError, match="months"):
        write_history(con, S, 0, 1)


def test_refuses_to_write_a_second_history_and_leaves_the_first_whole():
    con, counts = _source(20, months=2)
    with pytest.raises(SourceShapeError, match=r"cisadm\.CI_BILL: already holds rows"):
        write_history(con, S, 2, 1)
    assert one(con, "SELECT count(*) FROM $s.CI_FT") == counts["CI_FT"]
