"""One Dagster step per layer of a scenario, each table still its own asset.

Why: one step per table and per check cost ~0.2 s of Dagster overhead each
(233 steps per wave). A *layer* (say every production table of scenario 1)
now runs as one subsettable `@dg.multi_asset`: one step, one pool slot, one
connection per database, yet every table keeps its own asset key, group,
lineage, materialization with metadata, per-wave partition status and
checks. From the UI a single table (or a single check) can still be
materialized on its own.

How to build a layer for a scenario (scenarios 2-6 do the same)::

    from ccs_assets.scenarios.layers import LayerAsset, LayerCheck, Written, build_layer

    def write_ci_per(run):                       # run: LayerRun (one per step)
        n = insert_production(run.target, CI_PER, run.wave, env_id)   # shared session
        return Written({"dagster/row_count": n}, facts={"rows": n})  # or a plain metadata dict

    def fks_resolve(run, facts):                 # facts: what the write returned, None in a check-only run
        bad = count_orphans(run.target, run.wave)
        return dg.AssetCheckResult(passed=bad == 0, metadata={"violations": bad})

    layer = build_layer("upgrade_ccb", "production", [
        LayerAsset(dg.AssetSpec(["upgrade", "production", "ci_per"], group_name="upgrade_production",
                                deps=[dg.AssetKey(["upgrade", "keys", "ci_per"])], kinds={"duckdb"}),
                   write_ci_per,
                   checks=[LayerCheck("foreign_keys_resolve", fks_resolve, description="...")]),
        ...
    ])                                            # -> dg.AssetsDefinition, op "upgrade_ccb__production"

Contract:

- Keys, deps, groups, kinds, descriptions: the scenario's own `dg.AssetSpec`s
  (any key prefix; deps on the specs, never `deps=` on the layer). Deps inside
  the layer set the write order (stable topological order of the list given);
  a cycle inside a layer is an error at load time. Keep layers acyclic
  across each other too: an outside asset between two assets of one layer
  makes Dagster split the step.
- Every asset and every check is partitioned by the same `partitions_def`
  (the waves by default), so each wave's check result is kept on its own.
- `write(run)` returns the asset's metadata (a dict) or `Written(metadata,
  facts)`; the builder adds `ccs/write_seconds`. `check(run, facts)` returns a
  `dg.AssetCheckResult`; the builder sets `asset_key`, `check_name` and
  `ccs/check_seconds` (what `ccs-migrate benchmark` sums per group), so a
  check never names them. A check reads what is stored for the wave (it also
  runs alone, with `facts=None`).
- Only what the run selected is written or checked
  (`context.selected_asset_keys`, `selected_asset_check_keys`).
- A write that raises, or a blocking check that fails, stops the assets of
  the layer downstream of it (transitively); independent ones still run, and
  the step then fails naming every asset it did not write and why. A selected
  key that was not written always fails the step (Dagster would otherwise skip
  the next layer silently). Connections are reopened after a failed write, so
  nothing it left pending leaks into the next table.
- `run.workbench` (DuckDB connection) and `run.target` (TargetSession) are
  opened on first use and shared by every write and check of the step;
  `run.wave` is the partition, `run.context` Dagster's context, `run.log` its log;
  `run.once(name, fn)` runs `fn` once per step (e.g. creating missing tables).

`build_layer(scenario, layer, assets, *, partitions_def=WAVES, pool="duckdb_writer",
required_resource_keys={"workbench", "target"}, description=None)`. The op is
named `<scenario>__<layer>` (must be unique in the code location). A full
example: `legacy_cis.layers()` (steps 1-8) and `cloud/assets.build()` (MDM/ODM);
the behaviour above is pinned by ccs_assets_tests/scenarios/test_layers.py,
whose toy scenario is a template for a new scenario's tests.
"""

from __future__ import annotations

import time
import traceback
import warnings
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping, Sequence

import dagster as dg

from ..resources import POOL
from ..waves import WAVES


@dataclass(frozen=True)
class Written:
    """What a write returns: the asset's materialization metadata, and facts its checks may reuse."""

    metadata: Mapping[str, Any]
    facts: Any = None


