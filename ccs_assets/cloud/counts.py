"""MDM/ODM reconciliation and production checks (steps 9-12), generated from the catalog.

Per keyed MDM/ODM table: CC&B rows of the wave (its key_sources) = mapped +
not migrated (with a recorded reason), and rows written = mapped. Asset
dispositions: every install event of the wave shows as an installed
disposition of its asset at its install time, both from the CC&B history and
from the MDM data (the device's D1AS asset at its D1_SP's node; removals leave
it), and every MDM service point of the wave has its ODM node. Every foreign
key resolves.
"""

from __future__ import annotations

from ..catalog import mdm, odm
from ..catalog.model import Table
from ..scenarios.checks import fk_violations_sql, pk_duplicates_sql
from ..target.resource import TargetSession
from .steps import BY_NAME, STEP, _Own, applied_settings, available_tables, existing_tables


def _ledger(s: TargetSession, t: Table, alias: str = "x") -> str:
    return (f"{alias}.{t.owner_column} IN (SELECT OWNER_KEY FROM {s.prod}.CCS_WAVE_LEDGER "
            f"WHERE WAVE = :wave AND TABLE_NAME = '{t.name}')")


def counterpart_sql(s: TargetSession, t: Table) -> list[tuple[str, str]]:
    """(source, SELECT VAL of CC&B keys of the wave with neither a row in t nor a recorded reason)."""
    km = f"{s.stg}.{mdm.X1_KEY_MAP.name}"
    key = t.primary_key[0]
    out = []
    for src in t.key_sources:
        table, col = src.split(".")
        out.append((src, f"SELECT x.{col} AS VAL FROM {s.prod}.{table} x WHERE x.{col} IN {_Own(s.prod)[table]} "
                         f"AND NOT EXISTS (SELECT 1 FROM {km} k JOIN {s.prod}.{t.name} m ON m.{key} = k.MDM_KEY "
                         f"WHERE k.MDM_TABLE = '{t.name}' AND k.CCB_TABLE = '{table}' AND k.CCB_KEY = x.{col}) "
                         f"AND NOT EXISTS (SELECT 1 FROM {s.stg}.CCS_VAL_ERR e WHERE e.WAVE = :wave AND e.STEP = '{STEP}' "
                         f"AND e.TABLE_NAME = '{t.name}' AND e.STG_KEY = x.{col})"))
    return out


def fk_sql(s: TargetSession, t: Table) -> list[tuple[str, str]]:
    """(column, SELECT VAL of the wave's rows of t whose non-blank foreign key has no parent in production)."""
    return fk_violations_sql(s, t, BY_NAME)


