"""Migration waves: dynamic partitions synced from the wave plan, and what each wave owns."""

from .partitions import WAVES

__all__ = ["WAVES"]
