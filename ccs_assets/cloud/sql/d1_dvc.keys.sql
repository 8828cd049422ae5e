-- step 11: every CC&B meter and item of the wave; its type must be in the master configuration (also decides W1_ASSET)
SELECT 'CI_MTR' AS CCB_TABLE, x.MTR_ID AS CCB_KEY,
       CASE WHEN m.MDM_CODE IS NULL THEN 'UNMAPPED_TYPE' END AS RULE, 'MTR_TYPE_CD' AS COLUMN_NAME,
       TRIM(x.MTR_TYPE_CD) AS VAL,
       'CC&B meter type ' || TRIM(x.MTR_TYPE_CD) || ' is not in the master configuration (meter_type.csv)' AS MESSAGE
FROM {prod}.CI_MTR x
LEFT JOIN {tm} m ON m.KIND = 'MTR_TYPE' AND m.CCB_CODE = TRIM(x.MTR_TYPE_CD)
WHERE x.MTR_ID IN {own[CI_MTR]}
UNION ALL
SELECT 'CI_ITEM', x.ITEM_ID, CASE WHEN m.MDM_CODE IS NULL THEN 'UNMAPPED_TYPE' END, 'ITEM_TYPE_CD', TRIM(x.ITEM_TYPE_CD),
       'CC&B item type ' || TRIM(x.ITEM_TYPE_CD) || ' is not in the master configuration (item_type.csv)'
FROM {prod}.CI_ITEM x
LEFT JOIN {tm} m ON m.KIND = 'ITEM_TYPE' AND m.CCB_CODE = TRIM(x.ITEM_TYPE_CD)
WHERE x.ITEM_ID IN {own[CI_ITEM]}
