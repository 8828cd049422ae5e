-- FTs of the wave's accounts whose FT_TYPE_FLG names no parent the catalog knows.
SELECT s.ACCT_ID AS ACCT_ID, f.FT_ID AS FT_ID, f.FT_TYPE_FLG AS FT_TYPE_FLG, 'FT_TYPE_FLG' AS MISSING_IN, f.SIBLING_ID AS MISSING_KEY
FROM {schema}.CI_FT f
JOIN {schema}.CI_SA s ON s.SA_ID = f.SA_ID
WHERE s.ACCT_ID IN ({accounts}) AND f.FT_TYPE_FLG NOT IN ({types})
