-- Scenario 5: which wave owns each CC&B transactional key (runs after ccb_ownership.sql, appends to
-- wb.source_owner). Transactions follow their account: a bill its account, a bill segment its bill, an
-- adjustment and an FT their SA, a payment its account, a payment event the earliest of its payments, a tender
-- its payment event, a pay segment its payment. Rows no account reaches go with the first wave.
INSERT INTO wb.source_owner
WITH
first_wave AS (SELECT coalesce(min(wave), 'all') AS wave FROM wb.source_plan),
acct AS (SELECT k, wave FROM wb.source_owner WHERE entity = 'CI_ACCT'),
sa AS (SELECT k, wave FROM wb.source_owner WHERE entity = 'CI_SA'),
bill AS (
    SELECT b.BILL_ID AS k, coalesce(a.wave, f.wave) AS wave FROM {CI_BILL} b CROSS JOIN first_wave f
    LEFT JOIN acct a ON a.k = b.ACCT_ID
),
bseg AS (
    SELECT s.BSEG_ID AS k, coalesce(b.wave, f.wave) AS wave FROM {CI_BSEG} s CROSS JOIN first_wave f
    LEFT JOIN bill b ON b.k = s.BILL_ID
),
adj AS (
    SELECT x.ADJ_ID AS k, coalesce(sa.wave, f.wave) AS wave FROM {CI_ADJ} x CROSS JOIN first_wave f
    LEFT JOIN sa ON sa.k = x.SA_ID
),
pay AS (
    SELECT p.PAY_ID AS k, p.PAY_EVENT_ID, coalesce(a.wave, f.wave) AS wave FROM {CI_PAY} p CROSS JOIN first_wave f
    LEFT JOIN acct a ON a.k = p.ACCT_ID
),
pay_event AS (
    SELECT e.PAY_EVENT_ID AS k, coalesce(min(p.wave), min(f.wave)) AS wave FROM {CI_PAY_EVENT} e CROSS JOIN first_wave f
    LEFT JOIN pay p ON p.PAY_EVENT_ID = e.PAY_EVENT_ID GROUP BY e.PAY_EVENT_ID
),
tender AS (
    SELECT t.PAY_TENDER_ID AS k, coalesce(e.wave, f.wave) AS wave FROM {CI_PAY_TNDR} t CROSS JOIN first_wave f
    LEFT JOIN pay_event e ON e.k = t.PAY_EVENT_ID
),
pay_seg AS (
    SELECT s.PAY_SEG_ID AS k, coalesce(p.wave, f.wave) AS wave FROM {CI_PAY_SEG} s CROSS JOIN first_wave f
    LEFT JOIN pay p ON p.k = s.PAY_ID
),
ft AS (
    SELECT x.FT_ID AS k, coalesce(sa.wave, f.wave) AS wave FROM {CI_FT} x CROSS JOIN first_wave f
    LEFT JOIN sa ON sa.k = x.SA_ID
)
SELECT entity, k, min(wave) FROM (
    SELECT 'CI_BILL' AS entity, k, wave FROM bill
    UNION ALL SELECT 'CI_BSEG', k, wave FROM bseg
    UNION ALL SELECT 'CI_ADJ', k, wave FROM adj
    UNION ALL SELECT 'CI_PAY', k, wave FROM pay
    UNION ALL SELECT 'CI_PAY_EVENT', k, wave FROM pay_event
    UNION ALL SELECT 'CI_PAY_TNDR', k, wave FROM tender
    UNION ALL SELECT 'CI_PAY_SEG', k, wave FROM pay_seg
    UNION ALL SELECT 'CI_FT', k, wave FROM ft
) o WHERE k IS NOT NULL GROUP BY entity, k
