"""Financial reconciliation of a wave (scenario 5, step 5): the blocking checks that money arrived whole.

Source and production are different databases (the CC&B source: DuckDB file or
Oracle; production: the target, DuckDB or Oracle). Each side aggregates in its
own engine (sql/fin_*.sql) and returns small Arrow tables; the comparison runs
in a local DuckDB (sql/compare_*.sql). Amounts travel as whole cents, so the
comparison is exact on every engine. Rules (reference section 3):

- FT-SA-BALANCE / FT-ACCT-BALANCE: per SA and per account, the sums of CUR_AMT
  and of TOT_AMT over frozen FTs (FREEZE_SW 'Y') are the same in source and production;
- FT-PARENT: every FT's sibling (bill segment, pay segment, adjustment by
  FT_TYPE_FLG, catalog FT_PARENTS) and parent (bill, payment) is in production;
- FT-GL-NET-ZERO: an FT's CI_FT_GL lines net to zero in production where the
  source's do; FT-GL-LINES: each account has as many GL lines as in the source;
- ACCT-BILLS / ACCT-PAYMENTS: per account, bill count, payment count and payment total match.

`source` and `target` are sessions with `.dialect` and `.arrow(sql, **binds)`
(TargetSession/OracleSession; the source resource's session has the same shape).
The wave's accounts: production's CCS_WAVE_LEDGER rows of CI_ACCT, unless
`target_accounts` says otherwise; on the source `source_accounts` (the SELECT the
extract picks the wave's accounts with; `:wave` is bound), else every account.
`source_rejected` (a SELECT of ENTITY, K on the source session) names the keys the
wave rejected on purpose (each in `ccs-migrate errors` with its rule): the source
side leaves those FTs, bills and payments out, as the counts do (source =
production + rejected), so what remains must be equal to the cent.

Public API (stable; scenario 6 reuses it): Finding, reconcile_financials,
source_side/target_side, target_statements, check_result, error_rows, RULES.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..catalog import ccb_txn
from ..catalog.model import Column

SQL_DIR = Path(__file__).parent / "sql"
SAMPLE = 10
MAX_LISTED = 1000  # offending FTs read back to name their accounts (all are counted)
CENT_COLUMNS = ("_CUR", "_TOT", "_NET", "_PAY")  # compared columns that hold cents
MAX_ACCOUNTS = 100  # accounts listed in a check's metadata (all are in `ccs-migrate errors`)
CENTS = Column("CENTS", "number", 18)
# rule -> Dagster check name, in the order reconcile_financials returns them
RULES = {r: r.lower().replace("-", "_") for r in ("FT-SA-BALANCE", "FT-ACCT-BALANCE", "FT-PARENT", "FT-GL-NET-ZERO",
                                                   "ACCT-BILLS", "ACCT-PAYMENTS", "FT-GL-LINES")}
# the entity key each source-side statement leaves out when the wave rejected it (alias.column)
KEPT = {"ft_kept": ("CI_FT", "f.FT_ID"), "bill_kept": ("CI_BILL", "b.BILL_ID"), "pay_kept": ("CI_PAY", "p.PAY_ID")}


def _sql(name: str, **parts: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8").format(**parts)


def _body(sql: str) -> str:
    """The statement without its leading comment lines."""
    return "\n".join(line for line in sql.splitlines() if not line.startswith("--")).strip()


@dataclass
class Finding:
    """The outcome of one rule for one wave: what was compared, what differs, the accounts it concerns."""

    rule: str
    table: str
    key: str
    checked: int
    failed: int
    accounts: list[str] = field(default_factory=list)  # every account concerned, sorted
    sample: list[dict] = field(default_factory=list)  # up to SAMPLE offending rows
    description: str = ""

    @property
    def passed(self) -> bool:
        return self.failed == 0

    def message(self) -> str:
        if self.passed:
            return f"{self.rule}: {self.table} ({self.key}) reconciles: {self.checked} {self.description} compared"
        accts = ", ".join(self.accounts[:SAMPLE]) + (f" and {len(self.accounts) - SAMPLE} more" if len(self.accounts) > SAMPLE else "")
        return (f"{self.rule}: {self.table}: {self.failed} {self.description} differ ({self.key}); "
                f"accounts {accts}; e.g. {self.sample[0]}")


class Side:
    """One database of the comparison: its session, CC&B schema and the SELECT of the wave's accounts."""

    def __init__(self, session, schema: str, accounts: str, rejected: str | None = None):
        self.s, self.schema, self.accounts = session, schema, accounts
        self.kept = {p: f" AND {col} NOT IN (SELECT r.K FROM ({rejected}) r WHERE r.ENTITY = '{entity}')" if rejected else ""
                     for p, (entity, col) in KEPT.items()}

    def sql(self, name: str, **parts: str) -> str:
        return _body(_sql(name, schema=self.schema, accounts=self.accounts, cents=self.s.dialect.column_type(CENTS),
                          **{**self.kept, **parts}))

    def arrow(self, name: str, wave: str, **parts: str):
        sql = self.sql(name, **parts)
        return self.s.arrow(sql, wave=wave) if ":wave" in sql else self.s.arrow(sql)


