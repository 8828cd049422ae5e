"""Generator of legacy CIS landing folders in the shape of legacy-interface.md v1."""

from ccs_assets.generate.generator import COLUMNS, generate_landing, wave_name

__all__ = ["COLUMNS", "generate_landing", "wave_name"]
