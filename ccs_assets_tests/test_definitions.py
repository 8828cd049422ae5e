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
