-- Step 3: legacy meter history -> CI_SP_MTR_HIST: the meter's configuration installed at the SP.
SELECT
    k.stg_key AS SP_MTR_HIST_ID,
    sk.stg_key AS SP_ID,
    ck.stg_key AS MTR_CONFIG_ID,
    coalesce(x.install_constant, 1) AS INSTALL_CONST,
    x.removed_at AS REMOVAL_DTTM,
    1 AS VERSION,
    x.history_no AS _legacy_key, x._line
FROM legacy.meter_history x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'meter_history' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_SP_MTR_HIST' AND k.legacy_key = x.history_no
JOIN wb.stg_keymap sk ON sk.table_name = 'CI_SP' AND sk.legacy_key = x.sp_no
JOIN wb.stg_keymap ck ON ck.table_name = 'CI_MTR_CONFIG' AND ck.legacy_key = x.meter_no
WHERE x._wave = $wave
