"""Read-back through REST-enabled SQL: the statements (Oracle parse, lint, golden) and a load read back from the fake."""

from __future__ import annotations

import os
from pathlib import Path

import sqlglot

from ccs_assets.catalog import ccb
from ccs_assets.service import readback
from ccs_assets.service.client import SQL_DIR, _strip_comments
from ccs_assets.service.controls import required_tables
from ccs_assets.service.sqlloader import count_bad_records, parse_log

from ..target.recording import sample_file
from ..target.test_oracle_sql import lint
from .test_client import client_for

GOLDEN = Path(__file__).parent / "golden" / "readback.sql"


def statements() -> list[str]:
    tables = required_tables("stage")
    return [readback.count_sql("STGADM", tables), readback.count_sql("CISREAD", required_tables("production")),
            readback.count_sql("CISREAD", required_tables("mdm_odm")), readback.errors_sql("STGADM"),
            _strip_comments((SQL_DIR / "batch_threads.sql").read_text().format(prod="CISREAD"))]


def test_readback_sql_is_oracle_and_reviewed():
    text = "\n;\n\n".join(statements()) + "\n;\n"
    for sql in statements():
        assert len(sqlglot.parse(sql, read="oracle", error_level=sqlglot.ErrorLevel.RAISE)) == 1
        assert not lint(sql), lint(sql)
    if os.environ.get("CCS_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text)
    assert GOLDEN.read_text() == text, "read-back SQL changed: review, then CCS_UPDATE_GOLDEN=1 pytest ccs_assets_tests/service"


def test_a_load_is_read_back_with_its_sqlloader_log(fake_ccs, tmp_path):
    c = client_for(fake_ccs)
    c.run_batch(c.controls.batch("enable"), {})
    t = ccb.CCB_TABLES[0]
    fake_ccs.store.put_file(sample_file(t, tmp_path), f"wave-01/{t.name}.dat")  # one good line, one bad
    values = {"wave": "wave-01", "table": t.name, **c.controls.locations_for("wave-01")}
    run = c.run_batch(c.controls.batch("stage", t.name), values)
    assert run.records_processed == 2 and run.records_in_error == 1 and len(run.threads) == 4
    assert readback.service_counts(c, "staging", [t.name]) == {t.name: 1}
    assert readback.service_counts(c, "production", [t.name]) == {t.name: 0}
    log = parse_log(fake_ccs.store.get_bytes(f"wave-01/out/{t.name}.log").decode(), f"{t.name}.log")
    assert log["tables"][t.name]["loaded"] == 1 and log["tables"][t.name]["rejected"] == 1
    assert log["rejects"][0]["record"] == 2
    assert count_bad_records(fake_ccs.store.get_bytes(f"wave-01/out/{t.name}.bad")) == 1
    assert readback.service_errors(c) == []  # nothing validated yet
    # the entity's validation batch: the staged person has no CI_PER_K row, so CI_VAL_ERR holds its error
    v = c.run_batch(c.controls.batch("validate", t.name), values)
    rows = readback.service_errors(c)
    with fake_ccs._lock:
        expected = dict(fake_ccs.con.execute("SELECT TABLE_NAME, count(*) FROM cisstg.CCS_VAL_ERR WHERE STEP = 'validate' "
                                             "GROUP BY TABLE_NAME").fetchall())
    assert expected.get(t.name, 0) >= 1 and readback.errors_per_table(rows) == expected
    assert any("K_ROW_MISSING" in r["EXAMPLE_MESSAGE"] for r in rows) and v.records_in_error == 1
