SELECT _rec, 'INVALID_VALUE', 'currency', currency, 'currency must be an ISO 4217 code (three capital letters)'
FROM legacy.accounts WHERE _wave = $wave AND currency IS NOT NULL AND NOT regexp_full_match(currency, '[A-Z]{3}');
