-- step 10: every CC&B SP becomes an ODM node (asset location)
SELECT k.MDM_KEY AS NODE_ID, :sp_node_bo AS BUS_OBJ_CD,
       {left100[TRIM(pr.ADDRESS1) || ', ' || TRIM(pr.CITY) || ' (SP ' || TRIM(sp.SP_ID) || ')']} AS DESCR100
FROM {prod}.CI_SP sp
JOIN {km} k ON k.MDM_TABLE = 'W1_NODE' AND k.CCB_TABLE = 'CI_SP' AND k.CCB_KEY = sp.SP_ID AND k.WAVE = :wave
JOIN {prod}.CI_PREM pr ON pr.PREM_ID = sp.PREM_ID
