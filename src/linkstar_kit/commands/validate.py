"""`linkstar validate ANSWERS`: check an answers file."""

from __future__ import annotations

import argparse
from typing import Any

from ..options import EXIT_OK, add_library_opt, answers_from, library_from


def register(subparsers: Any) -> None:
    v = subparsers.add_parser("validate", help="check an answers file and report every problem")
    v.add_argument("answers", metavar="ANSWERS")
    add_library_opt(v)
    v.set_defaults(func=cmd_validate)


def cmd_validate(args: argparse.Namespace) -> int:
    library = library_from(args)
    answers = answers_from(args, library)

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    print(f"{args.answers}: valid ({n(len(answers.roles), 'role')}, "
          f"{n(len(answers.platforms), 'platform')}, {n(len(answers.goals), 'goal')})")
    return EXIT_OK
