"""Waves are dynamic partitions: they live in the instance under DAGSTER_HOME and survive restarts."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import dagster as dg

WAVES = dg.DynamicPartitionsDefinition(name="wave")
_WAVE = re.compile(r"^[a-z0-9_-]{1,30}$")


def planned_waves(landing: Path) -> list[str]:
    """Distinct valid wave names of wave_plan.csv (and waves.csv), sorted (waves are ordered by name)."""
    names: set[str] = set()
    for file in ("wave_plan.csv", "waves.csv"):
        path = Path(landing) / file
        if not path.is_file():
            if file == "wave_plan.csv":
                raise FileNotFoundError(f"{path}: no wave plan in the landing folder")
            continue
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                wave = (row.get("wave") or "").strip()
                if _WAVE.match(wave):
                    names.add(wave)
    return sorted(names)


def sync_waves(instance: dg.DagsterInstance, landing: Path) -> list[str]:
    """Add the plan's waves missing from the instance; return the ones added."""
    existing = set(instance.get_dynamic_partitions(WAVES.name))
    new = [w for w in planned_waves(landing) if w not in existing]
    if new:
        instance.add_dynamic_partitions(WAVES.name, new)
    return new


def unplanned(landing: Path, wave: str) -> str | None:
    """Why a wave may not run (e.g. added in the UI's "add partition" box but not in the plan); None when it may."""
    try:
        planned = planned_waves(landing)
    except FileNotFoundError as exc:
        return str(exc)
    if wave in planned:
        return None
    return (f"wave {wave!r} is not in the wave plan {Path(landing) / 'wave_plan.csv'} (planned: {', '.join(planned) or 'none'}): "
            f"nothing was read or written; add its accounts to the plan, or run a planned wave")
