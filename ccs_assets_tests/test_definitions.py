"""Fast: the scenario loads, every layer has its assets, lineage reads like Oracle's procedure."""

import dagster as dg

from ccs_assets.catalog import ccb


def test_definitions_load_and_lineage():
    from ccs_assets.definitions import defs

    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    for t in ccb.CCB_TABLES:
        for layer in ("ccb", "extract", "staging", "production"):
            assert f"{layer}/{t.asset_name}" in keys
    assert {"legacy/customers", "waves/ownership", "upload/wave_files", "validate/wave_gate", "keys/ci_per"} <= keys

    def parents(key: str) -> set[str]:
        return {p.to_user_string() for p in graph.get(dg.AssetKey(key.split("/"))).parent_keys}

    assert "ccb/ci_per" in parents("ccb/ci_acct")
    assert "extract/ci_per" in parents("upload/wave_files")
    assert "upload/wave_files" in parents("staging/ci_per")
    assert "keys/ci_per" in parents("keys/ci_acct")
    assert "validate/wave_gate" in parents("production/ci_per")
    assert graph.get(dg.AssetKey(["production", "ci_per"])).partitions_def.name == "wave"
    assert defs.resolve_job_def("legacy_cis") is not None


def test_default_view_reads_in_oracle_step_order():
    """Group = key prefix; the gate feeds only production roots (the rest wait through their parents); every
    asset with columns carries its column lineage table; the job says what it runs; the README's selection works."""
    from pathlib import Path

    from ccs_assets.definitions import defs

    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        assert graph.get(key).group_name == key.path[0], key.to_user_string()
    gate = dg.AssetKey(["validate", "wave_gate"])
    production = [k for k in graph.get_all_asset_keys() if k.path[0] == "production"]
    for key in production:
        node = graph.get(key)
        prod_parents = [p for p in node.parent_keys if p.path[0] == "production"]
        assert (gate in node.parent_keys) == (not prod_parents), key.to_user_string()
        assert gate in _ancestors(graph, key), f"{key.to_user_string()} must still wait for the gate"
    assert {k.to_user_string() for k in graph.get(gate).child_keys} == {"production/ci_per", "production/ci_prem",
                                                                          "production/ci_mtr", "production/ci_item"}
    desc = graph.get(dg.AssetKey(["mdm", "d1_sp"])).description
    assert desc.startswith("Step 10") and "#### Column lineage" in desc
    assert "| `D1_SP_TYPE_CD` | `production/ci_sp.SP_TYPE_CD`, `admin/x1_migad.MDM_CODE` |" in desc
    assert "| `cust_no` | `ccb/ci_per.PER_ID` |" in graph.get(dg.AssetKey(["legacy", "customers"])).description
    assert "steps 1-12" in defs.resolve_job_def("legacy_cis").description
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    selection = 'key:"legacy/meters" or key:"*/ci_mtr" or key:"upload/wave_files" or key:"mdm/d1_dvc" or key:"odm/w1_asset"'
    assert selection in " ".join(readme.split())
    picked = {k.to_user_string() for k in dg.AssetSelection.from_string(selection).resolve(graph)}
    assert picked == {"legacy/meters", "ccb/ci_mtr", "extract/ci_mtr", "upload/wave_files", "staging/ci_mtr",
                      "keys/ci_mtr", "production/ci_mtr", "mdm/d1_dvc", "odm/w1_asset"}


def _ancestors(graph, key):
    seen, todo = set(), [key]
    while todo:
        for p in graph.get(todo.pop()).parent_keys:
            if p not in seen:
                seen.add(p)
                todo.append(p)
    return seen
