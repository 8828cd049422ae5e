-- scenario 6: the ODM node of a CC&B SP the clone holds: the node its clone service point names (W1ND identifier:
-- the SP's asset-system SP id, type inferred)
SELECT 'CI_SP' AS CCB_TABLE, sp.SP_ID AS CCB_KEY, n.NODE_ID AS MDM_KEY
FROM {prod}.CI_SP sp
JOIN {prod}.D1_SP_IDENTIFIER i ON i.SP_ID_TYPE_FLG = 'D1EI' AND TRIM(i.ID_VALUE) = TRIM(sp.SP_ID)
JOIN {prod}.D1_SP_IDENTIFIER w ON w.D1_SP_ID = i.D1_SP_ID AND w.SP_ID_TYPE_FLG = 'W1ND'
JOIN {prod}.W1_NODE n ON n.NODE_ID = {key12[TRIM(w.ID_VALUE)]}
WHERE sp.SP_ID IN {own[CI_SP]} AND i.D1_SP_ID IN {clone[D1_SP]} AND n.NODE_ID IN {clone[W1_NODE]}
