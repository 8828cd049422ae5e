"""Small landing folders with devices: two waves sharing a meter, and device records that break each rule."""

from __future__ import annotations

from pathlib import Path

from .bad_landing import GOOD_CUST, write

PREM = dict(premise_type="SFH", address1="1 Elm St", city="Springfield", state="IL", postal="62701", country="USA", division="NORTH")
ACCT = dict(division="NORTH", customer_class="RES", bill_cycle="BC01", setup_date="2020-01-01")
METER = dict(manufacturer="ITRON", model="CENTRON", meter_type="E-1PH", status="INSTALLED", receive_date="2004-01-01")


def reg(meter: str, no: int, tou: str = "", digits: int = 6, eff: str = "2004-01-01 00:00:00", uom: str = "KWH") -> dict:
    return dict(meter_no=meter, register_no=no, uom=uom, tou=tou, read_kind="CONSUMPTION", digits_left=digits,
                digits_right=0, multiplier=1, effective_at=eff)


def backbone(folder: Path, accounts: list[tuple[str, str, str, str, str, str]]) -> None:
    """accounts: (acct_no, cust_no, premise_no, sp_no, sp_kind, wave); one SA per account."""
    write(folder, "customers", [{"cust_no": c, **GOOD_CUST} for _, c, *_ in accounts])
    write(folder, "premises", [{"premise_no": p, **PREM} for p in dict.fromkeys(a[2] for a in accounts)])
    write(folder, "accounts", [{"acct_no": a, "main_cust_no": c, **ACCT} for a, c, *_ in accounts])
    write(folder, "account_parties", [])
    write(folder, "service_points", [
        {"sp_no": sp, "premise_no": p, "service_type": "E", "sp_kind": kind, "status": "ACTIVE", "install_date": "2004-01-01",
         "read_cycle": "RC01" if kind == "METER" else ""} for _, _, p, sp, kind, _ in accounts])
    write(folder, "service_agreements", [
        {"sa_no": f"SA_{a}", "acct_no": a, "sp_no": sp, "rate_code": "RES-E1" if kind == "METER" else "SL-1",
         "start_date": "2015-01-01", "status": "ACTIVE"} for a, _, _, sp, kind, _ in accounts])
    write(folder, "wave_plan", [{"acct_no": a, "wave": w} for a, *_, w in accounts])


