"""The layer builder (scenarios/layers.py): one step per layer, each asset still its own, per-wave checks.

A toy scenario of two layers on a workbench DuckDB file (no legacy data):
stg/person and stg/account (independent), core/person <- stg/person and
core/account <- core/person + stg/account. Every write stamps its rows with
the run id, so a test sees exactly which tables a run touched.
"""

from __future__ import annotations

import dagster as dg
import pytest

from ccs_assets.resources import POOL
from ccs_assets.scenarios.layers import LayerAsset, LayerCheck, Written, build_layer, op_name, write_order
from ccs_assets.waves import WAVES
from ccs_assets.workbench import WorkbenchResource

FAIL: set[str] = set()  # "<table>@<wave>" whose write raises
EMPTY: set[str] = set()  # waves whose stg/person write inserts no rows


def _writer(table: str, rows_sql: str):
    def write(run):
        if f"{table}@{run.wave}" in FAIL:
            raise RuntimeError(f"{table} broke on purpose")
        con = run.workbench
        con.execute(f"CREATE TABLE IF NOT EXISTS wb.toy_{table} (wave VARCHAR, n INTEGER, run_id VARCHAR)")
        con.execute(f"DELETE FROM wb.toy_{table} WHERE wave = ?", [run.wave])
        rows = rows_sql.replace("{wave}", "'" + run.wave + "'")
        con.execute(f"INSERT INTO wb.toy_{table} SELECT ?, n, ? FROM ({rows}) r(n)", [run.wave, run.context.run.run_id])
        n = con.execute(f"SELECT count(*) FROM wb.toy_{table} WHERE wave = ?", [run.wave]).fetchone()[0]
        return Written({"dagster/row_count": n}, facts=n)
    return write


def _stg_person(run):
    if run.wave in EMPTY:
        return _writer("stg_person", "SELECT * FROM range(0)")(run)
    return _writer("stg_person", "SELECT * FROM range(3)")(run)


def _not_empty(run, facts):
    n = facts if facts is not None else run.workbench.execute(
        "SELECT count(*) FROM wb.toy_core_person WHERE wave = ?", [run.wave]).fetchone()[0]
    return dg.AssetCheckResult(passed=n > 0, metadata={"rows": n}, description=f"{n} rows in {run.wave}")


def _same_count(run, facts):
    n = run.workbench.execute("SELECT count(*) FROM wb.toy_core_account WHERE wave = ?", [run.wave]).fetchone()[0]
    return dg.AssetCheckResult(passed=n == 2, severity=dg.AssetCheckSeverity.WARN, metadata={"rows": n})


K = {name: dg.AssetKey(name.split("/")) for name in ("stg/person", "stg/account", "core/person", "core/account")}

STG = build_layer("toy", "stg", [
    LayerAsset(dg.AssetSpec(K["stg/person"], group_name="toy_stg"), _stg_person),
    LayerAsset(dg.AssetSpec(K["stg/account"], group_name="toy_stg"), _writer("stg_account", "SELECT * FROM range(2)")),
], required_resource_keys={"workbench"})
CORE_ASSETS = [  # listed child first: the builder orders by deps
    LayerAsset(dg.AssetSpec(K["core/account"], group_name="toy_core", deps=[K["core/person"], K["stg/account"]]),
               _writer("core_account", "SELECT n FROM wb.toy_stg_account WHERE wave = {wave}"),
               [LayerCheck("two_rows", _same_count)]),
    LayerAsset(dg.AssetSpec(K["core/person"], group_name="toy_core", deps=[K["stg/person"]]),
               _writer("core_person", "SELECT n FROM wb.toy_stg_person WHERE wave = {wave}"),
               [LayerCheck("not_empty", _not_empty, blocking=True)]),
]
CORE = build_layer("toy", "core", CORE_ASSETS, required_resource_keys={"workbench"})


@pytest.fixture(autouse=True)
def _reset():
    FAIL.clear()
    EMPTY.clear()
    yield
    FAIL.clear()
    EMPTY.clear()


