"""The workbench side (Oracle steps 1-5, outside the cloud service): always an embedded DuckDB file."""

from .resource import WorkbenchResource, ensure_workbench_schema

__all__ = ["WorkbenchResource", "ensure_workbench_schema"]
