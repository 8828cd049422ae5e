"""Roll a wave back off the target (DESIGN.md section 4): its production rows, and what it owns in staging.

What a wave owns on the target is found through the bookkeeping every write
keeps (target/wavewrite.py): `CCS_WAVE_LEDGER` of each schema lists the owner
keys the wave wrote per table, and the tables that carry a WAVE column (the
CK_ maps, CCS_KEY_XREF, CCS_VAL_ERR) say it themselves.

Everything is driven by the catalog's table lists (target.schema.production_tables()
and staging_tables(), and the MDM/ODM lists of cloud.steps), with Column.fk for
dependents, so tables added to those lists later are rolled back, and checked
for dependents, without edits here. Only tables that exist on the target are
touched (no DDL).

A rollback is refused, with the list of dependents, while another wave's
production rows refer (by a catalog foreign key) to a row the wave owns. It is
also refused when the wave's ledger names a table none of the lists knows
(its rows would stay behind, orphaned). It is one transaction: all or none.

Shared asset history: an ODM asset's dispositions (W1_ASSET_NODE) are one
history per asset, rebuilt from all of production by every wave that brings
part of it, so a meter that moved between two waves' SPs is in both waves'
ledgers and points at both waves' nodes. The asset belongs to its owner wave
(the earliest wave it was installed in); its dispositions are shared. Rolling
back one of the waves removes that wave's CC&B history and rebuilds the shared
dispositions for the other waves from what production still holds, exactly as
their own runs wrote them; so the latest wave can always be rolled back (and
rerun), and an earlier one still waits for the waves whose rows point at its
assets (REBUILT_ON_ROLLBACK in cloud/steps.py names such tables).

SQL here is the project's portable subset (ANSI joins, named binds, no
engine-specific syntax) so it renders for Oracle unchanged.

The workbench is left as it is: legacy snapshots, ownership and the
legacy-to-staging key map (wb.stg_keymap) stay, so a rerun of the wave ships
the same staging keys and gets the same production keys back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..catalog.model import Table
from ..target import schema as target_schema
from ..target.resource import TargetSession

LEDGER = "CCS_WAVE_LEDGER"


@dataclass(frozen=True)
class Dependent:
    """Rows of another wave (or of no wave, or shared with one) in `table` whose `column` refers to a row only the wave owns in `parent`."""

    wave: str | None
    table: str
    column: str
    parent: str
    rows: int
    sample_key: str
    sample_parent_key: str

    def describe(self) -> str:
        return (f"{self.wave or '(no wave)'}: {self.rows} {self.table} row(s) refer through {self.table}.{self.column} "
                f"to {self.parent} rows of the wave (e.g. {self.table} {self.sample_key.strip()} -> "
                f"{self.parent} {self.sample_parent_key.strip()})")


@dataclass
class RollbackResult:
    wave: str
    dry_run: bool
    production: dict[str, int] = field(default_factory=dict)
    staging: dict[str, int] = field(default_factory=dict)
    shared: dict[str, int] = field(default_factory=dict)  # "schema.TABLE": rows kept, another wave owns them too
    rebuilt: dict[str, list[str]] = field(default_factory=dict)  # TABLE: other waves whose share was rebuilt
    dependents: list[Dependent] = field(default_factory=list)
    unknown_tables: list[str] = field(default_factory=list)  # "schema.TABLE" in the wave's ledger, in no table list

    @property
    def refused(self) -> bool:
        return bool(self.dependents or self.unknown_tables)

    @property
    def rows(self) -> int:
        return sum(self.production.values()) + sum(self.staging.values())

    def as_dict(self) -> dict:
        return {"wave": self.wave, "dry_run": self.dry_run, "refused": self.refused,
                "production": self.production, "staging": self.staging, "shared_rows_kept": self.shared,
                "rebuilt_for": self.rebuilt,
                "dependents": [asdict(d) for d in self.dependents], "unknown_tables": self.unknown_tables}


class RollbackRefused(Exception):
    def __init__(self, result: RollbackResult):
        self.result = result
        why = [f"{len(result.dependents)} dependent table reference(s)"] if result.dependents else []
        why += [f"tables in its ledger that no catalog list knows: {', '.join(result.unknown_tables)}"] if result.unknown_tables else []
        super().__init__(f"wave {result.wave} cannot be rolled back: {'; '.join(why)}")


def _table_lists() -> list[tuple]:
    """(production tables, staging tables) providers: the CC&B target schema, then MDM/ODM when built."""
    from ..upgrade.target_side import load_tables

    providers = [(target_schema.production_tables, target_schema.staging_tables),
                 (target_schema.transactional_production_tables, load_tables)]
    try:
        from ..cloud import steps as x1
    except ImportError:  # a build without steps 9-12
        return providers
    return providers + [(x1.x1_production_tables, x1.x1_staging_tables)]


def rebuilders() -> dict:
    """TABLE -> rebuild(session, wave) for tables several waves share and rebuild from production (ODM asset
    history): a rollback removes the wave's share and rebuilds the rows for the other waves that share them."""
    try:
        from ..cloud.steps import REBUILT_ON_ROLLBACK
    except ImportError:  # a build without steps 9-12
        return {}
    return dict(REBUILT_ON_ROLLBACK)


