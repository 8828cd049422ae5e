"""Tests of the legacy landing generator against legacy-interface.md v1."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import ccs_assets.generate as gen_pkg
from ccs_assets.generate import generate_landing

# The contract's columns, transcribed independently of the generator.
CONTRACT = {
    "customers.csv": "cust_no cust_type first_name last_name business_name id_type id_number phone "
                     "phone_type email language mail_address1 mail_address2 mail_city mail_state "
                     "mail_postal mail_country created_date",
    "accounts.csv": "acct_no main_cust_no division customer_class bill_cycle setup_date "
                    "mailing_premise_no currency",
    "account_parties.csv": "acct_no cust_no relationship financially_responsible receives_copy",
    "premises.csv": "premise_no premise_type address1 address2 city state postal country "
                    "parent_premise_no division",
    "service_points.csv": "sp_no premise_no service_type sp_kind status install_date read_cycle "
                          "read_route read_sequence meter_location",
    "service_agreements.csv": "sa_no acct_no sp_no rate_code start_date end_date status",
    "meters.csv": "meter_no serial_no manufacturer model meter_type status receive_date retire_date",
    "registers.csv": "meter_no register_no uom tou read_kind digits_left digits_right multiplier "
                     "effective_at",
    "meter_history.csv": "history_no sp_no meter_no installed_at removed_at install_constant",
    "meter_history_reads.csv": "history_no event register_no reading",
    "items.csv": "item_no item_type status receive_date",
    "item_history.csv": "sp_no item_no installed_on removed_on",
    "wave_plan.csv": "acct_no wave",
    "waves.csv": "wave cutover_date",
}
CONTRACT = {k: v.split() for k, v in CONTRACT.items()}

CODEMAP_DIR = Path(gen_pkg.__file__).resolve().parent.parent / "codemaps" / "demo"
CODEMAP_COLUMNS = {
    "division": ["division"], "customer_class": ["customer_class"], "bill_cycle": ["bill_cycle"],
    "premise_type": ["premise_type"], "sp_type": ["division", "service_type", "sp_kind"],
    "read_cycle": ["read_cycle"], "meter_location": ["meter_location"],
    "sa_type": ["division", "rate_code"], "id_type": ["id_type"], "phone_type": ["phone_type"],
    "language": ["language"], "relationship": ["relationship"], "manufacturer": ["manufacturer"],
    "model": ["manufacturer", "model"], "meter_type": ["meter_type"], "uom": ["uom"],
    "tou": ["tou"], "item_type": ["item_type"],
}
CCB_MAX_LEN = {
    "division": 5, "customer_class": 8, "bill_cycle": 4, "premise_type": 8, "sp_type": 8,
    "read_cycle": 4, "meter_location": 4, "sa_type": 8, "id_type": 8, "phone_type": 8,
    "language": 3, "relationship": 8, "manufacturer": 8, "model": 8, "meter_type": 8,
    "uom": 4, "tou": 8, "item_type": 8,
}
HIST_LIMIT = datetime(2025, 12, 1)
TS = "%Y-%m-%d %H:%M:%S"


def read(folder: Path, name: str) -> list[dict[str, str]]:
    with open(folder / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def ts(v: str) -> datetime:
    return datetime.strptime(v, TS)


def d(v: str) -> date:
    return date.fromisoformat(v)


@pytest.fixture(scope="module")
def landing(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("landing")
    counts = generate_landing(out, customers=2000, seed=42, waves=3)
    return out, counts


@pytest.fixture(scope="module")
def data(landing) -> dict[str, list[dict[str, str]]]:
    folder, _ = landing
    return {name: read(folder, name) for name in CONTRACT}


# ---------------------------------------------------------------- format
def test_determinism(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    ca = generate_landing(a, customers=300, seed=7, waves=3)
    cb = generate_landing(b, customers=300, seed=7, waves=3)
    generate_landing(c, customers=300, seed=8, waves=3)
    assert ca == cb
    for name in CONTRACT:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert (a / "customers.csv").read_bytes() != (c / "customers.csv").read_bytes()


def test_files_headers_and_encoding(landing):
    folder, counts = landing
    assert set(counts) == set(CONTRACT)
    for name, cols in CONTRACT.items():
        raw = (folder / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), name
        assert b"\r" not in raw, name
        raw.decode("utf-8")
        assert raw.split(b"\n", 1)[0].decode() == ",".join(cols), name
        with open(folder / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert all(len(r) == len(cols) for r in rows), name
        assert len(rows) - 1 == counts[name], name
        assert counts[name] > 0, name


@pytest.mark.parametrize("doc", [
    Path(__file__).resolve().parents[2] / "docs" / "legacy-interface.md",  # the project's copy, always there
    Path(__file__).resolve().parents[2].parent / "shared" / "legacy-interface.md",  # the shared original, when beside
], ids=["docs", "shared"])
def test_headers_match_contract_document(doc):
    """The generator's headers are the contract's tables (the project's copy, and the shared text when present)."""
    if not doc.exists():
        pytest.skip(f"{doc} is not beside the repository")
    tables: dict[str, list[str]] = {}
    current = None
    for line in doc.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^### (\S+\.csv)", line)
        if m:
            current = m.group(1)
            tables[current] = []
            continue
        if line.startswith("## "):
            current = None
        if current and line.startswith("| ") and not line.startswith("| column") and "---" not in line:
            for col in line.split("|")[1].split(","):
                tables[current].append(col.strip())
    assert tables == CONTRACT


def test_realistic_text(data):
    custs = data["customers.csv"]
    names = [c["first_name"] + " " + c["last_name"] for c in custs]
    assert any(any(ord(ch) > 127 for ch in n) for n in names)
    biz = [c["business_name"] for c in custs if c["business_name"]]
    assert any("," in b for b in biz) and any('"' in b for b in biz)
    fields = [p["address2"] for p in data["premises.csv"]] + [c["mail_address2"] for c in custs]
    assert any("\n" in f for f in fields)


# ---------------------------------------------------------------- keys
@pytest.mark.parametrize("name,key", [
    ("customers.csv", ("cust_no",)), ("accounts.csv", ("acct_no",)),
    ("account_parties.csv", ("acct_no", "cust_no")), ("premises.csv", ("premise_no",)),
    ("service_points.csv", ("sp_no",)), ("service_agreements.csv", ("sa_no",)),
    ("meters.csv", ("meter_no",)), ("meters.csv", ("manufacturer", "serial_no")),
    ("registers.csv", ("meter_no", "register_no")), ("meter_history.csv", ("history_no",)),
    ("meter_history_reads.csv", ("history_no", "event", "register_no")),
    ("items.csv", ("item_no",)), ("wave_plan.csv", ("acct_no",)), ("waves.csv", ("wave",)),
])
def test_unique_keys(data, name, key):
    rows = data[name]
    keys = [tuple(r[k] for k in key) for r in rows]
    assert len(keys) == len(set(keys))
    assert all(all(1 <= len(v) <= 30 and v == v.strip() for v in k) for k in keys)


def test_key_formats(data):
    for name, col, pat in [("customers.csv", "cust_no", r"C\d{7}"), ("accounts.csv", "acct_no", r"A\d{7}"),
                           ("premises.csv", "premise_no", r"P\d{7}"), ("service_points.csv", "sp_no", r"SP\d{7}"),
                           ("service_agreements.csv", "sa_no", r"SA\d{7}"), ("meters.csv", "meter_no", r"M\d{7}"),
                           ("meter_history.csv", "history_no", r"H\d{7}"), ("items.csv", "item_no", r"I\d{7}")]:
        assert all(re.fullmatch(pat, r[col]) for r in data[name]), name


def test_foreign_keys(data):
    custs = {r["cust_no"] for r in data["customers.csv"]}
    accts = {r["acct_no"]: r for r in data["accounts.csv"]}
    prems = {r["premise_no"]: r for r in data["premises.csv"]}
    sps = {r["sp_no"]: r for r in data["service_points.csv"]}
    meters = {r["meter_no"] for r in data["meters.csv"]}
    regs = {(r["meter_no"], r["register_no"]) for r in data["registers.csv"]}
    hist = {r["history_no"]: r for r in data["meter_history.csv"]}
    items = {r["item_no"] for r in data["items.csv"]}
    for a in accts.values():
        assert a["main_cust_no"] in custs
        assert not a["mailing_premise_no"] or a["mailing_premise_no"] in prems
    for p in data["account_parties.csv"]:
        assert p["acct_no"] in accts and p["cust_no"] in custs
        assert p["cust_no"] != accts[p["acct_no"]]["main_cust_no"]
    for p in prems.values():
        assert not p["parent_premise_no"] or p["parent_premise_no"] in prems
    for s in sps.values():
        assert s["premise_no"] in prems
    for sa in data["service_agreements.csv"]:
        assert sa["acct_no"] in accts and sa["sp_no"] in sps
    for r in data["registers.csv"]:
        assert r["meter_no"] in meters
    for h in hist.values():
        assert h["sp_no"] in sps and h["meter_no"] in meters
        assert sps[h["sp_no"]]["sp_kind"] == "METER"
    for r in data["meter_history_reads.csv"]:
        assert r["history_no"] in hist
        assert (hist[r["history_no"]]["meter_no"], r["register_no"]) in regs
    for ih in data["item_history.csv"]:
        assert ih["item_no"] in items and ih["sp_no"] in sps
        assert sps[ih["sp_no"]]["sp_kind"] == "ITEM"
    for w in data["wave_plan.csv"]:
        assert w["acct_no"] in accts
    # every meter has a register configuration
    assert {m for m, _ in regs} == meters


def test_premise_hierarchy(data):
    prems = {r["premise_no"]: r for r in data["premises.csv"]}
    assert sum(1 for p in prems.values() if p["premise_type"] == "APT") > 0
    for p in prems.values():
        seen = {p["premise_no"]}
        cur = p
        while cur["parent_premise_no"]:
            cur = prems[cur["parent_premise_no"]]
            assert cur["premise_no"] not in seen, "cycle"
            seen.add(cur["premise_no"])
        if p["premise_type"] == "APT":
            parent = prems[p["parent_premise_no"]]
            assert parent["premise_type"] == "BLDG" and parent["division"] == p["division"]


# ---------------------------------------------------------------- rules
def test_customer_rules(data):
    email = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    for c in data["customers.csv"]:
        assert c["cust_type"] in ("R", "B")
        if c["cust_type"] == "R":
            assert c["first_name"] and c["last_name"]
        else:
            assert c["business_name"]
        if c["id_type"]:
            assert c["id_number"] and len(c["id_number"]) <= 36
        if c["mail_address1"]:
            assert c["mail_city"] and c["mail_postal"] and c["mail_country"]
        if c["email"]:
            assert email.match(c["email"]) and c["email"].count("@") == 1 and len(c["email"]) <= 70
        assert len(c["phone"]) <= 24 and len(c["first_name"]) <= 100 and len(c["last_name"]) <= 100
        assert len(c["business_name"]) <= 254
        assert not c["phone_type"] or c["phone"]
        d(c["created_date"])


def test_account_and_premise_rules(data):
    prems = {r["premise_no"]: r for r in data["premises.csv"]}
    for a in data["accounts.csv"]:
        assert all(a[k] for k in ("division", "customer_class", "bill_cycle", "setup_date"))
        assert a["currency"] in ("", "USD")
        assert d(a["setup_date"]) <= date(2025, 6, 30)
    for p in data["account_parties.csv"]:
        assert p["financially_responsible"] in ("Y", "N") and p["receives_copy"] in ("Y", "N")
    for p in prems.values():
        assert all(p[k] for k in ("premise_type", "address1", "city", "state", "postal", "country", "division"))
        assert len(p["state"]) <= 6 and len(p["postal"]) <= 12 and len(p["country"]) <= 3
        assert len(p["city"]) <= 90 and len(p["address1"]) <= 254 and len(p["address2"]) <= 254


def test_sp_and_sa_rules(data):
    sps = {r["sp_no"]: r for r in data["service_points.csv"]}
    sa_by_sp = defaultdict(list)
    for sa in data["service_agreements.csv"]:
        assert sa["status"] in ("ACTIVE", "PENDING_STOP", "STOPPED", "CLOSED")
        if sa["end_date"]:
            assert d(sa["end_date"]) >= d(sa["start_date"])
            assert d(sa["end_date"]) < HIST_LIMIT.date()
        if sa["status"] in ("STOPPED", "CLOSED"):
            assert sa["end_date"]
        svc = sps[sa["sp_no"]]["service_type"]
        kind = sps[sa["sp_no"]]["sp_kind"]
        expected = {"E": r"(RES|COM|IND)-E1", "G": r"(RES|COM|IND)-G1", "W": r"WTR-1"}[svc]
        assert re.fullmatch("SL-1" if kind == "ITEM" else expected, sa["rate_code"])
        sa_by_sp[sa["sp_no"]].append(sa)
    for s in sps.values():
        assert s["service_type"] in ("E", "G", "W") and s["sp_kind"] in ("METER", "ITEM")
        assert s["status"] in ("ACTIVE", "INACTIVE")
        if s["sp_kind"] == "METER":
            assert s["read_cycle"]
        else:
            assert s["service_type"] == "E"
        assert len(s["read_route"]) <= 16
        assert s["sp_no"] in sa_by_sp
        # agreements of one SP do not overlap
        periods = sorted((d(a["start_date"]), d(a["end_date"]) if a["end_date"] else date.max)
                         for a in sa_by_sp[s["sp_no"]])
        for (_, e1), (s2, _) in zip(periods, periods[1:]):
            assert e1 < s2
    kinds = Counter(s["sp_kind"] for s in sps.values())
    assert kinds["ITEM"] > 0
    assert 0.002 < kinds["ITEM"] / len(sps) < 0.03


def test_meter_rules(data):
    meters = {r["meter_no"]: r for r in data["meters.csv"]}
    regs = defaultdict(dict)
    for r in data["registers.csv"]:
        assert 1 <= int(r["register_no"]) <= 99
        assert r["read_kind"] in ("CONSUMPTION", "DEMAND")
        assert 1 <= int(r["digits_left"]) <= 10 and 0 <= int(r["digits_right"]) <= 5
        assert float(r["multiplier"]) > 0
        ts(r["effective_at"])
        regs[r["meter_no"]][r["register_no"]] = r
    hist_by_meter = defaultdict(list)
    for h in data["meter_history.csv"]:
        hist_by_meter[h["meter_no"]].append(h)
    for m in meters.values():
        assert m["status"] in ("INSTALLED", "IN_STORE", "RETIRED")
        assert len(m["serial_no"]) <= 16
        assert bool(m["retire_date"]) == (m["status"] == "RETIRED")
        hs = hist_by_meter[m["meter_no"]]
        open_hs = [h for h in hs if not h["removed_at"]]
        if m["status"] == "INSTALLED":
            assert len(open_hs) == 1
        else:
            assert not open_hs
        if m["status"] == "RETIRED":
            assert hs and d(m["retire_date"]) >= max(ts(h["removed_at"]) for h in hs).date()
        if hs:
            first = min(ts(h["installed_at"]) for h in hs)
            eff = min(ts(r["effective_at"]) for r in regs[m["meter_no"]].values())
            assert eff <= first
            if m["receive_date"]:
                assert d(m["receive_date"]) <= first.date()
        uoms = sorted((r["uom"], r["tou"], r["read_kind"]) for r in regs[m["meter_no"]].values())
        t = m["meter_type"]
        if t.startswith("E-"):
            assert uoms in ([("KWH", "", "CONSUMPTION")], [("KWH", "OFF", "CONSUMPTION"), ("KWH", "ON", "CONSUMPTION")],
                            [("KW", "", "DEMAND"), ("KWH", "", "CONSUMPTION")])
        elif t.startswith("G-"):
            assert uoms in ([("THM", "", "CONSUMPTION")], [("CCF", "", "CONSUMPTION")])
        else:
            assert uoms == [("GAL", "", "CONSUMPTION")]
    statuses = Counter(m["status"] for m in meters.values())
    never = sum(1 for m in meters if not hist_by_meter[m])
    assert statuses["RETIRED"] > 0 and never > 0
    assert 0.02 < never / len(meters) < 0.08


def test_history_and_reads(data):
    sps = {r["sp_no"]: r for r in data["service_points.csv"]}
    meters = {r["meter_no"]: r for r in data["meters.csv"]}
    regs = defaultdict(dict)
    for r in data["registers.csv"]:
        regs[r["meter_no"]][r["register_no"]] = int(r["digits_left"])
    hist = {h["history_no"]: h for h in data["meter_history.csv"]}
    for h in hist.values():
        if h["removed_at"]:
            assert ts(h["removed_at"]) > ts(h["installed_at"])
        assert not h["install_constant"] or float(h["install_constant"]) > 0
    # no overlapping installs per SP or per meter
    for col in ("sp_no", "meter_no"):
        groups = defaultdict(list)
        for h in hist.values():
            groups[h[col]].append(h)
        for hs in groups.values():
            hs.sort(key=lambda h: ts(h["installed_at"]))
            for a, b in zip(hs, hs[1:]):
                assert a["removed_at"] and ts(a["removed_at"]) <= ts(b["installed_at"]), (col, a, b)
    # every METER SP has exactly one current meter
    current = Counter(h["sp_no"] for h in hist.values() if not h["removed_at"])
    for s in sps.values():
        if s["sp_kind"] == "METER":
            assert current[s["sp_no"]] == 1
    # reads: one per register per event, REMOVE only when removed, below 10^digits_left
    reads = defaultdict(set)
    for r in data["meter_history_reads.csv"]:
        h = hist[r["history_no"]]
        assert r["event"] in ("INSTALL", "REMOVE")
        if r["event"] == "REMOVE":
            assert h["removed_at"]
        value = float(r["reading"])
        assert 0 <= value < 10 ** regs[h["meter_no"]][r["register_no"]]
        reads[(r["history_no"], r["event"])].add(r["register_no"])
    for h in hist.values():
        assert reads[(h["history_no"], "INSTALL")] == set(regs[h["meter_no"]])
        if h["removed_at"]:
            assert reads[(h["history_no"], "REMOVE")] == set(regs[h["meter_no"]])
    exchanged = sum(1 for h in hist.values() if h["removed_at"])
    meter_sps = sum(1 for s in sps.values() if s["sp_kind"] == "METER")
    assert 0.05 < exchanged / meter_sps < 0.2
    assert {h["meter_no"] for h in hist.values()} <= set(meters)


def test_items(data):
    items = {r["item_no"]: r for r in data["items.csv"]}
    by_item = defaultdict(list)
    for ih in data["item_history.csv"]:
        assert ih["installed_on"]
        if ih["removed_on"]:
            assert d(ih["removed_on"]) >= d(ih["installed_on"])
        by_item[ih["item_no"]].append(ih)
    for i in items.values():
        assert i["status"] in ("INSTALLED", "IN_STORE")
        assert i["item_type"] in ("STREETLIGHT", "SECLIGHT", "POLE")
        open_h = [h for h in by_item[i["item_no"]] if not h["removed_on"]]
        assert len(open_h) == (1 if i["status"] == "INSTALLED" else 0)


# ---------------------------------------------------------------- code maps
def load_map(kind: str) -> tuple[list[str], dict[tuple[str, ...], str]]:
    with open(CODEMAP_DIR / f"{kind}.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    keys = [tuple(r[:-1]) for r in body]
    assert len(keys) == len(set(keys)), f"duplicate key in {kind}"
    return header, {tuple(r[:-1]): r[-1] for r in body}


def test_codemap_files():
    assert sorted(p.stem for p in CODEMAP_DIR.glob("*.csv")) == sorted(CODEMAP_COLUMNS)
    for kind, cols in CODEMAP_COLUMNS.items():
        header, mapping = load_map(kind)
        assert header == cols + ["ccb_value"], kind
        assert mapping, kind
        for v in mapping.values():
            assert v and len(v) <= CCB_MAX_LEN[kind] and v == v.upper(), (kind, v)


def test_codemaps_cover_generated_values(data):
    prems = {r["premise_no"]: r for r in data["premises.csv"]}
    accts = {r["acct_no"]: r for r in data["accounts.csv"]}
    sps = {r["sp_no"]: r for r in data["service_points.csv"]}
    used: dict[str, set[tuple[str, ...]]] = defaultdict(set)

    def use(kind, *vals):
        if all(vals):
            used[kind].add(tuple(vals))

    for c in data["customers.csv"]:
        use("id_type", c["id_type"]); use("phone_type", c["phone_type"]); use("language", c["language"])
    for a in accts.values():
        use("division", a["division"]); use("customer_class", a["customer_class"]); use("bill_cycle", a["bill_cycle"])
    for p in data["account_parties.csv"]:
        use("relationship", p["relationship"])
    for p in prems.values():
        use("division", p["division"]); use("premise_type", p["premise_type"])
    for s in sps.values():
        use("sp_type", prems[s["premise_no"]]["division"], s["service_type"], s["sp_kind"])
        use("read_cycle", s["read_cycle"]); use("meter_location", s["meter_location"])
    for sa in data["service_agreements.csv"]:
        use("sa_type", accts[sa["acct_no"]]["division"], sa["rate_code"])
    for m in data["meters.csv"]:
        use("manufacturer", m["manufacturer"]); use("model", m["manufacturer"], m["model"])
        use("meter_type", m["meter_type"])
    for r in data["registers.csv"]:
        use("uom", r["uom"]); use("tou", r["tou"])
    for i in data["items.csv"]:
        use("item_type", i["item_type"])
    assert set(used) == set(CODEMAP_COLUMNS)
    for kind, values in used.items():
        _, mapping = load_map(kind)
        missing = values - set(mapping)
        assert not missing, (kind, sorted(missing))
    # the ccb division stays within CIS_DIVISION's 5 characters
    _, div = load_map("division")
    assert all(len(div[(a["division"],)]) <= 5 for a in accts.values())


# ---------------------------------------------------------------- waves
def owners(data) -> dict[str, dict[str, set[str]]]:
    """Which waves reach each record (legacy-interface.md, 'what a wave owns')."""
    plan = {r["acct_no"]: r["wave"] for r in data["wave_plan.csv"]}
    accts = {r["acct_no"]: r for r in data["accounts.csv"]}
    prems = {r["premise_no"]: r for r in data["premises.csv"]}
    sps = {r["sp_no"]: r for r in data["service_points.csv"]}
    hist_by_sp = defaultdict(list)
    for h in data["meter_history.csv"]:
        hist_by_sp[h["sp_no"]].append(h)
    reach: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for acct, wave in plan.items():
        reach["account"][acct].add(wave)
        reach["customer"][accts[acct]["main_cust_no"]].add(wave)
        if accts[acct]["mailing_premise_no"]:
            reach["premise"][accts[acct]["mailing_premise_no"]].add(wave)
    for p in data["account_parties.csv"]:
        if p["acct_no"] in plan:
            reach["customer"][p["cust_no"]].add(plan[p["acct_no"]])
    for sa in data["service_agreements.csv"]:
        wave = plan.get(sa["acct_no"])
        if wave is None:
            continue
        sp = sps[sa["sp_no"]]
        reach["sp"][sp["sp_no"]].add(wave)
        prem = prems[sp["premise_no"]]
        reach["premise"][prem["premise_no"]].add(wave)
        while prem["parent_premise_no"]:
            prem = prems[prem["parent_premise_no"]]
            reach["premise"][prem["premise_no"]].add(wave)
        for h in hist_by_sp[sp["sp_no"]]:
            reach["meter"][h["meter_no"]].add(wave)
    return reach


def test_wave_plan(data):
    waves = [r["wave"] for r in data["waves.csv"]]
    assert waves == ["wave-01", "wave-02", "wave-03"]
    name = re.compile(r"^[a-z0-9_-]{1,30}$")
    assert all(name.match(w) for w in waves)
    plan = Counter(r["wave"] for r in data["wave_plan.csv"])
    assert set(plan) == set(waves)
    assert max(plan.values()) - min(plan.values()) <= 1
    n_acct = len(data["accounts.csv"])
    unplanned = n_acct - sum(plan.values())
    assert 0 < unplanned <= 0.01 * n_acct
    cut = [d(r["cutover_date"]) for r in data["waves.csv"]]
    assert cut == sorted(cut)


def test_records_reachable_from_two_waves(data):
    reach = owners(data)
    for kind in ("premise", "meter", "sp", "customer"):
        assert any(len(w) >= 2 for w in reach[kind].values()), kind
    # the shared premises include buildings of apartments of different waves
    prems = {r["premise_no"]: r for r in data["premises.csv"]}
    assert any(prems[p]["premise_type"] == "BLDG" and len(w) >= 2 for p, w in reach["premise"].items())


def test_dates_against_cutover(data):
    cutover = {r["wave"]: datetime.fromisoformat(r["cutover_date"]) for r in data["waves.csv"]}
    reach = owners(data)
    sp_wave = {sp: min(w) for sp, w in reach["sp"].items()}
    late = []
    for h in data["meter_history.csv"]:
        for col in ("installed_at", "removed_at"):
            if not h[col]:
                continue
            t = ts(h[col])
            if t >= HIST_LIMIT:
                wave = sp_wave[h["sp_no"]]
                assert cutover[wave] - timedelta(days=30) <= t < cutover[wave]
                # the meter and SP are owned by this wave only
                assert reach["sp"][h["sp_no"]] == {wave}
                assert reach["meter"][h["meter_no"]] == {wave}
                late.append(h["sp_no"])
    assert late, "no meter exchange inside the 30 days before a cutover"
    first_cutover = min(cutover.values())
    for sa in data["service_agreements.csv"]:
        for col in ("start_date", "end_date"):
            if sa[col]:
                assert d(sa[col]) < HIST_LIMIT.date()
    for ih in data["item_history.csv"]:
        assert d(ih["installed_on"]) < first_cutover.date()
        assert not ih["removed_on"] or d(ih["removed_on"]) < first_cutover.date()
    for m in data["meters.csv"]:
        assert not m["retire_date"] or d(m["retire_date"]) < HIST_LIMIT.date()


def test_single_wave_and_tiny_runs(tmp_path):
    counts = generate_landing(tmp_path / "one", customers=5, seed=1, waves=1)
    assert counts["customers.csv"] == 5 and counts["waves.csv"] == 1
    plan = read(tmp_path / "one", "wave_plan.csv")
    assert {r["wave"] for r in plan} <= {"wave-01"}
    counts = generate_landing(tmp_path / "twelve", customers=400, seed=3, waves=12)
    waves = [r["wave"] for r in read(tmp_path / "twelve", "waves.csv")]
    assert waves == [f"wave-{i:02d}" for i in range(1, 13)]
