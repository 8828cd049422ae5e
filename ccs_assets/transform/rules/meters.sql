-- meters.csv rules that read more than one column or row. Each returns (rec, rule, column, value, message).
SELECT x._rec, 'UNMAPPED_CODE', 'model', x.manufacturer || '/' || x.model,
       '(manufacturer, model) ''' || x.manufacturer || '/' || x.model || ''' has no row in code map model.csv'
FROM legacy.meters x
WHERE x._wave = $wave AND x.manufacturer IS NOT NULL AND x.model IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM cfg.map_model m WHERE m.manufacturer = x.manufacturer AND m.model = x.model);
SELECT _rec, 'REQUIRED_WHEN', 'retire_date', NULL, 'retire_date is required when status is RETIRED'
FROM legacy.meters WHERE _wave = $wave AND status = 'RETIRED' AND retire_date IS NULL;
SELECT _rec, 'NOT_ALLOWED_WHEN', 'retire_date', CAST(retire_date AS VARCHAR), 'retire_date must be empty unless status is RETIRED'
FROM legacy.meters WHERE _wave = $wave AND coalesce(status, '') <> 'RETIRED' AND retire_date IS NOT NULL;
SELECT _rec, 'DUPLICATE_SERIAL', 'serial_no', serial_no,
       'serial_no ''' || serial_no || ''' of manufacturer ' || manufacturer || ' appears on ' || n || ' meters: every one is rejected'
FROM (SELECT *, count(*) OVER (PARTITION BY manufacturer, serial_no) AS n FROM legacy.meters
      WHERE _wave = $wave AND manufacturer IS NOT NULL AND serial_no IS NOT NULL)
WHERE n > 1;
