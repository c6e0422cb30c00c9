"""`linkstar check ANSWERS`: the KPI system's health check, as a command."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from ..options import add_library_opt, answers_from, library_from


def _date(text: str) -> dt.date:
    from ..digits import ascii_hint
    from ..periods import date_problem

    hint = ascii_hint(text)
    if hint is not None:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD: {hint}")
    try:
        d = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None
    problem = date_problem(d)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return d


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "check", help="check a KPI system against the method's pitfalls and goal alignment",
        description="Run the selection for ANSWERS and report findings (goals nobody drives, "
                    "KPIs that can be gamed, no actions, no data source, stale thresholds, pay, "
                    "reviews, goals that are not SMART). Exit 1 when there is an error (with "
                    "--strict, also a warning).")
    p.add_argument("answers", metavar="ANSWERS", help="answers file (.yaml, .yml or .json)")
    p.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    p.add_argument("--lang", choices=("zh", "en"), help="language of the findings "
                   "(default: the answers')")
    p.add_argument("--today", metavar="DATE", type=_date,
                   help="reference date for stale official thresholds (default: today)")
    add_library_opt(p)
    p.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    import json

    from ..errors import display_path
    from .checks import check
    from .findings import exit_status
    from .render import render_text

    library = library_from(args)
    answers = answers_from(args, library)
    lang = args.lang or answers.client.language
    findings = check(answers, library, today=args.today, language=lang)
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        print(render_text(findings, lang, title=display_path(args.answers)), end="")
    return exit_status(findings, strict=args.strict)
