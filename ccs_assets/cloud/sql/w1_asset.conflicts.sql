-- scenario 6: a meter or item the wave linked whose clone device is bound (D1AS) to an asset with another badge
-- (W1BN): the device is bound to another meter's asset; listed with both keys, never rebound
SELECT 'BOUND_TO_OTHER_ASSET' AS RULE, l.MDM_KEY AS MDM_KEY, l.CCB_TABLE AS CCB_TABLE, l.CCB_KEY AS CCB_KEY,
       'CC&B ' || l.CCB_TABLE || ' ' || TRIM(l.CCB_KEY) || ' (badge ' || TRIM(x.BADGE_NBR) || ') is bound in MDM to asset '
       || TRIM(l.MDM_KEY) || ' whose badge is ' || TRIM(b.W1_ID_VALUE) AS MESSAGE
FROM {lk} l
JOIN (SELECT 'CI_MTR' AS CCB_TABLE, MTR_ID AS K, BADGE_NBR FROM {prod}.CI_MTR
      UNION ALL SELECT 'CI_ITEM', ITEM_ID, BADGE_NBR FROM {prod}.CI_ITEM) x ON x.CCB_TABLE = l.CCB_TABLE AND x.K = l.CCB_KEY
JOIN {prod}.W1_ASSET_IDENTIFIER b ON b.ASSET_ID = l.MDM_KEY AND b.ASSET_ID_TYPE_FLG = 'W1BN'
WHERE l.WAVE = :wave AND l.MDM_TABLE = 'W1_ASSET' AND TRIM(b.W1_ID_VALUE) <> TRIM(x.BADGE_NBR)
