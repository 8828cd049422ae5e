"""OracleSession behaviour on a fake python-oracledb connection: transactions, bulk load paths, settings."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import duckdb
import pytest

from ccs_assets.catalog import ccb, project
from ccs_assets.stage.steps import LOAD_REJECTS, stage_file
from ccs_assets.target.dialect import DUCKDB
from ccs_assets.target.resource import load_table_name
from ccs_assets.target.schema import production_tables, staging_tables

from .recording import BatchError, recording_session, sample_file

ORACLE_RESERVED = set("""ACCESS ADD ALL ALTER AND ANY AS ASC AUDIT BETWEEN BY CHAR CHECK CLUSTER COLUMN COMMENT COMPRESS CONNECT
CREATE CURRENT DATE DECIMAL DEFAULT DELETE DESC DISTINCT DROP ELSE EXCLUSIVE EXISTS FILE FLOAT FOR FROM GRANT GROUP HAVING
IDENTIFIED IMMEDIATE IN INCREMENT INDEX INITIAL INSERT INTEGER INTERSECT INTO IS LEVEL LIKE LOCK LONG MAXEXTENTS MINUS
MLSLABEL MODE MODIFY NOAUDIT NOCOMPRESS NOT NOWAIT NULL NUMBER OF OFFLINE ON ONLINE OPTION OR ORDER PCTFREE PRIOR
PRIVILEGES PUBLIC RAW RENAME RESOURCE REVOKE ROW ROWID ROWNUM ROWS SELECT SESSION SET SHARE SIZE SMALLINT START
SUCCESSFUL SYNONYM SYSDATE TABLE THEN TO TRIGGER UID UNION UNIQUE UPDATE USER VALIDATE VALUES VARCHAR VARCHAR2 VIEW
WHENEVER WHERE WITH""".split())  # Oracle SQL Language Reference, "Oracle SQL Reserved Words"


def test_catalog_identifiers_are_valid_oracle_names():
    bad = [(t.name, c.name) for t in staging_tables() + production_tables() for c in t.columns
           if c.name in ORACLE_RESERVED or len(c.name) > 128 or not re.fullmatch(r"[A-Z][A-Z0-9_$#]*", c.name)]
    bad += [(t.name, "") for t in staging_tables() if t.name in ORACLE_RESERVED or len("CCS_LD_" + t.name) > 128]
    assert not bad, f"not usable unquoted on Oracle: {bad}"


def test_transaction_commits_once_and_rolls_back_on_error():
    s, con = recording_session()
    with s.transaction():
        s.execute("DELETE FROM CISADM.T WHERE WAVE = :wave", wave="w")
        s.execute("INSERT INTO CISADM.T (A) SELECT A FROM CISSTG.T")
    kinds = [k for k, *_ in con.log]
    assert kinds == ["rollback", "sql", "sql", "commit"], "no commit inside the block, one at its end"
    con.log.clear()
    with pytest.raises(ZeroDivisionError):
        with s.transaction():
            s.execute("DELETE FROM CISADM.T WHERE WAVE = :wave", wave="w")
            1 / 0
    assert [k for k, *_ in con.log] == ["rollback", "sql", "rollback"], "a failed step leaves production as it was"
    con.log.clear()
    s.execute("DELETE FROM CISSTG.X WHERE WAVE = :wave", wave="w")
    assert s.scalar("SELECT count(*) FROM CISSTG.X") == 0
    assert [k for k, *_ in con.log] == ["sql", "commit", "sql"], "a write outside a transaction commits on its own; a read does not"


def test_from_parser_refuses_to_run_inside_a_transaction(tmp_path):
    s, _ = recording_session()
    with pytest.raises(RuntimeError, match="outside transaction"):
        with s.transaction():
            s.from_parser("SELECT 1 AS PER_ID", ccb.CI_PER, "_x")


def test_binds_are_passed_by_name_only_when_used():
    s, con = recording_session()
    s.execute("DELETE FROM CISSTG.T WHERE WAVE = :wave AND TABLE_NAME = :tname", wave="w", tname="T", unused=1)
    assert con.log[0][2] == {"wave": "w", "tname": "T"}


def test_executemany_fallback_keeps_refused_rows_as_load_rejects(tmp_path):
    """No direct path (thick mode, old server): executemany with batcherrors; a refused row becomes a LOAD_REJECT."""
    s, con = recording_session(dpl=False)
    con.batch_errors = [BatchError(0, "ORA-12899: value too large for column")]
    t = ccb.CI_PER
    stage_file(s, t, sample_file(t, tmp_path), "w01")
    stmts = con.statements()
    load = load_table_name(t, "w01")
    assert any(re.match(rf"INSERT INTO CISSTG\.{load} \(PER_ID, .*\) VALUES \(:1, :2", x) for x in stmts)
    notes = [sql for k, sql, _ in con.log if k == "note"]
    assert any("executemany batcherrors=True batch_size=100000: 1 rows" in n for n in notes)
    refused = [p for k, sql, p in con.log if k == "sql" and "'LOAD_REJECT', NULL, :val, :msg" in sql]
    assert refused and refused[0]["val"] == "1111111111" and "ORA-12899" in refused[0]["msg"]
    assert refused[0]["msg"].startswith("CI_PER.dat row 1: ")


def test_direct_path_load_gets_arrow_batches_of_the_configured_size(tmp_path):
    s, con = recording_session(batch_rows=1)
    path = tmp_path / "CCS_KEY_XREF.dat"
    path.write_text('"CI_PER","000000000001","L1","w01",1\n"CI_PER","000000000002","L2","w01",2\n"bad line"\n')
    r = stage_file(s, project.KEY_XREF, path, "w01")
    loads = [sql for k, sql, _ in con.log if k == "note" and load_table_name(project.KEY_XREF, "w01") in sql]
    assert len(loads) == 2 and all(n.endswith("batch_size=1: 1 rows") for n in loads), loads
    rej = load_table_name(LOAD_REJECTS, "w01")
    rejects = [sql for k, sql, _ in con.log if k == "note" and rej in sql]
    assert rejects == [f"direct_path_load CISSTG.{rej} (LINE_NO, COLUMN_NAME, VALUE, MESSAGE) batch_size=1: 1 rows"]
    assert r == {"loaded": 0, "rejected": 0}  # canned counts


def test_key_hash_is_the_same_number_on_both_engines():
    """DuckDB runs its text; Oracle's formula (STANDARD_HASH MD5 -> 15 hex digits -> MOD) is computed in Python."""
    con = duckdb.connect()
    for text in ["CI_PER:0000000001:0", "CI_SA:1234567890:7", "CI_PREM:Nuñez:3"]:
        got = con.execute(f"SELECT {DUCKDB.number_to_key(DUCKDB.key_hash('$t', 10), 10)}", {"t": text}).fetchone()[0]
        oracle = int(hashlib.md5(text.encode("utf-8")).hexdigest()[:15], 16) % (9 * 10**9) + 10**9
        assert got == str(oracle).rjust(10, "0")


