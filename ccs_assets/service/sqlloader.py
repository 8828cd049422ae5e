"""SQL*Loader log and bad files, as the load batch (K1-CNVLD) writes them to the output location.

From the log: per table the rows loaded and not loaded (data errors, WHEN
clauses, all-null), the logical records read/rejected/discarded, and every
rejected record with its number and Oracle's reason. The bad file holds the
rejected records themselves (one per line for this project's files).
"""

from __future__ import annotations

import re

_TABLE_STATS = re.compile(r"^Table\s+(?P<table>[\w$#.\"]+):\s*$")
_STAT = re.compile(r"^\s*(?P<n>\d[\d,]*)\s+Rows?\s+(?P<what>.+?)\.\s*$")
_TOTAL = re.compile(r"^Total logical records (?P<what>skipped|read|rejected|discarded):\s*(?P<n>\d[\d,]*)\s*$")
_REJECT = re.compile(r"^Record\s+(?P<rec>\d+):\s+Rejected\s+-\s+(?P<why>.+?)\s*$")
_STAT_NAMES = {
    "successfully loaded": "loaded",
    "not loaded due to data errors": "rejected",
    "not loaded because all when clauses were failed": "not_selected",
    "not loaded because all fields were null": "all_null",
}


class SqlLoaderLogError(ValueError):
    """A log without the per-table statistics SQL*Loader writes at the end of every load."""


def parse_log(text: str, name: str = "log") -> dict:
    """{'tables': {TABLE: {loaded, rejected, not_selected, all_null}}, 'totals': {...}, 'rejects': [...]}."""
    tables: dict[str, dict[str, int]] = {}
    totals: dict[str, int] = {}
    rejects: list[dict] = []
    current: str | None = None
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = _TABLE_STATS.match(line)
        if m:
            current = m["table"].replace('"', "").split(".")[-1]
            tables[current] = {}
            continue
        m = _STAT.match(line)
        if m and current is not None:
            key = _STAT_NAMES.get(m["what"].strip().lower())
            if key:
                tables[current][key] = int(m["n"].replace(",", ""))
            continue
        if not line.strip():
            current = None
        m = _TOTAL.match(line)
        if m:
            totals[m["what"]] = int(m["n"].replace(",", ""))
            continue
        m = _REJECT.match(line)
        if m:
            reason = next((x.strip() for x in lines[i + 1:i + 3] if x.strip().startswith(("ORA-", "SQL*Loader-"))), "")
            rejects.append({"record": int(m["rec"]), "error": m["why"], "reason": reason})
    if not tables:
        raise SqlLoaderLogError(f"{name}: no 'Table ...:' statistics (not a complete SQL*Loader log)")
    for stats in tables.values():
        for key in _STAT_NAMES.values():
            stats.setdefault(key, 0)
    return {"tables": tables, "totals": totals, "rejects": rejects}


def count_bad_records(data: bytes) -> int:
    """Records in a bad file (one record per line)."""
    return len([ln for ln in data.splitlines() if ln.strip()])


def render_log(table: str, schema: str, data_file: str, loaded: int, rejects: list[tuple[int, str, str]]) -> str:
    """A log in SQL*Loader's layout (used by the loopback fake of the service)."""
    out = [f"Control File:   {table}.ctl", f"Data File:      {data_file}", f"  Bad File:     {table}.bad", "",
           f"Table {schema}.{table}, loaded from every logical record.", ""]
    for rec, column, reason in rejects:
        out += [f"Record {rec}: Rejected - Error on table {schema}.{table}, column {column or 'unknown'}.", reason, ""]
    out += [f"Table {schema}.{table}:", f"  {loaded} Rows successfully loaded.",
            f"  {len(rejects)} Rows not loaded due to data errors.",
            "  0 Rows not loaded because all WHEN clauses were failed.",
            "  0 Rows not loaded because all fields were null.", "",
            "Total logical records skipped:          0", f"Total logical records read:     {loaded + len(rejects):>10}",
            f"Total logical records rejected: {len(rejects):>10}", "Total logical records discarded:        0", ""]
    return "\n".join(out)