def install_dispositions_sql(s: TargetSession, linked: bool = False) -> str:
    """Install events of the wave's CC&B histories that show as an installed disposition of their asset (binds
    :wave, :dpos_installed). `linked` (scenario 6): only histories the wave created, on assets it created (a linked
    asset's history is the clone's)."""
    km = f"{s.stg}.{mdm.X1_KEY_MAP.name}"
    own = _Own(s.prod)
    if linked:
        lk = f"{s.stg}.{mdm.X1_LINK.name}"
        own = {n: f"{own[n]} AND h.{c} NOT IN (SELECT l.CCB_KEY FROM {lk} l WHERE l.MDM_TABLE = 'D1_INSTALL_EVT') "
                  f"AND a.MDM_KEY NOT IN (SELECT l.MDM_KEY FROM {lk} l WHERE l.MDM_TABLE = 'W1_ASSET')"
               for n, c in (("CI_SP_MTR_HIST", "SP_MTR_HIST_ID"), ("CI_SP_ITEM_HIST", "SP_ITEM_HIST_ID"))}
    return (
        f"SELECT h.SP_MTR_HIST_ID AS K FROM {s.prod}.CI_SP_MTR_HIST h "
        f"JOIN {s.prod}.CI_MTR_CONFIG c ON c.MTR_CONFIG_ID = h.MTR_CONFIG_ID "
        f"JOIN {km} a ON a.MDM_TABLE = 'W1_ASSET' AND a.CCB_TABLE = 'CI_MTR' AND a.CCB_KEY = c.MTR_ID "
        f"JOIN {s.prod}.CI_SP_MTR_EVT ev ON ev.SP_MTR_HIST_ID = h.SP_MTR_HIST_ID AND TRIM(ev.SP_MTR_EVT_FLG) = 'I' "
        f"JOIN {s.prod}.CI_MR mr ON mr.MR_ID = ev.MR_ID "
        f"WHERE h.SP_MTR_HIST_ID IN {own['CI_SP_MTR_HIST']} AND EXISTS (SELECT 1 FROM {s.prod}.W1_ASSET_NODE n "
        f"WHERE n.ASSET_ID = a.MDM_KEY AND n.EFF_DTTM = mr.READ_DTTM AND n.ASSET_DPOS_FLG = :dpos_installed) "
        f"UNION ALL "
        f"SELECT h.SP_ITEM_HIST_ID FROM {s.prod}.CI_SP_ITEM_HIST h "
        f"JOIN {km} a ON a.MDM_TABLE = 'W1_ASSET' AND a.CCB_TABLE = 'CI_ITEM' AND a.CCB_KEY = h.ITEM_ID "
        f"JOIN {s.prod}.CI_SP_ITEM_EVT ei ON ei.SP_ITEM_HIST_ID = h.SP_ITEM_HIST_ID AND TRIM(ei.SP_ITEM_EVT_FLG) = 'I' "
        f"WHERE h.SP_ITEM_HIST_ID IN {own['CI_SP_ITEM_HIST']} AND EXISTS (SELECT 1 FROM {s.prod}.W1_ASSET_NODE n "
        f"WHERE n.ASSET_ID = a.MDM_KEY AND n.EFF_DTTM = ei.EVENT_DTTM AND n.ASSET_DPOS_FLG = :dpos_installed)"
    )


def d1_links_sql(s: TargetSession, linked: bool = False) -> dict[str, str]:
    """Nodes and dispositions reconciled against the MDM data itself (MDM SPs synchronize to nodes, install events
    become dispositions, C S16): SELECTs of the wave's D1 keys (bind :wave; :dpos_installed where used).

    - d1_sps / d1_sps_with_node: the wave's D1_SP rows, and those whose service point has its W1_NODE;
    - d1_install_events_at_sp_node: install events whose device's asset (D1AS) is installed at the node of the
      event's D1_SP at D1_INSTALL_DTTM;
    - d1_removals / d1_removals_with_disposition: removed install events, and those whose asset has a disposition
      (it leaves the SP) at D1_REMOVAL_DTTM.
    """
    km = f"{s.stg}.{mdm.X1_KEY_MAP.name}"
    sp_node = (f"JOIN {km} ks ON ks.MDM_TABLE = 'D1_SP' AND ks.MDM_KEY = {{sp}} "
               f"JOIN {km} kn ON kn.MDM_TABLE = 'W1_NODE' AND kn.CCB_TABLE = ks.CCB_TABLE AND kn.CCB_KEY = ks.CCB_KEY")
    asset = (f"JOIN {s.prod}.D1_DVC_CFG c ON c.DEVICE_CONFIG_ID = e.DEVICE_CONFIG_ID "
             f"JOIN {s.prod}.D1_DVC_IDENTIFIER di ON di.D1_DEVICE_ID = c.D1_DEVICE_ID AND di.DVC_ID_TYPE_FLG = 'D1AS'")
    asset_id = s.dialect.char("di.ID_VALUE", 12)  # the D1AS value (VARCHAR2) against W1_ASSET_NODE.ASSET_ID CHAR(12)
    if linked:  # scenario 6: a linked asset's dispositions are the clone's; the wave answers for the assets it created
        asset += (f" AND {asset_id} NOT IN (SELECT l.MDM_KEY FROM {s.stg}.{mdm.X1_LINK.name} l "
                  f"WHERE l.MDM_TABLE = 'W1_ASSET')")
    evts = f"FROM {s.prod}.D1_INSTALL_EVT e {asset} WHERE {_ledger(s, mdm.D1_INSTALL_EVT, 'e')}"
    return {
        "d1_sps": f"SELECT x.D1_SP_ID AS K FROM {s.prod}.D1_SP x WHERE {_ledger(s, mdm.D1_SP)}",
        "d1_sps_with_node": f"SELECT x.D1_SP_ID AS K FROM {s.prod}.D1_SP x {sp_node.format(sp='x.D1_SP_ID')} "
                            f"JOIN {s.prod}.W1_NODE w ON w.NODE_ID = kn.MDM_KEY WHERE {_ledger(s, mdm.D1_SP)}",
        "d1_install_events_at_sp_node": (
            f"SELECT e.INSTALL_EVT_ID AS K FROM {s.prod}.D1_INSTALL_EVT e {asset} {sp_node.format(sp='e.D1_SP_ID')} "
            f"WHERE {_ledger(s, mdm.D1_INSTALL_EVT, 'e')} AND EXISTS (SELECT 1 FROM {s.prod}.W1_ASSET_NODE n "
            f"WHERE n.ASSET_ID = {asset_id} AND n.EFF_DTTM = e.D1_INSTALL_DTTM AND n.NODE_ID = kn.MDM_KEY "
            f"AND n.ASSET_DPOS_FLG = :dpos_installed)"),
        "install_events": f"SELECT e.INSTALL_EVT_ID AS K {evts}" if linked else
                          f"SELECT x.INSTALL_EVT_ID AS K FROM {s.prod}.D1_INSTALL_EVT x WHERE {_ledger(s, mdm.D1_INSTALL_EVT)}",
        "d1_removals": f"SELECT e.INSTALL_EVT_ID AS K {evts} AND e.D1_REMOVAL_DTTM IS NOT NULL",
        "d1_removals_with_disposition": (
            f"SELECT e.INSTALL_EVT_ID AS K {evts} AND e.D1_REMOVAL_DTTM IS NOT NULL AND EXISTS "
            f"(SELECT 1 FROM {s.prod}.W1_ASSET_NODE n WHERE n.ASSET_ID = {asset_id} AND n.EFF_DTTM = e.D1_REMOVAL_DTTM)"),
    }


