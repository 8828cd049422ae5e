"""Wave rollback: through the CLI on two real waves, and table-driven on a catalog table added later."""

from __future__ import annotations

import json

import pytest

from ccs_assets.catalog import ccb
from ccs_assets.catalog.model import Column, Table
from ccs_assets.target import TargetResource
from ccs_assets.target import schema as target_schema
from ccs_assets.waves.rollback import RollbackRefused, catalog_tables, find_dependents, rollback_wave
from ccs_assets_tests.conftest import table_digests

LEDGER = "CCS_WAVE_LEDGER"


def schema_tables(con) -> list[tuple[str, object]]:
    """(schema, Table) of every catalog table (CC&B, MDM, ODM, bookkeeping) the target holds."""
    have = {(s, t) for s, t in con.execute("SELECT table_schema, table_name FROM information_schema.tables").fetchall()}
    return [(schema, t) for schema, kind in (("cisadm", "production"), ("cisstg", "staging"))
            for t in catalog_tables(kind) if (schema, t.name) in have]


def wave_snapshot(cli, wave: str) -> dict:
    """Every row the wave owns on the target: production and staging tables by ledger, CK maps and the rest by WAVE."""
    out = {}
    with cli.target() as con:
        for schema, t in schema_tables(con):
            if "WAVE" in t.column_names:
                q = f"SELECT * FROM {schema}.{t.name} WHERE WAVE = ?"
                args = [wave]
            else:
                q = (f"SELECT * FROM {schema}.{t.name} WHERE {t.owner_column} IN (SELECT OWNER_KEY FROM {schema}.{LEDGER} "
                     f"WHERE WAVE = ? AND TABLE_NAME = ?)")
                args = [wave, t.name]
            out[f"{schema}.{t.name}"] = sorted(con.execute(q, args).fetchall(), key=repr)
    return out


def table_counts(cli) -> dict:
    with cli.target() as con:
        return {f"{s}.{t.name}": con.execute(f"SELECT count(*) FROM {s}.{t.name}").fetchone()[0] for s, t in schema_tables(con)}


@pytest.mark.heavy
def test_rollback_refused_then_later_wave_rolled_back_and_rerun(two_waves, target_after_wave_01):
    cli = two_waves
    first, second = wave_snapshot(cli, "wave-01"), wave_snapshot(cli, "wave-02")
    assert first["cisadm.CI_PER"] and second["cisadm.CI_PER"] and second["cisstg.CK_PER"]
    with cli.target() as con:  # the generator's meters moved between the waves: their asset history is shared
        moved = con.execute(f"SELECT count(*) FROM cisadm.{LEDGER} a JOIN cisadm.{LEDGER} b ON b.OWNER_KEY = a.OWNER_KEY "
                            "AND b.TABLE_NAME = a.TABLE_NAME WHERE a.TABLE_NAME = 'W1_ASSET_NODE' AND a.WAVE = 'wave-01' "
                            "AND b.WAVE = 'wave-02'").fetchone()[0]
    assert moved > 0
    before = table_counts(cli)

    # wave-02 accounts refer to persons (and premises) wave-01 owns: refused, with the dependents named
    refused = cli("rollback", "--wave", "wave-01", check=False)
    assert refused.returncode == 1
    assert "REFUSED" in refused.stdout and "wave-02" in refused.stdout
    assert "CI_ACCT_PER.PER_ID" in refused.stdout, refused.stdout
    assert "depended on by wave-02" in refused.stderr
    detail = json.loads(cli("rollback", "--wave", "wave-01", "--format", "json", check=False).stdout)
    assert detail["refused"] and {d["wave"] for d in detail["dependents"]} == {"wave-02"}
    assert all(d["rows"] > 0 and d["parent"] in {t.name for t in catalog_tables("production")} for d in detail["dependents"])
    assert table_counts(cli) == before, "a refused rollback changes nothing"

    # a dry run counts, changes nothing
    dry = json.loads(cli("rollback", "--wave", "wave-02", "--dry-run", "--format", "json").stdout)
    assert dry["production"]["CI_PER"] == len(second["cisadm.CI_PER"])
    assert table_counts(cli) == before

    # rolling back the later wave removes exactly its rows, everywhere on the target
    out = json.loads(cli("rollback", "--wave", "wave-02", "--format", "json").stdout)
    assert not out["refused"] and out["dagster"]["observed"] > 0
    assert out["production"]["CI_PER"] == len(second["cisadm.CI_PER"])
    assert out["staging"]["CK_PER"] == len(second["cisstg.CK_PER"])
    assert out["rebuilt_for"] == {"W1_ASSET_NODE": ["wave-01"]}
    # the target is exactly as wave-01 left it: the moved meters' history rebuilt without wave-02's part
    got, expected = table_digests(cli.home / "target.duckdb"), table_digests(target_after_wave_01)
    assert {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v} == {}
    gone = wave_snapshot(cli, "wave-02")
    assert not any(gone.values()), {k: len(v) for k, v in gone.items() if v}
    after = table_counts(cli)
    shared = set(out["rebuilt_for"])  # asset histories both waves list: rebuilt for wave-01, not removed
    for name, n in before.items():
        if name.split(".")[1] not in shared:
            assert after[name] == n - len(second[name]), name
    assert after["cisadm.W1_ASSET_NODE"] > before["cisadm.W1_ASSET_NODE"] - len(second["cisadm.W1_ASSET_NODE"])
    rec = json.loads(cli("reconcile", "--wave", "wave-02", "--format", "json", check=False).stdout)
    assert all(r.get("production", 0) == 0 for r in rec["tables"].values())
    # the instance records the rollback on wave-02's partition of the target-side assets, not on wave-01's
    import dagster as dg

    instance = dg.DagsterInstance.from_config(str(cli.home / "dagster"))
    try:
        for wave, expected in (("wave-02", 1), ("wave-01", 0)):  # one rollback of wave-02 so far
            obs = instance.fetch_observations(dg.AssetRecordsFilter(asset_key=dg.AssetKey(["production", "ci_per"]),
                                                                    asset_partitions=[wave]), limit=10).records
            assert len(obs) == expected, wave
        meta = instance.fetch_observations(dg.AssetKey(["staging", "ci_per"]), limit=1).records[0]
        obs_meta = meta.asset_observation.metadata
        assert obs_meta["ccs/rolled_back"].value is True and obs_meta["production_rows_removed"].value == sum(out["production"].values())
    finally:
        instance.dispose()
    # a second rollback finds nothing
    assert "nothing on the target" in cli("rollback", "--wave", "wave-02").stdout

    # rerun restores identical keys and rows
    cli("run", "--scenario", "legacy-cis", "--wave", "wave-02")
    assert wave_snapshot(cli, "wave-02") == second, "rerun after rollback gives identical keys"
    assert wave_snapshot(cli, "wave-01") == first
    assert table_counts(cli) == before

    # newest first, both waves roll back, and nothing of theirs is left (rows of the admin step 9 stay)
    cli("rollback", "--wave", "wave-02")
    cli("rollback", "--wave", "wave-01")
    left = {k: len(v) for w in ("wave-01", "wave-02") for k, v in wave_snapshot(cli, w).items() if v}
    assert not left, left
    with cli.target() as con:
        assert con.execute("SELECT count(*) FROM cisadm.CCS_WAVE_LEDGER WHERE WAVE LIKE 'wave-%'").fetchone()[0] == 0
        for t in ccb.CCB_TABLES:
            assert con.execute(f"SELECT count(*) FROM cisadm.{t.name}").fetchone()[0] == 0, t.name


