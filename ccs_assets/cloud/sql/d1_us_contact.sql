-- step 10: the main customer of the SA's account is the US contact
SELECT ku.MDM_KEY AS US_ID, kc.MDM_KEY AS CONTACT_ID, :us_contact_rel_flg AS US_CNTCT_REL_FLG
FROM {prod}.CI_SA sa
JOIN {km} ku ON ku.MDM_TABLE = 'D1_US' AND ku.CCB_TABLE = 'CI_SA' AND ku.CCB_KEY = sa.SA_ID AND ku.WAVE = :wave
JOIN {prod}.CI_ACCT_PER ap ON ap.ACCT_ID = sa.ACCT_ID AND ap.MAIN_CUST_SW = 'Y'
JOIN {km} kc ON kc.MDM_TABLE = 'D1_CONTACT' AND kc.CCB_TABLE = 'CI_PER' AND kc.CCB_KEY = ap.PER_ID
