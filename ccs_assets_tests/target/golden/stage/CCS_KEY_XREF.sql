SELECT table_name FROM all_tables WHERE owner = :schema AND table_name = :tname;  -- binds: schema, tname

CREATE TABLE CISSTG.CCS_LD_CCS_KEY_XREF (
  TABLE_NAME VARCHAR2(30 BYTE),
  STG_KEY CHAR(12 BYTE),
  LEGACY_KEY VARCHAR2(120 BYTE),
  WAVE VARCHAR2(30 BYTE),
  LINE_NO NUMBER(10,0)
);

-- commit

-- direct_path_load CISSTG.CCS_LD_CCS_KEY_XREF (TABLE_NAME, STG_KEY, LEGACY_KEY, WAVE, LINE_NO) batch_size=100000: 1 rows

-- rollback

DELETE FROM CISSTG.CCS_KEY_XREF WHERE WAVE = :wave;  -- binds: wave

INSERT INTO CISSTG.CCS_KEY_XREF (TABLE_NAME, STG_KEY, LEGACY_KEY, WAVE, LINE_NO) SELECT TABLE_NAME, STG_KEY, LEGACY_KEY, WAVE, LINE_NO FROM CISSTG.CCS_LD_CCS_KEY_XREF;

-- commit

SELECT count(*) FROM CISSTG.CCS_KEY_XREF WHERE WAVE = :wave;  -- binds: wave

SELECT table_name FROM all_tables WHERE owner = :schema AND table_name = :tname;  -- binds: schema, tname

CREATE TABLE CISSTG.CCS_LD_LOAD_REJECTS (
  LINE_NO NUMBER(10,0),
  COLUMN_NAME VARCHAR2(4000 BYTE),
  VALUE VARCHAR2(4000 BYTE),
  MESSAGE VARCHAR2(4000 BYTE)
);

-- commit

-- direct_path_load CISSTG.CCS_LD_LOAD_REJECTS (LINE_NO, COLUMN_NAME, VALUE, MESSAGE) batch_size=100000: 1 rows

-- rollback

DELETE FROM CISSTG.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = :step AND TABLE_NAME = :tname;  -- binds: step, tname, wave

INSERT INTO CISSTG.CCS_VAL_ERR (WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO, STG_KEY)
            SELECT :wave, :step, :tname, NULL, 'LOAD_REJECT', r.COLUMN_NAME, r.VALUE, r.MESSAGE, r.LINE_NO, NULL
            FROM CISSTG.CCS_LD_LOAD_REJECTS r;  -- binds: step, tname, wave

-- commit

SELECT count(*) FROM CISSTG.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = :step AND TABLE_NAME = :tname;  -- binds: step, tname, wave
