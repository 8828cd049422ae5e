"""Load files written in pieces (one sorted piece per table) are byte for byte the file one sort would write."""

from __future__ import annotations

import duckdb

from ccs_assets.catalog import project
from ccs_assets.extract.loadfile import write_table_files


def test_pieces_in_key_order_make_the_same_file_as_one_sort(tmp_path):
    con = duckdb.connect()
    con.execute("CREATE TABLE a AS SELECT lpad(CAST(i AS VARCHAR), 10, '0') AS K, 'L' || i AS L FROM range(2000) t(i) "
                "ORDER BY random()")
    con.execute("CREATE TABLE b AS SELECT lpad(CAST(i AS VARCHAR), 10, '0') AS K, 'M' || i AS L FROM range(1500) t(i) "
                "ORDER BY random()")
    piece = ("(SELECT '{name}' AS TABLE_NAME, K AS STG_KEY, L AS LEGACY_KEY, $wave AS WAVE, 1 AS LINE_NO "
             "FROM {table}) u")
    parts = [piece.format(name="CI_ACCT", table="a"), piece.format(name="CI_PER", table="b")]
    union = "(" + " UNION ALL ".join(p[1:-3] for p in reversed(parts)) + ") u"
    one = write_table_files(con, union, project.KEY_XREF, tmp_path / "one", "w1", {"wave": "w1"})
    split = write_table_files(con, parts, project.KEY_XREF, tmp_path / "split", "w1", {"wave": "w1"})

    assert one == split == {"CCS_KEY_XREF.dat": 3500, "CCS_KEY_XREF.ctl": None}
    a, b = (tmp_path / d / "CCS_KEY_XREF.dat" for d in ("one", "split"))
    assert a.read_bytes() == b.read_bytes()
    lines = b.read_text().splitlines()
    assert lines[0].startswith('"CI_ACCT","0000000000"') and lines[-1].startswith('"CI_PER","0000001499"')
    assert not list((tmp_path / "split").glob("*.part*")) and not list((tmp_path / "split").glob("*.dat.*"))
