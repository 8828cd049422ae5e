SELECT table_name FROM all_tables WHERE owner = :schema AND table_name = :tname;  -- binds: schema, tname

CREATE TABLE CISSTG.CCS_LD_IH71W_CI_PER_ID (
  PER_ID CHAR(10 BYTE),
  ID_TYPE_CD CHAR(8 BYTE),
  PER_ID_NBR VARCHAR2(36 BYTE),
  PRIM_SW CHAR(1 BYTE),
  VERSION NUMBER(5,0)
);

-- commit

-- direct_path_load CISSTG.CCS_LD_IH71W_CI_PER_ID (PER_ID, ID_TYPE_CD, PER_ID_NBR, PRIM_SW, VERSION) batch_size=100000: 1 rows

SELECT column_name, data_type, data_length, char_used, data_precision, data_scale, nullable, default_length FROM all_tab_columns WHERE owner = :schema AND table_name = :tname ORDER BY column_id;  -- binds: schema, tname

-- rollback

DELETE FROM CISSTG.CI_PER_ID WHERE PER_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

DELETE FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname;  -- binds: tname, wave

INSERT INTO CISSTG.CI_PER_ID (PER_ID, ID_TYPE_CD, PER_ID_NBR, PRIM_SW, VERSION) SELECT src.PER_ID, src.ID_TYPE_CD, src.PER_ID_NBR, src.PRIM_SW, src.VERSION FROM (SELECT PER_ID, ID_TYPE_CD, PER_ID_NBR, PRIM_SW, VERSION FROM CISSTG.CCS_LD_IH71W_CI_PER_ID) src;

INSERT INTO CISSTG.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) SELECT DISTINCT :wave, :tname, PER_ID FROM (SELECT PER_ID, ID_TYPE_CD, PER_ID_NBR, PRIM_SW, VERSION FROM CISSTG.CCS_LD_IH71W_CI_PER_ID) src;  -- binds: tname, wave

-- commit

SELECT count(*) FROM CISSTG.CI_PER_ID WHERE PER_ID IN (SELECT OWNER_KEY FROM CISSTG.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = :tname);  -- binds: tname, wave

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

DROP TABLE CISSTG.CCS_LD_IH71W_CI_PER_ID PURGE;

-- commit
