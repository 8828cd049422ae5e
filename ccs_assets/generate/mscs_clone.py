"""MSCS production as Oracle Cloud Operations would clone it into CCS (scenario 6, step 3), generated as a DuckDB file.

MSCS was integrated with the on-premises CC&B, so its MDM and ODM hold the
utility's contacts, service points, usage subscriptions, devices, install
events, nodes and assets, tied to CC&B records through their identifiers.
No third copy of the MDM/ODM shaping: the clone is what the project's own
CC&B -> MDM/ODM rules (ccs_assets.cloud, X1-MIGAD and steps 10-12) make of
the part of the CC&B source MSCS knows, on a scratch DuckDB target, then:

- partial overlap: MSCS knows the accounts a seeded hash picks (`known_pct`),
  with everything those accounts reach (the upgrade's own ownership rules:
  a premise, SP or meter shared with an unknown account is known);
- the integration's identifiers: device D1EI = the CC&B meter or item id,
  SP W1ND = its ODM node (what the link rules of scenario 6 follow);
- MSCS's own keys: every MDM/ODM key re-drawn (a seeded bijection), so
  linking can only work through the identifiers, never by key coincidence;
- a few conflicts: two service points with another type, two tied to a CC&B
  SP that does not exist, two meters' devices bound to each other's asset;
- the CC&B admin tables of the CCS environment (generate/ccb_admin.py): the source's with some rows missing,
  some changed, some target-only, what step 4b compares and applies;
- the partitions provisioning made for the CC&B ILM tables (CCS_ILM_PARTITION,
  the rehearsal's stand-in for Oracle's dictionary: 48 months to the last
  billed month and PMAX), with a gap: CI_BILL and CI_BSEG lack the last billed month.

Deterministic for the same CC&B source and seed.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb

from ..catalog import ccb, ccb_txn, mdm
from ..catalog.model import complete_select
from ..cloud.config import DEMO_MASTER_CONFIG, load_master_config
from ..cloud.steps import ADMIN_TABLES, X1_TABLES, available_tables, ensure_x1_schema, migrate_table, run_admin
from ..cloud.assets import step_asset
from ..scenarios.layers import write_order
from ..target.dialect import DUCKDB
from ..target.resource import TargetSession
from ..target.wavewrite import replace_wave_rows
from ..upgrade.source_side import compute_ownership, ensure_upgrade_workbench, target_table
from ..upgrade.target_side import add_release_columns, target_columns
from ..catalog.ccb_release import RELEASE_COLUMNS
from ..source.resource import DuckDBSourceReader
from ..upgrade import partitions
from .ccb_admin import write_target_admin
from .ccb_history import THROUGH
from .ccb_source import SCHEMA

CLONE_WAVE = "mscs"  # the scratch target's one pseudo-wave
KNOWN, NEW = "a_known", "b_new"  # ownership's earliest wave wins: whatever a known account reaches is known
CONFLICTS = 2  # of each kind
# the partitions CCS provisioning made for the CC&B ILM tables (48 months to the last billed month, then PMAX), with a gap:
ILM_TABLES = partitions.ilm_tables(tuple(dict.fromkeys(ccb.CCB_TABLES + ccb_txn.TXN_TABLES)))
PROVISIONED_MONTHS = 48
GAP, GAP_TABLES = THROUGH, ("CI_BILL", "CI_BSEG")  # provisioned a month before the last bill run


def _rekey(con: duckdb.DuckDBPyConnection, seed: int) -> int:
    """Re-draw every MDM/ODM key (and the identifier values that hold one) with a seeded bijection of 12 digits."""
    con.execute(f"""CREATE TEMP TABLE rekey AS SELECT DISTINCT MDM_KEY AS OLD,
        CAST(100000000000 + ((CAST(MDM_KEY AS HUGEINT) - 100000000000) * 1234567891 + {seed * 7919 + 17}) % 900000000000
             AS VARCHAR) AS NEW FROM cisstg.{mdm.X1_KEY_MAP.name}""")
    for t in X1_TABLES:
        for c in t.columns:
            if c.key_kind:
                con.execute(f"UPDATE cisadm.{t.name} x SET {c.name} = r.NEW FROM rekey r WHERE x.{c.name} = r.OLD")
    for table, flag_col, flag in (("D1_DVC_IDENTIFIER", "DVC_ID_TYPE_FLG", "D1AS"), ("D1_SP_IDENTIFIER", "SP_ID_TYPE_FLG", "W1ND")):
        con.execute(f"UPDATE cisadm.{table} x SET ID_VALUE = r.NEW FROM rekey r WHERE x.{flag_col} = '{flag}' "
                    f"AND trim(x.ID_VALUE) = r.OLD")
    return con.execute("SELECT count(*) FROM rekey").fetchone()[0]


def _integration_ids(con: duckdb.DuckDBPyConnection) -> None:
    """What the CC&B-MDM integration stored beyond steps 10-12's identifiers: device D1EI, SP W1ND."""
    km = f"cisstg.{mdm.X1_KEY_MAP.name}"
    con.execute(f"""INSERT INTO cisadm.D1_DVC_IDENTIFIER (D1_DEVICE_ID, DVC_ID_TYPE_FLG, ID_VALUE, VERSION)
        SELECT k.MDM_KEY, 'D1EI', trim(k.CCB_KEY), 1 FROM {km} k WHERE k.MDM_TABLE = 'D1_DVC'""")
    con.execute(f"""INSERT INTO cisadm.D1_SP_IDENTIFIER (D1_SP_ID, SP_ID_TYPE_FLG, ID_VALUE, VERSION)
        SELECT s.MDM_KEY, 'W1ND', n.MDM_KEY, 1 FROM {km} s
        JOIN {km} n ON n.MDM_TABLE = 'W1_NODE' AND n.CCB_TABLE = s.CCB_TABLE AND n.CCB_KEY = s.CCB_KEY
        WHERE s.MDM_TABLE = 'D1_SP'""")


