"""Step 9 (X1-MIGAD): the master configuration, the admin tables it derives, and the failing check that names a CC&B
type production uses with no mapping."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from ccs_assets.catalog import ccb, mdm, odm
from ccs_assets.catalog.model import Table
from ccs_assets.cloud import counts, steps
from ccs_assets.cloud.assets import step_asset, x1_migad
from ccs_assets.scenarios.layers import build_layer
from ccs_assets.cloud.config import DEMO_MASTER_CONFIG, MasterConfigError, load_master_config
from ccs_assets.target import TargetResource
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.resource import TargetSession

WAVE = "w01"


def row(t: Table, **values) -> dict:
    """A valid production row of a catalog table: defaults, or a sample value of the column's type."""
    out = {}
    for c in t.columns:
        if c.name in values:
            out[c.name] = values[c.name]
        elif c.default is not None:
            out[c.name] = c.default
        elif c.nullable:
            out[c.name] = None
        else:
            out[c.name] = {"number": 1, "date": date(2020, 1, 2), "timestamp": datetime(2020, 1, 2, 3, 4)}.get(c.type, "X")
    return out


def insert(con, t: Table, wave: str = WAVE, **values) -> None:
    r = row(t, **values)
    con.execute(f"INSERT INTO cisadm.{t.name} ({', '.join(r)}) VALUES ({', '.join('?' * len(r))})", list(r.values()))
    con.execute("INSERT INTO cisadm.CCS_WAVE_LEDGER VALUES (?, ?, ?)", [wave, t.name, r[t.owner_column]])


@pytest.fixture
def target(tmp_path, monkeypatch):
    """A target with the schema, one premise and two SPs of wave w01: one of a mapped type, one of an unmapped type."""
    monkeypatch.delenv("CCS_X1_MASTER_CONFIG", raising=False)
    monkeypatch.setenv("CCS_HOME", str(tmp_path / "ccs"))
    res = TargetResource(duckdb_path=str(tmp_path / "target.duckdb"))
    with res.session() as s:
        steps.ensure_x1_schema(s)
        insert(s.con, ccb.CI_PREM, PREM_ID="1000000001")
        insert(s.con, ccb.CI_SP, SP_ID="2000000001", PREM_ID="1000000001", SP_TYPE_CD="ELMTR-N", SP_STATUS_FLG="R")
        insert(s.con, ccb.CI_SP, SP_ID="2000000002", PREM_ID="1000000001", SP_TYPE_CD="MYSTERY", SP_STATUS_FLG="R")
    return res


def _instance():
    inst = dg.DagsterInstance.ephemeral()
    inst.add_dynamic_partitions("wave", [WAVE])
    return inst


def test_unmapped_type_in_use_fails_the_check_naming_it_and_stops_mdm(target):
    d1_sp = build_layer("test", "mdm", [step_asset(mdm.D1_SP)], required_resource_keys={"target"})
    res = dg.materialize([x1_migad, d1_sp], instance=_instance(), partition_key=WAVE, resources={"target": target},
                         raise_on_error=False)
    evals = list(res.get_asset_check_evaluations())
    check = next(e for e in evals if e.check_name == "every_used_type_mapped")
    assert not check.passed
    assert "SP_TYPE MYSTERY (1 CI_SP rows)" in check.description
    assert check.metadata["unmapped"].data == [{"kind": "SP_TYPE", "table": "CI_SP", "code": "MYSTERY", "rows": 1}]
    # blocking: the MDM service points were not migrated with a type nobody mapped
    done = {e.asset_key.to_user_string() for e in res.get_asset_materialization_events()}
    assert "admin/x1_migad" in done and "mdm/d1_sp" not in done
    with target.session() as s:  # the admin data itself was derived
        assert s.scalar(f"SELECT count(*) FROM {s.prod}.D1_SP_TYPE") == 6
        assert s.scalar(f"SELECT BUS_OBJ_CD FROM {s.prod}.D1_SP_TYPE WHERE D1_SP_TYPE_CD = 'E-MTR'") == "X1D-ServicePointType"


def test_mapped_types_pass_and_rerun_is_identical(target):
    with target.session() as s:
        s.execute(f"UPDATE {s.prod}.CI_SP SET SP_TYPE_CD = 'GSITM-S' WHERE SP_ID = '2000000002'")
    inst = _instance()
    first = dg.materialize([x1_migad], instance=inst, resources={"target": target})
    assert all(e.passed for e in first.get_asset_check_evaluations())
    with target.session() as s:
        snap = {t.name: sorted(s.query(f"SELECT * FROM {s.prod}.{t.name}")) for t in steps.ADMIN_TABLES + (odm.W1_NODE,)}
        store = s.query(f"SELECT MDM_KEY FROM {s.stg}.CCS_X1_KEY_MAP WHERE CCB_TABLE = 'STORE'")
    dg.materialize([x1_migad], instance=inst, resources={"target": target})
    with target.session() as s:
        assert {t.name: sorted(s.query(f"SELECT * FROM {s.prod}.{t.name}")) for t in steps.ADMIN_TABLES + (odm.W1_NODE,)} == snap
        assert s.query(f"SELECT MDM_KEY FROM {s.stg}.CCS_X1_KEY_MAP WHERE CCB_TABLE = 'STORE'") == store
    assert len(store) == 1 and len(store[0][0]) == 12
    assert [r for r in snap["W1_NODE"]] == [(store[0][0], " ", "W1-StorageLocation", "ACTIVE",
                                             "Main meter shop (store for received and removed devices)", 1)]
    assert {r[0] for r in snap["D1_MEASR_COMP_TYPE"]} >= {"E-KWH", "E-KWH-ON", "G-THM"}


def test_record_with_unmapped_type_gets_a_reason_instead_of_a_counterpart(target):
    """Without the blocking check (e.g. a step run on its own), the SP is not migrated and says why."""
    with target.session() as s:
        steps.run_admin(s, load_master_config(DEMO_MASTER_CONFIG)[0])
        r = steps.migrate_table(s, mdm.D1_SP, WAVE)
        assert r == {"mapped": 1, "not_migrated": 1, "rows": 1}
        assert s.query(f"SELECT TABLE_NAME, RULE, COLUMN_NAME, VALUE, STG_KEY FROM {s.stg}.CCS_VAL_ERR WHERE STEP = 'mdm-odm'") == [
            ("D1_SP", "UNMAPPED_TYPE", "SP_TYPE_CD", "MYSTERY", "2000000002")]
        for _, q in counts.counterpart_sql(s, mdm.D1_SP):
            assert s.scalar(f"SELECT count(*) FROM ({q}) v", wave=WAVE) == 0
        c = counts.x1_counts(s, WAVE, [mdm.D1_SP])
        assert c["D1_SP"] == {"rows": 1, "ccb_rows": 2, "mapped": 1, "not_migrated": 1}
        assert not counts.x1_problems(c)
        # a reason removed by hand shows as a missing counterpart
        s.execute(f"DELETE FROM {s.stg}.CCS_VAL_ERR WHERE STEP = 'mdm-odm'")
        bad = [s.scalar(f"SELECT count(*) FROM ({q}) v", wave=WAVE) for _, q in counts.counterpart_sql(s, mdm.D1_SP)]
        assert bad == [1]
        assert counts.x1_problems(counts.x1_counts(s, WAVE, [mdm.D1_SP])) == ["D1_SP: CC&B rows 2 != mapped 1 + not migrated 0"]


def _copy_demo(tmp_path: Path) -> Path:
    folder = tmp_path / "x1cfg"
    shutil.copytree(DEMO_MASTER_CONFIG, folder)
    return folder


