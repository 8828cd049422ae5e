"""MDM (D1_*) tables of the legacy-CIS scenario, Oracle steps 9-12, and the project's X1 bookkeeping.

Facts and confidence: ../shared/reference/ccs-data-model.md section 4-5 and
mdm-odm-detail.md (which wins where it is more specific). C Oracle document,
P public code only, I inferred. The reference's column-pair mappings
CC&B -> MDM are I unless it says otherwise, so `sources` (the one place a
column's mapping is declared; `dagster/column_lineage` is generated from it)
are inferences unless the column's description says more.

Types: keys are CHAR(12) (P, G1 DDL); code columns whose length the reference
does not give are CHAR(30)/VARCHAR(30) (I). BO_DATA_AREA (CLOB) is not written:
no migrated attribute needs it (I). OUAF rules apply (every column NOT NULL but
optional dates; unused CHAR blank, unused number 0).

Admin tables (step 9, X1-MIGAD) are keyed by code and not wave-owned; their
names D1_US_TYPE, D1_DVC_TYPE, D1_MEASR_COMP_TYPE are inferred from the
`_L` label tables and maintenance objects the reference names.
"""

from __future__ import annotations

from .ccb import char, key, num, ts, vchar, version
from .model import Column, Table


def mkey(name: str, fk: str | None = None, **kw) -> Column:
    return key(name, kind="mdm12", fk=fk, **kw)


def bo(default: str, confidence: str = "C", **kw) -> Column:
    return char("BUS_OBJ_CD", 30, default=default, confidence=confidence, **kw)


def bo_status(default: str | None, description: str, confidence: str = "P", **kw) -> Column:
    return char("BO_STATUS_CD", 12, default=default, description=description, confidence=confidence, **kw)


def reason() -> Column:
    return vchar("BO_STATUS_REASON_CD", 30, confidence="P")


def stamps(*sources: str) -> tuple[Column, ...]:
    note = "the CC&B record's effective time, so a rerun writes identical rows (I: the product stamps the conversion time)"
    return (ts("CRE_DTTM", description=note, confidence="I", sources=sources),
            ts("STATUS_UPD_DTTM", description=note, confidence="I", sources=sources))


def descr(*sources: str) -> Column:
    return vchar("DESCR100", 100, default=None, confidence="I", sources=sources,
                 description="label (the product keeps it in the _L language table; here inline, inferred)")


TYPE_MAP = "CCS_X1_TYPE_MAP"

# ---------------------------------------------------------------- project bookkeeping (staging schema)
X1_KEY_MAP = Table(
    "CCS_X1_KEY_MAP",
    (
        vchar("WAVE", 30, default=None), vchar("CCB_TABLE", 30, default=None), char("CCB_KEY", 12, default=None),
        vchar("MDM_TABLE", 30, default=None), mkey("MDM_KEY"),
    ),
    ("CCB_TABLE", "CCB_KEY", "MDM_TABLE"),
    "CC&B key -> MDM/ODM key of every migrated record, per wave (steps 10-12), so a record can be followed across "
    "products; the MDM/ODM half of the 24B procedure's 'staging MDM SP key mapping table' (project table, inferred).",
    entity="CCS_X1_KEY_MAP", owner_column="CCB_KEY", legacy_file="", seed_step=10, confidence="I", product="ccs",
)

X1_TYPE_MAP = Table(
    TYPE_MAP,
    (
        vchar("KIND", 20, default=None, description="SP_TYPE, SA_TYPE, MTR_TYPE, MTR_CONFIG_TY, REG_UOM_TOU, ITEM_TYPE"),
        vchar("CCB_CODE", 30, default=None), vchar("CCB_CODE2", 30, default="*", description="TOU of REG_UOM_TOU; * otherwise"),
        vchar("MDM_TABLE", 30, default=None), vchar("MDM_CODE", 30, default=None),
        char("BUS_OBJ_CD", 30, description="BO of the records migrated with this type (device, measuring component)"),
        char("EVT_BUS_OBJ_CD", 30, description="install event BO of a device type"),
        vchar("ODM_CODE", 30, description="ODM asset type of a meter or item type; blank otherwise"),
        char("ODM_BUS_OBJ_CD", 30, description="asset BO of a meter or item type"),
        vchar("SVC_TYPE_CD", 30), vchar("CATEGORY", 30), vchar("DESCR100", 100),
    ),
    ("KIND", "CCB_CODE", "CCB_CODE2"),
    "The CCB/MDM/ODM Data Migration Master Configuration as step 9 applied it: CC&B admin code -> MDM/ODM code "
    "(SA Type Mapping and the other type maps; C S3/S15 that the configuration exists, layout inferred).",
    entity=TYPE_MAP, owner_column="KIND", legacy_file="", seed_step=9, confidence="I", product="ccs",
)

