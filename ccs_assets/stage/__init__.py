"""Oracle step 6: load the wave's extract files from object storage into the staging schema."""
