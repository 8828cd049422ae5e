"""CC&B transactional tables (scenario 5, "CC&B upgrading to CC&B Cloud Service").

Meter reads and register reads, bills, bill segments with their calculation
headers, lines and reads, adjustments, payment events, tenders, payments, pay
segments, financial transactions (FT) and their GL lines, plus the deposit and
tender control that the conversion creates in production instead of migrating
them. Facts, confidences and the load order come from
../shared/reference/ccb-transactional-and-upgrades.md sections 1-3: C confirmed
by an Oracle document, P public code only, I inferred (each column says which).

CI_MR and CI_REG_READ are scenario 1's tables (catalog/ccb.py): one definition,
listed here again in the transactional load order. Keys are CC&B's own and are
kept in an upgrade (no key generation), so `seed_step` is scenario 5's extract
step (3) and `legacy_file` is empty: the source is a CC&B database, not a file.

Two relations the column model cannot express with one `fk` are declared here:
the FT's parent, which depends on FT_TYPE_FLG (FT_PARENTS), and the composite
key CI_BSEG_CALC_LN -> CI_BSEG_CALC (COMPOSITE_FKS).
"""

from __future__ import annotations

from .ccb import CI_ACCT, CI_MR, CI_MTR_CONFIG, CI_PREM, CI_REG, CI_REG_READ, CI_SA, CI_SP, char, date, key, num, ts, vchar, version
from .model import Table

SCENARIO5_EXTRACT_STEP = 3


def amount(name: str, **kw):
    """A signed money amount, N15.2 in CC&B's report layouts (S15.2 on FTs)."""
    return num(name, 15, 2, **kw)


def ilm_columns(source: str, conf: str = "C"):
    """ILM_DT (the partition key; at initial load taken from `source`, C) and ILM_ARCH_SW ('N' on CC&B files, I)."""
    return (
        date("ILM_DT", confidence=conf, description=f"ILM partition date; at initial load {source} (C)"),
        char("ILM_ARCH_SW", 1, default="N", confidence="I", description="N: not yet archivable (Y only once ILM says so)"),
    )


def currency():
    return char("CURRENCY_CD", 3, default=None, confidence="P", description="installation currency")


def _txn(name, columns, pk, description, entity, owner, confidence="C", key_table=False, notes=()):
    return Table(name, tuple(columns), pk, description, entity=entity, owner_column=owner, legacy_file="",
                 seed_step=SCENARIO5_EXTRACT_STEP, confidence=confidence, key_table=key_table, notes=tuple(notes))


# ---------------------------------------------------------------- bills
CI_BILL = _txn(
    "CI_BILL",
    (
        key("BILL_ID", kind="ccb12", confidence="C"),
        key("ACCT_ID", fk="CI_ACCT.ACCT_ID", confidence="P"),
        char("BILL_STAT_FLG", 2, default=None, confidence="C", description="'C ' complete, 'P ' pending (CHAR 2, trailing blank)"),
        date("BILL_DT", confidence="P"),
        date("DUE_DT", nullable=True, confidence="P"),
        ts("CRE_DTTM", confidence="P"),
        ts("COMPLETE_DTTM", nullable=True, confidence="P", description="when the bill was completed; NULL while pending"),
        char("BILL_CYC_CD", 4, confidence="P"),
        date("WIN_START_DT", nullable=True, confidence="P", description="bill cycle window start"),
        key("CR_NOTE_FR_BILL_ID", kind="ccb12", fk="CI_BILL.BILL_ID", nullable_blank=True, confidence="P",
            description="the bill this credit note reverses; blank on a regular bill"),
        *ilm_columns("CRE_DTTM"),
        version(),
    ),
    ("BILL_ID",),
    "Bill: the document an account receives; it carries no amount (per-SA amounts are on CI_BILL_SA, its segments' FTs).",
    entity="CI_BILL", owner="BILL_ID", key_table=True,
)

CI_BILL_SA = _txn(
    "CI_BILL_SA",
    (
        key("BILL_ID", kind="ccb12", fk="CI_BILL.BILL_ID", confidence="C"),
        key("SA_ID", fk="CI_SA.SA_ID", confidence="C"),
        amount("CUR_AMT", confidence="P", description="SA current balance when the bill was completed"),
        amount("TOT_AMT", confidence="P", description="SA payoff balance when the bill was completed"),
        currency(),
        version(),
    ),
    ("BILL_ID", "SA_ID"),
    "SA balance snapshot of a bill (C, T1): each SA's balances as of the bill (I: frozen FTs of the SA on this and earlier bills).",
    entity="CI_BILL", owner="BILL_ID",
)

