-- scenario 6: a CC&B SA the MSCS clone already holds: the clone usage subscription whose D2EI identifier is the SA_ID
SELECT 'CI_SA' AS CCB_TABLE, sa.SA_ID AS CCB_KEY, i.US_ID AS MDM_KEY
FROM {prod}.CI_SA sa
JOIN {prod}.D1_US_IDENTIFIER i ON i.US_ID_TYPE_FLG = 'D2EI' AND TRIM(i.ID_VALUE) = TRIM(sa.SA_ID)
WHERE sa.SA_ID IN {own[CI_SA]} AND i.US_ID IN {clone[D1_US]}
