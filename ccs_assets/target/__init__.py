"""The target side (Oracle steps 6 onwards): staging schema, keys, production.

DuckDB by default, Oracle Database when configured; steps talk to a
TargetSession and never to a driver directly.
"""

from .resource import TargetResource, TargetSession
from .schema import ensure_target_schema

__all__ = ["TargetResource", "TargetSession", "ensure_target_schema"]
