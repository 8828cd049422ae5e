"""Financial reconciliation of a wave: passes on a faithful load, names table, key, rule and accounts otherwise."""

from __future__ import annotations

from ccs_assets.validate.financial import check_result, error_rows, reconcile_financials

from .conftest import SOURCE_WAVE, WAVE

RULES = ["FT-SA-BALANCE", "FT-ACCT-BALANCE", "FT-PARENT", "FT-GL-NET-ZERO", "ACCT-BILLS", "ACCT-PAYMENTS", "FT-GL-LINES"]


def run(sides, **kw):
    src, tgt = sides
    return {f.rule: f for f in reconcile_financials(src, "cisadm", tgt, WAVE, source_accounts=SOURCE_WAVE, **kw)}


def one(tgt, sql):
    return tgt.con.execute(sql).fetchone()


def test_a_faithful_load_reconciles(sides):
    found = run(sides)
    assert list(found) == RULES
    for f in found.values():
        assert f.passed, f.message()
        assert f.checked > 0, f.rule
    # the wave is half the accounts: the even ones
    src, tgt = sides
    assert found["ACCT-BILLS"].checked == one(tgt, "SELECT count(*) FROM cisadm.CCS_WAVE_LEDGER")[0] < one(tgt, "SELECT count(*) FROM cisadm.CI_ACCT")[0]


def test_amounts_that_do_not_reconcile_name_the_accounts(sides):
    src, tgt = sides
    acct, sa, ft = one(tgt, """SELECT s.ACCT_ID, f.SA_ID, f.FT_ID FROM cisadm.CI_FT f JOIN cisadm.CI_SA s USING (SA_ID)
        WHERE f.FREEZE_SW = 'Y' AND CAST(s.ACCT_ID AS BIGINT) % 2 = 0 ORDER BY f.FT_ID LIMIT 1""")
    tgt.execute("UPDATE cisadm.CI_FT SET CUR_AMT = CUR_AMT + 1.25 WHERE FT_ID = :ft", ft=ft)
    # an account outside the wave, broken too, is not this wave's business
    tgt.execute("""UPDATE cisadm.CI_FT SET TOT_AMT = TOT_AMT + 1 WHERE FT_ID = (SELECT min(f.FT_ID) FROM cisadm.CI_FT f
                   JOIN cisadm.CI_SA s USING (SA_ID) WHERE f.FREEZE_SW = 'Y' AND CAST(s.ACCT_ID AS BIGINT) % 2 = 1)""")
    found = run(sides)
    sa_f, acct_f = found["FT-SA-BALANCE"], found["FT-ACCT-BALANCE"]
    assert not sa_f.passed and sa_f.accounts == [acct] and sa_f.failed == 1
    assert sa_f.sample[0]["SA_ID"].strip() == sa and sa_f.sample[0]["TGT_CUR"] - sa_f.sample[0]["SRC_CUR"] == 125
    assert sa_f.sample[0]["SRC_TOT"] == sa_f.sample[0]["TGT_TOT"]
    assert not acct_f.passed and acct_f.accounts == [acct]
    msg = sa_f.message()
    assert "FT-SA-BALANCE" in msg and "CI_FT" in msg and "SA_ID" in msg and acct in msg
    assert all(found[r].passed for r in RULES if r not in ("FT-SA-BALANCE", "FT-ACCT-BALANCE"))
    r = check_result(sa_f)
    assert not r.passed and r.check_name == "ft_sa_balance" and acct in r.description


def test_an_ft_whose_parent_is_missing(sides):
    src, tgt = sides
    acct, bseg, ft = one(tgt, """SELECT s.ACCT_ID, f.SIBLING_ID, f.FT_ID FROM cisadm.CI_FT f JOIN cisadm.CI_SA s USING (SA_ID)
        WHERE f.FT_TYPE_FLG = 'BS' AND CAST(s.ACCT_ID AS BIGINT) % 2 = 0 ORDER BY f.FT_ID LIMIT 1""")
    tgt.execute("DELETE FROM cisadm.CI_BSEG WHERE BSEG_ID = :b", b=bseg)
    pay_acct, pay_id = one(tgt, """SELECT p.ACCT_ID, p.PAY_ID FROM cisadm.CI_PAY p JOIN cisadm.CI_PAY_SEG g USING (PAY_ID)
        WHERE CAST(p.ACCT_ID AS BIGINT) % 2 = 0 ORDER BY p.PAY_ID LIMIT 1""")
    tgt.execute("DELETE FROM cisadm.CI_PAY WHERE PAY_ID = :p", p=pay_id)
    found = run(sides)
    f = found["FT-PARENT"]
    assert not f.passed and f.failed >= 2 and set(f.accounts) == {acct, pay_acct}
    missing = {(r["MISSING_IN"], r["MISSING_KEY"].strip()) for r in f.sample}
    assert ("CI_BSEG", bseg) in missing and ("CI_PAY", pay_id) in missing
    assert any(r["FT_ID"].strip() == ft and r["FT_TYPE_FLG"] == "BS" for r in f.sample)
    assert not found["ACCT-PAYMENTS"].passed and found["ACCT-PAYMENTS"].accounts == [pay_acct]
    assert "FT-PARENT" in f.message() and acct in f.message()


