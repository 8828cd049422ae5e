"""A generated CC&B source (DuckDB file) and a production copy of it in another DuckDB file, as after a load."""

from __future__ import annotations

import duckdb
import pytest

from ccs_assets.catalog import ccb, ccb_txn
from ccs_assets.generate.ccb_history import write_history
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.resource import TargetSession
from ccs_assets.target.schema import ensure_target_schema, ensure_tables, transactional_production_tables

from ..generate.ccb_master import create_master

WAVE = "wave-01"
COPIED = (ccb.CI_ACCT, ccb.CI_SA) + ccb_txn.TXN_TABLES


@pytest.fixture(scope="module")
def source_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("src") / "ccb.duckdb"
    con = duckdb.connect(str(path))
    create_master(con, "cisadm", 80)
    write_history(con, "cisadm", 6, 11)
    con.close()
    return path


@pytest.fixture
def sides(source_file, tmp_path):
    """(source session, target session): production holds every source row; the wave owns the even accounts."""
    src_con = duckdb.connect(str(source_file), read_only=True)
    tgt_con = duckdb.connect(str(tmp_path / "target.duckdb"))
    tgt = TargetSession(tgt_con, DUCKDB, "cisstg", "cisadm")
    ensure_target_schema(tgt)
    ensure_tables(tgt, "cisadm", transactional_production_tables())
    tgt_con.execute(f"ATTACH '{source_file}' AS src (READ_ONLY)")
    for t in COPIED:
        cols = ", ".join(t.column_names)
        tgt_con.execute(f"DELETE FROM cisadm.{t.name}")
        tgt_con.execute(f"INSERT INTO cisadm.{t.name} ({cols}) SELECT {cols} FROM src.cisadm.{t.name}")
    tgt_con.execute(f"""INSERT INTO cisadm.CCS_WAVE_LEDGER SELECT '{WAVE}', 'CI_ACCT', ACCT_ID FROM src.cisadm.CI_ACCT
                        WHERE CAST(ACCT_ID AS BIGINT) % 2 = 0""")
    tgt_con.execute("DETACH src")
    yield TargetSession(src_con, DUCKDB, "cisadm", "cisadm"), tgt
    src_con.close()
    tgt_con.close()


# the source's SELECT of the wave's accounts (as the extract would pick them)
SOURCE_WAVE = "SELECT ACCT_ID FROM cisadm.CI_ACCT WHERE CAST(ACCT_ID AS BIGINT) % 2 = 0"
