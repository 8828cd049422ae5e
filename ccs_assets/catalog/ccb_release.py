"""Columns CC&B's tables hold that the catalog does not model (no step reasons about them).

An upgrade must carry every column of the source (DESIGN.md 3b, "every column
travels"): the extract's column list comes from the source's dictionary, not
from this catalog. This list serves two things only: the source generator
writes these columns (a real CC&B table has more columns than the catalog
models), and a DuckDB rehearsal target gets them added to its production
tables, as the cloud service's own tables have them. An Oracle target is the
cloud service's schema and is never altered. Names and lengths are recalled
from CC&B's data dictionary, not confirmed by the reference notes: confidence I.
"""

from __future__ import annotations

from .ccb import CCB_TABLES, char, date, vchar
from .model import Column

_CANDIDATES: dict[str, tuple[Column, ...]] = {
    "CI_PER": (vchar("OVRD_MAIL_NAME2", 254, confidence="I"), vchar("OVRD_MAIL_NAME3", 254, confidence="I"),
               char("HOUSE_TYPE", 2, confidence="I"), char("GEO_CODE", 11, confidence="I"),
               char("IN_CITY_LIMIT", 1, confidence="I")),
    "CI_PREM": (char("HOUSE_TYPE", 2, confidence="I"), char("GEO_CODE", 11, confidence="I"),
                char("IN_CITY_LIMIT", 1, confidence="I")),
    "CI_ACCT": (vchar("ALERT_INFO", 254, confidence="I"), char("PROTECT_CYC_SW", 1, confidence="I"),
                char("ACCESS_GRP_CD", 12, confidence="I")),
    "CI_SA": (char("SIC_CD", 8, confidence="I"), char("CUST_READ_SW", 1, confidence="I"),
              char("ALLOW_EST_SW", 1, confidence="I"), date("EXPIRE_DT", nullable=True, confidence="I")),
    "CI_SP": (char("FAC_LVL_1_CD", 8, confidence="I"), char("FAC_LVL_2_CD", 8, confidence="I")),
    "CI_ACCT_PER": (char("PROTECT_ADDR_SW", 1, confidence="I"),),
    "CI_MTR": (char("MTR_LOC_CD", 4, confidence="I"),),
}
_MODELED = {t.name: set(t.column_names) for t in CCB_TABLES}
# what the catalog models itself is never listed here (it travels as a catalog column)
RELEASE_COLUMNS: dict[str, tuple[Column, ...]] = {
    t: cols for t, cols in ((t, tuple(c for c in cols if c.name not in _MODELED.get(t, set())))
                            for t, cols in _CANDIDATES.items()) if cols}
