"""Oracle-semantics lint: what parses on Oracle but behaves differently from DuckDB, found from types.

sqlglot qualifies each statement and annotates its expressions with types
from the catalog (every staging, production and MDM/ODM table as the DDL
declares it), then four rules look for Oracle's semantics:

- CHAR compared with VARCHAR2: Oracle compares CHAR with CHAR blank-padded but
  CHAR with VARCHAR2 (a str bind, SUBSTR, TRIM, ||, a VARCHAR2 column) exactly,
  so '1234567890' never equals a CHAR(12) holding it. String literals are CHAR.
- NULL into NOT NULL: Oracle reads '' as NULL, so TRIM(' '), SUBSTR of nothing,
  NULLIF(x, ...) and '' are NULL there (ORA-01400 into a NOT NULL column) where
  DuckDB stores ''. Such an expression reaching a NOT NULL column needs COALESCE.
- Characters where bytes apply: columns are CHAR(n BYTE)/VARCHAR2(n BYTE);
  LENGTH/SUBSTR count characters (LENGTHB/SUBSTRB count bytes).
- Identifiers over 30 bytes (ORA-00972 below COMPATIBLE 12.2).
"""

from __future__ import annotations

from functools import lru_cache

import sqlglot
from sqlglot import exp
from sqlglot.optimizer.annotate_types import annotate_types
from sqlglot.optimizer.qualify import qualify

MAX_IDENTIFIER_BYTES = 30
STG, PROD = "CISSTG", "CISADM"


@lru_cache(maxsize=1)
def catalog_tables() -> dict[str, dict[str, object]]:
    """{SCHEMA: {TABLE: catalog Table}} of every table the target side creates (load tables included)."""
    from ccs_assets.cloud.steps import x1_production_tables, x1_staging_tables
    from ccs_assets.stage.steps import LOAD_REJECTS
    from ccs_assets.target.resource import load_table_name
    from ccs_assets.target.schema import production_tables, staging_tables, transactional_production_tables

    from .recording import WAVE, file_tables

    stg = {t.name: t for t in staging_tables() + x1_staging_tables()}
    for t in file_tables() + [LOAD_REJECTS]:
        stg[load_table_name(t, WAVE)] = t
    from ccs_assets.catalog import ccb_admin

    for t in ccb_admin.tables():  # step 4b stages the source's admin rows in a load table
        stg[load_table_name(t, WAVE)] = t
    prod = production_tables() + x1_production_tables() + transactional_production_tables() + ccb_admin.tables()
    return {STG: stg, PROD: {t.name: t for t in prod}}


@lru_cache(maxsize=1)
def oracle_schema() -> dict[str, dict[str, dict[str, str]]]:
    """The catalog as sqlglot's schema: {SCHEMA: {TABLE: {COLUMN: Oracle type}}} (BYTE dropped: sqlglot's types)."""
    return {schema: {name: {c.name: c.oracle_type().replace(" BYTE", "") for c in t.columns} for name, t in tables.items()}
            for schema, tables in catalog_tables().items()}


def _typed(sql: str) -> exp.Expr | None:
    tree = sqlglot.parse_one(sql, read="oracle")
    try:
        tree = qualify(tree, schema=oracle_schema(), dialect="oracle", quote_identifiers=False,
                       validate_qualify_columns=False, identify=False)
    except Exception:  # DDL and statements sqlglot cannot qualify: typed as far as it can
        pass
    return annotate_types(tree, schema=oracle_schema(), dialect="oracle")


def _kind(e: exp.Expr) -> str:
    """'char', 'text' (VARCHAR2 and friends, binds), or 'other' (numbers, dates, NULL, unknown non-text)."""
    if isinstance(e, exp.Paren):
        return _kind(e.this)
    if isinstance(e, exp.Literal) and e.is_string:
        return "literal"  # CHAR in Oracle: padded against CHAR, exact against VARCHAR2; right either way
    if isinstance(e, (exp.Placeholder, exp.Parameter)):
        return "text"  # python-oracledb binds a str as VARCHAR2
    t = e.type
    if t is None:
        return "other"
    if t.this in (exp.DType.CHAR, exp.DType.NCHAR):
        return "char"
    if t.this in (exp.DType.VARCHAR, exp.DType.NVARCHAR, exp.DType.TEXT):
        return "text"
    return "other"


def _sides(node: exp.Expr) -> list[tuple[exp.Expr, exp.Expr]]:
    if isinstance(node, (exp.EQ, exp.NEQ)):
        return [(node.left, node.right)]
    if isinstance(node, exp.In):
        q = node.args.get("query")
        if q is not None:
            sel = q.this if isinstance(q, exp.Subquery) else q
            sel = sel.unnest() if hasattr(sel, "unnest") else sel
            if isinstance(sel, exp.Select) and len(sel.expressions) == 1:
                return [(node.this, sel.expressions[0])]
            return []
        return [(node.this, v) for v in node.expressions]
    return []


def char_mismatches(tree: exp.Expr) -> list[str]:
    out = []
    for node in tree.find_all(exp.EQ, exp.NEQ, exp.In):
        for a, b in _sides(node):
            kinds = {_kind(a), _kind(b)}
            if kinds == {"char", "text"}:
                out.append(f"CHAR compared with VARCHAR2 (Oracle compares them unpadded; cast the text with "
                           f"dialect.char): {node.sql('oracle')[:160]}")
    return out


_NULLABLE_TEXT = (exp.Trim, exp.Substring, exp.Nullif)


