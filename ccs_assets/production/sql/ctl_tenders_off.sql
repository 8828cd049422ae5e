-- Tenders of the wave's accounts that do not point at the conversion tender control.
SELECT PAY_TENDER_ID AS VAL FROM {prod}.CI_PAY_TNDR WHERE PAYOR_ACCT_ID IN ({accounts}) AND TNDR_CTL_ID <> {tndr_ctl}
