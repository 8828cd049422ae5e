"""Code maps: legacy code values to CC&B codes, one CSV per code kind.

The demo maps in ./demo cover what `ccs-migrate generate` writes; CCS_CODE_MAPS
points at a user's own folder. Maps are loaded into the workbench as
`cfg.map_<kind>` tables; a value with no row is a record error (UNMAPPED_CODE),
never a crash. A map file with a missing column or a duplicate key is a
configuration error: CodeMapError, nothing runs.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

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
    """A code map file is missing, lacks a column, or maps one key twice."""


def load_code_maps(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, int]:
    """Validate every map in `folder` and (re)load it into cfg.map_<kind>; return row counts."""
    folder = Path(folder)
    con.execute("CREATE SCHEMA IF NOT EXISTS cfg")
    counts: dict[str, int] = {}
    for kind, key_cols in CODE_MAP_KINDS.items():
        path = folder / f"{kind}.csv"
        if not path.is_file():
            raise CodeMapError(f"code map {path}: CODE_MAP_MISSING: file missing (every code kind needs a map; see docs/legacy-interface.md)")
        header = _header(path)
        expected = [*key_cols, "ccb_value"]
        missing = [c for c in expected if c not in header]
        if missing:
            raise CodeMapError(f"code map {path}: CODE_MAP_HEADER: missing column(s) {', '.join(missing)}; expected {', '.join(expected)}")
        cols = ", ".join(f"trim({c}) AS {c}" for c in expected)
        rel = f"read_csv(?, header=true, all_varchar=true, auto_detect=false, quote='\"', escape='\"', columns={{{', '.join(repr(c) + ': ' + repr('VARCHAR') for c in header)}}})"
        con.execute(f"CREATE OR REPLACE TEMP TABLE _map AS SELECT {cols} FROM {rel}", [str(path)])
        dup = con.execute(
            f"SELECT {', '.join(key_cols)}, count(*) FROM _map GROUP BY ALL HAVING count(*) > 1 LIMIT 1"
        ).fetchone()
        if dup:
            raise CodeMapError(f"code map {path}: CODE_MAP_DUPLICATE: key {dup[:-1]!r} is mapped {dup[-1]} times")
        blank = con.execute("SELECT count(*) FROM _map WHERE coalesce(ccb_value, '') = ''").fetchone()[0]
        if blank:
            raise CodeMapError(f"code map {path}: CODE_MAP_BLANK: {blank} row(s) with an empty ccb_value")
        con.execute(f"CREATE OR REPLACE TABLE cfg.map_{kind} AS SELECT * FROM _map")
        counts[kind] = con.execute(f"SELECT count(*) FROM cfg.map_{kind}").fetchone()[0]
    con.execute("DROP TABLE IF EXISTS _map")
    return counts


def _header(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
    return [h.strip().strip('"') for h in first.rstrip("\r\n").split(",")]
