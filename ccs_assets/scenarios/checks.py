"""Checks generated from the catalog: the reject-rate gate (step 7) and production validation (step 8).

Each is a LayerCheck evaluated by the step that writes its asset, on that
step's connections, for the step's wave; each reports counts and a sample of
offending rows.
"""


import dagster as dg

from ..catalog import ccb
from ..catalog.model import Table
from ..settings import load_settings
from .layers import LayerCheck, LayerRun

BY_NAME = {t.name: t for t in ccb.CCB_TABLES}
SAMPLE = 10


def reject_rate(con, s, wave: str) -> dict:
    """Rejected legacy records (workbench `con` and target session `s`) over the legacy records the wave owns."""
    owned, wb_rejected = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE NOT valid) FROM wb.record_status WHERE wave = $w AND owner_wave = $w",
        {"w": wave}).fetchone()
    rules = dict(con.execute(
        "SELECT table_name || ':' || rule, count(DISTINCT coalesce(legacy_key, CAST(line AS VARCHAR))) FROM wb.errors "
        "WHERE wave = ? GROUP BY ALL ORDER BY 2 DESC", [wave]).fetchall())
    tg_rejected = s.scalar(
        f"SELECT count(DISTINCT TABLE_NAME || STG_KEY) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = 'validate' "
        f"AND TABLE_NAME IN ({', '.join(repr(t.name) for t in ccb.CCB_TABLES if t.key_table)})", wave=wave) or 0
    for rule, n in s.query(
            f"SELECT TABLE_NAME || ':' || RULE, count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave GROUP BY TABLE_NAME, RULE",
            wave=wave):
        rules[rule] = rules.get(rule, 0) + n
    rejected = wb_rejected + tg_rejected
    return {"records": owned, "rejected": rejected, "rate": (rejected / owned) if owned else 0.0,
            "rules": dict(sorted(rules.items(), key=lambda kv: -kv[1]))}


def _gate(run: LayerRun, rate: dict | None) -> dg.AssetCheckResult:
    wave = run.wave
    threshold = load_settings().reject_threshold
    r = rate if rate is not None else reject_rate(run.workbench, run.target, wave)
    top = list(r["rules"].items())[:5]
    why = ", ".join(f"{k} ({v})" for k, v in top) or "no rejects"
    return dg.AssetCheckResult(
        passed=r["rate"] <= threshold,
        description=f"wave {wave}: {r['rejected']} of {r['records']} records rejected ({r['rate']:.2%}, threshold {threshold:.2%}); driven by {why}",
        metadata={"reject_rate": dg.MetadataValue.float(r["rate"]), "threshold": dg.MetadataValue.float(threshold),
                  "rejected": r["rejected"], "records": r["records"], "rules": dg.MetadataValue.json(r["rules"])},
    )


def rerun_orphans_sql(s) -> list[tuple[str, str]]:
    """(what, SELECT count) per foreign key: other waves' production rows that point at a key this wave wrote
    before and would no longer write (its record is now rejected), i.e. rows a rerun would orphan."""
    out = []
    for child in ccb.CCB_TABLES:
        for c in child.foreign_keys:
            parent = BY_NAME[c.fk_table]
            if not parent.key_table:
                continue
            out.append((f"{child.name}.{c.name} -> {parent.name}", (
                f"SELECT COUNT(*) FROM {s.prod}.{child.name} x "
                f"WHERE x.{c.name} IN (SELECT OWNER_KEY FROM {s.prod}.CCS_WAVE_LEDGER WHERE WAVE = :wave AND TABLE_NAME = '{parent.name}') "
                f"AND x.{c.name} NOT IN (SELECT NEW_KEY FROM {s.stg}.{parent.ck_table} WHERE WAVE = :wave) "
                f"AND x.{child.owner_column} NOT IN (SELECT OWNER_KEY FROM {s.prod}.CCS_WAVE_LEDGER "
                f"WHERE WAVE = :wave AND TABLE_NAME = '{child.name}')")))
    return out


def _rerun(run: LayerRun, facts) -> dg.AssetCheckResult:
    wave, s = run.wave, run.target
    found = {}
    for what, q in rerun_orphans_sql(s):
        n = s.scalar(q, wave=wave)
        if n:
            found[what] = n
    desc = (f"wave {wave} would orphan rows of other waves: " + ", ".join(f"{k} ({v})" for k, v in found.items())
            + "; fix the rejected records or roll back the dependent waves first") if found else "no other wave depends on a record this run drops"
    return dg.AssetCheckResult(passed=not found, description=desc, metadata={"would_orphan": dg.MetadataValue.json(found)})


GATE_CHECK = LayerCheck("reject_rate_below_threshold", _gate, blocking=True,
                        description="Blocks production when the wave's reject rate is above CCS_REJECT_THRESHOLD (default 5%).")
