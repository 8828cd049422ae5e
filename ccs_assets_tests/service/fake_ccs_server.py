"""A loopback fake of Customer Cloud Service for the CCS_TARGET=ccs tests.

It serves, on 127.0.0.1 and a free port:

==========  ===============================================  =============================
POST        ``/oauth2/v1/token``                             OAuth client credentials
POST        ``/ccs/rest/apis/common/batch/batchJobSubmission/``         Submit Batch Job (F1-SubmitJob)
GET         ``/ccs/rest/apis/common/batch/batchJobSubmission/{id}``     Batch job / batch run details
PATCH       ``/ccs/rest/apis/common/batch/batchJobSubmission/{id}/cancel``  Cancel
POST        ``/ords/ccs/_/sql``                              REST-enabled SQL (read-only)
==========  ===============================================  =============================

Like the service (ccs-batch-submission.md): a submitted job is Pending until
a background worker picks it up (Started), then Ended or Canceled; Ended
says nothing about success, the batch run's status does (50 complete, 30
error) and each thread has its own status and counts in CI_BATCH_THD /
CI_BATCH_INST, readable through REST-enabled SQL (CISREAD). Every
parameter the batch-control file declares must be sent, thread count
included (400 otherwise). Requests need a Bearer token from the token
endpoint or Basic credentials (401 otherwise).

Behind it is a DuckDB file in which each batch does what the service's
would, with the project's own step functions: the load batch (K1-CNVLD
clones) downloads ``<TABLE>.dat`` from the input location in the bucket,
loads it into staging (stage_file) and writes a SQL*Loader log and bad file
to the output location; validation (validate_entity, errors in CI_VAL_ERR),
key assignment (generate_keys), insert (insert_production), X1-MIGAD
(run_admin) and the MDM/ODM migrations (migrate_table) follow. K1-CNVEN
enables conversion; K1-CNVDS disables it and every later load fails. The
service has no waves: the fake's staging views (STGADM) show the wave of
the last load, production views (CISREAD) every wave.

Faults: ``fail_next[batch_control] = message`` ends that batch's next run in
error with the message; ``cancel_next`` (a set of codes) cancels the next
job of that code before it starts; ``stall_polls`` GETs of job details each
sleep ``stall_seconds`` first (longer than the client's timeout: a
web-service timeout). ``submissions`` keeps every job body received.
This is a test double from the public reference, not Oracle's service.
"""

from __future__ import annotations

import base64
import json
import queue
import re
import secrets
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs

import duckdb

from ccs_assets.catalog import ccb, project
from ccs_assets.cloud.config import load_master_config
from ccs_assets.cloud.steps import BY_NAME as X1_BY_NAME, ensure_x1_schema, migrate_table, run_admin, x1_production_tables
from ccs_assets.keys.steps import generate_keys, mo_children, validate_entity
from ccs_assets.production.steps import insert_production
from ccs_assets.service.controls import BatchControls
from ccs_assets.service.sqlloader import render_log
from ccs_assets.stage.steps import stage_file
from ccs_assets.storage.base import ObjectStore
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.resource import TargetSession
from ccs_assets.target.schema import production_tables, staging_tables

from ..loopback import LoopbackServer

SUBMIT = "/ccs/rest/apis/common/batch/batchJobSubmission/"
SQL_PATH = "/ords/ccs/_/sql"
TOKEN_PATH = "/oauth2/v1/token"
CCB = {t.name: t for t in ccb.CCB_TABLES}
STAGED = {t.name: t for t in staging_tables()}
RUN_COMPLETE, RUN_ERROR, RUN_IN_PROGRESS = "50", "30", "20"


