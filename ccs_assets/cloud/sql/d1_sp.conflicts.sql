-- scenario 6: a service point the wave linked whose clone type is not what the master configuration maps the CC&B SP
-- type to (kept as the clone has it); clone records tied to a CC&B record the source lacks: upgrade/mscs_clone.py
SELECT 'TYPE_DIFFERS' AS RULE, d.D1_SP_ID AS MDM_KEY, 'CI_SP' AS CCB_TABLE, sp.SP_ID AS CCB_KEY,
       'MDM service point ' || TRIM(d.D1_SP_ID) || ' has type ' || TRIM(d.D1_SP_TYPE_CD) || ', CC&B SP ' || TRIM(sp.SP_ID)
       || ' type ' || TRIM(sp.SP_TYPE_CD) || ' maps to ' || TRIM(m.MDM_CODE) AS MESSAGE
FROM {lk} l
JOIN {prod}.D1_SP d ON d.D1_SP_ID = l.MDM_KEY
JOIN {prod}.CI_SP sp ON sp.SP_ID = l.CCB_KEY
JOIN {tm} m ON m.KIND = 'SP_TYPE' AND m.CCB_CODE = TRIM(sp.SP_TYPE_CD)
WHERE l.WAVE = :wave AND l.MDM_TABLE = 'D1_SP' AND TRIM(d.D1_SP_TYPE_CD) <> TRIM(m.MDM_CODE)
