SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_SP WHERE SP_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_SP (SP_ID, PREM_ID, SP_TYPE_CD, SP_STATUS_FLG, INSTALL_DT, ABOLISH_DT, SP_SRC_STATUS_FLG, MR_CYC_CD, MR_RTE_CD, MR_CYC_RTE_SEQ, MTR_LOC_CD, MTR_LOC_DETAILS, VERSION) SELECT src.SP_ID, src.PREM_ID, src.SP_TYPE_CD, src.SP_STATUS_FLG, src.INSTALL_DT, src.ABOLISH_DT, src.SP_SRC_STATUS_FLG, src.MR_CYC_CD, src.MR_RTE_CD, src.MR_CYC_RTE_SEQ, src.MTR_LOC_CD, src.MTR_LOC_DETAILS, src.VERSION FROM (SELECT o.NEW_KEY AS SP_ID, f_prem_id.NEW_KEY AS PREM_ID, x.SP_TYPE_CD, x.SP_STATUS_FLG, x.INSTALL_DT, x.ABOLISH_DT, x.SP_SRC_STATUS_FLG, x.MR_CYC_CD, x.MR_RTE_CD, x.MR_CYC_RTE_SEQ, x.MTR_LOC_CD, x.MTR_LOC_DETAILS, x.VERSION FROM CISSTG.CI_SP x JOIN CISSTG.CK_SP o ON o.OLD_KEY = x.SP_ID AND o.WAVE = :wave LEFT JOIN CISSTG.CK_PREM f_prem_id ON f_prem_id.OLD_KEY = x.PREM_ID WHERE x.SP_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_SP') AND f_prem_id.NEW_KEY IS NOT NULL) src;  -- binds: wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, SP_ID FROM (SELECT o.NEW_KEY AS SP_ID, f_prem_id.NEW_KEY AS PREM_ID, x.SP_TYPE_CD, x.SP_STATUS_FLG, x.INSTALL_DT, x.ABOLISH_DT, x.SP_SRC_STATUS_FLG, x.MR_CYC_CD, x.MR_RTE_CD, x.MR_CYC_RTE_SEQ, x.MTR_LOC_CD, x.MTR_LOC_DETAILS, x.VERSION FROM CISSTG.CI_SP x JOIN CISSTG.CK_SP o ON o.OLD_KEY = x.SP_ID AND o.WAVE = :wave LEFT JOIN CISSTG.CK_PREM f_prem_id ON f_prem_id.OLD_KEY = x.PREM_ID WHERE x.SP_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_SP') AND f_prem_id.NEW_KEY IS NOT NULL) src;  -- binds: tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_SP WHERE SP_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISADM.CI_SP_K WHERE SP_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISADM.CI_SP_K (SP_ID, ENV_ID) SELECT src.SP_ID, src.ENV_ID FROM (SELECT NEW_KEY AS SP_ID, :env_id AS ENV_ID FROM CISSTG.CK_SP WHERE WAVE = :wave) src;  -- binds: env_id, wave

INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, SP_ID FROM (SELECT NEW_KEY AS SP_ID, :env_id AS ENV_ID FROM CISSTG.CK_SP WHERE WAVE = :wave) src;  -- binds: env_id, tname, wave

-- commit

SELECT count(*) FROM CISADM.CI_SP_K WHERE SP_ID IN (SELECT OWNER_KEY FROM CISADM.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave
