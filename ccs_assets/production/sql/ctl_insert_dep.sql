-- One open conversion deposit control (status codes are not public: 10 = open is this project's choice, I).
INSERT INTO {prod}.CI_DEP_CTL (DEP_CTL_ID, TNDR_SRCE_TYPE_FLG, DEP_CTL_STATUS_FLG, BALANCED_DTTM, END_BALANCE, CURRENCY_CD, CRE_DTTM, VERSION)
SELECT :dep_ctl, :source_type, '10', NULL, 0, :currency, {now}, 1{dual}
