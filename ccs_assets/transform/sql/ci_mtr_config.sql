-- Step 2: one meter configuration per migrated meter with valid registers, effective at their earliest effective_at.
SELECT
    k.stg_key AS MTR_CONFIG_ID,
    mk.stg_key AS MTR_ID,
    r.eff AS EFF_DTTM,
    mt.ccb_value AS MTR_CONFIG_TY_CD,
    1 AS VERSION,
    x.meter_no AS _legacy_key, x._line
FROM legacy.meters x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'meters' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN meter_config_eff($wave) r ON r.meter_no = x.meter_no
JOIN wb.stg_keymap k ON k.table_name = 'CI_MTR_CONFIG' AND k.legacy_key = x.meter_no
JOIN wb.stg_keymap mk ON mk.table_name = 'CI_MTR' AND mk.legacy_key = x.meter_no
JOIN cfg.map_meter_type mt ON mt.meter_type = x.meter_type
WHERE x._wave = $wave