def two_waves(folder: Path) -> dict:
    """wave-01 owns SP1 and the item SP; wave-02 owns SP3. Meter M1 sat at SP3 (wave-02) first and at SP1 (wave-01)
    now: it belongs to wave-01, its SP3 history to wave-02. SP3's meter was exchanged 14 days before wave-02's cutover."""
    folder.mkdir(parents=True, exist_ok=True)
    backbone(folder, [("A1", "C1", "P1", "SP1", "METER", "wave-01"), ("A2", "C2", "P2", "SPI", "ITEM", "wave-01"),
                      ("A3", "C3", "P3", "SP3", "METER", "wave-02")])
    write(folder, "waves", [{"wave": "wave-01", "cutover_date": "2026-01-15"}, {"wave": "wave-02", "cutover_date": "2026-02-14"}])
    write(folder, "meters", [
        {"meter_no": "M1", "serial_no": "S1", **METER, "meter_type": "E-TOU"},
        {"meter_no": "M2", "serial_no": "S2", **METER},
        {"meter_no": "M3", "serial_no": "S3", **METER, "status": "IN_STORE"},
        {"meter_no": "M4", "serial_no": "S4", **METER, "status": "RETIRED", "retire_date": "2015-01-10"},
        {"meter_no": "M5", "serial_no": "S5", **METER},
    ])
    write(folder, "registers", [reg("M1", 1, "ON"), reg("M1", 2, "OFF", eff="2004-06-01 00:00:00"),
                                reg("M2", 1), reg("M3", 1), reg("M4", 1, digits=5), reg("M5", 1)])
    write(folder, "meter_history", [
        dict(history_no="H1", sp_no="SP3", meter_no="M1", installed_at="2005-01-01 10:00:00", removed_at="2014-12-31 09:00:00"),
        dict(history_no="H2", sp_no="SP1", meter_no="M1", installed_at="2015-02-01 08:00:00", install_constant="1"),
        dict(history_no="H3", sp_no="SP3", meter_no="M2", installed_at="2014-12-31 10:00:00", removed_at="2026-01-31 12:00:00"),
        dict(history_no="H4", sp_no="SP1", meter_no="M4", installed_at="2005-01-01 10:00:00", removed_at="2015-01-05 10:00:00"),
        dict(history_no="H5", sp_no="SP3", meter_no="M5", installed_at="2026-01-31 13:00:00"),
    ])
    reads = []
    for h, regs, removed in [("H1", (1, 2), True), ("H2", (1, 2), False), ("H3", (1,), True), ("H4", (1,), True), ("H5", (1,), False)]:
        for r in regs:
            reads.append(dict(history_no=h, event="INSTALL", register_no=r, reading=100 * r))
            if removed:
                reads.append(dict(history_no=h, event="REMOVE", register_no=r, reading=9000 + r))
    write(folder, "meter_history_reads", reads)
    write(folder, "items", [dict(item_no="I1", item_type="STREETLIGHT", status="INSTALLED", receive_date="2010-01-01"),
                            dict(item_no="I2", item_type="POLE", status="IN_STORE")])
    write(folder, "item_history", [dict(sp_no="SPI", item_no="I1", installed_on="2010-02-01", removed_on="")])
    return {
        "meters": {"wave-01": {"M1", "M3", "M4"}, "wave-02": {"M2", "M5"}},
        "histories": {"wave-01": {"H2", "H4"}, "wave-02": {"H1", "H3", "H5"}},
        "reads": len(reads),
        "items": {"wave-01": {"I1", "I2"}, "wave-02": set()},
        "warn_sps": {"wave-02": ["SP3"]},
    }


