"""`ccs-migrate doctor`: report runs whose process is gone and pool slots nobody uses, and repair them."""

from __future__ import annotations

import json
import sys


def cmd_doctor(a) -> int:
    """Exit 0 when the instance is healthy (or was repaired), 1 when `--check` found something to repair."""
    from ..waves.lock import current_holder, describe_holder
    from ..waves.runs import diagnose, held_slots, repair
    from .main import _prepare

    settings, instance = _prepare()
    d = diagnose(instance)
    holder = current_holder(settings.dagster_home)
    report = {
        "instance": str(settings.dagster_home),
        "running": [r.describe() for r in d.live],
        "cannot_tell": [r.describe() for r in d.unknown],
        "dead": [r.describe() for r in d.dead],
        "orphan_slots": {pool: sorted(ids) for pool, ids in d.orphan_slots.items()},
        "pools": {pool: sorted(ids) for pool, ids in held_slots(instance).items()},
        "run_lock": describe_holder(holder) if holder is not None else None,
        "repaired": [] if a.check or d.healthy else repair(instance, d),
    }
    if a.format == "json":
        print(json.dumps(report, indent=1))
    else:
        print(f"instance {report['instance']}")
        print(f"  run lock: {report['run_lock'] or 'free'}")
        for label, key in (("running", "running"), ("cannot tell (no pid yet, or another host)", "cannot_tell"),
                           ("process gone", "dead")):
            for line in report[key]:
                print(f"  {label}: {line}")
        for pool, ids in report["orphan_slots"].items():
            print(f"  pool {pool}: slots held by runs that are not running: {', '.join(ids)}")
        for line in report["repaired"]:
            print(f"  repaired: {line}")
        if d.healthy:
            print("  healthy: no run without a process, no pool slot held by a finished run")
        elif a.check:
            print("  needs repair: run `ccs-migrate doctor` (without --check)")
    if not d.healthy and a.check:
        print(f"ccs-migrate: {len(d.dead)} dead run(s), {sum(map(len, d.orphan_slots.values()))} orphan slot holder(s)",
              file=sys.stderr)
        return 1
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("doctor", help="find runs whose process is gone (hard kill, OOM, reboot) and free what they hold")
    p.add_argument("--check", action="store_true", help="report only; exit 1 when something needs repair")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(fn=cmd_doctor)
