"""The Dagster instance's SQLite storage, with one SQLAlchemy engine per database file instead of one per query.

Why: Dagster 1.13's SQLite run, event-log and schedule storages call
`create_engine(..., poolclass=NullPool)` for every connection (several per
event). A new engine starts with an empty compiled-statement cache, so every
insert of every event is compiled again: that was about 40% of the CPU of a
wave's run (one materialization and one check result per table, ~500 events
per wave). Reusing the engine keeps the cache; NullPool still opens and closes
the SQLite connection each time, so locking, WAL and durability are exactly
Dagster's. Applied once per process (`use_shared_engines()`), by the code
location (definitions.py) and the CLI, before the instance is opened.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

_LOCK = threading.Lock()
_ENGINES: OrderedDict = OrderedDict()
_MAX_ENGINES = 64  # one per run's event-log file, plus index, runs, schedules: old runs' engines are dropped
_APPLIED = False


def _shared_engine_factory(create_engine, null_pool):
    def shared_create_engine(url, *args, **kwargs):
        if args or kwargs.get("poolclass") is not null_pool:
            return create_engine(url, *args, **kwargs)
        key = (str(url), repr(sorted((kwargs.get("connect_args") or {}).items())))
        with _LOCK:
            engine = _ENGINES.get(key)
            if engine is None:
                engine = create_engine(url, **kwargs)
                _ENGINES[key] = engine
                while len(_ENGINES) > _MAX_ENGINES:
                    _ENGINES.popitem(last=False)
            else:
                _ENGINES.move_to_end(key)
            return engine
    shared_create_engine.shared = True
    return shared_create_engine


def use_shared_engines() -> None:
    """Make Dagster's SQLite storages reuse one engine per database file (idempotent)."""
    global _APPLIED
    if _APPLIED:
        return
    from sqlalchemy.pool import NullPool

    from dagster._core.storage.event_log.sqlite import sqlite_event_log
    from dagster._core.storage.runs.sqlite import sqlite_run_storage
    from dagster._core.storage.schedules.sqlite import sqlite_schedule_storage

    for module in (sqlite_event_log, sqlite_run_storage, sqlite_schedule_storage):
        if not getattr(module.create_engine, "shared", False):
            module.create_engine = _shared_engine_factory(module.create_engine, NullPool)
    _APPLIED = True
