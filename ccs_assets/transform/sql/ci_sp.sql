-- Step 1: legacy service points -> CI_SP; SP type from (premise division, service type, SP kind).
SELECT
    k.stg_key AS SP_ID,
    pk.stg_key AS PREM_ID,
    mt.ccb_value AS SP_TYPE_CD,
    CASE x.status WHEN 'ACTIVE' THEN 'R' ELSE 'I' END AS SP_STATUS_FLG,
    x.install_date AS INSTALL_DT,
    NULL AS ABOLISH_DT,
    ' ' AS SP_SRC_STATUS_FLG,
    coalesce(mc.ccb_value, ' ') AS MR_CYC_CD,
    blank(x.read_route) AS MR_RTE_CD,
    coalesce(x.read_sequence, 0) AS MR_CYC_RTE_SEQ,
    coalesce(ml.ccb_value, ' ') AS MTR_LOC_CD,
    ' ' AS MTR_LOC_DETAILS,
    1 AS VERSION,
    x.sp_no AS _legacy_key, x._line
FROM legacy.service_points x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'service_points' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_SP' AND k.legacy_key = x.sp_no
JOIN wb.stg_keymap pk ON pk.table_name = 'CI_PREM' AND pk.legacy_key = x.premise_no
JOIN (SELECT premise_no, any_value(division) AS division FROM legacy.premises WHERE _wave = $wave GROUP BY premise_no) p
  ON p.premise_no = x.premise_no
JOIN cfg.map_sp_type mt ON mt.division = p.division AND mt.service_type = x.service_type AND mt.sp_kind = x.sp_kind
LEFT JOIN cfg.map_read_cycle mc ON mc.read_cycle = x.read_cycle
LEFT JOIN cfg.map_meter_location ml ON ml.meter_location = x.meter_location
WHERE x._wave = $wave
