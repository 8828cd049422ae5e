-- Step 3: legacy item history -> CI_SP_ITEM_HIST (legacy key sp_no/item_no/installed_on).
SELECT
    k.stg_key AS SP_ITEM_HIST_ID,
    sk.stg_key AS SP_ID,
    ik.stg_key AS ITEM_ID,
    1 AS VERSION,
    s.legacy_key AS _legacy_key, x._line
FROM legacy.item_history x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'item_history' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_SP_ITEM_HIST' AND k.legacy_key = s.legacy_key
JOIN wb.stg_keymap sk ON sk.table_name = 'CI_SP' AND sk.legacy_key = x.sp_no
JOIN wb.stg_keymap ik ON ik.table_name = 'CI_ITEM' AND ik.legacy_key = x.item_no
WHERE x._wave = $wave
