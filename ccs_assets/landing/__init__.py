"""Legacy landing: each legacy-interface file read with explicit types into the workbench."""
