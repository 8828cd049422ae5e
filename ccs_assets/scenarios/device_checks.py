"""Device checks of scenario 1 that read the workbench: the meter-change review list before cutover.

A utility once failed to bill about 2,000 customers whose meters were changed
while its migration ran: the legacy extract and the new system disagreed about
which meter sat at the SP. This check lists every service point of the wave
whose meter was installed or removed in the 30 days before the wave's
cutover_date, so each one is reviewed (and its latest exchange re-extracted if
needed) before go-live. It warns; it does not block.
"""


import dagster as dg

from .checks import SAMPLE
from .layers import LayerCheck, LayerRun

WINDOW_DAYS = 30

METER_CHANGES_SQL = f"""
SELECT e.sp_no, e.history_no, e.meter_no, e.event, e.at, w.cutover_date
FROM (SELECT x.sp_no, x.history_no, x.meter_no, ev.event,
             CASE ev.event WHEN 'INSTALL' THEN x.installed_at ELSE x.removed_at END AS at
      FROM legacy.meter_history x
      JOIN wb.record_status s ON s.wave = $wave AND s.file = 'meter_history' AND s.rec = x._rec AND s.owner_wave = $wave
      CROSS JOIN (VALUES ('INSTALL'), ('REMOVE')) ev(event)
      WHERE x._wave = $wave) e
JOIN legacy.waves w ON w._wave = $wave AND w.wave = $wave AND w.cutover_date IS NOT NULL
WHERE e.at IS NOT NULL AND CAST(e.at AS DATE) > w.cutover_date - INTERVAL {WINDOW_DAYS} DAY
  AND CAST(e.at AS DATE) <= w.cutover_date
ORDER BY e.sp_no, e.at
"""


def meter_changes_before_cutover(run: LayerRun, facts) -> dg.AssetCheckResult:
    """Evaluated on ccb/ci_sp_mtr_hist by the transform step (a WARN check: it never blocks)."""
    wave, con = run.wave, run.workbench
    has_cutover = con.execute(
        "SELECT count(*) FROM legacy.waves WHERE _wave = $wave AND wave = $wave AND cutover_date IS NOT NULL",
        {"wave": wave}).fetchone()[0]
    rows = con.execute(METER_CHANGES_SQL, {"wave": wave}).fetchall()
    sps = sorted({r[0] for r in rows})
    listing = [{"sp_no": r[0], "history_no": r[1], "meter_no": r[2], "event": r[3], "at": str(r[4])} for r in rows]
    if not has_cutover:
        desc = f"wave {wave} has no cutover_date in waves.csv: nothing to compare against"
    elif sps:
        more = f" and {len(sps) - SAMPLE} more" if len(sps) > SAMPLE else ""
        desc = (f"{len(sps)} service points of {wave} had a meter change in the {WINDOW_DAYS} days before cutover, "
                f"review them: {', '.join(sps[:SAMPLE])}{more}")
    else:
        desc = f"no meter changes in the {WINDOW_DAYS} days before {wave}'s cutover"
    return dg.AssetCheckResult(
        passed=not sps, severity=dg.AssetCheckSeverity.WARN, description=desc,
        metadata={"service_points": dg.MetadataValue.json(sps), "changes": dg.MetadataValue.json(listing),
                  "count": len(sps), "sample": dg.MetadataValue.json(sps[:SAMPLE])},
    )


METER_CHANGES = LayerCheck(
    "meter_changes_before_cutover", meter_changes_before_cutover, blocking=False,
    description=f"Warns with the list of the wave's service points whose meter was installed or removed in the "
                f"{WINDOW_DAYS} days before the wave's cutover_date (waves.csv): review each before go-live.")
