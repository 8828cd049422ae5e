"""Deterministic generator of a legacy CIS landing folder (legacy-interface.md v1).

Writes one CSV per legacy entity in exactly the shape of the input contract, at
any scale, byte-identical for the same (customers, seed, waves). Names and
addresses come from pools built once with Faker (seeded); everything per row is
drawn from one seeded ``random.Random`` so 100,000 customers take seconds.

All dates are anchored to fixed dates (1995-01-01 .. 2025-11-30 for history),
never to "today"; wave cutovers start at 2026-01-15, 30 days apart. A few meter
exchanges are placed inside the 30 days before their wave's cutover, a few
meters move through exchanges from an SP of one wave to an SP of a later wave,
buildings are shared by apartments of several waves, and a few service points
carry an earlier agreement of another account, so "earliest wave wins" and the
cutover warning have something to work on.
"""

from __future__ import annotations

import csv
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from faker import Faker

# --------------------------------------------------------------------------
# Contract: files and their columns (legacy-interface.md v1), in contract order
# --------------------------------------------------------------------------
COLUMNS: dict[str, tuple[str, ...]] = {
    "customers.csv": (
        "cust_no", "cust_type", "first_name", "last_name", "business_name",
        "id_type", "id_number", "phone", "phone_type", "email", "language",
        "mail_address1", "mail_address2", "mail_city", "mail_state",
        "mail_postal", "mail_country", "created_date",
    ),
    "accounts.csv": (
        "acct_no", "main_cust_no", "division", "customer_class", "bill_cycle",
        "setup_date", "mailing_premise_no", "currency",
    ),
    "account_parties.csv": (
        "acct_no", "cust_no", "relationship", "financially_responsible",
        "receives_copy",
    ),
    "premises.csv": (
        "premise_no", "premise_type", "address1", "address2", "city", "state",
        "postal", "country", "parent_premise_no", "division",
    ),
    "service_points.csv": (
        "sp_no", "premise_no", "service_type", "sp_kind", "status",
        "install_date", "read_cycle", "read_route", "read_sequence",
        "meter_location",
    ),
    "service_agreements.csv": (
        "sa_no", "acct_no", "sp_no", "rate_code", "start_date", "end_date",
        "status",
    ),
    "meters.csv": (
        "meter_no", "serial_no", "manufacturer", "model", "meter_type",
        "status", "receive_date", "retire_date",
    ),
    "registers.csv": (
        "meter_no", "register_no", "uom", "tou", "read_kind", "digits_left",
        "digits_right", "multiplier", "effective_at",
    ),
    "meter_history.csv": (
        "history_no", "sp_no", "meter_no", "installed_at", "removed_at",
        "install_constant",
    ),
    "meter_history_reads.csv": ("history_no", "event", "register_no", "reading"),
    "items.csv": ("item_no", "item_type", "status", "receive_date"),
    "item_history.csv": ("sp_no", "item_no", "installed_on", "removed_on"),
    "wave_plan.csv": ("acct_no", "wave"),
    "waves.csv": ("wave", "cutover_date"),
}

# --------------------------------------------------------------------------
# Code values the generator writes (each has a row in codemaps/demo/<kind>.csv)
# --------------------------------------------------------------------------
DIVISIONS = ("NORTH", "SOUTH", "EAST", "WEST", "CENTRAL")
DIVISION_WEIGHTS = (30, 25, 20, 15, 10)
CUSTOMER_CLASSES = ("RES", "COM", "IND")
BILL_CYCLES = tuple(f"BC{i:02d}" for i in range(1, 21))
PREMISE_TYPES = ("SFH", "APT", "COMM", "IND", "BLDG")
READ_CYCLES = tuple(f"RC{i:02d}" for i in range(1, 21))
METER_LOCATIONS = ("BASEMENT", "OUTSIDE", "GARAGE", "UTILITY")
ID_TYPES = ("SSN", "DL", "EIN", "PASS")
PHONE_TYPES = ("HOME", "WORK", "CELL")
LANGUAGES = ("en", "es", "fr")
RELATIONSHIPS = ("COAPP", "LANDLORD", "TENANT", "THIRDPTY")
SERVICE_TYPES = ("E", "G", "W")
SP_KINDS = ("METER", "ITEM")
ITEM_TYPES = ("STREETLIGHT", "SECLIGHT", "POLE")
UOMS = ("KWH", "KW", "THM", "CCF", "GAL")
TOUS = ("ON", "OFF")

# rate code by (customer class, service type); ITEM service points use SL-1
RATE_CODES: dict[tuple[str, str], str] = {
    ("RES", "E"): "RES-E1", ("RES", "G"): "RES-G1", ("RES", "W"): "WTR-1",
    ("COM", "E"): "COM-E1", ("COM", "G"): "COM-G1", ("COM", "W"): "WTR-1",
    ("IND", "E"): "IND-E1", ("IND", "G"): "IND-G1", ("IND", "W"): "WTR-1",
}
ITEM_RATE_CODE = "SL-1"
ALL_RATE_CODES = tuple(sorted(set(RATE_CODES.values()) | {ITEM_RATE_CODE}))

