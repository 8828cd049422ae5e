-- FTs of the wave's accounts whose GL lines do not net to zero (normally none), with the net in cents.
SELECT s.ACCT_ID AS ACCT_ID, g.FT_ID AS FT_ID, CAST(SUM(g.AMOUNT) * 100 AS {cents}) AS NET_CENTS
FROM {schema}.CI_FT_GL g
JOIN {schema}.CI_FT f ON f.FT_ID = g.FT_ID
JOIN {schema}.CI_SA s ON s.SA_ID = f.SA_ID
WHERE s.ACCT_ID IN ({accounts}){ft_kept}
GROUP BY s.ACCT_ID, g.FT_ID
HAVING SUM(g.AMOUNT) <> 0
