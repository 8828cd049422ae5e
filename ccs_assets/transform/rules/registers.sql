-- registers.csv ranges. Each returns (rec, rule, column, value, message).
SELECT _rec, 'OUT_OF_RANGE', 'register_no', CAST(register_no AS VARCHAR), 'register_no must be 1..99'
FROM legacy.registers WHERE _wave = $wave AND register_no NOT BETWEEN 1 AND 99;
SELECT _rec, 'OUT_OF_RANGE', 'digits_left', CAST(digits_left AS VARCHAR), 'digits_left must be 1..10'
FROM legacy.registers WHERE _wave = $wave AND digits_left NOT BETWEEN 1 AND 10;
SELECT _rec, 'OUT_OF_RANGE', 'digits_right', CAST(digits_right AS VARCHAR), 'digits_right must be 0..5'
FROM legacy.registers WHERE _wave = $wave AND digits_right NOT BETWEEN 0 AND 5;
SELECT _rec, 'OUT_OF_RANGE', 'multiplier', CAST(multiplier AS VARCHAR), 'multiplier must be greater than 0'
FROM legacy.registers WHERE _wave = $wave AND multiplier <= 0;