# -------------------------------------------------------------- table-driven: a table the catalog gains later
def _row(t: Table, **values) -> tuple[str, list]:
    """INSERT of one row of `t`: the given values, blanks/zeros/a date elsewhere."""
    cols, args = [], []
    for c in t.columns:
        cols.append(c.name)
        if c.name in values:
            args.append(values[c.name])
        elif c.type in ("char", "varchar"):
            args.append(" ")
        elif c.type == "number":
            args.append(1 if c.name == "VERSION" else 0)
        else:
            args.append("2020-01-01")
    return f"({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", args


METER_CFG = Table(
    "X_MTR_CFG",
    (Column("MTR_CONFIG_ID", "char", 10, key_kind="ccb10"),
     Column("SP_ID", "char", 10, key_kind="ccb10", fk="CI_SP.SP_ID"),
     Column("VERSION", "number", 5, default=1)),
    ("MTR_CONFIG_ID",),
    "a device-side table added to the catalog after rollback was written",
    entity="X_MTR_CFG", owner_column="MTR_CONFIG_ID", legacy_file="meters", seed_step=2,
)


def test_rollback_covers_tables_added_to_the_catalog(tmp_path, monkeypatch):
    base = target_schema.production_tables
    monkeypatch.setattr(target_schema, "production_tables", lambda: [*base(), METER_CFG])
    target = TargetResource(kind="duckdb", duckdb_path=str(tmp_path / "target.duckdb"))
    with target.session() as s:
        target_schema.ensure_target_schema(s)
        con = s.con
        for wave, table, values in (
            ("wave-01", ccb.CI_SP, {"SP_ID": "1000000001", "PREM_ID": "2000000001"}),
            ("wave-02", METER_CFG, {"MTR_CONFIG_ID": "3000000001", "SP_ID": "1000000001"}),
        ):
            sql, args = _row(table, **values)
            con.execute(f"INSERT INTO cisadm.{table.name} {sql}", args)
            con.execute(f"INSERT INTO cisadm.{LEDGER} VALUES (?, ?, ?)", [wave, table.name, values[table.owner_column]])

        deps = find_dependents(s, "wave-01")
        assert [(d.wave, d.table, d.column, d.parent, d.rows) for d in deps] == [("wave-02", "X_MTR_CFG", "SP_ID", "CI_SP", 1)]
        with pytest.raises(RollbackRefused) as refused:
            rollback_wave(s, "wave-01")
        assert refused.value.result.dependents == deps
        assert s.scalar("SELECT count(*) FROM cisadm.CI_SP") == 1

        r = rollback_wave(s, "wave-02")
        assert r.production == {"X_MTR_CFG": 1, LEDGER: 1}
        assert s.scalar("SELECT count(*) FROM cisadm.X_MTR_CFG") == 0
        r = rollback_wave(s, "wave-01")
        assert r.production == {"CI_SP": 1, LEDGER: 1}
        assert s.scalar("SELECT count(*) FROM cisadm.CI_SP") == 0

        # a ledger naming a table no catalog list knows: refused, its rows would stay behind
        con.execute(f"INSERT INTO cisadm.{LEDGER} VALUES ('wave-03', 'X_NOT_IN_CATALOG', '4000000001')")
        with pytest.raises(RollbackRefused) as refused:
            rollback_wave(s, "wave-03")
        assert refused.value.result.unknown_tables == ["cisadm.X_NOT_IN_CATALOG"]
        assert s.scalar(f"SELECT count(*) FROM cisadm.{LEDGER} WHERE WAVE = 'wave-03'") == 1


