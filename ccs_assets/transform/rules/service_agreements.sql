SELECT _rec, 'DATE_ORDER', 'end_date', CAST(end_date AS VARCHAR), 'end_date ' || end_date || ' is before start_date ' || start_date
FROM legacy.service_agreements WHERE _wave = $wave AND end_date < start_date;
SELECT x._rec, 'UNMAPPED_CODE', 'rate_code', a.division || '/' || x.rate_code,
       '(division, rate_code) ''' || a.division || '/' || x.rate_code || ''' has no row in code map sa_type.csv'
FROM legacy.service_agreements x
JOIN (SELECT acct_no, any_value(division) AS division FROM legacy.accounts WHERE _wave = $wave GROUP BY acct_no) a
  ON a.acct_no = x.acct_no
WHERE x._wave = $wave AND a.division IS NOT NULL AND x.rate_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM cfg.map_sa_type m WHERE m.division = a.division AND m.rate_code = x.rate_code);