# meter catalog: meter_type -> (manufacturer, model) choices
METER_CATALOG: dict[str, tuple[tuple[str, str], ...]] = {
    "E-1PH": (("ITRON", "CENTRON"), ("ITRON", "OPENWAY"), ("LANDIS", "FOCUS"),
              ("ELSTER", "REX2"), ("SENSUS", "ICON")),
    "E-TOU": (("ITRON", "OPENWAY"), ("LANDIS", "E330"), ("ELSTER", "A3ALPHA")),
    "E-3PH": (("ITRON", "SENTINEL"), ("LANDIS", "S4E"), ("ELSTER", "A3ALPHA")),
    "G-DIAPH": (("ELSTER", "AC250"), ("SENSUS", "R275")),
    "G-ROT": (("ELSTER", "RABO"), ("SENSUS", "RM")),
    "W-POS": (("NEPTUNE", "T10"), ("SENSUS", "SR2"), ("SENSUS", "IPERL")),
    "W-TURB": (("NEPTUNE", "HPT"), ("SENSUS", "OMNIT2")),
}
METER_TYPES = tuple(METER_CATALOG)
MANUFACTURERS = ("ITRON", "LANDIS", "ELSTER", "SENSUS", "NEPTUNE")
MODELS = tuple(sorted({mm for v in METER_CATALOG.values() for mm in v}))

WAVE_FIRST_CUTOVER = date(2026, 1, 15)
WAVE_CUTOVER_STEP_DAYS = 30


def wave_name(index: int) -> str:
    """Name of the wave with 0-based index (wave-01, wave-02, ...)."""
    return f"wave-{index + 1:02d}"


# --------------------------------------------------------------------------
# fixed date anchors (ordinals) and formatting
# --------------------------------------------------------------------------
_D1995 = date(1995, 1, 1).toordinal()
_D_CREATED_MAX = date(2025, 3, 31).toordinal()
_D_DATA_MAX = date(2025, 6, 30).toordinal()      # setup / install dates
_D_HIST_MAX = date(2025, 11, 30).toordinal()     # history, end and read dates
_D_MOVE_A_MAX = date(2025, 6, 30).toordinal()
_D_EXCH_ELIGIBLE = date(2025, 10, 1).toordinal()
_D_STORE_MIN = date(2015, 1, 1).toordinal()
_DAY = 86400


def _d(o: int | None) -> str | None:
    return None if o is None else date.fromordinal(o).isoformat()


def _ts(t: int | None) -> str | None:
    """Timestamp from seconds since ordinal day 0 (local time)."""
    if t is None:
        return None
    o, s = divmod(t, _DAY)
    return f"{date.fromordinal(o).isoformat()} {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def _slug(s: str) -> str:
    return "".join(ch for ch in _ascii(s).lower() if ch.isalnum())


def _unique(values) -> list[str]:
    """Order-preserving de-duplication (insertion order, no hash order)."""
    return list(dict.fromkeys(v for v in values if v))


# --------------------------------------------------------------------------
# pools built once with Faker
# --------------------------------------------------------------------------
@dataclass
class _Pools:
    first: list[str]
    last: list[str]
    intl_first: list[str]
    intl_last: list[str]
    streets: list[str]
    places: list[tuple[str, str, str, str]]  # city, state, postal, division
    companies: list[str]
    email_domains: list[str]


_FIXED_INTL_FIRST = ("José", "François", "Zoë", "Jürgen", "Inés", "Hélène", "Björn", "Ángel")
_FIXED_INTL_LAST = ("Müller", "Gómez", "Núñez", "Lefèvre", "Schröder", "Peña", "Béranger", "Łukasik")
_FIXED_APOSTROPHE_LAST = ("O'Brien", "O'Connor", "D'Angelo", "O'Neil")
_INDUSTRIES = ("Plumbing", "Bakery", "Hardware", "Auto Repair", "Dental", "Farms",
               "Laundry", "Printing", "Logistics", "Storage", "Diner", "Florist")
_BIZ_SUFFIXES = ("LLC", "Inc.", "Co.", "Ltd.", "Corp.", "LLP")
_CANADA = (("Rue Sainte-Catherine", "Montréal", "QC", "H"), ("Rue Saint-Jean", "Québec", "QC", "G"),
           ("King Street West", "Toronto", "ON", "M"))


