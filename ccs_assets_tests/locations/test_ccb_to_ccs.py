"""Fast: scenario 2's graph loads on its own, reads in Oracle's step order, and shares no asset key with scenario 1."""

from pathlib import Path

import dagster as dg
import yaml

from ccs_assets.catalog import ccb

REPO = Path(__file__).resolve().parents[2]


def _keys(defs) -> set[str]:
    return {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}


def test_graph_reads_in_oracle_step_order():
    from ccs_assets.locations.ccb_to_ccs import JOB, defs

    graph = defs.resolve_asset_graph()
    keys = _keys(defs)
    assert all(k.startswith("ccb_to_ccs/") for k in keys), "every key carries the scenario's short name"
    for t in ccb.CCB_TABLES:
        for layer in ("extract", "load", "production"):
            assert f"ccb_to_ccs/{layer}/{t.asset_name}" in keys
    assert {"ccb_to_ccs/admin/x1_migad", "ccb_to_ccs/mdm/d1_sp", "ccb_to_ccs/odm/w1_asset"} <= keys
    assert not any("/staging/" in k or "/keys/" in k or "/legacy/" in k for k in keys), "no step of scenario 1"

    def parents(key: str) -> set[str]:
        return {p.to_user_string() for p in graph.get(dg.AssetKey(key.split("/"))).parent_keys}

    assert parents("ccb_to_ccs/source/upgrade") == {"ccb_to_ccs/source/export"}
    assert not graph.get(dg.AssetKey(["ccb_to_ccs", "source", "export"])).is_materializable, "step 1 is the DBA's"
    assert "ccb_to_ccs/source/upgrade" in parents("ccb_to_ccs/waves/ownership")
    assert "ccb_to_ccs/extract/ci_acct" in parents("ccb_to_ccs/upload/wave_files")
    assert "ccb_to_ccs/upload/wave_files" in parents("ccb_to_ccs/load/ci_acct")
    assert {"ccb_to_ccs/validate/wave_gate", "ccb_to_ccs/production/ci_per"} <= parents("ccb_to_ccs/production/ci_acct_per")
    assert "ccb_to_ccs/production/ci_sa" in parents("ccb_to_ccs/validate/production")
    assert "ccb_to_ccs/validate/production" in parents("ccb_to_ccs/admin/x1_migad")
    assert "ccb_to_ccs/production/ci_sp" in parents("ccb_to_ccs/mdm/d1_sp")
    job = defs.resolve_job_def(JOB)
    nodes = set(job.graph.node_names())
    assert {"ccb_to_ccs__extract", "ccb_to_ccs__load", "ccb_to_ccs__production"} <= nodes, "one step per layer"
    assert {"ccb_to_ccs__source__export_source_readable", "ccb_to_ccs__source__upgrade_source_readable"} <= nodes


def test_workspace_has_one_location_per_scenario_and_no_key_twice():
    from ccs_assets import definitions
    from ccs_assets.locations import ccb_mscs_to_ccs, ccb_to_ccs, ccb_to_cloud

    modules = [e["python_module"]["module_name"] for e in yaml.safe_load((REPO / "workspace.yaml").read_text())["load_from"]]
    assert modules[:3] == ["ccs_assets.definitions", "ccs_assets.locations.ccb_to_ccs", "ccs_assets.locations.ccb_to_cloud"]
    assert "ccs_assets.locations.ccb_mscs_to_ccs" in modules
    locations = [_keys(definitions.defs), _keys(ccb_to_ccs.defs), _keys(ccb_to_cloud.defs), _keys(ccb_mscs_to_ccs.defs)]
    assert sum(len(k) for k in locations) == len(set().union(*locations)), "no asset key is defined twice"


def test_scenario_5_graph_has_steps_1_to_5_with_the_transactional_tables():
    from ccs_assets.catalog import ccb_txn
    from ccs_assets.locations.ccb_to_cloud import JOB, defs

    keys = _keys(defs)
    assert all(k.startswith("ccb_to_cloud/") for k in keys)
    for t in ccb.CCB_TABLES + ccb_txn.TXN_TABLES:
        assert f"ccb_to_cloud/production/{t.asset_name}" in keys
    for t in ccb_txn.CONTROL_TABLES:  # created in production, never extracted
        assert f"ccb_to_cloud/extract/{t.asset_name}" not in keys
    assert not any("/mdm/" in k or "/odm/" in k or "/admin/" in k for k in keys), "scenario 5 stops at step 5"
    graph = defs.resolve_asset_graph()
    parents = {p.to_user_string() for p in graph.get(dg.AssetKey(["ccb_to_cloud", "production", "ci_ft"])).parent_keys}
    assert {"ccb_to_cloud/production/ci_sa", "ccb_to_cloud/production/ci_bill"} <= parents
    assert defs.resolve_job_def(JOB) is not None


