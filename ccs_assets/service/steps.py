"""CCS_TARGET=ccs: after each step's rehearsal, the service's own batch, then its read-back beside the rehearsal.

This is the one place where a step becomes a batch. The step functions
(stage_file, validate_entity, generate_keys, insert_production, run_admin,
migrate_table) run their SQL on the DuckDB rehearsal as on any target, then,
when their session carries a ServiceSteps, call the method of the same step
here: it submits the batch control the batch-control file names for the
step and table (every parameter explicit), waits for its run, records it in
the rehearsal's CCS_SERVICE_BATCH journal, and reads back what the service
now holds next to what the rehearsal expected. A failed or cancelled run
raises with the service's messages; a difference is returned (metadata,
`differences`) and fails the blocking reconciliation check, listing tables.
"""

from __future__ import annotations

from ..catalog import ccb, mdm, odm
from ..catalog.model import Table
from ..storage import ObjectNotFound, store_from_env
from ..target.resource import TargetSession
from .client import BatchFailed, BatchRun, ServiceClient
from .controls import required_tables
from .readback import (differences, errors_per_table, rehearsal_errors, rehearsal_production, rehearsal_staged,
                       service_counts, service_errors)
from .sqlloader import SqlLoaderLogError, count_bad_records, parse_log

JOURNAL = "CCS_SERVICE_BATCH"
KEYED = [t for t in ccb.CCB_TABLES if t.key_table]
MAX_REJECTS_SHOWN = 20


def _k_of(t: Table) -> list[str]:
    return [t.k_table] if t.key_table else []


