"""Whole-file faults of a legacy file: one rule, the file, the line where there is one, and a row in wb.errors.

A fault of the file as a whole (missing, empty, header only, wrong header,
not UTF-8, not parseable as CSV) stops the wave at the landing step. The run's
last line names it, `ccs-migrate errors` lists it (step `landing`, no legacy
key), and the wave keeps no new snapshot of the file, so nothing downstream runs on half a file.
"""

from __future__ import annotations

import re
from pathlib import Path

import dagster as dg
import duckdb

FILE_MISSING = "FILE_MISSING"          # a required file is not in the landing folder
FILE_EMPTY = "FILE_EMPTY"              # no header line at all (0 bytes or blank)
FILE_NO_RECORDS = "FILE_NO_RECORDS"    # a required file holds its header and no records
BAD_HEADER = "BAD_HEADER"              # missing, renamed, unknown or repeated column
BAD_ENCODING = "BAD_ENCODING"          # bytes that are not UTF-8 (a latin-1 export, binary garbage)
UNREADABLE_CSV = "UNREADABLE_CSV"      # DuckDB's CSV parser cannot read the file at all


class LandingFileError(dg.Failure):
    """The file as a whole cannot be read; `description` is `<file>[ line N]: <RULE>: <what>`."""

    def __init__(self, path: Path | str, rule: str, message: str, line: int | None = None):
        self.path, self.rule, self.detail, self.line = str(path), rule, message, line
        where = f"{path} line {line}" if line else str(path)
        super().__init__(description=f"{where}: {rule}: {message}",
                         metadata={"ccs/file": str(path), "ccs/rule": rule, "ccs/line": line or 0})


def record_fault(con: duckdb.DuckDBPyConnection, wave: str, table: str, fault: LandingFileError) -> None:
    """The fault as the wave's landing error of `table` (replacing any earlier fault of that file)."""
    con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = 'landing' AND table_name = ? AND legacy_key IS NULL "
                "AND rec IS NULL", [wave, table])
    con.execute("INSERT INTO wb.errors VALUES (?, 'landing', ?, NULL, ?, NULL, NULL, ?, ?, ?, NULL)",
                [wave, table, fault.rule, fault.description, fault.line, Path(fault.path).name])


def read_header(path: Path) -> list[str]:
    """The header's column names; the first line only is decoded, so a bad byte further down is not blamed on it."""
    with open(path, "rb") as fh:
        first = fh.readline()
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
    try:
        text = first.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LandingFileError(path, BAD_ENCODING, f"byte 0x{first[exc.start]:02x} at column {exc.start + 1} is not "
                                                   "UTF-8 (legacy-interface.md: files are UTF-8)", line=1) from None
    if not text.strip():
        raise LandingFileError(path, FILE_EMPTY, "no header line (the file is empty)", line=1)
    import csv

    return [h.strip() for h in next(csv.reader([text.rstrip("\r\n")]), [])]


def first_bad_utf8(path: Path, block: int = 1 << 22) -> tuple[int, int, int] | None:
    """(physical line, column, byte) of the first byte that is not UTF-8, or None. Blocks end at a line break."""
    line = 1
    with open(path, "rb") as fh:
        while chunk := fh.read(block):
            chunk += fh.readline()
            try:
                chunk.decode("utf-8")
            except UnicodeDecodeError as exc:
                before = chunk[:exc.start]
                return line + before.count(b"\n"), exc.start - (before.rfind(b"\n") + 1) + 1, chunk[exc.start]
            line += chunk.count(b"\n")
    return None


def encoding_fault(path: Path) -> LandingFileError | None:
    bad = first_bad_utf8(path)
    if bad is None:
        return None
    line, col, byte = bad
    return LandingFileError(path, BAD_ENCODING, f"byte 0x{byte:02x} at column {col} is not UTF-8; the file must be "
                                                "exported as UTF-8 (legacy-interface.md)", line=line)


def parser_fault(path: Path, exc: duckdb.Error) -> LandingFileError:
    """DuckDB could not parse the file: blame a bad byte when there is one, else quote the parser's first line."""
    fault = encoding_fault(path)
    if fault is not None:
        return fault
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    m = re.search(r"[Ll]ine:? (\d+)", str(exc))
    return LandingFileError(path, UNREADABLE_CSV, f"not a CSV file DuckDB can read ({first})",
                            line=int(m.group(1)) if m else None)
