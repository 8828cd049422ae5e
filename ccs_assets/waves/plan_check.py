"""Blocking check on a wave's ownership: every required entity the plan reaches is in its legacy file.

A required file cut short (a truncated export, the wrong day's file) loads
without a single bad line, and what it lacks would only show as "unplanned"
or as a cascade of rejects. The plan says what to expect: wave_plan.csv names
the wave's accounts, and from them ownership reaches persons, agreements,
service points, premises, meters and histories. The wave is stopped, naming
the file, when a required file holds none of what the wave expects of it, or
fewer than PLAN_FLOOR (see REACH for the files measured through a parent).
"""

from __future__ import annotations

import dagster as dg

from ..catalog.legacy import LEGACY_FILES

PLAN_FLOOR = 0.5
OWNED = ("SELECT DISTINCT legacy_key AS k FROM wb.ownership WHERE wave = $wave AND owner_wave = $wave "
         "AND entity = '{entity}'")
# file -> (keys the wave expects, SELECT of the keys the file has for them, what is counted). Most files are
# expected to hold what the wave owns (reached through other files); the files ownership is derived from are
# measured through their parent: the plan's accounts, the wave's accounts with an agreement, its metered SPs
# with a meter history.
REACH = {
    "accounts": ("SELECT DISTINCT acct_no AS k FROM legacy.wave_plan WHERE _wave = $wave AND wave = $wave "
                 "AND acct_no IS NOT NULL", "SELECT acct_no FROM legacy.accounts WHERE _wave = $wave",
                 "accounts wave_plan.csv puts in wave {wave}"),
    "service_agreements": (OWNED.format(entity="accounts"),
                           "SELECT acct_no FROM legacy.service_agreements WHERE _wave = $wave",
                           "accounts of wave {wave} (by their agreements)"),
    "meter_history": (OWNED.format(entity="service_points") + " AND legacy_key IN (SELECT sp_no FROM "
                      "legacy.service_points WHERE _wave = $wave AND sp_kind = 'METER')",
                      "SELECT sp_no FROM legacy.meter_history WHERE _wave = $wave",
                      "metered service points of wave {wave} (by their meter history)"),
}
# the entities ownership.sql assigns; the required ones among them are checked
OWNED_ENTITIES = ["customers", "accounts", "premises", "service_points", "service_agreements", "meters", "meter_history"]
CHECKED = [LEGACY_FILES[n] for n in OWNED_ENTITIES if not LEGACY_FILES[n].optional]


def reach_sql() -> str:
    """(file, reached, found, noun) for the wave $wave: the keys the wave expects of the file and how many it has."""
    parts = []
    for f in CHECKED:
        reached, found, noun = REACH.get(f.name, (
            OWNED.format(entity=f.name), f"SELECT {f.key_sql()} FROM legacy.{f.name} WHERE _wave = $wave",
            f"{f.name.replace('_', ' ')} wave {{wave}} reaches"))
        parts.append(f"SELECT '{f.name}' AS file, count(*) AS reached, count(*) FILTER (WHERE k IN ({found})) AS found, "
                     f"'{noun}' AS noun FROM ({reached}) r")
    return " UNION ALL ".join(parts)


def shortfalls(con, wave: str) -> list[dict]:
    out = []
    for file, reached, found, noun in con.execute(reach_sql() + " ORDER BY 1", {"wave": wave}).fetchall():
        if reached and found < PLAN_FLOOR * reached:
            out.append({"file": f"{file}.csv", "rule": "ENTITY_MISSING" if found == 0 else "ENTITY_BELOW_PLAN",
                        "reached": reached, "found": found,
                        "message": f"{file}.csv covers {found:,} of the {reached:,} {noun.format(wave=wave)} "
                                   f"(less than {PLAN_FLOOR:.0%}): is the file complete?"})
    return out


CHECK_NAME = "required_files_cover_the_plan"
DESCRIPTION = (f"Stops the wave when a required legacy file holds none, or less than {PLAN_FLOOR:.0%}, of what the "
               "wave plan expects of it (a truncated or wrong file), naming the file.")


def plan_reached(run, facts=None) -> dg.AssetCheckResult:
    """The blocking check of waves/ownership (run: the layer's LayerRun: wave and workbench connection)."""
    wave, con = run.wave, run.workbench
    short = shortfalls(con, wave)
    con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = 'plan' AND rule IN ('ENTITY_MISSING', "
                "'ENTITY_BELOW_PLAN')", [wave])
    for s in short:
        con.execute("INSERT INTO wb.errors VALUES (?, 'plan', ?, NULL, ?, NULL, ?, ?, NULL, ?, NULL)",
                    [wave, s["file"][:-4], s["rule"], str(s["found"]), s["message"], s["file"]])
    return dg.AssetCheckResult(passed=not short, description="; ".join(s["message"] for s in short)
                               or f"every required file holds at least {PLAN_FLOOR:.0%} of what wave {wave} expects",
                               metadata={"shortfalls": dg.MetadataValue.json(short)})