class ServiceSteps:
    def __init__(self, client: ServiceClient):
        self.client = client
        self.controls = client.controls
        self.results: dict[str, dict] = {}  # read-backs a step function has no result dict for (X1-MIGAD)

    # ---------------------------------------------------------------- journal
    def _journal_table(self, s: TargetSession) -> str:
        """The rehearsal's record of every service batch (always DuckDB: CCS_TARGET=ccs rehearses on DuckDB)."""
        s.execute(f"CREATE SCHEMA IF NOT EXISTS {s.stg}")
        s.execute(f"""CREATE TABLE IF NOT EXISTS {s.stg}.{JOURNAL} (WAVE VARCHAR, STEP VARCHAR, TABLE_NAME VARCHAR,
                      BATCH_CONTROL VARCHAR, JOB_ID VARCHAR, BATCH_NBR INTEGER, RUN_STATUS VARCHAR, OUTCOME VARCHAR,
                      THREADS INTEGER, RECORDS_PROCESSED BIGINT, RECORDS_IN_ERROR BIGINT, POLLS INTEGER,
                      POLL_TIMEOUTS INTEGER, ENDED_AT TIMESTAMP DEFAULT current_timestamp)""")
        return f"{s.stg}.{JOURNAL}"

    def _record(self, s: TargetSession, wave: str, run: BatchRun) -> None:
        j = self._journal_table(s)
        s.execute(f"""INSERT INTO {j} (WAVE, STEP, TABLE_NAME, BATCH_CONTROL, JOB_ID, BATCH_NBR, RUN_STATUS, OUTCOME, THREADS,
                      RECORDS_PROCESSED, RECORDS_IN_ERROR, POLLS, POLL_TIMEOUTS)
                      VALUES (:wave, :step, :tname, :code, :job, :nbr, :status, :outcome, :threads, :proc, :err, :polls, :tmo)""",
                  wave=wave, step=run.step, tname=run.table, code=run.batch_control, job=run.job_id, nbr=run.batch_number,
                  status=run.run_status, outcome=run.outcome or run.job_status, threads=run.thread_count,
                  proc=run.records_processed, err=run.records_in_error, polls=run.polls, tmo=run.poll_timeouts)

    def last_wave(self, s: TargetSession, step: str) -> str | None:
        """The wave whose `step` batches ran last in the service (what its staging / CI_VAL_ERR hold now)."""
        j = self._journal_table(s)
        return s.scalar(f"SELECT WAVE FROM {j} WHERE STEP = :step AND OUTCOME = 'complete' ORDER BY rowid DESC LIMIT 1",
                        step=step)

    def _check_order(self, s: TargetSession, step: str, table: str, wave: str) -> None:
        batch = self.controls.batch(step, table)
        j = self._journal_table(s)
        for parent in batch.after:
            last = s.scalar(f"SELECT OUTCOME FROM {j} WHERE WAVE = :wave AND STEP = :step AND TABLE_NAME = :p "
                            "ORDER BY rowid DESC LIMIT 1", wave=wave, step=step, p=parent)
            if last != "complete":
                raise BatchFailed(f"{step} {table} must run after {step} {parent} ({self.controls.path} [{step}.after]), "
                                  f"whose batch has not completed for {wave}")

    # ---------------------------------------------------------------- one batch
    def run(self, s: TargetSession, step: str, table: str, wave: str) -> BatchRun:
        batch = self.controls.batch(step, table)
        self._check_order(s, step, table, wave)
        values = {"wave": wave, "table": table, **self.controls.locations_for(wave)}
        try:
            run = self.client.run_batch(batch, values)
        except BatchFailed as exc:
            if exc.run is not None:
                self._record(s, wave, exc.run)
            raise
        self._record(s, wave, run)
        return run

    @staticmethod
    def _batch_meta(run: BatchRun) -> dict:
        return {"batch_control": run.batch_control, "job": run.job_id, "run": run.batch_number, "run_status": run.run_status,
                "threads": run.threads, "records_processed": run.records_processed,
                "records_in_error": run.records_in_error, "polls": run.polls, "poll_timeouts": run.poll_timeouts,
                "seconds": round(run.seconds, 1)}

    def _result(self, run: BatchRun, readback: dict, diffs: list[str], **extra) -> dict:
        if diffs:
            self.client._log(f"{run.step} {run.table}: the service differs from the rehearsal: {'; '.join(diffs)}")
        return {"service": {"table": run.table, "batch": self._batch_meta(run), "readback": readback, "differences": diffs,
                            **extra}}

    # ---------------------------------------------------------------- steps
    def stage(self, s: TargetSession, t: Table, wave: str, rehearsal: dict) -> dict:
        """K1-CNVLD clone for the table, its SQL*Loader log and bad file, and the staging count read back."""
        if self.controls.batch("stage", t.name) is None:
            return {"service": {"not_loaded": f"no batch control for {t.name} in {self.controls.path}: "
                                              "kept in the rehearsal only"}}
        run = self.run(s, "stage", t.name, wave)
        log = self.sqlloader(t.name, wave)
        staged = service_counts(self.client, "staging", [t.name])
        diffs = differences("staged", {t.name: int(rehearsal["loaded"])}, staged)
        if "tables" in log:
            got = log["tables"].get(t.name, {})
            diffs += differences("SQL*Loader loaded", {t.name: int(rehearsal["loaded"])}, {t.name: got.get("loaded")})
            diffs += differences("SQL*Loader rejected", {t.name: int(rehearsal["rejected"])}, {t.name: got.get("rejected")})
        else:
            diffs.append(f"SQL*Loader log {t.name}: {log['problem']}")
        return self._result(run, {"staged": staged[t.name], "rehearsal_staged": int(rehearsal["loaded"])}, diffs,
                            sqlloader=log)

    def sqlloader(self, table: str, wave: str) -> dict:
        """The load batch's log and bad file from the output location: loaded, rejected and why."""
        from ..settings import load_settings

        store = store_from_env(ccs_home=load_settings().home)
        folder = self.controls.locations_for(wave)["output_objects"].strip("/")
        try:
            text = store.get_bytes(f"{folder}/{table}.log").decode("utf-8", "replace")
        except ObjectNotFound:
            return {"problem": f"no {folder}/{table}.log in {store.describe()}"}
        try:
            log = parse_log(text, f"{folder}/{table}.log")
        except SqlLoaderLogError as exc:
            return {"problem": str(exc)}
        try:
            bad = count_bad_records(store.get_bytes(f"{folder}/{table}.bad"))
        except ObjectNotFound:
            bad = 0
        return {"log": f"{folder}/{table}.log", "tables": log["tables"], "totals": log["totals"], "bad_records": bad,
                "rejects": log["rejects"][:MAX_REJECTS_SHOWN], "rejects_not_shown": max(0, len(log["rejects"]) - MAX_REJECTS_SHOWN)}

    def validate(self, s: TargetSession, t: Table, tables: list[str], wave: str) -> dict:
        """The entity's validation batch, then its CI_VAL_ERR rows per table beside the rehearsal's errors."""
        run = self.run(s, "validate", t.name, wave)
        got = errors_per_table(service_errors(self.client))
        actual = {n: got.get(n, 0) for n in tables}
        expected = rehearsal_errors(s, wave, tables)
        return self._result(run, {"errors": actual, "rehearsal_errors": expected}, differences("validation errors", expected, actual))

    def keys(self, s: TargetSession, t: Table, wave: str, rehearsal: dict) -> dict:
        run = self.run(s, "keys", t.name, wave)
        return self._result(run, {"records_processed": run.records_processed, "records_in_error": run.records_in_error,
                                  "rehearsal_keyed": rehearsal["keyed"], "rehearsal_rejected": rehearsal["rejected"]}, [])

    def _production(self, s: TargetSession, run: BatchRun, tables: list[str]) -> dict:
        actual = service_counts(self.client, "production", tables)
        expected = rehearsal_production(s, tables)
        return self._result(run, {"production": actual, "rehearsal_production": expected},
                            differences("production rows", expected, actual))

    def production(self, s: TargetSession, t: Table, wave: str) -> dict:
        return self._production(s, self.run(s, "production", t.name, wave), [t.name] + _k_of(t))

    def admin(self, s: TargetSession, tables: list[str]) -> dict:
        return self._production(s, self.run(s, "admin", "*", ""), tables)

    def mdm_odm(self, s: TargetSession, t: Table, wave: str) -> dict:
        return self._production(s, self.run(s, "mdm_odm", t.name, wave), [t.name])

    def conversion(self, s: TargetSession, enable: bool) -> dict:
        """K1-CNVEN (enable, once) or K1-CNVDS (disable at the very end; blocks every further load)."""
        run = self.run(s, "enable" if enable else "disable", "*", "")
        return {"service": {"batch": self._batch_meta(run)}}

    # ---------------------------------------------------------------- the whole wave
    def reconciliation(self, s: TargetSession, wave: str) -> dict:
        """Staging, production and CI_VAL_ERR read back beside the rehearsal; `problems` lists each differing table.

        Staging and CI_VAL_ERR hold what the service last loaded and validated: compared only when that was this
        wave (otherwise said so in `notes`). Production holds every wave, as the rehearsal's does.
        """
        report: dict = {"notes": []}
        problems: list[str] = []
        stage_tables = required_tables("stage")
        if self.last_wave(s, "stage") == wave:
            actual = service_counts(self.client, "staging", stage_tables)
            expected = rehearsal_staged(s, wave, stage_tables)
            report["staging"] = {t: {"rehearsal": expected[t], "service": actual.get(t)} for t in stage_tables}
            problems += differences("service staged", expected, actual)
        else:
            report["notes"].append(f"service staging holds {self.last_wave(s, 'stage') or 'nothing loaded'}, not {wave}: "
                                   "not compared")
        if self.last_wave(s, "validate") == wave:
            tables = [n.name for n in ccb.CCB_TABLES]
            actual = errors_per_table(service_errors(self.client))
            expected = rehearsal_errors(s, wave, tables)
            report["errors"] = {t: {"rehearsal": expected[t], "service": actual.get(t, 0)} for t in tables}
            problems += differences("service validation errors", expected, {t: actual.get(t, 0) for t in tables})
        else:
            report["notes"].append(f"service CI_VAL_ERR holds {self.last_wave(s, 'validate') or 'nothing validated'}, "
                                   f"not {wave}: not compared")
        ccb_tables = [t.name for t in ccb.CCB_TABLES] + [t.k_table for t in KEYED]
        existing = {r[0].upper() for r in s.query(s.dialect.tables_sql(), schema=s.dialect.schema_name(s.prod))}
        x1_tables = [n for n in [t.name for t in mdm.ADMIN_TABLES + odm.ADMIN_TABLES] + required_tables("mdm_odm")
                     if n in existing]
        actual = service_counts(self.client, "production", ccb_tables + x1_tables)
        expected = rehearsal_production(s, ccb_tables + x1_tables)
        report["production"] = {t: {"rehearsal": expected[t], "service": actual.get(t)} for t in ccb_tables + x1_tables}
        problems += differences("service production rows", {t: expected[t] for t in ccb_tables}, actual)
        # steps 9-12 run after CC&B production: the CC&B reconciliation leaves them to the MDM/ODM one
        x1_problems = differences("service production rows", {t: expected[t] for t in x1_tables}, actual)
        return {"report": report, "problems": problems, "x1_problems": x1_problems}

    def errors(self, s: TargetSession, wave: str) -> dict:
        """CI_VAL_ERR per table and message; per table beside the rehearsal, with the tables that differ.

        Only when the service's last validation was this wave's (its CI_VAL_ERR holds no other): else `note` says so.
        """
        held = self.last_wave(s, "validate")
        if held != wave:
            return {"rows": [], "tables": {}, "differences": [],
                    "note": f"service CI_VAL_ERR holds {held or 'nothing validated'}, not {wave}: not read"}
        rows = service_errors(self.client)
        tables = [n.name for n in ccb.CCB_TABLES]
        got = errors_per_table(rows)
        expected = rehearsal_errors(s, wave, tables)
        actual = {t: got.get(t, 0) for t in tables}
        return {"rows": rows, "tables": {t: {"rehearsal": expected[t], "service": actual[t]} for t in tables},
                "differences": differences("validation errors", expected, actual), "note": ""}



def service_metadata(*results: dict | None) -> dict:
    """Dagster metadata of the service batches behind a step's results (CCS_TARGET=ccs); {} on other targets."""
    svc = [r["service"] for r in results if r and "service" in r]
    if not svc:
        return {}
    md: dict = {"ccs/service_batches": [x["batch"] for x in svc if "batch" in x],
                "ccs/service_readback": [x["readback"] for x in svc if "readback" in x],
                "ccs/service_differences": [d for x in svc for d in x.get("differences", [])]}
    logs = {x["table"]: x["sqlloader"] for x in svc if "sqlloader" in x}
    if logs:
        md["ccs/sqlloader"] = logs  # per loaded table: its SQL*Loader log's counts and rejected records
    skipped = [x["not_loaded"] for x in svc if "not_loaded" in x]
    if skipped:
        md["ccs/service"] = "; ".join(skipped)
    return md
