-- step 10: CI_SA_SP -> D1_US_SP; the SP may belong to an earlier wave
SELECT ku.MDM_KEY AS US_ID, ks.MDM_KEY AS D1_SP_ID, ss.START_DTTM AS START_DTTM, ss.STOP_DTTM AS D1_STOP_DTTM,
       ss.USE_PCT AS USE_PERCENT, :us_sp_usage_flg AS D1_USAGE_FLG
FROM {prod}.CI_SA_SP ss
JOIN {km} ku ON ku.MDM_TABLE = 'D1_US' AND ku.CCB_TABLE = 'CI_SA' AND ku.CCB_KEY = ss.SA_ID AND ku.WAVE = :wave
JOIN {km} ks ON ks.MDM_TABLE = 'D1_SP' AND ks.CCB_TABLE = 'CI_SP' AND ks.CCB_KEY = ss.SP_ID