CI_BSEG = _txn(
    "CI_BSEG",
    (
        key("BSEG_ID", kind="ccb12", confidence="C"),
        key("BILL_ID", kind="ccb12", fk="CI_BILL.BILL_ID", confidence="C"),
        key("SA_ID", fk="CI_SA.SA_ID", confidence="C"),
        key("PREM_ID", fk="CI_PREM.PREM_ID", nullable_blank=True, confidence="C", description="the SA's premise; blank for an SA without one"),
        date("START_DT", confidence="C"),
        date("END_DT", confidence="C"),
        char("BILL_CYC_CD", 4, confidence="C"),
        char("EST_SW", 1, default="N", confidence="C", description="Y when billed on an estimated read"),
        char("CLOSING_BSEG_SW", 1, default="N", confidence="C", description="Y on the SA's final (closing) segment"),
        char("BSEG_STAT_FLG", 2, default=None, confidence="C",
             description="10 incomplete, 20 error, 30 freezable, 40 pending cancel, 50 frozen, 60 canceled, 70 OK"),
        char("CAN_RSN_CD", 4, confidence="C", description="cancel reason of a canceled segment; blank otherwise"),
        key("CAN_BSEG_ID", kind="ccb12", fk="CI_BSEG.BSEG_ID", nullable_blank=True, confidence="P",
            description="on a rebill: the canceled segment it replaces (direction I); blank otherwise"),
        key("REBILL_SEG_ID", kind="ccb12", fk="CI_BSEG.BSEG_ID", nullable_blank=True, confidence="P",
            description="on a canceled segment: its rebill (direction I); blank otherwise"),
        ts("CRE_DTTM", confidence="P"),
        ts("STAT_CHG_DTTM", nullable=True, confidence="P"),
        *ilm_columns("CRE_DTTM"),
        version(),
    ),
    ("BSEG_ID",),
    "Bill segment: one SA's charges for one period on one bill; a frozen segment has one BS FT, a canceled one also a BX FT.",
    entity="CI_BSEG", owner="BSEG_ID", key_table=True,
)

CI_BSEG_CALC = _txn(
    "CI_BSEG_CALC",
    (
        key("BSEG_ID", kind="ccb12", fk="CI_BSEG.BSEG_ID", confidence="C"),
        num("HEADER_SEQ", 3, default=1, confidence="C"),
        date("START_DT", confidence="C"),
        date("END_DT", confidence="C"),
        char("RS_CD", 8, default=None, confidence="C", description="rate schedule"),
        date("EFFDT", confidence="C", description="effective date of the rate version applied"),
        key("BILLABLE_CHG_ID", kind="ccb12", nullable_blank=True, confidence="C", description="billable charge; blank for a rated segment"),
        amount("CALC_AMT", confidence="C", description="the header's total: the sum of its lines (I)"),
        currency(),
        version(),
    ),
    ("BSEG_ID", "HEADER_SEQ"),
    "Bill segment calculation header: one rate application (most sites skip calc headers/lines in a conversion, C T2).",
    entity="CI_BSEG", owner="BSEG_ID",
)

CI_BSEG_CALC_LN = _txn(
    "CI_BSEG_CALC_LN",
    (
        key("BSEG_ID", kind="ccb12", fk="CI_BSEG.BSEG_ID", confidence="C",
            description="with HEADER_SEQ the key of its CI_BSEG_CALC header (COMPOSITE_FKS)"),
        num("HEADER_SEQ", 3, default=1, confidence="C"),
        num("SEQNO", 5, default=1, confidence="C"),
        amount("CALC_LN_AMT", confidence="C"),
        char("DST_ID", 10, default=None, confidence="C", description="distribution code: the GL account the line's revenue goes to"),
        char("PRT_SW", 1, default="Y", confidence="C", description="printed on the bill"),
        char("APP_IN_SUMM_SW", 1, default="N", confidence="C", description="appears in the summary"),
        char("MSR_PEAK_QTY_SW", 1, default="N", confidence="C", description="measures peak quantity"),
        vchar("DESCR_ON_BILL", 80, confidence="I", description="line text on the bill (name inferred)"),
        currency(),
        version(),
    ),
    ("BSEG_ID", "HEADER_SEQ", "SEQNO"),
    "Bill segment calculation line: one charge of a calculation header (service charge, energy, tax).",
    entity="CI_BSEG", owner="BSEG_ID",
)

