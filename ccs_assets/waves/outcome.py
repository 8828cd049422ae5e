"""What a wave's run came to, and why it stopped: the cause is the run's last line, not buried in the log."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CODE_MAP_FAULT = re.compile(r"code map (?P<file>\S+): (?P<rule>CODE_MAP_[A-Z_]+): ")


@dataclass
class WaveOutcome:
    """Truthy when the wave succeeded; `causes` are the failed steps and blocking checks, first the root cause."""

    ok: bool
    causes: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.ok

    def last_line(self, wave: str) -> str:
        if self.ok:
            return f"wave {wave}: succeeded"
        more = f" (and {len(self.causes) - 1} more above)" if len(self.causes) > 1 else ""
        return f"wave {wave}: FAILED: {self.causes[0]}{more}" if self.causes else f"wave {wave}: FAILED"


def step_failure_causes(event) -> list[str]:
    """`<asset or step>: <why>` per root cause of a failed step: a layer step's assets that were not written for a
    reason of their own (not because an upstream asset of the step failed), else the dg.Failure's description,
    else the innermost user error's first line without its class path. Nothing when the step failed only because
    a blocking check failed (the check is the cause)."""
    data = event.step_failure_data
    err = data.error if data is not None else None
    while err is not None:
        if err.cls_name == "DagsterAssetCheckFailedError":
            return []
        err = err.cause
    failure = data.user_failure_data if data is not None else None
    not_written = failure.metadata.get("not_written") if failure is not None else None
    if not_written is not None:
        whys = getattr(not_written, "data", not_written) or {}
        own = {k: why for k, why in whys.items() if not str(why).startswith(("not written: upstream", "blocking check"))}
        return [f"{k}: {_plain(str(why))}" for k, why in own.items()]
    desc = failure.description if failure is not None else None
    if not desc and data is not None and data.error is not None:
        err = data.error
        while err.cause is not None and err.cls_name and err.cls_name.startswith("Dagster"):
            err = err.cause
        desc = (err.message or "").strip().splitlines()[0] if (err.message or "").strip() else err.cls_name
        if err.cls_name == "DagsterTypeCheckDidNotPass" and "Description: " in desc:  # a typed table (code maps)
            desc = "type check failed: " + desc.split("Description: ", 1)[1]
    return [f"{event.step_key}: {_plain((desc or 'failed').strip().splitlines()[0])}"]


def _plain(why: str) -> str:
    """Without a leading exception class name (`LandingFileError: `, `ccs_assets.x.CodeMapError: `)."""
    return re.sub(r"^[\w.]*(Error|Exception|Failure): ", "", why)


def failure_causes(events) -> list[str]:
    causes = [c for e in events if e.is_step_failure for c in step_failure_causes(e)]
    for e in events:
        c = e.asset_check_evaluation_data if e.event_type_value == "ASSET_CHECK_EVALUATION" else None
        if c is not None and not c.passed and c.severity.value == "ERROR":
            causes.append(f"check {c.asset_key.to_user_string()}:{c.check_name}: {c.description}")
    return causes


def note_code_maps(workbench, wave: str, cause: str | None) -> None:
    """A bad code map stops every wave: it is the wave's landing error (`ccs-migrate errors`) until the maps load."""
    m = CODE_MAP_FAULT.search(cause or "")
    with workbench.connect() as con:
        con.execute("DELETE FROM wb.errors WHERE wave = ? AND step = 'landing' AND table_name = 'code_maps'", [wave])
        if m is not None:
            con.execute("INSERT INTO wb.errors VALUES (?, 'landing', 'code_maps', NULL, ?, NULL, NULL, ?, NULL, ?, NULL)",
                        [wave, m["rule"], cause[m.start():], m["file"].rsplit("/", 1)[-1]])
