"""Typed load of one extract file into the staging schema, replacing the wave's rows; rejected lines kept as errors.

The file is always parsed by DuckDB (typed read_csv with rejects, the
SQL*Loader equivalent), in the field order of the control file shipped with it. On a DuckDB target the parsed rows stay in the same
engine; on Oracle they are streamed as Arrow batches into a load table
(`TargetSession.from_parser`: direct path load, or executemany with batch
errors) and reach staging with the same portable SQL.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog.model import Column, Table
from ..extract.loadfile import DATE_MASK, DELIMITER, ENCLOSURE, TIMESTAMP_MASK
from ..extract.spec import layout, parse_control_file
from ..target.resource import TargetSession
from ..target.wavewrite import replace_wave_rows

# One row per rejected line, as the parser reports it (not a target table: Oracle loads it through the wave's CCS_LD_<tag>_LOAD_REJECTS).
LOAD_REJECTS = Table(
    "LOAD_REJECTS",
    (Column("LINE_NO", "number", 10, nullable=True), Column("COLUMN_NAME", "varchar", 4000, nullable=True),
     Column("VALUE", "varchar", 4000, nullable=True), Column("MESSAGE", "varchar", 4000, nullable=True)),
    (), "Rejected lines of one extract file, one row per line.", entity="LOAD_REJECTS", owner_column="LINE_NO",
    legacy_file="", seed_step=6, product="ccs",
)


def _read_csv_sql(t: Table, path: Path) -> str:
    """The file read in the field order of the control file shipped with it (the service's or the project's)."""
    ctl = path.with_suffix(".ctl")
    spec = parse_control_file(ctl.read_text(encoding="utf-8-sig"), ctl) if ctl.is_file() else None
    lay = layout(t, spec)
    cols = "{" + ", ".join(f"'{n}': '{c.duckdb_type() if c else 'VARCHAR'}'" for n, c, _ in lay.fields) + "}"
    delim, quote = (spec.delimiter, spec.enclosure) if spec else (DELIMITER, ENCLOSURE)
    date_mask = spec.date_mask if spec and spec.date_mask else DATE_MASK[0]
    ts_mask = spec.timestamp_mask if spec and spec.timestamp_mask else TIMESTAMP_MASK[0]
    return (
        f"(SELECT {', '.join(t.column_names)} FROM read_csv('{path}', header=false, auto_detect=false, columns={cols},"
        f" delim='{delim}', quote='{quote}', escape='{quote}', dateformat='{date_mask}', timestampformat='{ts_mask}',"
        " strict_mode=true, store_rejects=true, rejects_table='_ldrej', rejects_scan='_ldrej_scan'))"
    )


def _rejects_sql(path: Path) -> str:
    """Parser (DuckDB) SQL: the rejected lines of the last read_csv, one row per line."""
    name = path.name.replace("'", "''")
    return (
        "SELECT line AS LINE_NO, any_value(column_name) AS COLUMN_NAME, left(any_value(csv_line), 4000) AS VALUE, "
        f"left('{name} line ' || line || ': ' || string_agg(error_message, '; '), 4000) AS MESSAGE "
        "FROM _ldrej GROUP BY line"
    )


def stage_file(s: TargetSession, t: Table, path: Path, wave: str, step: str = "stage", error_table: str | None = None) -> dict:
    """Load `path` into {stg}.<table> for the wave; return loaded/rejected counts.

    Rejected lines are CCS_VAL_ERR rows of `step` under `error_table` (default: the table's name)."""
    tname = error_table or t.name
    load = s.from_parser(f"SELECT * FROM {_read_csv_sql(t, path)}", t, "_load", wave=wave)
    cols = ", ".join(t.column_names)
    if "WAVE" in t.column_names and t.owner_column != "WAVE":
        with s.transaction():  # project tables that carry their wave (CCS_KEY_XREF)
            s.execute(f"DELETE FROM {s.stg}.{t.name} WHERE WAVE = :wave", wave=wave)
            s.execute(f"INSERT INTO {s.stg}.{t.name} ({cols}) SELECT {cols} FROM {load}")
        loaded = s.scalar(f"SELECT count(*) FROM {s.stg}.{t.name} WHERE WAVE = :wave", wave=wave)
    else:
        loaded = replace_wave_rows(s, s.stg, t, wave, f"SELECT {cols} FROM {load}")
    refused = list(s.refused)  # rows the parser accepted and the target refused (Oracle executemany batch errors)
    rejects = s.from_parser(_rejects_sql(path), LOAD_REJECTS, "_ldrej_lines", wave=wave)
    with s.transaction():
        s.execute(f"DELETE FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = :step AND TABLE_NAME = :tname",
                  wave=wave, tname=tname, step=step)
        s.execute(
            f"""INSERT INTO {s.stg}.CCS_VAL_ERR (WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO, STG_KEY)
            SELECT :wave, :step, :tname, NULL, 'LOAD_REJECT', r.COLUMN_NAME, r.VALUE, r.MESSAGE, r.LINE_NO, NULL
            FROM {rejects} r""",
            wave=wave, tname=tname, step=step,
        )
        for row, key, message in refused:
            s.execute(
                f"""INSERT INTO {s.stg}.CCS_VAL_ERR (WAVE, STEP, TABLE_NAME, LEGACY_KEY, RULE, COLUMN_NAME, VALUE, MESSAGE, LINE_NO, STG_KEY)
                SELECT :wave, :step, :tname, NULL, 'LOAD_REJECT', NULL, :val, :msg, NULL, NULL{s.dialect.from_dual()}""",
                wave=wave, tname=tname, step=step, val=key, msg=f"{path.name} row {row + 1}: {message}",
            )
    rejected = s.scalar(
        f"SELECT count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = :step AND TABLE_NAME = :tname",
        wave=wave, tname=tname, step=step,
    )
    s.drop_parsed("_load", "_ldrej", "_ldrej_scan", "_ldrej_lines")
    out = {"loaded": loaded, "rejected": rejected}
    if s.service is not None:  # CCS_TARGET=ccs: this was the rehearsal; now the service's SQL Loader batch
        out.update(s.service.stage(s, t, wave, out))
    return out
