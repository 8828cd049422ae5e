"""Source databases of the upgrade scenarios (2-6): a utility's own, already upgraded CC&B (MDM, ODM) database."""

from .resource import SourceColumn, SourceError, SourceResource, source_resource

__all__ = ["SourceColumn", "SourceError", "SourceResource", "source_resource"]
