-- CC&B: a person has exactly one primary name (VAL-PER).
SELECT x.PER_ID AS STG_KEY, 'PRIMARY_NAME_COUNT' AS RULE, 'PRIM_NAME_SW' AS COLUMN_NAME,
       CAST(COALESCE(n.cnt, 0) AS {varchar[10]}) AS VAL,
       'person has ' || CAST(COALESCE(n.cnt, 0) AS {varchar[10]}) || ' primary names; CC&B needs exactly one' AS MESSAGE
FROM {stg}.CI_PER x
LEFT JOIN (SELECT PER_ID, COUNT(*) AS cnt FROM {stg}.CI_PER_NAME WHERE PRIM_NAME_SW = 'Y' GROUP BY PER_ID) n
  ON n.PER_ID = x.PER_ID
WHERE {wave_rows} AND COALESCE(n.cnt, 0) <> 1
