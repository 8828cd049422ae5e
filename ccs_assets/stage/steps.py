"""Typed load of one extract file into cisstg, replacing the wave's rows; rejected lines kept as errors."""

from __future__ import annotations

from pathlib import Path

from ..catalog.model import Table
from ..extract.loadfile import DATE_MASK, TIMESTAMP_MASK
from ..target.resource import TargetSession
from ..target.wavewrite import replace_wave_rows


def _read_csv_sql(t: Table, path: Path) -> str:
    cols = "{" + ", ".join(f"'{c.name}': '{c.duckdb_type()}'" for c in t.columns) + "}"
    return (
        f"read_csv('{path}', header=false, auto_detect=false, columns={cols}, delim=',', quote='\"', escape='\"',"
        f" dateformat='{DATE_MASK[0]}', timestampformat='{TIMESTAMP_MASK[0]}', strict_mode=true,"
        " store_rejects=true, rejects_table='_ldrej', rejects_scan='_ldrej_scan')"
    )


def stage_file(s: TargetSession, t: Table, path: Path, wave: str) -> dict:
    """Load `path` into {stg}.<table> for the wave; return loaded/rejected counts."""
    s.execute(f"CREATE OR REPLACE TEMP TABLE _load AS SELECT * FROM {_read_csv_sql(t, path)}")
    if "WAVE" in t.column_names and t.owner_column != "WAVE":
        with s.transaction():  # project tables that carry their wave (CCS_KEY_XREF)
            s.execute(f"DELETE FROM {s.stg}.{t.name} WHERE WAVE = :wave", wave=wave)
            s.execute(f"INSERT INTO {s.stg}.{t.name} SELECT {', '.join(t.column_names)} FROM _load")
        loaded = s.scalar(f"SELECT count(*) FROM {s.stg}.{t.name} WHERE WAVE = :wave", wave=wave)
    else:
        loaded = replace_wave_rows(s, s.stg, t, wave, f"SELECT {', '.join(t.column_names)} FROM _load")
    with s.transaction():
        s.execute("DELETE FROM {0}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = 'stage' AND TABLE_NAME = :tname".format(s.stg),
                  wave=wave, tname=t.name)
        s.execute(
            f"""INSERT INTO {s.stg}.CCS_VAL_ERR (WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO, STG_KEY)
            SELECT :wave, 'stage', :tname, NULL, 'LOAD_REJECT', any_value(column_name), any_value(csv_line),
                   '{path.name} line ' || line || ': ' || string_agg(error_message, '; '), line, NULL
            FROM _ldrej GROUP BY line""",
            wave=wave, tname=t.name,
        )
    rejected = s.scalar(
        f"SELECT count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = 'stage' AND TABLE_NAME = :tname",
        wave=wave, tname=t.name,
    )
    for tmp in ("_load", "_ldrej", "_ldrej_scan"):
        s.execute(f"DROP TABLE IF EXISTS {tmp}")
    return {"loaded": loaded, "rejected": rejected}
