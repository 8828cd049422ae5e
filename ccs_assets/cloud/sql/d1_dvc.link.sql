-- scenario 6: a CC&B meter or item the MSCS clone already holds: the clone device whose D1EI (external id) identifier
-- is the MTR_ID / ITEM_ID (what the CC&B-MDM integration stores; that it holds the CC&B key is inferred)
SELECT 'CI_MTR' AS CCB_TABLE, x.MTR_ID AS CCB_KEY, i.D1_DEVICE_ID AS MDM_KEY
FROM {prod}.CI_MTR x
JOIN {prod}.D1_DVC_IDENTIFIER i ON i.DVC_ID_TYPE_FLG = 'D1EI' AND TRIM(i.ID_VALUE) = TRIM(x.MTR_ID)
WHERE x.MTR_ID IN {own[CI_MTR]} AND i.D1_DEVICE_ID IN {clone[D1_DVC]}
UNION ALL
SELECT 'CI_ITEM', x.ITEM_ID, i.D1_DEVICE_ID
FROM {prod}.CI_ITEM x
JOIN {prod}.D1_DVC_IDENTIFIER i ON i.DVC_ID_TYPE_FLG = 'D1EI' AND TRIM(i.ID_VALUE) = TRIM(x.ITEM_ID)
WHERE x.ITEM_ID IN {own[CI_ITEM]} AND i.D1_DEVICE_ID IN {clone[D1_DVC]}