def _build_pools(seed: int) -> _Pools:
    fk = Faker("en_US")
    fk.seed_instance(seed)
    first = _unique(fk.first_name() for _ in range(2000))
    last = _unique(fk.last_name() for _ in range(2000)) + list(_FIXED_APOSTROPHE_LAST)
    streets = _unique(fk.street_name() for _ in range(2000))
    places: list[tuple[str, str, str, str]] = []
    prng = random.Random(seed * 7919 + 1)
    for _ in range(2000):
        state = fk.state_abbr(include_territories=False)
        postal = fk.zipcode_in_state(state)
        if prng.random() < 0.15:
            postal = f"{postal}-{prng.randint(1, 9999):04d}"
        division = prng.choices(DIVISIONS, DIVISION_WEIGHTS)[0]
        places.append((fk.city(), state, postal, division))
    companies = _unique(fk.company() for _ in range(1500))
    email_domains = _unique(fk.free_email_domain() for _ in range(200))
    intl_first: list[str] = list(_FIXED_INTL_FIRST)
    intl_last: list[str] = list(_FIXED_INTL_LAST)
    for i, loc in enumerate(("de_DE", "fr_FR", "es_ES")):
        f = Faker(loc)
        f.seed_instance(seed + i + 1)
        intl_first += [f.first_name() for _ in range(150)]
        intl_last += [f.last_name() for _ in range(150)]
    return _Pools(first, last, _unique(intl_first), _unique(intl_last), streets,
                  places, companies, email_domains)


# --------------------------------------------------------------------------
# in-memory model
# --------------------------------------------------------------------------
@dataclass(slots=True)
class _SP:
    idx: int
    sp_no: str
    premise: int
    service: str
    kind: str
    install: int          # ordinal
    acct: int             # account of the current agreement
    cls: str              # RES/COM/IND of that account
    sa_status: str = "ACTIVE"
    sa_start: int = 0


@dataclass(slots=True)
class _Meter:
    meter_no: str
    serial: str
    mfg: str
    model: str | None
    mtype: str
    receive: int | None
    # (register_no, uom, tou, read_kind, digits_left, multiplier)
    regs: list[tuple[int, str, str | None, str, int, str]]
    status: str = "IN_STORE"
    retire: int | None = None
    histories: list["_Hist"] = field(default_factory=list)


@dataclass(slots=True)
class _Hist:
    sp: _SP
    meter: _Meter
    installed: int        # seconds
    removed: int | None = None
    history_no: str = ""
    reads: list[tuple[str, int, int]] = field(default_factory=list)