X1_ADMIN_ROWS = Table(
    "CCS_X1_ADMIN_ROWS",
    (vchar("TABLE_NAME", 30, default=None), vchar("CODE", 30, default=None, description="the row's key, trimmed")),
    ("TABLE_NAME", "CODE"),
    "The admin rows step 9 created (MDM/ODM types derived from the master configuration): a rerun replaces exactly "
    "these, never the product's delivered admin data (project table, inferred).",
    entity="CCS_X1_ADMIN_ROWS", owner_column="TABLE_NAME", legacy_file="", seed_step=9, confidence="I", product="ccs",
)

X1_LINK = Table(
    "CCS_X1_LINK",
    (
        vchar("WAVE", 30, default=None), vchar("MDM_TABLE", 30, default=None), vchar("CCB_TABLE", 30, default=None),
        char("CCB_KEY", 12, default=None), mkey("MDM_KEY"),
    ),
    ("CCB_TABLE", "CCB_KEY", "MDM_TABLE"),
    "Scenario 6: CC&B records the target's MDM/ODM already held (the MSCS clone), found through the identifiers that "
    "tie MDM records to CC&B ones: linked to the existing record instead of created twice (project table, inferred).",
    entity="CCS_X1_LINK", owner_column="CCB_KEY", legacy_file="", seed_step=10, confidence="I", product="ccs",
)

X1_CONFLICT = Table(
    "CCS_X1_CONFLICT",
    (
        vchar("WAVE", 30, default=None), vchar("MDM_TABLE", 30, default=None), vchar("RULE", 30, default=None),
        char("MDM_KEY", 12, default=None), vchar("CCB_TABLE", 30, default=None), char("CCB_KEY", 12, default=None),
        vchar("MESSAGE", 400, default=None),
    ),
    ("WAVE", "MDM_TABLE", "RULE", "MDM_KEY", "CCB_KEY"),
    "Scenario 6: an MDM/ODM record of the clone that disagrees with CC&B (tied to a CC&B record that does not exist, "
    "type that differs, device bound to another meter's asset), with both keys; never overwritten (project table).",
    entity="CCS_X1_CONFLICT", owner_column="MDM_KEY", legacy_file="", seed_step=10, confidence="I", product="ccs",
)

# ---------------------------------------------------------------- admin (step 9, X1-MIGAD)
D1_SP_TYPE = Table(
    "D1_SP_TYPE",
    (
        char("D1_SP_TYPE_CD", 30, default=None, confidence="P", sources=("CI_SP.SP_TYPE_CD", f"{TYPE_MAP}.MDM_CODE")),
        bo("X1D-ServicePointType", description="D1-ServicePointType in MDM, X1D- in CCS (C S2)"),
        char("D1_SVC_TYPE_CD", 30, default=None, confidence="P", sources=(f"{TYPE_MAP}.SVC_TYPE_CD",)),
        char("SP_CATEGORY_FLG", 4, default=None, confidence="I", sources=(f"{TYPE_MAP}.CATEGORY",),
             description="D1MT one meter, D1IT one badged item (values C O12); column name not found (inferred)"),
        descr(f"{TYPE_MAP}.DESCR100"),
        version(),
    ),
    ("D1_SP_TYPE_CD",),
    "MDM service point type (MO D1-SPTYPE), from the CC&B SP types through the master configuration.",
    entity="D1_SP_TYPE", owner_column="D1_SP_TYPE_CD", legacy_file="", seed_step=9, product="mdm",
)

D1_US_TYPE = Table(
    "D1_US_TYPE",
    (
        char("US_TYPE_CD", 30, default=None, confidence="I", sources=("CI_SA.SA_TYPE_CD", f"{TYPE_MAP}.MDM_CODE")),
        bo("D1-UsageSubscriptionType", confidence="I"),
        descr(f"{TYPE_MAP}.DESCR100"),
        version(),
    ),
    ("US_TYPE_CD",),
    "Usage subscription type, from CC&B SA types through the SA Type Mapping extendable lookup (C S15); "
    "table name and BO inferred.",
    entity="D1_US_TYPE", owner_column="US_TYPE_CD", legacy_file="", seed_step=9, product="mdm", confidence="I",
)

D1_DVC_TYPE = Table(
    "D1_DVC_TYPE",
    (
        char("DEVICE_TYPE_CD", 30, default=None, confidence="P", sources=("CI_MTR.MTR_TYPE_CD", "CI_ITEM.ITEM_TYPE_CD", f"{TYPE_MAP}.MDM_CODE")),
        bo("D1-DeviceType", confidence="I"),
        char("D1_SVC_TYPE_CD", 30, confidence="I", sources=(f"{TYPE_MAP}.SVC_TYPE_CD",)),
        descr(f"{TYPE_MAP}.DESCR100"),
        version(),
    ),
    ("DEVICE_TYPE_CD",),
    "Device type (label table D1_DVC_TYPE_L is P), from CC&B meter and item types; table name and BO inferred.",
    entity="D1_DVC_TYPE", owner_column="DEVICE_TYPE_CD", legacy_file="", seed_step=9, product="mdm", confidence="I",
)

D1_DVC_CFG_TYPE = Table(
    "D1_DVC_CFG_TYPE",
    (
        char("DEVICE_CONFIG_TYPE_CD", 30, default=None, confidence="P",
             sources=("CI_MTR_CONFIG.MTR_CONFIG_TY_CD", "CI_ITEM.ITEM_TYPE_CD", f"{TYPE_MAP}.MDM_CODE")),
        bo("D1-DeviceConfigurationType", confidence="I"),
        char("D1_SVC_TYPE_CD", 30, confidence="P", sources=(f"{TYPE_MAP}.SVC_TYPE_CD",)),
        descr(f"{TYPE_MAP}.DESCR100"),
        version(),
    ),
    ("DEVICE_CONFIG_TYPE_CD",),
    "Device configuration type (carries the service type, P), from CC&B meter configuration types and item types.",
    entity="D1_DVC_CFG_TYPE", owner_column="DEVICE_CONFIG_TYPE_CD", legacy_file="", seed_step=9, product="mdm",
)

D1_MEASR_COMP_TYPE = Table(
    "D1_MEASR_COMP_TYPE",
    (
        vchar("MEASR_COMP_TYPE_CD", 30, default=None, confidence="P",
              sources=("CI_REG.UOM_CD", "CI_REG.TOU_CD", f"{TYPE_MAP}.MDM_CODE")),
        bo("D1-MeasuringComponentType", confidence="I"),
        char("UOM_CD", 30, default=None, confidence="I", sources=(f"{TYPE_MAP}.CCB_CODE",)),
        char("TOU_CD", 30, confidence="I", sources=(f"{TYPE_MAP}.CCB_CODE2",), description="blank: no time of use"),
        descr(f"{TYPE_MAP}.DESCR100"),
        version(),
    ),
    ("MEASR_COMP_TYPE_CD",),
    "Measuring component type, from CC&B register UOM/TOU (interval profile types via the master configuration, "
    "C S3); table name and columns inferred.",
    entity="D1_MEASR_COMP_TYPE", owner_column="MEASR_COMP_TYPE_CD", legacy_file="", seed_step=9, product="mdm", confidence="I",
)

# ---------------------------------------------------------------- step 10: contact, service point, usage subscription
D1_CONTACT = Table(
    "D1_CONTACT",
    (
        mkey("CONTACT_ID", confidence="I", sources=("CI_PER.PER_ID",)),
        bo(None, sources=(f"{TYPE_MAP}.DESCR100",),
           description="master configuration setting contact_bo: D1-Contact, the person-or-business switchable BO, "
                       "exists from 26.10 (C O6); an earlier target release names its own"),
        char("PER_OR_BUS_FLG", 4, default=None, confidence="I", sources=("CI_PER.PER_OR_BUS_FLG",),
             description="column and values not found: CC&B's P/B carried over (inferred)"),
        bo_status("ACTIVE", "ACTIVE (inferred)", confidence="I"),
        version(),
    ),
    ("CONTACT_ID",),
    "MDM contact, 1:1 with a CC&B person, CC&B the system of record (C); the BO is C from 26.10 (O6). Columns other "
    "than the key and BO not found in the reference: inferred, so the table's layout is I.",
    entity="D1_CONTACT", owner_column="CONTACT_ID", legacy_file="", seed_step=10, product="mdm", confidence="I",
    key_sources=("CI_PER.PER_ID",),
)

D1_CONTACT_IDENTIFIER = Table(
    "D1_CONTACT_IDENTIFIER",
    (
        mkey("CONTACT_ID", fk="D1_CONTACT.CONTACT_ID", sources=("D1_CONTACT.CONTACT_ID",)),
        char("CONTACT_ID_TYPE_FLG", 4, default="D1EI", confidence="P", description="D1EI = CC&B PER_ID (P G2)"),
        vchar("ID_VALUE", 120, default=None, sources=("CI_PER.PER_ID",), confidence="P"),
        version(),
    ),
    ("CONTACT_ID", "CONTACT_ID_TYPE_FLG"),
    "Contact identifier: the CC&B person id (D1EI), so MDM finds the CIS person.",
    entity="D1_CONTACT", owner_column="CONTACT_ID", legacy_file="", seed_step=10, product="mdm",
)

