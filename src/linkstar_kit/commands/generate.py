"""`linkstar generate ANSWERS`: write a client's kit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..options import EXIT_OK, add_library_opt, answers_from, library_from


def register(subparsers: Any) -> None:
    from ..kit.formats import format_help  # the one format table; imports no writer

    g = subparsers.add_parser("generate", help="write a client's KPI kit from an answers file")
    g.add_argument("answers", metavar="ANSWERS", help="answers file (.yaml, .yml or .json)")
    g.add_argument("-o", "--output", metavar="DIR",
                   help="kit folder (default: output/<client slug>/)")
    g.add_argument("--format", metavar="LIST", help=format_help())
    g.add_argument("--lang", choices=("zh", "en"), help="document language (default: the answers')")
    add_library_opt(g)
    g.add_argument("--blueprints", metavar="DIR",
                   help="a folder of blueprints that override the shipped ones")
    g.add_argument("--force", action="store_true",
                   help="overwrite files edited since generation (copies are kept)")
    g.set_defaults(func=cmd_generate)


def cmd_generate(args: argparse.Namespace) -> int:
    from ..kit.blueprints import Blueprints
    from ..kit.generate import generate_kit, parse_formats

    formats = parse_formats(args.format)
    blueprints = Blueprints(args.blueprints)
    library = library_from(args)
    answers = answers_from(args, library)
    out = Path(args.output) if args.output else Path("output") / answers.client.effective_slug()
    result = generate_kit(answers, library, out, formats=formats, language=args.lang,
                          blueprints=blueprints, force=args.force)
    print(f"wrote {len(result.files)} files to {out}/ ({', '.join(formats)})")
    for r in result.selection.roles:
        print(f"  {r.key}: " + ", ".join(k.kpi for k in r.kpis))
    for w in result.selection.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if result.backed_up:
        n = len(result.backed_up)
        print(f"kept copies of {n} edited file{'' if n == 1 else 's'} in {out}/.linkstar-backup/",
              file=sys.stderr)
    return EXIT_OK
