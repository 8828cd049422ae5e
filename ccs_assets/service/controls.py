"""Which batch control runs for which step and table: the batch-control configuration file.

The service's conversion entity dashboard lists the batch controls (one SQL
Loader clone per table, one validation batch per maintenance object, one
key-assignment batch per system-keyed table, one insert batch per table);
their codes are not public, so a person copies them into this TOML file.
Every section is one step:

    [stage]                         # K1-CNVLD clones, one per table
    thread_count = 4                # default for the step
    parameters = { "inputLocation" = "{input}", "tableName" = "{table}" }   # sent in this order
    [stage.tables]                  # table -> batch control (required for every catalog table)
    CI_PER = "CMLDPER"
    [stage.threads]                 # per-table thread counts (optional)
    [stage.after]                   # table -> tables of the same step whose batch must have ended first

Placeholders in parameters: {wave}, {table}, {input}, {output}, {archive}
(the [locations] templates, resolved for the wave). Ordering rules the file
must keep: key assignment runs single-threaded (thread_count 1), and `after`
names tables of the same step only (parents before children). The file is
checked against the catalog when settings are read: a missing table, an
unknown placeholder or a bad thread count is one line naming the file,
section and table.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import ccb, mdm, odm, project

# step -> tables the catalog needs a batch control for ("*" = one batch for the whole step)
STEPS = ("enable", "stage", "validate", "keys", "production", "admin", "mdm_odm", "disable")
PLACEHOLDERS = {"wave", "table", "input", "output", "archive"}
OUTCOMES = {"in_progress", "complete", "error", "cancelled"}
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,7}$")  # batch control codes: at most 8 characters


class BatchControlError(ValueError):
    """The batch-control file is wrong; the message names the file, section and entry."""


def required_tables(step: str) -> list[str]:
    keyed = [t for t in ccb.CCB_TABLES if t.key_table]
    if step == "stage":
        return [t.name for t in ccb.CCB_TABLES] + [t.k_table for t in keyed]
    if step in ("validate", "keys"):
        return [t.name for t in keyed]
    if step == "production":
        return [t.name for t in ccb.CCB_TABLES]
    if step == "mdm_odm":
        return [t.name for t in mdm.MDM_TABLES + odm.ODM_TABLES]
    return ["*"]


OPTIONAL_TABLES = {"stage": [project.KEY_XREF.name]}  # the project's key map: loaded only where a custom table exists


@dataclass(frozen=True)
class Batch:
    step: str
    table: str
    batch_control: str
    thread_count: int
    parameters: tuple[tuple[str, str], ...]  # (name, template), in submission order
    after: tuple[str, ...] = ()

    def resolved_parameters(self, values: dict[str, str]) -> list[tuple[str, str]]:
        return [(n, v.format(**values)) for n, v in self.parameters]


@dataclass(frozen=True)
class BatchControls:
    path: Path
    confidence: str
    submission: dict
    polling: dict
    run_status: dict[str, str]
    thread_status: dict[str, str]
    locations: dict[str, str]
    readback: dict[str, str]
    batches: dict[tuple[str, str], Batch] = field(default_factory=dict)

    def batch(self, step: str, table: str = "*") -> Batch | None:
        return self.batches.get((step, table))

    def locations_for(self, wave: str) -> dict[str, str]:
        return {k: v.format(wave=wave) for k, v in self.locations.items()}

    def order(self, step: str) -> list[Batch]:
        """The step's batches, each after the ones it names (parents before children)."""
        todo = {b.table: b for (s, _), b in self.batches.items() if s == step}
        out: list[Batch] = []
        done: set[str] = set()
        while todo:
            ready = sorted(t for t, b in todo.items() if set(b.after) <= done)
            if not ready:
                raise BatchControlError(f"{self.path}: [{step}.after] has a cycle among {', '.join(sorted(todo))}")
            for t in ready:
                out.append(todo.pop(t))
                done.add(t)
        return out


