"""CC&B master-data tables of the legacy-CIS scenario (Oracle steps 1-8).

Names, lengths and keys come from ../shared/reference/ccs-data-model.md (section 3);
each column carries its confidence. Rows follow OUAF conventions
(ccs-load-files.md section 5): every column is NOT NULL except optional dates,
an unused CHAR holds one blank, an absent optional key a blank key, an unused
number 0.
"""

from __future__ import annotations

from .model import Column, Table


def key(name: str, kind: str = "ccb10", fk: str | None = None, nullable_blank: bool = False, **kw) -> Column:
    length = 12 if kind in ("ccb12", "mdm12") else 10
    return Column(name, "char", length, key_kind=kind, fk=fk, default=" " if nullable_blank else None, **kw)


def char(name: str, n: int, default: str | None = " ", **kw) -> Column:
    return Column(name, "char", n, default=default, **kw)


def vchar(name: str, n: int, default: str | None = " ", **kw) -> Column:
    return Column(name, "varchar", n, default=default, **kw)


def num(name: str, precision: int = 18, scale: int = 0, default: int | None = 0, **kw) -> Column:
    return Column(name, "number", precision, scale, default=default, **kw)


def date(name: str, nullable: bool = False, **kw) -> Column:
    return Column(name, "date", nullable=nullable, **kw)


def ts(name: str, nullable: bool = False, **kw) -> Column:
    return Column(name, "timestamp", nullable=nullable, **kw)


def addr_extras() -> tuple[Column, ...]:
    """The ADDR block's columns (reference section 3) the legacy interface has no source for: OUAF blanks."""
    return (char("NUM1", 6), char("NUM2", 4), char("HOUSE_TYPE", 2), char("GEO_CODE", 11),
            char("IN_CITY_LIMIT", 1, description="blank: not known (I: a Y/N switch in CC&B)"))


def version() -> Column:
    return num("VERSION", 5, default=1, description="OUAF optimistic-lock version; 1 for a new row", confidence="P")


CI_PER = Table(
    "CI_PER",
    (
        key("PER_ID", confidence="C"),
        char("LANGUAGE_CD", 3, sources=("customers.language",)),
        char("PER_OR_BUS_FLG", 2, confidence="P", description="P person, B business", sources=("customers.cust_type",)),
        char("LS_SL_FLG", 2, description="life support / sensitive load flag; blank when unknown"),
        vchar("LS_SL_DESCR", 1000),
        vchar("EMAILID", 70, sources=("customers.email",)),
        vchar("OVRD_MAIL_NAME1", 254), vchar("OVRD_MAIL_NAME2", 254), vchar("OVRD_MAIL_NAME3", 254),
        vchar("ADDRESS1", 254, sources=("customers.mail_address1",)),
        vchar("ADDRESS2", 254, sources=("customers.mail_address2",)),
        vchar("ADDRESS3", 254), vchar("ADDRESS4", 254),
        vchar("CITY", 90, sources=("customers.mail_city",)),
        vchar("COUNTY", 90),
        char("POSTAL", 12, sources=("customers.mail_postal",)),
        char("STATE", 6, sources=("customers.mail_state",)),
        char("COUNTRY", 3, sources=("customers.mail_country",)),
        *addr_extras(),
        char("RECV_MKTG_INFO_FLG", 4),
        version(),
    ),
    ("PER_ID",),
    "Person: a customer of the utility (residential person or business). The ADDR block is the person's override mailing address.",
    entity="CI_PER", owner_column="PER_ID", legacy_file="customers", seed_step=1, key_table=True,
)

CI_PER_NAME = Table(
    "CI_PER_NAME",
    (
        key("PER_ID", fk="CI_PER.PER_ID"),
        num("SEQ_NUM", 3, default=1),
        vchar("ENTITY_NAME", 254, default=None, sources=("customers.last_name", "customers.first_name", "customers.business_name")),
        char("NAME_TYPE_FLG", 4, default="PRIM", description="PRIM = primary name", confidence="P"),
        char("PRIM_NAME_SW", 1, default="Y", confidence="P"),
        vchar("ENTITY_NAME_UPR", 254, default=None, sources=("customers.last_name", "customers.first_name", "customers.business_name")),
        version(),
    ),
    ("PER_ID", "SEQ_NUM"),
    "Person name. The primary name of a residential customer is 'Last,First' (setting CCS_PERSON_NAME_FORMAT; format inferred), of a business its business name.",
    entity="CI_PER", owner_column="PER_ID", legacy_file="customers", seed_step=1,
)

