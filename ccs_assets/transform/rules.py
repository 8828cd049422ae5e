"""Record rules of legacy-interface.md, evaluated set-based in the workbench.

Single-column rules (required, length, allowed values, code maps, references,
duplicate keys) are generated from the legacy catalog; rules that read several
columns or files are SQL in ./rules/<file>.sql. Every violation becomes one
wb.errors row for the records the wave owns; a record with any violation is
rejected, and so is every record that depends on it (PARENT_REJECTED).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..catalog.legacy import LEGACY_FILES, LegacyFile

RULES_DIR = Path(__file__).parent / "rules"


@dataclass(frozen=True)
class Parent:
    column: str  # column of the child file holding the parent's legacy key
    file: str  # parent legacy file
    key: str  # parent key column


# Who owns a record of each file: (ownership entity, SQL of its key over the record `x`).
OWNER = {
    "customers": ("customers", "x.cust_no"),
    "accounts": ("accounts", "x.acct_no"),
    "account_parties": ("accounts", "x.acct_no"),
    "premises": ("premises", "x.premise_no"),
    "service_points": ("service_points", "x.sp_no"),
    "service_agreements": ("service_agreements", "x.sa_no"),
    "meters": ("meters", "x.meter_no"),
    "registers": ("meters", "x.meter_no"),
    "meter_history": ("meter_history", "x.history_no"),
    "meter_history_reads": ("meter_history", "x.history_no"),
    "items": ("items", "x.item_no"),
    "item_history": ("item_history", LEGACY_FILES["item_history"].key_sql("x")),
}

PARENTS: dict[str, tuple[Parent, ...]] = {
    "customers": (),
    "premises": (Parent("parent_premise_no", "premises", "premise_no"),),
    "accounts": (Parent("main_cust_no", "customers", "cust_no"), Parent("mailing_premise_no", "premises", "premise_no")),
    "account_parties": (Parent("acct_no", "accounts", "acct_no"), Parent("cust_no", "customers", "cust_no")),
    "service_points": (Parent("premise_no", "premises", "premise_no"),),
    "service_agreements": (Parent("acct_no", "accounts", "acct_no"), Parent("sp_no", "service_points", "sp_no")),
    "meters": (),
    "registers": (Parent("meter_no", "meters", "meter_no"),),
    "meter_history": (Parent("sp_no", "service_points", "sp_no"), Parent("meter_no", "meters", "meter_no")),
    "meter_history_reads": (Parent("history_no", "meter_history", "history_no"),),  # and its register: rules/meter_history_reads.sql
    "items": (),
    "item_history": (Parent("sp_no", "service_points", "sp_no"), Parent("item_no", "items", "item_no")),
}


def generated_rules(f: LegacyFile) -> list[str]:
    """SELECTs returning (rec, rule, column_name, value, message) for the single-column rules."""
    out = []
    t = f"legacy.{f.name}"
    for c in f.columns:
        col = c.name
        if c.required:
            out.append(
                f"SELECT _rec, 'REQUIRED', '{col}', NULL, '{col} is required' FROM {t} x WHERE _wave = $wave AND {col} IS NULL"
                f" AND NOT EXISTS (SELECT 1 FROM wb.errors e WHERE e.wave = $wave AND e.step = 'landing'"
                f" AND e.table_name = '{f.name}' AND e.rec = x._rec AND e.column_name = '{col}')"
            )
        if c.max_length and c.type in ("key", "text", "code"):
            # in UTF-8 bytes: CC&B columns are CHAR/VARCHAR2(n BYTE), so 'é' takes two of the n
            out.append(
                f"SELECT _rec, 'MAX_LENGTH', '{col}', {col}, '{col} is longer than {c.max_length} bytes (UTF-8: '"
                f" || strlen({col}) || ')' FROM {t} WHERE _wave = $wave AND strlen({col}) > {c.max_length}"
            )
        if c.values:
            allowed = ", ".join(f"'{v}'" for v in c.values)
            out.append(
                f"SELECT _rec, 'INVALID_VALUE', '{col}', {col}, '{col} must be one of {'/'.join(c.values)}'"
                f" FROM {t} WHERE _wave = $wave AND {col} IS NOT NULL AND {col} NOT IN ({allowed})"
            )
        if c.code_map:
            value = f"coalesce({col}, '{c.default}')" if c.default else col
            out.append(
                f"SELECT _rec, 'UNMAPPED_CODE', '{col}', {value}, '{col} ''' || {value} || ''' has no row in code map {c.code_map}.csv'"
                f" FROM {t} WHERE _wave = $wave AND {value} IS NOT NULL"
                f" AND {value} NOT IN (SELECT {col} FROM cfg.map_{c.code_map})"
            )
        if c.ref:
            pf, pk = c.ref.split(".")
            out.append(
                f"SELECT _rec, 'UNKNOWN_REFERENCE', '{col}', {col}, '{col} ''' || {col} || ''' is not in {pf}.csv'"
                f" FROM {t} x WHERE _wave = $wave AND {col} IS NOT NULL AND NOT EXISTS"
                f" (SELECT 1 FROM legacy.{pf} p WHERE p._wave = $wave AND p.{pk} = x.{col})"
            )
    if f.unique_key:
        key = f.key_sql()
        out.append(
            f"SELECT _rec, 'DUPLICATE_KEY', '{'/'.join(f.key)}', {key}, 'key ''' || {key} || ''' appears on ' || n || ' rows: every row with it is rejected'"
            f" FROM (SELECT *, count(*) OVER (PARTITION BY {', '.join(f.key)}) AS n FROM {t} WHERE _wave = $wave"
            f" AND {' AND '.join(k + ' IS NOT NULL' for k in f.key)}) WHERE n > 1"
        )
    custom = RULES_DIR / f"{f.name}.sql"
    if custom.exists():
        # statements end with ';' at the end of a line (a ';' inside a message does not split one)
        out += [q.strip() for q in re.split(r";[ \t]*$", custom.read_text(), flags=re.M) if "SELECT" in q]
    return [q for q in out if q.strip()]


def evaluate_file(con: duckdb.DuckDBPyConnection, file: str, wave: str) -> dict:
    """Evaluate a file's rules and its parents' verdicts; store record_status and the wave's errors."""
    f = LEGACY_FILES[file]
    entity, owner_key = OWNER[file]
    rules = generated_rules(f)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _viol (rec BIGINT, rule VARCHAR, column_name VARCHAR, value VARCHAR, message VARCHAR)"
        )
        for q in rules:
            con.execute(f"INSERT INTO _viol {q}", {"wave": wave})
        # landing errors (bad dates, numbers) count against their record
        con.execute(
            "INSERT INTO _viol SELECT rec, rule, column_name, value, message FROM wb.errors "
            "WHERE wave = $wave AND step = 'landing' AND table_name = $file AND rec IS NOT NULL AND rule <> 'MALFORMED_LINE'",
            {"wave": wave, "file": file},
        )
        # cascade: a record whose parent record is invalid is rejected too (parents are evaluated first)
        for p in PARENTS[file]:
            con.execute(
                f"""INSERT INTO _viol
                SELECT x._rec, 'PARENT_REJECTED', '{p.column}', x.{p.column},
                       '{p.file} ''' || x.{p.column} || ''' was rejected, so this record is too'
                FROM legacy.{file} x
                WHERE x._wave = $wave AND x.{p.column} IS NOT NULL
                  AND EXISTS (SELECT 1 FROM wb.record_status s WHERE s.wave = $wave AND s.file = '{p.file}'
                              AND s.legacy_key = x.{p.column} AND NOT s.valid)
                  AND x._rec NOT IN (SELECT rec FROM _viol WHERE column_name = '{p.column}')""",
                {"wave": wave},
            )
        if file == "premises":
            _cascade_premise_tree(con, wave)
        con.execute("DELETE FROM wb.record_status WHERE wave = ? AND file = ?", [wave, file])
        con.execute(
            f"""INSERT INTO wb.record_status
            SELECT $wave, '{file}', x._rec, {f.key_sql('x')},
                   -- a record without the key that decides its owner is reported in the first wave, never lost
                   coalesce(o.owner_wave, CASE WHEN {owner_key} IS NULL
                            THEN (SELECT min(owner_wave) FROM wb.ownership WHERE wave = $wave) END),
                   NOT EXISTS (SELECT 1 FROM _viol v WHERE v.rec = x._rec)
            FROM legacy.{file} x
            LEFT JOIN wb.ownership o ON o.wave = $wave AND o.entity = '{entity}' AND o.legacy_key = {owner_key}
            WHERE x._wave = $wave""",
            {"wave": wave},
        )
        # Errors are the wave's own: records it owns (landing errors of records other waves own are theirs).
        con.execute(
            "DELETE FROM wb.errors WHERE wave = ? AND table_name = ? AND (step = 'transform' OR (step = 'landing' AND rule <> 'MALFORMED_LINE'))",
            [wave, file],
        )
        con.execute(
            f"""INSERT INTO wb.errors
            SELECT $wave, CASE WHEN v.rule LIKE 'BAD\\_%' ESCAPE '\\' THEN 'landing' ELSE 'transform' END, '{file}',
                   s.legacy_key, v.rule, v.column_name, v.value, v.message, x._line, '{f.file_name}', x._rec
            FROM _viol v JOIN wb.record_status s ON s.wave = $wave AND s.file = '{file}' AND s.rec = v.rec
            JOIN legacy.{file} x ON x._wave = $wave AND x._rec = v.rec
            WHERE s.owner_wave = $wave""",
            {"wave": wave},
        )
        con.execute("DROP TABLE _viol")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    owned, accepted = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE valid) FROM wb.record_status WHERE wave = ? AND file = ? AND owner_wave = ?",
        [wave, file, wave],
    ).fetchone()
    return {"owned": owned, "accepted": accepted, "rejected": owned - accepted}


def _cascade_premise_tree(con: duckdb.DuckDBPyConnection, wave: str) -> None:
    """A premise under a rejected ancestor premise is rejected too (any depth)."""
    con.execute(
        """INSERT INTO _viol
        WITH RECURSIVE bad(premise_no, depth) AS (
            SELECT x.premise_no, 0 FROM legacy.premises x WHERE x._wave = $wave AND x._rec IN (SELECT rec FROM _viol)
            UNION
            SELECT c.premise_no, bad.depth + 1 FROM legacy.premises c JOIN bad ON c.parent_premise_no = bad.premise_no
            WHERE c._wave = $wave AND bad.depth < 30
        )
        SELECT x._rec, 'PARENT_REJECTED', 'parent_premise_no', x.parent_premise_no,
               'premises ''' || x.parent_premise_no || ''' (or a premise above it) was rejected, so this record is too'
        FROM legacy.premises x WHERE x._wave = $wave AND x.premise_no IN (SELECT premise_no FROM bad)
          AND x._rec NOT IN (SELECT rec FROM _viol)""",
        {"wave": wave},
    )
