SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_MR WHERE MR_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_MR (MR_ID, MTR_CONFIG_ID, READ_DTTM, MR_SOURCE_CD, MTR_READER_ID, USE_ON_BILL_SW, VERSION, ILM_DT, ILM_ARCH_SW) SELECT src.MR_ID, src.MTR_CONFIG_ID, src.READ_DTTM, src.MR_SOURCE_CD, src.MTR_READER_ID, src.USE_ON_BILL_SW, src.VERSION, src.ILM_DT, src.ILM_ARCH_SW FROM (SELECT o.NEW_KEY AS MR_ID, f_mtr_config_id.NEW_KEY AS MTR_CONFIG_ID, x.READ_DTTM, x.MR_SOURCE_CD, x.MTR_READER_ID, x.USE_ON_BILL_SW, x.VERSION, x.ILM_DT, x.ILM_ARCH_SW FROM CISSTG.CI_MR x JOIN CISSTG.CK_MR o ON o.OLD_KEY = x.MR_ID AND o.WAVE = :wave LEFT JOIN CISSTG.CK_MTR_CONFIG f_mtr_config_id ON f_mtr_config_id.OLD_KEY = x.MTR_CONFIG_ID WHERE x.MR_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_MR') AND f_mtr_config_id.NEW_KEY IS NOT NULL) src;  -- binds: wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, MR_ID FROM (SELECT o.NEW_KEY AS MR_ID, f_mtr_config_id.NEW_KEY AS MTR_CONFIG_ID, x.READ_DTTM, x.MR_SOURCE_CD, x.MTR_READER_ID, x.USE_ON_BILL_SW, x.VERSION, x.ILM_DT, x.ILM_ARCH_SW FROM CISSTG.CI_MR x JOIN CISSTG.CK_MR o ON o.OLD_KEY = x.MR_ID AND o.WAVE = :wave LEFT JOIN CISSTG.CK_MTR_CONFIG f_mtr_config_id ON f_mtr_config_id.OLD_KEY = x.MTR_CONFIG_ID WHERE x.MR_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_MR') AND f_mtr_config_id.NEW_KEY IS NOT NULL) src;  -- binds: tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_MR WHERE MR_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_MR_K WHERE MR_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_MR_K (MR_ID, ENV_ID) SELECT src.MR_ID, src.ENV_ID FROM (SELECT NEW_KEY AS MR_ID, :env_id AS ENV_ID FROM CISSTG.CK_MR WHERE WAVE = :wave) src;  -- binds: env_id, wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, MR_ID FROM (SELECT NEW_KEY AS MR_ID, :env_id AS ENV_ID FROM CISSTG.CK_MR WHERE WAVE = :wave) src;  -- binds: env_id, tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_MR_K WHERE MR_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave
