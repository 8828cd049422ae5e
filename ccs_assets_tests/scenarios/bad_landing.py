"""A small landing folder full of bad records, each tagged with the rule it must produce."""

from __future__ import annotations

import csv
from pathlib import Path

from ccs_assets.catalog.legacy import DEVICE_FILES, LEGACY_FILES

COLUMNS = {name: f.column_names for name, f in LEGACY_FILES.items()}

GOOD_CUST = dict(cust_type="R", first_name="Ana", last_name="Nuñez", created_date="2020-01-01", language="en")


def write(folder: Path, name: str, rows: list[dict], raw_tail: str = "", bom: bool = False) -> None:
    path = folder / f"{name}.csv"
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS[name], lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in COLUMNS[name]})
        fh.write(raw_tail)


def build(folder: Path) -> dict[tuple[str, str], str]:
    """Write the folder; return {(file, legacy_key): expected rule} for every bad record."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[tuple[str, str], str] = {}
    customers = [
        {"cust_no": f"C{i}", **GOOD_CUST, "first_name": n} for i, n in enumerate(["José", "Zoë", "Øyvind", "Wang Fang", "Anne-Marie"], 1)
    ]
    customers += [
        {"cust_no": "CB1", "cust_type": "B", "business_name": 'O\'Brien, Smith & "Sons"\nLLC', "created_date": "2019-05-05"},
        {"cust_no": "CX_NOFIRST", **GOOD_CUST, "first_name": ""},
        {"cust_no": "CX_BADDATE", **GOOD_CUST, "created_date": "2020-02-30"},
        {"cust_no": "CX_TYPE", **GOOD_CUST, "cust_type": "Q"},
        {"cust_no": "CX_EMAIL", **GOOD_CUST, "email": "nobody-at-example"},
        {"cust_no": "CX_ID", **GOOD_CUST, "id_type": "SSN"},
        {"cust_no": "CX_CODE", **GOOD_CUST, "id_type": "ZZZ", "id_number": "1"},
        {"cust_no": "CX_DUP", **GOOD_CUST}, {"cust_no": "CX_DUP", **GOOD_CUST},
        {"cust_no": "CX_MAIL", **GOOD_CUST, "mail_address1": "1 Main St"},
        {"cust_no": "CX_LONG", **GOOD_CUST, "last_name": "x" * 101},
    ]
    expected.update({("customers", "CX_NOFIRST"): "REQUIRED_WHEN", ("customers", "CX_BADDATE"): "BAD_DATE",
                     ("customers", "CX_TYPE"): "INVALID_VALUE", ("customers", "CX_EMAIL"): "EMAIL_FORMAT",
                     ("customers", "CX_ID"): "REQUIRED_WHEN", ("customers", "CX_CODE"): "UNMAPPED_CODE",
                     ("customers", "CX_DUP"): "DUPLICATE_KEY", ("customers", "CX_MAIL"): "REQUIRED_WHEN",
                     ("customers", "CX_LONG"): "MAX_LENGTH"})
    bad_custs = ["CX_NOFIRST", "CX_BADDATE", "CX_TYPE", "CX_EMAIL", "CX_ID", "CX_CODE", "CX_DUP", "CX_MAIL", "CX_LONG"]
    write(folder, "customers", customers, raw_tail='C_MALFORMED,R,Too,Few\n', bom=True)

    prem = dict(premise_type="SFH", address1="1 Elm St", city="Springfield", state="IL", postal="62701", country="USA", division="NORTH")
    premises = [{"premise_no": f"P{i}", **prem} for i in range(1, 11)]
    premises += [{"premise_no": "PX_TYPE", **prem, "premise_type": "CASTLE"},
                 {"premise_no": "PX_CYC1", **prem, "parent_premise_no": "PX_CYC2"},
                 {"premise_no": "PX_CYC2", **prem, "parent_premise_no": "PX_CYC1"},
                 {"premise_no": "PX_CHILD", **prem, "parent_premise_no": "PX_TYPE"}]
    expected.update({("premises", "PX_TYPE"): "UNMAPPED_CODE", ("premises", "PX_CYC1"): "PREMISE_CYCLE",
                     ("premises", "PX_CYC2"): "PREMISE_CYCLE", ("premises", "PX_CHILD"): "PARENT_REJECTED"})
    write(folder, "premises", premises)

    acct = dict(division="NORTH", customer_class="RES", bill_cycle="BC01", setup_date="2020-01-01")
    accounts, plan, sps, sas = [], [], [], []
    good_pairs = [(f"A{i}", f"C{i}", f"P{i}") for i in range(1, 6)] + [("AB1", "CB1", "P6")]
    bad_pairs = [(f"AX_{c}", c, f"P{7 + (k % 4)}") for k, c in enumerate(bad_custs)]
    for a, c, p in good_pairs + bad_pairs:
        accounts.append({"acct_no": a, "main_cust_no": c, **acct})
        plan.append({"acct_no": a, "wave": "wave-01"})
        sps.append({"sp_no": f"SP_{a}", "premise_no": p, "service_type": "E", "sp_kind": "METER", "status": "ACTIVE",
                    "install_date": "2010-01-01", "read_cycle": "RC01"})
        sas.append({"sa_no": f"SA_{a}", "acct_no": a, "sp_no": f"SP_{a}", "rate_code": "RES-E1", "start_date": "2015-01-01", "status": "ACTIVE"})
        if c in bad_custs:
            expected[("accounts", a)] = "PARENT_REJECTED"
            expected[("service_agreements", f"SA_{a}")] = "PARENT_REJECTED"
    accounts.append({"acct_no": "AX_ORPHAN", "main_cust_no": "C_NOBODY", **acct})
    plan.append({"acct_no": "AX_ORPHAN", "wave": "wave-01"})
    expected[("accounts", "AX_ORPHAN")] = "UNKNOWN_REFERENCE"
    for p in ("PX_TYPE", "PX_CYC1", "PX_CHILD"):
        sps.append({"sp_no": f"SP_{p}", "premise_no": p, "service_type": "E", "sp_kind": "METER", "status": "ACTIVE",
                    "install_date": "2010-01-01", "read_cycle": "RC01"})
        sas.append({"sa_no": f"SA_{p}", "acct_no": "A1", "sp_no": f"SP_{p}", "rate_code": "RES-E1", "start_date": "2015-01-01", "status": "ACTIVE"})
        expected[("service_points", f"SP_{p}")] = "PARENT_REJECTED"
        expected[("service_agreements", f"SA_{p}")] = "PARENT_REJECTED"
    sas.append({"sa_no": "SAX_DATES", "acct_no": "A2", "sp_no": "SP_A2", "rate_code": "RES-E1", "start_date": "2015-01-01",
                "end_date": "2014-01-01", "status": "STOPPED"})
    sas.append({"sa_no": "SAX_RATE", "acct_no": "A3", "sp_no": "SP_A3", "rate_code": "NOPE", "start_date": "2015-01-01", "status": "ACTIVE"})
    sps.append({"sp_no": "SPX_NOCYCLE", "premise_no": "P1", "service_type": "G", "sp_kind": "METER", "status": "ACTIVE", "install_date": "2010-01-01"})
    sas.append({"sa_no": "SA_NOCYCLE", "acct_no": "A1", "sp_no": "SPX_NOCYCLE", "rate_code": "RES-G1", "start_date": "2015-01-01", "status": "ACTIVE"})
    expected.update({("service_agreements", "SAX_DATES"): "DATE_ORDER", ("service_agreements", "SAX_RATE"): "UNMAPPED_CODE",
                     ("service_points", "SPX_NOCYCLE"): "REQUIRED_WHEN", ("service_agreements", "SA_NOCYCLE"): "PARENT_REJECTED"})
    write(folder, "accounts", accounts)
    write(folder, "account_parties", [
        {"acct_no": "A1", "cust_no": "C2", "relationship": "COAPP", "financially_responsible": "Y"},
        {"acct_no": "A2", "cust_no": "C2", "relationship": "NOPE"},
        {"acct_no": "A3", "cust_no": "C3", "relationship": "TENANT"},
    ])
    expected.update({("account_parties", "A2/C2"): "UNMAPPED_CODE", ("account_parties", "A3/C3"): "PARTY_IS_MAIN_CUSTOMER"})
    write(folder, "service_points", sps)
    write(folder, "service_agreements", sas)
    write(folder, "wave_plan", plan)
    write(folder, "waves", [{"wave": "wave-01", "cutover_date": "2026-01-15"}])
    # every metered SP gets a good meter with one register and its install: meters, registers and meter_history are
    # required files, and a wave whose metered SPs have no history is stopped (device rules: device_landing.py)
    metered = [sp["sp_no"] for sp in sps if sp["sp_kind"] == "METER"]
    write(folder, "meters", [{"meter_no": f"M_{sp}", "serial_no": f"S_{sp}", "manufacturer": "ITRON", "model": "CENTRON",
                              "meter_type": "E-1PH", "status": "INSTALLED", "receive_date": "2004-01-01"} for sp in metered])
    write(folder, "registers", [dict(meter_no=f"M_{sp}", register_no=1, uom="KWH", read_kind="CONSUMPTION", digits_left=6,
                                     digits_right=0, multiplier=1, effective_at="2004-01-01 00:00:00") for sp in metered])
    write(folder, "meter_history", [dict(history_no=f"H_{sp}", sp_no=sp, meter_no=f"M_{sp}", installed_at="2010-01-02 10:00:00")
                                    for sp in metered])
    for f in DEVICE_FILES:  # the optional device files stay header-only
        if f.name not in ("meters", "registers", "meter_history"):
            write(folder, f.name, [])
    return expected
