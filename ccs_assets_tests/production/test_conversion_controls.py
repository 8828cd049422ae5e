"""The conversion deposit and tender control: created once, every tender of the wave on it, checked."""

from __future__ import annotations

import pytest

from ccs_assets.production.conversion_controls import ensure_conversion_controls, point_tenders, tender_total, tenders_off_control

from ..validate.conftest import WAVE, sides, source_file  # noqa: F401  (fixtures)


def test_controls_are_created_once_and_hold_every_tender_of_the_wave(sides):
    _, tgt = sides
    c = ensure_conversion_controls(tgt, tender_source="CONVERSION", currency="USD")
    assert c.created and len(c.dep_ctl_id) == 10 and len(c.tndr_ctl_id) == 10 and c.dep_ctl_id != c.tndr_ctl_id
    again = ensure_conversion_controls(tgt, tender_source="CONVERSION", currency="USD")
    assert again == type(c)(c.dep_ctl_id, c.tndr_ctl_id, False)
    assert tgt.scalar("SELECT count(*) FROM cisadm.CI_TNDR_CTL") == 1
    assert tgt.scalar("SELECT DEP_CTL_ID FROM cisadm.CI_TNDR_CTL") == c.dep_ctl_id

    # loaded tenders still carry the source's own controls: the check names them
    n, keys = tenders_off_control(tgt, WAVE, c)
    wave_tenders = tgt.scalar("""SELECT count(*) FROM cisadm.CI_PAY_TNDR WHERE PAYOR_ACCT_ID IN
        (SELECT OWNER_KEY FROM cisadm.CCS_WAVE_LEDGER WHERE WAVE = :w)""", w=WAVE)
    assert n == wave_tenders > 0 and len(keys) == 10 and keys == sorted(keys)
    point_tenders(tgt, WAVE, c)
    assert tenders_off_control(tgt, WAVE, c) == (0, [])
    # other waves' tenders are left alone
    assert tgt.scalar("SELECT count(*) FROM cisadm.CI_PAY_TNDR WHERE TNDR_CTL_ID <> :t", t=c.tndr_ctl_id) > 0
    count, total = tender_total(tgt, c)
    assert count == wave_tenders
    assert total == tgt.scalar("SELECT sum(TENDER_AMT) FROM cisadm.CI_PAY_TNDR WHERE TNDR_CTL_ID = :t", t=c.tndr_ctl_id)


def test_a_second_conversion_tender_control_is_an_error(sides):
    _, tgt = sides
    c = ensure_conversion_controls(tgt, tender_source="CONVERSION", currency="USD")
    tgt.execute("INSERT INTO cisadm.CI_TNDR_CTL SELECT '1111111111', DEP_CTL_ID, TNDR_SOURCE_CD, TNDR_CTL_ST_FLG, END_BALANCE, "
                "CURRENCY_CD, CRE_DTTM, VERSION FROM cisadm.CI_TNDR_CTL WHERE TNDR_CTL_ID = :t", t=c.tndr_ctl_id)
    with pytest.raises(RuntimeError, match=r"CI_TNDR_CTL: 2 tender controls with tender source 'CONVERSION'"):
        ensure_conversion_controls(tgt, tender_source="CONVERSION", currency="USD")
    with pytest.raises(ValueError, match="TNDR_SOURCE_CD"):
        ensure_conversion_controls(tgt, tender_source="A-VERY-LONG-SOURCE", currency="USD")
