-- Which wave owns each CC&B master-data key of the source (DESIGN.md 3b: waves follow accounts).
-- An account goes with its plan's wave (earliest if listed twice; the first wave when not listed, or 'all'
-- without a plan); everything else with the earliest wave of the accounts that reach it, so a parent is never
-- in a later wave than a row pointing at it. Rows no account reaches go with the first wave.
-- {CI_ACCT} ... are the source relations; written fully on every run (deterministic).
CREATE OR REPLACE TABLE wb.source_owner AS
WITH RECURSIVE
plan AS (SELECT acct_id, min(wave) AS wave FROM wb.source_plan GROUP BY acct_id),
first_wave AS (SELECT coalesce(min(wave), 'all') AS wave FROM wb.source_plan),
acct AS (
    SELECT a.ACCT_ID AS k, coalesce(p.wave, f.wave) AS wave, a.MAILING_PREM_ID
    FROM {CI_ACCT} a CROSS JOIN first_wave f LEFT JOIN plan p ON p.acct_id = a.ACCT_ID
),
sa AS (
    SELECT s.SA_ID AS k, coalesce(a.wave, f.wave) AS wave, s.CHAR_PREM_ID
    FROM {CI_SA} s CROSS JOIN first_wave f LEFT JOIN acct a ON a.k = s.ACCT_ID
),
sa_sp AS (
    SELECT x.SA_SP_ID AS k, x.SP_ID, coalesce(sa.wave, f.wave) AS wave
    FROM {CI_SA_SP} x CROSS JOIN first_wave f LEFT JOIN sa ON sa.k = x.SA_ID
),
sp AS (
    SELECT s.SP_ID AS k, s.PREM_ID, coalesce(min(x.wave), min(f.wave)) AS wave
    FROM {CI_SP} s CROSS JOIN first_wave f LEFT JOIN sa_sp x ON x.SP_ID = s.SP_ID GROUP BY s.SP_ID, s.PREM_ID
),
per AS (
    SELECT p.PER_ID AS k, coalesce(min(a.wave), min(f.wave)) AS wave
    FROM {CI_PER} p CROSS JOIN first_wave f LEFT JOIN {CI_ACCT_PER} ap ON ap.PER_ID = p.PER_ID
    LEFT JOIN acct a ON a.k = ap.ACCT_ID GROUP BY p.PER_ID
),
prem_use(k, wave, depth) AS (
    SELECT PREM_ID, wave, 0 FROM sp
    UNION SELECT CHAR_PREM_ID, wave, 0 FROM sa
    UNION SELECT MAILING_PREM_ID, wave, 0 FROM acct WHERE trim(MAILING_PREM_ID) <> ''
    UNION
    SELECT x.PRNT_PREM_ID, u.wave, u.depth + 1 FROM prem_use u JOIN {CI_PREM} x ON x.PREM_ID = u.k
    WHERE trim(x.PRNT_PREM_ID) <> '' AND u.depth < 30
),
prem AS (
    SELECT p.PREM_ID AS k, coalesce(min(u.wave), min(f.wave)) AS wave
    FROM {CI_PREM} p CROSS JOIN first_wave f LEFT JOIN prem_use u ON u.k = p.PREM_ID GROUP BY p.PREM_ID
),
hist AS (
    SELECT h.SP_MTR_HIST_ID AS k, h.MTR_CONFIG_ID, coalesce(sp.wave, f.wave) AS wave
    FROM {CI_SP_MTR_HIST} h CROSS JOIN first_wave f LEFT JOIN sp ON sp.k = h.SP_ID
),
cfg AS (
    SELECT c.MTR_CONFIG_ID AS k, c.MTR_ID, coalesce(min(h.wave), min(f.wave)) AS wave
    FROM {CI_MTR_CONFIG} c CROSS JOIN first_wave f LEFT JOIN hist h ON h.MTR_CONFIG_ID = c.MTR_CONFIG_ID
    GROUP BY c.MTR_CONFIG_ID, c.MTR_ID
),
mtr AS (
    SELECT m.MTR_ID AS k, coalesce(min(c.wave), min(f.wave)) AS wave
    FROM {CI_MTR} m CROSS JOIN first_wave f LEFT JOIN cfg c ON c.MTR_ID = m.MTR_ID GROUP BY m.MTR_ID
),
reg AS (
    SELECT r.REG_ID AS k, coalesce(m.wave, f.wave) AS wave FROM {CI_REG} r CROSS JOIN first_wave f LEFT JOIN mtr m ON m.k = r.MTR_ID
),
mr AS (
    SELECT r.MR_ID AS k, coalesce(min(h.wave), min(c.wave), min(f.wave)) AS wave
    FROM {CI_MR} r CROSS JOIN first_wave f LEFT JOIN cfg c ON c.k = r.MTR_CONFIG_ID
    LEFT JOIN {CI_SP_MTR_EVT} e ON e.MR_ID = r.MR_ID LEFT JOIN hist h ON h.k = e.SP_MTR_HIST_ID GROUP BY r.MR_ID
),
rr AS (
    SELECT x.REG_READ_ID AS k, coalesce(mr.wave, f.wave) AS wave FROM {CI_REG_READ} x CROSS JOIN first_wave f
    LEFT JOIN mr ON mr.k = x.MR_ID
),
item_h AS (
    SELECT h.SP_ITEM_HIST_ID AS k, h.ITEM_ID, coalesce(sp.wave, f.wave) AS wave
    FROM {CI_SP_ITEM_HIST} h CROSS JOIN first_wave f LEFT JOIN sp ON sp.k = h.SP_ID
),
item AS (
    SELECT i.ITEM_ID AS k, coalesce(min(h.wave), min(f.wave)) AS wave
    FROM {CI_ITEM} i CROSS JOIN first_wave f LEFT JOIN item_h h ON h.ITEM_ID = i.ITEM_ID GROUP BY i.ITEM_ID
)
SELECT entity, k, min(wave) AS wave FROM (
    SELECT 'CI_ACCT' AS entity, k, wave FROM acct
    UNION ALL SELECT 'CI_SA', k, wave FROM sa
    UNION ALL SELECT 'CI_SA_SP', k, wave FROM sa_sp
    UNION ALL SELECT 'CI_SP', k, wave FROM sp
    UNION ALL SELECT 'CI_PER', k, wave FROM per
    UNION ALL SELECT 'CI_PREM', k, wave FROM prem
    UNION ALL SELECT 'CI_SP_MTR_HIST', k, wave FROM hist
    UNION ALL SELECT 'CI_MTR_CONFIG', k, wave FROM cfg
    UNION ALL SELECT 'CI_MTR', k, wave FROM mtr
    UNION ALL SELECT 'CI_REG', k, wave FROM reg
    UNION ALL SELECT 'CI_MR', k, wave FROM mr
    UNION ALL SELECT 'CI_REG_READ', k, wave FROM rr
    UNION ALL SELECT 'CI_SP_ITEM_HIST', k, wave FROM item_h
    UNION ALL SELECT 'CI_ITEM', k, wave FROM item
) o WHERE k IS NOT NULL GROUP BY entity, k
