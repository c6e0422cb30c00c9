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
    add_history_opts(g)
    g.set_defaults(func=cmd_generate)


def add_history_opts(g: Any) -> None:
    """--history and the options that say how to read it (generate and plan share them)."""
    g.add_argument("--history", metavar="FILE", nargs="+",
                   help="the client's report exports of the last months (the formats `linkstar "
                        "load` reads, docs/exports.md), or a kit's history.json: baselines and "
                        "targets calibrated to them. Without it, a kit made with one keeps its "
                        "history.json")
    g.add_argument("--mapping", metavar="FILE", action="append", default=[],
                   help="a mapping file for a history export the tool does not know")
    g.add_argument("--site", metavar="CODE[=FILE]", action="append",
                   help="the site a history export is for, when the client sells on several: "
                        "US for every file, UK=FILE for one (repeatable)")
    g.add_argument("--platform", metavar="ID",
                   help="the platform of a history export whose format does not say it")
    g.add_argument("--fx", metavar="CUR=RATE", action="append",
                   help="the rate for a site that sells in another currency than the kit's: "
                        "GBP=1.27 is one GBP in the kit's currency (repeatable)")


def cmd_generate(args: argparse.Namespace) -> int:
    from ..kit.blueprints import Blueprints
    from ..kit.generate import generate_kit, parse_formats

    formats = parse_formats(args.format)
    blueprints = Blueprints(args.blueprints)
    library = library_from(args)
    answers = answers_from(args, library)
    out = Path(args.output) if args.output else Path("output") / answers.client.effective_slug()
    history = _history(args, answers, library, out)
    result = generate_kit(answers, library, out, formats=formats, language=args.lang,
                          blueprints=blueprints, force=args.force, history=history)
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


def _history(args: argparse.Namespace, answers: Any, library: Any, out: Path | None) -> Any:
    """The client's history: from --history files, else the one the kit was made from (none
    for `linkstar plan`, which has no kit)."""
    from ..kit.generate import HISTORY_FILE, read_kit_history

    if not args.history:
        return read_kit_history(out) if out is not None else None
    files = [Path(f) for f in args.history]
    if len(files) == 1 and files[0].name == HISTORY_FILE:
        return read_kit_history(files[0].parent)
    from ..exports.currency import fx_option
    from ..exports.history import build_history

    history, lines = build_history(files, answers, library, mappings=args.mapping,
                                   platform=args.platform, site=args.site,
                                   fx=fx_option(args.fx))
    for line in lines:
        print(f"history: {line}")
    return history
