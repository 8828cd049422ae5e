-- Is the candidate key already a deposit or tender control?
SELECT COUNT(*) FROM (SELECT DEP_CTL_ID AS K FROM {prod}.CI_DEP_CTL UNION ALL SELECT TNDR_CTL_ID FROM {prod}.CI_TNDR_CTL) c
WHERE c.K = {key}
