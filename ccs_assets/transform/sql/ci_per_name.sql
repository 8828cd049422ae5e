-- Step 1: the primary name of each migrated person ("Last,First" for a person, the business name for a business).
SELECT
    k.stg_key AS PER_ID,
    1 AS SEQ_NUM,
    n.name AS ENTITY_NAME,
    'PRIM' AS NAME_TYPE_FLG,
    'Y' AS PRIM_NAME_SW,
    upper(n.name) AS ENTITY_NAME_UPR,
    1 AS VERSION,
    x.cust_no AS _legacy_key, x._line
FROM legacy.customers x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'customers' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_PER' AND k.legacy_key = x.cust_no
CROSS JOIN LATERAL (
    SELECT CASE x.cust_type
        WHEN 'R' THEN replace(replace($name_format, '{last_name}', clean(x.last_name)), '{first_name}', clean(x.first_name))
        ELSE clean(x.business_name) END AS name
) n
WHERE x._wave = $wave
