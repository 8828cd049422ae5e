-- Step 1: person identifier, when the customer has one.
SELECT
    k.stg_key AS PER_ID,
    m.ccb_value AS ID_TYPE_CD,
    clean(x.id_number) AS PER_ID_NBR,
    'Y' AS PRIM_SW,
    1 AS VERSION,
    x.cust_no AS _legacy_key, x._line
FROM legacy.customers x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'customers' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_PER' AND k.legacy_key = x.cust_no
JOIN cfg.map_id_type m ON m.id_type = x.id_type
WHERE x._wave = $wave AND x.id_type IS NOT NULL
