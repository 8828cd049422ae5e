"""Column lineage of scenario 1, generated from the catalog: legacy file column -> ccb -> extract -> staging ->
production -> MDM/ODM column.

The upgrade scenarios (their keys start with the scenario's short name) get the same, from their own tables:
the upgraded CC&B source table's column (on `<prefix>/source/upgrade`, named `TABLE.COLUMN`) -> extract ->
load -> production, keys kept, then on to MDM/ODM as in scenario 1 (`register_upgrade`).

Dagster's `dagster/column_lineage` is only drawn by Dagster+, so the same graph is also rendered here as a
markdown table for each asset's description (the open-source UI shows it on the asset page) and walked in
either direction by `ccs-migrate lineage`. Columns are named `asset/key.COLUMN` (`legacy/customers.language`,
`production/ci_per.PER_ID`). Every edge comes from the catalog: a CC&B column's declared legacy `sources` (a
keyed table's own key from its legacy file's key: the staging key is made from it), the same column one step
down the CC&B chain, production keys through the CK map of `keys/<table>`, and an MDM/ODM column's declared
CC&B or master-configuration `sources`.
"""

from __future__ import annotations

from functools import lru_cache

from . import ccb, mdm, odm
from .legacy import LEGACY_FILES
from .model import Table

CCB = {t.name: t for t in ccb.CCB_TABLES}
X1 = {t.name: t for t in mdm.MDM_TABLES + odm.ODM_TABLES}
ADMIN_SOURCES = {mdm.TYPE_MAP, *(t.name for t in mdm.ADMIN_TABLES + odm.ADMIN_TABLES)}
ADMIN_ASSET = "admin/x1_migad"
CCB_CHAIN = ("ccb", "extract", "staging", "production")  # each layer holds the table's columns as they are

Col = tuple[str, str]  # (asset key as "prefix/name", column)


def asset_of(table: str, prefix: str = "") -> str:
    """The asset a catalog table's rows are read from by the next step: CC&B production, step 9 or an MDM/ODM step
    (in the graph of an upgrade scenario when `prefix` names it)."""
    if prefix:
        return f"{prefix}/{asset_of(table)}"
    if table in CCB:
        return f"production/{table.lower()}"
    if table in ADMIN_SOURCES:
        return ADMIN_ASSET
    if table in X1:
        return f"{X1[table].product}/{X1[table].asset_name}"
    raise KeyError(f"{table} is not a catalog table")


def _x1_available(t: Table) -> bool:
    """MDM/ODM tables whose every source is in the catalog (the ones the scenario builds)."""
    known = set(CCB) | set(X1) | ADMIN_SOURCES
    names = [s.split(".")[0] for c in t.columns for s in c.sources] + [s.split(".")[0] for s in t.key_sources]
    names += [c.fk_table for c in t.foreign_keys]
    return all(n in known for n in names)


def _ccb_edges(t: Table, edges: dict[str, dict[str, list[Col]]]) -> None:
    legacy_key = LEGACY_FILES[t.legacy_file].key if t.legacy_file in LEGACY_FILES else ()
    ccb_cols: dict[str, list[Col]] = {}
    for c in t.columns:
        srcs = [(f"legacy/{s.split('.')[0]}", s.split(".")[1]) for s in c.sources]
        if not srcs and t.key_table and c.name == t.key_column.name:
            srcs = [(f"legacy/{t.legacy_file}", k) for k in legacy_key]
        ccb_cols[c.name] = srcs
    edges[f"ccb/{t.asset_name}"] = ccb_cols
    for up, down in zip(CCB_CHAIN, CCB_CHAIN[1:]):
        edges[f"{down}/{t.asset_name}"] = {c.name: [(f"{up}/{t.asset_name}", c.name)] for c in t.columns}
    prod = edges[f"production/{t.asset_name}"]
    for c in t.columns:  # production keys replace staging keys through the CK map that keys/<table> generated
        keyed = t.entity if c.name == t.owner_column else c.fk_table if c.fk and CCB[c.fk_table].key_table else None
        if keyed and CCB[keyed].key_table:
            prod[c.name] = prod[c.name] + [(f"keys/{keyed.lower()}", "NEW_KEY")]


def _x1_edges(t: Table, edges: dict[str, dict[str, list[Col]]], prefix: str = "") -> None:
    edges[asset_of(t.name, prefix)] = {
        c.name: [(asset_of(s.split(".")[0], prefix), s.split(".")[1]) for s in c.sources if s.split(".")[0] != t.name]
        for c in t.columns}


UPGRADE_CHAIN = ("extract", "load", "production")  # an upgrade's files and tables keep the source's columns and keys
_UPGRADES: dict[str, tuple[tuple[Table, ...], bool]] = {}


def register_upgrade(prefix: str, tables: tuple[Table, ...], mdm_odm: bool) -> None:
    """Add an upgrade scenario's graph (scenarios/upgrade.build calls this for each scenario it builds)."""
    if _UPGRADES.get(prefix) != (tuple(tables), mdm_odm):
        _UPGRADES[prefix] = (tuple(tables), mdm_odm)
        upstream_graph.cache_clear()
        downstream_graph.cache_clear()


def _upgrade_edges(prefix: str, tables: tuple[Table, ...], mdm_odm: bool, edges: dict[str, dict[str, list[Col]]]) -> None:
    source = f"{prefix}/source/upgrade"
    edges[source] = {}
    for t in tables:
        edges[source].update({f"{t.name}.{c.name}": [] for c in t.columns})
        edges[f"{prefix}/extract/{t.asset_name}"] = {c.name: [(source, f"{t.name}.{c.name}")] for c in t.columns}
        for up, down in zip(UPGRADE_CHAIN, UPGRADE_CHAIN[1:]):
            edges[f"{prefix}/{down}/{t.asset_name}"] = {c.name: [(f"{prefix}/{up}/{t.asset_name}", c.name)] for c in t.columns}
    if mdm_odm:
        for t in X1.values():
            if _x1_available(t):
                _x1_edges(t, edges, prefix)


