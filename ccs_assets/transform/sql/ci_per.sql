-- Step 1: legacy customers -> CI_PER (one person per valid customer the wave owns).
SELECT
    k.stg_key AS PER_ID,
    m_lang.ccb_value AS LANGUAGE_CD,
    CASE x.cust_type WHEN 'R' THEN 'P' ELSE 'B' END AS PER_OR_BUS_FLG,
    ' ' AS LS_SL_FLG,
    blank(x.email) AS EMAILID,
    ' ' AS OVRD_MAIL_NAME1,
    blank(clean(x.mail_address1)) AS ADDRESS1,
    blank(clean(x.mail_address2)) AS ADDRESS2,
    ' ' AS ADDRESS3, ' ' AS ADDRESS4,
    blank(clean(x.mail_city)) AS CITY,
    ' ' AS COUNTY,
    blank(x.mail_postal) AS POSTAL,
    blank(x.mail_state) AS STATE,
    blank(x.mail_country) AS COUNTRY,
    ' ' AS RECV_MKTG_INFO_FLG,
    1 AS VERSION,
    x.cust_no AS _legacy_key, x._line
FROM legacy.customers x
JOIN wb.record_status s ON s.wave = $wave AND s.file = 'customers' AND s.rec = x._rec AND s.valid AND s.owner_wave = $wave
JOIN wb.stg_keymap k ON k.table_name = 'CI_PER' AND k.legacy_key = x.cust_no
JOIN cfg.map_language m_lang ON m_lang.language = coalesce(x.language, 'en')
WHERE x._wave = $wave
