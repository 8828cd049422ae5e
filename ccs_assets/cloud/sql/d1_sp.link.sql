-- scenario 6: a CC&B SP the MSCS clone already holds: the clone service point whose D1EI identifier is the SP_ID
SELECT 'CI_SP' AS CCB_TABLE, sp.SP_ID AS CCB_KEY, i.D1_SP_ID AS MDM_KEY
FROM {prod}.CI_SP sp
JOIN {prod}.D1_SP_IDENTIFIER i ON i.SP_ID_TYPE_FLG = 'D1EI' AND TRIM(i.ID_VALUE) = TRIM(sp.SP_ID)
WHERE sp.SP_ID IN {own[CI_SP]} AND i.D1_SP_ID IN {clone[D1_SP]}