def catalog_tables(kind: str) -> list[Table]:
    """Every catalog table of the production ("production") or staging ("staging") schema, parents first."""
    out: dict[str, Table] = {}
    for prod, stg in _table_lists():
        for t in (prod() if kind == "production" else stg()):
            out.setdefault(t.name, t)
    return list(out.values())


def existing(s: TargetSession, schema: str, tables: list[Table]) -> list[Table]:
    """The tables of the list that exist on the target (a wave that never reached a step created none of its tables)."""
    names = {str(r[0]).upper() for r in s.query(s.dialect.tables_sql(), schema=s.dialect.schema_name(schema))}
    return [t for t in tables if t.name.upper() in names]


def _owned_by_wave(schema: str, t: Table, alias: str | None) -> str:
    """Predicate: a row of `t` (qualified by `alias`, or unqualified) belongs to the wave alone (bind :wave).

    A row whose owner key another wave's ledger lists too (ODM asset history is rebuilt by every wave that
    brings some of it) is shared: it is not the wave's alone, so a rollback keeps it.
    """
    col = f"{alias}." if alias else ""
    if "WAVE" in t.column_names:
        return f"{col}WAVE = :wave"
    return (f"{col}{t.owner_column} IN (SELECT l.OWNER_KEY FROM {schema}.{LEDGER} l "
            f"WHERE l.WAVE = :wave AND l.TABLE_NAME = '{t.name}') AND {col}{t.owner_column} NOT IN "
            f"(SELECT o.OWNER_KEY FROM {schema}.{LEDGER} o WHERE o.WAVE <> :wave AND o.TABLE_NAME = '{t.name}')")


def _shared_with_others(schema: str, t: Table) -> str:
    """Predicate (unqualified): a row of `t` the wave's ledger lists and another wave's ledger lists too."""
    return (f"{t.owner_column} IN (SELECT l.OWNER_KEY FROM {schema}.{LEDGER} l JOIN {schema}.{LEDGER} o "
            f"ON o.OWNER_KEY = l.OWNER_KEY AND o.TABLE_NAME = l.TABLE_NAME AND o.WAVE <> l.WAVE "
            f"WHERE l.WAVE = :wave AND l.TABLE_NAME = '{t.name}')")


def find_dependents(s: TargetSession, wave: str, rebuilt: frozenset[str] = frozenset()) -> list[Dependent]:
    """Production rows outside the wave that refer, through a catalog foreign key, to a row the wave owns.

    Rows of a `rebuilt` table that the wave shares with others are rebuilt without the wave's share, so they
    only depend on the wave through their owner (an asset only the wave owns), not through what they point at.
    """
    tables = [t for t in existing(s, s.prod, catalog_tables("production")) if t.name != LEDGER]
    by_name = {t.name: t for t in tables}
    out: list[Dependent] = []
    for t in tables:
        for c in t.foreign_keys:
            parent = by_name.get(c.fk_table)
            if parent is None:
                continue
            rebuilt_share = (f" AND x.{t.owner_column} NOT IN (SELECT r.OWNER_KEY FROM {s.prod}.{LEDGER} r WHERE r.WAVE = :wave "
                             f"AND r.TABLE_NAME = '{t.name}')" if t.name in rebuilt and c.name != t.owner_column else "")
            rows = s.query(
                f"""SELECT dl.WAVE, COUNT(*), MIN(x.{t.owner_column}), MIN(x.{c.name})
                FROM {s.prod}.{t.name} x
                LEFT JOIN {s.prod}.{LEDGER} dl ON dl.OWNER_KEY = x.{t.owner_column} AND dl.TABLE_NAME = '{t.name}'
                     AND dl.WAVE <> :wave
                WHERE NOT ({_owned_by_wave(s.prod, t, 'x')}){rebuilt_share}
                  AND EXISTS (SELECT 1 FROM {s.prod}.{parent.name} p
                              WHERE p.{c.fk_column} = x.{c.name} AND {_owned_by_wave(s.prod, parent, 'p')})
                GROUP BY dl.WAVE""",
                wave=wave,
            )
            for dep_wave, n, key, parent_key in rows:
                out.append(Dependent(dep_wave, t.name, c.name, parent.name, int(n), str(key), str(parent_key)))
    return sorted(out, key=lambda d: (d.wave or "", d.table, d.column))


