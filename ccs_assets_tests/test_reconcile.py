"""reconcile(): every equation that does not hold is a problem, including child tables without keys of their own."""

from __future__ import annotations

from ccs_assets.catalog import ccb
from ccs_assets.reconcile import reconcile


def _clean() -> tuple[dict, dict]:
    wb = {"files": {}, "tables": {t.name: {"transformed": 5, "extracted": 5} for t in ccb.CCB_TABLES}}
    tg = {}
    for t in ccb.CCB_TABLES:
        row = {"staged": 5, "load_rejected": 0, "production": 5}
        row.update({"keyed": 5, "validate_rejected": 0} if t.key_table else {"entity_rejected": 0, "parent_missing": 0})
        tg[t.name] = row
    return wb, tg


def test_consistent_counts_add_up():
    assert reconcile(*_clean())[1] == []


def test_child_rows_missing_from_production_without_a_reason_are_a_problem():
    wb, tg = _clean()
    tg["CI_SP_MTR_EVT"].update(entity_rejected=1, parent_missing=1, production=3)  # 5 - 1 - 1 = 3: explained
    assert reconcile(wb, tg)[1] == []
    tg["CI_SP_MTR_EVT"]["production"] = 2  # one row gone with no reason
    assert reconcile(wb, tg)[1] == [
        "CI_SP_MTR_EVT: production 2 != staged 5 - entity rejected 1 - parent without production key 1"]
