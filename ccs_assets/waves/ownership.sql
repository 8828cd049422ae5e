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
,
-- Devices: a meter or item belongs to the earliest wave owning an SP it was ever installed at; one never
-- installed at a known SP belongs to the first wave. A history belongs to its SP's wave (CC&B's history row
-- needs its SP), or, when its SP is not in service_points.csv at all, to its device's wave so the error is
-- reported; reads follow their history, registers their meter; orphans of unknown parents go to the first wave.
first_wave AS (SELECT min(wave) AS wave FROM plan),
known_sp AS (SELECT DISTINCT sp_no FROM legacy.service_points WHERE _wave = $wave AND sp_no IS NOT NULL),
mh_sp AS (
    SELECT h.history_no AS k, h.meter_no, sp.wave FROM legacy.meter_history h JOIN sp ON sp.k = h.sp_no
    WHERE h._wave = $wave AND h.history_no IS NOT NULL
),
mtr_installed AS (SELECT meter_no AS k, min(wave) AS wave FROM mh_sp WHERE meter_no IS NOT NULL GROUP BY meter_no),
mtr AS (
    SELECT k, wave FROM mtr_installed
    UNION ALL
    SELECT m.meter_no, f.wave FROM legacy.meters m CROSS JOIN first_wave f
    WHERE m._wave = $wave AND m.meter_no IS NOT NULL AND f.wave IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM legacy.meter_history h JOIN known_sp s ON s.sp_no = h.sp_no
                      WHERE h._wave = $wave AND h.meter_no = m.meter_no)
),
mh AS (
    SELECT k, wave FROM mh_sp
    UNION ALL
    SELECT h.history_no, m.wave FROM legacy.meter_history h JOIN mtr m ON m.k = h.meter_no
    WHERE h._wave = $wave AND h.history_no IS NOT NULL AND (h.sp_no IS NULL OR h.sp_no NOT IN (SELECT sp_no FROM known_sp))
    UNION ALL
    SELECT h.history_no, f.wave FROM legacy.meter_history h CROSS JOIN first_wave f
    WHERE h._wave = $wave AND h.history_no IS NOT NULL AND f.wave IS NOT NULL
      AND (h.sp_no IS NULL OR h.sp_no NOT IN (SELECT sp_no FROM known_sp))
      AND (h.meter_no IS NULL OR h.meter_no NOT IN (SELECT k FROM mtr))
),
ih AS (
    SELECT coalesce(h.sp_no, '') || '/' || coalesce(h.item_no, '') || '/' || coalesce(CAST(h.installed_on AS VARCHAR), '') AS k,
           h.item_no, h.sp_no, sp.wave
    FROM legacy.item_history h JOIN sp ON sp.k = h.sp_no WHERE h._wave = $wave
),
itm AS (
    SELECT item_no AS k, min(wave) AS wave FROM ih WHERE item_no IS NOT NULL GROUP BY item_no
    UNION ALL
    SELECT i.item_no, f.wave FROM legacy.items i CROSS JOIN first_wave f
    WHERE i._wave = $wave AND i.item_no IS NOT NULL AND f.wave IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM legacy.item_history h JOIN known_sp s ON s.sp_no = h.sp_no
                      WHERE h._wave = $wave AND h.item_no = i.item_no)
),
ih_all AS (
    SELECT k, wave FROM ih
    UNION ALL
    SELECT coalesce(h.sp_no, '') || '/' || coalesce(h.item_no, '') || '/' || coalesce(CAST(h.installed_on AS VARCHAR), ''),
           coalesce(i.wave, f.wave)
    FROM legacy.item_history h CROSS JOIN first_wave f LEFT JOIN itm i ON i.k = h.item_no
    WHERE h._wave = $wave AND f.wave IS NOT NULL AND (h.sp_no IS NULL OR h.sp_no NOT IN (SELECT sp_no FROM known_sp))
)
SELECT $wave, entity, k, min(wave) FROM (
    SELECT 'accounts' AS entity, acct_no AS k, wave FROM acct
    UNION ALL SELECT 'customers', k, wave FROM per
    UNION ALL SELECT 'service_agreements', k, wave FROM sa
    UNION ALL SELECT 'service_points', k, wave FROM sp
    UNION ALL SELECT 'premises', k, wave FROM prem
    UNION ALL SELECT 'meters', k, wave FROM mtr
    UNION ALL SELECT 'meter_history', k, wave FROM mh
    UNION ALL SELECT 'items', k, wave FROM itm
    UNION ALL SELECT 'item_history', k, wave FROM ih_all
    -- registers of an unknown meter and reads of an unknown history: reported in the first wave
    UNION ALL SELECT 'meters', r.meter_no, f.wave FROM legacy.registers r CROSS JOIN first_wave f
    WHERE r._wave = $wave AND f.wave IS NOT NULL AND r.meter_no IS NOT NULL
      AND r.meter_no NOT IN (SELECT meter_no FROM legacy.meters WHERE _wave = $wave AND meter_no IS NOT NULL)
    UNION ALL SELECT 'meter_history', r.history_no, f.wave FROM legacy.meter_history_reads r CROSS JOIN first_wave f
    WHERE r._wave = $wave AND f.wave IS NOT NULL AND r.history_no IS NOT NULL
      AND r.history_no NOT IN (SELECT history_no FROM legacy.meter_history WHERE _wave = $wave AND history_no IS NOT NULL)
) GROUP BY entity, k