def target_side(target, target_accounts: str | None = None) -> Side:
    accounts = target_accounts or f"SELECT OWNER_KEY FROM {target.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = 'CI_ACCT'"
    return Side(target, target.prod, accounts)


def source_side(source, schema: str, source_accounts: str | None = None, source_rejected: str | None = None) -> Side:
    return Side(source, schema, source_accounts or f"SELECT ACCT_ID FROM {schema}.CI_ACCT", source_rejected)


def _compare(src, tgt, name: str, **parts: str) -> list[dict]:
    """Run a comparison of two small Arrow aggregates in a local DuckDB; the offending rows as dicts."""
    con = duckdb.connect()
    try:
        con.register("src", src)
        con.register("tgt", tgt)
        rel = con.sql(_body(_sql(name, **parts)))
        cols = rel.columns
        return [dict(zip(cols, r)) for r in rel.fetchall()]  # offending rows only: normally none
    finally:
        con.close()


def _finding(rule, table, key, checked, rows, description) -> Finding:
    accounts = sorted({str(r["ACCT_ID"]).strip() for r in rows})
    return Finding(rule, table, key, checked, len(rows), accounts, rows[:SAMPLE], description)


def balances(src: Side, tgt: Side, wave: str) -> list[Finding]:
    """FT-SA-BALANCE and FT-ACCT-BALANCE: frozen-FT sums per SA and per account, source vs production."""
    a, b = src.arrow("fin_sa_balances.sql", wave), tgt.arrow("fin_sa_balances.sql", wave)
    sa = _compare(a, b, "compare_sa_balances.sql")
    acct = _compare(a, b, "compare_acct_balances.sql")
    n_acct = len(set(a.column("ACCT_ID").to_pylist()) | set(b.column("ACCT_ID").to_pylist())) if a.num_rows or b.num_rows else 0
    return [_finding("FT-SA-BALANCE", "CI_FT", "SA_ID: sum of CUR_AMT, TOT_AMT over FREEZE_SW Y", max(a.num_rows, b.num_rows), sa,
                     "SA balances"),
            _finding("FT-ACCT-BALANCE", "CI_FT", "ACCT_ID: sum of CUR_AMT, TOT_AMT over FREEZE_SW Y", n_acct, acct,
                     "account balances")]


def ft_parent_sql(side: Side) -> list[str]:
    """Production SELECTs of FTs whose sibling or parent row is missing, one per relation of catalog FT_PARENTS."""
    out = []
    groups: dict[tuple[str, str, str], list[str]] = {}
    for flg, (sib, sib_key, parent, parent_key) in ccb_txn.FT_PARENTS.items():
        groups.setdefault((sib, sib_key, "SIBLING_ID"), []).append(flg)
        if parent:
            groups.setdefault((parent, parent_key, "PARENT_ID"), []).append(flg)
    for (table, key, column), flgs in groups.items():
        out.append(side.sql("fin_ft_parent_missing.sql", types=", ".join(f"'{f}'" for f in flgs), table=table, key=key, column=column))
    out.append(side.sql("fin_ft_type_unknown.sql", types=", ".join(f"'{f}'" for f in ccb_txn.FT_PARENTS)))
    return out


def _count(side: Side, sql: str, wave: str) -> int:
    return int(side.s.arrow(sql, wave=wave).column("N")[0].as_py() or 0)


def ft_parents(tgt: Side, wave: str, fts: int) -> Finding:
    """FT-PARENT: every FT of the wave's accounts finds its bill segment / pay segment / adjustment and bill / payment.

    Production only: a missing parent is missing whatever the source holds. Lists every account (up to
    MAX_LISTED offending FTs are read back) and counts all."""
    union = " UNION ALL ".join(ft_parent_sql(tgt))
    n = _count(tgt, f"SELECT COUNT(*) AS N FROM ({union}) v", wave)
    rows = []
    if n:
        rows = tgt.s.arrow(tgt.s.dialect.limit(f"SELECT ACCT_ID, FT_ID, FT_TYPE_FLG, MISSING_IN, MISSING_KEY FROM ({union}) v "
                                               f"ORDER BY ACCT_ID, FT_ID, MISSING_IN", MAX_LISTED), wave=wave).to_pylist()
    f = _finding("FT-PARENT", "CI_FT", "FT_ID -> SIBLING_ID/PARENT_ID by FT_TYPE_FLG", fts, rows, "FTs without their parent")
    f.failed = n
    return f


