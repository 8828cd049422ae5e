"""Oracle step 4: one extract data file and one SQL*Loader control file per CC&B table per wave."""
