-- step 11: every CC&B meter configuration of the wave, and one configuration per item (items have none in CC&B)
SELECT 'CI_MTR_CONFIG' AS CCB_TABLE, c.MTR_CONFIG_ID AS CCB_KEY,
       CASE WHEN m.MDM_CODE IS NULL THEN 'UNMAPPED_TYPE' WHEN d.MDM_KEY IS NULL THEN 'PARENT_NOT_MIGRATED' END AS RULE,
       CASE WHEN m.MDM_CODE IS NULL THEN 'MTR_CONFIG_TY_CD' ELSE 'MTR_ID' END AS COLUMN_NAME,
       CASE WHEN m.MDM_CODE IS NULL THEN TRIM(c.MTR_CONFIG_TY_CD) ELSE TRIM(c.MTR_ID) END AS VAL,
       CASE WHEN m.MDM_CODE IS NULL
            THEN 'CC&B meter configuration type ' || TRIM(c.MTR_CONFIG_TY_CD) || ' is not in the master configuration (config_type.csv)'
            ELSE 'meter ' || TRIM(c.MTR_ID) || ' has no MDM device' END AS MESSAGE
FROM {prod}.CI_MTR_CONFIG c
LEFT JOIN {tm} m ON m.KIND = 'MTR_CONFIG_TY' AND m.CCB_CODE = TRIM(c.MTR_CONFIG_TY_CD)
LEFT JOIN {km} d ON d.MDM_TABLE = 'D1_DVC' AND d.CCB_TABLE = 'CI_MTR' AND d.CCB_KEY = c.MTR_ID
WHERE c.MTR_CONFIG_ID IN {own[CI_MTR_CONFIG]}
UNION ALL
SELECT 'CI_ITEM', i.ITEM_ID,
       CASE WHEN m.MDM_CODE IS NULL THEN 'UNMAPPED_TYPE' WHEN d.MDM_KEY IS NULL THEN 'PARENT_NOT_MIGRATED' END,
       'ITEM_TYPE_CD', TRIM(i.ITEM_TYPE_CD),
       CASE WHEN m.MDM_CODE IS NULL
            THEN 'CC&B item type ' || TRIM(i.ITEM_TYPE_CD) || ' has no device configuration type (item_type.csv)'
            ELSE 'item ' || TRIM(i.ITEM_ID) || ' has no MDM device' END
FROM {prod}.CI_ITEM i
LEFT JOIN {tm} m ON m.KIND = 'ITEM_CONFIG_TY' AND m.CCB_CODE = TRIM(i.ITEM_TYPE_CD)
LEFT JOIN {km} d ON d.MDM_TABLE = 'D1_DVC' AND d.CCB_TABLE = 'CI_ITEM' AND d.CCB_KEY = i.ITEM_ID
WHERE i.ITEM_ID IN {own[CI_ITEM]}