CI_BSEG_READ = _txn(
    "CI_BSEG_READ",
    (
        key("BSEG_ID", kind="ccb12", fk="CI_BSEG.BSEG_ID", confidence="C"),
        key("SP_ID", fk="CI_SP.SP_ID", confidence="C"),
        num("SEQ", 3, default=1, confidence="I", description="one per register read of the SP (column name inferred)"),
        key("REG_ID", fk="CI_REG.REG_ID", confidence="I"),
        key("START_REG_READ_ID", kind="ccb12", fk="CI_REG_READ.REG_READ_ID", nullable_blank=True, confidence="I"),
        ts("START_READ_DTTM", nullable=True, confidence="C"),
        num("START_REG_READING", 18, 6, confidence="C"),
        key("END_REG_READ_ID", kind="ccb12", fk="CI_REG_READ.REG_READ_ID", nullable_blank=True, confidence="I"),
        ts("END_READ_DTTM", nullable=True, confidence="C"),
        num("END_REG_READING", 18, 6, confidence="C"),
        num("REG_CONST", 15, 6, default=1, confidence="I"),
        num("MSR_QTY", 18, 6, confidence="C", description="measured quantity: (end - start) x register constant"),
        char("UOM_CD", 4, confidence="I"),
        char("TOU_CD", 8, confidence="I"),
        num("FINAL_REG_QTY", 18, 6, confidence="C", description="quantity billed after adjustments"),
        char("USAGE_FLG", 2, default="+", confidence="I"),
        version(),
    ),
    ("BSEG_ID", "SP_ID", "SEQ"),
    "Bill segment read: the start and end readings of a register a segment was billed on (columns from the ORMB layout, C; names I).",
    entity="CI_BSEG", owner="BSEG_ID", confidence="I",
)

# ---------------------------------------------------------------- adjustments
CI_ADJ = _txn(
    "CI_ADJ",
    (
        key("ADJ_ID", kind="ccb12", confidence="C"),
        key("SA_ID", fk="CI_SA.SA_ID", confidence="C"),
        char("ADJ_TYPE_CD", 8, default=None, confidence="C", description="adjustment type; the AD FT's PARENT_ID"),
        char("ADJ_STATUS_FLG", 2, default=None, confidence="C", description="05 new, 10 incomplete, 20 error, 30 freezable, 50 frozen, 60 canceled"),
        amount("ADJ_AMT", confidence="P"),
        currency(),
        date("CRE_DT", confidence="P"),
        char("CAN_RSN_CD", 4, confidence="C"),
        key("XFER_ADJ_ID", kind="ccb12", fk="CI_ADJ.ADJ_ID", nullable_blank=True, confidence="P",
            description="the other half of a transfer adjustment; blank otherwise"),
        *ilm_columns("CRE_DT"),
        version(),
    ),
    ("ADJ_ID",),
    "Adjustment: a charge or credit on an SA outside billing (late fee, courtesy credit, write-off); a frozen one has an AD FT.",
    entity="CI_ADJ", owner="ADJ_ID", key_table=True,
)

# ---------------------------------------------------------------- deposit and tender control (created, not migrated)
CI_DEP_CTL = _txn(
    "CI_DEP_CTL",
    (
        key("DEP_CTL_ID", confidence="P", description="C10 (P4)"),
        char("TNDR_SRCE_TYPE_FLG", 2, default=None, confidence="P", description="tender source type (values not public)"),
        char("DEP_CTL_STATUS_FLG", 2, default=None, confidence="I",
             description="Open, Balancing In Progress, Balanced (C); codes unknown, this project writes 10 open (I)"),
        ts("BALANCED_DTTM", nullable=True, confidence="P"),
        amount("END_BALANCE", confidence="P", description="total the user enters to balance the control"),
        currency(),
        ts("CRE_DTTM", confidence="I"),
        version(),
    ),
    ("DEP_CTL_ID",),
    "Deposit control: not converted; the conversion creates one in production for every migrated tender (C T2).",
    entity="CI_DEP_CTL", owner="DEP_CTL_ID", confidence="P",
)

