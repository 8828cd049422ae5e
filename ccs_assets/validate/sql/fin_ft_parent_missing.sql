-- FTs of the wave's accounts of types {types} whose {column} finds no {table}.{key} in production.
SELECT s.ACCT_ID AS ACCT_ID, f.FT_ID AS FT_ID, f.FT_TYPE_FLG AS FT_TYPE_FLG, '{table}' AS MISSING_IN, f.{column} AS MISSING_KEY
FROM {schema}.CI_FT f
JOIN {schema}.CI_SA s ON s.SA_ID = f.SA_ID
WHERE s.ACCT_ID IN ({accounts}) AND f.FT_TYPE_FLG IN ({types})
  AND NOT EXISTS (SELECT 1 FROM {schema}.{table} p WHERE p.{key} = f.{column})