RERUN_CHECK = LayerCheck("rerun_keeps_other_waves_whole", _rerun, blocking=True,
                         description="Blocks production when this run would remove a record that another wave's production rows "
                                     "point at (e.g. a meter a later wave's history uses, now rejected): roll back or fix first.")


def _wave_pred(s, t: Table, alias: str = "x") -> str:
    return (f"{alias}.{t.owner_column} IN (SELECT OWNER_KEY FROM {s.prod}.CCS_WAVE_LEDGER "
            f"WHERE WAVE = :wave AND TABLE_NAME = '{t.name}')")


def fk_violations_sql(s, t: Table, tables: dict[str, Table] | None = None) -> list[tuple[str, str]]:
    """(column, SELECT of the wave's rows whose non-blank foreign key has no parent in production).

    `tables` finds the parents (CC&B by default; the MDM/ODM checks pass theirs)."""
    out = []
    for c in t.foreign_keys:
        parent = (tables or BY_NAME)[c.fk_table]
        blank = f"NOT {s.dialect.is_blank('x.' + c.name)} AND " if c.default == " " else ""
        out.append((c.name, f"SELECT x.{c.name} AS VAL FROM {s.prod}.{t.name} x WHERE {_wave_pred(s, t)} AND {blank}"
                            f"NOT EXISTS (SELECT 1 FROM {s.prod}.{parent.name} p WHERE p.{c.fk_column} = x.{c.name})"))
    return out


def key_format_sql(s, t: Table) -> list[tuple[str, str]]:
    out = []
    for c in t.columns:
        if not c.key_kind:
            continue
        digits, nondigits, zeros = c.length, "'0123456789'", "'0'"
        allow_blank = f"NOT {s.dialect.is_blank('x.' + c.name)} AND " if c.default == " " else ""
        out.append((c.name, f"SELECT x.{c.name} AS VAL FROM {s.prod}.{t.name} x WHERE {_wave_pred(s, t)} AND {allow_blank}"
                            f"(LENGTH(x.{c.name}) <> {digits} OR NOT {s.dialect.is_empty(f'LTRIM(x.{c.name}, {nondigits})')} "
                            f"OR {s.dialect.is_empty(f'LTRIM(x.{c.name}, {zeros})')})"))
    return out


def pk_duplicates_sql(s, t: Table) -> str:
    pk = ", ".join(t.primary_key)
    return f"SELECT {pk} FROM {s.prod}.{t.name} GROUP BY {pk} HAVING COUNT(*) > 1"


def count_violations(s, queries: list[tuple[str, str]], wave: str) -> tuple[int, dict]:
    """Run (column, violation SELECT) queries for a wave: total violations and a sample per column."""
    bad, samples = 0, {}
    for col, q in queries:
        n = s.scalar(f"SELECT count(*) FROM ({q}) v", wave=wave)
        if n:
            bad += n
            samples[col] = [r[0] for r in s.query(s.dialect.limit(f"SELECT VAL FROM ({q}) v ORDER BY VAL", SAMPLE), wave=wave)]
    return bad, samples


def pk_duplicates(s, t: Table) -> list[tuple]:
    return s.query(pk_duplicates_sql(s, t))


def production_checks(t: Table) -> list[LayerCheck]:
    """Step 8 on the wave's production rows of t: foreign keys resolve, key format, primary key unique."""

    def violations(queries, what: str):
        def evaluate(run: LayerRun, facts) -> dg.AssetCheckResult:
            bad, samples = count_violations(run.target, queries(run.target), run.wave)
            return dg.AssetCheckResult(passed=bad == 0, metadata={"violations": bad, "sample": dg.MetadataValue.json(samples)},
                                       description=f"{bad} {what} in {t.name} for wave {run.wave}" if bad else f"no {what}")
        return evaluate

    def pk_unique(run: LayerRun, facts) -> dg.AssetCheckResult:
        dups = pk_duplicates(run.target, t)
        return dg.AssetCheckResult(passed=not dups, metadata={"duplicates": len(dups), "sample": dg.MetadataValue.json([list(map(str, d)) for d in dups[:SAMPLE]])},
                                   description=f"{len(dups)} duplicated keys (wave {run.wave})" if dups else "unique")

    out = []
    if t.foreign_keys:
        out.append(LayerCheck("foreign_keys_resolve", violations(lambda s: fk_violations_sql(s, t), "orphan foreign keys"),
                              description=f"Step 8: every foreign key of {t.name} ({', '.join(c.name for c in t.foreign_keys)}) resolves in production."))
    out.append(LayerCheck("key_format", violations(lambda s: key_format_sql(s, t), "malformed keys"),
                          description=f"Step 8: system keys of {t.name} are all digits of their length, never blank or all zeros."))
    out.append(LayerCheck("primary_key_unique", pk_unique,
                          description=f"Step 8: the primary key of {t.name} ({', '.join(t.primary_key)}) is unique across all waves."))
    return out
