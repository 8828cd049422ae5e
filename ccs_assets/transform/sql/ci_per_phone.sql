-- Step 1: person phone, digits only (the legacy phone is free format).
SELECT
    k.stg_key AS PER_ID,
    1 AS SEQ_NUM,
    m.ccb_value AS PHONE_TYPE_CD,
    ' ' AS COUNTRY_CODE,
    regexp_replace(x.phone, '[^0-9]', '', 'g') AS PHONE,
    ' ' AS EXTENSION,
    1 AS VERSION,
    x.cust_no AS _legacy_key, x._line
FROM legacy.customers x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'customers' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_PER' AND k.legacy_key = x.cust_no
JOIN cfg.map_phone_type m ON m.phone_type = coalesce(x.phone_type, 'HOME')
WHERE x._wave = $wave AND x.phone IS NOT NULL
