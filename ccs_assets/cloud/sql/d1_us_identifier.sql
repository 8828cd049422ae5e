-- step 10: D2EI = CC&B SA_ID, D2EA = CC&B ACCT_ID (externalAccountId)
SELECT k.MDM_KEY AS US_ID, 'D2EI' AS US_ID_TYPE_FLG, {or_blank[TRIM(sa.SA_ID)]} AS ID_VALUE
FROM {prod}.CI_SA sa
JOIN {km} k ON k.MDM_TABLE = 'D1_US' AND k.CCB_TABLE = 'CI_SA' AND k.CCB_KEY = sa.SA_ID AND k.WAVE = :wave
UNION ALL
SELECT k.MDM_KEY, 'D2EA', {or_blank[TRIM(sa.ACCT_ID)]}
FROM {prod}.CI_SA sa
JOIN {km} k ON k.MDM_TABLE = 'D1_US' AND k.CCB_TABLE = 'CI_SA' AND k.CCB_KEY = sa.SA_ID AND k.WAVE = :wave
