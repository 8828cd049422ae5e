-- Tenders on the conversion tender control and their total: what the user enters to balance it, then its deposit control.
SELECT COUNT(*) AS N, COALESCE(SUM(TENDER_AMT), 0) AS TOTAL FROM {prod}.CI_PAY_TNDR WHERE TNDR_CTL_ID = {tndr_ctl}
