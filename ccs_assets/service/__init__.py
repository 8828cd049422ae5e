"""The real Customer Cloud Service as a target (CCS_TARGET=ccs).

A utility has no write access to the service's schemas: files reach it
through Object Storage and the SQL Loader batch (K1-CNVLD), and every later
step is one of the service's own batch controls. This package submits and
monitors those batches over the service's REST API (client.py), says which
batch control runs for which step and table (controls.py, a configuration
file), reads results back through the read-only REST-enabled SQL
(readback.py) and parses the SQL*Loader logs the load batch writes to the
output bucket (sqlloader.py). Facts and their confidence:
../shared/reference/ccs-batch-submission.md.
"""
