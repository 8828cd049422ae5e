"""The small tables people edit by hand (code maps, the X1 master configuration) as dagster-pandas typed DataFrames.

Why: a bad row in a hand-edited table should show in the UI as a failed type check on the output of the asset
that reads it, naming the file, rule, column and line, with the table's summary as metadata when it passes.
These tables have tens to hundreds of rows; bulk data never goes through pandas (it stays in DuckDB).

A table is read with every value as text, trimmed, indexed by its line in the file (the header is line 1), and
remembers its file in `DataFrame.attrs["file"]`. Each rule is a dagster-pandas constraint whose name is the
project's rule code (`CODE_MAP_BLANK`, ...), so `rule_message` can turn dagster-pandas' description back into
the project's one-line form `<what> <file>: <RULE>: <detail>`.
"""

from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path

import dagster as dg
import pandas as pd
from dagster_pandas import PandasColumn, create_dagster_pandas_dataframe_type
from dagster_pandas.constraints import (ColumnConstraint, ColumnConstraintViolationException, DataFrameConstraint,
                                        DataFrameConstraintViolationException)

SAMPLE = 10  # lines named in a message at most
VIOLATED = re.compile(r'^Violated "?(?P<rule>[A-Z][A-Z0-9_]+)"?(?: for column "(?P<column>[^"]+)")? - (?P<detail>.*)$', re.S)


