"""Files in the field order of the service's own control files (K1-CNVAG), those control files shipped as they are;
without them, the catalog's order and the project's control files (rehearsal)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from ccs_assets.catalog import ccb, project
from ccs_assets.extract.loadfile import control_file, write_table_files
from ccs_assets.extract.spec import SpecError, layout, layout_report, layouts, load_specs, parse_control_file
from ccs_assets.settings import SettingsError, load_settings
from ccs_assets.stage.steps import _read_csv_sql
from ccs_assets.transform.steps import ccb_table_ddl

T = ccb.CI_ACCT


def service_ctl(t, extra: dict[str, str], drop: tuple[str, ...] = ()) -> str:
    """A control file as the service might generate it: another field order, '|' delimiter, DD/MM/YYYY dates."""
    fields = []
    for c in reversed(t.columns):
        if c.name in drop:
            continue
        spec = {"date": 'DATE "DD/MM/YYYY"', "timestamp": 'TIMESTAMP "YYYY-MM-DD HH24:MI:SS"',
                "number": "DECIMAL EXTERNAL"}.get(c.type, f"CHAR({c.length})")
        fields.append(f'  "{c.name}" {spec}')
    fields[2:2] = [f"  {n} {spec}" for n, spec in extra.items()]
    return ("LOAD DATA\nCHARACTERSET UTF8\nINFILE *\nAPPEND\n"
            f"INTO TABLE CISSTG.{t.name}\nFIELDS TERMINATED BY '|' OPTIONALLY ENCLOSED BY '\"'\nTRAILING NULLCOLS\n(\n"
            + ",\n".join(fields) + "\n)\n")


@pytest.fixture
def workbench():
    con = duckdb.connect()
    con.execute("CREATE SCHEMA ccb")
    con.execute(ccb_table_ddl(T))
    for n, bill_after in ((1, None), (2, date(2024, 3, 9))):
        r = {c.name: c.default if c.default is not None else None for c in T.columns}
        r.update(ACCT_ID=f"{n:010d}", BILL_CYC_CD="BC1", SETUP_DT=date(2020, 1, n), CURRENCY_CD="USD",
                 CIS_DIVISION="NORTH", CUST_CL_CD="RES", BILL_AFTER_DT=bill_after)
        con.execute(f"INSERT INTO ccb.{T.name} (_wave, {', '.join(r)}) VALUES ('w1', {', '.join('?' * len(r))})",
                    list(r.values()))
    return con


def test_files_follow_the_service_control_file_and_ship_it(tmp_path, workbench):
    art = tmp_path / "artifacts"
    art.mkdir()
    text = service_ctl(T, {"NEW_FLAG": "CHAR(4)", "NEW_DT": 'DATE "DD/MM/YYYY"', "NEW_QTY": "INTEGER EXTERNAL"})
    (art / "CI_ACCT.ctl").write_text(text)
    [lay] = layouts(art, T)
    assert lay.extra == ["NEW_FLAG", "NEW_DT", "NEW_QTY"]
    assert layout_report([lay])["fields_written_empty"] == {"CI_ACCT": ["NEW_FLAG", "NEW_DT", "NEW_QTY"]}
    out = tmp_path / "out"
    files = write_table_files(workbench, f"ccb.{T.name} WHERE _wave = $wave", T, out, "w1", {"wave": "w1"}, lay)
    assert files == {"CI_ACCT.dat": 2, "CI_ACCT.ctl": None}
    assert (out / "CI_ACCT.ctl").read_text() == text, "the service's control file is shipped unchanged"
    first = (out / "CI_ACCT.dat").read_text().splitlines()[0].split("|")
    names = [n for n, _, _ in lay.fields]
    assert names[:5] == ["VERSION", "NO_DEP_RVW_SW", "NEW_FLAG", "NEW_DT", "NEW_QTY"]
    assert first[:5] == ["1", '"N"', '" "', "", "0"], "OUAF empty values: enclosed blank, empty date, 0"
    assert first[names.index("SETUP_DT")] == "01/01/2020" and first[names.index("ACCT_ID")] == '"0000000001"'
    # the stage step reads the file back through the control file shipped with it
    back = workbench.execute(f"SELECT ACCT_ID, SETUP_DT, BILL_AFTER_DT, BILL_CYC_CD FROM {_read_csv_sql(T, out / 'CI_ACCT.dat')} "
                             f"ORDER BY 1").fetchall()
    assert back == [("0000000001", date(2020, 1, 1), None, "BC1"), ("0000000002", date(2020, 1, 2), date(2024, 3, 9), "BC1")]


def test_a_catalog_column_the_service_lacks_is_an_error(tmp_path):
    path = tmp_path / "CI_ACCT.ctl"
    path.write_text(service_ctl(T, {}, drop=("BUD_PLAN_CD", "ALERT_INFO")))
    with pytest.raises(SpecError, match=r"CI_ACCT has catalog column\(s\) BUD_PLAN_CD, ALERT_INFO that the service's "
                                        r"control file lacks"):
        layout(T, parse_control_file(path.read_text(), path))


def test_a_key_table_needs_its_own_control_file(tmp_path):
    (tmp_path / "CI_ACCT.ctl").write_text(service_ctl(T, {}))
    with pytest.raises(SpecError, match="no service control file for CI_ACCT_K .* eligibility list"):
        layouts(tmp_path, T, project.k_table(T))
    with pytest.raises(SpecError, match="no \\*.ctl control files"):
        load_specs(tmp_path / "nothing-here")


def test_without_artifacts_the_catalog_order_and_own_control_files(tmp_path):
    k = project.k_table(T)
    for t in (T, k):
        text = control_file(t, f"{t.name}.dat", "w1")
        spec = parse_control_file(text, Path(f"{t.name}.ctl"))
        assert spec.names == t.column_names and spec.delimiter == "," and spec.date_mask in (None, "%Y-%m-%d")
        assert "rehearsal layout" in text
    assert "single-threaded" in control_file(k, "CI_ACCT_K.dat", "w1")
    assert layout_report(layouts(None, T, k)) == {"layout": "catalog (rehearsal target)", "fields_written_empty": {},
                                                  "single_threaded_loads": ["CI_ACCT_K"]}


def test_artifacts_setting_must_be_a_folder(tmp_path):
    with pytest.raises(SettingsError, match="CCS_CONVERSION_ARTIFACTS: .* is not a folder"):
        load_settings({"CCS_HOME": str(tmp_path), "CCS_CONVERSION_ARTIFACTS": str(tmp_path / "missing")})
    assert load_settings({"CCS_HOME": str(tmp_path)}).conversion_artifacts is None
