SELECT _rec, 'REQUIRED_WHEN', 'read_cycle', NULL, 'read_cycle is required for a METER service point'
FROM legacy.service_points WHERE _wave = $wave AND sp_kind = 'METER' AND read_cycle IS NULL;
SELECT x._rec, 'UNMAPPED_CODE', 'service_type', p.division || '/' || x.service_type || '/' || x.sp_kind,
       '(division, service_type, sp_kind) ''' || p.division || '/' || x.service_type || '/' || x.sp_kind || ''' has no row in code map sp_type.csv'
FROM legacy.service_points x
JOIN (SELECT premise_no, any_value(division) AS division FROM legacy.premises WHERE _wave = $wave GROUP BY premise_no) p
  ON p.premise_no = x.premise_no
WHERE x._wave = $wave AND p.division IS NOT NULL AND x.service_type IS NOT NULL AND x.sp_kind IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM cfg.map_sp_type m WHERE m.division = p.division AND m.service_type = x.service_type AND m.sp_kind = x.sp_kind);
