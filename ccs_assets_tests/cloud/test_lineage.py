"""Definitions level: the chain legacy/* -> ... -> odm/w1_asset_node is unbroken, and column lineage is generated from
the catalog's declared sources (every one of which names a real column)."""

from __future__ import annotations

import dagster as dg
import pytest

from ccs_assets.catalog import ccb, mdm, odm
from ccs_assets.cloud.assets import asset_key_of, column_lineage
from ccs_assets.cloud.steps import available_tables, literal, provided, render, wrap_select, SQL_DIR
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.resource import TargetSession

X1 = mdm.MDM_TABLES + odm.ODM_TABLES
ALL = {t.name: t for t in ccb.CCB_TABLES + X1 + mdm.ADMIN_TABLES + odm.ADMIN_TABLES + (mdm.X1_TYPE_MAP,)}


@pytest.fixture(scope="module")
def graph():
    from ccs_assets.definitions import defs

    return defs.resolve_asset_graph()


def upstream(graph, key: str) -> set[str]:
    seen, todo = set(), [dg.AssetKey(key.split("/"))]
    while todo:
        k = todo.pop()
        for p in graph.get(k).parent_keys:
            if p not in seen:
                seen.add(p)
                todo.append(p)
    return {k.to_user_string() for k in seen}


def test_every_mdm_odm_table_is_an_asset_in_the_job(graph):
    from ccs_assets.definitions import defs

    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {f"{t.product}/{t.asset_name}" for t in X1} <= keys
    assert {"admin/x1_migad", "validate/mdm_odm_reconciliation"} <= keys
    job = defs.resolve_job_def("legacy_cis")
    in_job = {k.to_user_string() for k in job.asset_layer.selected_asset_keys}
    assert {"admin/x1_migad", "mdm/d1_sp", "odm/w1_asset_node", "validate/mdm_odm_reconciliation"} <= in_job
    assert graph.get(dg.AssetKey(["odm", "w1_asset_node"])).partitions_def.name == "wave"
    assert graph.get(dg.AssetKey(["admin", "x1_migad"])).partitions_def is None


def test_lineage_from_legacy_to_odm_asset_node_is_unbroken(graph):
    up = upstream(graph, "odm/w1_asset_node")
    # every Oracle step on the way: legacy landing, transform, extract, upload, staging, keys, gate, production, X1
    for key in ("legacy/meters", "legacy/meter_history", "legacy/service_points", "legacy/items", "legacy/item_history",
                "ccb/ci_sp_mtr_hist", "extract/ci_sp_mtr_hist", "upload/wave_files", "staging/ci_sp_mtr_hist",
                "keys/ci_sp_mtr_hist", "validate/wave_gate", "production/ci_sp_mtr_hist", "production/ci_mr",
                "admin/x1_migad", "odm/w1_asset", "odm/w1_node"):
        assert key in up, f"{key} is not upstream of odm/w1_asset_node"
    assert {"mdm/d1_sp", "mdm/d1_dvc", "production/ci_per"} <= upstream(graph, "mdm/d1_install_evt") | upstream(graph, "mdm/d1_us_contact")
    assert "production/ci_per" in upstream(graph, "mdm/d1_contact")
    assert "legacy/customers" in upstream(graph, "mdm/d1_us_contact")


def test_every_declared_source_is_a_real_column_and_feeds_the_lineage():
    for t in X1 + mdm.ADMIN_TABLES + odm.ADMIN_TABLES:
        for c in t.columns:
            assert c.confidence in ("C", "P", "I"), f"{t.name}.{c.name}"
            for src in c.sources:
                table, col = src.split(".")
                assert col in ALL[table].column_names, f"{t.name}.{c.name}: {src} is not a catalog column"
        for src in t.key_sources:
            table, col = src.split(".")
            assert ALL[table].primary_key[0] == col, f"{t.name}: key source {src} is not {table}'s key"
    lineage = column_lineage(odm.W1_ASSET_NODE)
    deps = {(d.asset_key.to_user_string(), d.column_name) for d in lineage.deps_by_column["EFF_DTTM"]}
    assert ("production/ci_mr", "READ_DTTM") in deps and ("production/ci_sp_mtr_hist", "REMOVAL_DTTM") in deps
    d1_sp = column_lineage(mdm.D1_SP).deps_by_column
    assert {(d.asset_key.to_user_string(), d.column_name) for d in d1_sp["D1_SP_TYPE_CD"]} == {
        ("production/ci_sp", "SP_TYPE_CD"), ("admin/x1_migad", "MDM_CODE")}
    assert asset_key_of("D1_SP") == dg.AssetKey(["mdm", "d1_sp"]) and asset_key_of("W1_NODE") == dg.AssetKey(["odm", "w1_node"])


def test_every_step_select_names_each_required_column():
    """Columns without a default must come from the step's SQL; the SQL names no column the catalog lacks."""
    s = TargetSession(None, DUCKDB, "cisstg", "cisadm")
    for t in available_tables() + list(mdm.ADMIN_TABLES + odm.ADMIN_TABLES):
        body = render(s, t.name.lower())
        wrap_select(t, body)  # raises when a required column is missing
        named = provided(body) & {c.name for c in t.columns}
        assert named, t.name
        for c in t.columns:
            if c.name not in named:
                literal(c)
    assert {p.name for p in SQL_DIR.glob("*.sql")} >= {f"{t.name.lower()}.sql" for t in X1}


def test_catalog_doc_lists_the_mdm_odm_tables_as_generated():
    from ccs_assets.cloud.doc import DOC, block

    assert block() in DOC.read_text(encoding="utf-8"), "docs/catalog.md is stale: python -m ccs_assets.cloud.doc"
