-- Step 2: legacy registers -> CI_REG, effective with their meter's configuration.
SELECT
    k.stg_key AS REG_ID,
    mk.stg_key AS MTR_ID,
    c.eff AS EFF_DTTM,
    x.register_no AS READ_SEQ,
    u.ccb_value AS UOM_CD,
    coalesce(t.ccb_value, ' ') AS TOU_CD,
    coalesce(x.multiplier, 1) AS REG_CONST,
    CASE x.read_kind WHEN 'DEMAND' THEN 'C' ELSE 'S' END AS CONSUM_SUB_FLG,
    CASE x.read_kind WHEN 'DEMAND' THEN 'P' ELSE '+' END AS HOW_TO_USE_FLG,
    x.digits_left AS NBR_OF_DGTS_LFT,
    coalesce(x.digits_right, 0) AS NBR_OF_DGTS_RGT,
    CAST(power(10, x.digits_left) - power(10, -coalesce(x.digits_right, 0)) AS DECIMAL(18,6)) AS FULL_SCALE,
    ' ' AS READ_OUT_TYPE_CD, ' ' AS PROTOCOL_CD, 0 AS TOLERANCE, ' ' AS INTV_REG_TYPE_CD,
    1 AS VERSION,
    x.meter_no || '/' || CAST(x.register_no AS VARCHAR) AS _legacy_key, x._line
FROM legacy.registers x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'registers' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_REG' AND k.legacy_key = x.meter_no || '/' || CAST(x.register_no AS VARCHAR)
JOIN wb.stg_keymap mk ON mk.table_name = 'CI_MTR' AND mk.legacy_key = x.meter_no
JOIN meter_config_eff($wave) c ON c.meter_no = x.meter_no
JOIN cfg.map_uom u ON u.uom = x.uom
LEFT JOIN cfg.map_tou t ON t.tou = x.tou
WHERE x._wave = $wave
