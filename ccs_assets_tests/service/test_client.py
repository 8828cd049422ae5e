"""The batch client and REST-enabled SQL against the loopback fake service; settings and the batch-control file."""

from __future__ import annotations

import pytest

from ccs_assets.service.client import BatchCancelled, BatchFailed, ServiceClient, ServiceError
from ccs_assets.service.controls import BatchControlError, load_batch_controls
from ccs_assets.service.settings import ServiceSettingsError, load_service_settings

from .conftest import fast_controls


def client_for(fake, auth="oauth", **override) -> ServiceClient:
    env = {**fake.env(auth), **override}
    settings = load_service_settings(env)
    secret = env["CCS_SERVICE_CLIENT_SECRET"] if auth == "oauth" else env["CCS_SERVICE_PASSWORD"]
    lines: list[str] = []
    c = ServiceClient(settings, secret, load_batch_controls(settings.batch_controls), log=lines.append)
    c.lines = lines
    return c


def test_enable_runs_and_success_comes_from_the_run_and_its_threads(fake_ccs):
    c = client_for(fake_ccs)
    run = c.run_batch(c.controls.batch("enable"), {})
    assert run.job_status == "ED" and run.run_status == "50" and run.outcome == "complete"
    assert run.batch_number == 1 and len(run.threads) == 1 and run.threads[0]["status"] == "50"
    body = fake_ccs.submissions[-1]["F1SubmitJob"]["jobDetails"]
    assert body["batchControl"] == "K1-CNVEN" and body["threadCount"] == 1 and body["batchThreadNumber"] == 0
    assert body["language"] == "ENG" and "processDate" in body
    assert fake_ccs.state("conversion") == "on"


def test_every_parameter_and_the_thread_count_are_sent(fake_ccs):
    c = client_for(fake_ccs)
    b = c.controls.batch("stage", "CI_PER")
    values = {"wave": "wave-01", "table": "CI_PER", **c.controls.locations_for("wave-01")}
    run = c.submit(b, values)
    body = fake_ccs.submissions[-1]["F1SubmitJob"]["jobDetails"]
    sent = {p["batchParameterName"]: p["batchParameterValue"] for p in body["batchJobExtraParameter"]}
    assert sent["inputLocation"] == "file-storage://CCS-CONV/ccs-migration/wave-01" and sent["tableName"] == "CI_PER"
    assert [n for n, _ in b.parameters] == [p["batchParameterName"] for p in body["batchJobExtraParameter"]]
    assert body["threadCount"] == b.thread_count == 4
    # conversion is not enabled in this fresh service: the run ends in error and the asset would fail with the message
    with pytest.raises(BatchFailed, match=r"CMLD01 \(stage CI_PER\) run 1 ended in error \(status 30\): conversion is not enabled"):
        c.wait(run)


def test_failed_run_carries_the_service_message_and_ended_is_not_success(fake_ccs):
    c = client_for(fake_ccs)
    fake_ccs.fail_next["K1-CNVEN"] = "ORA-01653: unable to extend table CISSTG.CI_PER"
    with pytest.raises(BatchFailed) as e:
        c.run_batch(c.controls.batch("enable"), {})
    assert "ORA-01653: unable to extend table CISSTG.CI_PER" in str(e.value)
    assert e.value.run.job_status == "ED" and e.value.run.outcome == "error"
    assert [t["status"] for t in e.value.run.threads] == ["30"]


def test_cancelled_job_says_so(fake_ccs):
    c = client_for(fake_ccs)
    fake_ccs.cancel_next.add("K1-CNVEN")
    with pytest.raises(BatchCancelled, match="was cancelled"):
        c.run_batch(c.controls.batch("enable"), {})


def test_a_poll_that_times_out_is_not_a_failure(fake_ccs):
    c = client_for(fake_ccs)
    fake_ccs.stall_polls, fake_ccs.stall_seconds = 2, 2.5  # longer than the client's 2 s timeout
    run = c.run_batch(c.controls.batch("enable"), {})
    assert run.outcome == "complete" and run.poll_timeouts == 2 and fake_ccs.stalled == 2
    assert sum("timed out" in line and "not a job failure" in line for line in c.lines) == 2


