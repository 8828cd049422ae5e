SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_SA_SP WHERE SA_SP_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_SA_SP (SA_SP_ID, SA_ID, SP_ID, START_DTTM, STOP_DTTM, START_MR_ID, STOP_MR_ID, USAGE_FLG, USE_PCT, VERSION) SELECT src.SA_SP_ID, src.SA_ID, src.SP_ID, src.START_DTTM, src.STOP_DTTM, src.START_MR_ID, src.STOP_MR_ID, src.USAGE_FLG, src.USE_PCT, src.VERSION FROM (SELECT o.NEW_KEY AS SA_SP_ID, f_sa_id.NEW_KEY AS SA_ID, f_sp_id.NEW_KEY AS SP_ID, x.START_DTTM, x.STOP_DTTM, x.START_MR_ID, x.STOP_MR_ID, x.USAGE_FLG, x.USE_PCT, x.VERSION FROM CISSTG.CI_SA_SP x JOIN CISSTG.CK_SA_SP o ON o.OLD_KEY = x.SA_SP_ID AND o.WAVE = :wave LEFT JOIN CISSTG.CK_SA f_sa_id ON f_sa_id.OLD_KEY = x.SA_ID LEFT JOIN CISSTG.CK_SP f_sp_id ON f_sp_id.OLD_KEY = x.SP_ID WHERE x.SA_SP_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_SA_SP') AND f_sa_id.NEW_KEY IS NOT NULL AND f_sp_id.NEW_KEY IS NOT NULL) src;  -- binds: wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, SA_SP_ID FROM (SELECT o.NEW_KEY AS SA_SP_ID, f_sa_id.NEW_KEY AS SA_ID, f_sp_id.NEW_KEY AS SP_ID, x.START_DTTM, x.STOP_DTTM, x.START_MR_ID, x.STOP_MR_ID, x.USAGE_FLG, x.USE_PCT, x.VERSION FROM CISSTG.CI_SA_SP x JOIN CISSTG.CK_SA_SP o ON o.OLD_KEY = x.SA_SP_ID AND o.WAVE = :wave LEFT JOIN CISSTG.CK_SA f_sa_id ON f_sa_id.OLD_KEY = x.SA_ID LEFT JOIN CISSTG.CK_SP f_sp_id ON f_sp_id.OLD_KEY = x.SP_ID WHERE x.SA_SP_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_SA_SP') AND f_sa_id.NEW_KEY IS NOT NULL AND f_sp_id.NEW_KEY IS NOT NULL) src;  -- binds: tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_SA_SP WHERE SA_SP_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_SA_SP_K WHERE SA_SP_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_SA_SP_K (SA_SP_ID, ENV_ID) SELECT src.SA_SP_ID, src.ENV_ID FROM (SELECT NEW_KEY AS SA_SP_ID, :env_id AS ENV_ID FROM CISSTG.CK_SA_SP WHERE WAVE = :wave) src;  -- binds: env_id, wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, SA_SP_ID FROM (SELECT NEW_KEY AS SA_SP_ID, :env_id AS ENV_ID FROM CISSTG.CK_SA_SP WHERE WAVE = :wave) src;  -- binds: env_id, tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_SA_SP_K WHERE SA_SP_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave
