"""Custom rule files: statements end with a ';' at the end of a line, so a ';' inside a message splits nothing."""

from __future__ import annotations

from ccs_assets.catalog.legacy import LEGACY_FILES
from ccs_assets.transform import rules


def test_semicolon_inside_a_message_does_not_split_a_rule(tmp_path, monkeypatch):
    (tmp_path / "items.sql").write_text(
        "-- two rules\n"
        "SELECT _rec, 'A_RULE', 'item_no', item_no, 'one; two' FROM legacy.items WHERE _wave = $wave;\n"
        "SELECT _rec, 'B_RULE', 'item_no', item_no, 'three'\n"
        "FROM legacy.items WHERE _wave = $wave;   \n",
        encoding="utf-8")
    monkeypatch.setattr(rules, "RULES_DIR", tmp_path)
    custom = [q for q in rules.generated_rules(LEGACY_FILES["items"]) if "_RULE" in q]
    assert len(custom) == 2
    assert custom[0].endswith("'one; two' FROM legacy.items WHERE _wave = $wave")
    assert "'B_RULE'" in custom[1] and custom[1].endswith("WHERE _wave = $wave")