CI_TNDR_CTL = _txn(
    "CI_TNDR_CTL",
    (
        key("TNDR_CTL_ID", confidence="P", description="C10 (P4)"),
        key("DEP_CTL_ID", fk="CI_DEP_CTL.DEP_CTL_ID", confidence="P"),
        char("TNDR_SOURCE_CD", 12, default=None, confidence="P", description="the tender source: the site's 'conversion' source (C T2)"),
        char("TNDR_CTL_ST_FLG", 2, default=None, confidence="I", description="status; codes unknown, this project writes 10 open (I)"),
        amount("END_BALANCE", confidence="I", description="total the user enters to balance the control"),
        currency(),
        ts("CRE_DTTM", confidence="I"),
        version(),
    ),
    ("TNDR_CTL_ID",),
    "Tender control: not converted; one is created in production (tender source 'conversion') and every migrated tender points at it (C T2).",
    entity="CI_TNDR_CTL", owner="TNDR_CTL_ID", confidence="P",
)

# ---------------------------------------------------------------- payments
CI_PAY_EVENT = _txn(
    "CI_PAY_EVENT",
    (
        key("PAY_EVENT_ID", kind="ccb12", confidence="C"),
        date("PAY_DT", confidence="P"),
        ts("CRE_DTTM", confidence="P"),
        char("DOC_ID", 20, confidence="P", description="remittance document; blank when none"),
        *ilm_columns("PAY_DT"),
        version(),
    ),
    ("PAY_EVENT_ID",),
    "Payment event: money received at one time; holds one or more tenders and one or more payments (one per account).",
    entity="CI_PAY_EVENT", owner="PAY_EVENT_ID", key_table=True,
)

CI_PAY_TNDR = _txn(
    "CI_PAY_TNDR",
    (
        key("PAY_TENDER_ID", kind="ccb12", confidence="C"),
        key("PAY_EVENT_ID", kind="ccb12", fk="CI_PAY_EVENT.PAY_EVENT_ID", confidence="P"),
        key("TNDR_CTL_ID", fk="CI_TNDR_CTL.TNDR_CTL_ID", confidence="P",
            description="in production: the conversion tender control (C T2); the source's own control is not migrated"),
        key("PAYOR_ACCT_ID", fk="CI_ACCT.ACCT_ID", confidence="P"),
        char("TENDER_TYPE_CD", 4, default=None, confidence="P"),
        amount("TENDER_AMT", confidence="P"),
        currency(),
        char("TNDR_STATUS_FLG", 2, default=None, confidence="I",
             description="Valid, Canceled (C); codes unknown: 25 valid (seen in public code, P), 60 canceled (I)"),
        char("CHECK_NBR", 10, confidence="C"),
        char("MICR_ID", 30, confidence="C"),
        char("CAN_RSN_CD", 4, confidence="I"),
        version(),
    ),
    ("PAY_TENDER_ID",),
    "Payment tender: one means of payment (cash, check, card, transfer) of a payment event, in a tender control.",
    entity="CI_PAY_TNDR", owner="PAY_TENDER_ID", key_table=True,
)

CI_PAY = _txn(
    "CI_PAY",
    (
        key("PAY_ID", kind="ccb12", confidence="C"),
        key("PAY_EVENT_ID", kind="ccb12", fk="CI_PAY_EVENT.PAY_EVENT_ID", confidence="P"),
        key("ACCT_ID", fk="CI_ACCT.ACCT_ID", confidence="P"),
        char("PAY_STATUS_FLG", 2, default=None, confidence="P", description="10 incomplete, 20 error, 30 freezable, 50 frozen, 60 canceled (codes P3)"),
        amount("PAY_AMT", confidence="P", description="the sum of its pay segments (I)"),
        currency(),
        char("CAN_RSN_CD", 4, confidence="P"),
        char("MATCH_TYPE_CD", 8, confidence="P"),
        vchar("MATCH_VAL", 30, confidence="P"),
        *ilm_columns("the payment event's PAY_DT"),
        version(),
    ),
    ("PAY_ID",),
    "Payment: the part of a payment event that pays one account; distributed to its SAs by pay segments.",
    entity="CI_PAY", owner="PAY_ID", key_table=True,
)

