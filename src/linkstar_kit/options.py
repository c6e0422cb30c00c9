"""What every `linkstar` command shares: exit statuses, the `--library` option, and reading the
library and the answers named on the command line.

A leaf below the commands (kit/commands, doctor/command.py, questionnaire/command.py): it
imports the readers only inside its functions, so `linkstar --help` does not load them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

# The README's exit statuses: 0 done, 1 any error (bad input, a bad option, a refusal),
# 130 interrupted (Ctrl-C).
EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 130


def add_library_opt(p: argparse.ArgumentParser) -> None:
    p.add_argument("--library", metavar="DIR", action="append",
                   help="a library folder that adds to or overrides the shipped one "
                        "(repeatable)")


def library_from(args: argparse.Namespace) -> Any:
    from .library.loader import load_library

    return load_library(args.library or [])


def answers_from(args: argparse.Namespace, library: Any) -> Any:
    from .answers.loader import load_answers

    return load_answers(Path(args.answers), library)
