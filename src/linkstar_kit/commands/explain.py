"""`linkstar explain ANSWERS`: why each role got its KPIs, and what lost."""

from __future__ import annotations

import argparse
from typing import Any

from ..options import EXIT_OK, add_library_opt, answers_from, library_from


def register(subparsers: Any) -> None:
    e = subparsers.add_parser("explain", help="show why each role got its KPIs, and what lost")
    e.add_argument("answers", metavar="ANSWERS")
    e.add_argument("--role", metavar="KEY", help="only this role entry")
    e.add_argument("--json", action="store_true", help="machine-readable output")
    e.add_argument("--lang", choices=("zh", "en"))
    add_library_opt(e)
    e.set_defaults(func=cmd_explain)


def cmd_explain(args: argparse.Namespace) -> int:
    import json

    from ..engine.explain import explain, render_explanation

    library = library_from(args)
    answers = answers_from(args, library)
    data = explain(answers, library, role_key=args.role, language=args.lang)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_explanation(data))
    return EXIT_OK
