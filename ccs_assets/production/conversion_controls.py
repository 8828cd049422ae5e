"""The conversion deposit control and tender control (scenario 5; scenario 6 reuses them).

Deposit and tender controls are not migrated: Oracle's conversion creates one
deposit control and one tender control (tender source "conversion") in
production, every migrated tender carries that TNDR_CTL_ID, and afterwards the
user enters the amounts that balance the tender control, then the deposit
control (ccb-transactional-and-upgrades.md section 3, C). Their keys are the
configured ones (CCS_CONVERSION_DEP_CTL_ID, CCS_CONVERSION_TNDR_CTL_ID,
CCS_CONVERSION_TENDER_SOURCE): the extract writes that TNDR_CTL_ID into every
tender's file, so no UPDATE of production is ever needed.

Public API (stable): `ConversionControls`, `ensure_conversion_controls` (step 4,
before the tenders), `tenders_off_control` and `tender_total` (step 5 check and
what the user must enter).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..catalog import ccb_txn
from ..target.schema import ensure_tables

SQL_DIR = Path(__file__).parent / "sql"
SOURCE_TYPE = " "  # TNDR_SRCE_TYPE_FLG of the conversion deposit control: the values are not public (I)


@dataclass(frozen=True)
class ConversionControls:
    """The configured pair: deposit control, tender control in it, and the tender source code of the conversion."""

    dep_ctl_id: str
    tndr_ctl_id: str
    tender_source: str

    @classmethod
    def from_settings(cls, settings) -> "ConversionControls":
        return cls(*settings.conversion_controls)


def _sql(s, name: str, **parts: str) -> str:
    # CHAR(10) keys compared with a bind: Oracle compares CHAR with a VARCHAR2 bind unpadded, so the bind is cast
    parts = {"tndr_ctl": s.dialect.char(":tndr_ctl", 10), "dep_ctl": s.dialect.char(":dep_ctl", 10), **parts}
    text = (SQL_DIR / name).read_text(encoding="utf-8").format(prod=s.prod, dual=s.dialect.from_dual(), now=s.dialect.now(), **parts)
    return "\n".join(line for line in text.splitlines() if not line.startswith("--")).strip()


def _wave_accounts(s, accounts: str | None) -> str:
    return accounts or f"SELECT OWNER_KEY FROM {s.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_ACCT'"


def ensure_conversion_controls(s, controls: ConversionControls, *, currency: str) -> bool:
    """Create the conversion deposit and tender control in production unless they are there; True when created.

    Created once and kept by reruns and rollbacks (no wave owns them). A control of a configured key that is not
    the conversion's, a deposit control of that key without its tender control, or a second tender control with the
    conversion's tender source is an error naming table and key, never an overwrite."""
    src = controls.tender_source
    if not src.strip() or len(src) > 12:
        raise ValueError(f"tender source {src!r}: CI_TNDR_CTL.TNDR_SOURCE_CD takes 1-12 characters")
    ensure_tables(s, s.prod, list(ccb_txn.CONTROL_TABLES))
    binds = {"tndr_ctl": controls.tndr_ctl_id, "dep_ctl": controls.dep_ctl_id, "tender_source": src}
    found = [tuple("" if v is None else str(v).strip() for v in r) for r in s.query(_sql(s, "ctl_find.sql"), **binds)]
    tenders = [r for r in found if r[0] == "TNDR"]
    deposit = [r for r in found if r[0] == "DEP"]
    mine = ("TNDR", controls.tndr_ctl_id, controls.dep_ctl_id, src)
    others = [r for r in tenders if r != mine]
    if others:
        _, key, dep, source = others[0]
        raise ValueError(f"CI_TNDR_CTL {key} (tender source {source!r}, deposit control {dep}) is in production and is not "
                         f"the conversion tender control {controls.tndr_ctl_id} of deposit control {controls.dep_ctl_id} with "
                         f"tender source {src!r}: the conversion needs exactly one (CCS_CONVERSION_TNDR_CTL_ID, "
                         f"CCS_CONVERSION_TENDER_SOURCE)")
    if tenders:
        return False
    if deposit:
        raise ValueError(f"CI_DEP_CTL {controls.dep_ctl_id} is in production without the conversion tender control "
                         f"{controls.tndr_ctl_id}: it is not the conversion's (set CCS_CONVERSION_DEP_CTL_ID)")
    with s.transaction():
        s.execute(_sql(s, "ctl_insert_dep.sql"), dep_ctl=controls.dep_ctl_id, source_type=SOURCE_TYPE, currency=currency)
        s.execute(_sql(s, "ctl_insert_tndr.sql"), tndr_ctl=controls.tndr_ctl_id, dep_ctl=controls.dep_ctl_id,
                  tender_source=src, currency=currency)
    return True


def tenders_off_control(s, wave: str, controls: ConversionControls, *, accounts: str | None = None,
                        sample: int = 10) -> tuple[int, list[str]]:
    """Step-5 check: (count, sample PAY_TENDER_IDs) of the wave's tenders (payor accounts in production's
    CCS_WAVE_LEDGER, or the `accounts` SELECT) that do not point at the conversion tender control."""
    q = _sql(s, "ctl_tenders_off.sql", accounts=_wave_accounts(s, accounts))
    n = s.scalar(f"SELECT COUNT(*) FROM ({q}) v", tndr_ctl=controls.tndr_ctl_id, wave=wave) or 0
    keys = [str(r[0]).strip() for r in s.query(s.dialect.limit(f"SELECT VAL FROM ({q}) v ORDER BY VAL", sample),
                                                tndr_ctl=controls.tndr_ctl_id, wave=wave)] if n else []
    return int(n), keys


def tender_total(s, controls: ConversionControls) -> tuple[int, Decimal]:
    """(tenders, total amount) on the conversion tender control, every wave: what the user enters to balance it."""
    t = s.arrow(_sql(s, "ctl_tender_total.sql"), tndr_ctl=controls.tndr_ctl_id)
    return int(t.column("N")[0].as_py()), Decimal(str(t.column("TOTAL")[0].as_py()))
