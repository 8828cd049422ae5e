SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_SA WHERE SA_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_SA (SA_ID, ACCT_ID, CHAR_PREM_ID, CIS_DIVISION, SA_TYPE_CD, START_OPT_CD, START_DT, END_DT, SA_STATUS_FLG, OLD_ACCT_ID, CURRENCY_CD, VERSION) SELECT src.SA_ID, src.ACCT_ID, src.CHAR_PREM_ID, src.CIS_DIVISION, src.SA_TYPE_CD, src.START_OPT_CD, src.START_DT, src.END_DT, src.SA_STATUS_FLG, src.OLD_ACCT_ID, src.CURRENCY_CD, src.VERSION FROM (SELECT o.NEW_KEY AS SA_ID, f_acct_id.NEW_KEY AS ACCT_ID, f_char_prem_id.NEW_KEY AS CHAR_PREM_ID, x.CIS_DIVISION, x.SA_TYPE_CD, x.START_OPT_CD, x.START_DT, x.END_DT, x.SA_STATUS_FLG, x.OLD_ACCT_ID, x.CURRENCY_CD, x.VERSION FROM CISSTG.CI_SA x JOIN CISSTG.CK_SA o ON o.OLD_KEY = x.SA_ID AND o.WAVE = :wave LEFT JOIN CISSTG.CK_ACCT f_acct_id ON f_acct_id.OLD_KEY = x.ACCT_ID LEFT JOIN CISSTG.CK_PREM f_char_prem_id ON f_char_prem_id.OLD_KEY = x.CHAR_PREM_ID WHERE x.SA_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_SA') AND f_acct_id.NEW_KEY IS NOT NULL AND f_char_prem_id.NEW_KEY IS NOT NULL) src;  -- binds: wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, SA_ID FROM (SELECT o.NEW_KEY AS SA_ID, f_acct_id.NEW_KEY AS ACCT_ID, f_char_prem_id.NEW_KEY AS CHAR_PREM_ID, x.CIS_DIVISION, x.SA_TYPE_CD, x.START_OPT_CD, x.START_DT, x.END_DT, x.SA_STATUS_FLG, x.OLD_ACCT_ID, x.CURRENCY_CD, x.VERSION FROM CISSTG.CI_SA x JOIN CISSTG.CK_SA o ON o.OLD_KEY = x.SA_ID AND o.WAVE = :wave LEFT JOIN CISSTG.CK_ACCT f_acct_id ON f_acct_id.OLD_KEY = x.ACCT_ID LEFT JOIN CISSTG.CK_PREM f_char_prem_id ON f_char_prem_id.OLD_KEY = x.CHAR_PREM_ID WHERE x.SA_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_SA') AND f_acct_id.NEW_KEY IS NOT NULL AND f_char_prem_id.NEW_KEY IS NOT NULL) src;  -- binds: tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_SA WHERE SA_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_SA_K WHERE SA_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_SA_K (SA_ID, ENV_ID) SELECT src.SA_ID, src.ENV_ID FROM (SELECT NEW_KEY AS SA_ID, :env_id AS ENV_ID FROM CISSTG.CK_SA WHERE WAVE = :wave) src;  -- binds: env_id, wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, SA_ID FROM (SELECT NEW_KEY AS SA_ID, :env_id AS ENV_ID FROM CISSTG.CK_SA WHERE WAVE = :wave) src;  -- binds: env_id, tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_SA_K WHERE SA_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave
