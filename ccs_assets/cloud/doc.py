"""The MDM/ODM table list of docs/catalog.md, generated from the catalog.

    python -m ccs_assets.cloud.doc   # rewrites the block between the markers in docs/catalog.md
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..catalog import mdm, odm

DOC = Path(__file__).resolve().parents[2] / "docs" / "catalog.md"
START, END = "<!-- mdm-odm-tables:start (python -m ccs_assets.cloud.doc) -->", "<!-- mdm-odm-tables:end -->"


def table_list() -> str:
    rows = ["| table | step | conf. | one row per | columns C/P/I |", "|---|---|---|---|---|"]
    for t in mdm.ADMIN_TABLES + odm.ADMIN_TABLES + mdm.MDM_TABLES + odm.ODM_TABLES:
        conf = Counter(c.confidence for c in t.columns)
        per = ", ".join(t.key_sources) or ("admin code" if t.seed_step == 9 else f"row of its {t.entity}")
        rows.append(f"| {t.name} | {t.seed_step} | {t.confidence} | {per} | {conf['C']}/{conf['P']}/{conf['I']} |")
    return "\n".join(rows)


def block() -> str:
    return f"{START}\n{table_list()}\n{END}"


def update(doc: Path = DOC) -> bool:
    text = doc.read_text(encoding="utf-8")
    new = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda m: block(), text, flags=re.S)
    if new != text:
        doc.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    print("updated" if update() else "up to date")
