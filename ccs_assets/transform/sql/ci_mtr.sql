-- Step 2: legacy meters -> CI_MTR; the meter number is the badge; model mapped by (manufacturer, model).
SELECT
    k.stg_key AS MTR_ID,
    x.meter_no AS BADGE_NBR,
    x.serial_no AS SERIAL_NBR,
    mf.ccb_value AS MFG_CD,
    coalesce(mo.ccb_value, ' ') AS MODEL_CD,
    mt.ccb_value AS MTR_TYPE_CD,
    CASE x.status WHEN 'RETIRED' THEN 'R' ELSE 'A' END AS MTR_STATUS_FLG,
    x.receive_date AS RECEIVE_DT,
    x.retire_date AS RETIRE_DT,
    ' ' AS RETIRE_RSN_CD,
    1 AS VERSION,
    x.meter_no AS _legacy_key, x._line
FROM legacy.meters x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'meters' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_MTR' AND k.legacy_key = x.meter_no
JOIN cfg.map_manufacturer mf ON mf.manufacturer = x.manufacturer
JOIN cfg.map_meter_type mt ON mt.meter_type = x.meter_type
LEFT JOIN cfg.map_model mo ON mo.manufacturer = x.manufacturer AND mo.model = x.model
WHERE x._wave = $wave