D1_CONTACT_NAME = Table(
    "D1_CONTACT_NAME",
    (
        mkey("CONTACT_ID", fk="D1_CONTACT.CONTACT_ID", sources=("D1_CONTACT.CONTACT_ID",)),
        num("SEQ_NUM", 3, default=1, confidence="I", sources=("CI_PER_NAME.SEQ_NUM",)),
        vchar("NAME_VALUE", 254, default=None, confidence="P", sources=("CI_PER_NAME.ENTITY_NAME",)),
        char("PRIM_NAME_SW", 1, default="Y", confidence="I", sources=("CI_PER_NAME.PRIM_NAME_SW",)),
        version(),
    ),
    ("CONTACT_ID", "SEQ_NUM"),
    "Contact name: the person's primary CC&B name. NAME_VALUE is P (G2); key and other columns inferred.",
    entity="D1_CONTACT", owner_column="CONTACT_ID", legacy_file="", seed_step=10, product="mdm", confidence="I",
)

D1_SP = Table(
    "D1_SP",
    (
        mkey("D1_SP_ID", sources=("CI_SP.SP_ID",), description="12-char MDM key; CC&B's SP_ID is kept as identifier D1EI"),
        char("D1_SP_TYPE_CD", 30, default=None, confidence="P", sources=("CI_SP.SP_TYPE_CD", f"{TYPE_MAP}.MDM_CODE"),
             description="the type column is D1_SP_TYPE_CD (P G1, G2); value from step 9's type map"),
        bo("X1D-ServicePoint", description="X1D-ServicePoint in CCS (C S2)"),
        bo_status(None, "ACTIVE (P) when CC&B SP_STATUS_FLG is R, INACTIVE otherwise (inferred)",
                  sources=("CI_SP.SP_STATUS_FLG",)),
        reason(),
        char("SP_SRC_STAT_FLG", 4, default=None, confidence="P", sources=("CI_SP.SP_SRC_STATUS_FLG",),
             description="D1CN connected / D1DC disconnected (values P) from CC&B's SP source status C / D (CC&B values "
                         "inferred); blank when CC&B's is blank (not known), never rebuilt from SP_STATUS_FLG"),
        char("DISCONN_LOC_FLG", 4, confidence="P", description="D1DV device / D1SR source; blank: not known in CC&B"),
        char("TIME_ZONE_CD", 10, confidence="P", sources=("CI_PREM.TIME_ZONE_CD",)),
        vchar("MSRMT_CYC_CD", 30, confidence="P", sources=("CI_SP.MR_CYC_CD",), description="CC&B read cycle (inferred pair)"),
        vchar("MSRMT_CYC_RTE_CD", 30, confidence="P", sources=("CI_SP.MR_RTE_CD",)),
        num("MSRMT_CYC_RTE_SEQ", 8, confidence="P", sources=("CI_SP.MR_CYC_RTE_SEQ",)),
        char("MKT_CD", 30, confidence="P", description="type and length not found (inferred)"),
        vchar("DIVISION_CD", 30, confidence="P", sources=("CI_PREM.CIS_DIVISION",)),
        char("ACCESS_GRP_CD", 12, confidence="P", description="REST accessGroup max 12 (C O2); blank: default group (I)"),
        char("D1_LS_SL_FLG", 4, confidence="P", description="type and length not found (inferred)"),
        vchar("D1_LS_SL_DESCR", 254, confidence="P", description="type and length not found (inferred)"),
        vchar("D1_GEO_LAT", 30, confidence="P", description="type and length not found (inferred)"),
        vchar("D1_GEO_LONG", 30, confidence="P", description="type and length not found (inferred)"),
        vchar("ADDRESS1", 254, confidence="P", sources=("CI_PREM.ADDRESS1",), description="premise address -> SP address (I)"),
        vchar("ADDRESS2", 254, confidence="P", sources=("CI_PREM.ADDRESS2",)),
        vchar("ADDRESS3", 254, confidence="P", sources=("CI_PREM.ADDRESS3",)),
        vchar("ADDRESS4", 254, confidence="P", sources=("CI_PREM.ADDRESS4",)),
        vchar("ADDRESS1_UPPER", 254, confidence="P", sources=("CI_PREM.ADDRESS1_UPR",)),
        vchar("CITY", 90, confidence="P", sources=("CI_PREM.CITY",)),
        vchar("CITY_UPPER", 90, confidence="P", sources=("CI_PREM.CITY_UPR",)),
        vchar("COUNTY", 90, confidence="P", sources=("CI_PREM.COUNTY",)),
        char("STATE", 6, confidence="P", sources=("CI_PREM.STATE",)),
        char("POSTAL", 12, confidence="P", sources=("CI_PREM.POSTAL",)),
        char("COUNTRY", 3, confidence="P", sources=("CI_PREM.COUNTRY",)),
        char("IN_CITY_LIMIT", 1, confidence="P", sources=("CI_PREM.IN_CITY_LIMIT",), description="length inferred"),
        *stamps("CI_SP.INSTALL_DT"),
        version(),
    ),
    ("D1_SP_ID",),
    "MDM service point (BO X1D-ServicePoint), one per CC&B SP; linked back through D1_SP_IDENTIFIER D1EI/D1EP (P).",
    entity="D1_SP", owner_column="D1_SP_ID", legacy_file="", seed_step=10, product="mdm",
    key_sources=("CI_SP.SP_ID",),
)

