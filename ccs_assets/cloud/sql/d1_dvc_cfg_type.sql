-- step 9: device configuration types from CC&B meter configuration types and item types
SELECT m.MDM_CODE AS DEVICE_CONFIG_TYPE_CD, MIN(m.SVC_TYPE_CD) AS D1_SVC_TYPE_CD, MIN(m.DESCR100) AS DESCR100
FROM {tm} m WHERE m.KIND IN ('MTR_CONFIG_TY', 'ITEM_CONFIG_TY') GROUP BY m.MDM_CODE