def link_counts(s: TargetSession, t: Table, wave: str) -> dict:
    """Scenario 6: CC&B records of the wave linked to a record the target held, created, and the clone's conflicts."""
    lk, cf = f"{s.stg}.{mdm.X1_LINK.name}", f"{s.stg}.{mdm.X1_CONFLICT.name}"
    return {"linked": s.scalar(f"SELECT count(*) FROM {lk} WHERE WAVE = :wave AND MDM_TABLE = :t", wave=wave, t=t.name),
            "conflicting": s.scalar(f"SELECT count(*) FROM {cf} WHERE WAVE = :wave AND MDM_TABLE = :t", wave=wave, t=t.name)}


def conflicts(s: TargetSession, wave: str) -> list[dict]:
    """Scenario 6: the clone's conflicts found by the wave, with both keys."""
    names = ["mdm_table", "rule", "mdm_key", "ccb_table", "ccb_key", "message"]
    return [dict(zip(names, (str(v).strip() for v in r))) for r in s.query(
        f"SELECT MDM_TABLE, RULE, MDM_KEY, CCB_TABLE, CCB_KEY, MESSAGE FROM {s.stg}.{mdm.X1_CONFLICT.name} WHERE WAVE = :wave "
        f"ORDER BY MDM_TABLE, RULE, MDM_KEY, CCB_KEY", wave=wave)]


