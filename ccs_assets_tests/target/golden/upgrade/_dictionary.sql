SELECT table_name, column_name, data_type, char_length, data_precision, data_scale, nullable FROM all_tab_columns WHERE owner = :schema ORDER BY table_name, column_id;  -- binds: schema