def _conflicts(con: duckdb.DuckDBPyConnection, seed: int) -> dict[str, list[str]]:
    """A few records that disagree with CC&B (CONFLICTS of each kind); returns their MDM keys per kind."""
    order = f"hash(x.D1_SP_ID || '{seed}')"
    sps = [r[0] for r in con.execute(f"SELECT x.D1_SP_ID FROM cisadm.D1_SP x ORDER BY {order} LIMIT {2 * CONFLICTS}").fetchall()]
    types = [r[0] for r in con.execute("SELECT D1_SP_TYPE_CD FROM cisadm.D1_SP_TYPE ORDER BY 1").fetchall()]
    out: dict[str, list[str]] = {"TYPE_DIFFERS": [], "CCB_RECORD_MISSING": [], "BOUND_TO_OTHER_ASSET": []}
    if len(types) > 1:
        for sp in sps[:CONFLICTS]:
            con.execute("UPDATE cisadm.D1_SP SET D1_SP_TYPE_CD = (SELECT min(t.D1_SP_TYPE_CD) FROM cisadm.D1_SP_TYPE t "
                        "WHERE t.D1_SP_TYPE_CD <> D1_SP.D1_SP_TYPE_CD) WHERE D1_SP_ID = ?", [sp])
            out["TYPE_DIFFERS"].append(sp)
    for sp in sps[CONFLICTS:]:  # a CC&B key never starts with 0: this SP does not exist in CC&B
        con.execute("UPDATE cisadm.D1_SP_IDENTIFIER SET ID_VALUE = '0' || right(trim(ID_VALUE), 9) "
                    "WHERE D1_SP_ID = ? AND SP_ID_TYPE_FLG = 'D1EI'", [sp])
        out["CCB_RECORD_MISSING"].append(sp)
    pairs = con.execute(f"""SELECT i.D1_DEVICE_ID, i.ID_VALUE FROM cisadm.D1_DVC_IDENTIFIER i
        JOIN cisstg.{mdm.X1_KEY_MAP.name} k ON k.MDM_TABLE = 'D1_DVC' AND k.CCB_TABLE = 'CI_MTR' AND k.MDM_KEY = i.D1_DEVICE_ID
        WHERE i.DVC_ID_TYPE_FLG = 'D1AS' ORDER BY hash(i.D1_DEVICE_ID || '{seed}') LIMIT 2""").fetchall()
    if len(pairs) == 2:
        (d1, a1), (d2, a2) = pairs
        for dvc, asset in ((d1, a2), (d2, a1)):
            con.execute("UPDATE cisadm.D1_DVC_IDENTIFIER SET ID_VALUE = ? WHERE D1_DEVICE_ID = ? AND DVC_ID_TYPE_FLG = 'D1AS'",
                        [asset, dvc])
        out["BOUND_TO_OTHER_ASSET"] = [d1, d2]
    return out


def generate_mscs_clone(out_dir: Path, ccb_db: Path | None = None, seed: int = 42, known_pct: int = 70) -> dict:
    """Write out_dir/mscs.duckdb (schema cisadm: MDM/ODM tables and their admin tables) from the CC&B source
    `ccb_db` (default out_dir/ccb.duckdb); return rows per table and the conflicts made."""
    out_dir = Path(out_dir)
    ccb_db = Path(ccb_db or out_dir / "ccb.duckdb")
    if not ccb_db.is_file():
        raise ValueError(f"{ccb_db}: no CC&B source database for the MSCS clone to follow")
    work = Path(tempfile.mkdtemp(prefix="mscs-clone-"))
    try:
        con = duckdb.connect(str(work / "scratch.duckdb"), config={"threads": 2})
        try:
            s = TargetSession(con, DUCKDB, "cisstg", "cisadm")
            ensure_x1_schema(s)
            con.execute("CREATE SCHEMA wb")
            ensure_upgrade_workbench(con)
            add_release_columns(s, RELEASE_COLUMNS)  # the dictionary is read before the source is attached (same schema name)
            target_cols = target_columns(s, s.prod)
            con.execute(f"ATTACH '{ccb_db}' AS src (READ_ONLY)")
            con.execute(f"INSERT INTO wb.source_plan SELECT ACCT_ID, CASE WHEN hash(ACCT_ID || '{seed}') % 100 < {int(known_pct)} "
                        f"THEN '{KNOWN}' ELSE '{NEW}' END FROM src.{SCHEMA}.CI_ACCT")
            compute_ownership(con, DuckDBSourceReader(con, "src", SCHEMA), ccb.CCB_TABLES)
            have = {t: {c.name for c in cs} for t, cs in DuckDBSourceReader(con, "src", SCHEMA).columns().items()}
            for t in (target_table(c, target_cols.get(c.name, [])) for c in ccb.CCB_TABLES):  # as the upgrade loads them
                cols = ", ".join(f"x.{c} AS {c}" for c in t.column_names if c in have.get(t.name, ()))
                replace_wave_rows(s, s.prod, t, CLONE_WAVE, complete_select(t, (
                    f"SELECT {cols} FROM src.{SCHEMA}.{t.name} x JOIN wb.source_owner o "
                    f"ON o.entity = '{t.entity}' AND o.k = x.{t.owner_column} AND o.wave = '{KNOWN}'")))
            run_admin(s, load_master_config(DEMO_MASTER_CONFIG)[0])
            by_key = {step_asset(t).key: t for t in available_tables()}
            for a in write_order([step_asset(t) for t in available_tables()]):  # the order steps 10-12 write them in
                migrate_table(s, by_key[a.key], CLONE_WAVE)
            con.execute("DETACH src")
            _integration_ids(con)
            made = _conflicts(con, seed)
            _rekey(con, seed)
            db = out_dir / "mscs.duckdb"
            db.unlink(missing_ok=True)
            con.execute(f"ATTACH '{db}' AS out")
            con.execute(f"CREATE SCHEMA out.{SCHEMA}")
            counts: dict = {}
            for t in ADMIN_TABLES + X1_TABLES:
                con.execute(f"CREATE TABLE out.{SCHEMA}.{t.name} AS SELECT * FROM cisadm.{t.name}")
                counts[t.name] = con.execute(f"SELECT count(*) FROM out.{SCHEMA}.{t.name}").fetchone()[0]
            admin = write_target_admin(con, ccb_db, f"out.{SCHEMA}", seed)  # the CCS environment's own configuration
            rows = partitions.provisioned(ILM_TABLES, THROUGH, PROVISIONED_MONTHS, {t: GAP for t in GAP_TABLES})
            con.execute(f"CREATE TABLE out.{SCHEMA}.{partitions.PARTITION_TABLE} (TABLE_NAME VARCHAR NOT NULL, "
                        f"PARTITION_NAME VARCHAR NOT NULL, MONTH_START DATE)")
            con.executemany(f"INSERT INTO out.{SCHEMA}.{partitions.PARTITION_TABLE} VALUES (?, ?, ?)", rows)
            counts[partitions.PARTITION_TABLE] = len(rows)
            con.execute("DETACH out")
        finally:
            con.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    counts["conflicts"] = {k: len(v) for k, v in made.items()}
    counts["admin_differences"] = admin
    return counts