D1_SP_IDENTIFIER = Table(
    "D1_SP_IDENTIFIER",
    (
        mkey("D1_SP_ID", fk="D1_SP.D1_SP_ID", sources=("D1_SP.D1_SP_ID",)),
        char("SP_ID_TYPE_FLG", 4, default=None, confidence="P", description="D1EI = CC&B SP_ID, D1EP = CC&B PREM_ID (P)"),
        vchar("ID_VALUE", 120, default=None, confidence="P", sources=("CI_SP.SP_ID", "CI_SP.PREM_ID")),
        version(),
    ),
    ("D1_SP_ID", "SP_ID_TYPE_FLG"),
    "SP identifiers: the CC&B SP (D1EI) and its premise (D1EP). Primary key inferred.",
    entity="D1_SP", owner_column="D1_SP_ID", legacy_file="", seed_step=10, product="mdm",
)

D1_US = Table(
    "D1_US",
    (
        mkey("US_ID", sources=("CI_SA.SA_ID",)),
        bo("D1-UsageSubscription", description="C O2"),
        bo_status(None, "ACTIVE for SA status 20/30, INACTIVE for 40/60 (values P, mapping inferred)",
                  sources=("CI_SA.SA_STATUS_FLG",)),
        reason(),
        char("US_TYPE_CD", 30, default=None, confidence="P", sources=("CI_SA.SA_TYPE_CD", f"{TYPE_MAP}.MDM_CODE"),
             description="SA type through the SA Type Mapping (C S15)"),
        char("D1_SPR_CD", 30, confidence="P"),
        char("USG_APPR_REQ_FLG", 4, default=None, confidence="P", sources=(f"{TYPE_MAP}.DESCR100",),
             description="master configuration setting us_appr_req_flg (demo D1NR: seen, P; meaning not found)"),
        ts("START_DTTM", confidence="P", sources=("CI_SA.START_DT",)),
        ts("END_DTTM", nullable=True, confidence="P", sources=("CI_SA.END_DT",)),
        *stamps("CI_SA.START_DT"),
        version(),
        char("US_STAT_COND_FLG", 4, default=None, confidence="P", sources=(f"{TYPE_MAP}.DESCR100",),
             description="master configuration setting us_stat_cond_flg (demo D1AC: seen, P; meaning not found)"),
        char("TIME_ZONE_CD", 10, confidence="P"),
        char("D1_BILL_CYC_CD", 30, confidence="P", sources=("CI_ACCT.BILL_CYC_CD",), description="account attribute on the US (C: MDM has no account)"),
        char("US_MP_ID", 12, confidence="P", description="type and length not found (inferred); blank: no market participant"),
        ts("MOST_RECENT_TRANS_DTTM", nullable=True, confidence="P", description="nullability inferred"),
        vchar("DIVISION_CD", 30, confidence="P", sources=("CI_SA.CIS_DIVISION",)),
        char("ACCESS_GRP_CD", 12, confidence="P"),
    ),
    ("US_ID",),
    "Usage subscription, one per CC&B SA (column order of G1, P). Account attributes live on the US (C).",
    entity="D1_US", owner_column="US_ID", legacy_file="", seed_step=10, product="mdm",
    key_sources=("CI_SA.SA_ID",),
)

D1_US_IDENTIFIER = Table(
    "D1_US_IDENTIFIER",
    (
        mkey("US_ID", fk="D1_US.US_ID", sources=("D1_US.US_ID",)),
        char("US_ID_TYPE_FLG", 4, default=None, confidence="P", description="D2EI = CC&B SA_ID, D2EA = CC&B ACCT_ID (P, two sites)"),
        vchar("ID_VALUE", 120, default=None, confidence="P", sources=("CI_SA.SA_ID", "CI_SA.ACCT_ID")),
        version(),
    ),
    ("US_ID", "US_ID_TYPE_FLG"),
    "US identifiers: the CC&B SA (D2EI) and account (D2EA, the externalAccountId). Primary key inferred.",
    entity="D1_US", owner_column="US_ID", legacy_file="", seed_step=10, product="mdm",
)

