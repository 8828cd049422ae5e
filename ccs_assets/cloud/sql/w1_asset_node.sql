-- step 12: the dispositions of the assets the wave touches, one per asset and EFF_DTTM; the CURR_* pointer on the latest
SELECT e.ASSET_ID AS ASSET_ID, e.EFF_DTTM AS EFF_DTTM, e.ASSET_DPOS_FLG AS ASSET_DPOS_FLG, e.NODE_ID AS NODE_ID,
       CASE WHEN e.LAST_RN = 1 THEN e.ASSET_ID ELSE ' ' END AS CURR_ASSET_ID,
       CASE WHEN e.LAST_RN = 1 THEN e.NODE_ID ELSE ' ' END AS CURR_NODE_ID
FROM (SELECT d.ASSET_ID, d.EFF_DTTM, d.ASSET_DPOS_FLG, d.NODE_ID,
             ROW_NUMBER() OVER (PARTITION BY d.ASSET_ID ORDER BY d.EFF_DTTM DESC) AS LAST_RN
      FROM (SELECT v.ASSET_ID, v.EFF_DTTM, v.ASSET_DPOS_FLG, v.NODE_ID,
                   ROW_NUMBER() OVER (PARTITION BY v.ASSET_ID, v.EFF_DTTM ORDER BY v.PRIO) AS RN
            FROM ({{w1_asset_node.events}}) v
            WHERE v.ASSET_ID IN (SELECT tt.ASSET_ID FROM ({{w1_asset_node.touched}}) tt)) d
      WHERE d.RN = 1) e
