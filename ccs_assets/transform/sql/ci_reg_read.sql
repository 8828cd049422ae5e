-- Step 3: one register read per legacy reading, on its event's meter read.
SELECT
    k.stg_key AS REG_READ_ID,
    mk.stg_key AS MR_ID,
    x.register_no AS READ_SEQ,
    rk.stg_key AS REG_ID,
    '60' AS READ_TYPE_FLG,
    x.reading AS REG_READING,
    0 AS LO_LIMIT, 0 AS HI_LIMIT, 'N' AS REVIEW_HILO_SW, 'N' AS TRENDED_SW,
    1 AS VERSION,
    x.history_no || '/' || x.event || '/' || CAST(x.register_no AS VARCHAR) AS _legacy_key, x._line
FROM legacy.meter_history_reads x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'meter_history_reads' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN history_meter($wave) h
  ON h.history_no = x.history_no
JOIN wb.stg_keymap k ON k.table_name = 'CI_REG_READ' AND k.legacy_key = x.history_no || '/' || x.event || '/' || CAST(x.register_no AS VARCHAR)
JOIN wb.stg_keymap mk ON mk.table_name = 'CI_MR' AND mk.legacy_key = x.history_no || '/' || x.event
JOIN wb.stg_keymap rk ON rk.table_name = 'CI_REG' AND rk.legacy_key = h.meter_no || '/' || CAST(x.register_no AS VARCHAR)
WHERE x._wave = $wave