CI_PER_ID = Table(
    "CI_PER_ID",
    (
        key("PER_ID", fk="CI_PER.PER_ID"),
        char("ID_TYPE_CD", 8, default=None, sources=("customers.id_type",)),
        vchar("PER_ID_NBR", 36, default=None, sources=("customers.id_number",)),
        char("PRIM_SW", 1, default="Y"),
        version(),
    ),
    ("PER_ID", "ID_TYPE_CD"),
    "Person identifier (SSN, driver's licence, EIN, passport).",
    entity="CI_PER", owner_column="PER_ID", legacy_file="customers", seed_step=1,
)

CI_PER_PHONE = Table(
    "CI_PER_PHONE",
    (
        key("PER_ID", fk="CI_PER.PER_ID"),
        num("SEQ_NUM", 3, default=1, confidence="I",
            description="the S12 report layout shows SEQ_NUM (C); its length and its place in the key are inferred: "
                        "S9 gives PER_ID + phone type as the key"),
        char("PHONE_TYPE_CD", 8, default=None, sources=("customers.phone_type",)),
        char("COUNTRY_CODE", 6),
        vchar("PHONE", 24, default=None, sources=("customers.phone",), description="digits of the legacy phone"),
        char("EXTENSION", 6),
        version(),
    ),
    ("PER_ID", "SEQ_NUM"),
    "Person phone; legacy free-format phones keep their digits only. Key PER_ID + SEQ_NUM inferred (S9: PER_ID + phone "
    "type; one phone per legacy customer, so both are unique here).",
    entity="CI_PER", owner_column="PER_ID", legacy_file="customers", seed_step=1,
)

CI_PREM = Table(
    "CI_PREM",
    (
        key("PREM_ID", confidence="C"),
        char("PREM_TYPE_CD", 8, default=None, sources=("premises.premise_type",)),
        char("CIS_DIVISION", 5, default=None, sources=("premises.division",)),
        char("LL_ID", 10),
        char("KEY_SW", 1, default="N"),
        char("KEY_ID", 10, confidence="I", description="length not in the reference (inferred)"),
        char("OK_TO_ENTER_SW", 1, default="N"),
        char("MR_INSTR_CD", 4), char("MR_WARN_CD", 4), char("TREND_AREA_CD", 8),
        vchar("ADDRESS1", 254, default=None, sources=("premises.address1",)),
        vchar("ADDRESS2", 254, sources=("premises.address2",)),
        vchar("ADDRESS3", 254), vchar("ADDRESS4", 254),
        vchar("CITY", 90, default=None, sources=("premises.city",)),
        vchar("COUNTY", 90),
        char("POSTAL", 12, default=None, sources=("premises.postal",)),
        char("STATE", 6, default=None, sources=("premises.state",)),
        char("COUNTRY", 3, default=None, sources=("premises.country",)),
        *addr_extras(),
        vchar("ADDRESS1_UPR", 254, default=None, sources=("premises.address1",)),
        vchar("CITY_UPR", 90, default=None, sources=("premises.city",)),
        char("MAIL_ADDR_SW", 1, default="N"),
        char("TIME_ZONE_CD", 10),
        key("PRNT_PREM_ID", fk="CI_PREM.PREM_ID", nullable_blank=True, sources=("premises.parent_premise_no",),
            description="parent premise (an apartment's building); blank when none"),
        version(),
    ),
    ("PREM_ID",),
    "Premise: a service address.",
    entity="CI_PREM", owner_column="PREM_ID", legacy_file="premises", seed_step=1, key_table=True,
)

