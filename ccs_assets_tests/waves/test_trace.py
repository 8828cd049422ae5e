"""ccs-migrate trace: legacy key -> staging key -> production key, per wave, with production rows."""

from __future__ import annotations

import json

import pytest


def keyed(cli, ck: str, wave: str) -> tuple[str, str, str]:
    with cli.target() as con:
        return con.execute(f"SELECT OLD_KEY, NEW_KEY, LEGACY_KEY FROM cisstg.{ck} WHERE WAVE = ? ORDER BY LEGACY_KEY LIMIT 1",
                           [wave]).fetchone()


@pytest.mark.heavy
def test_trace_follows_a_record_through_the_key_spaces(two_waves):
    cli = two_waves
    old, new, legacy = keyed(cli, "CK_PER", "wave-01")

    r = json.loads(cli("trace", "--legacy-key", legacy, "--table", "customers", "--format", "json").stdout)
    assert r["found"]
    assert r["workbench"]["keymap"] == [{"table": "CI_PER", "stg_key": old, "first_wave": "wave-01"}]
    assert r["workbench"]["ownership"][0]["owner_wave"] == "wave-01"
    assert list(r["target"]["tables"]) == ["CI_PER"]
    hop = r["target"]["tables"]["CI_PER"]["wave-01"]
    assert hop["stg_key"] == old and hop["prod_key"] == new
    assert hop["production"]["CI_PER"] == 1 and hop["production"]["CI_PER_K"] == 1
    assert hop["production"]["CI_PER_NAME"] >= 1 and hop["production"]["ledger_wave"] == "wave-01"
    with cli.target() as con:  # on to MDM (step 10): the person's contact
        contact = con.execute("SELECT MDM_KEY FROM cisstg.CCS_X1_KEY_MAP WHERE CCB_TABLE = 'CI_PER' AND CCB_KEY = ? "
                              "AND MDM_TABLE = 'D1_CONTACT'", [new]).fetchone()[0]
    assert hop["mdm_odm"]["D1_CONTACT"] == contact and len(contact) == 12

    text = cli("trace", "--legacy-key", legacy).stdout
    assert f"staging key {old}" in text and f"production key {new}" in text and "ledger wave wave-01" in text
    assert f"MDM/ODM: D1_CONTACT {contact}" in text

    # an account of wave-02: its chain ends in wave-02's CK map
    a_old, a_new, a_legacy = keyed(cli, "CK_ACCT", "wave-02")
    r = json.loads(cli("trace", "--legacy-key", a_legacy, "--table", "CI_ACCT", "--format", "json").stdout)
    assert r["target"]["tables"]["CI_ACCT"]["wave-02"]["prod_key"] == a_new
    assert r["target"]["tables"]["CI_ACCT"]["wave-02"]["production"]["CI_ACCT_PER"] >= 1

    # after a rollback the workbench still knows the staging key; the target no longer has a production key
    cli("rollback", "--wave", "wave-02")
    r = json.loads(cli("trace", "--legacy-key", a_legacy, "--table", "CI_ACCT", "--format", "json").stdout)
    assert r["found"] and r["workbench"]["keymap"][0]["stg_key"] == a_old
    assert r["target"]["tables"] == {}

    missing = cli("trace", "--legacy-key", "NO-SUCH-KEY", check=False)
    assert missing.returncode == 1 and "not found" in missing.stdout
    bad = cli("trace", "--legacy-key", legacy, "--table", "CI_NOPE", check=False)
    assert bad.returncode == 2 and "--table 'CI_NOPE'" in bad.stderr
