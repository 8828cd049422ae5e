"""The conversion deposit control and tender control (scenario 5, before the payments are loaded).

Deposit and tender controls are not migrated: Oracle's conversion creates one
deposit control and one tender control (tender source "conversion") in
production, every migrated tender carries that TNDR_CTL_ID, and afterwards the
user enters the amounts that balance the tender control, then the deposit
control (ccb-transactional-and-upgrades.md section 3, C). This module creates
the pair once (a rerun finds it by its tender source), points a wave's tenders
at it and checks that none is left pointing elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..catalog import ccb_txn
from ..target.schema import ensure_tables

SQL_DIR = Path(__file__).parent / "sql"
ATTEMPTS = 20


def _sql(s, name: str, **parts: str) -> str:
    # {tndr_ctl}: the bind as CHAR(10), since Oracle compares CHAR with a VARCHAR2 bind unpadded
    parts = {"tndr_ctl": s.dialect.char(":tndr_ctl", 10), **parts}
    text = (SQL_DIR / name).read_text(encoding="utf-8").format(prod=s.prod, dual=s.dialect.from_dual(), now=s.dialect.now(), **parts)
    return "\n".join(line for line in text.splitlines() if not line.startswith("--")).strip()


def _wave_accounts(s, accounts: str | None) -> str:
    return accounts or f"SELECT OWNER_KEY FROM {s.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_ACCT'"


@dataclass(frozen=True)
class ConversionControls:
    dep_ctl_id: str
    tndr_ctl_id: str
    created: bool  # False when an earlier run had created them


def ensure_conversion_controls(s, *, tender_source: str, currency: str, source_type: str = "CV") -> ConversionControls:
    """Create (once) the conversion deposit control and tender control in production; return their keys.

    `tender_source` is the site's conversion tender source (TNDR_SOURCE_CD, configured in production
    beforehand); `source_type` its TNDR_SRCE_TYPE_FLG (values not public). Keys are 10 digits from
    Dialect.key_hash of the tender source, retried past any key a control already has. DDL (missing
    tables) runs first and commits; the two inserts are one transaction.
    """
    if not tender_source.strip() or len(tender_source) > 12:
        raise ValueError(f"tender source {tender_source!r}: CI_TNDR_CTL.TNDR_SOURCE_CD takes 1-12 characters")
    ensure_tables(s, s.prod, list(ccb_txn.CONTROL_TABLES))
    found = s.query(_sql(s, "ctl_find.sql"), tender_source=tender_source)
    if len(found) > 1:
        raise RuntimeError(f"CI_TNDR_CTL: {len(found)} tender controls with tender source {tender_source!r} "
                           f"({', '.join(str(r[0]).strip() for r in found)}): the conversion needs exactly one")
    if found:
        return ConversionControls(str(found[0][1]).strip(), str(found[0][0]).strip(), False)
    keys = []
    for attempt in range(ATTEMPTS):
        if len(keys) == 2:
            break
        expr = s.dialect.number_to_key(s.dialect.key_hash(f"'CCS-CONVERSION:' || :tender_source || ':{attempt}'", 10), 10)
        key = s.scalar(f"SELECT {expr} AS K{s.dialect.from_dual()}", tender_source=tender_source)
        if key not in keys and not s.scalar(_sql(s, "ctl_key_taken.sql", key=s.dialect.char(":key", 10)), key=key):
            keys.append(key)
    if len(keys) < 2:
        raise RuntimeError(f"CI_DEP_CTL/CI_TNDR_CTL: no free 10-digit control key in {ATTEMPTS} attempts")
    dep, tndr = keys
    with s.transaction():
        s.execute(_sql(s, "ctl_insert_dep.sql", key=":dep_ctl"), dep_ctl=dep, source_type=source_type, currency=currency)
        s.execute(_sql(s, "ctl_insert_tndr.sql", key=":tndr_ctl"), tndr_ctl=tndr, dep_ctl=dep, tender_source=tender_source,
                  currency=currency)
    return ConversionControls(dep, tndr, True)


def point_tenders(s, wave: str, controls: ConversionControls, *, accounts: str | None = None) -> None:
    """Make every tender of the wave's accounts (production CCS_WAVE_LEDGER, or the `accounts` SELECT) carry the
    conversion TNDR_CTL_ID."""
    s.execute(_sql(s, "ctl_point_tenders.sql", accounts=_wave_accounts(s, accounts)), tndr_ctl=controls.tndr_ctl_id, wave=wave)


def tenders_off_control(s, wave: str, controls: ConversionControls, *, accounts: str | None = None,
                        sample: int = 10) -> tuple[int, list[str]]:
    """Check: (count, sample PAY_TENDER_IDs) of the wave's tenders not on the conversion tender control."""
    q = _sql(s, "ctl_tenders_off.sql", accounts=_wave_accounts(s, accounts))
    n = s.scalar(f"SELECT COUNT(*) FROM ({q}) v", tndr_ctl=controls.tndr_ctl_id, wave=wave) or 0
    keys = [str(r[0]).strip() for r in s.query(s.dialect.limit(f"SELECT VAL FROM ({q}) v ORDER BY VAL", sample),
                                                tndr_ctl=controls.tndr_ctl_id, wave=wave)] if n else []
    return int(n), keys


def tender_total(s, controls: ConversionControls) -> tuple[int, Decimal]:
    """(tenders, total amount) on the conversion tender control: what the user enters to balance it."""
    t = s.arrow(_sql(s, "ctl_tender_total.sql"), tndr_ctl=controls.tndr_ctl_id)
    return int(t.column("N")[0].as_py()), Decimal(str(t.column("TOTAL")[0].as_py()))