CI_ACCT = Table(
    "CI_ACCT",
    (
        key("ACCT_ID", confidence="C"),
        char("BILL_CYC_CD", 4, default=None, sources=("accounts.bill_cycle",)),
        date("SETUP_DT", sources=("accounts.setup_date",)),
        char("CURRENCY_CD", 3, default=None, sources=("accounts.currency",)),
        char("ACCT_MGMT_GRP_CD", 10),
        char("CIS_DIVISION", 5, default=None, sources=("accounts.division",)),
        key("MAILING_PREM_ID", fk="CI_PREM.PREM_ID", nullable_blank=True, sources=("accounts.mailing_premise_no",),
            description="optional mailing premise; blank when none", confidence="P"),
        char("COLL_CL_CD", 10),
        char("CUST_CL_CD", 8, default=None, sources=("accounts.customer_class",)),
        char("BUD_PLAN_CD", 8),
        char("ACCESS_GRP_CD", 12, description="blank: the installation's default access group applies (I)"),
        date("BILL_AFTER_DT", nullable=True),
        date("CR_REVIEW_DT", nullable=True),
        vchar("ALERT_INFO", 254, confidence="I", description="type and length not in the reference (inferred)"),
        char("PROTECT_CYC_SW", 1, default="N", confidence="I", description="the reference lists PROTECT_*_SW; the three names are inferred"),
        char("PROTECT_PREM_SW", 1, default="N", confidence="I"),
        char("PROTECT_DIV_SW", 1, default="N", confidence="I"),
        char("NO_DEP_RVW_SW", 1, default="N", description="length inferred (a switch)"),
        version(),
    ),
    ("ACCT_ID",),
    "Account: the billing relationship.",
    entity="CI_ACCT", owner_column="ACCT_ID", legacy_file="accounts", seed_step=1, key_table=True,
)

CI_ACCT_PER = Table(
    "CI_ACCT_PER",
    (
        key("ACCT_ID", fk="CI_ACCT.ACCT_ID"),
        key("PER_ID", fk="CI_PER.PER_ID", sources=("accounts.main_cust_no", "account_parties.cust_no")),
        char("ACCT_REL_TYPE_CD", 8, default=None, sources=("account_parties.relationship",),
             description="main customer: setting CCS_MAIN_CUST_REL_TYPE (default MAIN, inferred)"),
        char("MAIN_CUST_SW", 1, default="N"),
        char("FIN_RESP_SW", 1, default="N", sources=("account_parties.financially_responsible",)),
        char("THRD_PTY_SW", 1, default="N"),
        char("RECEIVE_COPY_SW", 1, default="N", sources=("account_parties.receives_copy",)),
        char("BILL_ADDR_SRCE_FLG", 4),
        char("BILL_RTE_TYPE_CD", 8),
        char("BILL_FORMAT_FLG", 2),
        num("NBR_BILL_COPIES", 3, default=0),
        char("NOTIFY_SW", 1, default="N", description="length inferred (a switch)"),
        char("WEB_ACCESS_FLG", 4),
        vchar("CUST_PO_ID", 20),
        version(),
    ),
    ("ACCT_ID", "PER_ID"),
    "Account-person relationship: the main customer (MAIN_CUST_SW Y) and other parties.",
    entity="CI_ACCT", owner_column="ACCT_ID", legacy_file="accounts", seed_step=1,
)

CI_SP = Table(
    "CI_SP",
    (
        key("SP_ID", confidence="C"),
        key("PREM_ID", fk="CI_PREM.PREM_ID", sources=("service_points.premise_no",)),
        char("SP_TYPE_CD", 8, default=None, sources=("premises.division", "service_points.service_type", "service_points.sp_kind"),
             description="from the sp_type code map keyed by (premise division, service type, SP kind)"),
        char("SP_STATUS_FLG", 2, default=None, confidence="I", sources=("service_points.status",),
             description="R in service (ACTIVE), I inactive (INACTIVE); value set inferred"),
        date("INSTALL_DT", sources=("service_points.install_date",)),
        date("ABOLISH_DT", nullable=True),
        char("SP_SRC_STATUS_FLG", 2, description="source status: C connected, D disconnected (values inferred); blank: "
                                                 "the legacy interface v1 has no source status"),
        char("DISCON_LOC_CD", 4),
        char("MR_CYC_CD", 4, sources=("service_points.read_cycle",)),
        char("MR_RTE_CD", 16, sources=("service_points.read_route",)),
        num("MR_CYC_RTE_SEQ", 8, sources=("service_points.read_sequence",)),
        char("MTR_LOC_CD", 4, sources=("service_points.meter_location",)),
        vchar("MTR_LOC_DETAILS", 250),
        char("FAC_LVL_1_CD", 8), char("FAC_LVL_2_CD", 8), char("FAC_LVL_3_CD", 8),
        char("MR_INSTR_CD", 4), char("MR_WARN_CD", 4),
        char("OVRD_PREM_FLD_INFO_FLG", 2, confidence="I", description="length not in the reference (inferred)"),
        version(),
    ),
    ("SP_ID",),
    "Service point: where a service is delivered (metered SP, or item SP such as a streetlight).",
    entity="CI_SP", owner_column="SP_ID", legacy_file="service_points", seed_step=1, key_table=True,
)

