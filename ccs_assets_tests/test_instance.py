"""The instance's SQLite storages reuse one engine per database file and still store and read every event."""

from __future__ import annotations

import dagster as dg

from ccs_assets.instance import use_shared_engines


def test_shared_engines_store_and_read_runs_events_and_partitions(tmp_path):
    use_shared_engines()
    use_shared_engines()  # idempotent: never wraps twice
    from dagster._core.storage.event_log.sqlite import sqlite_event_log

    assert sqlite_event_log.create_engine.shared
    url = f"sqlite:///{tmp_path / 'x.db'}"
    from sqlalchemy.pool import NullPool

    assert sqlite_event_log.create_engine(url, poolclass=NullPool) is sqlite_event_log.create_engine(url, poolclass=NullPool)

    (tmp_path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    waves = dg.DynamicPartitionsDefinition(name="wave")

    @dg.asset(partitions_def=waves)
    def thing():
        return dg.MaterializeResult(metadata={"rows": 3})

    @dg.asset_check(asset=thing)
    def thing_ok():
        return dg.AssetCheckResult(passed=True)

    instance = dg.DagsterInstance.from_config(str(tmp_path))
    try:
        instance.add_dynamic_partitions("wave", ["w1", "w2"])
        for wave in ("w1", "w2"):
            assert dg.materialize([thing, thing_ok], instance=instance, partition_key=wave).success
        assert len(instance.get_runs()) == 2
        status = instance.get_status_by_partition(thing.key, ["w1", "w2"], waves)
        assert status == {"w1": dg.AssetPartitionStatus.MATERIALIZED, "w2": dg.AssetPartitionStatus.MATERIALIZED}
        latest = instance.get_latest_materialization_event(thing.key)
        assert latest.asset_materialization.metadata["rows"].value == 3
    finally:
        instance.dispose()
    again = dg.DagsterInstance.from_config(str(tmp_path))  # a second instance on the same files reads the same
    try:
        assert len(again.get_runs()) == 2
    finally:
        again.dispose()
