-- meter_history.csv rules that read other rows and files. Each returns (rec, rule, column, value, message).
SELECT x._rec, 'SP_KIND_MISMATCH', 'sp_no', x.sp_no, 'service point ''' || x.sp_no || ''' is an ITEM service point: meters go to METER service points'
FROM legacy.meter_history x
JOIN (SELECT sp_no, any_value(sp_kind) AS sp_kind FROM legacy.service_points WHERE _wave = $wave GROUP BY sp_no) p ON p.sp_no = x.sp_no
WHERE x._wave = $wave AND p.sp_kind = 'ITEM';
SELECT _rec, 'REMOVAL_BEFORE_INSTALL', 'removed_at', CAST(removed_at AS VARCHAR),
       'removed_at ' || CAST(removed_at AS VARCHAR) || ' is not after installed_at ' || CAST(installed_at AS VARCHAR)
FROM legacy.meter_history WHERE _wave = $wave AND removed_at <= installed_at;
SELECT _rec, 'OUT_OF_RANGE', 'install_constant', CAST(install_constant AS VARCHAR), 'install_constant must be greater than 0'
FROM legacy.meter_history WHERE _wave = $wave AND install_constant <= 0;
SELECT a._rec, 'OVERLAPPING_INSTALL', 'installed_at', CAST(a.installed_at AS VARCHAR),
       'service point ' || a.sp_no || ' already holds meter ' || any_value(b.meter_no) || ' (history ' || any_value(b.history_no) || ') at '
       || CAST(a.installed_at AS VARCHAR) || ': one meter at a time'
FROM legacy.meter_history a
JOIN legacy.meter_history b ON b._wave = a._wave AND b.sp_no = a.sp_no AND b._rec <> a._rec
 AND (b.installed_at < a.installed_at OR (b.installed_at = a.installed_at AND b._rec < a._rec))
 AND a.installed_at < coalesce(b.removed_at, TIMESTAMP '9999-12-31')
WHERE a._wave = $wave AND a.installed_at IS NOT NULL AND b.installed_at IS NOT NULL
GROUP BY a._rec, a.sp_no, a.installed_at;
SELECT a._rec, 'METER_AT_TWO_SPS', 'meter_no', a.meter_no,
       'meter ' || a.meter_no || ' is still installed at service point ' || any_value(b.sp_no) || ' (history ' || any_value(b.history_no)
       || ') at ' || CAST(a.installed_at AS VARCHAR) || ': a meter sits at one SP at a time'
FROM legacy.meter_history a
JOIN legacy.meter_history b ON b._wave = a._wave AND b.meter_no = a.meter_no AND b.sp_no <> a.sp_no AND b._rec <> a._rec
 AND (b.installed_at < a.installed_at OR (b.installed_at = a.installed_at AND b._rec < a._rec))
 AND a.installed_at < coalesce(b.removed_at, TIMESTAMP '9999-12-31')
WHERE a._wave = $wave AND a.installed_at IS NOT NULL AND b.installed_at IS NOT NULL
GROUP BY a._rec, a.meter_no, a.installed_at;
SELECT x._rec, 'NO_CONFIGURATION', 'meter_no', x.meter_no,
       'meter ' || x.meter_no || ' has no valid register, so it has no meter configuration to install'
FROM legacy.meter_history x
WHERE x._wave = $wave AND x.meter_no IN (SELECT meter_no FROM legacy.meters WHERE _wave = $wave)
  AND x.meter_no NOT IN (SELECT meter_no FROM meter_config_eff($wave))
  -- a rejected meter is reported as the parent it is (PARENT_REJECTED), not as a missing configuration
  AND NOT EXISTS (SELECT 1 FROM wb.record_status r WHERE r.wave = $wave AND r.file = 'meters' AND NOT r.valid
                  AND r.legacy_key = x.meter_no);
SELECT x._rec, 'AFTER_CUTOVER', CASE WHEN CAST(x.installed_at AS DATE) > w.cutover_date THEN 'installed_at' ELSE 'removed_at' END,
       CAST(CASE WHEN CAST(x.installed_at AS DATE) > w.cutover_date THEN x.installed_at ELSE x.removed_at END AS VARCHAR),
       'dated after the cutover date ' || CAST(w.cutover_date AS VARCHAR) || ' of ' || w.wave || ', which owns this history'
FROM legacy.meter_history x
JOIN wb.ownership o ON o.wave = $wave AND o.entity = 'meter_history' AND o.legacy_key = x.history_no
JOIN legacy.waves w ON w._wave = $wave AND w.wave = o.owner_wave
WHERE x._wave = $wave AND (CAST(x.installed_at AS DATE) > w.cutover_date OR CAST(x.removed_at AS DATE) > w.cutover_date);