CI_SA = Table(
    "CI_SA",
    (
        key("SA_ID", confidence="C"),
        key("ACCT_ID", fk="CI_ACCT.ACCT_ID", sources=("service_agreements.acct_no",)),
        key("CHAR_PREM_ID", fk="CI_PREM.PREM_ID", sources=("service_points.premise_no",),
            description="characteristic premise: the SP's premise"),
        char("CIS_DIVISION", 5, default=None, sources=("accounts.division",)),
        char("SA_TYPE_CD", 8, default=None, sources=("accounts.division", "service_agreements.rate_code"),
             description="from the sa_type code map keyed by (account division, rate code)"),
        char("START_OPT_CD", 12),
        date("START_DT", sources=("service_agreements.start_date",)),
        date("END_DT", nullable=True, sources=("service_agreements.end_date",)),
        char("SA_STATUS_FLG", 2, default=None, sources=("service_agreements.status",),
             description="20 active, 30 pending stop, 40 stopped, 60 closed (20 P, others I)", confidence="I"),
        vchar("OLD_ACCT_ID", 36, sources=("service_agreements.acct_no",), description="legacy account number"),
        char("CUST_READ_FLG", 2, confidence="I", description="length not in the reference (inferred)"),
        char("ALLOW_EST_SW", 1, default="Y", confidence="I",
             description="Y: estimation allowed, CC&B's usual choice (inferred); N would stop estimates for every migrated SA"),
        char("SIC_CD", 8, confidence="I", description="length not in the reference (inferred)"),
        char("CURRENCY_CD", 3, default=None, sources=("accounts.currency",)),
        char("STRT_RSN_FLG", 2, confidence="I", description="length not in the reference (inferred)"),
        char("STOP_RSN_FLG", 2, confidence="I", description="length not in the reference (inferred)"),
        char("SPECIAL_USAGE_FLG", 2, confidence="I", description="length not in the reference (inferred)"),
        char("NB_RULE_CD", 12, confidence="I", description="length not in the reference (inferred)"),
        date("EXPIRE_DT", nullable=True),
        date("RENEWAL_DT", nullable=True),
        version(),
    ),
    ("SA_ID",),
    "Service agreement: the contract to deliver one service at one SP for an account.",
    entity="CI_SA", owner_column="SA_ID", legacy_file="service_agreements", seed_step=1, key_table=True,
)

CI_SA_SP = Table(
    "CI_SA_SP",
    (
        key("SA_SP_ID", confidence="C"),
        key("SA_ID", fk="CI_SA.SA_ID", sources=("service_agreements.sa_no",)),
        key("SP_ID", fk="CI_SP.SP_ID", sources=("service_agreements.sp_no",)),
        ts("START_DTTM", sources=("service_agreements.start_date",)),
        ts("STOP_DTTM", nullable=True, sources=("service_agreements.end_date",)),
        key("START_MR_ID", kind="ccb12", nullable_blank=True, description="blank: no start read migrated"),
        key("STOP_MR_ID", kind="ccb12", nullable_blank=True),
        char("USAGE_FLG", 2, default="+", confidence="I"),
        num("USE_PCT", 3, default=100),
        version(),
    ),
    ("SA_SP_ID",),
    "SA/SP link: which service point an agreement serves, from start to stop.",
    entity="CI_SA_SP", owner_column="SA_SP_ID", legacy_file="service_agreements", seed_step=1, key_table=True,
)

