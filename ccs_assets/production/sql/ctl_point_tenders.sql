-- Every tender of the wave's accounts points at the conversion tender control (the source's controls are not migrated).
UPDATE {prod}.CI_PAY_TNDR SET TNDR_CTL_ID = {tndr_ctl}
WHERE PAYOR_ACCT_ID IN ({accounts}) AND TNDR_CTL_ID <> {tndr_ctl}
