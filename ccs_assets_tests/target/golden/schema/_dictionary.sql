SELECT username FROM all_users WHERE username = :schema;  -- binds: schema

SELECT table_name FROM all_tables WHERE owner = :schema;  -- binds: schema

SELECT index_name FROM all_indexes WHERE owner = :schema;  -- binds: schema

SELECT username FROM all_users WHERE username = :schema;  -- binds: schema

SELECT table_name FROM all_tables WHERE owner = :schema;  -- binds: schema

SELECT index_name FROM all_indexes WHERE owner = :schema;  -- binds: schema

SELECT table_name FROM all_tables WHERE owner = :schema;  -- binds: schema

SELECT index_name FROM all_indexes WHERE owner = :schema;  -- binds: schema

SELECT table_name FROM all_tables WHERE owner = :schema;  -- binds: schema

SELECT index_name FROM all_indexes WHERE owner = :schema;  -- binds: schema
