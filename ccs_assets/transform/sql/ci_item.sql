-- Step 2: legacy items -> CI_ITEM; the item number is the badge.
SELECT
    k.stg_key AS ITEM_ID,
    x.item_no AS BADGE_NBR,
    it.ccb_value AS ITEM_TYPE_CD,
    CASE x.status WHEN 'RETIRED' THEN 'R' ELSE 'A' END AS ITEM_STATUS_FLG,
    ' ' AS MFG_CD, ' ' AS MODEL_CD, ' ' AS SERIAL_NBR,
    x.receive_date AS RECEIVE_DT,
    ' ' AS DESCR254,
    1 AS VERSION,
    x.item_no AS _legacy_key, x._line
FROM legacy.items x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'items' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_ITEM' AND k.legacy_key = x.item_no
JOIN cfg.map_item_type it ON it.item_type = x.item_type
WHERE x._wave = $wave
