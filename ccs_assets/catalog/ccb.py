"""CC&B master-data tables of the legacy-CIS scenario (Oracle steps 1, 4-8).

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


def version() -> Column:
    return num("VERSION", 5, default=1, description="OUAF optimistic-lock version; 1 for a new row", confidence="P")


CI_PER = Table(
    "CI_PER",
    (
        key("PER_ID", confidence="C"),
        char("LANGUAGE_CD", 3, sources=("customers.language",)),
        char("PER_OR_BUS_FLG", 2, confidence="P", description="P person, B business", sources=("customers.cust_type",)),
        char("LS_SL_FLG", 2, description="life support / sensitive load flag; blank when unknown"),
        vchar("EMAILID", 70, sources=("customers.email",)),
        vchar("OVRD_MAIL_NAME1", 254),
        vchar("ADDRESS1", 254, sources=("customers.mail_address1",)),
        vchar("ADDRESS2", 254, sources=("customers.mail_address2",)),
        vchar("ADDRESS3", 254), vchar("ADDRESS4", 254),
        vchar("CITY", 90, sources=("customers.mail_city",)),
        vchar("COUNTY", 90),
        char("POSTAL", 12, sources=("customers.mail_postal",)),
        char("STATE", 6, sources=("customers.mail_state",)),
        char("COUNTRY", 3, sources=("customers.mail_country",)),
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
        num("SEQ_NUM", 3, default=1, confidence="C", description="S12 report layout shows SEQ_NUM"),
        char("PHONE_TYPE_CD", 8, default=None, sources=("customers.phone_type",)),
        char("COUNTRY_CODE", 6),
        vchar("PHONE", 24, default=None, sources=("customers.phone",), description="digits of the legacy phone"),
        char("EXTENSION", 6),
        version(),
    ),
    ("PER_ID", "SEQ_NUM"),
    "Person phone; legacy free-format phones keep their digits only.",
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
        char("OK_TO_ENTER_SW", 1, default="N"),
        vchar("ADDRESS1", 254, default=None, sources=("premises.address1",)),
        vchar("ADDRESS2", 254, sources=("premises.address2",)),
        vchar("ADDRESS3", 254), vchar("ADDRESS4", 254),
        vchar("CITY", 90, default=None, sources=("premises.city",)),
        vchar("COUNTY", 90),
        char("POSTAL", 12, default=None, sources=("premises.postal",)),
        char("STATE", 6, default=None, sources=("premises.state",)),
        char("COUNTRY", 3, default=None, sources=("premises.country",)),
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
        date("BILL_AFTER_DT", nullable=True),
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
        num("NBR_BILL_COPIES", 3, default=0),
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
        char("SP_SRC_STATUS_FLG", 2),
        char("MR_CYC_CD", 4, sources=("service_points.read_cycle",)),
        char("MR_RTE_CD", 16, sources=("service_points.read_route",)),
        num("MR_CYC_RTE_SEQ", 8, sources=("service_points.read_sequence",)),
        char("MTR_LOC_CD", 4, sources=("service_points.meter_location",)),
        vchar("MTR_LOC_DETAILS", 250),
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
        char("CURRENCY_CD", 3, default=None, sources=("accounts.currency",)),
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

# Order matters: parents before children (key generation and production insert order).
CCB_TABLES: tuple[Table, ...] = (
    CI_PER, CI_PER_NAME, CI_PER_ID, CI_PER_PHONE,
    CI_PREM, CI_ACCT, CI_ACCT_PER, CI_SP, CI_SA, CI_SA_SP,
)
