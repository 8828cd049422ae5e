-- step 12: an asset's BO status follows its life: RETIRED stays, INSTALLED when its latest disposition is installed,
-- INSTORE otherwise; in service from its first install
UPDATE {prod}.W1_ASSET w SET
  BO_STATUS_CD = CASE WHEN TRIM(w.BO_STATUS_CD) = 'RETIRED' THEN 'RETIRED'
                      WHEN EXISTS (SELECT 1 FROM {prod}.W1_ASSET_NODE n WHERE n.ASSET_ID = w.ASSET_ID
                                   AND n.CURR_ASSET_ID = w.ASSET_ID AND n.ASSET_DPOS_FLG = :dpos_installed) THEN 'INSTALLED'
                      ELSE 'INSTORE' END,
  IN_SERVICE_DT = (SELECT MIN(CAST(n.EFF_DTTM AS DATE)) FROM {prod}.W1_ASSET_NODE n
                   WHERE n.ASSET_ID = w.ASSET_ID AND n.ASSET_DPOS_FLG = :dpos_installed)
WHERE w.ASSET_ID IN (SELECT tt.ASSET_ID FROM ({{w1_asset_node.touched}}) tt)
