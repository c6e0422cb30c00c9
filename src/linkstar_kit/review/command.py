"""`linkstar review KIT`: registered in the CLI's command table (commands/__init__.py)."""

from __future__ import annotations

import argparse
from typing import Any

from ..options import EXIT_OK, add_library_opt


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "review", help="the week's, month's or quarter's review from the loaded actuals",
        description="Write the review meeting's agenda filled in with the period's numbers "
                    "(status, trend, anomalies, goals' pace, issues with owners; for a quarter, "
                    "suggestions and a proposed answers file) into KIT/reviews/<ID>/, with "
                    "review.json. Reads the kit and its store (KIT/data/kpi.sqlite); records the "
                    "review's issues in the store's review_issues table. Re-running gives the "
                    "same files.")
    p.add_argument("kit", metavar="KIT", help="the kit folder (with actuals loaded by `linkstar load`)")
    p.add_argument("--period", metavar="ID",
                   help="an ISO week (2026-W39), a month (2026-09) or a quarter (2026-Q3) "
                        "(default: the latest week with data)")
    p.add_argument("--format", metavar="LIST",
                   help="comma list of md, html, pdf (default: md,html)")
    p.add_argument("--lang", choices=("zh", "en"), help="document language (default: the kit's)")
    p.add_argument("--json", action="store_true", help="print review.json to standard output")
    p.add_argument("--force", action="store_true",
                   help="rewrite review files edited since they were written (the edited "
                        "copies are kept in KIT/.linkstar-backup/; an edited minutes.yaml is "
                        "never rewritten)")
    add_library_opt(p)
    p.set_defaults(func=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    import json

    from ..errors import display_path
    from .run import run_review

    result = run_review(args.kit, args.period, args.format, args.lang, args.library,
                        force=args.force)
    if args.json:
        print(json.dumps(result.data, ensure_ascii=False, indent=2))
        return EXIT_OK
    r = result.review
    counts: dict[str, int] = {}
    for k in r.kpis:
        counts[k.status] = counts.get(k.status, 0) + 1
    shown = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    anomalies = sum(1 for k in r.kpis if k.anomaly)
    print(f"{result.period.kind} review {result.period.id} ({result.period.start} to "
          f"{result.period.end}): {len(r.kpis)} KPIs ({shown}), {anomalies} anomalies, "
          f"{len(r.issues)} open issues, {len(r.closed)} closed"
          + (f", {len(r.suggestions)} suggestions" if r.period.kind == "quarterly" else ""))
    todos = result.data.get("todos", [])
    if todos or result.data.get("decisions"):
        state = [t["status"] for t in todos]
        done = result.data.get("todo_completion")
        print(f"from the minutes: {state.count('open') + state.count('overdue')} open to-dos "
              f"({state.count('overdue')} overdue), {len(result.data.get('decisions', []))} "
              "decisions recorded"
              + (f"; last meeting {done['done']} of {done['of']} to-dos done" if done else ""))
    if result.data.get("rerun_on_corrected_data"):
        print("re-run on corrected data: `linkstar load` changed numbers this review shows")
    print(f"wrote {', '.join(result.files)} to {display_path(result.folder)}/")
    return EXIT_OK
