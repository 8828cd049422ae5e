"""The `ccs/*` tags every run carries, however it was launched: which landing, target and bucket it used.

`ccs-migrate run` passes them itself; runs launched from the UI (the launchpad, "Materialize", a backfill)
or by the daemon get them from `TaggingRunCoordinator`, the instance's run coordinator in the dagster.yaml the
CLI writes: it tags each run when it is submitted, before it is queued. Never a secret: the target is
described without its password.
"""

from __future__ import annotations

import logging

from dagster import DagsterRun, QueuedRunCoordinator, SubmitRunContext

from .settings import Settings, load_settings

log = logging.getLogger(__name__)


def run_tags(settings: Settings) -> dict[str, str]:
    from .storage import store_from_env

    return {"ccs/scenario": "legacy-cis", "ccs/landing": str(settings.landing), "ccs/target": settings.target,
            "ccs/target_db": settings.describe_target(),
            "ccs/bucket": store_from_env(settings.env, ccs_home=settings.home).describe()}


class TaggingRunCoordinator(QueuedRunCoordinator):
    """Dagster's queued run coordinator (same `concurrency` settings) that adds the `ccs/*` tags on submit."""

    def submit_run(self, context: SubmitRunContext) -> DagsterRun:
        run = context.dagster_run
        try:
            tags = run_tags(load_settings())
        except Exception as exc:  # a bad setting fails the run itself with its one line; never block the launch
            log.warning("ccs/* run tags not added to run %s: %s", run.run_id, str(exc).splitlines()[0])
        else:
            missing = {k: v for k, v in tags.items() if k not in run.tags}
            if missing:
                self._instance.add_run_tags(run.run_id, missing)
        return super().submit_run(context)
