-- Tender controls that are the configured conversion tender control or carry its tender source (TRIM: CHAR vs a VARCHAR2 bind),
-- and the configured deposit control: the conversion needs exactly one pair, never another's.
SELECT 'TNDR' AS KIND, t.TNDR_CTL_ID AS CTL_ID, t.DEP_CTL_ID AS DEP_CTL_ID, t.TNDR_SOURCE_CD AS TNDR_SOURCE_CD
FROM {prod}.CI_TNDR_CTL t WHERE t.TNDR_CTL_ID = {tndr_ctl} OR TRIM(t.TNDR_SOURCE_CD) = :tender_source
UNION ALL
SELECT 'DEP', d.DEP_CTL_ID, d.DEP_CTL_ID, NULL FROM {prod}.CI_DEP_CTL d WHERE d.DEP_CTL_ID = {dep_ctl}
ORDER BY 1, 2