def test_gl_lines_that_no_longer_net_to_zero(sides):
    src, tgt = sides
    acct, ft = one(tgt, """SELECT s.ACCT_ID, g.FT_ID FROM cisadm.CI_FT_GL g JOIN cisadm.CI_FT f USING (FT_ID)
        JOIN cisadm.CI_SA s USING (SA_ID) WHERE CAST(s.ACCT_ID AS BIGINT) % 2 = 0 ORDER BY g.FT_ID LIMIT 1""")
    tgt.execute("UPDATE cisadm.CI_FT_GL SET AMOUNT = AMOUNT + 0.01 WHERE FT_ID = :ft AND GL_SEQ_NBR = 2", ft=ft)
    found = run(sides)
    f = found["FT-GL-NET-ZERO"]
    assert not f.passed and f.accounts == [acct] and f.sample[0]["FT_ID"].strip() == ft and f.sample[0]["TGT_NET"] == 1
    assert found["FT-GL-LINES"].passed  # same lines, other amount
    tgt.execute("DELETE FROM cisadm.CI_FT_GL WHERE FT_ID = :ft AND GL_SEQ_NBR = 1", ft=ft)
    assert not run(sides)["FT-GL-LINES"].passed


def test_a_missing_bill_and_a_missing_account(sides):
    src, tgt = sides
    acct, bill = one(tgt, "SELECT ACCT_ID, BILL_ID FROM cisadm.CI_BILL WHERE CAST(ACCT_ID AS BIGINT) % 2 = 0 ORDER BY BILL_ID LIMIT 1")
    tgt.execute("DELETE FROM cisadm.CI_BILL WHERE BILL_ID = :b", b=bill)
    found = run(sides)
    assert not found["ACCT-BILLS"].passed and found["ACCT-BILLS"].accounts == [acct]
    assert found["ACCT-BILLS"].sample[0]["SRC_BILLS"] == found["ACCT-BILLS"].sample[0]["TGT_BILLS"] + 1
    # an account of the wave with nothing in production: every per-account rule lists it
    gone = one(tgt, "SELECT max(ACCT_ID) FROM cisadm.CI_ACCT WHERE CAST(ACCT_ID AS BIGINT) % 2 = 0")[0]
    tgt.execute("DELETE FROM cisadm.CI_ACCT WHERE ACCT_ID = :a", a=gone)
    assert gone in run(sides)["ACCT-PAYMENTS"].accounts


def test_keys_the_wave_rejected_are_left_out_of_the_source(sides):
    """An FT and a bill the wave rejected on purpose (in `ccs-migrate errors`) are not in production: the source side
    leaves them out, so the rest must still reconcile to the cent; anything else missing still fails."""
    src, tgt = sides
    acct, ft, bill = one(tgt, """SELECT s.ACCT_ID, f.FT_ID, f.BILL_ID FROM cisadm.CI_FT f JOIN cisadm.CI_SA s USING (SA_ID)
        WHERE f.FREEZE_SW = 'Y' AND f.FT_TYPE_FLG = 'BS' AND CAST(s.ACCT_ID AS BIGINT) % 2 = 0 ORDER BY f.FT_ID LIMIT 1""")
    tgt.execute("DELETE FROM cisadm.CI_FT_GL WHERE FT_ID = :ft", ft=ft)
    tgt.execute("DELETE FROM cisadm.CI_FT WHERE FT_ID = :ft", ft=ft)
    tgt.execute("DELETE FROM cisadm.CI_BILL WHERE BILL_ID = :b", b=bill)
    broken = run(sides)
    assert {r for r, f in broken.items() if not f.passed} >= {"FT-SA-BALANCE", "FT-ACCT-BALANCE", "ACCT-BILLS"}
    rows = error_rows(list(broken.values()))
    assert {(e["table"], e["key"], e["rule"], e["step"]) for e in rows} >= {("CI_FT", acct, "FT-SA-BALANCE", "financial"),
                                                                            ("CI_BILL", acct, "ACCT-BILLS", "financial")}
    assert all(acct in e["message"] and e["rule"] in e["message"] for e in rows if e["key"] == acct)
    rejected = f"SELECT 'CI_FT' AS ENTITY, '{ft}' AS K UNION ALL SELECT 'CI_BILL', '{bill}'"
    kept = run(sides, source_rejected=rejected)
    # the bill's other FTs (same bill, other segments) still point at it: only FT-PARENT may say so
    assert all(f.passed for r, f in kept.items() if r != "FT-PARENT"), [f.message() for f in kept.values() if not f.passed]
    assert error_rows([f for r, f in kept.items() if r != "FT-PARENT"]) == []
