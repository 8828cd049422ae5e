-- Step 1: one SA/SP link per legacy agreement, from start_date to end_date.
SELECT
    k.stg_key AS SA_SP_ID,
    sk.stg_key AS SA_ID,
    pk.stg_key AS SP_ID,
    CAST(x.start_date AS TIMESTAMP) AS START_DTTM,
    CAST(x.end_date AS TIMESTAMP) AS STOP_DTTM,
    ' ' AS START_MR_ID, ' ' AS STOP_MR_ID,
    '+' AS USAGE_FLG, 100 AS USE_PCT, 1 AS VERSION,
    x.sa_no AS _legacy_key, x._line
FROM legacy.service_agreements x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'service_agreements' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_SA_SP' AND k.legacy_key = x.sa_no
JOIN wb.stg_keymap sk ON sk.table_name = 'CI_SA' AND sk.legacy_key = x.sa_no
JOIN wb.stg_keymap pk ON pk.table_name = 'CI_SP' AND pk.legacy_key = x.sp_no
WHERE x._wave = $wave
