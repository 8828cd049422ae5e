"""CC&B admin (control) tables behind the code columns of the migrated data (scenario 6, step 4b).

Oracle's scenario 6 step 4 "migrate the CC&B configuration" is CMA's work
(ccb-transactional-and-upgrades.md section 5, C T12): configuration only,
never master or transactional data. Which configuration matters here is what
the migrated rows point at: an SA's (CIS_DIVISION, SA_TYPE_CD) must be an SA
type of the target, an SP's SP_TYPE_CD an SP type, and so on. Each admin
table below declares the code columns of the catalog that refer to it
(`used_by`), so the compare, the apply and the check that every used code
exists are generated from this one declaration.

Confidence (ccs-data-model.md): the SA type's key (CIS_DIVISION, SA_TYPE_CD)
and the SP type's SP_SUBTYPE_FLG are P (section 3.4/3.5), the person
identifier type as a control table is P (3.1); the other table names, their
keys (the code column's own name and length, as the referring column has it)
and attribute columns are I. OUAF keeps every admin table's description in a
language table `<TABLE>_L` (key + LANGUAGE_CD, DESCR): the structure is I
(mdm-odm-detail.md shows D1_SP_TYPE_L.DESCR100 for MDM, P), the
description's length 60 is I. VERSION is OUAF's optimistic-lock counter (P):
it is not compared, an applied change increments the target's (I).
"""

from __future__ import annotations

from dataclasses import dataclass

from .ccb import char, vchar, version
from .model import Column, Table

ADMIN_STEP = 4  # scenario 6, step 4b


@dataclass(frozen=True)
class CodeUse:
    """Columns of a migrated CC&B table that hold a key of an admin table, in the admin table's key order."""

    table: str
    columns: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.table}.{'+'.join(self.columns)}"


@dataclass(frozen=True)
class AdminTable:
    """An admin table, its language table, and the catalog's code columns that refer to it."""

    table: Table
    language: Table | None
    used_by: tuple[CodeUse, ...]

    @property
    def name(self) -> str:
        return self.table.name


def _admin(name: str, key: tuple[Column, ...], attributes: tuple[Column, ...], description: str,
           used_by: tuple[tuple[str, tuple[str, ...]], ...], confidence: str = "I") -> AdminTable:
    main = Table(name, key + attributes + (version(),), tuple(c.name for c in key), description, entity=name,
                 owner_column=key[-1].name, legacy_file="", seed_step=ADMIN_STEP, confidence=confidence)
    lang = Table(f"{name}_L", key + (char("LANGUAGE_CD", 3, default=None, confidence="P"),
                                     vchar("DESCR", 60, default=None, confidence="I",
                                           description="the code's label in that language (length inferred)"),
                                     version()),
                 tuple(c.name for c in key) + ("LANGUAGE_CD",), f"Labels of {name} per language (OUAF language table, I).",
                 entity=name, owner_column=key[-1].name, legacy_file="", seed_step=ADMIN_STEP, confidence="I")
    return AdminTable(main, lang, tuple(CodeUse(t, cols) for t, cols in used_by))


def _code(name: str, n: int, confidence: str = "I", **kw) -> Column:
    return char(name, n, default=None, confidence=confidence, **kw)


def _attr(name: str, n: int, description: str, confidence: str = "I") -> Column:
    return char(name, n, confidence=confidence, description=description)


CI_CIS_DIVISION = _admin(
    "CI_CIS_DIVISION", (_code("CIS_DIVISION", 5, "P"),),
    (_attr("CURRENCY_CD", 3, "the division's currency (I)"),),
    "CIS division: the jurisdiction premises, accounts, SAs and FTs belong to.",
    (("CI_PREM", ("CIS_DIVISION",)), ("CI_ACCT", ("CIS_DIVISION",)), ("CI_SA", ("CIS_DIVISION",)),
     ("CI_FT", ("CIS_DIVISION",))))

CI_CUST_CL = _admin(
    "CI_CUST_CL", (_code("CUST_CL_CD", 8),), (),
    "Customer class of an account (residential, commercial, ...).",
    (("CI_ACCT", ("CUST_CL_CD",)),))

