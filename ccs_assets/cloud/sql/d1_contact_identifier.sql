-- step 10: the contact's CC&B person id (D1EI)
SELECT k.MDM_KEY AS CONTACT_ID, 'D1EI' AS CONTACT_ID_TYPE_FLG, {or_blank[TRIM(p.PER_ID)]} AS ID_VALUE
FROM {prod}.CI_PER p
JOIN {km} k ON k.MDM_TABLE = 'D1_CONTACT' AND k.CCB_TABLE = 'CI_PER' AND k.CCB_KEY = p.PER_ID AND k.WAVE = :wave
