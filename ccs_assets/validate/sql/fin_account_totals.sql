-- Per account of the wave: bills, payments and their total (cents), GL lines of its SAs' FTs.
SELECT a.ACCT_ID AS ACCT_ID,
       (SELECT COUNT(*) FROM {schema}.CI_BILL b WHERE b.ACCT_ID = a.ACCT_ID{bill_kept}) AS BILLS,
       (SELECT COUNT(*) FROM {schema}.CI_PAY p WHERE p.ACCT_ID = a.ACCT_ID{pay_kept}) AS PAYMENTS,
       (SELECT CAST(COALESCE(SUM(p.PAY_AMT), 0) * 100 AS {cents}) FROM {schema}.CI_PAY p WHERE p.ACCT_ID = a.ACCT_ID{pay_kept}) AS PAY_CENTS,
       (SELECT COUNT(*) FROM {schema}.CI_FT_GL g JOIN {schema}.CI_FT f ON f.FT_ID = g.FT_ID
          JOIN {schema}.CI_SA s ON s.SA_ID = f.SA_ID WHERE s.ACCT_ID = a.ACCT_ID{ft_kept}) AS GL_LINES
FROM {schema}.CI_ACCT a
WHERE a.ACCT_ID IN ({accounts})