@lru_cache(maxsize=1)
def upstream_graph() -> dict[str, dict[str, tuple[Col, ...]]]:
    """asset -> column -> the upstream (asset, column)s it is derived from (empty: a constant or generated value),
    for scenario 1 and every registered upgrade scenario (their keys are prefixed: no asset is in two graphs)."""
    edges: dict[str, dict[str, list[Col]]] = {}
    for t in ccb.CCB_TABLES:
        _ccb_edges(t, edges)
    for t in X1.values():
        if _x1_available(t):
            _x1_edges(t, edges)
    for f in LEGACY_FILES.values():
        edges[f"legacy/{f.name}"] = {c: [] for c in f.column_names}
    for prefix, (tables, mdm_odm) in _UPGRADES.items():
        _upgrade_edges(prefix, tables, mdm_odm, edges)
    return {a: {c: tuple(dict.fromkeys(d)) for c, d in cols.items()} for a, cols in edges.items()}


@lru_cache(maxsize=1)
def downstream_graph() -> dict[str, dict[str, tuple[Col, ...]]]:
    down: dict[str, dict[str, list[Col]]] = {a: {c: [] for c in cols} for a, cols in upstream_graph().items()}
    for asset, cols in upstream_graph().items():
        for col, ups in cols.items():
            for ua, uc in ups:
                down.setdefault(ua, {}).setdefault(uc, []).append((asset, col))
    return {a: {c: tuple(d) for c, d in cols.items()} for a, cols in down.items()}


def columns_of(asset: str) -> list[str]:
    ups = upstream_graph().get(asset, {})
    return list(ups) + [c for c in downstream_graph().get(asset, {}) if c not in ups]


def resolve(name: str) -> tuple[str, str | None]:
    """`odm/w1_asset_node.EFF_DTTM`, `production/ci_per`, `CI_PER.PER_ID` or `customers.language` -> (asset, column)."""
    asset, _, column = name.partition(".")
    if "/" not in asset:  # a table or legacy file name: its asset in the chain
        if asset.lower() in LEGACY_FILES:
            asset = f"legacy/{asset.lower()}"
        elif asset.upper() in CCB or asset.upper() in X1:
            asset = asset_of(asset.upper())
    graph = {**downstream_graph(), **upstream_graph()}
    if asset not in graph:
        known = sorted({a.split("/")[0] for a in graph})
        raise KeyError(f"{name}: no column lineage for asset {asset!r} (assets with columns: {', '.join(p + '/*' for p in known)}, "
                       "or a table or legacy file name such as CI_PER or customers)")
    if not column:
        return asset, None
    cols = {c.upper(): c for c in columns_of(asset)}
    if column.upper() not in cols:
        raise KeyError(f"{name}: {asset} has no column {column!r} (columns: {', '.join(columns_of(asset))})")
    return asset, cols[column.upper()]


def chain(asset: str, column: str, downstream: bool = False) -> dict:
    """The column and, recursively, where it comes from (or goes to): {asset, column, next: [...]}."""
    graph = downstream_graph() if downstream else upstream_graph()

    def walk(a: str, c: str, seen: frozenset) -> dict:
        nxt = [walk(na, nc, seen | {(a, c)}) for na, nc in graph.get(a, {}).get(c, ()) if (na, nc) not in seen]
        return {"asset": a, "column": c, "next": nxt}
    return walk(asset, column, frozenset())


def format_chain(node: dict, downstream: bool = False, depth: int = 0) -> list[str]:
    arrow = "-> " if downstream else "<- "
    lines = [("   " * (depth - 1) + arrow if depth else "") + f"{node['asset']}.{node['column']}"]
    for n in node["next"]:
        lines += format_chain(n, downstream, depth + 1)
    return lines


def markdown(asset: str) -> str:
    """The asset's column lineage as a markdown table for its description ('' when it has none)."""
    ups = upstream_graph().get(asset, {})
    if any(ups.values()):
        rows = [f"| `{c}` | {', '.join(f'`{a}.{uc}`' for a, uc in d) or '(set by the step)'} |" for c, d in ups.items()]
        head = "| column | comes from |"
    else:  # a legacy file: where each column goes
        downs = downstream_graph().get(asset, {})
        if not any(downs.values()):
            return ""
        rows = [f"| `{c}` | {', '.join(f'`{a}.{dc}`' for a, dc in d) or '(not migrated)'} |" for c, d in downs.items()]
        head = "| column | feeds |"
    return ("#### Column lineage\n\n" + head + "\n|---|---|\n" + "\n".join(rows)
            + f"\n\n`ccs-migrate lineage {asset}.COLUMN` follows a column back to where it comes from (the legacy file, or "
              "the upgraded CC&B database), or with `--downstream` on to MDM/ODM.")


def described(spec):
    """A dg.AssetSpec with its column lineage table at the end of its description (the open-source UI shows it on
    the asset page); unchanged when it has no lineage."""
    table = markdown(spec.key.to_user_string())
    return spec.replace_attributes(description="\n\n".join(x for x in (spec.description, table) if x)) if table else spec


def dagster_column_lineage(asset: str):
    """The asset's lineage as `dagster/column_lineage` (drawn by Dagster+)."""
    import dagster as dg

    return dg.TableColumnLineage(deps_by_column={
        c: [dg.TableColumnDep(asset_key=dg.AssetKey(a.split("/")), column_name=uc) for a, uc in d]
        for c, d in upstream_graph().get(asset, {}).items() if d})
