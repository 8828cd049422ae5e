"""OracleSession behaviour on a fake python-oracledb connection: transactions, bulk load paths, settings."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import duckdb
import pytest

from ccs_assets.catalog import ccb, project
from ccs_assets.stage.steps import stage_file
from ccs_assets.target.dialect import DUCKDB
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
    assert any(re.match(r"INSERT INTO CISSTG\.CCS_LD_CI_PER \(PER_ID, .*\) VALUES \(:1, :2", x) for x in stmts)
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
    loads = [sql for k, sql, _ in con.log if k == "note" and "CCS_LD_CCS_KEY_XREF" in sql]
    assert len(loads) == 2 and all(n.endswith("batch_size=1: 1 rows") for n in loads), loads
    rejects = [sql for k, sql, _ in con.log if k == "note" and "CCS_LD_LOAD_REJECTS" in sql]
    assert rejects == ["direct_path_load CISSTG.CCS_LD_LOAD_REJECTS (LINE_NO, COLUMN_NAME, VALUE, MESSAGE) batch_size=1: 1 rows"]
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
