"""The CC&B admin tables of a generated source, and the differing set the MSCS clone's CCS environment holds (scenario 6).

Source: every admin table of catalog/ccb_admin.py holds every code the
generated data uses (read from the `used_by` columns, so a code column added
to the catalog is covered with no edit here) plus UNUSED codes nobody uses,
with a label per code in its language table.

Target (the clone's CCS environment, as step 4b finds it): the source's rows
with a seeded quarter missing (step 4b adds them), a quarter changed (an
attribute of the admin row where it has one, the label otherwise), the rest
equal, and TARGET_ONLY rows of its own (never deleted). Deterministic for the
same source and seed.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..catalog import ccb_admin as adm
from ..catalog.model import Table

UNUSED = 2  # codes per admin table that no generated row uses
TARGET_ONLY = 2  # rows per admin table only the target holds
LANGUAGE = "ENG"


def _ddl(t: Table, schema: str) -> str:
    cols = [f"{c.name} {c.duckdb_type()}{'' if c.nullable else ' NOT NULL'}" for c in t.columns]
    return f"CREATE TABLE {schema}.{t.name} ({', '.join(cols)})"


def _label(t: Table) -> str:
    return t.name.removeprefix("CI_").replace("_", " ").lower()


def _attribute(c, key: str) -> str:
    """A plausible value of an admin attribute (the code's first letters; a currency the accounts' own)."""
    if c.name == "CURRENCY_CD":
        return "'USD'"
    return f"upper(left(trim({key}), {c.length}))"


def write_source_admin(con: duckdb.DuckDBPyConnection, schema: str, seed: int) -> dict[str, int]:
    """Create and fill every admin table (and its language table) in `schema`, which holds the CC&B data."""
    have = {r[0].upper() for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_catalog = current_database()",
        [schema]).fetchall()}
    counts = {}
    for a in adm.ADMIN_TABLES:
        t = a.table
        keys = list(t.primary_key)
        used = [f"SELECT DISTINCT {', '.join(f'trim(x.{c}) AS {k}' for c, k in zip(u.columns, keys))} FROM {schema}.{u.table} x "
                f"WHERE {' AND '.join(f'trim(x.{c}) <> {chr(39)}{chr(39)}' for c in u.columns)}"
                for u in a.used_by if u.table in have]
        con.execute(f"CREATE TEMP TABLE cfg_codes AS {' UNION '.join(used) if used else 'SELECT ' + ', '.join(f'NULL::VARCHAR AS {k}' for k in keys) + ' WHERE false'}")
        for i in range(1, UNUSED + 1):  # codes nobody uses, under the first used row's parents (an SA type's division)
            parents = ", ".join(f"(SELECT min({k}) FROM cfg_codes)" for k in keys[:-1])
            code = f"'UN{i:02d}'"
            con.execute(f"INSERT INTO cfg_codes SELECT {parents + ', ' if parents else ''}{code}")
        last = keys[-1]
        attrs = [c for c in t.columns if c.name not in keys and c.name != "VERSION"]
        cols = keys + [c.name for c in attrs] + ["VERSION"]
        values = keys + [_attribute(c, last) for c in attrs] + ["1"]
        con.execute(_ddl(t, schema))
        con.execute(f"INSERT INTO {schema}.{t.name} ({', '.join(cols)}) SELECT {', '.join(values)} FROM cfg_codes "
                    f"WHERE {' AND '.join(f'{k} IS NOT NULL' for k in keys)}")
        lang = a.language
        con.execute(_ddl(lang, schema))
        text = " || '/' || ".join(f"trim({k})" for k in keys)
        con.execute(f"INSERT INTO {schema}.{lang.name} ({', '.join(keys)}, LANGUAGE_CD, DESCR, VERSION) "
                    f"SELECT {', '.join(keys)}, '{LANGUAGE}', '{_label(t)} ' || {text}, 1 FROM {schema}.{t.name}")
        con.execute("DROP TABLE cfg_codes")
        counts[t.name] = con.execute(f"SELECT count(*) FROM {schema}.{t.name}").fetchone()[0]
        counts[lang.name] = con.execute(f"SELECT count(*) FROM {schema}.{lang.name}").fetchone()[0]
    return counts


def write_target_admin(con: duckdb.DuckDBPyConnection, ccb_db: Path, schema: str, seed: int) -> dict[str, dict[str, int]]:
    """Create the admin tables in `schema` (the clone's database) from the source's `ccb_db`, differing as the module
    says; return per table how many rows are missing, changed, equal and target-only."""
    con.execute(f"ATTACH '{ccb_db}' AS cfg_src (READ_ONLY)")
    out = {}
    try:
        for a in adm.ADMIN_TABLES:
            for t in (a.table, a.language):
                keys = list(a.table.primary_key)
                order = " || '/' || ".join(f"trim(x.{k})" for k in keys)
                # rank 1, 5, 9, ... missing; 2, 6, ... changed; the rest equal (by the main table's key, so a missing
                # admin row's label is missing too)
                ranked = (f"SELECT x.*, row_number() OVER (ORDER BY hash({order} || '{seed}')) AS rn FROM "
                          f"cfg_src.cisadm.{t.name} x")
                if t is a.language:
                    ranked = (f"SELECT x.*, r.rn FROM cfg_src.cisadm.{t.name} x JOIN (SELECT {', '.join(keys)}, "
                              f"row_number() OVER (ORDER BY hash({order} || '{seed}')) AS rn FROM cfg_src.cisadm.{a.name} x) r "
                              f"ON {' AND '.join(f'r.{k} = x.{k}' for k in keys)}")
                attrs = [c for c in t.columns if c.name not in t.primary_key and c.name != "VERSION"]
                changed = attrs[:1] if t is a.language or attrs else []
                exprs = []
                for c in t.columns:
                    if c in changed and c.name == "DESCR":
                        exprs.append(f"CASE WHEN rn % 4 = 2 THEN x.DESCR || ' (MSCS)' ELSE x.DESCR END AS DESCR")
                    elif c in changed:
                        exprs.append(f"CASE WHEN rn % 4 = 2 THEN CASE WHEN x.{c.name} = 'X' THEN 'Y' ELSE 'X' END "
                                     f"ELSE x.{c.name} END AS {c.name}")
                    else:
                        exprs.append(f"x.{c.name}")
                con.execute(_ddl(t, schema))
                con.execute(f"INSERT INTO {schema}.{t.name} SELECT {', '.join(exprs)} FROM ({ranked}) x WHERE rn % 4 <> 1")
                last = keys[-1]
                for i in range(1, TARGET_ONLY + 1):  # the target's own codes, under an existing row's parents
                    vals = []
                    for c in t.columns:
                        if c.name == last:
                            vals.append(f"'MS{i:02d}'")
                        elif c.name in keys:
                            vals.append(f"(SELECT min({c.name}) FROM cfg_src.cisadm.{a.name})")
                        elif c.name == "LANGUAGE_CD":
                            vals.append(f"'{LANGUAGE}'")
                        elif c.name == "DESCR":
                            vals.append(f"'{_label(a.table)} of MSCS {i}'")
                        elif c.name == "VERSION":
                            vals.append("1")
                        else:
                            vals.append(_attribute(c, f"'MS{i:02d}'"))
                    con.execute(f"INSERT INTO {schema}.{t.name} VALUES ({', '.join(vals)})")
                n = dict(con.execute(f"SELECT CASE WHEN rn % 4 = 1 THEN 'missing' WHEN rn % 4 = 2 AND {bool(changed)} "
                                     f"THEN 'changed' ELSE 'equal' END, count(*) FROM ({ranked}) x GROUP BY ALL").fetchall())
                out[t.name] = {k: n.get(k, 0) for k in ("missing", "changed", "equal")} | {"target_only": TARGET_ONLY}
    finally:
        con.execute("DETACH cfg_src")
    return out
