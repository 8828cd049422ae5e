"""`ccs-migrate errors` cuts a long rejected value (and the message quoting it) to a readable length."""

from __future__ import annotations

from ccs_assets.waves.errors import MAX_SHOWN, cut, readable


def test_long_value_is_cut_with_its_length_and_short_ones_are_kept():
    value = "x" * 1_000_000
    row = readable({"rule": "MALFORMED_LINE", "value": value, "message": "bad: " + value, "line": 7})
    assert row["value"].startswith("x" * MAX_SHOWN) and len(row["value"]) < MAX_SHOWN + 100
    assert "[1,000,000 characters" in row["value"] and "[1,000,005 characters" in row["message"]
    assert row["line"] == 7 and row["rule"] == "MALFORMED_LINE"
    assert cut("short") == "short" and cut(None) is None and cut(12) == 12
    assert cut("y" * MAX_SHOWN) == "y" * MAX_SHOWN
