-- A meter read exists for its history's install or removal event: it is accepted only when that history can be
-- migrated too (its SP has a production key), so production never holds a read of an event that is not there.
SELECT x.MR_ID AS STG_KEY, 'HISTORY_NOT_MIGRATED' AS RULE, 'MR_ID' AS COLUMN_NAME, h.SP_ID AS VAL,
       'the meter history of this read is at SP ' || h.SP_ID || ', which has no production key' AS MESSAGE
FROM {stg}.CI_MR x
JOIN {stg}.CI_SP_MTR_EVT e ON e.MR_ID = x.MR_ID
JOIN {stg}.CI_SP_MTR_HIST h ON h.SP_MTR_HIST_ID = e.SP_MTR_HIST_ID
WHERE {wave_rows} AND NOT EXISTS (SELECT 1 FROM {stg}.CK_SP p WHERE p.OLD_KEY = h.SP_ID)
