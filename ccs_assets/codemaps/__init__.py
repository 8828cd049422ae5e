"""Code maps: legacy code values to CC&B codes, one CSV per code kind.

The demo maps in ./demo cover what `ccs-migrate generate` writes; CCS_CODE_MAPS
points at a user's own folder. Each map is read as a dagster-pandas typed
DataFrame (`CODE_MAP_TYPES`, ccs_assets/typed_tables.py): the header has the
kind's key columns and `ccb_value`, no key is mapped twice, no `ccb_value` is
empty. The `config/code_maps` asset returns them as one `CodeMaps` output, so a
bad map is a failed type check in the UI naming the file, rule, column and
line (a passing one carries each map's rows and distinct CC&B values); only then
does `CodeMapsIOManager` load them into the workbench as `cfg.map_<kind>` tables.
A value with no row is a record error (UNMAPPED_CODE), never a crash. A missing
map file, or a map that fails its type outside Dagster (`load_code_maps`), is a
CodeMapError: nothing runs.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from ..typed_tables import Header, NotBlank, UniqueKey, check_tables, read_tables, table_type, tables_type
from ..workbench import WorkbenchResource

# kind -> legacy columns the kind is keyed by (legacy-interface.md, "Code maps")
CODE_MAP_KINDS: dict[str, tuple[str, ...]] = {
    "division": ("division",),
    "customer_class": ("customer_class",),
    "bill_cycle": ("bill_cycle",),
    "premise_type": ("premise_type",),
    "sp_type": ("division", "service_type", "sp_kind"),
    "read_cycle": ("read_cycle",),
    "meter_location": ("meter_location",),
    "sa_type": ("division", "rate_code"),
    "id_type": ("id_type",),
    "phone_type": ("phone_type",),
    "language": ("language",),
    "relationship": ("relationship",),
    "manufacturer": ("manufacturer",),
    "model": ("manufacturer", "model"),
    "meter_type": ("meter_type",),
    "uom": ("uom",),
    "tou": ("tou",),
    "item_type": ("item_type",),
}


class CodeMapError(ValueError):
    """A code map file is missing, lacks a column, maps one key twice or leaves a CC&B value empty."""


def _figures(df: pd.DataFrame) -> dict:
    return {"rows": len(df), "ccb_values": int(df["ccb_value"].nunique()) if "ccb_value" in df else 0}


CODE_MAP_TYPES: dict[str, dg.DagsterType] = {
    kind: table_type(
        f"CodeMap_{kind}", f"Code map `{kind}.csv`: ({', '.join(keys)}) -> `ccb_value`, one row per key.",
        columns={"ccb_value": [NotBlank("CODE_MAP_BLANK")]},
        constraints=[Header("CODE_MAP_HEADER", (*keys, "ccb_value")), UniqueKey("CODE_MAP_DUPLICATE", keys)],
        summary=_figures)
    for kind, keys in CODE_MAP_KINDS.items()}


CODE_MAPS = tables_type("CodeMaps", "The code maps of a folder, one CodeMap_<kind> DataFrame per code kind.",
                        CODE_MAP_TYPES, "code map", "CODE_MAP_INVALID", _figures, "code maps", "maps")


def read_code_maps(folder: Path) -> dict[str, pd.DataFrame]:
    """Every map of `folder` as text DataFrames indexed by file line (not yet checked); a missing file raises."""
    return read_tables(folder, {kind: f"{kind}.csv" for kind in CODE_MAP_KINDS}, lambda path: CodeMapError(
        f"code map {path}: CODE_MAP_MISSING: file missing (every code kind needs a map; see docs/legacy-interface.md)"))


def check_code_maps(frames: dict[str, pd.DataFrame]) -> None:
    """CodeMapError with the type check's one-line description when a map fails its type."""
    check_tables(CODE_MAPS, frames, CodeMapError)


def write_code_maps(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    """(Re)load checked maps into cfg.map_<kind> (key columns, ccb_value); return row counts."""
    con.execute("CREATE SCHEMA IF NOT EXISTS cfg")
    counts = {}
    for kind, keys in CODE_MAP_KINDS.items():
        con.register("_code_map", frames[kind][[*keys, "ccb_value"]].reset_index(drop=True))
        try:
            con.execute(f"CREATE OR REPLACE TABLE cfg.map_{kind} AS SELECT * FROM _code_map")
        finally:
            con.unregister("_code_map")
        counts[kind] = len(frames[kind])
    return counts


def load_code_maps(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, int]:
    """Read, check and (re)load every map in `folder` into cfg.map_<kind>; return row counts."""
    frames = read_code_maps(folder)
    check_code_maps(frames)
    return write_code_maps(con, frames)


class CodeMapsIOManager(dg.ConfigurableIOManager):
    """Stores the `config/code_maps` output (checked by its type first) as the workbench's cfg.map_<kind> tables."""

    workbench: WorkbenchResource

    def handle_output(self, context: dg.OutputContext, obj: dict[str, pd.DataFrame]) -> None:
        with self.workbench.connect() as con:
            write_code_maps(con, obj)

    def load_input(self, context: dg.InputContext) -> dict[str, pd.DataFrame]:
        with self.workbench.connect() as con:
            return {kind: con.execute(f"SELECT * FROM cfg.map_{kind}").df() for kind in CODE_MAP_KINDS}