@pytest.fixture
def toy(tmp_path):
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(WAVES.name, ["w1", "w2", "w3"])
    defs = dg.Definitions(assets=[STG, CORE], jobs=[dg.define_asset_job("toy")],
                          resources={"workbench": WorkbenchResource(database=str(tmp_path / "workbench.duckdb"))},
                          executor=dg.in_process_executor)
    job = defs.resolve_job_def("toy")
    return instance, defs, job, WorkbenchResource(database=str(tmp_path / "workbench.duckdb"))


def _runs(wb, table: str) -> dict[str, str]:
    with wb.connect() as con:
        if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [f"toy_{table}"]).fetchone()[0]:
            return {}
        return dict(con.execute(f"SELECT wave, any_value(run_id) FROM wb.toy_{table} GROUP BY wave").fetchall())


def _checks(result) -> dict[str, tuple[bool, str]]:
    return {f"{e.asset_key.to_user_string()}:{e.check_name}": (e.passed, e.partition)
            for e in result.get_asset_check_evaluations()}


def test_one_step_per_layer_in_the_pool_with_catalog_lineage(toy):
    instance, defs, job, _ = toy
    r = job.execute_in_process(instance=instance, partition_key="w1")
    assert r.success
    steps = {e.step_key for e in r.all_events if e.is_step_start}
    assert steps == {op_name("toy", "stg"), op_name("toy", "core")}, "steps = layers (no split step)"
    assert STG.op.pool == CORE.op.pool == POOL
    graph = defs.resolve_asset_graph()
    assert graph.get(K["core/account"]).parent_keys == {K["core/person"], K["stg/account"]}
    assert graph.get(K["core/person"]).parent_keys == {K["stg/person"]}
    assert graph.get(K["stg/person"]).group_name == "toy_stg"
    mats = {e.asset_key.to_user_string(): e.materialization for e in r.get_asset_materialization_events()}
    assert set(mats) == set(K)
    assert all(m.partition == "w1" and "ccs/write_seconds" in m.metadata for m in mats.values())
    assert mats["core/person"].metadata["dagster/row_count"].value == 3
    assert _checks(r) == {"core/person:not_empty": (True, "w1"), "core/account:two_rows": (True, "w1")}
    assert [a.key for a in write_order(CORE_ASSETS)] == [K["core/person"], K["core/account"]]


def test_checks_are_partitioned_by_wave_and_kept_per_wave(toy):
    instance, defs, job, _ = toy
    assert all(spec.partitions_def == WAVES for spec in CORE.check_specs)
    job.execute_in_process(instance=instance, partition_key="w1")
    EMPTY.add("w2")
    job.execute_in_process(instance=instance, partition_key="w2", raise_on_error=False)
    ck = dg.AssetCheckKey(K["core/person"], "not_empty")
    records = instance.event_log_storage.get_asset_check_execution_history(ck, limit=10)
    by_wave = {rec.evaluation.partition: rec.evaluation.passed for rec in records if rec.evaluation}
    assert by_wave == {"w1": True, "w2": False}, "wave w2's failure does not replace wave w1's result"


def test_single_asset_rerun_writes_only_that_asset_and_its_checks(toy):
    instance, defs, job, wb = toy
    first = job.execute_in_process(instance=instance, partition_key="w1")
    again = job.execute_in_process(instance=instance, partition_key="w1", asset_selection=[K["core/account"]])
    assert again.success
    assert {e.asset_key for e in again.get_asset_materialization_events()} == {K["core/account"]}
    assert _checks(again) == {"core/account:two_rows": (True, "w1")}
    assert _runs(wb, "core_account")["w1"] == again.run_id
    for other in ("stg_person", "stg_account", "core_person"):
        assert _runs(wb, other)["w1"] == first.run_id, f"{other} untouched"


