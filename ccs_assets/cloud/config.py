"""The CCB/MDM/ODM Data Migration Master Configuration (Oracle step 9, X1-MIGAD).

Oracle drives the admin-data conversion from a master configuration (C S3:
interval meter types, interval profile types; C S15: the "SA Type Mapping"
extendable lookup). Its layout here is the project's (inferred): one CSV per
kind of CC&B admin code in a folder, the demo folder shipped with the package
covering every code `ccs-migrate generate` leads to; the setting
CCS_X1_MASTER_CONFIG points at a utility's own folder.

Each file becomes rows of CCS_X1_TYPE_MAP (kind, CC&B code -> MDM/ODM code and
the BOs records of that type take). Each file is read as a dagster-pandas typed
DataFrame (`FILE_TYPES`, ccs_assets/typed_tables.py) and the folder as one
`X1_MASTER_CONFIGURATION` value: the header has the file's required columns,
no CC&B code is mapped twice, no required value is empty, no code or BO is
longer than its column, settings.csv names every setting within its column's
bytes, and no MDM/ODM code is given two different attributes. The
`config/x1_master_configuration` asset returns it, so a bad configuration is a
failed type check in the UI naming file, rule, column and line; outside
Dagster (`load_master_config`, what X1-MIGAD reads) the same check is a
MasterConfigError: nothing runs.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pandas as pd
from dagster_pandas.constraints import DataFrameConstraint, DataFrameConstraintViolationException

from ..settings import PACKAGE_DIR, Settings, SettingsError
from ..typed_tables import Header, MaxLength, NotBlank, UniqueKey, check_tables, read_tables, table_type, tables_type

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


class Named(DataFrameConstraint):
    """A name/value table holds every required name."""

    def __init__(self, rule: str, names: tuple[str, ...]):
        self.rule, self.names = rule, names
        super().__init__(error_description=f"names {', '.join(names)}", markdown_description=f"names {', '.join(names)}")

    def validate(self, dataframe):
        if not {"name", "value"} <= set(dataframe.columns):
            return  # the header constraint names the missing column
        missing = [n for n in self.names if n not in set(dataframe["name"])]
        if missing:
            raise DataFrameConstraintViolationException(self.rule, f"missing {', '.join(missing)}")


class ValueBytes(DataFrameConstraint):
    """A named value fits the BYTE-sized column it lands in."""

    def __init__(self, rule: str, limits: dict[str, int]):
        self.rule, self.limits = rule, limits
        super().__init__(error_description="values fit their columns", markdown_description="values fit their columns")

    def validate(self, dataframe):
        if not {"name", "value"} <= set(dataframe.columns):
            return
        size = dataframe["value"].str.encode("utf-8").str.len()
        limit = dataframe["name"].map(self.limits)
        bad = dataframe[limit.notna() & (size > limit)]
        if len(bad):
            line, name = bad.index[0], bad["name"].iloc[0]
            raise DataFrameConstraintViolationException(
                self.rule, f"{name} on line {line} longer than {self.limits[name]} bytes (its column is sized in bytes)")


def _file_columns() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """file -> (required columns, key columns, columns that land in a 30-character type-map column), over its kinds."""
    out: dict[str, tuple] = {}
    for k in KINDS:
        req, key, sized = out.get(k.file, ((), (), ()))
        key = key or tuple(k.columns[c] for c in ("CCB_CODE", "CCB_CODE2") if c in k.columns)
        sized += tuple(k.columns[c] for c in LIMITED if c in k.columns)
        out[k.file] = (tuple(dict.fromkeys(req + k.required)), key, tuple(dict.fromkeys(sized)))
    return out


LIMITED = ("MDM_CODE", "BUS_OBJ_CD", "EVT_BUS_OBJ_CD", "ODM_BUS_OBJ_CD", "SVC_TYPE_CD", "CATEGORY")  # VARCHAR2(30)
FILES = _file_columns()


def _figures(df: pd.DataFrame) -> dict:
    """Rows and distinct codes (the first column: a CC&B code, or a setting's name)."""
    return {"rows": len(df), "codes": int(df.iloc[:, 0].nunique()) if len(df.columns) else 0}


FILE_TYPES: dict[str, dg.DagsterType] = {
    file: table_type(
        f"X1MasterConfiguration_{file[:-4]}", f"X1 master configuration `{file}`: one row per CC&B code ({', '.join(key)}).",
        columns={c: [NotBlank("X1_CONFIG_BLANK")] + ([MaxLength("X1_CONFIG_TOO_LONG", 30)] if c in sized else [])
                 for c in dict.fromkeys(required + sized)},
        constraints=[Header("X1_CONFIG_HEADER", required), UniqueKey("X1_CONFIG_DUPLICATE", key)], summary=_figures)
    for file, (required, key, sized) in FILES.items()}
FILE_TYPES["settings.csv"] = table_type(
    "X1MasterConfiguration_settings", "X1 master configuration `settings.csv`: name,value of every setting X1-MIGAD needs.",
    columns={"name": [NotBlank("X1_CONFIG_BLANK")], "value": [NotBlank("X1_CONFIG_BLANK")]},
    constraints=[Header("X1_CONFIG_HEADER", ("name", "value")), UniqueKey("X1_CONFIG_DUPLICATE", ("name",)),
                 Named("X1_CONFIG_SETTING_MISSING", tuple(SETTINGS)), ValueBytes("X1_CONFIG_TOO_LONG", SETTING_LENGTH)],
    summary=_figures)


def _type_map(frames: dict[str, pd.DataFrame]) -> list[dict[str, str]]:
    """CCS_X1_TYPE_MAP rows of checked frames (each with its file and line in `_at`)."""
    rows = []
    for kind in KINDS:
        df = frames[kind.file]
        for line, r in zip(df.index, df.to_dict("records")):
            out = {c: " " for c in TYPE_MAP_COLUMNS}
            out.update({"KIND": kind.name, "MDM_TABLE": kind.mdm_table, "CCB_CODE2": "*"})
            out.update({col: r[src] for col, src in kind.columns.items() if r.get(src)})
            out["_at"] = f"{kind.file} line {line}"
            rows.append(out)
    return rows


def _conflicts(rows: list[dict[str, str]]) -> list[str]:
    """One MDM/ODM code, one set of attributes, across the files that map to it."""
    out = []
    for code_col, attrs in (("MDM_CODE", ("SVC_TYPE_CD", "CATEGORY")), ("ODM_CODE", ("ODM_BUS_OBJ_CD",))):
        first: dict[tuple[str, str], tuple] = {}
        for r in rows:
            if not r[code_col].strip():
                continue
            k = (r["MDM_TABLE"] if code_col == "MDM_CODE" else "W1_ASSET_TYPE", r[code_col])
            v = tuple(r[a] for a in attrs)
            was = first.setdefault(k, (v, r["_at"]))
            if was[0] != v:
                out.append(f"{k[0]} code {k[1]} is given two different {'/'.join(attrs)}: {was[0]} ({was[1]}) and {v} ({r['_at']})")
    return out


def _across(value: dict[str, pd.DataFrame]) -> list[str]:
    folder = Path(value["settings.csv"].attrs.get("file", "?")).parent
    return [f"master configuration {folder}: X1_CONFIG_CONFLICT: {c}" for c in _conflicts(_type_map(value))]


X1_MASTER_CONFIGURATION = tables_type(
    "X1MasterConfiguration", "The X1 master configuration of a folder, one X1MasterConfiguration_<file> DataFrame per file.",
    FILE_TYPES, "master configuration", "X1_CONFIG_INVALID", _figures, "files", "files", across=_across)


def read_master_config(folder: Path) -> dict[str, pd.DataFrame]:
    """Every file of the configuration as text DataFrames indexed by file line (not yet checked); a missing one raises."""
    return read_tables(folder, {file: file for file in FILE_TYPES},
                       lambda path: MasterConfigError(f"master configuration {path}: X1_CONFIG_MISSING: file missing"))


def check_master_config(frames: dict[str, pd.DataFrame]) -> None:
    """MasterConfigError with the type check's one-line description when the configuration fails its type."""
    check_tables(X1_MASTER_CONFIGURATION, frames, MasterConfigError)


def load_master_config(folder: Path) -> tuple[list[dict[str, str]], dict[str, str]]:
    """(type-map rows, settings) of a configuration folder, checked by its type."""
    frames = read_master_config(folder)
    check_master_config(frames)
    rows = [{c: r[c] for c in TYPE_MAP_COLUMNS} for r in _type_map(frames)]
    settings = dict(zip(frames["settings.csv"]["name"], frames["settings.csv"]["value"]))
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