def _remove(s: TargetSession, schema: str, tables: list[Table], wave: str, dry_run: bool,
            shared: dict[str, int]) -> dict[str, int]:
    """Delete the wave's rows of each table (children first), then its ledger entries; return rows per table.

    Rows another wave owns too are kept (counted into `shared`); only this wave's ledger entry for them goes.
    """
    counts: dict[str, int] = {}
    ledger = next((t for t in tables if t.name == LEDGER), None)
    ordered = [t for t in reversed(tables) if t.name != LEDGER] + ([ledger] if ledger else [])
    for t in ordered:
        pred = "WAVE = :wave" if t.name == LEDGER else _owned_by_wave(schema, t, None)
        n = int(s.scalar(f"SELECT COUNT(*) FROM {schema}.{t.name} WHERE {pred}", wave=wave) or 0)
        if t.name != LEDGER and "WAVE" not in t.column_names:
            kept = int(s.scalar(f"SELECT COUNT(*) FROM {schema}.{t.name} WHERE {_shared_with_others(schema, t)}",
                                wave=wave) or 0)
            if kept:
                shared[f"{schema}.{t.name}"] = kept
        if n:
            counts[t.name] = n
            if not dry_run:
                s.execute(f"DELETE FROM {schema}.{t.name} WHERE {pred}", wave=wave)
    return counts


def unknown_ledger_tables(s: TargetSession, schema: str, tables: list[Table], wave: str) -> list[str]:
    """Tables the wave's ledger names that are not in `tables`: a rollback would leave their rows behind."""
    if not any(t.name == LEDGER for t in tables):
        return []
    known = {t.name for t in tables}
    return [f"{schema}.{r[0]}" for r in s.query(
        f"SELECT DISTINCT TABLE_NAME FROM {schema}.{LEDGER} WHERE WAVE = :wave ORDER BY TABLE_NAME", wave=wave)
        if r[0] not in known]


def rollback_wave(s: TargetSession, wave: str, dry_run: bool = False) -> RollbackResult:
    """Remove the wave from production and staging in one transaction; raise RollbackRefused if others depend on it."""
    result = RollbackResult(wave=wave, dry_run=dry_run)
    prod = existing(s, s.prod, catalog_tables("production"))
    stg = existing(s, s.stg, catalog_tables("staging"))
    with s.transaction():
        result.unknown_tables = unknown_ledger_tables(s, s.prod, prod, wave) + unknown_ledger_tables(s, s.stg, stg, wave)
        rebuild = {t: f for t, f in rebuilders().items() if t in {x.name for x in prod}}
        result.dependents = find_dependents(s, wave, frozenset(rebuild))
        if result.refused:
            raise RollbackRefused(result)
        result.rebuilt = {t: sharing_waves(s, t, wave) for t in rebuild}
        result.rebuilt = {t: w for t, w in result.rebuilt.items() if w}
        result.production = _remove(s, s.prod, prod, wave, dry_run, result.shared)
        result.staging = _remove(s, s.stg, stg, wave, dry_run, result.shared)
        if not dry_run:  # the other waves' share, from production as it is without this wave
            for table, waves in result.rebuilt.items():
                for other in waves:
                    rebuild[table](s, other)
    return result


def sharing_waves(s: TargetSession, table: str, wave: str) -> list[str]:
    """Other waves whose ledger lists an owner key of `table` that the wave's ledger lists too."""
    return [r[0] for r in s.query(
        f"SELECT DISTINCT o.WAVE FROM {s.prod}.{LEDGER} l JOIN {s.prod}.{LEDGER} o ON o.OWNER_KEY = l.OWNER_KEY "
        f"AND o.TABLE_NAME = l.TABLE_NAME AND o.WAVE <> l.WAVE WHERE l.WAVE = :wave AND l.TABLE_NAME = '{table}' "
        f"ORDER BY o.WAVE", wave=wave)]


def target_asset_keys(defs) -> list:
    """Assets that read or write the target: their wave partition describes rows a rollback removed."""
    keys = []
    for a in defs.assets or []:
        if "target" in getattr(a, "required_resource_keys", set()):
            keys.extend(a.keys)
    return keys


def record_rollback(instance, defs, result: RollbackResult) -> dict:
    """Tell the Dagster instance: the wave's partition of every target-side asset was rolled back.

    Each gets an observation on the wave's partition (visible in the asset's Events, with the rows
    removed), so the UI does not silently show rolled-back data as current. Where the instance's
    event storage can wipe partitions (not SQLite, the local default), the partition's
    materializations are wiped first, so it shows as missing. Runs and their logs always stay.
    """
    import dagster as dg

    keys = target_asset_keys(defs)
    wiped = 0
    for key in keys:
        try:
            instance.wipe_asset_partitions(key, [result.wave])
            wiped += 1
        except NotImplementedError:
            pass
        instance.report_runless_asset_event(dg.AssetObservation(
            asset_key=key, partition=result.wave, description=f"wave {result.wave} rolled back (ccs-migrate rollback)",
            metadata={"ccs/rolled_back": True, "production_rows_removed": sum(result.production.values()),
                      "staging_rows_removed": sum(result.staging.values())}))
    return {"observed": len(keys), "wiped": wiped}
