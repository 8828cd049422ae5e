-- A history migrates with both of its events: an event whose meter read was rejected rejects the history.
SELECT x.SP_MTR_HIST_ID AS STG_KEY, 'EVENT_READ_NOT_MIGRATED' AS RULE, 'MR_ID' AS COLUMN_NAME, e.MR_ID AS VAL,
       'event ' || e.SP_MTR_EVT_FLG || ' of this history has meter read ' || e.MR_ID || ', which has no production key' AS MESSAGE
FROM {stg}.CI_SP_MTR_HIST x
JOIN {stg}.CI_SP_MTR_EVT e ON e.SP_MTR_HIST_ID = x.SP_MTR_HIST_ID
WHERE {wave_rows} AND NOT EXISTS (SELECT 1 FROM {stg}.CK_MR m WHERE m.OLD_KEY = e.MR_ID)
