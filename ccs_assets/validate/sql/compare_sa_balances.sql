-- (local DuckDB) SAs whose frozen-FT sums differ between source (src) and production (tgt), or exist on one side only.
SELECT coalesce(s.ACCT_ID, t.ACCT_ID) AS ACCT_ID, coalesce(s.SA_ID, t.SA_ID) AS SA_ID,
       s.FTS AS SRC_FTS, t.FTS AS TGT_FTS, s.CUR_CENTS AS SRC_CUR, t.CUR_CENTS AS TGT_CUR, s.TOT_CENTS AS SRC_TOT, t.TOT_CENTS AS TGT_TOT
FROM src s FULL OUTER JOIN tgt t ON t.SA_ID = s.SA_ID
WHERE s.CUR_CENTS IS DISTINCT FROM t.CUR_CENTS OR s.TOT_CENTS IS DISTINCT FROM t.TOT_CENTS OR s.ACCT_ID IS DISTINCT FROM t.ACCT_ID
ORDER BY 1, 2
