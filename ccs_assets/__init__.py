"""ccs_assets: legacy customer master data into Oracle Utilities Customer Cloud Service, as Dagster assets."""

__version__ = "0.1.0"