def test_dialect_functions_run_on_duckdb():
    con = duckdb.connect()
    d = DUCKDB
    row = con.execute(
        f"SELECT {d.count_if('x > 1')}, {d.string_agg('CAST(x AS VARCHAR)', chr(39) + ';' + chr(39), 'x')}, {d.any_value('x')} "
        "FROM (VALUES (1), (2), (3)) v(x)").fetchone()
    assert row[0] == 2 and row[1] == "1;2;3" and row[2] in (1, 2, 3)
    d1, d2, empty, blank = "DATE '2020-02-28'", "DATE '2020-03-01'", "''", "' '"
    assert str(con.execute(f"SELECT {d.add_days(d1, '2')}").fetchone()[0])[:10] == "2020-03-01"
    assert con.execute(f"SELECT {d.days_between(d2, d1)}").fetchone()[0] == 2
    assert con.execute(f"SELECT {d.is_empty(empty)}, {d.is_empty('NULL')}, {d.is_empty(blank)}").fetchone() == (True, True, False)
    con.execute("CREATE TABLE t (k INTEGER, v VARCHAR)")
    con.execute(d.merge("t", "SELECT 1 AS k, 'a' AS v", ["k"], ["k", "v"]))
    con.execute(d.merge("t", "SELECT 1 AS k, 'b' AS v", ["k"], ["k", "v"]))
    assert con.execute("SELECT * FROM t").fetchall() == [(1, "b")]
    con.execute(d.create_temp_table("_x", "SELECT 1 AS a"))
    assert con.execute(d.limit(f"SELECT a FROM {d.temp_table('_x')} ORDER BY a", 1)).fetchall() == [(1,)]
    con.execute(d.drop_temp_table("_x"))


