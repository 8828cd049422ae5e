-- step 9: MDM SP types (BO X1D-ServicePointType) from the CC&B SP types the master configuration maps
SELECT m.MDM_CODE AS D1_SP_TYPE_CD, MIN(m.SVC_TYPE_CD) AS D1_SVC_TYPE_CD, MIN(m.CATEGORY) AS SP_CATEGORY_FLG,
       MIN(m.DESCR100) AS DESCR100
FROM {tm} m WHERE m.KIND = 'SP_TYPE' GROUP BY m.MDM_CODE