def test_asset_pages_show_column_lineage_and_oracle_step_numbers_of_the_scenario():
    """Every upgrade asset with columns ends its description with its column lineage (source table column ->
    extract -> load -> production -> MDM/ODM), from the catalog; steps 6-9 are numbered as Oracle numbers them
    in scenario 2, not as in scenario 1."""
    from ccs_assets.catalog import lineage
    from ccs_assets.locations import ccb_to_ccs, ccb_to_cloud

    graph = ccb_to_ccs.defs.resolve_asset_graph()

    def desc(key: str) -> str:
        return graph.get(dg.AssetKey(key.split("/"))).description

    assert "| `PER_ID` | `ccb_to_ccs/load/ci_per.PER_ID` |" in desc("ccb_to_ccs/production/ci_per")
    assert "| `PER_ID` | `ccb_to_ccs/source/upgrade.CI_PER.PER_ID` |" in desc("ccb_to_ccs/extract/ci_per")
    assert "| `CI_PER.PER_ID` | `ccb_to_ccs/extract/ci_per.PER_ID` |" in desc("ccb_to_ccs/source/upgrade")
    assert ("| `D1_SP_TYPE_CD` | `ccb_to_ccs/production/ci_sp.SP_TYPE_CD`, `ccb_to_ccs/admin/x1_migad.MDM_CODE` |"
            in desc("ccb_to_ccs/mdm/d1_sp"))
    assert desc("ccb_to_ccs/admin/x1_migad").startswith("Step 6,") and desc("ccb_to_ccs/mdm/d1_sp").startswith("Step 7:")
    assert desc("ccb_to_ccs/odm/w1_asset_node").startswith("Step 9:")
    for t in ccb.CCB_TABLES:  # every column of every layer, and each hop one layer up
        for layer, up in (("extract", None), ("load", "extract"), ("production", "load")):
            cols = lineage.upstream_graph()[f"ccb_to_ccs/{layer}/{t.asset_name}"]
            assert list(cols) == [c.name for c in t.columns]
            if up:
                assert all(d == ((f"ccb_to_ccs/{up}/{t.asset_name}", c),) for c, d in cols.items())
    cloud = ccb_to_cloud.defs.resolve_asset_graph()
    bill = cloud.get(dg.AssetKey(["ccb_to_cloud", "production", "ci_bill"])).description
    assert "| `BILL_ID` | `ccb_to_cloud/load/ci_bill.BILL_ID` |" in bill
    chain = lineage.chain("ccb_to_ccs/mdm/d1_contact", "CONTACT_ID")
    hops = []
    while chain["next"]:
        chain = chain["next"][0]
        hops.append(f"{chain['asset']}.{chain['column']}")
    assert hops == ["ccb_to_ccs/production/ci_per.PER_ID", "ccb_to_ccs/load/ci_per.PER_ID",
                    "ccb_to_ccs/extract/ci_per.PER_ID", "ccb_to_ccs/source/upgrade.CI_PER.PER_ID"]


def test_scenario_6_graph_has_the_clone_before_extract_and_linking_steps_8_to_11():
    from ccs_assets.catalog import ccb_txn
    from ccs_assets.locations.ccb_mscs_to_ccs import JOB, defs

    graph = defs.resolve_asset_graph()
    keys = _keys(defs)
    assert all(k.startswith("ccb_mscs/") for k in keys)
    for t in ccb.CCB_TABLES + ccb_txn.TXN_TABLES:  # master and transactional data (steps 5-7)
        assert f"ccb_mscs/production/{t.asset_name}" in keys
    assert {"ccb_mscs/mscs/clone", "ccb_mscs/admin/x1_migad", "ccb_mscs/mdm/d1_sp", "ccb_mscs/odm/w1_asset",
            "ccb_mscs/validate/mdm_odm_reconciliation"} <= keys

    def parents(key: str) -> set[str]:
        return {p.to_user_string() for p in graph.get(dg.AssetKey(key.split("/"))).parent_keys}

    assert parents("ccb_mscs/mscs/clone") == {"ccb_mscs/source/upgrade"}, "step 3 follows step 2"
    assert parents("ccb_mscs/partitions/ilm") == {"ccb_mscs/mscs/clone"}, "step 4a after the clone"
    assert parents("ccb_mscs/waves/ownership") == {"ccb_mscs/partitions/ilm"}, "nothing extracted before partitions exist"
    # step 4b: one asset per admin table (and its labels) after the wave's ownership, in one step; each extract waits
    # for the admin tables its codes use (from the catalog's declarations)
    from ccs_assets.catalog import ccb_admin

    assert {f"ccb_mscs/config/{t.name.lower()}" for t in ccb_admin.tables()} <= keys
    assert parents("ccb_mscs/config/ci_sa_type") == {"ccb_mscs/waves/ownership"}
    assert parents("ccb_mscs/config/ci_sa_type_l") == {"ccb_mscs/waves/ownership", "ccb_mscs/config/ci_sa_type"}
    assert parents("ccb_mscs/extract/ci_sa") == {"ccb_mscs/waves/ownership", "ccb_mscs/config/ci_cis_division",
                                                  "ccb_mscs/config/ci_sa_type"}
    assert parents("ccb_mscs/extract/ci_bseg_calc") == {"ccb_mscs/waves/ownership", "ccb_mscs/config/ci_rs"}
    assert "ccb_mscs__config" in set(defs.resolve_job_def(JOB).graph.node_names()), "step 4b in one step"
    assert not any(k.startswith("ccb_to_cloud/config/") for k in _keys(__import__(
        "ccs_assets.locations.ccb_to_cloud", fromlist=["defs"]).defs)), "scenario 5 has no configuration step"
    job = defs.resolve_job_def(JOB)
    assert "ccb_mscs__mdm_odm" in set(job.graph.node_names()), "steps 9-11 in one step"
    assert "11" in (job.description or "")
    assert graph.get(dg.AssetKey(["ccb_mscs", "admin", "x1_migad"])).description.startswith("Step 8,"), "Oracle's numbering"
