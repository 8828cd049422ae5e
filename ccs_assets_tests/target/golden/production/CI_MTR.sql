SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_MTR WHERE MTR_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_MTR (MTR_ID, BADGE_NBR, SERIAL_NBR, MFG_CD, MODEL_CD, MTR_TYPE_CD, MTR_STATUS_FLG, RECEIVE_DT, RETIRE_DT, RETIRE_RSN_CD, VERSION) SELECT src.MTR_ID, src.BADGE_NBR, src.SERIAL_NBR, src.MFG_CD, src.MODEL_CD, src.MTR_TYPE_CD, src.MTR_STATUS_FLG, src.RECEIVE_DT, src.RETIRE_DT, src.RETIRE_RSN_CD, src.VERSION FROM (SELECT o.NEW_KEY AS MTR_ID, x.BADGE_NBR, x.SERIAL_NBR, x.MFG_CD, x.MODEL_CD, x.MTR_TYPE_CD, x.MTR_STATUS_FLG, x.RECEIVE_DT, x.RETIRE_DT, x.RETIRE_RSN_CD, x.VERSION FROM CISSTG.CI_MTR x JOIN CISSTG.CK_MTR o ON o.OLD_KEY = x.MTR_ID AND o.WAVE = :wave WHERE x.MTR_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_MTR')) src;  -- binds: wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, MTR_ID FROM (SELECT o.NEW_KEY AS MTR_ID, x.BADGE_NBR, x.SERIAL_NBR, x.MFG_CD, x.MODEL_CD, x.MTR_TYPE_CD, x.MTR_STATUS_FLG, x.RECEIVE_DT, x.RETIRE_DT, x.RETIRE_RSN_CD, x.VERSION FROM CISSTG.CI_MTR x JOIN CISSTG.CK_MTR o ON o.OLD_KEY = x.MTR_ID AND o.WAVE = :wave WHERE x.MTR_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_MTR')) src;  -- binds: tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_MTR WHERE MTR_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_MTR_K WHERE MTR_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_MTR_K (MTR_ID, ENV_ID) SELECT src.MTR_ID, src.ENV_ID FROM (SELECT NEW_KEY AS MTR_ID, :env_id AS ENV_ID FROM CISSTG.CK_MTR WHERE WAVE = :wave) src;  -- binds: env_id, wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, MTR_ID FROM (SELECT NEW_KEY AS MTR_ID, :env_id AS ENV_ID FROM CISSTG.CK_MTR WHERE WAVE = :wave) src;  -- binds: env_id, tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_MTR_K WHERE MTR_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave
