-- CC&B: a person has exactly one primary name (VAL-PER).
SELECT x.PER_ID AS STG_KEY, 'PRIMARY_NAME_COUNT' AS RULE, 'PRIM_NAME_SW' AS COLUMN_NAME,
       CAST(COALESCE(n.cnt, 0) AS {varchar[10]}) AS VAL,
       'person has ' || CAST(COALESCE(n.cnt, 0) AS {varchar[10]}) || ' primary names; CC&B needs exactly one' AS MESSAGE
FROM {stg}.CI_PER x
LEFT JOIN (SELECT PER_ID, COUNT(*) AS cnt FROM {stg}.CI_PER_NAME WHERE PRIM_NAME_SW = 'Y' GROUP BY PER_ID) n
  ON n.PER_ID = x.PER_ID
WHERE {wave_rows} AND COALESCE(n.cnt, 0) <> 1
UNION ALL
-- CC&B: a person's identifiers have exactly one primary (VAL-PER, C S10), whenever it has any.
SELECT x.PER_ID AS STG_KEY, 'PRIMARY_ID_COUNT' AS RULE, 'PRIM_SW' AS COLUMN_NAME,
       CAST(i.prim AS {varchar[10]}) AS VAL,
       'person has ' || CAST(i.prim AS {varchar[10]}) || ' primary identifiers among ' || CAST(i.cnt AS {varchar[10]}) || '; CC&B needs exactly one' AS MESSAGE
FROM {stg}.CI_PER x
JOIN (SELECT PER_ID, COUNT(*) AS cnt, SUM(CASE WHEN PRIM_SW = 'Y' THEN 1 ELSE 0 END) AS prim
      FROM {stg}.CI_PER_ID GROUP BY PER_ID) i ON i.PER_ID = x.PER_ID
WHERE {wave_rows} AND i.prim <> 1
UNION ALL
-- At least one identifier only where the installation requires it (a CC&B installation option: setting CCS_PERSON_ID_REQUIRED).
SELECT x.PER_ID AS STG_KEY, 'PERSON_ID_REQUIRED' AS RULE, 'PER_ID_NBR' AS COLUMN_NAME, {varchar_null} AS VAL,
       'person has no identifier; the installation requires one (CCS_PERSON_ID_REQUIRED)' AS MESSAGE
FROM {stg}.CI_PER x
WHERE {wave_rows} AND :person_id_required = 'Y'
  AND NOT EXISTS (SELECT 1 FROM {stg}.CI_PER_ID i WHERE i.PER_ID = x.PER_ID)
