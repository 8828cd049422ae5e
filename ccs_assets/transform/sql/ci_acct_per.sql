-- Step 1: the main customer of each account (MAIN_CUST_SW Y) plus the other parties of account_parties.csv.
SELECT
    k.stg_key AS ACCT_ID, pk.stg_key AS PER_ID, $main_rel AS ACCT_REL_TYPE_CD,
    'Y' AS MAIN_CUST_SW, 'Y' AS FIN_RESP_SW, 'N' AS THRD_PTY_SW, 'N' AS RECEIVE_COPY_SW,
    ' ' AS BILL_ADDR_SRCE_FLG, 1 AS NBR_BILL_COPIES, 1 AS VERSION,
    x.acct_no || '/' || x.main_cust_no AS _legacy_key, x._line
FROM legacy.accounts x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'accounts' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_ACCT' AND k.legacy_key = x.acct_no
JOIN wb.stg_keymap pk ON pk.table_name = 'CI_PER' AND pk.legacy_key = x.main_cust_no
WHERE x._wave = $wave
UNION ALL
SELECT
    k.stg_key, pk.stg_key, m.ccb_value,
    'N', coalesce(x.financially_responsible, 'N'),
    CASE WHEN x.relationship = 'THIRDPTY' THEN 'Y' ELSE 'N' END,
    coalesce(x.receives_copy, 'N'),
    ' ', CASE WHEN x.receives_copy = 'Y' THEN 1 ELSE 0 END, 1,
    x.acct_no || '/' || x.cust_no, x._line
FROM legacy.account_parties x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'account_parties' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_ACCT' AND k.legacy_key = x.acct_no
JOIN wb.stg_keymap pk ON pk.table_name = 'CI_PER' AND pk.legacy_key = x.cust_no
JOIN cfg.map_relationship m ON m.relationship = x.relationship
WHERE x._wave = $wave