def test_assets_without_checks_and_a_check_alone(toy):
    instance, defs, job, wb = toy
    job.execute_in_process(instance=instance, partition_key="w1")
    no_checks = dg.define_asset_job("no_checks", selection=dg.AssetSelection.assets(K["core/person"]).without_checks())
    r = dg.Definitions(assets=[STG, CORE], jobs=[no_checks], resources=defs.resources,
                       executor=dg.in_process_executor).resolve_job_def("no_checks").execute_in_process(
        instance=instance, partition_key="w1")
    assert {e.asset_key for e in r.get_asset_materialization_events()} == {K["core/person"]}
    assert not list(r.get_asset_check_evaluations())
    ck = dg.AssetCheckKey(K["core/person"], "not_empty")
    alone = job.get_subset(asset_selection=set(), asset_check_selection={ck}).execute_in_process(
        instance=instance, partition_key="w1")
    assert not list(alone.get_asset_materialization_events())
    assert _checks(alone) == {"core/person:not_empty": (True, "w1")}, "a check run alone reads the stored table"


def test_failed_blocking_check_stops_its_dependents_in_the_same_step(toy):
    instance, defs, job, wb = toy
    EMPTY.add("w3")
    r = job.execute_in_process(instance=instance, partition_key="w3", raise_on_error=False)
    assert not r.success
    assert _checks(r)["core/person:not_empty"] == (False, "w3")
    assert "w3" not in _runs(wb, "core_account"), "core/account was not written after its parent's blocking check failed"
    failure = next(e for e in r.all_events if e.is_step_failure)
    assert failure.step_key == op_name("toy", "core")
    assert "core/account: not written: upstream core/person failed" in failure.step_failure_data.error.message


def test_partition_status_stays_per_asset(toy):
    instance, defs, job, wb = toy
    assert job.execute_in_process(instance=instance, partition_key="w1").success
    FAIL.add("stg_person@w2")
    r = job.execute_in_process(instance=instance, partition_key="w2", raise_on_error=False)
    assert not r.success
    status = lambda name: instance.get_status_by_partition(K[name], ["w1", "w2"], WAVES)  # noqa: E731
    S = dg.AssetPartitionStatus
    assert status("stg/account") == {"w1": S.MATERIALIZED, "w2": S.MATERIALIZED}, "an independent sibling still ran"
    assert status("stg/person") == {"w1": S.MATERIALIZED, "w2": S.FAILED}
    assert "w2" in _runs(wb, "stg_account") and "w2" not in _runs(wb, "stg_person")


def test_a_selected_asset_the_layer_does_not_write_fails_the_step(toy):
    instance, defs, job, wb = toy
    FAIL.add("core_person@w1")
    r = job.execute_in_process(instance=instance, partition_key="w1", raise_on_error=False)
    failure = next(e for e in r.all_events if e.is_step_failure)
    msg = failure.step_failure_data.error.message
    assert "core/person: RuntimeError: core_person broke on purpose" in msg
    assert "core/account: not written" in msg, "never a silent skip of a selected asset"
    assert {e.asset_key for e in r.get_asset_materialization_events()} == {K["stg/person"], K["stg/account"]}


def test_a_cycle_inside_a_layer_is_refused():
    a, b = dg.AssetKey(["x", "a"]), dg.AssetKey(["x", "b"])
    with pytest.raises(ValueError, match="cycle"):
        write_order([LayerAsset(dg.AssetSpec(a, deps=[b]), lambda run: {}),
                     LayerAsset(dg.AssetSpec(b, deps=[a]), lambda run: {})])


def test_scenario_one_is_one_step_per_layer_with_the_lineage_of_its_specs():
    from ccs_assets.definitions import defs

    graph = defs.resolve_asset_graph()
    layers = [a for a in defs.assets if isinstance(a, dg.AssetsDefinition) and a.op.name.startswith("legacy_cis__")]
    assert [a.op.name for a in layers] == [op_name("legacy-cis", n) for n in
                                           ("legacy", "transform", "extract", "staging", "keys", "production", "mdm_odm")]
    for layer in layers:
        assert layer.op.pool == POOL and layer.can_subset
        for spec in layer.specs:
            assert graph.get(spec.key).parent_keys == {d.asset_key for d in spec.deps}, spec.key
        for check in layer.check_specs:
            assert check.partitions_def == WAVES