CI_BILL_CYC = _admin(
    "CI_BILL_CYC", (_code("BILL_CYC_CD", 4),), (),
    "Bill cycle of an account, a bill and a bill segment.",
    (("CI_ACCT", ("BILL_CYC_CD",)), ("CI_BILL", ("BILL_CYC_CD",)), ("CI_BSEG", ("BILL_CYC_CD",))))

CI_PREM_TYPE = _admin(
    "CI_PREM_TYPE", (_code("PREM_TYPE_CD", 8),), (),
    "Premise type.",
    (("CI_PREM", ("PREM_TYPE_CD",)),))

CI_ID_TYPE = _admin(
    "CI_ID_TYPE", (_code("ID_TYPE_CD", 8, "P"),), (),
    "Person identifier type (SSN, driver's licence, ...): CI_PER_ID's ID_TYPE_CD control table (P); table name I.",
    (("CI_PER_ID", ("ID_TYPE_CD",)),))

CI_SP_TYPE = _admin(
    "CI_SP_TYPE", (_code("SP_TYPE_CD", 8, "P"),),
    (_attr("SP_SUBTYPE_FLG", 2, "metered or item SP (P)", "P"), _attr("SVC_TYPE_CD", 2, "service type (I)")),
    "Service point type (P: CI_SP -> CI_SP_TYPE).",
    (("CI_SP", ("SP_TYPE_CD",)),), confidence="P")

CI_SA_TYPE = _admin(
    "CI_SA_TYPE", (_code("CIS_DIVISION", 5, "P", fk="CI_CIS_DIVISION.CIS_DIVISION"), _code("SA_TYPE_CD", 8, "P")),
    (_attr("SVC_TYPE_CD", 2, "service type (I)"),),
    "Service agreement type, per division (P: (CIS_DIVISION, SA_TYPE_CD) -> CI_SA_TYPE).",
    (("CI_SA", ("CIS_DIVISION", "SA_TYPE_CD")),), confidence="P")

CI_RS = _admin(
    "CI_RS", (_code("RS_CD", 8),),
    (_attr("SVC_TYPE_CD", 2, "service type (I)"), _attr("CURRENCY_CD", 3, "currency of its charges (I)")),
    "Rate schedule a bill segment's calculation applied.",
    (("CI_BSEG_CALC", ("RS_CD",)),))

CI_ADJ_TYPE = _admin(
    "CI_ADJ_TYPE", (_code("ADJ_TYPE_CD", 8),), (),
    "Adjustment type.",
    (("CI_ADJ", ("ADJ_TYPE_CD",)),))

CI_TENDER_TYPE = _admin(
    "CI_TENDER_TYPE", (_code("TENDER_TYPE_CD", 4),), (),
    "Tender type (cash, cheque, ...).",
    (("CI_PAY_TNDR", ("TENDER_TYPE_CD",)),))

# parents first (an SA type's division is a division): the order the apply writes them in
ADMIN_TABLES: tuple[AdminTable, ...] = (CI_CIS_DIVISION, CI_CUST_CL, CI_BILL_CYC, CI_PREM_TYPE, CI_ID_TYPE, CI_SP_TYPE,
                                        CI_SA_TYPE, CI_RS, CI_ADJ_TYPE, CI_TENDER_TYPE)


def tables() -> list[Table]:
    """Every admin table and its language table, in apply order (each main table before its labels)."""
    out = [a.table for a in ADMIN_TABLES]
    return out + [a.language for a in ADMIN_TABLES if a.language is not None]


def admin_of(table_name: str) -> AdminTable | None:
    """The admin table whose main or language table is `table_name`."""
    return next((a for a in ADMIN_TABLES if table_name in (a.name, a.language.name if a.language else None)), None)


def uses_in(admin: AdminTable, migrated: set[str]) -> tuple[CodeUse, ...]:
    """The code columns of `admin` that belong to tables a scenario migrates."""
    return tuple(u for u in admin.used_by if u.table in migrated)
