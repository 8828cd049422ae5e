-- step 9: usage subscription types from CC&B SA types (SA Type Mapping)
SELECT m.MDM_CODE AS US_TYPE_CD, MIN(m.DESCR100) AS DESCR100
FROM {tm} m WHERE m.KIND = 'SA_TYPE' GROUP BY m.MDM_CODE
