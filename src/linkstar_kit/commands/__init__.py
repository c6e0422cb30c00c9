"""The `linkstar` commands: one table, read by the CLI's parser (cli.py, which holds the one
error boundary they all run inside).

Adding a command is one module with `register(subparsers)` (it adds its subparser and sets
`func`, a function of the parsed arguments that returns the exit status) and one line in
COMMANDS. `linkstar NAME ...` imports and registers that command's module alone (the other
eleven and their parsers cost ~20 ms of every run); `linkstar --help`, a bad command name
and the tests build the whole parser. A command module imports only argparse-level things at
the top and its real work inside `func` (bench/run.py measures `linkstar --help`). An import
error is raised, never taken for "command not available".
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Command:
    name: str                                  # what `linkstar NAME` takes
    module: str                                # the module whose `register(subparsers)` adds it

    @property
    def register(self) -> Callable[[Any], None]:
        """The module's `register`, imported when asked for: `linkstar generate` imports
        generate's module alone, `linkstar --help` every one (an import error shows)."""
        return importlib.import_module(self.module).register  # type: ignore[no-any-return]


# In the order `linkstar --help` lists them.
COMMANDS: tuple[Command, ...] = (
    Command("generate", "linkstar_kit.commands.generate"),
    Command("validate", "linkstar_kit.commands.validate"),
    Command("migrate", "linkstar_kit.commands.migrate"),
    Command("explain", "linkstar_kit.commands.explain"),
    Command("plan", "linkstar_kit.commands.plan"),
    Command("library", "linkstar_kit.commands.library"),
    Command("init", "linkstar_kit.questionnaire.command"),
    Command("serve", "linkstar_kit.web.command"),
    Command("check", "linkstar_kit.doctor.command"),
    Command("load", "linkstar_kit.store.command"),
    Command("review", "linkstar_kit.review.command"),
    Command("env", "linkstar_kit.environment"),
)
NAMES = frozenset(c.name for c in COMMANDS)
