"""Oracle steps 1 (and 4's keys): legacy records validated and shaped into CC&B rows on the workbench."""
