-- CC&B: an account has exactly one main customer (VAL-ACCT), and that person is migrated.
SELECT x.ACCT_ID AS STG_KEY, 'MAIN_CUSTOMER_COUNT' AS RULE, 'MAIN_CUST_SW' AS COLUMN_NAME,
       CAST(COALESCE(m.cnt, 0) AS {varchar[10]}) AS VAL,
       'account has ' || CAST(COALESCE(m.cnt, 0) AS {varchar[10]}) || ' main customers with a migrated person; CC&B needs exactly one' AS MESSAGE
FROM {stg}.CI_ACCT x
LEFT JOIN (SELECT ap.ACCT_ID, COUNT(*) AS cnt FROM {stg}.CI_ACCT_PER ap
           JOIN {stg}.CK_PER p ON p.OLD_KEY = ap.PER_ID
           WHERE ap.MAIN_CUST_SW = 'Y' GROUP BY ap.ACCT_ID) m
  ON m.ACCT_ID = x.ACCT_ID
WHERE {wave_rows} AND COALESCE(m.cnt, 0) <> 1
