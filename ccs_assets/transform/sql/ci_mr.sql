-- Step 3: one meter read per history event (install at installed_at, removal at removed_at).
SELECT
    k.stg_key AS MR_ID,
    ck.stg_key AS MTR_CONFIG_ID,
    CASE ev.event WHEN 'INSTALL' THEN x.installed_at ELSE x.removed_at END AS READ_DTTM,
    ' ' AS MR_SOURCE_CD, ' ' AS MTR_READER_ID, 'Y' AS USE_ON_BILL_SW,
    1 AS VERSION,
    CAST(CASE ev.event WHEN 'INSTALL' THEN x.installed_at ELSE x.removed_at END AS DATE) AS ILM_DT,
    x.history_no || '/' || ev.event AS _legacy_key, x._line
FROM legacy.meter_history x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'meter_history' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN (VALUES ('INSTALL'), ('REMOVE')) ev(event) ON ev.event = 'INSTALL' OR x.removed_at IS NOT NULL
JOIN wb.stg_keymap k ON k.table_name = 'CI_MR' AND k.legacy_key = x.history_no || '/' || ev.event
JOIN wb.stg_keymap ck ON ck.table_name = 'CI_MTR_CONFIG' AND ck.legacy_key = x.meter_no
WHERE x._wave = $wave