@dataclass(frozen=True)
class LayerCheck:
    """A check of one asset, evaluated in the step that writes the asset."""

    name: str
    evaluate: Callable[["LayerRun", Any], dg.AssetCheckResult]
    blocking: bool = False
    description: str | None = None


@dataclass(frozen=True)
class LayerAsset:
    """One asset of a layer: its spec, how to write it for a wave, and its checks."""

    spec: dg.AssetSpec
    write: Callable[["LayerRun"], Mapping[str, Any] | Written]
    checks: Sequence[LayerCheck] = field(default_factory=tuple)

    @property
    def key(self) -> dg.AssetKey:
        return self.spec.key


class LayerRun:
    """What a write or check of one step sees: the wave, the Dagster context, shared connections."""

    def __init__(self, context: dg.AssetExecutionContext):
        self.context = context
        self.wave: str = context.partition_key
        self.log = context.log
        self._stack = ExitStack()
        self._workbench = None
        self._target = None
        self._once: dict[str, Any] = {}

    @property
    def resources(self):
        return self.context.resources

    @property
    def workbench(self):
        """The workbench DuckDB connection of this step (opened once)."""
        if self._workbench is None:
            self._workbench = self._stack.enter_context(self.context.resources.workbench.connect())
        return self._workbench

    @property
    def target(self):
        """The target session of this step (opened once)."""
        if self._target is None:
            self._target = self._stack.enter_context(self.context.resources.target.session())
        return self._target

    def once(self, name: str, fn: Callable[[], Any]) -> Any:
        """`fn()` the first time a write of this step asks for `name` (e.g. create missing tables), then its result."""
        if name not in self._once:
            self._once[name] = fn()
        return self._once[name]

    def enter(self, cm):
        """Keep a context manager (e.g. a source database attached to the workbench) open until the step ends or a
        failed write resets the connections; returns what it yields."""
        return self._stack.enter_context(cm)

    def reset(self) -> None:
        """Close the connections (rolling back anything a failed write left pending); reopened on next use."""
        self._workbench = self._target = None
        self._once = {}
        self._stack.close()
        self._stack = ExitStack()

    def close(self) -> None:
        self.reset()


def op_name(scenario: str, layer: str) -> str:
    """Unique op (step) name of a scenario's layer, e.g. legacy_cis__production."""
    clean = lambda s: "".join(ch if ch.isalnum() else "_" for ch in s)  # noqa: E731
    return f"{clean(scenario)}__{clean(layer)}"


def write_order(assets: Sequence[LayerAsset]) -> list[LayerAsset]:
    """The assets in an order where each comes after the assets of the layer it depends on (stable)."""
    by_key = {a.key: a for a in assets}
    if len(by_key) != len(assets):
        raise ValueError("a layer lists the same asset key twice")
    inside = {a.key: [d.asset_key for d in a.spec.deps if d.asset_key in by_key] for a in assets}
    done: list[LayerAsset] = []
    placed: set[dg.AssetKey] = set()
    pending = list(assets)
    while pending:
        ready = [a for a in pending if all(d in placed for d in inside[a.key])]
        if not ready:
            raise ValueError("assets of one layer depend on each other in a cycle: "
                             + ", ".join(a.key.to_user_string() for a in pending))
        for a in ready:
            done.append(a)
            placed.add(a.key)
        pending = [a for a in pending if a.key not in placed]
    return done


def _metadata(out: Mapping[str, Any] | Written) -> Written:
    return out if isinstance(out, Written) else Written(dict(out or {}))


