"""Dead-run detection and repair on a real (temporary) Dagster instance, without running a wave."""

from __future__ import annotations

import os
import subprocess
import sys

import dagster as dg
import pytest

from ccs_assets.waves.runs import OWNER_HOST, OWNER_PID, OWNER_START, diagnose, owner_tags, process_alive, repair

POOL = "duckdb_writer"


@dg.op
def noop():
    return 1


@dg.job
def legacy_cis():
    noop()


@pytest.fixture
def instance(tmp_path):
    with dg.instance_for_test(temp_dir=str(tmp_path)) as inst:
        inst.event_log_storage.set_concurrency_slots(POOL, 1)
        yield inst


def started_run(instance, tags: dict) -> dg.DagsterRun:
    run = instance.create_run_for_job(legacy_cis, tags={"dagster/partition": "wave-01", **tags})
    instance.handle_run_event(run.run_id, dg.DagsterEvent(
        event_type_value=dg.DagsterEventType.RUN_START.value, job_name=run.job_name))
    instance.event_log_storage.claim_concurrency_slot(POOL, run.run_id, "legacy_cis__legacy")
    return instance.get_run_by_id(run.run_id)


def gone_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_a_killed_runs_slot_is_freed_and_the_run_failed_while_a_live_one_is_left_alone(instance):
    dead = started_run(instance, {**owner_tags(), OWNER_PID: str(gone_pid())})
    live = started_run(instance, owner_tags())  # this test's own process: alive
    assert instance.get_run_by_id(dead.run_id).status == dg.DagsterRunStatus.STARTED
    d = diagnose(instance)
    assert [r.run_id for r in d.dead] == [dead.run_id] and [r.run_id for r in d.live] == [live.run_id]
    assert d.orphan_slots == {POOL: {dead.run_id}} and not d.healthy

    done = repair(instance, d)
    assert any(line.startswith("marked failed: run " + dead.run_id) for line in done)
    assert instance.get_run_by_id(dead.run_id).status == dg.DagsterRunStatus.FAILURE
    assert instance.get_run_by_id(live.run_id).status == dg.DagsterRunStatus.STARTED
    info = instance.event_log_storage.get_concurrency_info(POOL)
    # the dead run holds nothing; the live run, which was waiting for the slot, is assigned it
    assert dead.run_id not in info.active_run_ids | {p.run_id for p in info.pending_steps}
    assert info.assigned_run_ids == {live.run_id}
    assert diagnose(instance).healthy


def test_slots_of_a_finished_run_are_freed_and_a_reused_pid_is_not_the_owner(instance):
    ended = started_run(instance, owner_tags())
    instance.report_run_failed(instance.get_run_by_id(ended.run_id))  # marked failed, slot still held
    d = diagnose(instance)
    assert not d.dead and d.orphan_slots == {POOL: {ended.run_id}}
    repair(instance, d)
    assert instance.event_log_storage.get_concurrency_info(POOL).active_run_ids == set()

    # pid 1 exists, but started after a "run" of 1970 began: a reused pid, not that run's owner
    assert process_alive(1, started_by=None) and not process_alive(1, started_by=1.0)
    other_host = started_run(instance, {OWNER_PID: str(os.getpid()), OWNER_HOST: "elsewhere", OWNER_START: "0"})
    d = diagnose(instance)
    assert [r.run_id for r in d.unknown] == [other_host.run_id] and not d.dead  # cannot tell: never repaired