def gl(src: Side, tgt: Side, wave: str, fts: int) -> Finding:
    """FT-GL-NET-ZERO: FTs whose GL lines do not net to zero in production where the source's do."""
    rows = _compare(src.arrow("fin_gl_unbalanced.sql", wave), tgt.arrow("fin_gl_unbalanced.sql", wave), "compare_gl_unbalanced.sql")
    return _finding("FT-GL-NET-ZERO", "CI_FT_GL", "FT_ID: sum of AMOUNT = 0", fts, rows, "FTs whose GL lines do not net to zero")


def account_totals(src: Side, tgt: Side, wave: str) -> list[Finding]:
    """ACCT-BILLS, ACCT-PAYMENTS and FT-GL-LINES per account, source vs production."""
    a, b = src.arrow("fin_account_totals.sql", wave), tgt.arrow("fin_account_totals.sql", wave)
    n = max(a.num_rows, b.num_rows)
    out = []
    for rule, table, key, what, desc in (
            ("ACCT-BILLS", "CI_BILL", "ACCT_ID: count of bills", "s.BILLS IS DISTINCT FROM t.BILLS", "accounts' bill counts"),
            ("ACCT-PAYMENTS", "CI_PAY", "ACCT_ID: count and sum of PAY_AMT",
             "s.PAYMENTS IS DISTINCT FROM t.PAYMENTS OR s.PAY_CENTS IS DISTINCT FROM t.PAY_CENTS", "accounts' payment totals"),
            ("FT-GL-LINES", "CI_FT_GL", "ACCT_ID: count of GL lines of its FTs", "s.GL_LINES IS DISTINCT FROM t.GL_LINES",
             "accounts' GL line counts")):
        out.append(_finding(rule, table, key, n, _compare(a, b, "compare_account_totals.sql", what=what), desc))
    return out


def reconcile_financials(source, source_schema: str, target, wave: str, *, source_accounts: str | None = None,
                         target_accounts: str | None = None, source_rejected: str | None = None) -> list[Finding]:
    """Every financial rule for one wave; a Finding per rule (passed or not), in the order of RULES."""
    src = source_side(source, source_schema, source_accounts, source_rejected)
    tgt = target_side(target, target_accounts)
    fts = _count(tgt, tgt.sql("fin_ft_count.sql"), wave)
    return balances(src, tgt, wave) + [ft_parents(tgt, wave, fts), gl(src, tgt, wave, fts)] + account_totals(src, tgt, wave)


def target_statements(target, wave: str, target_accounts: str | None = None) -> None:
    """Run every production-side statement of the reconciliation (rendered into the Oracle goldens)."""
    tgt = target_side(target, target_accounts)
    for name in ("fin_sa_balances.sql", "fin_gl_unbalanced.sql", "fin_account_totals.sql"):
        tgt.arrow(name, wave)
    ft_parents(tgt, wave, _count(tgt, tgt.sql("fin_ft_count.sql"), wave))


def check_result(f: Finding, asset_key=None):
    """A Dagster AssetCheckResult for a Finding (the check is blocking where the scenario declares it so)."""
    import dagster as dg

    return dg.AssetCheckResult(
        passed=f.passed, asset_key=asset_key, check_name=RULES[f.rule], description=f.message(),
        metadata={"rule": f.rule, "table": f.table, "key": f.key, "checked": f.checked, "failed": f.failed,
                  "accounts_listed": len(f.accounts[:MAX_ACCOUNTS]),
                  "accounts": dg.MetadataValue.json(f.accounts[:MAX_ACCOUNTS]), "sample": dg.MetadataValue.json(
                      [{k: str(v) for k, v in r.items()} for r in f.sample])})


def error_rows(findings: list[Finding], step: str = "financial") -> list[dict]:
    """One `ccs-migrate errors` row per account of each failed rule: table, the account's key, rule, and in `value`
    what differs (the offending row when it is in the sample); the message stays short enough to be shown whole."""
    out = []
    for f in findings:
        if f.passed:
            continue
        by_acct = {}
        for r in f.sample:
            by_acct.setdefault(str(r["ACCT_ID"]).strip(), r)
        for a in f.accounts:
            r = by_acct.get(a)
            detail = ", ".join(f"{k}={str(v).strip()}" for k, v in r.items() if k != "ACCT_ID") if r else ""
            out.append({"step": step, "table": f.table, "key": a, "rule": f.rule, "column": f.key.split(":")[0].split(" ")[0],
                        "value": detail or None,
                        "message": f"{f.rule}: account {a}: {f.description} differ ({f.key})"
                                   + ("; value: source (SRC_) and production (TGT_)" if detail else "")
                                   + (", amounts in cents" if any(k.endswith(CENT_COLUMNS) for k in (r or {})) else "")})
    return out
