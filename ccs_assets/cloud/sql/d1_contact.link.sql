-- scenario 6: a CC&B person the MSCS clone already holds: the clone contact whose D1EI identifier is the PER_ID
SELECT 'CI_PER' AS CCB_TABLE, p.PER_ID AS CCB_KEY, i.CONTACT_ID AS MDM_KEY
FROM {prod}.CI_PER p
JOIN {prod}.D1_CONTACT_IDENTIFIER i ON i.CONTACT_ID_TYPE_FLG = 'D1EI' AND TRIM(i.ID_VALUE) = TRIM(p.PER_ID)
WHERE p.PER_ID IN {own[CI_PER]} AND i.CONTACT_ID IN {clone[D1_CONTACT]}
