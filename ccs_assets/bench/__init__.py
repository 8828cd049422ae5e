"""Benchmark: generate a landing folder in a fresh CCS_HOME, run one wave through Dagster, print figures."""

from .benchmark import run_benchmark, format_report

__all__ = ["run_benchmark", "format_report"]
