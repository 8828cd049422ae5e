-- Per SA of the wave's accounts: frozen FTs, their CUR_AMT and TOT_AMT in cents (exact on every engine).
-- {schema}: CC&B schema of this side; {accounts}: SELECT of the wave's ACCT_IDs on this side; {cents}: whole-number type;
-- {ft_kept} (and {bill_kept}, {pay_kept} elsewhere): on the source, leaves out the keys the wave rejected (empty on production).
SELECT s.ACCT_ID AS ACCT_ID, f.SA_ID AS SA_ID, COUNT(*) AS FTS,
       CAST(SUM(f.CUR_AMT) * 100 AS {cents}) AS CUR_CENTS, CAST(SUM(f.TOT_AMT) * 100 AS {cents}) AS TOT_CENTS
FROM {schema}.CI_FT f
JOIN {schema}.CI_SA s ON s.SA_ID = f.SA_ID
WHERE f.FREEZE_SW = 'Y' AND s.ACCT_ID IN ({accounts}){ft_kept}
GROUP BY s.ACCT_ID, f.SA_ID