def test_basic_auth_and_refused_credentials_never_show_the_secret(fake_ccs):
    c = client_for(fake_ccs, "basic")
    assert c.sql("SELECT 1 AS OK FROM DUAL") == [{"OK": 1}]
    bad = client_for(fake_ccs, "basic", CCS_SERVICE_PASSWORD="wrong-pass-123")
    bad._secret = "wrong-pass-123"
    with pytest.raises(ServiceError) as e:
        bad.check()
    assert "HTTP 401" in str(e.value) and "wrong-pass-123" not in str(e.value)
    oauth = client_for(fake_ccs)
    oauth._secret = "not-the-secret"
    with pytest.raises(ServiceError, match="refused client ccs-client") as e:
        oauth.check()
    assert "not-the-secret" not in str(e.value)


def test_rest_sql_is_read_only_and_errors_are_one_line(fake_ccs):
    c = client_for(fake_ccs)
    with pytest.raises(ServiceError, match="ORA-01031"):
        c.sql("DELETE FROM CISREAD.CI_PER")
    with pytest.raises(ServiceError, match="REST-enabled SQL error 942"):
        c.sql("SELECT count(*) FROM CISREAD.NO_SUCH_TABLE")
    assert c.sql("SELECT count(*) AS N FROM CISREAD.CI_PER WHERE PER_ID = :k", k="1") == [{"N": 0}]


def test_unreachable_service_is_one_line(fake_ccs):
    c = client_for(fake_ccs, CCS_SERVICE_SQL_URL="http://127.0.0.1:9/ords/x/_/sql")
    with pytest.raises(ServiceError, match=r"cannot reach the service at http://127.0.0.1:9/ords/x/_/sql \(REST-enabled SQL\)"):
        c.check()


@pytest.mark.parametrize("drop, message", [
    ("CCS_SERVICE_URL", "CCS_TARGET=ccs needs CCS_SERVICE_URL"),
    ("CCS_SERVICE_CLIENT_SECRET", "CCS_SERVICE_AUTH=oauth needs CCS_SERVICE_CLIENT_SECRET"),
])
def test_missing_setting_names_it(fake_ccs, drop, message):
    env = fake_ccs.env()
    env.pop(drop)
    with pytest.raises(ServiceSettingsError, match=message):
        load_service_settings(env)


def test_bad_settings(fake_ccs, tmp_path):
    with pytest.raises(ServiceSettingsError, match="CCS_SERVICE_AUTH must be 'oauth' or 'basic', got 'kerberos'"):
        load_service_settings({**fake_ccs.env(), "CCS_SERVICE_AUTH": "kerberos"})
    with pytest.raises(ServiceSettingsError, match="CCS_SERVICE_SQL_URL must be an http"):
        load_service_settings({**fake_ccs.env(), "CCS_SERVICE_SQL_URL": "ftp://x"})
    with pytest.raises(ServiceSettingsError, match="CCS_SERVICE_AUTH=basic needs CCS_SERVICE_USER, CCS_SERVICE_PASSWORD"):
        load_service_settings({**fake_ccs.env(), "CCS_SERVICE_AUTH": "basic"})


@pytest.mark.parametrize("edit, message", [
    (("[keys]                          # key assignment, one per system-keyed table: single-threaded, parents first\nthread_count = 1",
      "[keys]\nthread_count = 2"), r"\[keys\]: CI_PER has 2 threads; key assignment runs single-threaded"),
    (('CI_PER = "CMIN01"', ""), r"\[production\]: no batch control for CI_PER"),
    (('CI_SA_SP = ["CI_SA", "CI_SP"]', 'CI_SA_SP = ["CI_SA", "CI_XX"]'), r"\[keys\].after: CI_SA_SP must list tables of \[keys.tables\]"),
    (('tableName = "{table}" }', 'tableName = "{tabel}" }'), r"uses unknown placeholder \{tabel\}"),
    (('CI_PER = "CMLD01"', 'CI_PER = "CM-LOAD-PERSON"'), r"CI_PER = 'CM-LOAD-PERSON' is not a batch control code"),
])
def test_batch_control_file_errors_name_section_and_table(tmp_path, edit, message):
    path = fast_controls(tmp_path)
    text = path.read_text()
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1))
    with pytest.raises(BatchControlError, match=message):
        load_batch_controls(path)


def test_order_puts_parents_first(tmp_path):
    c = load_batch_controls(fast_controls(tmp_path))
    order = [b.table for b in c.order("keys")]
    assert order.index("CI_SA_SP") > order.index("CI_SA") and order.index("CI_SA_SP") > order.index("CI_SP")
    assert all(b.thread_count == 1 for b in c.order("keys"))
