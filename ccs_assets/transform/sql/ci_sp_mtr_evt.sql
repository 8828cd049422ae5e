-- Step 3: install (I) and removal (R) events of each history, each with its meter read.
SELECT
    hk.stg_key AS SP_MTR_HIST_ID,
    CASE ev.event WHEN 'INSTALL' THEN 1 ELSE 2 END AS SEQNO,
    k.stg_key AS MR_ID,
    CASE ev.event WHEN 'INSTALL' THEN 'I' ELSE 'R' END AS SP_MTR_EVT_FLG,
    CASE ev.event WHEN 'INSTALL' THEN 'ON' ELSE 'OF' END AS MTR_ON_OFF_FLG,
    1 AS VERSION,
    x.history_no || '/' || ev.event AS _legacy_key, x._line
FROM legacy.meter_history x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'meter_history' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN (VALUES ('INSTALL'), ('REMOVE')) ev(event) ON ev.event = 'INSTALL' OR x.removed_at IS NOT NULL
JOIN wb.stg_keymap hk ON hk.table_name = 'CI_SP_MTR_HIST' AND hk.legacy_key = x.history_no
JOIN wb.stg_keymap k ON k.table_name = 'CI_MR' AND k.legacy_key = x.history_no || '/' || ev.event
WHERE x._wave = $wave
