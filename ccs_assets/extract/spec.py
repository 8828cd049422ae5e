"""The cloud service's own load layout: control files K1-CNVAG generated (ccs-load-files.md section 1, 3).

K1-CNVAG builds one Conversion Task per table with a SQL*Loader control file and an
Input File Specification; K1-CNVLD loads with that control file, so the fields of a
file must follow its order exactly. The specification is reference text whose layout
is not public; the control file states the same field order in SQL*Loader syntax,
which is, so that is what is read: setting CCS_CONVERSION_ARTIFACTS names a folder
holding the service's `<TABLE>.ctl` files (Conversion Task -> Attachments).

With it, each extract file is written in the control file's field order and the
service's control file is shipped as is. A field the control file has and the catalog
lacks is written with OUAF's empty value (enclosed blank, 0, or empty for a date) and
reported; a catalog column the control file lacks is an error (the load would shift
every field after it). Without the setting the catalog's order and the project's own
control files are used: those files are for the rehearsal target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..catalog.model import Column, Table


class SpecError(ValueError):
    """A service control file cannot be read, or it and the catalog disagree."""


@dataclass(frozen=True)
class Field:
    name: str
    datatype: str  # the SQL*Loader field specification after the name, e.g. CHAR(10), DATE "YYYY-MM-DD"

    def empty_sql(self) -> str:
        """OUAF's empty value for a field the catalog has no value for, as the file writer's SQL expression."""
        spec = self.datatype.upper()
        if spec.startswith(("DATE", "TIMESTAMP")):
            return "CAST(NULL AS VARCHAR)"  # empty, unenclosed: NULL (only optional dates are nullable)
        if re.match(r"(INTEGER|DECIMAL|FLOAT|DOUBLE|ZONED)\b", spec):
            return "'0'"
        return "' '"  # an enclosed single blank: OUAF's empty NOT NULL text


_MASK = (("YYYY", "%Y"), ("HH24", "%H"), ("MM", "%m"), ("DD", "%d"), ("MI", "%M"), ("SS", "%S"))


def strftime_mask(oracle_mask: str) -> str:
    """An Oracle date mask (YYYY-MM-DD HH24:MI:SS) as strftime/strptime text."""
    out = oracle_mask.upper()
    for ora, c in _MASK:
        out = out.replace(ora, c)
    if re.search(r"[A-Z]", re.sub(r"%[YmdHMS]", "", out)):
        raise SpecError(f"date mask {oracle_mask!r}: only YYYY, MM, DD, HH24, MI, SS are supported")
    return out


@dataclass(frozen=True)
class ControlSpec:
    table: str
    fields: tuple[Field, ...]
    text: str  # the control file as the service generated it (shipped unchanged)
    path: Path
    delimiter: str = ","
    enclosure: str = '"'
    date_mask: str | None = None  # strftime; None: no DATE field
    timestamp_mask: str | None = None

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]


def _depths(text: str):
    """(index, char, depth) of every character outside quotes; depth counts the parentheses open before it."""
    depth, quote = 0, ""
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
            continue
        if ch in "'\"":
            quote = ch
            continue
        depth -= ch == ")"
        yield i, ch, depth + (ch == ")")
        depth += ch == "("


def _split_top(body: str) -> list[str]:
    """Split a field list on commas outside parentheses and quotes."""
    cuts = [i for i, ch, depth in _depths(body) if ch == "," and depth == 0]
    bounds = zip([-1, *cuts], [*cuts, len(body)])
    return [body[a + 1:b].strip() for a, b in bounds if body[a + 1:b].strip()]


def parse_control_file(text: str, path: Path) -> ControlSpec:
    """The table and field list (in order) of a SQL*Loader control file."""
    code = "\n".join(line.split("--", 1)[0] if not line.lstrip().startswith("--") else "" for line in text.splitlines())
    into = re.search(r"(?is)\bINTO\s+TABLE\s+\"?([\w$#.]+)\"?", code)
    if not into:
        raise SpecError(f"{path}: no INTO TABLE clause: not a SQL*Loader control file")
    table = into.group(1).split(".")[-1].upper()
    rest = code[into.end():]
    # the field list: the first top-level "(" group that is not a WHEN condition, up to its matching ")"
    opens = [i for i, ch, depth in _depths(rest) if ch == "(" and depth == 0
             and not re.search(r"(?i)(\bWHEN|\bAND|=)\s*$", rest[:i])]
    if not opens:
        raise SpecError(f"{path}: no field list after INTO TABLE {table}")
    start = opens[0]
    end = next((i for i, ch, depth in _depths(rest) if i > start and ch == ")" and depth == 1), -1)
    if end < 0:
        raise SpecError(f"{path}: the field list of {table} is not closed")
    fields = []
    for part in _split_top(rest[start + 1:end]):
        m = re.match(r'"?([A-Za-z_][\w$#]*)"?\s*(.*)', part, re.S)
        if not m:
            raise SpecError(f"{path}: cannot read field {part!r} of {table}")
        if re.match(r"(?i)FILLER\b", m.group(2)):
            raise SpecError(f"{path}: field {m.group(1)} of {table} is a FILLER: not supported")
        fields.append(Field(m.group(1).upper(), " ".join(m.group(2).split())))
    if not fields:
        raise SpecError(f"{path}: {table} has no fields")
    dup = sorted({f.name for f in fields if [g.name for g in fields].count(f.name) > 1})
    if dup:
        raise SpecError(f"{path}: field(s) {', '.join(dup)} of {table} appear twice")
    return ControlSpec(table, tuple(fields), text, path, *_format(code, fields, path, table))


def _format(code: str, fields: list[Field], path: Path, table: str) -> tuple[str, str, str | None, str | None]:
    """Delimiter, enclosure and the one date and one timestamp mask the file must be written with."""
    term = re.search(r"(?is)\bTERMINATED\s+BY\s+'([^']+)'", code)
    encl = re.search(r"(?is)\bENCLOSED\s+BY\s+'([^']+)'", code)
    masks: dict[str, set[str]] = {"DATE": set(), "TIMESTAMP": set()}
    for f in fields:
        m = re.match(r'(?i)(DATE|TIMESTAMP)\s*"([^"]+)"', f.datatype)
        if m:
            masks[m.group(1).upper()].add(strftime_mask(m.group(2)))
    for kind, found in masks.items():
        if len(found) > 1:
            raise SpecError(f"{path}: {table} uses {len(found)} different {kind} masks; one per file is supported")
    if term and len(term.group(1)) != 1 or encl and len(encl.group(1)) != 1:
        raise SpecError(f"{path}: {table}: only one-character delimiters and enclosures are supported")
    return (term.group(1) if term else ",", encl.group(1) if encl else '"',
            next(iter(masks["DATE"]), None), next(iter(masks["TIMESTAMP"]), None))


def load_specs(folder: Path) -> dict[str, ControlSpec]:
    """Every `*.ctl` of the folder, by the table it loads."""
    specs: dict[str, ControlSpec] = {}
    for path in sorted(Path(folder).glob("*.ctl")):
        spec = parse_control_file(path.read_text(encoding="utf-8-sig"), path)
        if spec.table in specs:
            raise SpecError(f"{path}: a second control file for {spec.table} (first: {specs[spec.table].path.name})")
        specs[spec.table] = spec
    if not specs:
        raise SpecError(f"{folder}: no *.ctl control files (export them from Conversion Task -> Attachments)")
    return specs


@dataclass(frozen=True)
class Layout:
    """The fields of one file in order: a catalog column, or a field only the service has (written empty)."""

    table: Table
    fields: tuple[tuple[str, Column | None, str], ...]  # (name, catalog column or None, empty value SQL)
    spec: ControlSpec | None = None

    @property
    def extra(self) -> list[str]:
        """Fields the service's control file has and the catalog lacks (written with the empty value)."""
        return [n for n, c, _ in self.fields if c is None]