def _int(value, where: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise BatchControlError(f"{where} must be a whole number from {low} to {high}, got {value!r}")
    return value


def _templates(params, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(params, dict):
        raise BatchControlError(f"{where} must be a table of parameter name = value")
    out = []
    for name, value in params.items():
        value = str(value)
        for _, ph, _, _ in string.Formatter().parse(value):
            if ph is not None and ph not in PLACEHOLDERS:
                raise BatchControlError(f"{where}: parameter {name} uses unknown placeholder {{{ph}}} "
                                        f"(known: {', '.join(sorted(PLACEHOLDERS))})")
        out.append((str(name), value))
    return tuple(out)


def _status_map(doc: dict, name: str, path: Path) -> dict[str, str]:
    m = doc.get(name)
    if not isinstance(m, dict) or not m:
        raise BatchControlError(f"{path}: [{name}] must map each status code to one of {', '.join(sorted(OUTCOMES))}")
    for code, outcome in m.items():
        if outcome not in OUTCOMES:
            raise BatchControlError(f"{path}: [{name}] {code} = {outcome!r} is not one of {', '.join(sorted(OUTCOMES))}")
    if "complete" not in m.values():
        raise BatchControlError(f"{path}: [{name}] names no status as complete")
    return {str(k): v for k, v in m.items()}


def load_batch_controls(path: Path) -> BatchControls:
    try:
        doc = tomllib.loads(Path(path).read_text())
    except tomllib.TOMLDecodeError as exc:
        raise BatchControlError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise BatchControlError(f"{path}: cannot read: {exc.strerror}") from None
    locations = doc.get("locations", {})
    for name in ("input", "output", "archive", "output_objects"):
        if not isinstance(locations.get(name), str) or not locations[name].strip():
            raise BatchControlError(f"{path}: [locations] {name} is required")
    readback = doc.get("readback", {})
    for name in ("staging_schema", "production_schema"):
        if not re.fullmatch(r"[A-Z][A-Z0-9_$#]{0,127}", str(readback.get(name, ""))):
            raise BatchControlError(f"{path}: [readback] {name} must be an unquoted Oracle schema name")
    polling = {"first_seconds": 2.0, "max_seconds": 60.0, "give_up_minutes": 600.0, "http_timeout_seconds": 60.0,
               **doc.get("polling", {})}
    for k, v in polling.items():
        if not isinstance(v, (int, float)) or isinstance(v, bool) or v <= 0:
            raise BatchControlError(f"{path}: [polling] {k} must be a positive number, got {v!r}")
    submission = doc.get("submission", {})
    if not isinstance(submission, dict):
        raise BatchControlError(f"{path}: [submission] must be a table")

    batches: dict[tuple[str, str], Batch] = {}
    for step in STEPS:
        sec = doc.get(step)
        where = f"{path}: [{step}]"
        if not isinstance(sec, dict):
            raise BatchControlError(f"{where} is missing")
        default_threads = _int(sec.get("thread_count", 1), f"{where} thread_count", 1, 1000)
        params = _templates(sec.get("parameters", {}), f"{where} parameters")
        tables = sec.get("tables", {"*": sec.get("batch_control")} if "batch_control" in sec else {})
        threads = sec.get("threads", {})
        after = sec.get("after", {})
        known = set(required_tables(step)) | set(OPTIONAL_TABLES.get(step, []))
        for table, code in tables.items():
            if table not in known:
                raise BatchControlError(f"{where}.tables: {table} is not a table this step runs for")
            if not isinstance(code, str) or not _CODE.match(code):
                raise BatchControlError(f"{where}.tables: {table} = {code!r} is not a batch control code (1-8 of A-Z 0-9 - _)")
            n = _int(threads.get(table, default_threads), f"{where}.threads {table}", 1, 1000)
            if step == "keys" and n != 1:
                raise BatchControlError(f"{where}: {table} has {n} threads; key assignment runs single-threaded (thread_count = 1)")
            deps = after.get(table, [])
            if not isinstance(deps, list) or any(d not in tables for d in deps):
                raise BatchControlError(f"{where}.after: {table} must list tables of [{step}.tables], got {deps!r}")
            batches[(step, table)] = Batch(step, table, code, n, params, tuple(deps))
        for table in list(threads) + list(after):
            if table not in tables:
                raise BatchControlError(f"{where}: {table} has threads or after but no batch control in [{step}.tables]")
        missing = [t for t in required_tables(step) if (step, t) not in batches]
        if missing:
            raise BatchControlError(f"{where}: no batch control for {', '.join(missing)}")
    out = BatchControls(path=Path(path), confidence=str(doc.get("confidence", "")), submission=submission, polling=polling,
                        run_status=_status_map(doc, "run_status", path), thread_status=_status_map(doc, "thread_status", path),
                        locations={k: str(v) for k, v in locations.items()}, readback={k: str(v) for k, v in readback.items()},
                        batches=batches)
    for step in STEPS:
        out.order(step)  # no cycles
    return out
