"""Submit the service's batches over REST, poll them, decide success from the batch run.

POST /rest/apis/common/batch/batchJobSubmission/ creates a Pending job that
a background process picks up; GET .../{batchJobId} returns the job and,
once it exists, its batch run. The job's Ended says nothing about results
(ccs-batch-submission.md section 1): success is the run's status plus every
thread's status and the thread count asked for. A poll that times out (the
service's web-service timeout, or the gateway's) is retried with backoff and
is never a job failure. Credentials never appear in a message or a log line.

Field names of the job details below are those of the documented schema
F1-GetBatchJobDetails where the reference gives them (jobStatus,
batchJobId, runInfoList); the run's own fields (batchNumber,
batchRerunNumber, batchRunStatus, messages) are inferred and live only in
`_run_info`.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import requests

from .controls import Batch, BatchControls
from .settings import ServiceSettings

SUBMIT_PATH = "/rest/apis/common/batch/batchJobSubmission/"
SQL_DIR = Path(__file__).parent / "sql"
JOB_ENDED, JOB_CANCELLED = "ED", "CA"
TRANSIENT_HTTP = {408, 429, 502, 503, 504}


class ServiceError(RuntimeError):
    """The service could not be reached, refused the request, or answered something unexpected."""


class BatchFailed(RuntimeError):
    """A batch run ended in error (or was cancelled); the message carries the service's messages."""

    def __init__(self, message: str, run: "BatchRun | None" = None):
        super().__init__(message)
        self.run = run


class BatchCancelled(BatchFailed):
    pass


@dataclass
class BatchRun:
    step: str
    table: str
    batch_control: str
    job_id: str
    thread_count: int
    parameters: list[tuple[str, str]]
    job_status: str = ""
    batch_number: int | None = None
    rerun_number: int = 0
    run_status: str = ""
    outcome: str = ""
    threads: list[dict] = field(default_factory=list)
    records_processed: int = 0
    records_in_error: int = 0
    messages: list[str] = field(default_factory=list)
    polls: int = 0
    poll_timeouts: int = 0
    seconds: float = 0.0

    def summary(self) -> dict:
        return asdict(self)


