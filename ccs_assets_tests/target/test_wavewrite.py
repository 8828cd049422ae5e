"""Wave writes on DuckDB refuse rows Oracle would reject (CHAR/VARCHAR2 n BYTE, NUMBER precision), and roll back."""

from __future__ import annotations

import pytest

from ccs_assets.catalog import mdm
from ccs_assets.cloud import steps
from ccs_assets.target import TargetResource
from ccs_assets.target.dialect import ValueTooLong
from ccs_assets.target.wavewrite import replace_wave_rows


def test_a_too_long_mdm_value_is_refused_and_nothing_is_written(tmp_path):
    t = mdm.D1_SP_IDENTIFIER
    res = TargetResource(duckdb_path=str(tmp_path / "target.duckdb"))
    with res.session() as s:
        steps.ensure_x1_schema(s)
        ok = "SELECT '000000000001' AS D1_SP_ID, 'D1EI' AS SP_ID_TYPE_FLG, '1234567890' AS ID_VALUE, 1 AS VERSION"
        assert replace_wave_rows(s, s.prod, t, "w1", steps.wrap_select(t, ok)) == 1
        bad = ok.replace("'D1EI'", "'D1EIX'")
        with pytest.raises(ValueTooLong, match=r"D1_SP_IDENTIFIER.SP_ID_TYPE_FLG = 'D1EIX' \(5 bytes > 4; key 000000000001\)"):
            replace_wave_rows(s, s.prod, t, "w1", steps.wrap_select(t, bad))
        assert s.query(f"SELECT SP_ID_TYPE_FLG FROM {s.prod}.{t.name}") == [("D1EI",)]
