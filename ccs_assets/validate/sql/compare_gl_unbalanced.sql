-- (local DuckDB) FTs unbalanced in production whose source GL lines net to zero (or that the source does not have).
SELECT t.ACCT_ID, t.FT_ID, t.NET_CENTS AS TGT_NET
FROM tgt t WHERE NOT EXISTS (SELECT 1 FROM src s WHERE s.FT_ID = t.FT_ID AND s.NET_CENTS = t.NET_CENTS)
ORDER BY 1, 2
