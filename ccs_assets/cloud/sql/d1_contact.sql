-- step 10: one contact per migrated CC&B person
SELECT k.MDM_KEY AS CONTACT_ID, :contact_bo AS BUS_OBJ_CD, {or_blank[TRIM(p.PER_OR_BUS_FLG)]} AS PER_OR_BUS_FLG
FROM {prod}.CI_PER p
JOIN {km} k ON k.MDM_TABLE = 'D1_CONTACT' AND k.CCB_TABLE = 'CI_PER' AND k.CCB_KEY = p.PER_ID AND k.WAVE = :wave
