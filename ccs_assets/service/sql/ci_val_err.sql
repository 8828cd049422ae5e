-- Validation errors now in the service's staging error table, aggregated per table and message (small result).
-- CI_VAL_ERR holds the errors of what staging holds now (a maintenance object's rows are deleted when its
-- validation batch starts). Column names are inferred: verify them in the service and edit this file.
SELECT e.TBL_NAME AS TABLE_NAME,
       e.MESSAGE_CAT_NBR AS MESSAGE_CAT_NBR,
       e.MESSAGE_NBR AS MESSAGE_NBR,
       MIN(e.EXPANDED_MSG) AS EXAMPLE_MESSAGE,
       COUNT(*) AS ERRORS
FROM {stg}.CI_VAL_ERR e
GROUP BY e.TBL_NAME, e.MESSAGE_CAT_NBR, e.MESSAGE_NBR
ORDER BY e.TBL_NAME, e.MESSAGE_CAT_NBR, e.MESSAGE_NBR
