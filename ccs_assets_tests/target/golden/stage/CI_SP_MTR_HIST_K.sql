SELECT table_name FROM all_tables WHERE owner = :schema AND table_name = :tname;  -- binds: schema, tname

CREATE TABLE CISSTG.CCS_LD_IH71W_CI_SP_MTR_HIST_K (
  SP_MTR_HIST_ID CHAR(10 BYTE),
  ENV_ID NUMBER(6,0)
);

-- commit

-- direct_path_load CISSTG.CCS_LD_IH71W_CI_SP_MTR_HIST_K (SP_MTR_HIST_ID, ENV_ID) batch_size=100000: 1 rows

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISSTG.CI_SP_MTR_HIST_K WHERE SP_MTR_HIST_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISSTG.CI_SP_MTR_HIST_K (SP_MTR_HIST_ID, ENV_ID) SELECT src.SP_MTR_HIST_ID, src.ENV_ID FROM (SELECT SP_MTR_HIST_ID, ENV_ID FROM CISSTG.CCS_LD_IH71W_CI_SP_MTR_HIST_K) src;

INSERT INTO CISSTG.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, SP_MTR_HIST_ID FROM (SELECT SP_MTR_HIST_ID, ENV_ID FROM CISSTG.CCS_LD_IH71W_CI_SP_MTR_HIST_K) src;  -- binds: tname, wave

-- commit

SELECT count(*) FROM CISSTG.CI_SP_MTR_HIST_K WHERE SP_MTR_HIST_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

SELECT table_name FROM all_tables WHERE owner = :schema AND table_name = :tname;  -- binds: schema, tname

CREATE TABLE CISSTG.CCS_LD_IH71W_LOAD_REJECTS (
  LINE_NO NUMBER(10,0),
  COLUMN_NAME VARCHAR2(4000 BYTE),
  VALUE VARCHAR2(4000 BYTE),
  MESSAGE VARCHAR2(4000 BYTE)
);

-- commit

-- direct_path_load CISSTG.CCS_LD_IH71W_LOAD_REJECTS (LINE_NO, COLUMN_NAME, VALUE, MESSAGE) batch_size=100000: 1 rows

-- rollback

DELETE FROM CISSTG.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = :step AND TABLE_NAME = :tname;  -- binds: step, tname, wave

INSERT INTO CISSTG.CCS_VAL_ERR (WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO, STG_KEY)
            SELECT :wave, :step, :tname, NULL, 'LOAD_REJECT', r.COLUMN_NAME, r.VALUE, r.MESSAGE, r.LINE_NO, NULL
            FROM CISSTG.CCS_LD_IH71W_LOAD_REJECTS r;  -- binds: step, tname, wave

-- commit

SELECT count(*) FROM CISSTG.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = :step AND TABLE_NAME = :tname;  -- binds: step, tname, wave

DROP TABLE CISSTG.CCS_LD_IH71W_LOAD_REJECTS PURGE;

-- commit

DROP TABLE CISSTG.CCS_LD_IH71W_CI_SP_MTR_HIST_K PURGE;

-- commit
