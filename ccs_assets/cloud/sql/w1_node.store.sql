-- step 9: the store node received and removed assets sit at (master configuration setting store_node)
SELECT k.MDM_KEY AS NODE_ID, b.MDM_CODE AS BUS_OBJ_CD, d.DESCR100 AS DESCR100
FROM {km} k
JOIN {tm} b ON b.KIND = 'SETTING' AND b.CCB_CODE = 'store_node_bo'
JOIN {tm} d ON d.KIND = 'SETTING' AND d.CCB_CODE = 'store_node_descr'
WHERE k.WAVE = :wave AND k.CCB_TABLE = 'STORE' AND k.MDM_TABLE = 'W1_NODE'