D1_US_SP = Table(
    "D1_US_SP",
    (
        mkey("US_ID", fk="D1_US.US_ID", sources=("CI_SA_SP.SA_ID", "D1_US.US_ID")),
        mkey("D1_SP_ID", fk="D1_SP.D1_SP_ID", sources=("CI_SA_SP.SP_ID", "D1_SP.D1_SP_ID")),
        ts("START_DTTM", sources=("CI_SA_SP.START_DTTM",)),
        ts("D1_STOP_DTTM", nullable=True, sources=("CI_SA_SP.STOP_DTTM",)),
        char("D1_USAGE_FLG", 4, default=None, confidence="P", sources=(f"{TYPE_MAP}.DESCR100",),
             description="master configuration setting us_sp_usage_flg (demo D1AD: seen, P; meaning not found)"),
        num("USE_PERCENT", 3, default=100, sources=("CI_SA_SP.USE_PCT",)),
        version(),
        ts("OVRD_START_DTTM", nullable=True, confidence="P"),
        ts("OVRD_STOP_DTTM", nullable=True, confidence="P"),
    ),
    ("US_ID", "D1_SP_ID", "START_DTTM"),
    "US/SP link from CC&B's SA/SP (column order P G1; key inferred).",
    entity="D1_US", owner_column="US_ID", legacy_file="", seed_step=10, product="mdm",
)

D1_US_CONTACT = Table(
    "D1_US_CONTACT",
    (
        mkey("US_ID", fk="D1_US.US_ID", sources=("D1_US.US_ID",)),
        mkey("CONTACT_ID", fk="D1_CONTACT.CONTACT_ID", sources=("CI_ACCT_PER.PER_ID", "D1_CONTACT.CONTACT_ID")),
        char("US_CNTCT_REL_FLG", 4, default=None, confidence="I", sources=("CI_ACCT_PER.MAIN_CUST_SW", f"{TYPE_MAP}.DESCR100"),
             description="master configuration setting us_contact_rel_flg for the account's main customer (values not "
                         "found; demo D1MC inferred)"),
        version(),
    ),
    ("US_ID", "CONTACT_ID"),
    "US contact: the main customer of the SA's account (P G2 columns; key and value inferred).",
    entity="D1_US", owner_column="US_ID", legacy_file="", seed_step=10, product="mdm",
)

# ---------------------------------------------------------------- step 11: device, configuration, measuring component
D1_DVC = Table(
    "D1_DVC",
    (
        mkey("D1_DEVICE_ID", sources=("CI_MTR.MTR_ID", "CI_ITEM.ITEM_ID")),
        char("DEVICE_TYPE_CD", 30, default=None, sources=("CI_MTR.MTR_TYPE_CD", "CI_ITEM.ITEM_TYPE_CD", f"{TYPE_MAP}.MDM_CODE")),
        bo(None, confidence="I", sources=(f"{TYPE_MAP}.BUS_OBJ_CD",),
           description="from the device type's configuration: D1-SmartMeter (C O5) for smart meters; manual-meter and item BO names not found (inferred)"),
        bo_status(None, "ACTIVE, RETIRED when the CC&B meter/item is retired (values P)",
                  sources=("CI_MTR.MTR_STATUS_FLG", "CI_ITEM.ITEM_STATUS_FLG")),
        reason(),
        char("MANUFACTURER_CD", 30, confidence="P", sources=("CI_MTR.MFG_CD", "CI_ITEM.MFG_CD")),
        char("D1_MODEL_CD", 30, confidence="P", sources=("CI_MTR.MODEL_CD", "CI_ITEM.MODEL_CD")),
        char("D1_SPR_CD", 30, confidence="P"),
        char("ACCESS_GRP_CD", 12, confidence="P"),
        char("ARMING_REQ_FLG", 4, confidence="P", description="type and length not found (inferred)"),
        char("HEAD_END_REGISTR_STATUS_FLG", 4, confidence="P", description="type and length not found (inferred)"),
        char("IN_DATA_SHIFT_FLG", 4, confidence="P", description="type and length not found (inferred)"),
        char("D1_CMD_SET_CD", 30, confidence="P", description="type and length not found (inferred)"),
        *stamps("CI_MTR.RECEIVE_DT", "CI_ITEM.RECEIVE_DT"),
        version(),
    ),
    ("D1_DEVICE_ID",),
    "MDM device, one per CC&B meter and per CC&B item (C S2: Migrate Meter/Item). Columns P G2; VERSION inferred.",
    entity="D1_DVC", owner_column="D1_DEVICE_ID", legacy_file="", seed_step=11, product="mdm",
    key_sources=("CI_MTR.MTR_ID", "CI_ITEM.ITEM_ID"),
)