class FakeCustomerCloudService(LoopbackServer):
    def __init__(self, db_path: Path, controls: BatchControls, store: ObjectStore, file_storage_root: str,
                 master_config: Path, *, env_id: int = 100000, client_id: str = "ccs-client", client_secret: str = "",
                 user: str = "ccs-integration", password: str = "", max_lifetime: float = 600.0, pickup_delay: float = 0.05):
        self.db_path = Path(db_path)
        self.controls = controls
        self.store = store
        self.root = file_storage_root.rstrip("/") + "/"
        self.master_config = Path(master_config)
        self.env_id = env_id
        self.client_id, self.client_secret = client_id, client_secret or secrets.token_urlsafe(16)
        self.user, self.password = user, password or secrets.token_urlsafe(16)
        self.max_lifetime = max_lifetime
        self.pickup_delay = pickup_delay
        self.by_code = {b.batch_control: b for b in controls.batches.values()}
        self.tokens: set[str] = set()
        self.jobs: dict[str, dict] = {}
        self.submissions: list[dict] = []
        self.sql_statements: list[str] = []
        self.fail_next: dict[str, str] = {}
        self.cancel_next: set[str] = set()
        self.stall_polls = 0
        self.stall_seconds = 0.0
        self.stalled = 0
        self._lock = threading.Lock()  # one DuckDB connection: batches and SQL take turns
        self._queue: queue.Queue = queue.Queue()
        self._seq = 0
        self._closed = False
        self.con = duckdb.connect(str(self.db_path))
        self._init_db()

    # ------------------------------------------------------------- lifecycle
    def start(self) -> "FakeCustomerCloudService":
        self._serve(_Handler, "fake-ccs")
        self._worker_thread = threading.Thread(target=self._worker, name="fake-ccs-batch", daemon=True)
        self._worker_thread.start()
        return self

    def stop(self) -> None:
        self._shutdown()
        self._queue.put(None)
        with self._lock:
            if not self._closed:
                self._closed = True
                self.con.close()

    def env(self, auth: str = "oauth") -> dict[str, str]:
        """CCS_SERVICE_* settings that point at this fake."""
        out = {"CCS_SERVICE_URL": self.endpoint + "/ccs", "CCS_SERVICE_SQL_URL": self.endpoint + SQL_PATH,
               "CCS_SERVICE_AUTH": auth, "CCS_SERVICE_BATCH_CONTROLS": str(self.controls.path)}
        if auth == "oauth":
            out.update(CCS_SERVICE_TOKEN_URL=self.endpoint + TOKEN_PATH, CCS_SERVICE_CLIENT_ID=self.client_id,
                       CCS_SERVICE_CLIENT_SECRET=self.client_secret)
        else:
            out.update(CCS_SERVICE_USER=self.user, CCS_SERVICE_PASSWORD=self.password)
        return out

    # ------------------------------------------------------------- database
    def session(self) -> TargetSession:
        return TargetSession(self.con, DUCKDB, "cisstg", "cisadm")

    def _init_db(self) -> None:
        s = self.session()
        ensure_x1_schema(s)
        c = self.con
        c.execute("CREATE SCHEMA IF NOT EXISTS fake")
        c.execute("CREATE TABLE IF NOT EXISTS fake.state (k VARCHAR PRIMARY KEY, v VARCHAR)")
        c.execute("INSERT OR IGNORE INTO fake.state VALUES ('wave', ''), ('conversion', 'off')")
        c.execute("""CREATE TABLE IF NOT EXISTS fake.CI_BATCH_THD (BATCH_CD VARCHAR, BATCH_NBR INTEGER, BATCH_RERUN_NBR INTEGER,
                     BATCH_THREAD_NBR INTEGER, THREAD_STATUS VARCHAR)""")
        c.execute("""CREATE TABLE IF NOT EXISTS fake.CI_BATCH_INST (BATCH_CD VARCHAR, BATCH_NBR INTEGER, BATCH_RERUN_NBR INTEGER,
                     BATCH_THREAD_NBR INTEGER, REC_PROC_CNT BIGINT, REC_ERR_CNT BIGINT)""")
        stg, prod = self.controls.readback["staging_schema"], self.controls.readback["production_schema"]
        c.execute(f"CREATE SCHEMA IF NOT EXISTS {stg}")
        c.execute(f"CREATE SCHEMA IF NOT EXISTS {prod}")
        wave = "(SELECT v FROM fake.state WHERE k = 'wave')"
        for t in staging_tables():
            c.execute(f"CREATE OR REPLACE VIEW {stg}.{t.name} AS SELECT * FROM cisstg.{t.name} x WHERE x.{t.owner_column} IN "
                      f"(SELECT OWNER_KEY FROM cisstg.CCS_WAVE_LEDGER WHERE WAVE = {wave} AND TABLE_NAME = '{t.name}')")
        for t in production_tables() + list(x1_production_tables()):
            c.execute(f"CREATE OR REPLACE VIEW {prod}.{t.name} AS SELECT * FROM cisadm.{t.name}")
        for name in ("CI_BATCH_THD", "CI_BATCH_INST"):
            c.execute(f"CREATE OR REPLACE VIEW {prod}.{name} AS SELECT * FROM fake.{name}")
        # the service's error table, for what staging holds now (columns inferred, as in ci_val_err.sql)
        c.execute(f"""CREATE OR REPLACE VIEW {stg}.CI_VAL_ERR AS
                      SELECT TABLE_NAME AS TBL_NAME, STG_KEY AS PK_VALUE1, 90000 AS MESSAGE_CAT_NBR,
                             CAST(hash(RULE) % 100000 AS INTEGER) AS MESSAGE_NBR, RULE || ': ' || MESSAGE AS EXPANDED_MSG
                      FROM cisstg.CCS_VAL_ERR WHERE STEP = 'validate' AND WAVE = {wave}""")
        c.execute("CREATE OR REPLACE VIEW main.DUAL AS SELECT 'X' AS DUMMY")

    def state(self, key: str) -> str:
        return self.con.execute("SELECT v FROM fake.state WHERE k = ?", [key]).fetchone()[0]

    def _set(self, key: str, value: str) -> None:
        self.con.execute("UPDATE fake.state SET v = ? WHERE k = ?", [value, key])

    # ------------------------------------------------------------- batches
    def submit(self, body: dict) -> tuple[int, dict]:
        details = (body.get("F1SubmitJob") or {}).get("jobDetails") or {}
        code = details.get("batchControl")
        batch = self.by_code.get(code)
        if batch is None:
            return 400, {"title": f"Batch control {code!r} does not exist"}
        threads = details.get("threadCount")
        if not isinstance(threads, int) or threads < 1:
            return 400, {"title": "threadCount must be sent explicitly (no defaulting for web-service submits)"}
        params = {p.get("batchParameterName"): p.get("batchParameterValue") for p in details.get("batchJobExtraParameter", [])}
        missing = [n for n, _ in batch.parameters if n not in params]
        if missing:
            return 400, {"title": f"{code}: parameter(s) {', '.join(missing)} not sent"}
        with self._lock:
            self._seq += 1
            job_id = f"{int(time.time()):010d}{self._seq:04d}"[-14:]
            self.jobs[job_id] = {"batchJobId": job_id, "batchControl": code, "jobStatus": "PD ", "threads": threads,
                                 "params": params, "runInfoList": []}
            self.submissions.append(body)
        self._queue.put(job_id)
        return 200, {"F1SubmitJob": {"jobDetails": {"batchJobId": job_id, "batchControl": code, "jobStatus": "PD "}}}

    def _worker(self) -> None:
        while True:
            job_id = self._queue.get()
            if job_id is None:
                return
            time.sleep(self.pickup_delay)  # the scheduler picks pending jobs up periodically
            job = self.jobs[job_id]
            code = job["batchControl"]
            if job["jobStatus"].strip() == "PC" or code in self.cancel_next:
                self.cancel_next.discard(code)
                job["jobStatus"] = "CA "
                continue
            job["jobStatus"] = "ST "
            with self._lock:
                if self._closed:
                    return
                nbr = 1 + (self.con.execute("SELECT max(BATCH_NBR) FROM fake.CI_BATCH_THD WHERE BATCH_CD = ?", [code]).fetchone()[0] or 0)
                job["runInfoList"] = [{"batchNumber": nbr, "batchRerunNumber": 0, "batchRunStatus": RUN_IN_PROGRESS, "messages": []}]
                status, messages, processed, errors = RUN_COMPLETE, [], 0, 0
                try:
                    if code in self.fail_next:
                        raise RuntimeError(self.fail_next.pop(code))
                    processed, errors = self._run(self.by_code[code], job["params"])
                except Exception as exc:  # the batch ends in error with its message, as the service's would
                    status, messages = RUN_ERROR, [str(exc).splitlines()[0]]
                n = job["threads"]
                for i in range(1, n + 1):
                    share = processed // n + (1 if i <= processed % n else 0)
                    err = errors // n + (1 if i <= errors % n else 0)
                    self.con.execute("INSERT INTO fake.CI_BATCH_THD VALUES (?, ?, 0, ?, ?)", [code, nbr, i, status])
                    self.con.execute("INSERT INTO fake.CI_BATCH_INST VALUES (?, ?, 0, ?, ?, ?)", [code, nbr, i, share, err])
                job["runInfoList"][0].update(batchRunStatus=status, messages=[{"messageText": m} for m in messages])
            job["jobStatus"] = "ED "

    def _path(self, location: str) -> str:
        if not location.startswith(self.root):
            raise RuntimeError(f"file storage location {location} is not under {self.root} (F1-FileStorage)")
        return location[len(self.root):].strip("/")

    def _param(self, batch, params: dict, placeholder: str) -> str:
        name = next((n for n, v in batch.parameters if v == "{" + placeholder + "}"), None)
        if name is None:
            raise RuntimeError(f"{batch.batch_control}: no parameter carries the {placeholder}")
        return params[name]

    def _run(self, batch, params: dict) -> tuple[int, int]:
        """Do what the service's batch does; return (records processed, records in error)."""
        s = self.session()
        step, table = batch.step, batch.table
        if step == "enable":
            if self.state("conversion") == "ended":
                raise RuntimeError("conversion was disabled by K1-CNVDS and cannot be enabled again")
            self._set("conversion", "on")
            return 1, 0
        if step == "disable":
            self._set("conversion", "ended")
            return 1, 0
        if self.state("conversion") != "on":
            raise RuntimeError("conversion is not enabled (run K1-CNVEN first)" if self.state("conversion") == "off"
                               else "conversion has been disabled (K1-CNVDS): no further loads, inserts or migrations")
        if step == "stage":
            return self._load(s, batch, params)
        wave = self.state("wave")
        if not wave:
            raise RuntimeError("staging is empty: nothing has been loaded")
        if step == "validate":
            t = CCB[table]
            validate_entity(s, t, wave)
            names = ", ".join(f"'{n}'" for n in [t.name] + [c.name for c in mo_children(t)])
            staged = self.con.execute(f"SELECT count(*) FROM {self.controls.readback['staging_schema']}.{t.name}").fetchone()[0]
            errors = self.con.execute(f"SELECT count(DISTINCT STG_KEY) FROM cisstg.CCS_VAL_ERR WHERE WAVE = ? AND STEP = 'validate' "
                                      f"AND TABLE_NAME IN ({names})", [wave]).fetchone()[0]
            return int(staged), int(errors)
        if step == "keys":
            r = generate_keys(s, CCB[table], wave)
            return int(r["staged"]), int(r["rejected"])
        if step == "production":
            r = insert_production(s, CCB[table], wave, self.env_id)
            return int(r["rows"]), 0
        if step == "admin":
            rows, _ = load_master_config(self.master_config)
            return int(sum(run_admin(s, rows).values())), 0
        if step == "mdm_odm":
            r = migrate_table(s, X1_BY_NAME[table], wave)
            return int(r["rows"]), int(r.get("not_migrated", 0) or 0)
        raise RuntimeError(f"{batch.batch_control}: step {step} unknown to the fake")

    def _load(self, s: TargetSession, batch, params: dict) -> tuple[int, int]:
        table = batch.table
        folder = self._path(self._param(batch, params, "input"))
        out = self._path(self._param(batch, params, "output"))
        wave = folder.split("/")[-1]
        t = STAGED[table]
        with tempfile.TemporaryDirectory() as tmp:
            local = Path(tmp) / f"{table}.dat"
            self.store.get_file(f"{folder}/{table}.dat", local)
            r = stage_file(s, t, local, wave)
        rejects = self.con.execute(
            "SELECT LINE_NO, COLUMN_NAME, MESSAGE, VALUE FROM cisstg.CCS_VAL_ERR WHERE WAVE = ? AND STEP = 'stage' "
            "AND TABLE_NAME = ? ORDER BY LINE_NO", [wave, table]).fetchall()
        log = render_log(table, "CISSTG", f"{table}.dat", int(r["loaded"]),
                         [(int(line or 0), col, f"ORA-01722: {msg}") for line, col, msg, _ in rejects])
        self.store.put_bytes(f"{out}/{table}.log", log.encode())
        self.store.put_bytes(f"{out}/{table}.bad", "".join(f"{v}\n" for *_, v in rejects if v is not None).encode())
        self._set("wave", wave)
        return int(r["loaded"]) + int(r["rejected"]), int(r["rejected"])

    # ------------------------------------------------------------- REST-enabled SQL
    def sql(self, statement: str, binds: list[dict]) -> dict:
        self.sql_statements.append(statement)
        text = statement.strip().rstrip(";")
        if not re.match(r"(?is)^\s*(select|with)\b", text):
            return {"items": [{"statementId": 1, "statementType": "other", "errorCode": 1031,
                               "errorDetails": "ORA-01031: insufficient privileges (REST-enabled SQL is read-only here)"}]}
        values = {b["name"]: b.get("value") for b in binds}
        text = re.sub(r":([A-Za-z_]\w*)", lambda m: f"${m.group(1)}" if m.group(1) in values else m.group(0), text)
        try:
            with self._lock:
                cur = self.con.execute(text, values or None)
                cols = [d[0].upper() for d in cur.description]
                rows = cur.fetchall()
        except duckdb.Error as exc:
            return {"items": [{"statementId": 1, "statementType": "query", "errorCode": 942,
                               "errorDetails": f"ORA-00942: {str(exc).splitlines()[0]}"}]}
        meta = [{"columnName": c, "jsonColumnName": c.lower()} for c in cols]
        items = [{c.lower(): (v if isinstance(v, (int, float, str)) or v is None else str(v)) for c, v in zip(cols, r)}
                 for r in rows]
        return {"env": {"defaultTimeZone": "UTC"},
                "items": [{"statementId": 1, "statementType": "query", "statementText": statement,
                           "resultSet": {"metadata": meta, "items": items, "hasMore": False, "limit": 10000,
                                         "offset": 0, "count": len(items)}, "response": [], "result": 0}]}


