-- FTs of the wave's accounts (what FT-PARENT and FT-GL-NET-ZERO check).
SELECT COUNT(*) AS N
FROM {schema}.CI_FT f
JOIN {schema}.CI_SA s ON s.SA_ID = f.SA_ID
WHERE s.ACCT_ID IN ({accounts})