# ---------------------------------------------------------------- devices (Oracle steps 2 and 3)
CI_MTR = Table(
    "CI_MTR",
    (
        key("MTR_ID", confidence="C"),
        char("BADGE_NBR", 30, default=None, sources=("meters.meter_no",), description="the legacy meter number is the badge"),
        vchar("SERIAL_NBR", 16, default=None, sources=("meters.serial_no",)),
        char("MFG_CD", 8, default=None, sources=("meters.manufacturer",)),
        char("MODEL_CD", 8, sources=("meters.manufacturer", "meters.model"), description="from the model code map keyed by (manufacturer, model); blank when none"),
        char("MTR_TYPE_CD", 8, default=None, sources=("meters.meter_type",)),
        char("MTR_STATUS_FLG", 2, default=None, confidence="I", sources=("meters.status",),
             description="A active (INSTALLED, IN_STORE), R retired; value set inferred"),
        date("RECEIVE_DT", nullable=True, sources=("meters.receive_date",)),
        date("RETIRE_DT", nullable=True, sources=("meters.retire_date",)),
        char("RETIRE_RSN_CD", 4),
        version(),
    ),
    ("MTR_ID",),
    "Meter: a physical meter, identified in the field by its badge number.",
    entity="CI_MTR", owner_column="MTR_ID", legacy_file="meters", seed_step=2, key_table=True,
)

CI_MTR_CONFIG = Table(
    "CI_MTR_CONFIG",
    (
        key("MTR_CONFIG_ID", confidence="C"),
        key("MTR_ID", fk="CI_MTR.MTR_ID", sources=("registers.meter_no",)),
        ts("EFF_DTTM", sources=("registers.effective_at",), description="earliest effective_at of the meter's registers"),
        char("MTR_CONFIG_TY_CD", 12, default=None, confidence="I", sources=("meters.meter_type",),
             description="no legacy source: the meter type's CC&B code (one configuration type per meter type, inferred)"),
        version(),
    ),
    ("MTR_CONFIG_ID",),
    "Meter configuration: the set of registers a meter has from EFF_DTTM on (one per migrated meter).",
    entity="CI_MTR_CONFIG", owner_column="MTR_CONFIG_ID", legacy_file="registers", seed_step=2, key_table=True,
)

CI_REG = Table(
    "CI_REG",
    (
        key("REG_ID", confidence="C"),
        key("MTR_ID", fk="CI_MTR.MTR_ID", sources=("registers.meter_no",)),
        ts("EFF_DTTM", sources=("registers.effective_at",), description="the meter configuration's EFF_DTTM"),
        num("READ_SEQ", 3, sources=("registers.register_no",)),
        char("UOM_CD", 30, default=None, confidence="C", sources=("registers.uom",),
             description="A30 in the 26.10 report layout (C); C4 in an older public loader (P): the target release's "
                         "control file decides (CCS_CONVERSION_ARTIFACTS)"),
        char("TOU_CD", 30, confidence="C", sources=("registers.tou",), description="A30 in the 26.10 report layout (C); C8 in "
                                                                                  "an older public loader (P)"),
        num("REG_CONST", 15, 6, default=1, sources=("registers.multiplier",)),
        char("CONSUM_SUB_FLG", 2, default=None, confidence="I", sources=("registers.read_kind",),
             description="S subtractive (CONSUMPTION: consumption is the difference of reads), C consumptive (DEMAND); inferred"),
        char("HOW_TO_USE_FLG", 2, default=None, confidence="I", sources=("registers.read_kind",),
             description="+ additive (CONSUMPTION), P peak (DEMAND); inferred"),
        num("NBR_OF_DGTS_LFT", 2, sources=("registers.digits_left",)),
        num("NBR_OF_DGTS_RGT", 2, sources=("registers.digits_right",)),
        num("FULL_SCALE", 18, 6, description="largest reading the dial shows: 10^digits_left - 10^-digits_right", sources=("registers.digits_left", "registers.digits_right")),
        char("READ_OUT_TYPE_CD", 8),
        char("PROTOCOL_CD", 8),
        num("TOLERANCE", 15, 6),
        char("INTV_REG_TYPE_CD", 8),
        version(),
    ),
    ("REG_ID",),
    "Register: one dial of a meter (unit of measure, time of use, digits, multiplier).",
    entity="CI_REG", owner_column="REG_ID", legacy_file="registers", seed_step=2, key_table=True,
)