D1_DVC_IDENTIFIER = Table(
    "D1_DVC_IDENTIFIER",
    (
        mkey("D1_DEVICE_ID", fk="D1_DVC.D1_DEVICE_ID", sources=("D1_DVC.D1_DEVICE_ID",)),
        char("DVC_ID_TYPE_FLG", 4, default=None, confidence="P", description="D1SN serial, D1BN badge, D1AS ODM asset (P G2)"),
        vchar("ID_VALUE", 120, default=None, confidence="P",
              sources=("CI_MTR.SERIAL_NBR", "CI_MTR.BADGE_NBR", "CI_ITEM.SERIAL_NBR", "CI_ITEM.BADGE_NBR", "W1_ASSET.ASSET_ID")),
        version(),
    ),
    ("D1_DEVICE_ID", "DVC_ID_TYPE_FLG"),
    "Device identifiers: serial (when CC&B has one), badge, and the ODM asset it is bound to (device -> asset, C O10).",
    entity="D1_DVC", owner_column="D1_DEVICE_ID", legacy_file="", seed_step=11, product="mdm",
)

D1_DVC_CFG = Table(
    "D1_DVC_CFG",
    (
        mkey("DEVICE_CONFIG_ID", sources=("CI_MTR_CONFIG.MTR_CONFIG_ID", "CI_ITEM.ITEM_ID")),
        mkey("D1_DEVICE_ID", fk="D1_DVC.D1_DEVICE_ID", sources=("CI_MTR_CONFIG.MTR_ID", "D1_DVC.D1_DEVICE_ID")),
        char("DEVICE_CONFIG_TYPE_CD", 30, default=None, confidence="P",
             sources=("CI_MTR_CONFIG.MTR_CONFIG_TY_CD", "CI_ITEM.ITEM_TYPE_CD", f"{TYPE_MAP}.MDM_CODE")),
        ts("EFF_DTTM", confidence="P", sources=("CI_MTR_CONFIG.EFF_DTTM", "CI_ITEM.RECEIVE_DT"),
           description="items: receive date (1900-01-01 when unknown), inferred"),
        bo("D1-DeviceConfiguration", description="C O5"),
        bo_status("ACTIVE", "ACTIVE (inferred)", confidence="I"),
        reason(),
        char("TIME_ZONE_CD", 10, confidence="P"),
        version(),
    ),
    ("DEVICE_CONFIG_ID",),
    "Device configuration: one per CC&B meter configuration, and one per item (an item has none in CC&B; inferred).",
    entity="D1_DVC_CFG", owner_column="DEVICE_CONFIG_ID", legacy_file="", seed_step=11, product="mdm",
    key_sources=("CI_MTR_CONFIG.MTR_CONFIG_ID", "CI_ITEM.ITEM_ID"),
)

D1_MEASR_COMP = Table(
    "D1_MEASR_COMP",
    (
        mkey("MEASR_COMP_ID", sources=("CI_REG.REG_ID",)),
        mkey("DEVICE_CONFIG_ID", fk="D1_DVC_CFG.DEVICE_CONFIG_ID", sources=("CI_REG.MTR_ID", "D1_DVC_CFG.DEVICE_CONFIG_ID")),
        vchar("MEASR_COMP_TYPE_CD", 30, default=None, sources=("CI_REG.UOM_CD", "CI_REG.TOU_CD", f"{TYPE_MAP}.MDM_CODE")),
        bo(None, confidence="C", sources=(f"{TYPE_MAP}.BUS_OBJ_CD",), description="D1-Register (scalar) / D1-IntervalChannel (C O5), per MC type"),
        bo_status("ACTIVE", "ACTIVE (inferred)", confidence="I"),
        char("MEASR_COMP_USAGE_FLG", 4, description="blank: value set not found"),
        num("D1_NBR_OF_DGTS_LFT", 5, sources=("CI_REG.NBR_OF_DGTS_LFT",)),
        num("D1_NBR_OF_DGTS_RGT", 5, sources=("CI_REG.NBR_OF_DGTS_RGT",)),
        num("MEASR_COMP_MULTIPLIER", 12, 6, default=1, sources=("CI_REG.REG_CONST",)),
        char("TIME_ZONE_CD", 10),
        ts("LATEST_MSRMT_DTTM", nullable=True),
        num("D1_READ_SEQ", 5, sources=("CI_REG.READ_SEQ",)),
        char("USER_ID", 12),
        ts("CRE_DTTM", nullable=True, confidence="I", sources=("CI_REG.EFF_DTTM",)),
        ts("STATUS_UPD_DTTM", confidence="I", sources=("CI_REG.EFF_DTTM",)),
        reason(),
        version(),
        num("D1_FULL_SCALE", 18, 7, sources=("CI_REG.FULL_SCALE",)),
        ts("MOST_RECENT_MSRMT_DTTM", nullable=True),
        ts("MOST_RECENT_NON_EST_MSRMT_DTTM", nullable=True),
        ts("ADJ_LATEST_MSRMT_DTTM", nullable=True),
        num("MOST_RECENT_MSRMT_READING_VAL", 16, 6, default=None, nullable=True),
        char("MOST_RECENT_MSRMT_READING_COND", 6, default=None, nullable=True),
        char("ATTR_VAL_ID", 12, default=None, nullable=True),
        char("ACCESS_GRP_CD", 12, default=None, nullable=True),
    ),
    ("MEASR_COMP_ID",),
    "Measuring component, one per CC&B register, on its meter's device configuration. Columns and NOT NULL as the "
    "G1 DDL (P); the nullable columns after D1_FULL_SCALE are NULL (no measurement migrated yet).",
    entity="D1_MEASR_COMP", owner_column="MEASR_COMP_ID", legacy_file="", seed_step=11, product="mdm",
    key_sources=("CI_REG.REG_ID",),
)

