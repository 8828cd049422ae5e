-- Step 1: legacy agreements -> CI_SA; SA type from (account division, rate code); CHAR_PREM_ID is the SP's premise.
SELECT
    k.stg_key AS SA_ID,
    ak.stg_key AS ACCT_ID,
    pk.stg_key AS CHAR_PREM_ID,
    md.ccb_value AS CIS_DIVISION,
    mt.ccb_value AS SA_TYPE_CD,
    ' ' AS START_OPT_CD,
    x.start_date AS START_DT,
    x.end_date AS END_DT,
    CASE x.status WHEN 'ACTIVE' THEN '20' WHEN 'PENDING_STOP' THEN '30' WHEN 'STOPPED' THEN '40' ELSE '60' END AS SA_STATUS_FLG,
    x.acct_no AS OLD_ACCT_ID,
    coalesce(a.currency, 'USD') AS CURRENCY_CD,
    1 AS VERSION,
    x.sa_no AS _legacy_key, x._line
FROM legacy.service_agreements x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'service_agreements' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_SA' AND k.legacy_key = x.sa_no
JOIN wb.stg_keymap ak ON ak.table_name = 'CI_ACCT' AND ak.legacy_key = x.acct_no
JOIN (SELECT acct_no, any_value(division) AS division, any_value(currency) AS currency
      FROM legacy.accounts WHERE _wave = $wave GROUP BY acct_no) a ON a.acct_no = x.acct_no
JOIN (SELECT sp_no, any_value(premise_no) AS premise_no FROM legacy.service_points WHERE _wave = $wave GROUP BY sp_no) sp
  ON sp.sp_no = x.sp_no
JOIN wb.stg_keymap pk ON pk.table_name = 'CI_PREM' AND pk.legacy_key = sp.premise_no
JOIN cfg.map_division md ON md.division = a.division
JOIN cfg.map_sa_type mt ON mt.division = a.division AND mt.rate_code = x.rate_code
WHERE x._wave = $wave