CI_MR = Table(
    "CI_MR",
    (
        key("MR_ID", kind="ccb12", confidence="C"),
        key("MTR_CONFIG_ID", fk="CI_MTR_CONFIG.MTR_CONFIG_ID", sources=("meter_history.meter_no",)),
        ts("READ_DTTM", sources=("meter_history.installed_at", "meter_history.removed_at"),
           description="the install or removal time of the event the read belongs to"),
        char("MR_SOURCE_CD", 12),
        char("MTR_READER_ID", 20),
        char("USE_ON_BILL_SW", 1, default="Y", confidence="I"),
        version(),
        date("ILM_DT", confidence="I", sources=("meter_history.installed_at", "meter_history.removed_at"),
             description="ILM partition date: the read's date (C S7/T9: fill at initial load; CI_MR's source not in "
                         "the T9 list, so inferred)"),
        char("ILM_ARCH_SW", 1, default="N", confidence="C",
             description="N: Y only on D1_DVC_EVT, D1_INIT_MSRMT_DATA, D1_USAGE at initial load (C T9)"),
    ),
    ("MR_ID",),
    "Meter read: one per install or removal event of a meter history (12-digit key).",
    entity="CI_MR", owner_column="MR_ID", legacy_file="meter_history", seed_step=3, key_table=True,
)

CI_REG_READ = Table(
    "CI_REG_READ",
    (
        key("REG_READ_ID", kind="ccb12", confidence="C"),
        key("MR_ID", kind="ccb12", fk="CI_MR.MR_ID", sources=("meter_history_reads.history_no", "meter_history_reads.event")),
        num("READ_SEQ", 3, sources=("meter_history_reads.register_no",)),
        key("REG_ID", fk="CI_REG.REG_ID", sources=("meter_history_reads.register_no",)),
        char("READ_TYPE_FLG", 2, default="60", confidence="C", description="60 read not verified (C: value meanings); choice inferred"),
        num("REG_READING", 15, 6, confidence="C", sources=("meter_history_reads.reading",),
            description="N15.6 (C, SP Installed Meter report): at most 9 digits left of the point"),
        num("LO_LIMIT", 18, 6),
        num("HI_LIMIT", 18, 6),
        char("REVIEW_HILO_SW", 1, default="N"),
        char("TRENDED_SW", 1, default="N"),
        version(),
    ),
    ("REG_READ_ID",),
    "Register read: one reading of one register at an install or removal meter read (12-digit key).",
    entity="CI_REG_READ", owner_column="REG_READ_ID", legacy_file="meter_history_reads", seed_step=3, key_table=True,
)

CI_SP_MTR_HIST = Table(
    "CI_SP_MTR_HIST",
    (
        key("SP_MTR_HIST_ID", confidence="C"),
        key("SP_ID", fk="CI_SP.SP_ID", sources=("meter_history.sp_no",)),
        key("MTR_CONFIG_ID", fk="CI_MTR_CONFIG.MTR_CONFIG_ID", sources=("meter_history.meter_no",)),
        num("INSTALL_CONST", 15, 6, default=1, sources=("meter_history.install_constant",)),
        ts("REMOVAL_DTTM", nullable=True, sources=("meter_history.removed_at",)),
        version(),
    ),
    ("SP_MTR_HIST_ID",),
    "SP/meter history: a meter configuration installed at a service point (install and removal are its events).",
    entity="CI_SP_MTR_HIST", owner_column="SP_MTR_HIST_ID", legacy_file="meter_history", seed_step=3, key_table=True,
)

CI_SP_MTR_EVT = Table(
    "CI_SP_MTR_EVT",
    (
        key("SP_MTR_HIST_ID", fk="CI_SP_MTR_HIST.SP_MTR_HIST_ID", sources=("meter_history.history_no",)),
        num("SEQNO", 3, default=1, description="1 install, 2 removal"),
        key("MR_ID", kind="ccb12", fk="CI_MR.MR_ID", sources=("meter_history.history_no",)),
        char("SP_MTR_EVT_FLG", 2, default=None, confidence="P", description="I install (P), R removal (I)"),
        char("MTR_ON_OFF_FLG", 2, default=None, confidence="I", description="ON at install, OFF at removal; value set inferred"),
        version(),
    ),
    ("SP_MTR_HIST_ID", "SEQNO"),
    "SP/meter event: install (I) and removal (R) of a history, each with its meter read.",
    entity="CI_SP_MTR_HIST", owner_column="SP_MTR_HIST_ID", legacy_file="meter_history", seed_step=3,
)

