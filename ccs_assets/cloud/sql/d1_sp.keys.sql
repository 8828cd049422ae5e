-- step 10: every CC&B SP of the wave; its SP type must be in the master configuration
SELECT 'CI_SP' AS CCB_TABLE, x.SP_ID AS CCB_KEY,
       CASE WHEN m.MDM_CODE IS NULL THEN 'UNMAPPED_TYPE' END AS RULE, 'SP_TYPE_CD' AS COLUMN_NAME,
       TRIM(x.SP_TYPE_CD) AS VAL,
       'CC&B SP type ' || TRIM(x.SP_TYPE_CD) || ' is not in the master configuration (sp_type.csv)' AS MESSAGE
FROM {prod}.CI_SP x
LEFT JOIN {tm} m ON m.KIND = 'SP_TYPE' AND m.CCB_CODE = TRIM(x.SP_TYPE_CD)
WHERE x.SP_ID IN {own[CI_SP]}