# ---------------------------------------------------------------- step 12: install events
D1_INSTALL_EVT = Table(
    "D1_INSTALL_EVT",
    (
        mkey("INSTALL_EVT_ID", confidence="I", sources=("CI_SP_MTR_HIST.SP_MTR_HIST_ID", "CI_SP_ITEM_HIST.SP_ITEM_HIST_ID"),
             description="Oracle's is a system-assigned random number (C S13); this one is the project's deterministic "
                         "12-digit key (MD5 of the history), so reruns give the same key (I)"),
        mkey("D1_SP_ID", fk="D1_SP.D1_SP_ID", sources=("CI_SP_MTR_HIST.SP_ID", "CI_SP_ITEM_HIST.SP_ID", "D1_SP.D1_SP_ID")),
        mkey("DEVICE_CONFIG_ID", fk="D1_DVC_CFG.DEVICE_CONFIG_ID",
             sources=("CI_SP_MTR_HIST.MTR_CONFIG_ID", "CI_SP_ITEM_HIST.ITEM_ID", "D1_DVC_CFG.DEVICE_CONFIG_ID")),
        ts("D1_INSTALL_DTTM", nullable=True, sources=("CI_MR.READ_DTTM", "CI_SP_ITEM_EVT.EVENT_DTTM"),
           description="the install event's meter read time (item: install event time)"),
        ts("D1_REMOVAL_DTTM", nullable=True, sources=("CI_SP_MTR_HIST.REMOVAL_DTTM", "CI_SP_ITEM_EVT.EVENT_DTTM")),
        num("INSTALLATION_CONST", 12, 6, default=1, sources=("CI_SP_MTR_HIST.INSTALL_CONST",), description="items: 1"),
        bo(None, sources=(f"{TYPE_MAP}.EVT_BUS_OBJ_CD",),
           description="D1-SmartMeterInstallEvent, D1-ManualMeterInstallEvent, D1-ItemInstallEvent (C), by device type"),
        bo_status(None, "ON/OFF while installed (the install event's meter on/off flag), REMOVE once removed (values P)",
                  sources=("CI_SP_MTR_EVT.MTR_ON_OFF_FLG", "CI_SP_MTR_HIST.REMOVAL_DTTM", "CI_SP_ITEM_EVT.SP_ITEM_EVT_FLG")),
        reason(),
        ts("STATUS_UPD_DTTM", confidence="I", sources=("CI_MR.READ_DTTM", "CI_SP_MTR_HIST.REMOVAL_DTTM", "CI_SP_ITEM_EVT.EVENT_DTTM")),
        ts("CRE_DTTM", confidence="I", sources=("CI_MR.READ_DTTM", "CI_SP_ITEM_EVT.EVENT_DTTM")),
        version(),
        char("ARM_STAT_FLG", 4, default=None, nullable=True, confidence="P",
             description="D1AM armed / D1NA not armed (P); nullable in the production copy (P G1): NULL, no arming "
                         "state is migrated"),
    ),
    ("INSTALL_EVT_ID",),
    "Install event, one per CC&B SP/meter history and SP/item history (C S2: Migrate SP Meter/Item History). "
    "Columns and order as the G1 DDL (P).",
    entity="D1_INSTALL_EVT", owner_column="INSTALL_EVT_ID", legacy_file="", seed_step=12, product="mdm",
    key_sources=("CI_SP_MTR_HIST.SP_MTR_HIST_ID", "CI_SP_ITEM_HIST.SP_ITEM_HIST_ID"),
)

ADMIN_TABLES: tuple[Table, ...] = (D1_SP_TYPE, D1_US_TYPE, D1_DVC_TYPE, D1_DVC_CFG_TYPE, D1_MEASR_COMP_TYPE)

# Order matters: parents before children.
MDM_TABLES: tuple[Table, ...] = (
    D1_CONTACT, D1_CONTACT_IDENTIFIER, D1_CONTACT_NAME,
    D1_SP, D1_SP_IDENTIFIER, D1_US, D1_US_IDENTIFIER, D1_US_SP, D1_US_CONTACT,
    D1_DVC, D1_DVC_IDENTIFIER, D1_DVC_CFG, D1_MEASR_COMP, D1_INSTALL_EVT,
)
