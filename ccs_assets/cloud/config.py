"""The CCB/MDM/ODM Data Migration Master Configuration (Oracle step 9, X1-MIGAD).

Oracle drives the admin-data conversion from a master configuration (C S3:
interval meter types, interval profile types; C S15: the "SA Type Mapping"
extendable lookup). Its layout here is the project's (inferred): one CSV per
kind of CC&B admin code in a folder, the demo folder shipped with the package
covering every code `ccs-migrate generate` leads to; the setting
CCS_X1_MASTER_CONFIG points at a utility's own folder.

Each file becomes rows of CCS_X1_TYPE_MAP (kind, CC&B code -> MDM/ODM code and
the BOs records of that type take). A file that is missing, lacks a column,
maps one CC&B code twice, leaves a required value empty or gives one MDM code
two different descriptions is a MasterConfigError: nothing runs.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..settings import PACKAGE_DIR, Settings, SettingsError

DEMO_MASTER_CONFIG = PACKAGE_DIR / "cloud" / "config" / "demo"
SETTING = "CCS_X1_MASTER_CONFIG"


class MasterConfigError(ValueError):
    """The master configuration is incomplete or contradicts itself; the message names the file and row."""


@dataclass(frozen=True)
class Kind:
    """One CSV of the configuration and how its columns fill CCS_X1_TYPE_MAP."""

    name: str  # KIND in the type map
    file: str
    mdm_table: str
    columns: dict[str, str]  # type-map column -> CSV column
    required: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind("SP_TYPE", "sp_type.csv", "D1_SP_TYPE",
         {"CCB_CODE": "ccb_code", "MDM_CODE": "mdm_code", "SVC_TYPE_CD": "svc_type", "CATEGORY": "category", "DESCR100": "descr"},
         ("ccb_code", "mdm_code", "svc_type", "category")),
    Kind("SA_TYPE", "sa_type.csv", "D1_US_TYPE",
         {"CCB_CODE": "ccb_code", "MDM_CODE": "mdm_code", "DESCR100": "descr"}, ("ccb_code", "mdm_code")),
    Kind("MTR_TYPE", "meter_type.csv", "D1_DVC_TYPE",
         {"CCB_CODE": "ccb_code", "MDM_CODE": "device_type", "BUS_OBJ_CD": "device_bo", "EVT_BUS_OBJ_CD": "install_evt_bo",
          "ODM_CODE": "asset_type", "ODM_BUS_OBJ_CD": "asset_bo", "SVC_TYPE_CD": "svc_type", "DESCR100": "descr"},
         ("ccb_code", "device_type", "device_bo", "install_evt_bo", "asset_type", "asset_bo")),
    Kind("MTR_CONFIG_TY", "config_type.csv", "D1_DVC_CFG_TYPE",
         {"CCB_CODE": "ccb_code", "MDM_CODE": "mdm_code", "SVC_TYPE_CD": "svc_type", "DESCR100": "descr"}, ("ccb_code", "mdm_code")),
    Kind("REG_UOM_TOU", "measr_comp_type.csv", "D1_MEASR_COMP_TYPE",
         {"CCB_CODE": "uom", "CCB_CODE2": "tou", "MDM_CODE": "mdm_code", "BUS_OBJ_CD": "mc_bo", "DESCR100": "descr"},
         ("uom", "mdm_code", "mc_bo")),
    Kind("ITEM_TYPE", "item_type.csv", "D1_DVC_TYPE",
         {"CCB_CODE": "ccb_code", "MDM_CODE": "device_type", "BUS_OBJ_CD": "device_bo", "EVT_BUS_OBJ_CD": "install_evt_bo",
          "ODM_CODE": "asset_type", "ODM_BUS_OBJ_CD": "asset_bo", "SVC_TYPE_CD": "svc_type", "DESCR100": "descr"},
         ("ccb_code", "device_type", "device_bo", "install_evt_bo", "asset_type", "asset_bo", "config_type")),
    Kind("ITEM_CONFIG_TY", "item_type.csv", "D1_DVC_CFG_TYPE",
         {"CCB_CODE": "ccb_code", "MDM_CODE": "config_type", "SVC_TYPE_CD": "svc_type", "DESCR100": "descr"}, ("ccb_code", "config_type")),
)

# settings.csv: name -> what it is (all required)
SETTINGS = {
    "store_node": "code of the store node received and removed devices sit at (max 12 characters)",
    "store_node_descr": "its description",
    "store_node_bo": "BO of the store node",
    "sp_node_bo": "BO of the nodes made from service points",
    "dpos_installed": "asset disposition of an installed asset",
    "dpos_removed": "asset disposition of a removed asset",
    "dpos_instore": "asset disposition of an asset in store",
    "contact_bo": "BO of MDM contacts: D1-Contact exists from release 26.10 (C O6); earlier releases name their own",
    "us_appr_req_flg": "D1_US.USG_APPR_REQ_FLG of migrated subscriptions (D1NR seen, P; meaning not found)",
    "us_stat_cond_flg": "D1_US.US_STAT_COND_FLG (D1AC seen, P; meaning not found)",
    "us_sp_usage_flg": "D1_US_SP.D1_USAGE_FLG (D1AD seen, P; meaning not found)",
    "us_contact_rel_flg": "D1_US_CONTACT.US_CNTCT_REL_FLG of the main customer (values not found: inferred)",
}
# longest value each setting may hold (the column it lands in)
SETTING_LENGTH = {"store_node": 12, "contact_bo": 30, "us_appr_req_flg": 4, "us_stat_cond_flg": 4, "us_sp_usage_flg": 4,
                  "us_contact_rel_flg": 4}

TYPE_MAP_COLUMNS = ("KIND", "CCB_CODE", "CCB_CODE2", "MDM_TABLE", "MDM_CODE", "BUS_OBJ_CD", "EVT_BUS_OBJ_CD",
                    "ODM_CODE", "ODM_BUS_OBJ_CD", "SVC_TYPE_CD", "CATEGORY", "DESCR100")


def master_config_dir(settings: Settings) -> Path:
    """CCS_X1_MASTER_CONFIG, or the demo configuration; SettingsError when it is not a folder."""
    raw = (settings.env.get(SETTING) or "").strip()
    folder = Path(raw).expanduser().resolve() if raw else DEMO_MASTER_CONFIG
    if not folder.is_dir():
        raise SettingsError(f"{SETTING}: {folder} is not a folder")
    return folder


def _read(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        raise MasterConfigError(f"master configuration {path}: file missing")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = [h.strip() for h in reader.fieldnames or []]
        missing = [c for c in required if c not in header]
        if missing:
            raise MasterConfigError(f"master configuration {path}: missing column(s) {', '.join(missing)}")
        rows = []
        for line, raw in enumerate(reader, start=2):
            row = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
            empty = [c for c in required if not row.get(c)]
            if empty:
                raise MasterConfigError(f"master configuration {path} line {line}: empty {', '.join(empty)}")
            row["_line"] = str(line)
            rows.append(row)
    return rows


def load_master_config(folder: Path) -> tuple[list[dict[str, str]], dict[str, str]]:
    """(type-map rows, settings) of a configuration folder, validated."""
    folder = Path(folder)
    rows: list[dict[str, str]] = []
    for kind in KINDS:
        seen: dict[tuple[str, str], str] = {}
        for r in _read(folder / kind.file, kind.required):
            out = {c: " " for c in TYPE_MAP_COLUMNS}
            out.update({"KIND": kind.name, "MDM_TABLE": kind.mdm_table, "CCB_CODE2": "*"})
            for col, src in kind.columns.items():
                if r.get(src):
                    out[col] = r[src]
            code = (out["CCB_CODE"], out["CCB_CODE2"])
            if code in seen:
                raise MasterConfigError(f"master configuration {folder / kind.file} line {r['_line']}: CC&B code "
                                        f"{'/'.join(c for c in code if c != '*')} is mapped twice (first on line {seen[code]})")
            seen[code] = r["_line"]
            for col in ("MDM_CODE", "BUS_OBJ_CD", "EVT_BUS_OBJ_CD", "ODM_BUS_OBJ_CD", "SVC_TYPE_CD", "CATEGORY"):
                if len(out[col]) > 30:
                    raise MasterConfigError(f"master configuration {folder / kind.file} line {r['_line']}: {col} longer than 30")
            rows.append(out)
    # one MDM/ODM code, one set of attributes
    for table, code_col, attrs in (("", "MDM_CODE", ("SVC_TYPE_CD", "CATEGORY")), ("", "ODM_CODE", ("ODM_BUS_OBJ_CD",))):
        first: dict[tuple[str, str], tuple] = {}
        for r in rows:
            if not r[code_col].strip():
                continue
            k = (r["MDM_TABLE"] if code_col == "MDM_CODE" else "W1_ASSET_TYPE", r[code_col])
            v = tuple(r[a] for a in attrs)
            if first.setdefault(k, v) != v:
                raise MasterConfigError(f"master configuration {folder}: {k[0]} code {k[1]} is given two different "
                                        f"{'/'.join(attrs)}: {first[k]} and {v}")
    settings = {r["name"]: r["value"] for r in _read(folder / "settings.csv", ("name", "value"))}
    missing = [n for n in SETTINGS if not settings.get(n)]
    if missing:
        raise MasterConfigError(f"master configuration {folder / 'settings.csv'}: missing {', '.join(missing)}")
    for name, n in SETTING_LENGTH.items():
        if len(settings[name].encode()) > n:
            raise MasterConfigError(f"master configuration {folder / 'settings.csv'}: {name} longer than {n} bytes (its column is sized in bytes)")
    for name, value in settings.items():
        rows.append({**{c: " " for c in TYPE_MAP_COLUMNS}, "KIND": "SETTING", "CCB_CODE": name, "CCB_CODE2": "*",
                     "MDM_TABLE": "SETTING", "MDM_CODE": fit_bytes(value, 30), "DESCR100": fit_bytes(value, 100)})
    return rows, settings


def fit_bytes(text: str, n: int) -> str:
    """The longest start of `text` within n UTF-8 bytes (columns are BYTE-sized; text[:n] counts characters)."""
    return text.encode("utf-8")[:n].decode("utf-8", errors="ignore")


# CC&B admin codes the project's CC&B configuration holds: the CC&B side of the code maps (the project has no
# CC&B admin tables of its own). kind -> (code map file, its CC&B value column)
CCB_ADMIN_CODE_MAPS = {
    "SP_TYPE": "sp_type.csv", "SA_TYPE": "sa_type.csv", "MTR_TYPE": "meter_type.csv", "MTR_CONFIG_TY": "meter_type.csv",
    "ITEM_TYPE": "item_type.csv",
}


def ccb_admin_codes(code_maps: Path) -> dict[str, set[str]]:
    """CC&B codes per kind as the code maps define them."""
    out: dict[str, set[str]] = {}
    for kind, file in CCB_ADMIN_CODE_MAPS.items():
        path = Path(code_maps) / file
        if path.is_file():
            with open(path, encoding="utf-8-sig", newline="") as fh:
                out[kind] = {(r.get("ccb_value") or "").strip() for r in csv.DictReader(fh)} - {""}
    return out
