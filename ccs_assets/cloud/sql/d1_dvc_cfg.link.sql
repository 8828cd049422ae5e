-- scenario 6: a CC&B meter configuration the clone holds: the configuration of the meter's clone device (D1EI) with
-- the same effective time; an item's: its clone device's configuration
SELECT 'CI_MTR_CONFIG' AS CCB_TABLE, c.MTR_CONFIG_ID AS CCB_KEY, g.DEVICE_CONFIG_ID AS MDM_KEY
FROM {prod}.CI_MTR_CONFIG c
JOIN {prod}.D1_DVC_IDENTIFIER i ON i.DVC_ID_TYPE_FLG = 'D1EI' AND TRIM(i.ID_VALUE) = TRIM(c.MTR_ID)
JOIN {prod}.D1_DVC_CFG g ON g.D1_DEVICE_ID = i.D1_DEVICE_ID AND g.EFF_DTTM = c.EFF_DTTM
WHERE c.MTR_CONFIG_ID IN {own[CI_MTR_CONFIG]} AND g.DEVICE_CONFIG_ID IN {clone[D1_DVC_CFG]}
UNION ALL
SELECT 'CI_ITEM', x.ITEM_ID, g.DEVICE_CONFIG_ID
FROM {prod}.CI_ITEM x
JOIN {prod}.D1_DVC_IDENTIFIER i ON i.DVC_ID_TYPE_FLG = 'D1EI' AND TRIM(i.ID_VALUE) = TRIM(x.ITEM_ID)
JOIN {prod}.D1_DVC_CFG g ON g.D1_DEVICE_ID = i.D1_DEVICE_ID
WHERE x.ITEM_ID IN {own[CI_ITEM]} AND g.DEVICE_CONFIG_ID IN {clone[D1_DVC_CFG]}
