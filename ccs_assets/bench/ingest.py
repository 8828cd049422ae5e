"""The floor a wave's run is measured against: every landing file read once into a DuckDB table.

    python -m ccs_assets.bench.ingest LANDING_DIR DB_FILE

One `CREATE TABLE ... AS SELECT * FROM read_csv(...)` per legacy file (header,
comma, double quotes, every column VARCHAR as the landing reader reads them),
no validation, no keys, in a fresh DuckDB file with the same memory_limit,
threads and spill folder as the run. `ccs-migrate benchmark` runs it as a
child process right after the run, so both see the same machine load.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from ..settings import duckdb_config, load_settings


def ingest(landing: Path, db: Path) -> dict[str, int]:
    """Read every *.csv of `landing` once into a table of `db`; return rows per file."""
    settings = load_settings()
    con = duckdb.connect(str(db), config=duckdb_config(settings.duckdb_memory_limit, 2, str(settings.duckdb_temp_dir or "")))
    rows = {}
    try:
        for path in sorted(Path(landing).glob("*.csv")):
            name = "".join(ch if ch.isalnum() else "_" for ch in path.stem)
            con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM read_csv(?, header=true, delim=',', quote='\"', "
                        "escape='\"', all_varchar=true)", [str(path)])
            rows[path.name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    finally:
        con.close()
    return rows


if __name__ == "__main__":
    counts = ingest(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sum(counts.values())} rows from {len(counts)} files")