def layout(t: Table, spec: ControlSpec | None) -> Layout:
    """The file layout of `t`: the catalog's order, or the service control file's (checked against the catalog)."""
    if spec is None:
        return Layout(t, tuple((c.name, c, "") for c in t.columns))
    missing = [c.name for c in t.columns if c.name not in spec.names]
    if missing:
        raise SpecError(f"{spec.path}: {t.name} has catalog column(s) {', '.join(missing)} that the service's control "
                        f"file lacks: regenerate the artifacts (K1-CNVAG) for the target release, or remove them from "
                        f"the catalog")
    by_name = {c.name: c for c in t.columns}
    return Layout(t, tuple((f.name, by_name.get(f.name), f.empty_sql()) for f in spec.fields), spec)


def spec_for(specs: dict[str, ControlSpec] | None, t: Table) -> ControlSpec | None:
    """The service control file of a CC&B or key table; project tables (CCS_*) keep the catalog's layout."""
    if specs is None or t.product == "ccs":
        return None
    if t.name not in specs:
        hint = " (a key table must be added to the Conversion Master Configuration's eligibility list first)" \
            if t.name.endswith("_K") else ""
        raise SpecError(f"no service control file for {t.name} among the {len(specs)} in CCS_CONVERSION_ARTIFACTS{hint}: "
                        f"rerun K1-CNVAG and export {t.name}'s control file")
    return specs[t.name]


def layouts(folder: Path | None, *tables: Table) -> list[Layout]:
    """The file layout of each table: from the service control files in `folder` (CCS_CONVERSION_ARTIFACTS), or the
    catalog's when no folder is set."""
    specs = load_specs(folder) if folder else None
    return [layout(t, spec_for(specs, t)) for t in tables]


def layout_report(lays: list[Layout]) -> dict:
    """What the extract's metadata says about its layouts: source, fields written empty, single-threaded loads."""
    return {
        "layout": "service control file (K1-CNVAG)" if any(lay.spec for lay in lays) else "catalog (rehearsal target)",
        "fields_written_empty": {lay.table.name: lay.extra for lay in lays if lay.extra},
        "single_threaded_loads": [lay.table.name for lay in lays if lay.table.name.endswith("_K")],
    }
