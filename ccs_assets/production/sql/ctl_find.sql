-- The conversion tender control (tender source :tender_source; TRIM: a CHAR column against a VARCHAR2 bind) and its deposit control.
SELECT t.TNDR_CTL_ID, t.DEP_CTL_ID FROM {prod}.CI_TNDR_CTL t WHERE TRIM(t.TNDR_SOURCE_CD) = :tender_source ORDER BY t.TNDR_CTL_ID