class _Handler(BaseHTTPRequestHandler):
    state: FakeCustomerCloudService
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, doc: dict) -> None:
        body = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (a stalled poll): fine
            pass

    def _body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def _authorized(self) -> bool:
        h = self.headers.get("Authorization", "")
        if h.startswith("Bearer "):
            return h[7:] in self.state.tokens
        if h.startswith("Basic "):
            user, _, pw = base64.b64decode(h[6:]).decode().partition(":")
            return (user, pw) == (self.state.user, self.state.password)
        return False

    def do_POST(self):
        f = self.state
        body = self._body()
        if self.path == TOKEN_PATH:
            form = parse_qs(body.decode())
            h = self.headers.get("Authorization", "")
            cid, _, sec = base64.b64decode(h[6:]).decode().partition(":") if h.startswith("Basic ") else ("", "", "")
            if form.get("grant_type") != ["client_credentials"] or (cid, sec) != (f.client_id, f.client_secret):
                return self._send(401, {"error": "invalid_client"})
            token = secrets.token_urlsafe(24)
            f.tokens.add(token)
            return self._send(200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600})
        if not self._authorized():
            return self._send(401, {"title": "Unauthorized"})
        if self.path == SUBMIT:
            try:
                doc = json.loads(body)
            except ValueError:
                return self._send(400, {"title": "body is not JSON"})
            return self._send(*f.submit(doc))
        if self.path == SQL_PATH:
            if self.headers.get("Content-Type", "").startswith("application/sql"):
                return self._send(200, f.sql(body.decode(), []))
            doc = json.loads(body)
            return self._send(200, f.sql(doc.get("statementText", ""), doc.get("binds") or []))
        return self._send(404, {"title": f"no such resource {self.path}"})

    def do_GET(self):
        f = self.state
        if not self._authorized():
            return self._send(401, {"title": "Unauthorized"})
        if self.path.startswith(SUBMIT):
            if f.stall_polls > 0:
                f.stall_polls -= 1
                f.stalled += 1
                time.sleep(f.stall_seconds)
            job = f.jobs.get(self.path[len(SUBMIT):].strip("/"))
            if job is None:
                return self._send(404, {"title": "batch job not found"})
            return self._send(200, {k: v for k, v in job.items() if k not in ("threads", "params")})
        return self._send(404, {"title": f"no such resource {self.path}"})

    def do_PATCH(self):
        f = self.state
        if not self._authorized():
            return self._send(401, {"title": "Unauthorized"})
        m = re.fullmatch(re.escape(SUBMIT) + r"(\w+)/cancel", self.path)
        job = f.jobs.get(m.group(1)) if m else None
        if job is None:
            return self._send(404, {"title": "batch job not found"})
        if job["jobStatus"].strip() == "PD":
            job["jobStatus"] = "PC "
        return self._send(200, {"batchJobId": job["batchJobId"], "jobStatus": job["jobStatus"]})
