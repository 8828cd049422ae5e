"""`ccs-migrate lineage ASSET[.COLUMN] [--downstream] [--format json]`: a column's chain from the legacy file
column to the ODM column (or back), from the catalog (ccs_assets.catalog.lineage)."""

from __future__ import annotations

import json


def add_parser(sub) -> None:
    p = sub.add_parser("lineage", help="column lineage: where a column comes from (or, --downstream, where it goes)",
                       description="Print a column's lineage, from the catalog: by default upstream to the legacy file "
                                   "column, with --downstream on to the MDM/ODM columns. Without .COLUMN, every column "
                                   "of the asset.")
    p.add_argument("name", metavar="ASSET[.COLUMN]",
                   help="an asset key and column (odm/w1_asset_node.EFF_DTTM, legacy/customers.language, an upgrade "
                        "scenario's ccb_to_ccs/production/ci_per.PER_ID), or a table or legacy file name (CI_PER.PER_ID, "
                        "customers.language: its asset in scenario 1's chain)")
    p.add_argument("--downstream", action="store_true", help="follow the column towards MDM/ODM instead of the legacy file")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: %(default)s)")
    p.set_defaults(fn=cmd_lineage)


def cmd_lineage(a) -> int:
    from ..catalog.lineage import chain, columns_of, format_chain, resolve
    from ..scenarios.upgrade import SCENARIOS, register_lineage

    for sc in SCENARIOS.values():  # their keys too (ccb_to_ccs/production/ci_per.PER_ID)
        register_lineage(sc)
    try:
        asset, column = resolve(a.name)
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None  # main prints it as one line, exit 2
    chains = [chain(asset, c, a.downstream) for c in ([column] if column else columns_of(asset))]
    if a.format == "json":
        print(json.dumps({"asset": asset, "column": column, "direction": "downstream" if a.downstream else "upstream",
                          "lineage": chains}, indent=1))
    else:
        for node in chains:
            print("\n".join(format_chain(node, a.downstream)))
    return 0