def bad_devices(folder: Path) -> tuple[dict[tuple[str, str], str], dict]:
    """Device records that each break one rule, beside good ones; {(file, legacy key): rule} and the good keys."""
    folder.mkdir(parents=True, exist_ok=True)
    backbone(folder, [("A1", "C1", "P1", "SP1", "METER", "wave-01"), ("A2", "C2", "P2", "SP2", "METER", "wave-01"),
                      ("A3", "C3", "P3", "SPI", "ITEM", "wave-01"), ("A4", "C4", "P4", "SP4", "METER", "wave-01"),
                      ("A5", "C5", "P5", "SP5", "METER", "wave-01")])
    write(folder, "waves", [{"wave": "wave-01", "cutover_date": "2026-01-15"}])
    bad: dict[tuple[str, str], str] = {}
    meters = [{"meter_no": m, "serial_no": f"S{m}", **METER} for m in ("MG1", "MG2", "MG3", "MG4", "MG5", "MG6")]
    meters += [
        {"meter_no": "MX_MFG", "serial_no": "SX1", **METER, "manufacturer": "ACME"},
        {"meter_no": "MX_MODEL", "serial_no": "SX2", **METER, "model": "NOPE"},
        {"meter_no": "MX_RETIRE", "serial_no": "SX3", **METER, "status": "RETIRED"},
        {"meter_no": "MX_NOTRET", "serial_no": "SX4", **METER, "retire_date": "2020-01-01"},
        {"meter_no": "MX_SER1", "serial_no": "DUPSER", **METER}, {"meter_no": "MX_SER2", "serial_no": "DUPSER", **METER},
        {"meter_no": "MX_STATUS", "serial_no": "SX5", **METER, "status": "LOST"},
        {"meter_no": "", "serial_no": "SX7", **METER},  # no key: reported (in the first wave), never unplanned
        {"meter_no": "MG7", "serial_no": "SX6", **METER},
    ]
    bad.update({("meters", "MX_MFG"): "UNMAPPED_CODE", ("meters", "MX_MODEL"): "UNMAPPED_CODE",
                ("meters", "MX_RETIRE"): "REQUIRED_WHEN", ("meters", "MX_NOTRET"): "NOT_ALLOWED_WHEN",
                ("meters", "MX_SER1"): "DUPLICATE_SERIAL", ("meters", "MX_SER2"): "DUPLICATE_SERIAL",
                ("meters", "MX_STATUS"): "INVALID_VALUE", ("meters", ""): "REQUIRED"})
    write(folder, "meters", meters)
    regs = [reg(m, 1) for m in ("MG1", "MG2", "MG3", "MG4", "MG5", "MG6", "MX_MFG")]
    regs += [reg("MG1", 2, "ON", digits=4), reg("MG7", 1, uom="FURLONG"), reg("MG2", 0), reg("MG3", 2, digits=11),
             reg("MG4", 2, tou="ZZ"), reg("M_NOBODY", 1), {**reg("MG6", 2), "multiplier": 0}, {**reg("MG5", 2), "digits_right": 6}]
    bad.update({("registers", "MG7/1"): "UNMAPPED_CODE", ("registers", "MG2/0"): "OUT_OF_RANGE",
                ("registers", "MG3/2"): "OUT_OF_RANGE", ("registers", "MG4/2"): "UNMAPPED_CODE",
                ("registers", "M_NOBODY/1"): "UNKNOWN_REFERENCE", ("registers", "MX_MFG/1"): "PARENT_REJECTED",
                ("registers", "MG6/2"): "OUT_OF_RANGE", ("registers", "MG5/2"): "OUT_OF_RANGE"})
    write(folder, "registers", regs)
    hist = [
        dict(history_no="HG1", sp_no="SP1", meter_no="MG1", installed_at="2015-01-01 10:00:00", removed_at="2020-01-01 10:00:00"),
        dict(history_no="HG2", sp_no="SP1", meter_no="MG2", installed_at="2020-01-01 11:00:00"),
        dict(history_no="HG3", sp_no="SP2", meter_no="MG3", installed_at="2015-01-01 10:00:00"),
        dict(history_no="HX_OVERLAP", sp_no="SP2", meter_no="MG4", installed_at="2016-01-01 10:00:00"),
        dict(history_no="HX_TWOSPS", sp_no="SP4", meter_no="MG3", installed_at="2016-01-01 10:00:00"),
        dict(history_no="HX_ORDER", sp_no="SP5", meter_no="MG5", installed_at="2016-01-01 10:00:00", removed_at="2015-01-01 10:00:00"),
        dict(history_no="HX_ITEMSP", sp_no="SPI", meter_no="MG6", installed_at="2016-01-01 10:00:00"),
        dict(history_no="HX_CUTOVER", sp_no="SP5", meter_no="MG5", installed_at="2026-02-01 10:00:00"),
        dict(history_no="HX_NOREG", sp_no="SP4", meter_no="MG7", installed_at="2010-01-01 10:00:00", removed_at="2011-01-01 10:00:00"),
        dict(history_no="HX_PARENT", sp_no="SP4", meter_no="MX_MFG", installed_at="2012-01-01 10:00:00", removed_at="2013-01-01 10:00:00"),
        dict(history_no="HX_CONST", sp_no="SP5", meter_no="MG5", installed_at="2010-01-01 10:00:00", removed_at="2011-01-01 10:00:00",
             install_constant="0"),
    ]
    bad.update({("meter_history", "HX_OVERLAP"): "OVERLAPPING_INSTALL", ("meter_history", "HX_TWOSPS"): "METER_AT_TWO_SPS",
                ("meter_history", "HX_ORDER"): "REMOVAL_BEFORE_INSTALL", ("meter_history", "HX_ITEMSP"): "SP_KIND_MISMATCH",
                ("meter_history", "HX_CUTOVER"): "AFTER_CUTOVER", ("meter_history", "HX_NOREG"): "NO_CONFIGURATION",
                ("meter_history", "HX_PARENT"): "PARENT_REJECTED", ("meter_history", "HX_CONST"): "OUT_OF_RANGE"})
    write(folder, "meter_history", hist)
    reads = [dict(history_no="HG1", event="INSTALL", register_no=1, reading=5), dict(history_no="HG1", event="REMOVE", register_no=1, reading=50),
             dict(history_no="HG1", event="INSTALL", register_no=2, reading=7), dict(history_no="HG2", event="INSTALL", register_no=1, reading=0),
             dict(history_no="HG3", event="INSTALL", register_no=1, reading=1)]
    reads += [dict(history_no="HG2", event="REMOVE", register_no=1, reading=9),  # HG2 was not removed
              dict(history_no="HG1", event="REMOVE", register_no=2, reading=10000),  # 4 digits left
              dict(history_no="HG3", event="INSTALL", register_no=7, reading=1),
              dict(history_no="HG3", event="REMOVE", register_no=2, reading=-1),
              dict(history_no="HX_OVERLAP", event="INSTALL", register_no=1, reading=1),
              dict(history_no="H_NOBODY", event="INSTALL", register_no=1, reading=1)]
    bad.update({("meter_history_reads", "HG2/REMOVE/1"): "REMOVE_WITHOUT_REMOVAL", ("meter_history_reads", "HG1/REMOVE/2"): "READING_TOO_LARGE",
                ("meter_history_reads", "HG3/INSTALL/7"): "UNKNOWN_REGISTER", ("meter_history_reads", "HG3/REMOVE/2"): "OUT_OF_RANGE",
                ("meter_history_reads", "HX_OVERLAP/INSTALL/1"): "PARENT_REJECTED",
                ("meter_history_reads", "H_NOBODY/INSTALL/1"): "UNKNOWN_REFERENCE"})
    write(folder, "meter_history_reads", reads)
    write(folder, "items", [dict(item_no="IG1", item_type="STREETLIGHT", status="INSTALLED"), dict(item_no="IG2", item_type="POLE", status="IN_STORE"),
                            dict(item_no="IX_TYPE", item_type="TOTEM", status="INSTALLED"), dict(item_no="IG3", item_type="POLE")])
    bad[("items", "IX_TYPE")] = "UNMAPPED_CODE"
    write(folder, "item_history", [
        dict(sp_no="SPI", item_no="IG1", installed_on="2012-01-01", removed_on=""),
        dict(sp_no="SP1", item_no="IG2", installed_on="2012-01-01", removed_on=""),
        dict(sp_no="SPI", item_no="IG2", installed_on="2013-05-01", removed_on="2012-01-01"),
        dict(sp_no="SPI", item_no="IX_TYPE", installed_on="2013-01-01", removed_on=""),
        dict(sp_no="SPI", item_no="IG3", installed_on="2026-02-01", removed_on=""),  # after wave-01's cutover
    ])
    bad.update({("item_history", "SP1/IG2/2012-01-01"): "SP_KIND_MISMATCH", ("item_history", "SPI/IG2/2013-05-01"): "DATE_ORDER",
                ("item_history", "SPI/IX_TYPE/2013-01-01"): "PARENT_REJECTED",
                ("item_history", "SPI/IG3/2026-02-01"): "AFTER_CUTOVER"})
    good = {"meters": {"MG1", "MG2", "MG3", "MG4", "MG5", "MG6", "MG7"}, "histories": {"HG1", "HG2", "HG3"},
            "reads": {"HG1/INSTALL/1", "HG1/REMOVE/1", "HG1/INSTALL/2", "HG2/INSTALL/1", "HG3/INSTALL/1"},
            "items": {"IG1", "IG2", "IG3"}, "item_histories": {"SPI/IG1/2012-01-01"}}
    return bad, good
