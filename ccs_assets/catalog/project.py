"""The project's own bookkeeping tables on the target (not CC&B tables).

CK_* maps follow CC&B's conversion tool (old staging key to new production key)
with the wave and legacy key added so a record can be traced; their column
names are the project's (the reference does not give CC&B's: inferred).
"""

from __future__ import annotations

from .model import Column, Table


def _v(name: str, n: int, nullable: bool = False) -> Column:
    return Column(name, "varchar", n, nullable=nullable)


def ck_table(main: Table) -> Table:
    key = main.key_column
    assert key is not None
    return Table(
        main.ck_table,
        (
            Column("OLD_KEY", "char", key.length, key_kind=key.key_kind, description="staging key from the extract file"),
            Column("NEW_KEY", "char", key.length, key_kind=key.key_kind, description="production key from key generation"),
            _v("WAVE", 30),
            _v("LEGACY_KEY", 120),
        ),
        ("OLD_KEY",),
        f"Old-to-new key map of {main.name} (CC&B conversion-tool CK_ table), with wave and legacy key.",
        entity=main.name, owner_column="OLD_KEY", legacy_file=main.legacy_file, seed_step=7,
        confidence="I", product="ccs",
    )


def k_table(main: Table) -> Table:
    key = main.key_column
    assert key is not None
    return Table(
        main.k_table,
        (Column(key.name, "char", key.length, key_kind=key.key_kind), Column("ENV_ID", "number", 6, confidence="C")),
        (key.name, "ENV_ID"),
        f"Key table of {main.name}: every system key with the installation's ENV_ID (setting CCS_ENV_ID).",
        entity=main.name, owner_column=key.name, legacy_file=main.legacy_file, seed_step=4, confidence=main.k_confidence,
    )


KEY_XREF = Table(
    "CCS_KEY_XREF",
    (_v("TABLE_NAME", 30), Column("STG_KEY", "char", 12), _v("LEGACY_KEY", 120), _v("WAVE", 30),
     Column("LINE_NO", "number", 10)),
    ("TABLE_NAME", "STG_KEY"),
    "Legacy key to staging key of every keyed row a wave's extract carries (the workbench's key map, shipped with the files).",
    entity="CCS_KEY_XREF", owner_column="STG_KEY", legacy_file="", seed_step=4, confidence="I", product="ccs",
)

WAVE_LEDGER = Table(
    "CCS_WAVE_LEDGER",
    (_v("WAVE", 30), _v("TABLE_NAME", 30), Column("OWNER_KEY", "char", 12)),
    ("WAVE", "TABLE_NAME", "OWNER_KEY"),
    "Which owner keys each wave wrote into each table: a rerun deletes exactly these rows first; rollback uses them.",
    entity="CCS_WAVE_LEDGER", owner_column="OWNER_KEY", legacy_file="", seed_step=7, confidence="I", product="ccs",
)

VAL_ERR = Table(
    "CCS_VAL_ERR",
    (
        _v("WAVE", 30), _v("STEP", 20), _v("TABLE_NAME", 30), _v("LEGACY_KEY", 120, True), _v("RULE", 40),
        _v("COLUMN_NAME", 30, True), _v("VALUE", 4000, True), _v("MESSAGE", 4000), Column("LINE_NO", "number", 10, nullable=True),
        Column("STG_KEY", "char", 12, nullable=True),
    ),
    (),
    "Target-side validation errors (staging load, staging validation, production validation), like CC&B's CI_VAL_ERR.",
    entity="CCS_VAL_ERR", owner_column="WAVE", legacy_file="", seed_step=7, confidence="I", product="ccs",
)
