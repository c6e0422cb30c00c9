"""`linkstar load KIT FILE...`: registered in the CLI's command table (commands/__init__.py)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    from ..options import add_library_opt

    p = subparsers.add_parser(
        "load", help="load actuals (the kit's CSV, or the platforms' report exports) into "
                     "KIT/data/kpi.sqlite",
        description="Load the kit's actuals CSV (start from KIT/scorecard/actuals-template.csv) "
                    "and the platforms' own report exports (Amazon Business Report, Amazon Ads, "
                    "Shopify, Shopee, TikTok Shop: see docs/exports.md) into the kit's SQLite "
                    "store, KIT/data/kpi.sqlite. An export is recognised by its columns; each "
                    "KPI is computed from the summed measures of every week or month the files "
                    "cover. Every problem is reported with its file and row; if there is one, "
                    "nothing is loaded. Loading the same files twice changes nothing.")
    p.add_argument("kit", metavar="KIT", help="the kit folder (written by `linkstar generate`)")
    p.add_argument("files", metavar="ACTUALS.csv|EXPORT", nargs="+",
                   help="actuals CSV or report export (CSV or XLSX)")
    p.add_argument("--platform", metavar="ID",
                   help="the platform of an export whose format does not say it")
    p.add_argument("--site", metavar="CODE[=FILE]", action="append",
                   help="the site an export is for, when the kit sells on several: US for "
                        "every file, UK=FILE for one (repeatable)")
    p.add_argument("--period", metavar="START..END",
                   help="the days a report without a date column covers (2026-09-01..2026-09-30)")
    p.add_argument("--mapping", metavar="FILE", action="append", default=[],
                   help="a mapping file for an export the tool does not know (docs/exports.md)")
    p.add_argument("--fx", metavar="CUR=RATE", action="append",
                   help="the rate for a site that sells in another currency than the kit's: "
                        "GBP=1.27 is one GBP in the kit's currency (repeatable)")
    add_library_opt(p)
    p.set_defaults(func=cmd_load)


def parse_period(text: str | None) -> tuple[Any, Any] | None:
    import datetime as dt

    from ..digits import ascii_hint
    from ..errors import UsageError, excerpt
    from ..periods import date_problem

    if text is None:
        return None
    shown = excerpt(text)
    hint = ascii_hint(text)
    if hint is not None:
        raise UsageError(f"--period {shown}: {hint}")
    try:
        a, b = text.split("..")
        start, end = dt.date.fromisoformat(a.strip()), dt.date.fromisoformat(b.strip())
    except ValueError:
        raise UsageError(f"--period {shown}: expected START..END, e.g. "
                         "2026-09-01..2026-09-30") from None
    if end < start:
        raise UsageError(f"--period {shown}: the end is before the start")
    # Both ends in the planned range: weeks and months are counted from them (0001-01-01 was
    # loaded, 9999-12-31 ended in a message about 9999-12-27 + 6 days)
    for d in (start, end):
        if (problem := date_problem(d)) is not None:
            raise UsageError(f"--period {shown}: {problem}")
    return start, end


def cmd_load(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import display_path
    from ..upkeep import finish_interrupted, write_filled_workbook
    from .exports import _is_actuals_csv
    from .loader import load_actuals

    finish_interrupted(Path(args.kit))  # a `generate` killed while moving its files in
    files = [Path(f) for f in args.files]
    if (len(files) == 1 and not args.mapping and files[0].is_file()
            and _is_actuals_csv(files[0])):
        result = load_actuals(args.kit, files[0])
        print(f"loaded {args.files[0]} into {display_path(result.store)}: {result.summary()}")
    else:
        from ..exports.currency import fx_option
        from ..options import library_from
        from .exports import load_files

        result, lines = load_files(args.kit, files, library_from(args), platform=args.platform,
                                   site=args.site, mappings=args.mapping,
                                   period=parse_period(args.period), fx=fx_option(args.fx))
        for line in lines:
            print(line)
        shown = ", ".join(args.files) if len(args.files) <= 3 else f"{len(args.files)} files"
        print(f"loaded {shown} into {display_path(result.store)}: {result.summary()}")
    said = write_filled_workbook(Path(args.kit), result.store)
    if said:
        print(said)
    if result.affected_reviews:
        print(f"these written reviews show numbers this load changed: "
              f"{', '.join(result.affected_reviews)}; re-run them with `linkstar review "
              f"{args.kit} --period ID` (each then says it was re-run on corrected data)")
    return 0
