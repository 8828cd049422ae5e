-- One open conversion tender control in that deposit control, for tender source :tender_source.
INSERT INTO {prod}.CI_TNDR_CTL (TNDR_CTL_ID, DEP_CTL_ID, TNDR_SOURCE_CD, TNDR_CTL_ST_FLG, END_BALANCE, CURRENCY_CD, CRE_DTTM, VERSION)
SELECT :tndr_ctl, :dep_ctl, :tender_source, '10', 0, :currency, {now}, 1{dual}
