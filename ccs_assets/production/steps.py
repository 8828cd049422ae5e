"""Insert a wave's accepted staged rows into cisadm with production keys substituted through the CK maps."""

from __future__ import annotations

from ..catalog import ccb, project
from ..catalog.model import Table
from ..target.dictionary import filled_columns
from ..target.resource import TargetSession
from ..target.wavewrite import replace_wave_rows, wave_rows

BY_NAME = {t.name: t for t in ccb.CCB_TABLES}


def production_select(s: TargetSession, t: Table) -> str:
    """Staged rows of the wave whose entity was keyed in this wave and whose parents all have production keys."""
    entity = BY_NAME[t.entity]
    joins = [f"JOIN {s.stg}.{entity.ck_table} o ON o.OLD_KEY = x.{t.owner_column} AND o.WAVE = :wave"]
    where = [wave_rows(s, s.stg, t)]
    exprs = []
    for c in t.columns:
        if c.name == t.owner_column:
            exprs.append(f"o.NEW_KEY AS {c.name}")
        elif c.fk and BY_NAME[c.fk_table].key_table:
            alias = f"f_{c.name.lower()}"
            joins.append(f"LEFT JOIN {s.stg}.{BY_NAME[c.fk_table].ck_table} {alias} ON {alias}.OLD_KEY = x.{c.name}")
            if c.default == " ":
                exprs.append(f"CASE WHEN {s.dialect.is_blank('x.' + c.name)} THEN ' ' ELSE {alias}.NEW_KEY END AS {c.name}")
                where.append(f"({s.dialect.is_blank('x.' + c.name)} OR {alias}.NEW_KEY IS NOT NULL)")
            else:
                exprs.append(f"{alias}.NEW_KEY AS {c.name}")
                where.append(f"{alias}.NEW_KEY IS NOT NULL")
        else:
            exprs.append(f"x.{c.name}")
    return (f"SELECT {', '.join(exprs)} FROM {s.stg}.{t.name} x " + " ".join(joins) + " WHERE " + " AND ".join(where))


def k_select(s: TargetSession, t: Table) -> str:
    return f"SELECT NEW_KEY AS {t.key_column.name}, :env_id AS ENV_ID FROM {s.stg}.{t.ck_table} WHERE WAVE = :wave"


def insert_production(s: TargetSession, t: Table, wave: str, env_id: int) -> dict:
    rows = replace_wave_rows(s, s.prod, t, wave, production_select(s, t))
    out = {"rows": rows}
    if t.key_table:
        out["k_rows"] = replace_wave_rows(s, s.prod, project.k_table(t), wave, k_select(s, t), env_id=env_id)
    if s.service is not None:  # CCS_TARGET=ccs: the service's insert batch for the table
        out.update(s.service.production(s, t, wave))
    filled = filled_columns(s, s.prod, t)
    if filled:  # NOT NULL columns of the real table the catalog does not model: OUAF's empty value
        out["unmodeled_not_null_filled"] = filled
    return out