class ServiceClient:
    """One authenticated HTTP session to the service's REST API and its REST-enabled SQL."""

    def __init__(self, settings: ServiceSettings, secret: str, controls: BatchControls, *,
                 sleep: Callable[[float], None] = time.sleep, log: Callable[[str], None] | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self._secret = secret
        self.controls = controls
        self._sleep = sleep
        self._clock = clock
        self._log = log or (lambda _m: None)
        self._http = requests.Session()
        self._http.trust_env = False  # no proxy or netrc credentials picked up behind our back
        self._token: str | None = None
        self._token_expires = 0.0
        self.timeout = float(controls.polling["http_timeout_seconds"])

    # ---------------------------------------------------------------- HTTP
    def _who(self) -> str:
        return self.settings.client_id if self.settings.auth == "oauth" else self.settings.user

    def _fetch_token(self) -> None:
        data = {"grant_type": "client_credentials"}
        if self.settings.scope:
            data["scope"] = self.settings.scope
        try:
            r = self._http.post(self.settings.token_url, data=data, auth=(self.settings.client_id, self._secret),
                                timeout=self.timeout)
        except requests.RequestException as exc:
            raise ServiceError(f"cannot reach the OAuth token endpoint {self.settings.token_url}: {type(exc).__name__}") from None
        if r.status_code != 200:
            raise ServiceError(f"the OAuth token endpoint {self.settings.token_url} refused client {self.settings.client_id} "
                               f"(HTTP {r.status_code})")
        body = r.json()
        self._token = body.get("access_token")
        if not self._token:
            raise ServiceError(f"the OAuth token endpoint {self.settings.token_url} answered without an access_token")
        self._token_expires = self._clock() + float(body.get("expires_in", 300)) - 30

    def _auth(self, kwargs: dict) -> None:
        if self.settings.auth == "basic":
            kwargs["auth"] = (self.settings.user, self._secret)
            return
        if self._token is None or self._clock() >= self._token_expires:
            self._fetch_token()
        kwargs.setdefault("headers", {})["Authorization"] = f"Bearer {self._token}"

    def _request(self, method: str, url: str, **kwargs) -> requests.Response:
        """One call; raises requests' own Timeout/ConnectionError for the caller to judge."""
        for attempt in (1, 2):
            self._auth(kwargs)
            r = self._http.request(method, url, timeout=self.timeout, **kwargs)
            if r.status_code == 401 and self.settings.auth == "oauth" and attempt == 1:
                self._token = None  # expired early: one fresh token, then give up
                continue
            return r
        return r

    def _call(self, method: str, url: str, what: str, **kwargs) -> dict:
        try:
            r = self._request(method, url, **kwargs)
        except requests.Timeout:
            raise
        except requests.RequestException as exc:
            raise ServiceError(f"cannot reach the service at {url} ({what}): {type(exc).__name__}") from None
        if r.status_code in (401, 403):
            raise ServiceError(f"the service refused {self._who()} for {what} (HTTP {r.status_code}): check the user's "
                               "roles (REST/SOAP Web Services, REST Enabled SQL) and user groups")
        if r.status_code in TRANSIENT_HTTP:
            raise requests.Timeout(f"HTTP {r.status_code}")
        if r.status_code >= 400:
            raise ServiceError(f"{what} failed: HTTP {r.status_code} {_error_text(r)}")
        try:
            return r.json()
        except ValueError:
            raise ServiceError(f"{what}: the service answered HTTP {r.status_code} without JSON") from None

    # ---------------------------------------------------------------- REST-enabled SQL
    def sql(self, statement: str, **binds) -> list[dict]:
        """Run one read-only statement through REST-enabled SQL; rows as {COLUMN_NAME: value}.

        Results must be small (aggregate on the server): a result the service pages is an error, never truncated.
        """
        body = {"statementText": statement, "limit": 10000,
                "binds": [{"name": k, "data_type": "NUMBER" if isinstance(v, (int, float)) else "VARCHAR", "value": v}
                          for k, v in binds.items()]}
        try:
            doc = self._call("POST", self.settings.sql_url, "REST-enabled SQL", json=body)
        except requests.Timeout:
            raise ServiceError(f"REST-enabled SQL at {self.settings.sql_url} timed out (5-minute limit): "
                               f"{statement.split(chr(10))[0][:120]}") from None
        items = doc.get("items") or []
        if not items:
            raise ServiceError("REST-enabled SQL answered without a statement result")
        item = items[0]
        if "errorCode" in item or "errorDetails" in item:
            raise ServiceError(f"REST-enabled SQL error {item.get('errorCode', '')}: "
                               f"{str(item.get('errorDetails') or item.get('errorMessage', '')).splitlines()[0]}")
        rs = item.get("resultSet") or {}
        if rs.get("hasMore"):
            raise ServiceError("REST-enabled SQL result has more than one page: the read-back query must aggregate on the server")
        names = {m.get("jsonColumnName", m["columnName"].lower()): m["columnName"] for m in rs.get("metadata", [])}
        return [{names.get(k, k.upper()): v for k, v in row.items()} for row in rs.get("items", [])]

    def check(self) -> None:
        """Reachable and authenticated: a token (OAuth) and one trivial statement."""
        self.sql("SELECT 1 AS OK FROM DUAL")

    # ---------------------------------------------------------------- batches
    def submit(self, batch: Batch, values: dict[str, str]) -> BatchRun:
        params = batch.resolved_parameters(values)
        details = {
            "batchControl": batch.batch_control,
            "threadCount": batch.thread_count,
            "processDate": date.today().isoformat(),
            **self.controls.submission,
            "batchJobExtraParameter": [{"batchParameterName": n, "batchParameterValue": v, "sequence": (i + 1) * 10}
                                       for i, (n, v) in enumerate(params)],
        }
        url = self.settings.url + SUBMIT_PATH
        what = f"submitting {batch.batch_control} ({batch.step} {batch.table})"
        try:
            doc = self._call("POST", url, what, json={"F1SubmitJob": {"jobDetails": details}})
        except requests.Timeout:
            # unknown whether the job was created: never submit twice blindly
            raise ServiceError(f"{what} timed out; look for the job in the Batch Job Submission portal before rerunning") from None
        job = doc.get("F1SubmitJob", doc).get("jobDetails", doc.get("F1SubmitJob", doc))
        job_id = str(job.get("batchJobId") or "").strip()
        if not job_id:
            raise ServiceError(f"{what}: the service answered without a batchJobId")
        self._log(f"{batch.step} {batch.table}: submitted {batch.batch_control} with {batch.thread_count} threads, job {job_id}")
        return BatchRun(batch.step, batch.table, batch.batch_control, job_id, batch.thread_count, params)

    def job(self, job_id: str) -> dict:
        return self._call("GET", self.settings.url + SUBMIT_PATH + job_id, f"batch job {job_id}")

    def wait(self, run: BatchRun) -> BatchRun:
        """Poll until the job ends and its run is no longer in progress; raise BatchFailed unless it succeeded."""
        p = self.controls.polling
        delay, start = float(p["first_seconds"]), self._clock()
        deadline = start + float(p["give_up_minutes"]) * 60
        while True:
            self._sleep(delay)
            run.polls += 1
            try:
                doc = self.job(run.job_id)
            except requests.Timeout as exc:
                run.poll_timeouts += 1
                self._log(f"{run.step} {run.table}: poll {run.polls} of job {run.job_id} timed out ({exc or 'no answer'}); "
                          "not a job failure, polling again")
                doc = None
            if doc is not None:
                run.job_status = str(doc.get("jobStatus", "")).strip()
                info = _run_info(doc)
                if info:
                    run.batch_number, run.rerun_number, run.run_status, msgs = info
                    run.messages = msgs
                    run.outcome = self.controls.run_status.get(run.run_status, "unknown")
                if run.job_status == JOB_CANCELLED:
                    run.seconds = self._clock() - start
                    raise BatchCancelled(f"{run.batch_control} ({run.step} {run.table}) job {run.job_id} was cancelled in the "
                                         f"service{_msgs(run)}", run)
                if run.job_status == JOB_ENDED and run.outcome != "in_progress":
                    break
            if self._clock() >= deadline:
                raise BatchFailed(f"{run.batch_control} ({run.step} {run.table}) job {run.job_id} has not ended after "
                                  f"{p['give_up_minutes']} minutes (status {run.job_status or 'unknown'}); it was not cancelled", run)
            delay = min(delay * 2, float(p["max_seconds"]))
        run.seconds = self._clock() - start
        if run.batch_number is None:
            raise BatchFailed(f"{run.batch_control} ({run.step} {run.table}) job {run.job_id} ended without a batch run{_msgs(run)}", run)
        self._read_threads(run)
        return self._judge(run)

    def _read_threads(self, run: BatchRun) -> None:
        sql = (SQL_DIR / "batch_threads.sql").read_text().format(prod=self.controls.readback["production_schema"])
        rows = self.sql(_strip_comments(sql), batch_cd=run.batch_control, batch_nbr=run.batch_number, rerun_nbr=run.rerun_number)
        run.threads = [{"thread": int(r["THREAD_NBR"]), "status": str(r["THREAD_STATUS"]).strip(),
                        "outcome": self.controls.thread_status.get(str(r["THREAD_STATUS"]).strip(), "unknown"),
                        "records_processed": int(r["RECORDS_PROCESSED"]), "records_in_error": int(r["RECORDS_IN_ERROR"])}
                       for r in rows]
        run.records_processed = sum(t["records_processed"] for t in run.threads)
        run.records_in_error = sum(t["records_in_error"] for t in run.threads)

    def _judge(self, run: BatchRun) -> BatchRun:
        what = f"{run.batch_control} ({run.step} {run.table}) run {run.batch_number}"
        if run.outcome == "cancelled":
            raise BatchCancelled(f"{what} was cancelled{_msgs(run)}", run)
        if run.outcome != "complete":
            state = f"status {run.run_status}" + (" (not in the [run_status] list)" if run.outcome == "unknown" else "")
            raise BatchFailed(f"{what} ended in error ({state}){_msgs(run)}", run)
        bad = [t for t in run.threads if t["outcome"] != "complete"]
        if bad:
            raise BatchFailed(f"{what} is complete but thread(s) {', '.join(str(t['thread']) + ' status ' + t['status'] for t in bad)} "
                              f"are not{_msgs(run)}", run)
        if len(run.threads) != run.thread_count:
            raise BatchFailed(f"{what} is complete but ran {len(run.threads)} thread(s) of the {run.thread_count} submitted", run)
        self._log(f"{run.step} {run.table}: {what} complete, {run.records_processed} records processed, "
                  f"{run.records_in_error} in error, {run.polls} polls ({run.poll_timeouts} timed out)")
        return run

    def run_batch(self, batch: Batch, values: dict[str, str]) -> BatchRun:
        return self.wait(self.submit(batch, values))


def _run_info(doc: dict) -> tuple[int, int, str, list[str]] | None:
    """(batch number, rerun number, run status, messages) of the job's latest batch run, or None before it exists."""
    runs = doc.get("runInfoList") or []
    if isinstance(runs, dict):
        runs = [runs]
    if not runs:
        return None
    r = runs[-1]
    if r.get("batchNumber") in (None, ""):
        return None
    msgs = [str(m.get("messageText", m)) if isinstance(m, dict) else str(m) for m in r.get("messages") or []]
    return int(r["batchNumber"]), int(r.get("batchRerunNumber") or 0), str(r.get("batchRunStatus", "")).strip(), msgs


def _msgs(run: BatchRun) -> str:
    return (": " + " | ".join(run.messages)) if run.messages else ""


def _error_text(r: requests.Response) -> str:
    try:
        doc = r.json()
        return str(doc.get("title") or doc.get("message") or doc.get("detail") or "")[:300]
    except ValueError:
        return r.text[:200].replace("\n", " ")


def _strip_comments(sql: str) -> str:
    return "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--")).strip()
