"""`linkstar load KIT ACTUALS.csv`: registered in the CLI's command table (commands/__init__.py)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "load", help="check an actuals CSV and load it into KIT/data/kpi.sqlite",
        description="Validate a CSV of actuals (start from KIT/scorecard/actuals-template.csv) "
                    "and upsert it into the kit's SQLite store, KIT/data/kpi.sqlite. Every "
                    "problem is reported with its CSV row; if there is one, nothing is loaded. "
                    "Loading the same file twice changes nothing.")
    p.add_argument("kit", metavar="KIT", help="the kit folder (written by `linkstar generate`)")
    p.add_argument("csv", metavar="ACTUALS.csv", help="the actuals to load")
    p.set_defaults(func=cmd_load)


def cmd_load(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import display_path
    from ..upkeep import finish_interrupted, write_filled_workbook
    from .loader import load_actuals

    finish_interrupted(Path(args.kit))  # a `generate` killed while moving its files in
    result = load_actuals(args.kit, args.csv)
    print(f"loaded {args.csv} into {display_path(result.store)}: {result.summary()}")
    said = write_filled_workbook(Path(args.kit), result.store)
    if said:
        print(said)
    if result.affected_reviews:
        print(f"these written reviews show numbers this load changed: "
              f"{', '.join(result.affected_reviews)}; re-run them with `linkstar review "
              f"{args.kit} --period ID` (each then says it was re-run on corrected data)")
    return 0