def build_layer(scenario: str, layer: str, assets: Sequence[LayerAsset], *,
                partitions_def: dg.PartitionsDefinition | None = WAVES, pool: str | None = POOL,
                required_resource_keys: set[str] | None = None, description: str | None = None,
                refuse: Callable[[LayerRun], str | None] | None = None) -> dg.AssetsDefinition:
    """One subsettable multi-asset (one step) writing `assets` in dependency order, with their checks.
    `refuse(run)` may name why the wave must not run at all: the step then fails with that one message
    before anything is written."""
    ordered = write_order(assets)
    specs = [a.spec for a in ordered]
    with warnings.catch_warnings():  # partitioned checks are a Dagster 1.13 preview; we rely on it knowingly
        warnings.simplefilter("ignore", dg.PreviewWarning)
        check_specs = [dg.AssetCheckSpec(c.name, asset=a.key, blocking=c.blocking, description=c.description,
                                         partitions_def=partitions_def)
                       for a in ordered for c in a.checks]
    inside = {a.key: {d.asset_key for d in a.spec.deps} & {b.key for b in ordered} for a in ordered}

    @dg.multi_asset(name=op_name(scenario, layer), specs=specs, check_specs=check_specs, can_subset=True,
                    partitions_def=partitions_def, pool=pool,
                    required_resource_keys={"workbench", "target"} if required_resource_keys is None else required_resource_keys,
                    description=description or f"{scenario}: every selected asset of the {layer} layer, in one step")
    def _layer(context):  # an AssetExecutionContext (no annotation: this module postpones annotations)
        run = LayerRun(context)
        if refuse is not None and (why := refuse(run)):
            raise dg.Failure(description=why, allow_retries=False)
        selected = set(context.selected_asset_keys)
        selected_checks = set(context.selected_asset_check_keys)
        stopped: dict[dg.AssetKey, str] = {}  # asset not written (or failed its blocking check) -> why
        written: set[dg.AssetKey] = set()
        try:
            for a in ordered:
                facts = None
                if a.key in selected:
                    blocked = sorted(k.to_user_string() for k in inside[a.key] if k in stopped)
                    if blocked:
                        stopped[a.key] = f"not written: upstream {', '.join(blocked)} failed in this step"
                        continue
                    started = time.perf_counter()
                    try:
                        out = _metadata(a.write(run))
                    except Exception as exc:  # noqa: BLE001 - reported with the asset's name, step fails at the end
                        context.log.error(f"{a.key.to_user_string()} failed:\n{traceback.format_exc()}")
                        stopped[a.key] = f"{type(exc).__name__}: {exc}"
                        run.reset()
                        continue
                    seconds = round(time.perf_counter() - started, 3)
                    facts = out.facts
                    written.add(a.key)
                    yield dg.MaterializeResult(asset_key=a.key, metadata={**out.metadata, "ccs/write_seconds": seconds})
                for c in a.checks:
                    ck = dg.AssetCheckKey(a.key, c.name)
                    if ck not in selected_checks:
                        continue
                    started = time.perf_counter()
                    try:
                        res = c.evaluate(run, facts)
                    except Exception as exc:  # noqa: BLE001
                        context.log.error(f"{a.key.to_user_string()}:{c.name} could not run:\n{traceback.format_exc()}")
                        stopped.setdefault(a.key, f"check {c.name} could not run: {type(exc).__name__}: {exc}")
                        run.reset()
                        continue
                    seconds = dg.MetadataValue.float(round(time.perf_counter() - started, 3))
                    yield res._replace(asset_key=a.key, check_name=c.name, metadata={**res.metadata, "ccs/check_seconds": seconds})
                    if c.blocking and not res.passed:
                        stopped.setdefault(a.key, f"blocking check {c.name} failed: {res.description or ''}".strip())
        finally:
            run.close()
        unwritten = {k: why for k, why in stopped.items() if k in selected or any(ck.asset_key == k for ck in selected_checks)}
        for k in selected - written - set(stopped):  # never silent: Dagster would skip the next layer without a word
            unwritten[k] = "selected but not written by this layer"
        if unwritten:
            raise dg.Failure(
                description=f"{len(unwritten)} asset(s) of {op_name(scenario, layer)} not written or not valid: "
                            + "; ".join(f"{k.to_user_string()}: {why}" for k, why in unwritten.items()),
                metadata={"not_written": dg.MetadataValue.json({k.to_user_string(): why for k, why in unwritten.items()})})

    return _layer


__all__ = ["LayerAsset", "LayerCheck", "LayerRun", "Written", "build_layer", "op_name", "write_order"]