def test_cli_without_oracle_dsn_is_one_line_and_exit_2(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "CCS_HOME": str(tmp_path), "CCS_TARGET": "oracle", "CCS_ORACLE_USER": "u"}
    proc = subprocess.run([sys.executable, "-m", "ccs_assets.cli.main", "reconcile", "--wave", "w01"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "ccs-migrate: CCS_TARGET=oracle needs CCS_ORACLE_DSN, CCS_ORACLE_PASSWORD (DSN like host:1521/service, user, password)"]


def test_oracle_target_without_env_id_is_one_line_and_exit_2(tmp_path):
    """ENV_ID must equal the installation's: an Oracle target has no default (the DuckDB rehearsal keeps 100000)."""
    env = {"PATH": "/usr/bin:/bin", "CCS_HOME": str(tmp_path), "CCS_TARGET": "oracle", "CCS_ORACLE_DSN": "db:1521/x",
           "CCS_ORACLE_USER": "u", "CCS_ORACLE_PASSWORD": "p"}
    proc = subprocess.run([sys.executable, "-m", "ccs_assets.cli.main", "reconcile", "--wave", "w01"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "ccs-migrate: CCS_TARGET=oracle needs CCS_ENV_ID: the ENV_ID of the target installation record "
        "(every _K row carries it; the DuckDB rehearsal defaults to 100000)"]
    from ccs_assets.settings import load_settings
    assert load_settings({"CCS_HOME": str(tmp_path)}).env_id == 100000
    assert load_settings({**env, "CCS_ENV_ID": "4711"}).env_id == 4711


@pytest.mark.parametrize("command", [["run", "--wave", "wave-01"], ["errors", "--wave", "wave-01"],
                                     ["reconcile", "--wave", "wave-01"], ["rollback", "--wave", "wave-01"],
                                     ["trace", "--legacy-key", "C1"]], ids=lambda c: c[0])
def test_cli_with_unreachable_oracle_is_one_line_and_exit_2(tmp_path, command):
    """A database nobody listens at is a setting problem: one line naming it (never the password); `run` says so
    before any step runs."""
    import socket

    from ccs_assets.generate.generator import generate_landing

    with socket.socket() as sock:  # a loopback port with nothing listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    landing = tmp_path / "landing"
    generate_landing(landing, customers=20, waves=1)
    env = {"PATH": "/usr/bin:/bin", "CCS_HOME": str(tmp_path / "home"), "CCS_TARGET": "oracle", "CCS_LANDING": str(landing),
           "CCS_ORACLE_DSN": f"127.0.0.1:{port}/nothing", "CCS_ORACLE_USER": "u", "CCS_ORACLE_PASSWORD": "s3cr3t-pw",
           "CCS_ENV_ID": "123456"}
    proc = subprocess.run([sys.executable, "-m", "ccs_assets.cli.main", *command],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 2, proc.stderr[-2000:]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"ccs-migrate: cannot connect to Oracle u@127.0.0.1:{port}/nothing: DPY-"), lines
    assert "s3cr3t-pw" not in proc.stderr + proc.stdout, "the password is never printed"
    if command[0] == "run":
        assert not (tmp_path / "home" / "workbench.duckdb").exists(), "no step ran"


# ---------------------------------------------------------------- Oracle semantics (issue: the review of the goldens)
def test_fake_holds_rows_as_oracle_does():
    """CHAR padded, '' is NULL, NULL refused in a NOT NULL column; CHAR vs str bind compared exactly."""
    import oracledb

    from .recording import sample_row

    s, con = recording_session(tables={"CISADM.CCS_WAVE_LEDGER": [
        sample_row(project.WAVE_LEDGER, WAVE="w01", TABLE_NAME="CI_PER", OWNER_KEY="1234567890")]})
    assert con.tables["CISADM.CCS_WAVE_LEDGER"][0]["OWNER_KEY"] == "1234567890  "
    q = "SELECT MIN(WAVE) FROM CISADM.CCS_WAVE_LEDGER WHERE OWNER_KEY = {}"
    assert s.scalar(q.format(":k"), k="1234567890") is None, "a VARCHAR2 bind never equals a padded CHAR(12)"
    assert s.scalar(q.format("CAST(:k AS CHAR(12))"), k="1234567890") == "w01"
    assert s.scalar(q.format("'1234567890'")) == "w01", "a literal is CHAR: blank-padded comparison"
    with pytest.raises(oracledb.IntegrityError, match="ORA-01400"):
        s.execute("INSERT INTO CISADM.CCS_WAVE_LEDGER (WAVE, TABLE_NAME, OWNER_KEY) VALUES (:w, :t, :k)", w="w02", t="", k="1")


def test_trace_on_oracle_finds_keys_held_in_char_columns():
    """trace binds str keys; against CHAR(12) columns holding 10-character keys they must be cast to CHAR,
    or Oracle silently returns nothing (no MDM/ODM keys, no ledger wave)."""
    from ccs_assets.waves import trace

    from .recording import TRACED, trace_tables

    s, con = recording_session(tables=trace_tables())
    got = trace.target_trace(s, TRACED, trace.keyed_tables("CI_PER"), {})
    w = got["tables"]["CI_PER"]["w01"]
    assert w["stg_key"] == "0000000001" and w["line"] == 1 and w["prod_key"] == "1234567890"
    assert w["production"]["CI_PER"] == 1 and w["production"]["CI_PER_K"] == 1
    assert w["production"]["ledger_wave"] == "w01"
    assert w["mdm_odm"] == {"D1_CONTACT": "100000000007"}
    assert [e["rule"] for e in got["errors"]] == ["REQUIRED"]


def test_admin_step_reads_the_settings_it_stored():
    """Step 9 stores the master configuration; what steps 10-12 read back comes from those rows (blank DESCR100
    trimmed is NULL on Oracle), and the store node's key row is what the admin step keyed."""
    from ccs_assets.catalog import mdm
    from ccs_assets.cloud import steps as x1
    from ccs_assets.cloud.config import DEMO_MASTER_CONFIG, load_master_config

    codes, applied = load_master_config(DEMO_MASTER_CONFIG)
    s, con = recording_session(tables={f"CISSTG.{mdm.TYPE_MAP}": [], f"CISSTG.{mdm.X1_KEY_MAP.name}": []},
                               sequences={r"\) r\s*$": [1, 0]})
    x1.run_admin(s, codes)
    held = con.tables[f"CISSTG.{mdm.TYPE_MAP}"]
    assert len(held) == len(codes)
    settings = dict(s.query(f"SELECT CCB_CODE, TRIM(DESCR100) FROM CISSTG.{mdm.TYPE_MAP} WHERE KIND = 'SETTING'"))
    assert settings["store_node"] == applied["store_node"]
    keyed = [x for x in con.statements() if x.startswith(f"INSERT INTO CISSTG.{mdm.X1_KEY_MAP.name}")]
    assert keyed and all("CAST(SUBSTRB(m.MDM_CODE, 1, 12) AS CHAR(12))" in x for x in keyed), \
        "the store node's key is CHAR(12) like CCB_KEY, so the next round's NOT EXISTS sees it"


def test_each_wave_loads_into_its_own_tables_of_at_most_30_bytes(tmp_path):
    """Two waves loading at once never share (or truncate) a load table; names fit Oracle's 30 bytes."""
    from .recording import file_tables

    names = {w: {load_table_name(t, w) for t in file_tables() + [LOAD_REJECTS]} for w in ("wave-01", "wave-02")}
    assert not names["wave-01"] & names["wave-02"]
    assert all(len(n.encode()) <= 30 and n.startswith("CCS_LD_") for ns in names.values() for n in ns)
    long = ccb.CI_PER.__class__(**{**ccb.CI_PER.__dict__, "name": "CI_A_VERY_LONG_TABLE_NAME_X"})
    assert len(load_table_name(long, "wave-01")) <= 30


def test_load_table_is_rebuilt_from_the_catalog_and_dropped_after_the_load(tmp_path):
    """A load table a crashed run left (maybe from an older catalog) is dropped and created again, never
    truncated; after the load both of the file's load tables are dropped."""
    t = ccb.CI_PER
    s, con = recording_session(sequences={r"all_tables WHERE owner = :schema AND table_name = :tname": [load_table_name(t, "w01")]})
    stage_file(s, t, sample_file(t, tmp_path), "w01")
    stmts = con.statements()
    load, rej = load_table_name(t, "w01"), load_table_name(LOAD_REJECTS, "w01")
    assert stmts.index(f"DROP TABLE CISSTG.{load} PURGE") < stmts.index(next(x for x in stmts if x.startswith(f"CREATE TABLE CISSTG.{load} ")))
    assert not any(x.startswith("TRUNCATE") for x in stmts)
    assert sorted(stmts[-2:]) == sorted([f"DROP TABLE CISSTG.{load} PURGE", f"DROP TABLE CISSTG.{rej} PURGE"])


def test_a_value_direct_path_refuses_becomes_a_load_reject_not_a_failed_file(tmp_path):
    """DPY-8000/ORA- data errors in a direct path batch: the batch goes by executemany with batch errors."""
    import oracledb

    s, con = recording_session()
    con.dpl_error = oracledb.DatabaseError("ORA-12899: value too large for column \"CISSTG\".\"X\".\"EMAILID\"")
    con.batch_errors = [BatchError(0, "ORA-12899: value too large for column")]
    t = ccb.CI_PER
    r = stage_file(s, t, sample_file(t, tmp_path), "w01")
    notes = [sql for k, sql, _ in con.log if k == "note"]
    assert any("executemany batcherrors=True" in n for n in notes)
    refused = [p for k, sql, p in con.log if k == "sql" and "'LOAD_REJECT', NULL, :val, :msg" in sql]
    assert refused and "ORA-12899" in refused[0]["msg"]
    assert r == {"loaded": 0, "rejected": 0}  # canned counts


def test_direct_path_errors_that_executemany_cannot_pass_stop_the_load(tmp_path):
    import oracledb

    s, con = recording_session()
    con.dpl_error = oracledb.DatabaseError("ORA-01031: insufficient privileges")
    with pytest.raises(oracledb.DatabaseError, match="ORA-01031"):
        stage_file(s, ccb.CI_PER, sample_file(ccb.CI_PER, tmp_path), "w01")


def test_a_half_loaded_direct_path_batch_is_not_sent_twice(tmp_path):
    import oracledb

    s, con = recording_session(count=1)  # the load table already holds a row of the refused batch
    con.dpl_error = oracledb.DatabaseError("DPY-8000: conversion failed")
    with pytest.raises(RuntimeError, match="not resending it"):
        stage_file(s, ccb.CI_PER, sample_file(ccb.CI_PER, tmp_path), "w01")


def test_index_names_fit_30_bytes():
    from ccs_assets.cloud.steps import x1_production_tables, x1_staging_tables
    from ccs_assets.target.schema import index_columns, index_name

    names = [n for t in staging_tables() + production_tables() + x1_staging_tables() + x1_production_tables()
             for n, _ in index_columns(t)]
    assert names and all(len(n.encode()) <= 30 for n in names), [n for n in names if len(n) > 30]
    assert index_name("CCS_VAL_ERR", ["WAVE", "STEP", "TABLE_NAME"]) == "CCS_VAL_ERR_IX_WAVE"


def test_left_bytes_fits_a_byte_limit_on_both_engines():
    from ccs_assets.cloud.config import fit_bytes
    from ccs_assets.target.dialect import ORACLE

    con = duckdb.connect()
    text = "añb€cd"  # 1 + 2 + 1 + 3 + 1 + 1 bytes
    got = [con.execute(f"SELECT {DUCKDB.left_bytes('$t', n)}", {"t": text}).fetchone()[0] for n in (3, 4, 7, 20)]
    assert got == ["añ", "añb", "añb€", text]
    assert [fit_bytes(text, n) for n in (3, 4, 7, 20)] == got, "Python's cut (settings) is the same"
    assert ORACLE.left_bytes("x", 100) == "SUBSTRB(x, 1, 100)"


def test_unmodeled_not_null_columns_get_ouaf_empty_values_and_are_listed():
    """A real CI_ACCT has NOT NULL columns the catalog does not model: the write fills them (blank, 0) and the
    step's result (asset metadata) lists them; nullable or defaulted ones are left alone."""
    from ccs_assets.catalog.model import Column
    from ccs_assets.production.steps import insert_production

    from .recording import _declared_columns, declared

    s, con = recording_session()
    t = ccb.CI_ACCT
    con.dictionary["CISADM.CI_ACCT"] = _declared_columns("CISADM.CI_ACCT") + [
        declared(Column("PROTECT_CYC_FLG", "char", 1)), declared(Column("BUD_PLAN_AMT", "number", 15, 2)),
        declared(Column("OPTIONAL_CD", "char", 8, nullable=True)),
        declared(Column("DEFAULTED_SW", "char", 1), default_length=3)]
    out = insert_production(s, t, "w01", 100000)
    assert out["unmodeled_not_null_filled"] == ["PROTECT_CYC_FLG", "BUD_PLAN_AMT"]
    ins = next(x for x in con.statements() if x.startswith("INSERT INTO CISADM.CI_ACCT ("))
    assert ins.startswith(f"INSERT INTO CISADM.CI_ACCT ({', '.join(t.column_names)}, PROTECT_CYC_FLG, BUD_PLAN_AMT) SELECT ")
    assert ", ' ', 0 FROM (" in ins and "OPTIONAL_CD" not in ins and "DEFAULTED_SW" not in ins


def test_a_target_column_that_disagrees_with_the_catalog_stops_the_write_naming_both():
    from ccs_assets.production.steps import insert_production
    from ccs_assets.target.dictionary import TargetSchemaMismatch

    from .recording import _declared_columns, declared

    s, con = recording_session()
    t = ccb.CI_ACCT
    rows = [r for r in _declared_columns("CISADM.CI_ACCT") if r[0] != "CUST_CL_CD"]
    rows = [declared(t.column("ACCT_ID"), data_length=12) if r[0] == "ACCT_ID" else r for r in rows]
    con.dictionary["CISADM.CI_ACCT"] = rows
    with pytest.raises(TargetSchemaMismatch) as e:
        insert_production(s, t, "w01", 100000)
    assert "CISADM.CI_ACCT" in str(e.value) and "ACCT_ID: catalog CHAR(10 BYTE), target CHAR(12 BYTE)" in str(e.value)
    assert "CUST_CL_CD: catalog CHAR(8 BYTE), target has no such column" in str(e.value)
    assert not any(x.startswith(("INSERT", "DELETE")) for x in con.statements()), "nothing written"


def test_admin_step_never_deletes_delivered_admin_rows():
    """Step 9 deletes only the codes it recorded as its own (CCS_X1_ADMIN_ROWS), never a whole admin table."""
    from ccs_assets.cloud import steps as x1
    from ccs_assets.cloud.config import DEMO_MASTER_CONFIG, load_master_config

    s, con = recording_session(sequences={r"\) r\s*$": [1, 0]})
    x1.run_admin(s, load_master_config(DEMO_MASTER_CONFIG)[0])
    deletes = [x for x in con.statements() if x.startswith(tuple(f"DELETE FROM CISADM.{t.name} " for t in x1.ADMIN_TABLES))]
    assert len(deletes) == len(x1.ADMIN_TABLES) and all("IN (SELECT a.CODE FROM CISSTG.CCS_X1_ADMIN_ROWS a" in x for x in deletes), deletes
