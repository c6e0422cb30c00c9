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
    from ..errors import InputError

    library = library_from(args)
    try:
        answers = answers_from(args, library)
    except InputError as exc:
        raise _with_changes(exc, args, library) from None

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    print(f"{args.answers}: valid ({n(len(answers.roles), 'role')}, "
          f"{n(len(answers.platforms), 'platform')}, {n(len(answers.goals), 'goal')})")
    return EXIT_OK


def _with_changes(exc: Any, args: argparse.Namespace, library: Any) -> Any:
    """The problems, each one a recorded library change explains saying which change, and
    that `linkstar migrate` applies it (a file written for an earlier library)."""
    from pathlib import Path

    from ..answers.migrate import explain_issues, load_changes, plan
    from ..errors import InputError
    from ..library.loader import shipped_library_dir
    from ..positioned import load_document

    try:
        doc = load_document(Path(args.answers))
        changes = load_changes([shipped_library_dir(), *(Path(d) for d in args.library or [])])
    except InputError:
        return exc  # unreadable: the problems as they are
    edits = plan(doc.data, library, changes)
    if not edits:
        return exc
    return InputError(explain_issues(exc.issues, edits, args.answers), title=exc.title)
