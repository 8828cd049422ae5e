-- customers.csv rules that read more than one column. Each returns (rec, rule, column, value, message).
SELECT _rec, 'REQUIRED_WHEN', 'first_name', NULL, 'first_name is required for a residential customer (cust_type R)'
FROM legacy.customers WHERE _wave = $wave AND cust_type = 'R' AND first_name IS NULL;
SELECT _rec, 'REQUIRED_WHEN', 'last_name', NULL, 'last_name is required for a residential customer (cust_type R)'
FROM legacy.customers WHERE _wave = $wave AND cust_type = 'R' AND last_name IS NULL;
SELECT _rec, 'REQUIRED_WHEN', 'business_name', NULL, 'business_name is required for a business customer (cust_type B)'
FROM legacy.customers WHERE _wave = $wave AND cust_type = 'B' AND business_name IS NULL;
SELECT _rec, 'REQUIRED_WHEN', 'id_number', NULL, 'id_number is required when id_type is set'
FROM legacy.customers WHERE _wave = $wave AND id_type IS NOT NULL AND id_number IS NULL;
SELECT _rec, 'EMAIL_FORMAT', 'email', email, 'email must have one @ and a dot in the domain part'
FROM legacy.customers WHERE _wave = $wave AND email IS NOT NULL
  AND NOT regexp_full_match(email, '[^@\s]+@[^@\s]*\.[^@\s]*');
SELECT _rec, 'PHONE_NO_DIGITS', 'phone', phone, 'phone has no digits'
FROM legacy.customers WHERE _wave = $wave AND phone IS NOT NULL AND regexp_replace(phone, '[^0-9]', '', 'g') = '';
SELECT _rec, 'REQUIRED_WHEN', c, NULL, c || ' is required when mail_address1 is set'
FROM (
    SELECT _rec, 'mail_city' AS c FROM legacy.customers WHERE _wave = $wave AND mail_address1 IS NOT NULL AND mail_city IS NULL
    UNION ALL
    SELECT _rec, 'mail_postal' FROM legacy.customers WHERE _wave = $wave AND mail_address1 IS NOT NULL AND mail_postal IS NULL
    UNION ALL
    SELECT _rec, 'mail_country' FROM legacy.customers WHERE _wave = $wave AND mail_address1 IS NOT NULL AND mail_country IS NULL
);