CI_PAY_SEG = _txn(
    "CI_PAY_SEG",
    (
        key("PAY_SEG_ID", kind="ccb12", confidence="I", description="length 12 inferred (reference section 7)"),
        key("PAY_ID", kind="ccb12", fk="CI_PAY.PAY_ID", confidence="P"),
        key("SA_ID", fk="CI_SA.SA_ID", confidence="P"),
        amount("PAY_SEG_AMT", confidence="P", description="amount paid to the SA (positive); its PS FT carries the negative"),
        currency(),
        key("ADJ_ID", kind="ccb12", fk="CI_ADJ.ADJ_ID", nullable_blank=True, confidence="P"),
        char("MATCH_EVT_ID", 12, confidence="P", description="match event (CI_MATCH_EVT is not migrated by this project); blank"),
        version(),
    ),
    ("PAY_SEG_ID",),
    "Pay segment: the part of a payment that goes to one SA; a frozen one has a PS FT, a canceled one also a PX FT.",
    entity="CI_PAY_SEG", owner="PAY_SEG_ID", key_table=True,
)

# ---------------------------------------------------------------- financial transactions
CI_FT = _txn(
    "CI_FT",
    (
        key("FT_ID", kind="ccb12", confidence="C"),
        key("SA_ID", fk="CI_SA.SA_ID", confidence="C"),
        char("PARENT_ID", 12, default=None, confidence="C",
             description="BS/BX: BILL_ID, PS/PX: PAY_ID, AD/AX: ADJ_TYPE_CD (FT_PARENTS)"),
        char("SIBLING_ID", 12, default=None, confidence="C", description="BS/BX: BSEG_ID, PS/PX: PAY_SEG_ID, AD/AX: ADJ_ID (FT_PARENTS)"),
        char("FT_TYPE_FLG", 2, default=None, confidence="C",
             description="BS bill segment, BX its cancel, PS pay segment, PX its cancel, AD adjustment, AX its cancel"),
        amount("CUR_AMT", confidence="C", description="effect on what the customer thinks he owes"),
        amount("TOT_AMT", confidence="C", description="effect on the payoff; differs from CUR_AMT on budget, deposit, charity and arrangement SAs"),
        currency(),
        key("BILL_ID", kind="ccb12", fk="CI_BILL.BILL_ID", nullable_blank=True, confidence="C",
            description="the bill the FT appeared on; blank for a payment or adjustment not yet billed"),
        date("ACCOUNTING_DT", confidence="C"),
        date("ARS_DT", nullable=True, confidence="C", description="arrears date"),
        char("SHOW_ON_BILL_SW", 1, default="N", confidence="C"),
        char("XFERRED_OUT_SW", 1, default="Y", confidence="C"),
        char("GL_DIVISION", 5, default=None, confidence="P"),
        char("CIS_DIVISION", 5, default=None, confidence="P"),
        ts("CRE_DTTM", confidence="P"),
        char("FREEZE_SW", 1, default="Y", confidence="P", description="Y once frozen; balances sum frozen FTs only"),
        ts("FREEZE_DTTM", nullable=True, confidence="P"),
        char("CORRECTION_SW", 1, default="N", confidence="P"),
        char("REDUNDANT_SW", 1, default="N", confidence="P"),
        char("NEW_DEBIT_SW", 1, default="N", confidence="P"),
        char("NOT_IN_ARS_SW", 1, default="N", confidence="P"),
        char("GL_DISTRIB_STATUS", 1, default=None, confidence="P", description="D distributed, G generated, M modified, N pending"),
        date("SCHED_DISTRIB_DT", nullable=True, confidence="C", description="scheduled distribution date; blank at conversion"),
        char("BAL_CTL_GRP_ID", 12, confidence="P", description="balance control group; blank (CNV-BCG resets it, C)"),
        char("MATCH_EVT_ID", 12, confidence="P", description="match event; blank (not migrated by this project)"),
        version(),
    ),
    ("FT_ID",),
    "Financial transaction: the financial effect of a frozen bill segment, pay segment or adjustment (or of their cancel) on one SA.",
    entity="CI_FT", owner="FT_ID", key_table=True,
)

