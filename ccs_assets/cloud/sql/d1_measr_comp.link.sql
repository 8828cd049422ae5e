-- scenario 6: a CC&B register the clone holds: the measuring component with its read sequence on the configuration
-- its meter's clone device has from the register's effective time
SELECT 'CI_REG' AS CCB_TABLE, r.REG_ID AS CCB_KEY, m.MEASR_COMP_ID AS MDM_KEY
FROM {prod}.CI_REG r
JOIN {prod}.D1_DVC_IDENTIFIER i ON i.DVC_ID_TYPE_FLG = 'D1EI' AND TRIM(i.ID_VALUE) = TRIM(r.MTR_ID)
JOIN {prod}.D1_DVC_CFG g ON g.D1_DEVICE_ID = i.D1_DEVICE_ID AND g.EFF_DTTM = r.EFF_DTTM
JOIN {prod}.D1_MEASR_COMP m ON m.DEVICE_CONFIG_ID = g.DEVICE_CONFIG_ID AND m.D1_READ_SEQ = r.READ_SEQ
WHERE r.REG_ID IN {own[CI_REG]} AND m.MEASR_COMP_ID IN {clone[D1_MEASR_COMP]}