@pytest.mark.parametrize("edit, message", [
    (lambda f: (f / "sa_type.csv").write_text((f / "sa_type.csv").read_text() + "COME1-N,E-COMM,again\n"),
     "sa_type.csv: X1_CONFIG_DUPLICATE: key (ccb_code) = ('COME1-N',) is on line(s) 2, "),
    (lambda f: (f / "meter_type.csv").unlink(), "meter_type.csv: X1_CONFIG_MISSING: file missing"),
    (lambda f: (f / "sp_type.csv").write_text((f / "sp_type.csv").read_text() + "XX-N,E-MTR,G,D1MT,clash\n"),
     "D1_SP_TYPE code E-MTR is given two different SVC_TYPE_CD/CATEGORY"),
    (lambda f: (f / "settings.csv").write_text("name,value\nstore_node,THIS-IS-TOO-LONG\n"), "store_node"),
    (lambda f: (f / "measr_comp_type.csv").write_text("uom,tou,mdm_code\nKWH,,E-KWH\n"), "missing column(s) mc_bo"),
])
def test_master_configuration_errors_name_file_and_row(tmp_path, edit, message):
    folder = _copy_demo(tmp_path)
    edit(folder)
    with pytest.raises(MasterConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_master_config(folder)


def test_setting_points_at_own_configuration(tmp_path, target, monkeypatch):
    folder = _copy_demo(tmp_path)
    (folder / "sp_type.csv").write_text((folder / "sp_type.csv").read_text() + "MYSTERY,E-MYST,E,D1MT,Mystery SP\n")
    monkeypatch.setenv("CCS_X1_MASTER_CONFIG", str(folder))
    res = dg.materialize([x1_migad], instance=_instance(), resources={"target": target})
    assert all(e.passed for e in res.get_asset_check_evaluations())
    with target.session() as s:
        assert s.scalar(f"SELECT count(*) FROM {s.prod}.D1_SP_TYPE WHERE D1_SP_TYPE_CD = 'E-MYST'") == 1
    monkeypatch.setenv("CCS_X1_MASTER_CONFIG", str(tmp_path / "nowhere"))
    res = dg.materialize([x1_migad], instance=_instance(), resources={"target": target}, raise_on_error=False)
    assert not res.success


def test_target_session_is_plain_duckdb():
    # the helpers above talk to the DuckDB connection directly; keep that assumption visible
    s = TargetSession(duckdb.connect(), DUCKDB, "cisstg", "cisadm")
    assert s.dialect.name == "duckdb"


def test_admin_step_replaces_only_the_rows_it_created(target):
    """A delivered admin row (the product's own SP type) survives step 9 and its reruns; a code the product already
    has keeps the product's row; the rows step 9 created are replaced on a rerun with a changed configuration."""
    codes = load_master_config(DEMO_MASTER_CONFIG)[0]
    with target.session() as s:
        for code, bo in (("DELIVERED", "D1-SPType"), ("E-MTR", "D1-Product-BO")):
            r = row(mdm.D1_SP_TYPE, D1_SP_TYPE_CD=code, BUS_OBJ_CD=bo)
            s.con.execute(f"INSERT INTO cisadm.D1_SP_TYPE ({', '.join(r)}) VALUES ({', '.join('?' * len(r))})", list(r.values()))
        steps.run_admin(s, codes)
        steps.run_admin(s, codes)
        rows = dict(s.query(f"SELECT TRIM(D1_SP_TYPE_CD), BUS_OBJ_CD FROM {s.prod}.D1_SP_TYPE"))
        assert rows["DELIVERED"].strip() == "D1-SPType" and rows["E-MTR"].strip() == "D1-Product-BO"
        assert len(rows) == 6 + 1, "the demo's six types (one of them the product's) and the delivered one"
        owned = {r[0] for r in s.query(f"SELECT CODE FROM {s.stg}.CCS_X1_ADMIN_ROWS WHERE TABLE_NAME = 'D1_SP_TYPE'")}
        assert "DELIVERED" not in owned and "E-MTR" not in owned and len(owned) == 5
        fewer = [r for r in codes if not (r["KIND"] == "SP_TYPE" and r["MDM_CODE"].strip() != "E-MTR")]
        steps.run_admin(s, fewer)
        left = {r[0] for r in s.query(f"SELECT TRIM(D1_SP_TYPE_CD) FROM {s.prod}.D1_SP_TYPE")}
        assert left == {"DELIVERED", "E-MTR"}, "the rows step 9 created are gone, the product's stay"
def test_mdm_source_status_follows_ccb_source_status_not_sp_status(target):
    """D1_SP.SP_SRC_STAT_FLG maps CC&B's SP_SRC_STATUS_FLG (C -> D1CN, D -> D1DC, blank stays blank), whatever
    SP_STATUS_FLG says."""
    with target.session() as s:
        s.execute(f"UPDATE {s.prod}.CI_SP SET SP_TYPE_CD = 'ELMTR-N', SP_SRC_STATUS_FLG = 'D' WHERE SP_ID = '2000000001'")
        s.execute(f"UPDATE {s.prod}.CI_SP SET SP_TYPE_CD = 'ELMTR-N', SP_STATUS_FLG = 'I', SP_SRC_STATUS_FLG = 'C' "
                  f"WHERE SP_ID = '2000000002'")
        insert(s.con, ccb.CI_SP, SP_ID="2000000003", PREM_ID="1000000001", SP_TYPE_CD="ELMTR-N", SP_STATUS_FLG="R")
        steps.run_admin(s, load_master_config(DEMO_MASTER_CONFIG)[0])
        steps.migrate_table(s, mdm.D1_SP, WAVE)
        got = s.query(f"SELECT k.CCB_KEY, d.SP_SRC_STAT_FLG, d.BO_STATUS_CD FROM {s.prod}.D1_SP d JOIN {s.stg}.CCS_X1_KEY_MAP k "
                      f"ON k.MDM_TABLE = 'D1_SP' AND k.MDM_KEY = d.D1_SP_ID ORDER BY 1")
    assert got == [("2000000001", "D1DC", "ACTIVE"), ("2000000002", "D1CN", "INACTIVE"), ("2000000003", " ", "ACTIVE")]
