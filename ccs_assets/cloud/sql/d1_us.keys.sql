-- step 10: every CC&B SA of the wave; its SA type must be in the SA Type Mapping
SELECT 'CI_SA' AS CCB_TABLE, x.SA_ID AS CCB_KEY,
       CASE WHEN m.MDM_CODE IS NULL THEN 'UNMAPPED_TYPE' END AS RULE, 'SA_TYPE_CD' AS COLUMN_NAME,
       TRIM(x.SA_TYPE_CD) AS VAL,
       'CC&B SA type ' || TRIM(x.SA_TYPE_CD) || ' is not in the SA Type Mapping (sa_type.csv)' AS MESSAGE
FROM {prod}.CI_SA x
LEFT JOIN {tm} m ON m.KIND = 'SA_TYPE' AND m.CCB_CODE = TRIM(x.SA_TYPE_CD)
WHERE x.SA_ID IN {own[CI_SA]}
