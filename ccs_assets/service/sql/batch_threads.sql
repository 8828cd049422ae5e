-- Threads of one batch run with their records processed and in error (CI_BATCH_THD, CI_BATCH_INST).
-- Column names are inferred from public SQL (ccs-batch-submission.md P2): verify against the service.
SELECT t.BATCH_THREAD_NBR AS THREAD_NBR,
       t.THREAD_STATUS AS THREAD_STATUS,
       COALESCE(SUM(i.REC_PROC_CNT), 0) AS RECORDS_PROCESSED,
       COALESCE(SUM(i.REC_ERR_CNT), 0) AS RECORDS_IN_ERROR
FROM {prod}.CI_BATCH_THD t
LEFT JOIN {prod}.CI_BATCH_INST i
  ON i.BATCH_CD = t.BATCH_CD AND i.BATCH_NBR = t.BATCH_NBR AND i.BATCH_RERUN_NBR = t.BATCH_RERUN_NBR
 AND i.BATCH_THREAD_NBR = t.BATCH_THREAD_NBR
WHERE t.BATCH_CD = :batch_cd AND t.BATCH_NBR = :batch_nbr AND t.BATCH_RERUN_NBR = :rerun_nbr
GROUP BY t.BATCH_THREAD_NBR, t.THREAD_STATUS
ORDER BY t.BATCH_THREAD_NBR