def _may_be_null_text(e: exp.Expr, depth: int = 0) -> str | None:
    """Why `e` can be NULL on Oracle where DuckDB has '' (None when it cannot), following derived-table columns."""
    if depth > 12:
        return None
    if isinstance(e, exp.Alias):
        return _may_be_null_text(e.this, depth + 1)
    if isinstance(e, exp.Paren):
        return _may_be_null_text(e.this, depth + 1)
    if isinstance(e, exp.Coalesce):
        return None if not any(_may_be_null_text(x, depth + 1) for x in [e.this, *e.expressions][-1:]) else \
            _may_be_null_text(e.expressions[-1] if e.expressions else e.this, depth + 1)
    if isinstance(e, exp.Literal) and e.is_string and e.this == "":
        return "''"
    if isinstance(e, _NULLABLE_TEXT):
        return e.sql("oracle")[:100]
    if isinstance(e, exp.Case):
        for branch in [*(i.args.get("true") for i in e.args.get("ifs", [])), e.args.get("default")]:
            if branch is not None and (why := _may_be_null_text(branch, depth + 1)):
                return why
        return None
    if isinstance(e, exp.Column):
        return _follow_column(e, depth)
    return None


def _follow_column(col: exp.Column, depth: int) -> str | None:
    """The projection a derived-table column comes from (every branch of a UNION)."""
    select = col.find_ancestor(exp.Select)
    while select is not None:
        for source in _sources(select):
            if source.alias_or_name == col.table and isinstance(source, exp.Subquery):
                for branch in _branches(source.this):
                    proj = _projection(branch, col.name)
                    if proj is not None and (why := _may_be_null_text(proj, depth + 1)):
                        return why
                return None
        select = select.find_ancestor(exp.Select)
    return None


def _sources(select: exp.Select) -> list[exp.Expr]:
    out = []
    frm = select.args.get("from") or select.args.get("from_")
    if frm is not None:
        out.append(frm.this)
    out += [j.this for j in select.args.get("joins") or []]
    return out


def _branches(q: exp.Expr) -> list[exp.Select]:
    if isinstance(q, exp.SetOperation):
        return _branches(q.left) + _branches(q.right)
    if isinstance(q, exp.Subquery):
        return _branches(q.this)
    return [q] if isinstance(q, exp.Select) else []


def _projection(select: exp.Select, name: str) -> exp.Expr | None:
    for i, p in enumerate(select.expressions):
        if p.alias_or_name.upper() == name.upper():
            return p
    return None


def _insert_target(tree: exp.Insert):
    target = tree.this
    table = target.this if isinstance(target, exp.Schema) else target
    cols = [c.name for c in target.expressions] if isinstance(target, exp.Schema) else []
    schema = (table.db or "").upper()
    t = catalog_tables().get(schema, {}).get(table.name.upper())
    return t, cols


def null_into_not_null(tree: exp.Expr) -> list[str]:
    if not isinstance(tree, exp.Insert):
        return []
    t, cols = _insert_target(tree)
    if t is None or not cols:
        return []
    out = []
    for branch in _branches(tree.expression):
        for name, proj in zip(cols, branch.expressions):
            col = next((c for c in t.columns if c.name == name.upper()), None)
            if col is None or col.nullable or col.type not in ("char", "varchar"):
                continue
            if why := _may_be_null_text(proj):
                out.append(f"{t.name}.{col.name} is NOT NULL but gets {why}, NULL on Oracle when blank or empty "
                           f"(ORA-01400): wrap it in dialect.blank_if_empty")
    return out


def char_length_functions(tree: exp.Expr) -> list[str]:
    """LENGTH in a limit check (<, <=, >, >=), and SUBSTR feeding an inserted column: both count characters where
    columns hold bytes. (LENGTH(x) <> 10 on a digits-only key checks a format, not a size.)"""
    out = [f"LENGTH counts characters, column limits are bytes (measure bytes: LENGTHB): {n.sql('oracle')[:100]}"
           for cmp in tree.find_all(exp.GT, exp.GTE, exp.LT, exp.LTE) for n in cmp.find_all(exp.Length)]
    if isinstance(tree, exp.Insert):
        t, cols = _insert_target(tree)
        for branch in _branches(tree.expression):
            for name, proj in zip(cols, branch.expressions):
                for sub in (proj.find_all(exp.Substring) if t is not None else ()):
                    out.append(f"SUBSTR counts characters into {t.name}.{name.upper()}, a BYTE-sized column "
                               f"(use dialect.left_bytes): {sub.sql('oracle')[:100]}")
    return out


def long_identifiers(sql: str) -> list[str]:
    """From the tokens, so DDL sqlglot keeps as a plain command (CREATE INDEX) is covered too."""
    from sqlglot.tokens import TokenType

    tokens = sqlglot.Dialect.get_or_raise("oracle").tokenize(sql)
    names = {t.text for t in tokens if t.token_type in (TokenType.VAR, TokenType.IDENTIFIER)}
    return [f"identifier {n} is {len(n.encode())} bytes (Oracle below COMPATIBLE 12.2 allows "
            f"{MAX_IDENTIFIER_BYTES}: ORA-00972)" for n in sorted(names) if len(n.encode("utf-8")) > MAX_IDENTIFIER_BYTES]


def semantic_problems(sql: str) -> list[str]:
    """Every rule's findings for one Oracle statement."""
    raw = sqlglot.parse_one(sql, read="oracle")
    problems = long_identifiers(sql)
    if isinstance(raw, (exp.Create, exp.Drop, exp.TruncateTable)) or raw.find(exp.Create):
        return problems
    tree = _typed(sql)
    return problems + char_mismatches(tree) + null_into_not_null(tree) + char_length_functions(tree)
