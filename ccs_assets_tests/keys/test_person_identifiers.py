"""Person identifiers (C S10): exactly one primary whenever a person has any; at least one only where the installation
requires it (setting CCS_PERSON_ID_REQUIRED, default N)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ccs_assets.catalog import ccb
from ccs_assets.catalog.model import Table
from ccs_assets.keys.steps import validate_entity
from ccs_assets.settings import SettingsError, load_settings
from ccs_assets.target import TargetResource
from ccs_assets.target.schema import ensure_target_schema

WAVE = "w1"


def _insert(s, t: Table, **values) -> None:
    r = {c.name: values.get(c.name, c.default if c.default is not None else (
        None if c.nullable else {"number": 1, "date": date(2020, 1, 2), "timestamp": datetime(2020, 1, 2)}.get(c.type, "X")))
        for c in t.columns}
    s.con.execute(f"INSERT INTO {s.stg}.{t.name} ({', '.join(r)}) VALUES ({', '.join('?' * len(r))})", list(r.values()))


@pytest.fixture
def staged(tmp_path):
    res = TargetResource(duckdb_path=str(tmp_path / "target.duckdb"))
    with res.session() as s:
        ensure_target_schema(s)
        ids = {"P1": [("SSN", "Y"), ("DL", "Y")], "P2": [("SSN", "Y"), ("DL", "N")], "P3": [], "P4": [("SSN", "N")]}
        for n, (per, rows) in enumerate(ids.items(), start=1):
            key = f"{n:010d}"
            _insert(s, ccb.CI_PER, PER_ID=key)
            _insert(s, ccb.CI_PER_NAME, PER_ID=key, ENTITY_NAME=per, ENTITY_NAME_UPR=per)
            for id_type, prim in rows:
                _insert(s, ccb.CI_PER_ID, PER_ID=key, ID_TYPE_CD=id_type, PER_ID_NBR="123", PRIM_SW=prim)
            for table in ("CI_PER", "CI_PER_NAME", "CI_PER_ID"):
                s.con.execute(f"INSERT INTO {s.stg}.CCS_WAVE_LEDGER VALUES (?, ?, ?)", [WAVE, table, key])
            s.con.execute(f"INSERT INTO {s.stg}.CI_PER_K VALUES (?, 100000)", [key])
    return res


def _errors(s) -> list[tuple]:
    return s.query(f"SELECT STG_KEY, RULE, VALUE, MESSAGE FROM {s.stg}.CCS_VAL_ERR WHERE RULE IN "
                   f"('PRIMARY_ID_COUNT', 'PERSON_ID_REQUIRED') ORDER BY STG_KEY, RULE")


def test_exactly_one_primary_identifier_always(staged):
    with staged.session() as s:
        validate_entity(s, ccb.CI_PER, WAVE)
        assert _errors(s) == [
            ("0000000001", "PRIMARY_ID_COUNT", "2", "person has 2 primary identifiers among 2; CC&B needs exactly one"),
            ("0000000004", "PRIMARY_ID_COUNT", "0", "person has 0 primary identifiers among 1; CC&B needs exactly one"),
        ]


def test_an_identifier_is_required_only_where_the_installation_says_so(staged):
    with staged.session() as s:
        validate_entity(s, ccb.CI_PER, WAVE, person_id_required=True)
        assert [(k, r) for k, r, _, _ in _errors(s)] == [
            ("0000000001", "PRIMARY_ID_COUNT"), ("0000000003", "PERSON_ID_REQUIRED"), ("0000000004", "PRIMARY_ID_COUNT")]


def test_person_id_required_setting(tmp_path):
    assert load_settings({"CCS_HOME": str(tmp_path)}).person_id_required is False
    assert load_settings({"CCS_HOME": str(tmp_path), "CCS_PERSON_ID_REQUIRED": "y"}).person_id_required is True
    with pytest.raises(SettingsError, match="CCS_PERSON_ID_REQUIRED must be Y or N"):
        load_settings({"CCS_HOME": str(tmp_path), "CCS_PERSON_ID_REQUIRED": "yes"})
