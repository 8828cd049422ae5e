"""A catalog table as Dagster materialization metadata, for every step of every scenario: row counts (the
partition's too, so each wave's count is kept), and the table's columns with their types, descriptions,
confidence label and nullability as `dagster/column_schema` (shown on the asset page)."""

from __future__ import annotations

import dagster as dg

from .model import Table


def column_schema(t: Table) -> dg.TableSchema:
    return dg.TableSchema(columns=[
        dg.TableColumn(c.name, c.display_type(), description=(c.description + f" [{c.confidence}]").strip(),
                       constraints=dg.TableColumnConstraints(nullable=c.nullable)) for c in t.columns])


def rows_metadata(rows: int, t: Table | None = None, **extra) -> dict:
    """`rows` as the asset's (and the wave partition's) row count, `t`'s column schema when given, and `extra`
    entries as they are (dicts and lists as JSON)."""
    md = {"dagster/row_count": dg.MetadataValue.int(int(rows)), "dagster/partition_row_count": dg.MetadataValue.int(int(rows))}
    if t is not None:
        md["dagster/column_schema"] = column_schema(t)
    for k, v in extra.items():
        md[k] = v if isinstance(v, dg.MetadataValue) else dg.MetadataValue.json(v) if isinstance(v, (dict, list)) else v
    return md
