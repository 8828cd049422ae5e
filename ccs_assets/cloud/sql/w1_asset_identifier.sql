-- step 11: W1BN badge, W1SN serial (when CC&B has one): the asset side of the device-asset binding (the device side is
-- D1_DVC_IDENTIFIER D1AS); the MDM device id is not stored as an "external" W1EI identifier (unsupported by the reference)
SELECT k.MDM_KEY AS ASSET_ID, 'W1BN' AS ASSET_ID_TYPE_FLG, {or_blank[TRIM(x.BADGE_NBR)]} AS W1_ID_VALUE
FROM {prod}.CI_MTR x
JOIN {km} k ON k.MDM_TABLE = 'W1_ASSET' AND k.CCB_TABLE = 'CI_MTR' AND k.CCB_KEY = x.MTR_ID AND k.WAVE = :wave
UNION ALL
SELECT k.MDM_KEY, 'W1SN', {or_blank[TRIM(x.SERIAL_NBR)]}
FROM {prod}.CI_MTR x
JOIN {km} k ON k.MDM_TABLE = 'W1_ASSET' AND k.CCB_TABLE = 'CI_MTR' AND k.CCB_KEY = x.MTR_ID AND k.WAVE = :wave
WHERE NOT {blank[x.SERIAL_NBR]}
UNION ALL
SELECT k.MDM_KEY, 'W1BN', {or_blank[TRIM(x.BADGE_NBR)]}
FROM {prod}.CI_ITEM x
JOIN {km} k ON k.MDM_TABLE = 'W1_ASSET' AND k.CCB_TABLE = 'CI_ITEM' AND k.CCB_KEY = x.ITEM_ID AND k.WAVE = :wave
UNION ALL
SELECT k.MDM_KEY, 'W1SN', {or_blank[TRIM(x.SERIAL_NBR)]}
FROM {prod}.CI_ITEM x
JOIN {km} k ON k.MDM_TABLE = 'W1_ASSET' AND k.CCB_TABLE = 'CI_ITEM' AND k.CCB_KEY = x.ITEM_ID AND k.WAVE = :wave
WHERE NOT {blank[x.SERIAL_NBR]}