def x1_counts(s: TargetSession, wave: str, tables: list[Table] | None = None, linked: bool = False) -> dict:
    """Per MDM/ODM table of the wave: CC&B rows, mapped, not migrated, rows written (and dispositions); `linked`
    (scenario 6): also linked (found in the target's MDM/ODM), created and conflicting."""
    if mdm.X1_KEY_MAP.name not in existing_tables(s, s.stg):
        return {}
    km = f"{s.stg}.{mdm.X1_KEY_MAP.name}"
    out = {}
    for t in tables or available_tables():
        row = {"rows": s.scalar(f"SELECT count(*) FROM {s.prod}.{t.name} x WHERE {_ledger(s, t)}", wave=wave)}
        if t.key_sources:
            row["ccb_rows"] = sum(s.scalar(f"SELECT count(*) FROM {s.prod}.{src.split('.')[0]} x WHERE x.{src.split('.')[1]} "
                                           f"IN {_Own(s.prod)[src.split('.')[0]]}", wave=wave) for src in t.key_sources)
            row["mapped"] = s.scalar(f"SELECT count(*) FROM {km} WHERE WAVE = :wave AND MDM_TABLE = :t", wave=wave, t=t.name)
            row["not_migrated"] = s.scalar(f"SELECT count(*) FROM {s.stg}.CCS_VAL_ERR WHERE WAVE = :wave AND STEP = '{STEP}' "
                                           f"AND TABLE_NAME = :t", wave=wave, t=t.name)
            if linked:
                row.update(link_counts(s, t, wave))
                row["created"] = row["mapped"] - row["linked"]
        if t is odm.W1_ASSET_NODE and row["rows"]:
            cfg = applied_settings(s)
            row["installed"] = s.scalar(f"SELECT count(*) FROM {s.prod}.W1_ASSET_NODE x WHERE {_ledger(s, t)} "
                                        f"AND x.ASSET_DPOS_FLG = :d", wave=wave, d=cfg["dpos_installed"])
            row["install_events_with_disposition"] = s.scalar(
                f"SELECT count(*) FROM ({install_dispositions_sql(s, linked)}) v", wave=wave, dpos_installed=cfg["dpos_installed"])
            d1 = d1_links_sql(s, linked)
            row["install_events"] = s.scalar(f"SELECT count(*) FROM ({d1['install_events']}) v", wave=wave)
            for name in ("d1_install_events_at_sp_node", "d1_removals", "d1_removals_with_disposition"):
                row[name] = s.scalar(f"SELECT count(*) FROM ({d1[name]}) v", wave=wave, dpos_installed=cfg["dpos_installed"])
        if t is odm.W1_NODE and mdm.D1_SP in available_tables():
            d1 = d1_links_sql(s, linked)
            for name in ("d1_sps", "d1_sps_with_node"):
                row[name] = s.scalar(f"SELECT count(*) FROM ({d1[name]}) v", wave=wave)
        out[t.name] = row
    return out


def x1_problems(counts: dict, strict: bool = True) -> list[str]:
    """Every equation that does not hold. Not strict: a table whose step has not run for the wave is pending."""
    problems = []
    for name, r in counts.items():
        if "ccb_rows" in r:
            ran = r["mapped"] or r["not_migrated"] or r["rows"]
            if not ran and r["ccb_rows"] and not strict:
                continue
            if r["ccb_rows"] != r["mapped"] + r["not_migrated"]:
                problems.append(f"{name}: CC&B rows {r['ccb_rows']} != mapped {r['mapped']} + not migrated {r['not_migrated']}")
            if "linked" in r and r["rows"] != r["created"]:
                problems.append(f"{name}: rows {r['rows']} != created {r['created']} (mapped {r['mapped']} - linked {r['linked']})")
            elif "linked" not in r and r["rows"] != r["mapped"]:
                problems.append(f"{name}: rows {r['rows']} != mapped {r['mapped']}")
        if "install_events" in r and (r["rows"] or strict):
            if r["install_events_with_disposition"] != r["install_events"]:
                problems.append(f"{name}: {r['install_events']} install events but {r['install_events_with_disposition']} "
                                f"installed dispositions at their install time")
        if "d1_install_events_at_sp_node" in r and (r["rows"] or strict):
            if r["d1_install_events_at_sp_node"] != r["install_events"]:
                problems.append(f"{name}: {r['install_events']} MDM install events but {r['d1_install_events_at_sp_node']} "
                                f"installed dispositions of their device's asset at their SP's node")
            if r["d1_removals_with_disposition"] != r["d1_removals"]:
                problems.append(f"{name}: {r['d1_removals']} removed MDM install events but "
                                f"{r['d1_removals_with_disposition']} dispositions of their asset at the removal time")
        if "d1_sps" in r and (r["rows"] or strict) and r["d1_sps_with_node"] != r["d1_sps"]:
            problems.append(f"{name}: {r['d1_sps']} MDM service points but {r['d1_sps_with_node']} with their ODM node")
    return problems


__all__ = ["x1_counts", "x1_problems", "counterpart_sql", "fk_sql", "pk_duplicates_sql"]
