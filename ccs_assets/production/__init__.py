"""Oracle step 7 (second half) and step 8: insert into production, then validate production."""