NODE = Table(
    "X_NODE", (Column("NODE_ID", "char", 12, key_kind="mdm12"), Column("VERSION", "number", 5, default=1)),
    ("NODE_ID",), "a location node", entity="X_NODE", owner_column="NODE_ID", legacy_file="", seed_step=12)
ASSET_NODE = Table(
    "X_ASSET_NODE",
    (Column("ASSET_ID", "char", 12, key_kind="mdm12"), Column("SEQ", "number", 3),
     Column("NODE_ID", "char", 12, key_kind="mdm12", fk="X_NODE.NODE_ID")),
    ("ASSET_ID", "SEQ"), "asset history, rebuilt whole by every wave that brings some of it (like W1_ASSET_NODE)",
    entity="X_ASSET_NODE", owner_column="ASSET_ID", legacy_file="", seed_step=12)


def test_rollback_keeps_rows_another_wave_shares(tmp_path, monkeypatch):
    """An owner key in two waves' ledgers is kept; refused while such a kept row refers to a row only the wave owns."""
    base = target_schema.production_tables
    monkeypatch.setattr(target_schema, "production_tables", lambda: [*base(), NODE, ASSET_NODE])
    with TargetResource(kind="duckdb", duckdb_path=str(tmp_path / "target.duckdb")).session() as s:
        target_schema.ensure_target_schema(s)
        con = s.con
        con.execute("INSERT INTO cisadm.X_NODE VALUES ('100000000001', 1), ('200000000002', 1)")
        con.execute("INSERT INTO cisadm.X_ASSET_NODE VALUES ('900000000009', 1, '100000000001'), ('900000000009', 2, '200000000002')")
        con.execute(f"""INSERT INTO cisadm.{LEDGER} VALUES ('wave-01', 'X_NODE', '100000000001'), ('wave-02', 'X_NODE', '200000000002'),
                        ('wave-01', 'X_ASSET_NODE', '900000000009'), ('wave-02', 'X_ASSET_NODE', '900000000009')""")
        # the shared asset history refers to wave-02's node: wave-02 cannot go without leaving it dangling
        with pytest.raises(RollbackRefused) as refused:
            rollback_wave(s, "wave-02")
        assert [(d.wave, d.table, d.column, d.parent) for d in refused.value.result.dependents] == [
            ("wave-01", "X_ASSET_NODE", "NODE_ID", "X_NODE")]
        # once the history no longer refers to it, the shared rows stay (wave-01 still owns them), the node goes
        con.execute("DELETE FROM cisadm.X_ASSET_NODE WHERE SEQ = 2")
        r = rollback_wave(s, "wave-02")
        assert r.production == {"X_NODE": 1, LEDGER: 2} and r.shared == {"cisadm.X_ASSET_NODE": 1}
        assert s.query("SELECT ASSET_ID, SEQ FROM cisadm.X_ASSET_NODE") == [("900000000009", 1)]
        assert s.query(f"SELECT WAVE, TABLE_NAME FROM cisadm.{LEDGER} ORDER BY 2") == [("wave-01", "X_ASSET_NODE"), ("wave-01", "X_NODE")]


def test_rollback_sql_is_portable(tmp_path):
    """Every statement a rollback sends parses as Oracle SQL (sqlglot) once binds are rendered for Oracle."""
    import sqlglot

    from ccs_assets.target.resource import ORACLE

    sent: list[str] = []
    target = TargetResource(kind="duckdb", duckdb_path=str(tmp_path / "target.duckdb"))
    with target.session() as s:
        target_schema.ensure_target_schema(s)
        for name in ("execute", "query", "scalar"):
            def record(sql, _real=getattr(s, name), **params):
                sent.append(sql)
                return _real(sql, **params)
            setattr(s, name, record)
        rollback_wave(s, "wave-01")
    statements = [q for q in sent if "CCS_WAVE_LEDGER" in q or "WAVE = :wave" in q]
    assert statements
    for q in statements:
        assert "::" not in q and " FILTER " not in q.upper() and "STRING_AGG" not in q.upper()
        sqlglot.parse_one(ORACLE.binds(q), read="oracle")
