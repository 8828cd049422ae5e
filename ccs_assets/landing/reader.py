"""Read one legacy CSV into legacy.<file> for a wave: typed, every line accounted for.

DuckDB parses the file (strict field count, `"` enclosure, quoted line
breaks, BOM tolerated). Lines with the wrong number of fields become
MALFORMED_LINE errors; values that are not of their type (a date that is not
a date) become BAD_<TYPE> errors of their record. Records are numbered in
file order and mapped back to physical line numbers, so every error names
the file, line, record and rule. records = loaded + malformed, always.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..catalog.legacy import LegacyFile
from .faults import (BAD_HEADER, FILE_MISSING, FILE_NO_RECORDS, LandingFileError, encoding_fault,
                     parser_fault, read_header, record_fault)

CAST = {
    "date": ("TRY_STRPTIME({v}, '%Y-%m-%d')::DATE", "BAD_DATE", "is not a date (YYYY-MM-DD)"),
    "timestamp": ("TRY_STRPTIME({v}, '%Y-%m-%d %H:%M:%S')", "BAD_TIMESTAMP", "is not a timestamp (YYYY-MM-DD HH:MM:SS)"),
    "decimal": ("TRY_CAST({v} AS DECIMAL(18,6))", "BAD_NUMBER", "is not a decimal number"),
    "integer": ("TRY_CAST({v} AS BIGINT)", "BAD_INTEGER", "is not an integer"),
}


def legacy_table_ddl(f: LegacyFile) -> str:
    cols = ", ".join(f"{c.name} {c.duckdb_type()}" for c in f.columns)
    return f"CREATE TABLE IF NOT EXISTS legacy.{f.name} (_wave VARCHAR NOT NULL, _rec BIGINT NOT NULL, _line BIGINT NOT NULL, {cols})"


def land_file(con: duckdb.DuckDBPyConnection, landing: Path, f: LegacyFile, wave: str) -> dict:
    """(Re)load the wave's snapshot of one legacy file; return its counts."""
    path = Path(landing) / f.file_name
    con.execute(legacy_table_ddl(f))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM legacy.{f.name} WHERE _wave = ?", [wave])
        con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = 'landing' AND table_name = ?", [wave, f.name])
        con.execute("DELETE FROM wb.landing_counts WHERE wave = ? AND file = ?", [wave, f.name])
        if not path.is_file():
            if not f.optional:
                raise LandingFileError(path, FILE_MISSING, f"required legacy file is missing (legacy-interface.md lists "
                                                           f"{f.file_name} as required)")
            con.execute("INSERT INTO wb.landing_counts VALUES (?, ?, false, 0, 0, 0, 0)", [wave, f.name])
            con.execute("COMMIT")
            return {"present": False, "records": 0, "loaded": 0, "malformed": 0}
        counts = _load(con, path, f, wave)
        if counts["records"] == 0 and not f.optional:
            raise LandingFileError(path, FILE_NO_RECORDS, "required legacy file has its header and no records: "
                                                          "every entity it holds would be lost", line=1)
        con.execute("COMMIT")
        return counts
    except LandingFileError as fault:  # nothing of the file is kept; the fault itself is the wave's error
        con.execute("ROLLBACK")
        record_fault(con, wave, f.name, fault)
        raise
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _load(con: duckdb.DuckDBPyConnection, path: Path, f: LegacyFile, wave: str) -> dict:
    header = read_header(path)
    expected = f.column_names
    missing = [c for c in expected if c not in header]
    unknown = [c for c in header if c not in expected]
    dupes = sorted({c for c in header if header.count(c) > 1})
    if missing or unknown or dupes:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s) {', '.join(unknown)}")
        if dupes:
            parts.append(f"repeated column(s) {', '.join(dupes)}")
        raise LandingFileError(path, BAD_HEADER, f"header does not match legacy-interface v1: {'; '.join(parts)}", line=1)

    cols = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in header) + "}"
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _raw AS
            SELECT *, row_number() OVER () AS _k FROM read_csv(?, header=true, auto_detect=false, columns={cols},
                delim=',', quote='"', escape='"', strict_mode=true, parallel=false, null_padding=false,
                store_rejects=true, rejects_table='_rej', rejects_scan='_rej_scan', encoding='utf-8')""",
            [str(path)],
        )
    except duckdb.Error as exc:  # the file as a whole: binary garbage, a parser that cannot start
        raise parser_fault(path, exc) from None
    if con.execute("SELECT count(*) FROM _rej WHERE error_type = 'INVALID ENCODING'").fetchone()[0]:
        fault = encoding_fault(path)  # DuckDB also says so for an unclosed quote: believe only a real bad byte
        if fault is not None:
            raise fault
    # Record numbers (header = 1) of good rows: every record number not taken by a reject, in order.
    nl = " + ".join(f"coalesce(length(x.{c}) - length(replace(x.{c}, chr(10), '')), 0)" for c in header)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _recs AS
        WITH rej AS (SELECT line AS rec, any_value(csv_line) AS csv_line, string_agg(DISTINCT error_type, ', ') AS err,
                            any_value(error_message) AS msg
                     FROM _rej GROUP BY line),
        n AS (SELECT (SELECT count(*) FROM _raw) + (SELECT count(*) FROM rej) AS total),
        good AS (SELECT r.range AS rec, row_number() OVER (ORDER BY r.range) AS k
                 FROM range(2, (SELECT total FROM n) + 2) r WHERE r.range NOT IN (SELECT rec FROM rej)),
        allrec AS (
            SELECT g.rec, g.k, ({nl}) AS extra_nl, false AS rejected,
                   NULL AS csv_line, NULL AS err, NULL AS msg
            FROM good g JOIN _raw x ON x._k = g.k
            UNION ALL
            SELECT rec, NULL, length(csv_line) - length(replace(csv_line, chr(10), '')), true, csv_line, err, msg FROM rej)
        SELECT *, rec + coalesce(sum(extra_nl) OVER (ORDER BY rec ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line
        FROM allrec"""
    )
    select = []
    for c in f.columns:
        v = f"NULLIF(trim(x.{c.name}), '')"
        select.append(CAST[c.type][0].format(v=v) if c.type in CAST else v)
    con.execute(
        f"""INSERT INTO legacy.{f.name} (_wave, _rec, _line, {', '.join(f.column_names)})
        SELECT ?, r.rec, r.line, {', '.join(select)} FROM _raw x JOIN _recs r ON r.k = x._k ORDER BY r.rec""",
        [wave],
    )
    key_expr = f.key_sql("l")
    for c in f.columns:
        if c.type not in CAST:
            continue
        expr, rule, text = CAST[c.type]
        con.execute(
            f"""INSERT INTO wb.errors
            SELECT ?, 'landing', ?, {key_expr}, ?, ?, trim(x.{c.name}), ? || ': ''' || trim(x.{c.name}) || ''' {text}', r.line, ?, r.rec
            FROM _raw x JOIN _recs r ON r.k = x._k JOIN legacy.{f.name} l ON l._wave = ? AND l._rec = r.rec
            WHERE NULLIF(trim(x.{c.name}), '') IS NOT NULL AND l.{c.name} IS NULL""",
            [wave, f.name, rule, c.name, c.name, f.file_name, wave],
        )
    con.execute(
        """INSERT INTO wb.errors
        SELECT ?, 'landing', ?, NULL, 'MALFORMED_LINE', NULL, csv_line,
               'malformed line (' || err || '): ' || msg, line, ?, rec
        FROM _recs WHERE rejected""",
        [wave, f.name, f.file_name],
    )
    records, loaded, malformed = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE NOT rejected), count(*) FILTER (WHERE rejected) FROM _recs"
    ).fetchone()
    physical = con.execute("SELECT coalesce(max(line), 1) FROM _recs").fetchone()[0]
    con.execute("INSERT INTO wb.landing_counts VALUES (?, ?, true, ?, ?, ?, ?)", [wave, f.name, records, loaded, malformed, physical])
    for t in ("_raw", "_recs", "_rej", "_rej_scan"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    return {"present": True, "records": records, "loaded": loaded, "malformed": malformed}
