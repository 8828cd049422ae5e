-- (local DuckDB) accounts whose bill count, payment count or payment total differ ({what}), or are on one side only.
SELECT coalesce(s.ACCT_ID, t.ACCT_ID) AS ACCT_ID, s.BILLS AS SRC_BILLS, t.BILLS AS TGT_BILLS, s.PAYMENTS AS SRC_PAYMENTS,
       t.PAYMENTS AS TGT_PAYMENTS, s.PAY_CENTS AS SRC_PAY, t.PAY_CENTS AS TGT_PAY, s.GL_LINES AS SRC_GL_LINES, t.GL_LINES AS TGT_GL_LINES
FROM src s FULL OUTER JOIN tgt t ON t.ACCT_ID = s.ACCT_ID
WHERE {what}
ORDER BY 1
