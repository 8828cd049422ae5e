-- Step 1: legacy accounts -> CI_ACCT; mailing premise by staging key, blank when none.
SELECT
    k.stg_key AS ACCT_ID,
    mb.ccb_value AS BILL_CYC_CD,
    x.setup_date AS SETUP_DT,
    coalesce(x.currency, 'USD') AS CURRENCY_CD,
    ' ' AS ACCT_MGMT_GRP_CD,
    md.ccb_value AS CIS_DIVISION,
    coalesce(pk.stg_key, ' ') AS MAILING_PREM_ID,
    ' ' AS COLL_CL_CD,
    mc.ccb_value AS CUST_CL_CD,
    NULL AS BILL_AFTER_DT,
    1 AS VERSION,
    x.acct_no AS _legacy_key, x._line
FROM legacy.accounts x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'accounts' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_ACCT' AND k.legacy_key = x.acct_no
JOIN cfg.map_bill_cycle mb ON mb.bill_cycle = x.bill_cycle
JOIN cfg.map_division md ON md.division = x.division
JOIN cfg.map_customer_class mc ON mc.customer_class = x.customer_class
LEFT JOIN wb.stg_keymap pk ON pk.table_name = 'CI_PREM' AND pk.legacy_key = x.mailing_premise_no
WHERE x._wave = $wave