CI_FT_GL = _txn(
    "CI_FT_GL",
    (
        key("FT_ID", kind="ccb12", fk="CI_FT.FT_ID", confidence="P"),
        num("GL_SEQ_NBR", 5, default=1, confidence="P"),
        char("DST_ID", 10, default=None, confidence="P"),
        amount("AMOUNT", confidence="P", description="debit positive, credit negative: an FT's lines net to zero (P3)"),
        vchar("GL_ACCT", 254, default=None, confidence="P"),
        num("STATISTIC_AMOUNT", 18, 6, confidence="P"),
        char("TOT_AMT_SW", 1, default="N", confidence="P", description="meaning not documented in the reference"),
        version(),
    ),
    ("FT_ID", "GL_SEQ_NBR"),
    "FT GL line: the general-ledger distribution of an FT with a non-zero payoff amount (C T6).",
    entity="CI_FT", owner="FT_ID", confidence="P",
)

# ---------------------------------------------------------------- order and relations
# Extracted from the source and loaded with their own keys, parents before children (reference section 3:
# master -> MR/REG_READ -> BILL, BILL_SA -> BSEG (+children) -> ADJ -> PAY_EVENT, PAY_TNDR, PAY, PAY_SEG -> FT -> FT_GL).
TXN_TABLES: tuple[Table, ...] = (
    CI_MR, CI_REG_READ,
    CI_BILL, CI_BILL_SA, CI_BSEG, CI_BSEG_CALC, CI_BSEG_CALC_LN, CI_BSEG_READ,
    CI_ADJ,
    CI_PAY_EVENT, CI_PAY_TNDR, CI_PAY, CI_PAY_SEG,
    CI_FT, CI_FT_GL,
)
# Created in production by the conversion (one each), never extracted; they precede the tenders pointing at them.
CONTROL_TABLES: tuple[Table, ...] = (CI_DEP_CTL, CI_TNDR_CTL)
# Every table of this module in the order keys and foreign keys dictate.
LOAD_ORDER: tuple[Table, ...] = TXN_TABLES[:9] + CONTROL_TABLES + TXN_TABLES[9:]
# Parents the foreign keys of these tables reach (masters of catalog/ccb.py and the tables above).
PARENTS: dict[str, Table] = {t.name: t for t in (CI_ACCT, CI_PREM, CI_SA, CI_SP, CI_MTR_CONFIG, CI_REG) + LOAD_ORDER}
# FT_TYPE_FLG -> (sibling table, sibling key, parent table or None, parent key): SIBLING_ID and PARENT_ID
# point at a different table per type (C T2/T5); an AD/AX FT's PARENT_ID is the adjustment type, a code.
FT_PARENTS: dict[str, tuple[str, str, str | None, str | None]] = {
    "BS": ("CI_BSEG", "BSEG_ID", "CI_BILL", "BILL_ID"),
    "BX": ("CI_BSEG", "BSEG_ID", "CI_BILL", "BILL_ID"),
    "PS": ("CI_PAY_SEG", "PAY_SEG_ID", "CI_PAY", "PAY_ID"),
    "PX": ("CI_PAY_SEG", "PAY_SEG_ID", "CI_PAY", "PAY_ID"),
    "AD": ("CI_ADJ", "ADJ_ID", None, None),
    "AX": ("CI_ADJ", "ADJ_ID", None, None),
}


def typed_foreign_keys() -> tuple[tuple[str, str, tuple[str, ...], str, str, str], ...]:
    """FT_PARENTS as foreign keys that hold for some types only: (child table, type column, types, column, parent
    table, parent key), e.g. CI_FT.SIBLING_ID -> CI_BSEG.BSEG_ID when FT_TYPE_FLG is BS or BX. The source and load
    checks reject an FT whose parent is missing or rejected with them, as they do for a plain foreign key."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for flg, (sib, sib_key, parent, parent_key) in FT_PARENTS.items():
        groups.setdefault(("SIBLING_ID", sib, sib_key), []).append(flg)
        if parent:
            groups.setdefault(("PARENT_ID", parent, parent_key), []).append(flg)
    return tuple(("CI_FT", "FT_TYPE_FLG", tuple(flgs), col, table, key) for (col, table, key), flgs in groups.items())


# Foreign keys of more than one column: (child, columns, parent, parent columns).
COMPOSITE_FKS: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...]], ...] = (
    ("CI_BSEG_CALC_LN", ("BSEG_ID", "HEADER_SEQ"), "CI_BSEG_CALC", ("BSEG_ID", "HEADER_SEQ")),
)
