-- step 9: measuring component types from CC&B register unit of measure / time of use
SELECT m.MDM_CODE AS MEASR_COMP_TYPE_CD, MIN(m.CCB_CODE) AS UOM_CD,
       CASE WHEN MIN(m.CCB_CODE2) = '*' THEN ' ' ELSE MIN(m.CCB_CODE2) END AS TOU_CD, MIN(m.DESCR100) AS DESCR100
FROM {tm} m WHERE m.KIND = 'REG_UOM_TOU' GROUP BY m.MDM_CODE
