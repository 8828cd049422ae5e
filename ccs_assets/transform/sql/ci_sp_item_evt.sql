-- Step 3: install (I) and removal (R) events of each item history.
SELECT
    k.stg_key AS SP_ITEM_HIST_ID,
    CASE ev.event WHEN 'INSTALL' THEN 1 ELSE 2 END AS SEQNO,
    CAST(CASE ev.event WHEN 'INSTALL' THEN x.installed_on ELSE x.removed_on END AS TIMESTAMP) AS EVENT_DTTM,
    CASE ev.event WHEN 'INSTALL' THEN 'I' ELSE 'R' END AS SP_ITEM_EVT_FLG,
    1 AS VERSION,
    s.legacy_key || '/' || ev.event AS _legacy_key, x._line
FROM legacy.item_history x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'item_history' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN (VALUES ('INSTALL'), ('REMOVE')) ev(event) ON ev.event = 'INSTALL' OR x.removed_on IS NOT NULL
JOIN wb.stg_keymap k ON k.table_name = 'CI_SP_ITEM_HIST' AND k.legacy_key = s.legacy_key
WHERE x._wave = $wave
