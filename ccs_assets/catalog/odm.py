"""ODM (W1_*) tables of the legacy-CIS scenario, Oracle steps 9-12.

Facts and confidence: ../shared/reference/ccs-data-model.md section 4-5 and
mdm-odm-detail.md. NODE_ID and ASSET_ID are 12-digit zero-padded (C O11, P G4).
Types and NOT NULL flags of W1_* are not found (I: CHAR(12) keys, CHAR/VARCHAR(30)
codes, OUAF blanks). BO names of ODM assets, nodes and asset types are not
found either: they come from the master configuration (demo values inferred).
"""

from __future__ import annotations

from .ccb import char, date, ts, vchar, version
from .mdm import TYPE_MAP, bo, bo_status, descr, mkey
from .model import Table

W1_ASSET_TYPE = Table(
    "W1_ASSET_TYPE",
    (
        char("ASSET_TYPE_CD", 30, default=None, confidence="P", sources=("CI_MTR.MTR_TYPE_CD", "CI_ITEM.ITEM_TYPE_CD", f"{TYPE_MAP}.ODM_CODE")),
        bo(None, confidence="I", sources=(f"{TYPE_MAP}.ODM_BUS_OBJ_CD",), description="asset BO of the type (name not found)"),
        descr(f"{TYPE_MAP}.DESCR100"),
        version(),
    ),
    ("ASSET_TYPE_CD",),
    "ODM asset type (label table W1_ASSET_TYPE_L is P), from CC&B meter and item types; table name inferred.",
    entity="W1_ASSET_TYPE", owner_column="ASSET_TYPE_CD", legacy_file="", seed_step=9, product="odm", confidence="I",
)

W1_NODE = Table(
    "W1_NODE",
    (
        mkey("NODE_ID", confidence="C", sources=("CI_SP.SP_ID",), description="12-digit zero-padded (C O11)"),
        mkey("PARENT_NODE_ID", confidence="P", nullable_blank=True, description="hierarchy parent; blank (service points are top nodes here, inferred)"),
        bo(None, confidence="I", description="from the master configuration (BO names of ODM nodes not found)"),
        bo_status("ACTIVE", "ACTIVE (inferred; GIS extract shows location status W1AC)", confidence="I"),
        vchar("DESCR100", 100, default=None, confidence="P", sources=("CI_PREM.ADDRESS1", "CI_PREM.CITY", "CI_SP.SP_ID"),
              description="premise address and CC&B SP id (inferred)"),
        version(),
    ),
    ("NODE_ID",),
    "ODM node: every CC&B service point becomes an asset location node (C S3, O7, O8); the store that in-store and "
    "removed assets sit at is one more node, created by step 9 from the master configuration (inferred).",
    entity="W1_NODE", owner_column="NODE_ID", legacy_file="", seed_step=10, product="odm",
    key_sources=("CI_SP.SP_ID",),
)

W1_ASSET = Table(
    "W1_ASSET",
    (
        mkey("ASSET_ID", confidence="C", sources=("CI_MTR.MTR_ID", "CI_ITEM.ITEM_ID")),
        char("ASSET_TYPE_CD", 30, default=None, confidence="P", sources=("CI_MTR.MTR_TYPE_CD", "CI_ITEM.ITEM_TYPE_CD", f"{TYPE_MAP}.ODM_CODE")),
        bo(None, confidence="I", sources=(f"{TYPE_MAP}.ODM_BUS_OBJ_CD",), description="asset BO from the type's configuration (name not found)"),
        bo_status(None, "INSTALLED / INSTORE / RETIRED (values P) following the asset's latest disposition and retirement",
                  sources=("CI_MTR.MTR_STATUS_FLG", "CI_ITEM.ITEM_STATUS_FLG", "CI_SP_MTR_HIST.REMOVAL_DTTM")),
        char("ASSET_COND_FLG", 4, confidence="P"),
        char("ASSET_OWNERSHIP_FLG", 4, confidence="P"),
        char("SPECIFICATION_CD", 30, confidence="P"),
        date("IN_SERVICE_DT", nullable=True, confidence="P", sources=("CI_MR.READ_DTTM", "CI_SP_ITEM_EVT.EVENT_DTTM"),
             description="first install (inferred)"),
        date("ACQUISITION_DT", nullable=True, confidence="P", sources=("CI_MTR.RECEIVE_DT", "CI_ITEM.RECEIVE_DT")),
        version(),
    ),
    ("ASSET_ID",),
    "ODM asset, one per CC&B meter and item (C S2), bound 1:1 to its MDM device: D1AS on the device, badge/serial on the asset (P G2).",
    entity="W1_ASSET", owner_column="ASSET_ID", legacy_file="", seed_step=11, product="odm",
    key_sources=("CI_MTR.MTR_ID", "CI_ITEM.ITEM_ID"),
)