class _Generator:
    def __init__(self, customers: int, seed: int, waves: int) -> None:
        self.n = customers
        self.k = waves
        self.rng = random.Random(seed)
        self.pools = _build_pools(seed)
        self.customers: list[tuple] = []
        self.cust_class: list[str] = []       # R / COM / IND per customer
        self.cust_created: list[int] = []
        self.accounts: list[list] = []        # rows (mutable for mailing premise)
        self.acct_cls: list[str] = []
        self.acct_setup: list[int] = []
        self.acct_div: list[str] = []
        self.acct_premise: list[int] = []
        self.parties: list[tuple] = []
        self.premises: list[tuple] = []
        self.buildings_open: list[list] = []  # [premise idx, place, address1, next unit]
        self.plain_premises = 0
        self.sps: list[_SP] = []
        self.sas: list[tuple] = []
        self.sp_rows: list[tuple] = []
        self.meters: list[_Meter] = []
        self.hists: list[_Hist] = []
        self.items: list[tuple] = []
        self.item_hist: list[tuple] = []
        self.serial_counter: dict[str, int] = {}
        self.serial_base = {m: self.rng.randrange(10**8) for m in MANUFACTURERS}
        self.acct_wave: list[int | None] = []
        self.prior_sa_sps: set[int] = set()   # SPs that also carry another account's agreement

    # ---------------- small helpers ----------------
    def _person_name(self) -> tuple[str, str]:
        r = self.rng
        p = self.pools
        fn = r.choice(p.intl_first) if r.random() < 0.05 else r.choice(p.first)
        ln = r.choice(p.intl_last) if r.random() < 0.06 else r.choice(p.last)
        return fn, ln

    def _business_name(self) -> str:
        r = self.rng
        p = self.pools
        x = r.random()
        if x < 0.04:
            a, b = r.choice(p.last), r.choice(p.last)
            return r.choice((
                f'{a}, {b} & "Sons" {r.choice(_BIZ_SUFFIXES)}',
                f'"{a}" {r.choice(_INDUSTRIES)}, {r.choice(_BIZ_SUFFIXES)}',
                f"{a}'s {r.choice(_INDUSTRIES)}, {r.choice(_BIZ_SUFFIXES)}",
            ))
        if x < 0.05:
            return f"O'Brien, {r.choice(p.last)} & \"Sons\" LLC"
        if x < 0.25:
            return f"{r.choice(p.last)} {r.choice(_INDUSTRIES)} {r.choice(_BIZ_SUFFIXES)}"
        return r.choice(p.companies)

    def _phone(self) -> str:
        r = self.rng
        a, b, c = r.randint(201, 989), r.randint(200, 999), r.randint(0, 9999)
        f = r.randrange(5)
        if f == 0:
            return f"({a}) {b}-{c:04d}"
        if f == 1:
            return f"{a}-{b}-{c:04d}"
        if f == 2:
            return f"{a}.{b}.{c:04d}"
        if f == 3:
            return f"+1 {a} {b} {c:04d}"
        return f"{a}{b}{c:04d}"

    def _address2(self, line_break: bool = False) -> str:
        r = self.rng
        if line_break:
            return r.choice(("c/o Property Management\nSuite 200",
                             "Attn: Accounts Payable\nBuilding 2",
                             f"Rear entrance\nUnit {r.randint(1, 20)}"))
        return r.choice((f"Suite {r.randint(1, 9) * 100}", f"Unit {r.randint(1, 40)}",
                         f"Floor {r.randint(2, 12)}", f"Bldg {r.choice('ABCDEF')}"))

    def _street_address(self) -> str:
        return f"{self.rng.randint(1, 19999)} {self.rng.choice(self.pools.streets)}"

    # ---------------- customers ----------------
    def make_customers(self) -> None:
        r = self.rng
        p = self.pools
        for ci in range(self.n):
            cust_no = f"C{ci + 1:07d}"
            is_bus = r.random() < 0.12
            created = r.randint(_D1995, _D_CREATED_MAX)
            fn = ln = bn = None
            if is_bus:
                bn = self._business_name()
                cls = "IND" if r.random() < 0.2 else "COM"
            else:
                fn, ln = self._person_name()
                cls = "RES"
            id_type = id_number = None
            if r.random() < 0.15:
                if is_bus:
                    id_type, id_number = "EIN", f"{r.randint(10, 99)}-{r.randint(0, 9999999):07d}"
                else:
                    id_type = r.choices(("SSN", "DL", "PASS"), (60, 30, 10))[0]
                    if id_type == "SSN":
                        id_number = f"{r.randint(100, 899):03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
                    elif id_type == "DL":
                        id_number = f"{r.choice('ABCDEFGHJKLMNPRSTW')}{r.randint(0, 99999999):08d}"
                    else:
                        id_number = f"{r.randint(100000000, 999999999)}"
            phone = phone_type = None
            if r.random() < 0.70:
                phone = self._phone()
                if r.random() < 0.97:  # a few rely on the contract default HOME
                    phone_type = ("WORK" if is_bus else r.choices(PHONE_TYPES, (50, 10, 40))[0])
            email = None
            if r.random() < 0.50:
                dom = r.choice(p.email_domains)
                if is_bus:
                    local = r.choice(("info", "billing", "office", "accounts"))
                    dom = (_slug(bn or "")[:30] or "company") + ".com"
                else:
                    f_, l_ = _slug(fn or ""), _slug(ln or "")
                    local = r.choice((f"{f_}.{l_}", f"{f_[:1]}{l_}", f"{f_}{r.randint(1, 99)}",
                                      f"{l_}.{f_}{r.randint(1, 9)}")).strip(".") or f"user{ci + 1}"
                email = f"{local[:40]}@{dom}"
            x = r.random()
            language = "en" if x < 0.88 else "es" if x < 0.94 else "fr" if x < 0.97 else None
            mail = (None,) * 6
            if r.random() < 0.03:
                if r.random() < 0.1:
                    street, city, prov, fsa = r.choice(_CANADA)
                    mail = (f"{r.randint(1, 999)} {street}", None, city, prov,
                            f"{fsa}{r.randint(1, 9)}A {r.randint(1, 9)}B{r.randint(1, 9)}", "CAN")
                else:
                    city, state, postal, _ = r.choice(p.places)
                    a1 = (f"PO Box {r.randint(1, 9999)}" if r.random() < 0.4 else self._street_address())
                    a2 = self._address2(r.random() < 0.01) if r.random() < 0.2 else None
                    mail = (a1, a2, city, state, postal, "USA")
            self.customers.append((cust_no, "B" if is_bus else "R", fn, ln, bn, id_type, id_number,
                                   phone, phone_type, email, language, *mail, _d(created)))
            self.cust_class.append(cls)
            self.cust_created.append(created)

    # ---------------- accounts, premises, SPs, SAs ----------------
    def _new_premise(self, cls: str) -> tuple[int, str]:
        """Create the account's premise (and its building when an apartment)."""
        r = self.rng
        p = self.pools
        if cls == "RES" and r.random() < 0.115:
            if not self.buildings_open or r.random() < 1 / 6:
                place = r.choice(p.places)
                b_idx = len(self.premises)
                a1 = self._street_address()
                city, state, postal, div = place
                self.premises.append((f"P{b_idx + 1:07d}", "BLDG", a1, None, city, state, postal,
                                      "USA", None, div))
                self.buildings_open.append([b_idx, place, a1, 1])
                if len(self.buildings_open) > 20:
                    self.buildings_open.pop(0)
            b = r.choice(self.buildings_open)
            b_idx, place, a1, unit = b
            b[3] += 1
            city, state, postal, div = place
            idx = len(self.premises)
            a2 = r.choice((f"Apt {unit}", f"Unit {unit}", f"Apt {unit}{r.choice('ABCD')}"))
            self.premises.append((f"P{idx + 1:07d}", "APT", a1, a2, city, state, postal, "USA",
                                  self.premises[b_idx][0], div))
            return idx, div
        city, state, postal, div = r.choice(p.places)
        ptype = "SFH" if cls == "RES" else "COMM" if cls == "COM" else "IND"
        # address2 on ~5%; one premise in 500 has a line break in it (kept on a
        # fixed schedule so that even small runs have one)
        self.plain_premises += 1
        if self.plain_premises % 500 == 3:
            a2 = self._address2(line_break=True)
        else:
            a2 = self._address2() if r.random() < 0.05 else None
        idx = len(self.premises)
        self.premises.append((f"P{idx + 1:07d}", ptype, self._street_address(), a2, city, state,
                              postal, "USA", None, div))
        return idx, div

    def _add_sa(self, acct: int, sp: _SP, rate: str, start: int, status: str) -> None:
        r = self.rng
        end = None
        if status in ("STOPPED", "CLOSED"):
            end = start if r.random() < 0.02 else r.randint(start, _D_HIST_MAX)
        elif status == "PENDING_STOP":
            end = r.randint(max(start, _D_HIST_MAX - 30), _D_HIST_MAX)
        self.sas.append((f"SA{len(self.sas) + 1:07d}", self.accounts[acct][0], sp.sp_no, rate,
                         _d(start), _d(end), status))

    def _add_sp(self, premise: int, service: str, kind: str, acct: int, cls: str, setup: int) -> None:
        r = self.rng
        install = setup if r.random() < 0.5 else max(_D1995, setup - r.randint(0, 3650))
        sp = _SP(len(self.sps), f"SP{len(self.sps) + 1:07d}", premise, service, kind, install, acct, cls)
        x = r.random()
        status = ("ACTIVE" if x < 0.85 else "PENDING_STOP" if x < 0.88
                  else "STOPPED" if x < 0.95 else "CLOSED")
        sp.sa_status = status
        sp.sa_start = setup
        self.sps.append(sp)
        if kind == "METER":
            rc = r.choice(READ_CYCLES)
            read_route = f"{rc}-{r.randint(1, 40):02d}" if r.random() < 0.95 else None
            read_seq = r.randint(1, 999) * 10 if read_route else None
            loc = r.choice(METER_LOCATIONS) if r.random() < 0.9 else None
        else:
            rc = read_route = read_seq = loc = None
        self.sp_rows.append((sp.sp_no, self.premises[premise][0], service, kind,
                             "INACTIVE" if status == "CLOSED" else "ACTIVE", _d(install),
                             rc, read_route, read_seq, loc))
        rate = ITEM_RATE_CODE if kind == "ITEM" else RATE_CODES[(cls, service)]
        self._add_sa(acct, sp, rate, setup, status)

    def make_accounts(self) -> None:
        r = self.rng
        for ci in range(self.n):
            cls = self.cust_class[ci]
            created = self.cust_created[ci]
            n_acc = 2 if r.random() < 0.03 else 1
            first_premise = None
            for k in range(n_acc):
                ai = len(self.accounts)
                setup = (min(created + r.randint(0, 90), _D_DATA_MAX) if k == 0
                         else r.randint(created, _D_DATA_MAX))
                prem, div = self._new_premise(cls)
                mailing = None
                if k == 1:
                    mailing = self.premises[first_premise][0]
                elif r.random() < 0.025 and len(self.premises) > 2:
                    other = r.randrange(len(self.premises) - 1)
                    if self.premises[other][1] != "BLDG":
                        mailing = self.premises[other][0]
                if first_premise is None:
                    first_premise = prem
                x = r.random()
                currency = "USD" if x < 0.9 else None
                self.accounts.append([f"A{ai + 1:07d}", self.customers[ci][0], div, cls,
                                      r.choice(BILL_CYCLES), _d(setup), mailing, currency])
                self.acct_cls.append(cls)
                self.acct_setup.append(setup)
                self.acct_div.append(div)
                self.acct_premise.append(prem)
                if r.random() < 0.08 and self.n > 1:
                    other = r.randrange(self.n - 1)
                    if other >= ci:
                        other += 1
                    rel = r.choices(RELATIONSHIPS, (40, 20, 25, 15))[0]
                    self.parties.append((f"A{ai + 1:07d}", self.customers[other][0], rel,
                                         "Y" if rel == "COAPP" or r.random() < 0.2 else "N",
                                         "Y" if r.random() < 0.5 else "N"))
                # service points
                self._add_sp(prem, "E", "METER", ai, cls, setup)
                if r.random() < 0.40:
                    self._add_sp(prem, "G", "METER", ai, cls, setup)
                if r.random() < 0.20:
                    self._add_sp(prem, "W", "METER", ai, cls, setup)
                if cls != "RES" and r.random() < 0.12:
                    self._add_sp(prem, "E", "ITEM", ai, cls, setup)

    def add_prior_agreements(self) -> None:
        """A few SPs carry a closed agreement of an earlier occupant's account."""
        r = self.rng
        meter_sps = [sp for sp in self.sps if sp.kind == "METER" and sp.sa_start - sp.install > 60]
        n = max(1, round(0.005 * sum(1 for sp in self.sps if sp.kind == "METER")))
        r.shuffle(meter_sps)
        done = 0
        for sp in meter_sps:
            if done >= n:
                break
            other = r.randrange(len(self.accounts))
            if other == sp.acct or self.acct_setup[other] > sp.sa_start - 30:
                continue
            start = max(self.acct_setup[other], sp.install)
            end = r.randint(start, sp.sa_start - 1)
            rate = RATE_CODES[(self.acct_cls[other], sp.service)]
            self.sas.append((f"SA{len(self.sas) + 1:07d}", self.accounts[other][0], sp.sp_no,
                             rate, _d(start), _d(end), "CLOSED"))
            self.prior_sa_sps.add(sp.idx)
            done += 1

    # ---------------- waves ----------------
    def assign_waves(self) -> None:
        r = self.rng
        n_acc = len(self.accounts)
        order = list(range(n_acc))
        r.shuffle(order)
        n_unplanned = round(0.005 * n_acc)
        self.acct_wave = [None] * n_acc
        for pos, ai in enumerate(order[n_unplanned:]):
            self.acct_wave[ai] = pos % self.k

    def cutover(self, w: int) -> int:
        return WAVE_FIRST_CUTOVER.toordinal() + WAVE_CUTOVER_STEP_DAYS * w

    # ---------------- devices ----------------
    def _new_meter(self, service: str, cls: str, first_install: int | None) -> _Meter:
        r = self.rng
        if service == "E":
            if cls == "RES":
                mtype = "E-TOU" if r.random() < 0.11 else "E-1PH"
            else:
                mtype = "E-3PH" if r.random() < 0.7 else "E-1PH"
        elif service == "G":
            mtype = "G-ROT" if cls != "RES" and r.random() < 0.5 else "G-DIAPH"
        else:
            mtype = "W-TURB" if cls == "IND" and r.random() < 0.5 else "W-POS"
        mfg, model = r.choice(METER_CATALOG[mtype])
        cnt = self.serial_counter.get(mfg, 0)
        self.serial_counter[mfg] = cnt + 1
        x = (cnt * 7919 + self.serial_base[mfg]) % 10**8
        serial = {"ITRON": f"{x:08d}", "LANDIS": f"LG{x:08d}", "ELSTER": f"E{x:09d}",
                  "SENSUS": f"{x:010d}", "NEPTUNE": f"NP{x:08d}"}[mfg]
        if first_install is None:
            receive = r.randint(_D_STORE_MIN, _D_DATA_MAX)
        else:
            day = first_install // _DAY
            receive = max(_D1995, day - r.randint(0, 365)) if day >= _D1995 else day
            if r.random() < 0.03:
                receive = None
        mult = "10" if (cls != "RES" and r.random() < 0.25) or r.random() < 0.01 else "1"
        dl = r.randint(5, 6)
        if mtype == "E-TOU":
            regs = [(1, "KWH", "ON", "CONSUMPTION", dl, mult), (2, "KWH", "OFF", "CONSUMPTION", dl, mult)]
        elif mtype == "E-3PH" and r.random() < 0.55:
            regs = [(1, "KWH", None, "CONSUMPTION", dl, mult), (2, "KW", None, "DEMAND", r.randint(5, 6), mult)]
        elif service == "E":
            regs = [(1, "KWH", None, "CONSUMPTION", dl, mult)]
        elif service == "G":
            regs = [(1, "THM" if r.random() < 0.6 else "CCF", None, "CONSUMPTION", dl, mult)]
        else:
            regs = [(1, "GAL", None, "CONSUMPTION", dl, mult)]
        m = _Meter(f"M{len(self.meters) + 1:07d}", serial, mfg,
                   model if r.random() < 0.97 else None, mtype, receive, regs)
        self.meters.append(m)
        return m

    def _hist(self, sp: _SP, meter: _Meter, installed: int, removed: int | None) -> _Hist:
        h = _Hist(sp, meter, installed, removed, f"H{len(self.hists) + 1:07d}")
        self.hists.append(h)
        meter.histories.append(h)
        return h

    def make_devices(self) -> None:
        r = self.rng
        meter_sps = [sp for sp in self.sps if sp.kind == "METER"]
        first: dict[int, int] = {}
        for sp in meter_sps:
            first[sp.idx] = sp.install * _DAY + r.randint(7 * 60, 16 * 60) * 60
        exch: dict[int, int] = {}          # sp idx -> new meter installed_at
        late: set[int] = set()
        move_a: dict[int, int] = {}        # sp_a idx -> sp_b idx
        move_b: dict[int, int] = {}        # sp_b idx -> sp_a idx
        # late exchanges: inside the 30 days before the SP's wave cutover (only on
        # SPs reached from that one wave, so no earlier cutover applies to them)
        cands = [sp for sp in meter_sps if self.acct_wave[sp.acct] is not None
                 and sp.sa_status == "ACTIVE" and sp.install < _D_EXCH_ELIGIBLE
                 and sp.idx not in self.prior_sa_sps]
        n_late = max(1, round(0.002 * len(meter_sps))) if cands else 0
        for sp in r.sample(cands, min(n_late, len(cands))):
            co = self.cutover(self.acct_wave[sp.acct])
            exch[sp.idx] = (co - r.randint(2, 28)) * _DAY + r.randint(8 * 60, 16 * 60) * 60
            late.add(sp.idx)
        # meters moving from an SP of an earlier wave to an SP of a later wave
        if self.k >= 2:
            by_wave: dict[int, list[_SP]] = {}
            for sp in meter_sps:
                w = self.acct_wave[sp.acct]
                if (w is not None and sp.service == "E" and sp.idx not in late
                        and sp.install < _D_MOVE_A_MAX - 40):
                    by_wave.setdefault(w, []).append(sp)
            for lst in by_wave.values():
                r.shuffle(lst)
            n_moves = max(1, round(0.002 * len(meter_sps)))
            for _ in range(n_moves):
                ws = sorted(w for w, lst in by_wave.items() if lst)
                if len(ws) < 2:
                    break
                wa, wb = sorted(r.sample(ws, 2))
                a, b = by_wave[wa].pop(), by_wave[wb].pop()
                xa = r.randint(first[a.idx] // _DAY + 30, _D_MOVE_A_MAX) * _DAY + r.randint(8 * 60, 16 * 60) * 60
                lo = max(xa, first[b.idx]) // _DAY + 2
                xb = r.randint(lo, _D_HIST_MAX) * _DAY + r.randint(8 * 60, 16 * 60) * 60
                exch[a.idx], exch[b.idx] = xa, xb
                move_a[a.idx], move_b[b.idx] = b.idx, a.idx
        # ordinary exchanges, ~10% of meter SPs in all
        target = 0.10
        for sp in meter_sps:
            if sp.idx in exch or sp.install >= _D_EXCH_ELIGIBLE:
                continue
            if r.random() < target:
                lo = first[sp.idx] + 30 * _DAY
                exch[sp.idx] = r.randint(lo // 60, (_D_HIST_MAX * _DAY + 16 * 3600) // 60) * 60
        # build meters and history, SP by SP
        moved_meter: dict[int, _Meter] = {}   # sp_b idx -> meter moving in
        pending_b: dict[int, tuple[_SP, int]] = {}
        for sp in meter_sps:
            f = first[sp.idx]
            if sp.idx in exch:
                x = exch[sp.idx]
                old = self._new_meter(sp.service, sp.cls, f)
                removed = x - r.randint(5, 120) * 60
                self._hist(sp, old, f, removed)
                if sp.idx in move_a:
                    old.status = "INSTALLED"
                    b_idx = move_a[sp.idx]
                    moved_meter[b_idx] = old
                    if b_idx in pending_b:
                        bsp, bx = pending_b.pop(b_idx)
                        self._hist(bsp, old, bx, None)
                elif sp.idx not in late and r.random() < 0.11:
                    old.status = "RETIRED"
                    rd = removed // _DAY
                    old.retire = min(_D_HIST_MAX, rd + r.randint(1, 180)) if rd < _D_HIST_MAX else rd
                else:
                    old.status = "IN_STORE"
                if sp.idx in move_b:
                    if sp.idx in moved_meter:
                        self._hist(sp, moved_meter[sp.idx], x, None)
                    else:
                        pending_b[sp.idx] = (sp, x)
                else:
                    new = self._new_meter(sp.service, sp.cls, x)
                    new.status = "INSTALLED"
                    self._hist(sp, new, x, None)
            else:
                m = self._new_meter(sp.service, sp.cls, f)
                m.status = "INSTALLED"
                self._hist(sp, m, f, None)
        assert not pending_b
        # meters in store, never installed (~5% of all meters)
        n_store = round(len(self.meters) * 0.05 / 0.95)
        for _ in range(n_store):
            service = r.choices(SERVICE_TYPES, (60, 28, 12))[0]
            self._new_meter(service, "RES" if r.random() < 0.8 else "COM", None)
        # readings: per meter, chronologically across its histories
        for m in self.meters:
            cur = {reg[0]: r.randint(0, 10 ** reg[4] // 20) for reg in m.regs}
            for h in sorted(m.histories, key=lambda h: h.installed):
                for reg_no, _u, _t, kind, dl, _m in m.regs:
                    val = r.randint(0, min(999, 10 ** dl - 1)) if kind == "DEMAND" else cur[reg_no]
                    h.reads.append(("INSTALL", reg_no, val))
                if h.removed is not None:
                    for reg_no, _u, _t, kind, dl, _m in m.regs:
                        if kind == "DEMAND":
                            val = r.randint(0, min(999, 10 ** dl - 1))
                        else:
                            val = min(10 ** dl - 1, cur[reg_no] + r.randint(10, 10 ** dl // 4))
                            cur[reg_no] = val
                        h.reads.append(("REMOVE", reg_no, val))

    # ---------------- items ----------------
    def make_items(self) -> None:
        r = self.rng

        def new_item(itype: str, status: str, first_day: int | None) -> str:
            no = f"I{len(self.items) + 1:07d}"
            if first_day is None:
                receive = r.randint(_D_STORE_MIN, _D_DATA_MAX)
            else:
                receive = None if r.random() < 0.05 else max(_D1995, first_day - r.randint(0, 200))
                receive = min(receive, first_day) if receive is not None else None
            self.items.append((no, itype, status, _d(receive)))
            return no

        for sp in self.sps:
            if sp.kind != "ITEM":
                continue
            for _ in range(r.randint(1, 3)):
                itype = r.choices(ITEM_TYPES, (70, 20, 10))[0]
                inst = min(sp.install + r.randint(0, 30), _D_HIST_MAX)
                if r.random() < 0.15:
                    rem = r.randint(inst, _D_HIST_MAX)
                    old = new_item(itype, "IN_STORE", inst)
                    self.item_hist.append((sp.sp_no, old, _d(inst), _d(rem)))
                    new = new_item(itype, "INSTALLED", rem)
                    self.item_hist.append((sp.sp_no, new, _d(rem), None))
                else:
                    no = new_item(itype, "INSTALLED", inst)
                    self.item_hist.append((sp.sp_no, no, _d(inst), None))
        for _ in range(round(len(self.items) * 0.05)):
            new_item(r.choices(ITEM_TYPES, (70, 20, 10))[0], "IN_STORE", None)

    # ---------------- output ----------------
    def tables(self) -> dict[str, list]:
        meter_rows = [(m.meter_no, m.serial, m.mfg, m.model, m.mtype, m.status, _d(m.receive),
                       _d(m.retire)) for m in self.meters]
        reg_rows = []
        for m in self.meters:
            if m.receive is not None:
                eff = m.receive * _DAY
            else:
                eff = (min(h.installed for h in m.histories) // _DAY) * _DAY
            for reg_no, uom, tou, kind, dl, mult in m.regs:
                reg_rows.append((m.meter_no, reg_no, uom, tou, kind, dl, 0, mult, _ts(eff)))
        hist_rows = []
        read_rows = []
        for h in self.hists:
            const = None if self.rng.random() < 0.05 else "1"
            hist_rows.append((h.history_no, h.sp.sp_no, h.meter.meter_no, _ts(h.installed),
                              _ts(h.removed), const))
            for ev, reg_no, val in h.reads:
                read_rows.append((h.history_no, ev, reg_no, val))
        wave_plan = [(self.accounts[ai][0], wave_name(w))
                     for ai, w in enumerate(self.acct_wave) if w is not None]
        waves = [(wave_name(w), _d(self.cutover(w))) for w in range(self.k)]
        return {
            "customers.csv": self.customers,
            "accounts.csv": self.accounts,
            "account_parties.csv": self.parties,
            "premises.csv": self.premises,
            "service_points.csv": self.sp_rows,
            "service_agreements.csv": self.sas,
            "meters.csv": meter_rows,
            "registers.csv": reg_rows,
            "meter_history.csv": hist_rows,
            "meter_history_reads.csv": read_rows,
            "items.csv": self.items,
            "item_history.csv": self.item_hist,
            "wave_plan.csv": wave_plan,
            "waves.csv": waves,
        }

    def run(self) -> dict[str, list]:
        self.make_customers()
        self.make_accounts()
        self.add_prior_agreements()
        self.assign_waves()
        self.make_devices()
        self.make_items()
        return self.tables()


def generate_landing(out_dir: Path, customers: int, seed: int = 42, waves: int = 3) -> dict[str, int]:
    """Write a legacy landing folder (legacy-interface.md v1) into ``out_dir``.

    Deterministic: the same (customers, seed, waves) gives byte-identical files.
    Returns the number of data rows written per file name.
    """
    if customers < 1:
        raise ValueError("customers must be >= 1")
    if not 1 <= waves <= 99:
        raise ValueError("waves must be between 1 and 99")
    tables = _Generator(customers, seed, waves).run()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name, cols in COLUMNS.items():
        rows = tables[name]
        with open(out_dir / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter=",", quotechar='"', doublequote=True,
                           quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
            w.writerow(cols)
            w.writerows(rows)
        counts[name] = len(rows)
    return counts
