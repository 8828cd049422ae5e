"""The legacy CIS extract interface v1 (../shared/legacy-interface.md), as data.

Types, lengths, required flags, enumerations, code maps and references here
drive the typed landing read and the generated record rules; rules that need
more than one column live as SQL next to the transform that applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LegacyType = Literal["key", "text", "code", "enum", "date", "timestamp", "decimal", "integer", "flag"]


@dataclass(frozen=True)
class LegacyColumn:
    name: str
    type: LegacyType
    max_length: int | None = None
    required: bool = False
    values: tuple[str, ...] = ()  # allowed values of an enum
    code_map: str | None = None  # single-column code map applied to this column
    ref: str | None = None  # "file.column" this key must exist in
    default: str | None = None

    def duckdb_type(self) -> str:
        return {"date": "DATE", "timestamp": "TIMESTAMP", "decimal": "DECIMAL(18,6)", "integer": "BIGINT"}.get(
            self.type, "VARCHAR"
        )


@dataclass(frozen=True)
class LegacyFile:
    name: str
    columns: tuple[LegacyColumn, ...]
    key: tuple[str, ...]  # columns identifying a record (the legacy key)
    unique_key: bool = True
    optional: bool = False
    targets: tuple[str, ...] = ()
    description: str = ""

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> LegacyColumn:
        return next(c for c in self.columns if c.name == name)

    def key_sql(self, alias: str = "") -> str:
        """SQL expression of the legacy key as displayed in errors (composite keys joined by '/')."""
        prefix = f"{alias}." if alias else ""
        if len(self.key) == 1:
            return f"{prefix}{self.key[0]}"

        def text(k: str) -> str:
            return f"{prefix}{k}" if self.column(k).duckdb_type() == "VARCHAR" else f"CAST({prefix}{k} AS VARCHAR)"
        return " || '/' || ".join(f"coalesce({text(k)}, '')" for k in self.key)


def K(name, ref=None, required=True):
    return LegacyColumn(name, "key", 30, required=required, ref=ref)


def T(name, n, required=False):
    return LegacyColumn(name, "text", n, required=required)


def C(name, code_map=None, required=False, n=30, default=None):
    return LegacyColumn(name, "code", n, required=required, code_map=code_map, default=default)


def E(name, values, required=True):
    return LegacyColumn(name, "enum", max(len(v) for v in values), required=required, values=tuple(values))


def D(name, required=False):
    return LegacyColumn(name, "date", required=required)


def TS(name, required=False):
    return LegacyColumn(name, "timestamp", required=required)


def N(name, required=False, default=None):
    return LegacyColumn(name, "decimal", required=required, default=default)


def I(name, required=False):  # noqa: E743 - reads like the contract's "integer"
    return LegacyColumn(name, "integer", required=required)


def F(name, default="N"):
    return LegacyColumn(name, "flag", 1, values=("Y", "N"), default=default)


CUSTOMERS = LegacyFile(
    "customers",
    (
        LegacyColumn("cust_no", "key", 30, required=True),
        E("cust_type", ("R", "B")),
        T("first_name", 100), T("last_name", 100), T("business_name", 254),
        C("id_type", "id_type"), T("id_number", 36),
        T("phone", 24), C("phone_type", "phone_type", default="HOME"),
        T("email", 70),
        C("language", "language", default="en"),
        T("mail_address1", 254), T("mail_address2", 254), T("mail_city", 90), T("mail_state", 6),
        T("mail_postal", 12), T("mail_country", 3),
        D("created_date", required=True),
    ),
    key=("cust_no",),
    targets=("CI_PER", "CI_PER_NAME", "CI_PER_ID", "CI_PER_PHONE"),
)

ACCOUNTS = LegacyFile(
    "accounts",
    (
        LegacyColumn("acct_no", "key", 30, required=True),
        K("main_cust_no", ref="customers.cust_no"),
        C("division", "division", required=True),
        C("customer_class", "customer_class", required=True),
        C("bill_cycle", "bill_cycle", required=True),
        D("setup_date", required=True),
        K("mailing_premise_no", ref="premises.premise_no", required=False),
        LegacyColumn("currency", "text", 3, default="USD"),
    ),
    key=("acct_no",),
    targets=("CI_ACCT", "CI_ACCT_PER"),
)

ACCOUNT_PARTIES = LegacyFile(
    "account_parties",
    (
        K("acct_no", ref="accounts.acct_no"),
        K("cust_no", ref="customers.cust_no"),
        C("relationship", "relationship", required=True),
        F("financially_responsible"),
        F("receives_copy"),
    ),
    key=("acct_no", "cust_no"),
    optional=True,
    targets=("CI_ACCT_PER",),
)

PREMISES = LegacyFile(
    "premises",
    (
        LegacyColumn("premise_no", "key", 30, required=True),
        C("premise_type", "premise_type", required=True),
        T("address1", 254, required=True), T("address2", 254),
        T("city", 90, required=True), T("state", 6, required=True), T("postal", 12, required=True),
        T("country", 3, required=True),
        K("parent_premise_no", ref="premises.premise_no", required=False),
        C("division", "division", required=True),
    ),
    key=("premise_no",),
    targets=("CI_PREM",),
)

SERVICE_POINTS = LegacyFile(
    "service_points",
    (
        LegacyColumn("sp_no", "key", 30, required=True),
        K("premise_no", ref="premises.premise_no"),
        E("service_type", ("E", "G", "W")),
        E("sp_kind", ("METER", "ITEM")),
        E("status", ("ACTIVE", "INACTIVE")),
        D("install_date", required=True),
        C("read_cycle", "read_cycle"),
        T("read_route", 16),
        I("read_sequence"),
        C("meter_location", "meter_location"),
    ),
    key=("sp_no",),
    targets=("CI_SP",),
)

SERVICE_AGREEMENTS = LegacyFile(
    "service_agreements",
    (
        LegacyColumn("sa_no", "key", 30, required=True),
        K("acct_no", ref="accounts.acct_no"),
        K("sp_no", ref="service_points.sp_no"),
        C("rate_code", None, required=True),
        D("start_date", required=True),
        D("end_date"),
        E("status", ("ACTIVE", "PENDING_STOP", "STOPPED", "CLOSED"), required=True),
    ),
    key=("sa_no",),
    targets=("CI_SA", "CI_SA_SP"),
)

WAVE_PLAN = LegacyFile(
    "wave_plan",
    (K("acct_no", ref="accounts.acct_no"), LegacyColumn("wave", "text", 30, required=True)),
    key=("acct_no",),
    description="Which wave migrates each account.",
)

WAVES = LegacyFile(
    "waves",
    (LegacyColumn("wave", "text", 30, required=True), D("cutover_date")),
    key=("wave",),
    optional=True,
    description="Optional cutover date per wave.",
)

# ---------------------------------------------------------------- devices (Oracle steps 2 and 3)
METERS = LegacyFile(
    "meters",
    (
        LegacyColumn("meter_no", "key", 30, required=True),
        T("serial_no", 16, required=True),
        C("manufacturer", "manufacturer", required=True),
        C("model", None),  # mapped by (manufacturer, model): rules/meters.sql
        C("meter_type", "meter_type", required=True),
        E("status", ("INSTALLED", "IN_STORE", "RETIRED"), required=False),  # optional: A when empty
        D("receive_date"),
        D("retire_date"),
    ),
    key=("meter_no",),
    targets=("CI_MTR",),
    description="Meters; the meter number is the badge number.",
)

REGISTERS = LegacyFile(
    "registers",
    (
        K("meter_no", ref="meters.meter_no"),
        I("register_no", required=True),
        C("uom", "uom", required=True),
        C("tou", "tou"),
        E("read_kind", ("CONSUMPTION", "DEMAND")),
        I("digits_left", required=True),
        LegacyColumn("digits_right", "integer", default="0"),
        N("multiplier", default="1"),
        TS("effective_at", required=True),
    ),
    key=("meter_no", "register_no"),
    targets=("CI_MTR_CONFIG", "CI_REG"),
    description="Registers; a meter's registers form one meter configuration effective at their earliest effective_at.",
)

METER_HISTORY = LegacyFile(
    "meter_history",
    (
        LegacyColumn("history_no", "key", 30, required=True),
        K("sp_no", ref="service_points.sp_no"),
        K("meter_no", ref="meters.meter_no"),
        TS("installed_at", required=True),
        TS("removed_at"),
        N("install_constant", default="1"),
    ),
    key=("history_no",),
    targets=("CI_SP_MTR_HIST", "CI_SP_MTR_EVT", "CI_MR"),
    description="Which meter was installed at which metered SP, from when to when.",
)

METER_HISTORY_READS = LegacyFile(
    "meter_history_reads",
    (
        K("history_no", ref="meter_history.history_no"),
        E("event", ("INSTALL", "REMOVE")),
        I("register_no", required=True),
        N("reading", required=True),
    ),
    key=("history_no", "event", "register_no"),
    optional=True,
    targets=("CI_REG_READ",),
    description="Register readings at install and removal.",
)

ITEMS = LegacyFile(
    "items",
    (
        LegacyColumn("item_no", "key", 30, required=True),
        C("item_type", "item_type", required=True),
        E("status", ("INSTALLED", "IN_STORE", "RETIRED"), required=False),  # optional: A when empty
        D("receive_date"),
    ),
    key=("item_no",),
    optional=True,
    targets=("CI_ITEM",),
    description="Unmetered items (streetlights, security lights, poles); the item number is the badge.",
)

ITEM_HISTORY = LegacyFile(
    "item_history",
    (
        K("sp_no", ref="service_points.sp_no"),
        K("item_no", ref="items.item_no"),
        D("installed_on", required=True),
        D("removed_on"),
    ),
    key=("sp_no", "item_no", "installed_on"),
    optional=True,
    targets=("CI_SP_ITEM_HIST", "CI_SP_ITEM_EVT"),
    description="Which item was installed at which item SP, from when to when.",
)

# Files of the legacy-CIS backbone, parents first.
BACKBONE_FILES: tuple[LegacyFile, ...] = (
    CUSTOMERS, PREMISES, ACCOUNTS, ACCOUNT_PARTIES, SERVICE_POINTS, SERVICE_AGREEMENTS, WAVE_PLAN, WAVES,
)
DEVICE_FILES: tuple[LegacyFile, ...] = (METERS, REGISTERS, METER_HISTORY, METER_HISTORY_READS, ITEMS, ITEM_HISTORY)
ALL_FILES: tuple[LegacyFile, ...] = BACKBONE_FILES + DEVICE_FILES
LEGACY_FILES = {f.name: f for f in ALL_FILES}

SA_STATUS_FLG = {"ACTIVE": "20", "PENDING_STOP": "30", "STOPPED": "40", "CLOSED": "60"}
SP_STATUS_FLG = {"ACTIVE": "R", "INACTIVE": "I"}  # inferred value set
WAVE_NAME_PATTERN = "^[a-z0-9_-]{1,30}$"
