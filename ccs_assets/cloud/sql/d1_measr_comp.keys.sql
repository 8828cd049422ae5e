-- step 11: every CC&B register of the wave; its UOM/TOU must be in the master configuration, its configuration migrated
SELECT 'CI_REG' AS CCB_TABLE, r.REG_ID AS CCB_KEY,
       CASE WHEN m.MDM_CODE IS NULL THEN 'UNMAPPED_TYPE' WHEN ck.MDM_KEY IS NULL THEN 'PARENT_NOT_MIGRATED' END AS RULE,
       CASE WHEN m.MDM_CODE IS NULL THEN 'UOM_CD' ELSE 'MTR_ID' END AS COLUMN_NAME,
       CASE WHEN m.MDM_CODE IS NULL THEN TRIM(r.UOM_CD) || '/' || TRIM(r.TOU_CD) ELSE TRIM(r.MTR_ID) END AS VAL,
       CASE WHEN m.MDM_CODE IS NULL
            THEN 'CC&B register UOM/TOU ' || TRIM(r.UOM_CD) || '/' || TRIM(r.TOU_CD) || ' is not in the master configuration (measr_comp_type.csv)'
            ELSE 'the configuration of meter ' || TRIM(r.MTR_ID) || ' has no MDM device configuration' END AS MESSAGE
FROM {prod}.CI_REG r
LEFT JOIN {tm} m ON m.KIND = 'REG_UOM_TOU' AND m.CCB_CODE = TRIM(r.UOM_CD)
     AND m.CCB_CODE2 = CASE WHEN {blank[r.TOU_CD]} THEN '*' ELSE TRIM(r.TOU_CD) END
LEFT JOIN {prod}.CI_MTR_CONFIG c ON c.MTR_ID = r.MTR_ID AND c.EFF_DTTM = r.EFF_DTTM
LEFT JOIN {km} ck ON ck.MDM_TABLE = 'D1_DVC_CFG' AND ck.CCB_TABLE = 'CI_MTR_CONFIG' AND ck.CCB_KEY = c.MTR_CONFIG_ID
WHERE r.REG_ID IN {own[CI_REG]}