CI_ITEM = Table(
    "CI_ITEM",
    (
        key("ITEM_ID", confidence="C"),
        char("BADGE_NBR", 30, default=None, confidence="C", sources=("items.item_no",)),
        char("ITEM_TYPE_CD", 8, default=None, confidence="C", sources=("items.item_type",)),
        char("ITEM_STATUS_FLG", 2, default=None, confidence="I", sources=("items.status",),
             description="A active (INSTALLED, IN_STORE), R retired; value set inferred"),
        char("MFG_CD", 8, confidence="C"),
        char("MODEL_CD", 8, confidence="C"),
        vchar("SERIAL_NBR", 16, confidence="C"),
        date("RECEIVE_DT", nullable=True, confidence="C", sources=("items.receive_date",)),
        vchar("DESCR254", 254, confidence="C"),
        version(),
    ),
    ("ITEM_ID",),
    "Item: an unmetered device (streetlight, security light, pole). Columns from CC&B's SP Installed Item report layout (C); CI_ITEM_K by the general rule (I).",
    entity="CI_ITEM", owner_column="ITEM_ID", legacy_file="items", seed_step=2, key_table=True, confidence="C",
    k_confidence="I",
)

CI_SP_ITEM_HIST = Table(
    "CI_SP_ITEM_HIST",
    (
        key("SP_ITEM_HIST_ID", confidence="C"),
        key("SP_ID", fk="CI_SP.SP_ID", confidence="C", sources=("item_history.sp_no",)),
        key("ITEM_ID", fk="CI_ITEM.ITEM_ID", confidence="C", sources=("item_history.item_no",)),
        version(),
    ),
    ("SP_ITEM_HIST_ID",),
    "SP/item history: an item installed at an item service point. Name and key from the report layout (C); CI_SP_ITEM_HIST_K inferred.",
    entity="CI_SP_ITEM_HIST", owner_column="SP_ITEM_HIST_ID", legacy_file="item_history", seed_step=3, key_table=True, confidence="C",
    k_confidence="I",
)

CI_SP_ITEM_EVT = Table(
    "CI_SP_ITEM_EVT",
    (
        key("SP_ITEM_HIST_ID", fk="CI_SP_ITEM_HIST.SP_ITEM_HIST_ID", sources=("item_history.sp_no", "item_history.item_no", "item_history.installed_on")),
        num("SEQNO", 3, default=1, confidence="I", description="1 install, 2 removal (inferred, as CI_SP_MTR_EVT)"),
        ts("EVENT_DTTM", confidence="C", sources=("item_history.installed_on", "item_history.removed_on")),
        char("SP_ITEM_EVT_FLG", 2, default=None, confidence="I", description="I install, R removal (inferred, as SP_MTR_EVT_FLG)"),
        version(),
    ),
    ("SP_ITEM_HIST_ID", "SEQNO"),
    "SP/item event: install and removal of an item history. Table and EVENT_DTTM from the report layout (C); the other columns inferred.",
    entity="CI_SP_ITEM_HIST", owner_column="SP_ITEM_HIST_ID", legacy_file="item_history", seed_step=3, confidence="I",
)

# Order matters: parents before children (key generation and production insert order).
CCB_TABLES: tuple[Table, ...] = (
    CI_PER, CI_PER_NAME, CI_PER_ID, CI_PER_PHONE,
    CI_PREM, CI_ACCT, CI_ACCT_PER, CI_SP, CI_SA, CI_SA_SP,
    CI_MTR, CI_MTR_CONFIG, CI_REG, CI_MR, CI_REG_READ, CI_SP_MTR_HIST, CI_SP_MTR_EVT,
    CI_ITEM, CI_SP_ITEM_HIST, CI_SP_ITEM_EVT,
)
