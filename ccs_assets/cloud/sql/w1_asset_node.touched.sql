-- step 12: assets whose disposition history the wave (re)builds: the assets it owns and those its histories move;
-- never an asset the target already held (scenario 6 links it: its history stays the clone's)
SELECT tt.ASSET_ID FROM (
SELECT a.MDM_KEY AS ASSET_ID FROM {km} a WHERE a.MDM_TABLE = 'W1_ASSET' AND a.WAVE = :wave
UNION
SELECT a.MDM_KEY FROM {prod}.CI_SP_MTR_HIST h
JOIN {prod}.CI_MTR_CONFIG c ON c.MTR_CONFIG_ID = h.MTR_CONFIG_ID
JOIN {km} a ON a.MDM_TABLE = 'W1_ASSET' AND a.CCB_TABLE = 'CI_MTR' AND a.CCB_KEY = c.MTR_ID
WHERE h.SP_MTR_HIST_ID IN {own[CI_SP_MTR_HIST]}
UNION
SELECT a.MDM_KEY FROM {prod}.CI_SP_ITEM_HIST h
JOIN {km} a ON a.MDM_TABLE = 'W1_ASSET' AND a.CCB_TABLE = 'CI_ITEM' AND a.CCB_KEY = h.ITEM_ID
WHERE h.SP_ITEM_HIST_ID IN {own[CI_SP_ITEM_HIST]}
) tt WHERE tt.ASSET_ID NOT IN (SELECT l.MDM_KEY FROM {lk} l WHERE l.MDM_TABLE = 'W1_ASSET')
