"""Oracle step 7 (first half): validate the wave's staged entities, then generate production keys."""
