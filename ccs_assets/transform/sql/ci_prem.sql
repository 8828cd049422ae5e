-- Step 1: legacy premises -> CI_PREM; the parent premise (an apartment's building) by its staging key.
SELECT
    k.stg_key AS PREM_ID,
    mt.ccb_value AS PREM_TYPE_CD,
    md.ccb_value AS CIS_DIVISION,
    ' ' AS LL_ID, 'N' AS KEY_SW, 'N' AS OK_TO_ENTER_SW,
    clean(x.address1) AS ADDRESS1,
    blank(clean(x.address2)) AS ADDRESS2,
    ' ' AS ADDRESS3, ' ' AS ADDRESS4,
    clean(x.city) AS CITY,
    ' ' AS COUNTY,
    x.postal AS POSTAL, x.state AS STATE, x.country AS COUNTRY,
    upper(clean(x.address1)) AS ADDRESS1_UPR,
    upper(clean(x.city)) AS CITY_UPR,
    'N' AS MAIL_ADDR_SW,
    ' ' AS TIME_ZONE_CD,
    coalesce(pk.stg_key, ' ') AS PRNT_PREM_ID,
    1 AS VERSION,
    x.premise_no AS _legacy_key, x._line
FROM legacy.premises x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'premises' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_PREM' AND k.legacy_key = x.premise_no
JOIN cfg.map_premise_type mt ON mt.premise_type = x.premise_type
JOIN cfg.map_division md ON md.division = x.division
LEFT JOIN wb.stg_keymap pk ON pk.table_name = 'CI_PREM' AND pk.legacy_key = x.parent_premise_no
WHERE x._wave = $wave
