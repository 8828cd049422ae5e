-- meter_history_reads.csv rules that read the history and the registers. Each returns (rec, rule, column, value, message).
SELECT x._rec, 'REMOVE_WITHOUT_REMOVAL', 'event', x.event, 'a REMOVE read needs a removed_at on history ' || x.history_no
FROM legacy.meter_history_reads x
JOIN (SELECT history_no, max(removed_at) AS removed_at FROM legacy.meter_history WHERE _wave = $wave GROUP BY history_no) h
  ON h.history_no = x.history_no
WHERE x._wave = $wave AND x.event = 'REMOVE' AND h.removed_at IS NULL;
SELECT _rec, 'OUT_OF_RANGE', 'reading', CAST(reading AS VARCHAR), 'reading must not be negative'
FROM legacy.meter_history_reads WHERE _wave = $wave AND reading < 0;
SELECT x._rec, 'UNKNOWN_REGISTER', 'register_no', CAST(x.register_no AS VARCHAR),
       'meter ' || h.meter_no || ' of history ' || x.history_no || ' has no register ' || CAST(x.register_no AS VARCHAR)
FROM legacy.meter_history_reads x
JOIN history_meter($wave) h
  ON h.history_no = x.history_no
WHERE x._wave = $wave AND x.register_no IS NOT NULL AND h.meter_no IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM legacy.registers g WHERE g._wave = $wave AND g.meter_no = h.meter_no AND g.register_no = x.register_no);
SELECT x._rec, 'READING_TOO_LARGE', 'reading', CAST(x.reading AS VARCHAR),
       'reading ' || CAST(x.reading AS VARCHAR) || ' does not fit register ' || CAST(x.register_no AS VARCHAR) || ' of meter ' || h.meter_no
       || ' (' || CAST(g.digits_left AS VARCHAR) || ' digits left of the decimal point)'
FROM legacy.meter_history_reads x
JOIN history_meter($wave) h ON h.history_no = x.history_no
JOIN (SELECT meter_no, register_no, min(digits_left) AS digits_left FROM legacy.registers
      WHERE _wave = $wave AND digits_left BETWEEN 1 AND 10 GROUP BY meter_no, register_no) g
  ON g.meter_no = h.meter_no AND g.register_no = x.register_no
WHERE x._wave = $wave AND x.reading >= power(10, g.digits_left);
SELECT x._rec, 'PARENT_REJECTED', 'register_no', CAST(x.register_no AS VARCHAR),
       'register ''' || h.meter_no || '/' || CAST(x.register_no AS VARCHAR) || ''' was rejected, so this record is too'
FROM legacy.meter_history_reads x
JOIN history_meter($wave) h ON h.history_no = x.history_no
WHERE x._wave = $wave AND EXISTS (
    SELECT 1 FROM legacy.registers g JOIN wb.record_status gs ON gs.wave = $wave AND gs.file = 'registers' AND gs.rec = g._rec
    WHERE g._wave = $wave AND g.meter_no = h.meter_no AND g.register_no = x.register_no AND NOT gs.valid);
-- CI_REG_READ.REG_READING is N15.6 (C): at most 9 digits left of the decimal point, whatever the register says
SELECT x._rec, 'READING_TOO_LARGE', 'reading', CAST(x.reading AS VARCHAR),
       'reading ' || CAST(x.reading AS VARCHAR) || ' does not fit CI_REG_READ.REG_READING NUMBER(15,6) (9 digits left of the decimal point)'
FROM legacy.meter_history_reads x
WHERE x._wave = $wave AND x.reading >= 1000000000;