W1_ASSET_IDENTIFIER = Table(
    "W1_ASSET_IDENTIFIER",
    (
        mkey("ASSET_ID", fk="W1_ASSET.ASSET_ID", confidence="P", sources=("W1_ASSET.ASSET_ID",)),
        char("ASSET_ID_TYPE_FLG", 4, default=None, confidence="P",
             description="W1BN badge, W1SN serial (P G2): the asset side of the device binding"),
        vchar("W1_ID_VALUE", 120, default=None, confidence="P",
              sources=("CI_MTR.BADGE_NBR", "CI_MTR.SERIAL_NBR", "CI_ITEM.BADGE_NBR", "CI_ITEM.SERIAL_NBR")),
        version(),
    ),
    ("ASSET_ID", "ASSET_ID_TYPE_FLG"),
    "Asset identifiers: badge (W1BN) and serial (W1SN) when CC&B has one; with the device's D1AS they bind device and "
    "asset (P G2, steps C O10).",
    entity="W1_ASSET", owner_column="ASSET_ID", legacy_file="", seed_step=11, product="odm",
)

W1_ASSET_NODE = Table(
    "W1_ASSET_NODE",
    (
        mkey("ASSET_ID", fk="W1_ASSET.ASSET_ID", confidence="P", sources=("W1_ASSET.ASSET_ID",)),
        ts("EFF_DTTM", confidence="P", sources=("CI_MTR.RECEIVE_DT", "CI_MR.READ_DTTM", "CI_SP_MTR_HIST.REMOVAL_DTTM",
                                                "CI_ITEM.RECEIVE_DT", "CI_SP_ITEM_EVT.EVENT_DTTM")),
        vchar("ASSET_DPOS_FLG", 30, default=None, confidence="P", sources=("CI_SP_MTR_EVT.SP_MTR_EVT_FLG", "CI_SP_ITEM_EVT.SP_ITEM_EVT_FLG"),
              description="IN-INSTALLED, NI-INSTORE seen (P; extendable lookup, C O9); removed NI-REMOVED inferred; all from the master configuration"),
        mkey("NODE_ID", fk="W1_NODE.NODE_ID", confidence="P", sources=("CI_SP_MTR_HIST.SP_ID", "CI_SP_ITEM_HIST.SP_ID", "W1_NODE.NODE_ID"),
             description="the SP's node while installed, the store node otherwise"),
        mkey("ATTCH_TO_ASSET_ID", nullable_blank=True, confidence="P"),
        version(),
        mkey("CURR_ASSET_ID", nullable_blank=True, confidence="P", description="the asset on its latest row only, blank on the others (P: app-maintained pointer)"),
        mkey("CURR_NODE_ID", nullable_blank=True, confidence="P", description="the node on the asset's latest row only"),
        mkey("CURR_ATTCH_TO_ASSET_ID", nullable_blank=True, confidence="P"),
        char("FAILURE_FLG", 4, confidence="P"),
        char("ACT_ID", 14, confidence="P"),
    ),
    ("ASSET_ID", "EFF_DTTM"),
    "Asset disposition: one row per placement of an asset at a node from EFF_DTTM (P G2): in store from its receive "
    "date, installed at the SP's node from each install, removed to the store at each removal. Rebuilt per asset "
    "from the whole production history, so the asset's life reads the same whichever wave wrote it last.",
    entity="W1_ASSET", owner_column="ASSET_ID", legacy_file="", seed_step=12, product="odm",
)

ADMIN_TABLES: tuple[Table, ...] = (W1_ASSET_TYPE,)

ODM_TABLES: tuple[Table, ...] = (W1_NODE, W1_ASSET, W1_ASSET_IDENTIFIER, W1_ASSET_NODE)

