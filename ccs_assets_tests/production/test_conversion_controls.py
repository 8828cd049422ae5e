"""The conversion deposit and tender control: created once with the configured keys, never another's, every
tender of the wave on it (checked), and the total the user enters to balance it."""

from __future__ import annotations

import pytest

from ccs_assets.production.conversion_controls import (ConversionControls, ensure_conversion_controls, tender_total,
                                                       tenders_off_control)

from ..validate.conftest import WAVE, sides, source_file  # noqa: F401  (fixtures)

CONTROLS = ConversionControls("9000000001", "9000000002", "CONVERSION")
WAVE_TENDERS = """SELECT count(*) FROM cisadm.CI_PAY_TNDR WHERE PAYOR_ACCT_ID IN
    (SELECT OWNER_KEY FROM cisadm.CCS_WAVE_LEDGER WHERE WAVE = :w)"""


def test_controls_are_created_once_and_hold_every_tender_of_the_wave(sides):
    _, tgt = sides
    assert ensure_conversion_controls(tgt, CONTROLS, currency="USD") is True
    assert ensure_conversion_controls(tgt, CONTROLS, currency="USD") is False  # a rerun keeps them
    assert tgt.query("SELECT TNDR_CTL_ID, DEP_CTL_ID, TNDR_SOURCE_CD, CURRENCY_CD FROM cisadm.CI_TNDR_CTL") == [
        ("9000000002", "9000000001", "CONVERSION", "USD")]
    assert tgt.query("SELECT DEP_CTL_ID, END_BALANCE FROM cisadm.CI_DEP_CTL") == [("9000000001", 0)]

    # tenders that still carry the source's own controls: the check counts them all and names some, in order
    n, keys = tenders_off_control(tgt, WAVE, CONTROLS)
    wave_tenders = tgt.scalar(WAVE_TENDERS, w=WAVE)
    assert n == wave_tenders > 10 and len(keys) == 10 and keys == sorted(keys)
    # as the extract writes them: every tender of the wave on the conversion tender control
    tgt.execute(f"UPDATE cisadm.CI_PAY_TNDR SET TNDR_CTL_ID = :t WHERE PAYOR_ACCT_ID IN "
                f"(SELECT OWNER_KEY FROM cisadm.CCS_WAVE_LEDGER WHERE WAVE = :w)", t=CONTROLS.tndr_ctl_id, w=WAVE)
    assert tenders_off_control(tgt, WAVE, CONTROLS) == (0, [])
    tgt.execute("UPDATE cisadm.CI_PAY_TNDR SET TNDR_CTL_ID = '1234567890' WHERE PAY_TENDER_ID = :k", k=keys[0])
    assert tenders_off_control(tgt, WAVE, CONTROLS) == (1, [keys[0]])
    count, total = tender_total(tgt, CONTROLS)
    assert count == wave_tenders - 1
    assert total == tgt.scalar("SELECT sum(TENDER_AMT) FROM cisadm.CI_PAY_TNDR WHERE TNDR_CTL_ID = :t", t=CONTROLS.tndr_ctl_id)


def test_a_control_that_is_not_the_conversions_is_never_taken_over(sides):
    _, tgt = sides
    ensure_conversion_controls(tgt, CONTROLS, currency="USD")
    # the configured tender control key holds another tender source
    with pytest.raises(ValueError, match=r"CI_TNDR_CTL 9000000002 \(tender source 'CONVERSION'.*not the conversion tender"):
        ensure_conversion_controls(tgt, ConversionControls("9000000001", "9000000002", "LOCKBOX"), currency="USD")
    # a second tender control with the conversion's tender source
    tgt.execute("INSERT INTO cisadm.CI_TNDR_CTL SELECT '1111111111', DEP_CTL_ID, TNDR_SOURCE_CD, TNDR_CTL_ST_FLG, END_BALANCE, "
                "CURRENCY_CD, CRE_DTTM, VERSION FROM cisadm.CI_TNDR_CTL WHERE TNDR_CTL_ID = '9000000002'")
    with pytest.raises(ValueError, match=r"CI_TNDR_CTL 1111111111 .* exactly one"):
        ensure_conversion_controls(tgt, CONTROLS, currency="USD")
    # a deposit control of the configured key that has no conversion tender control
    with pytest.raises(ValueError, match=r"CI_DEP_CTL 9000000001 is in production without the conversion tender control 7"):
        ensure_conversion_controls(tgt, ConversionControls("9000000001", "7000000007", "CNV2"), currency="USD")
    with pytest.raises(ValueError, match="TNDR_SOURCE_CD"):
        ensure_conversion_controls(tgt, ConversionControls("9000000001", "9000000002", "A-VERY-LONG-SOURCE"), currency="USD")
    assert tgt.scalar("SELECT count(*) FROM cisadm.CI_DEP_CTL") == 1