def read_table(path: Path) -> pd.DataFrame:
    """A hand-edited CSV as text (blank stays ''), trimmed, indexed by its line in the file (blank lines skipped,
    a quoted value over several lines counted where its record ends); its path in attrs["file"]."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip().strip('"') for h in next(reader, [])]
        rows, lines = [], []
        for rec in reader:
            if not any(v.strip() for v in rec):
                continue
            rows.append([v.strip() for v in rec] + [""] * (len(header) - len(rec)))
            lines.append(reader.line_num)
    width = max([len(header)] + [len(r) for r in rows])
    names = header + [f"(column {i + 1} without a header)" for i in range(len(header), width)]
    df = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], columns=names, index=pd.Index(lines, name="line"),
                      dtype=str)
    df.attrs["file"] = str(path)
    return df


def _lines(index) -> str:
    lines = [str(i) for i in list(index)[:SAMPLE]]
    return ", ".join(lines) + (f" (and {len(index) - SAMPLE} more)" if len(index) > SAMPLE else "")


class Header(DataFrameConstraint):
    """Every column the table needs is in its header."""

    def __init__(self, rule: str, expected: tuple[str, ...]):
        self.rule, self.expected = rule, expected
        super().__init__(error_description=f"header has {', '.join(expected)}",
                         markdown_description=f"header has {', '.join(expected)}")

    def validate(self, dataframe):
        missing = [c for c in self.expected if c not in dataframe.columns]
        if missing:
            raise DataFrameConstraintViolationException(
                self.rule, f"missing column(s) {', '.join(missing)}; expected {', '.join(self.expected)}")


class NotBlank(ColumnConstraint):
    """No empty value in the column."""

    def __init__(self, rule: str):
        self.rule = rule
        super().__init__(error_description="never empty", markdown_description="never empty")

    def validate(self, dataframe, column_name):
        bad = dataframe.index[dataframe[column_name] == ""]
        if len(bad):
            raise ColumnConstraintViolationException(self.rule, f"empty on line(s) {_lines(bad)}", column_name)


class MaxLength(ColumnConstraint):
    """No value longer than the column it lands in (`unit`: "characters" or "bytes", for BYTE-sized columns)."""

    def __init__(self, rule: str, n: int, unit: str = "characters"):
        self.rule, self.n, self.unit = rule, n, unit
        super().__init__(error_description=f"at most {n} {unit}", markdown_description=f"at most {n} {unit}")

    def validate(self, dataframe, column_name):
        values = dataframe[column_name]
        size = values.str.encode("utf-8").str.len() if self.unit == "bytes" else values.str.len()
        bad = dataframe.index[size > self.n]
        if len(bad):
            raise ColumnConstraintViolationException(
                self.rule, f"longer than {self.n} {self.unit} on line(s) {_lines(bad)}", column_name)


class UniqueKey(DataFrameConstraint):
    """No key (one or more columns) on two lines."""

    def __init__(self, rule: str, key: tuple[str, ...]):
        self.rule, self.key = rule, key
        super().__init__(error_description=f"({', '.join(key)}) unique", markdown_description=f"({', '.join(key)}) unique")

    def validate(self, dataframe):
        if not set(self.key) <= set(dataframe.columns):
            return  # the header constraint names the missing column
        dup = dataframe[dataframe.duplicated(list(self.key), keep=False)]
        if len(dup):
            first = tuple(dup.iloc[0][list(self.key)])
            lines = dup.index[(dup[list(self.key)] == first).all(axis=1)]
            more = dup[list(self.key)].drop_duplicates()
            raise DataFrameConstraintViolationException(
                self.rule, f"key ({', '.join(self.key)}) = {first!r} is on line(s) {_lines(lines)}"
                + (f"; {len(more) - 1} more key(s) twice" if len(more) > 1 else ""))


def table_type(name: str, description: str, columns: dict[str, list], constraints: list, summary=None) -> dg.DagsterType:
    """A dagster-pandas DataFrame type: `columns` name -> its column constraints (missing columns are left to a
    Header constraint, which names them all), `constraints` on the whole table, `summary(df)` its metadata."""
    with warnings.catch_warnings():  # dagster-pandas is a beta API in Dagster 1.13; we rely on it knowingly
        warnings.simplefilter("ignore", dg.BetaWarning)
        return create_dagster_pandas_dataframe_type(
            name=name, description=description,
            columns=[PandasColumn(c, constraints=cs, is_required=False) for c, cs in columns.items()],
            dataframe_constraints=constraints, metadata_fn=summary)


def rule_message(what: str, df: pd.DataFrame, check: dg.TypeCheck, default_rule: str) -> str:
    """A failed type check of a table as one line: `<what> <file>: <RULE>: [column <c>: ]<detail>`."""
    text = (check.description or "").strip()
    m = VIOLATED.match(text)
    rule, column, detail = (m["rule"], m["column"], m["detail"]) if m else (default_rule, None, text)
    return f"{what} {df.attrs.get('file', '?')}: {rule}: " + (f"column {column}: " if column else "") + " ".join(detail.split())


def summary_table(rows: dict[str, dict]) -> dg.MetadataValue:
    """name -> {figure: value} as a markdown table (shown on the type check and the materialization)."""
    cols = list(dict.fromkeys(k for r in rows.values() for k in r))
    lines = ["| table | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    lines += [f"| {n} | " + " | ".join(str(r.get(c, "")) for c in cols) + " |" for n, r in rows.items()]
    return dg.MetadataValue.md("\n".join(lines))


def read_tables(folder: Path, files: dict[str, str], missing) -> dict[str, pd.DataFrame]:
    """name -> its file of `folder` as read_table reads it (not yet checked); `missing(path)` is raised for a missing file."""
    frames = {}
    for name, file in files.items():
        path = Path(folder) / file
        if not path.is_file():
            raise missing(path)
        frames[name] = read_table(path)
    return frames


def tables_type(name: str, description: str, types: dict[str, dg.DagsterType], what: str, default_rule: str,
                figures, plural: str, summary_key: str, across=None) -> dg.DagsterType:
    """A DagsterType of a folder's tables (name -> DataFrame): each against its own type, then `across(value)` (the
    rules no single table can tell, as one-line failures); failures each as one line, or `figures(df)` per table."""

    def check(context, value) -> dg.TypeCheck:
        if not isinstance(value, dict) or set(value) != set(types):
            return dg.TypeCheck(False, description=f"expected one DataFrame per table ({', '.join(types)})")
        failures = []
        for key, df in value.items():
            checked = types[key].type_check(context, df)
            if not checked.success:
                failures.append(rule_message(what, df, checked, default_rule))
        if not failures and across is not None:
            failures = across(value)
        if failures:
            return dg.TypeCheck(False, description="; ".join(failures), metadata={"failures": dg.MetadataValue.json(failures)})
        rows = {key.removesuffix(".csv"): figures(df) for key, df in value.items()}
        return dg.TypeCheck(True, description=f"{len(rows)} {plural}, {sum(r['rows'] for r in rows.values())} rows",
                            metadata={summary_key: summary_table(rows)})

    return dg.DagsterType(name=name, type_check_fn=check, typing_type=dict, description=description)


def check_tables(dagster_type: dg.DagsterType, frames: dict[str, pd.DataFrame], error) -> None:
    """Outside Dagster: `error(description)` raised when the tables fail their type (the same one-line description)."""
    checked = dagster_type.type_check(None, frames)
    if not checked.success:
        raise error(checked.description)
