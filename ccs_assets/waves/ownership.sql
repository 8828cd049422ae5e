-- What wave $wave's snapshot says each wave owns (legacy-interface.md, "Waves: what a wave owns").
-- Earliest wave (by name) wins; accounts missing from the plan, and what only they reach, get no owner.
INSERT INTO wb.ownership
WITH RECURSIVE
plan AS (
    SELECT acct_no, min(wave) AS wave FROM legacy.wave_plan
    WHERE _wave = $wave AND acct_no IS NOT NULL AND regexp_full_match(coalesce(wave, ''), '[a-z0-9_-]{1,30}')
    GROUP BY acct_no HAVING count(*) = 1
),
acct AS (
    SELECT DISTINCT a.acct_no, p.wave FROM legacy.accounts a JOIN plan p ON p.acct_no = a.acct_no WHERE a._wave = $wave
),
per AS (
    SELECT a.main_cust_no AS k, p.wave FROM legacy.accounts a JOIN acct p ON p.acct_no = a.acct_no
    WHERE a._wave = $wave AND a.main_cust_no IS NOT NULL
    UNION ALL
    SELECT x.cust_no, p.wave FROM legacy.account_parties x JOIN acct p ON p.acct_no = x.acct_no
    WHERE x._wave = $wave AND x.cust_no IS NOT NULL
),
sa AS (
    SELECT s.sa_no AS k, s.sp_no, p.wave FROM legacy.service_agreements s JOIN acct p ON p.acct_no = s.acct_no
    WHERE s._wave = $wave AND s.sa_no IS NOT NULL
),
sp AS (SELECT sp_no AS k, wave FROM sa WHERE sp_no IS NOT NULL),
prem(k, wave, depth) AS (
    SELECT s.premise_no, sp.wave, 0 FROM legacy.service_points s JOIN sp ON sp.k = s.sp_no
    WHERE s._wave = $wave AND s.premise_no IS NOT NULL
    UNION
    SELECT a.mailing_premise_no, p.wave, 0 FROM legacy.accounts a JOIN acct p ON p.acct_no = a.acct_no
    WHERE a._wave = $wave AND a.mailing_premise_no IS NOT NULL
    UNION
    SELECT x.parent_premise_no, prem.wave, prem.depth + 1 FROM prem
    JOIN legacy.premises x ON x._wave = $wave AND x.premise_no = prem.k
    WHERE x.parent_premise_no IS NOT NULL AND prem.depth < 30
)
SELECT $wave, entity, k, min(wave) FROM (
    SELECT 'accounts' AS entity, acct_no AS k, wave FROM acct
    UNION ALL SELECT 'customers', k, wave FROM per
    UNION ALL SELECT 'service_agreements', k, wave FROM sa
    UNION ALL SELECT 'service_points', k, wave FROM sp
    UNION ALL SELECT 'premises', k, wave FROM prem
) GROUP BY entity, k
