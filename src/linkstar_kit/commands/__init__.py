"""The `linkstar` commands: one table, read by the CLI's parser (cli.py, which holds the one
error boundary they all run inside).

Adding a command is one module with `register(subparsers)` (it adds its subparser and sets
`func`, a function of the parsed arguments that returns the exit status) and one line in
COMMANDS. Every module here is imported to build the parser, `linkstar --help` included: a
command module imports only argparse-level things at the top and its real work inside `func`
(bench/run.py measures `linkstar --help`). An import error is raised, never taken for
"command not available".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import environment
from ..doctor import command as check
from ..questionnaire import command as init
from ..review import command as review
from ..store import command as load
from ..web import command as serve
from . import explain, generate, library, migrate, plan, validate


@dataclass(frozen=True)
class Command:
    name: str                                  # what `linkstar NAME` takes
    register: Callable[[Any], None]            # adds the subparser called `name`


# In the order `linkstar --help` lists them.
COMMANDS: tuple[Command, ...] = (
    Command("generate", generate.register),
    Command("validate", validate.register),
    Command("migrate", migrate.register),
    Command("explain", explain.register),
    Command("plan", plan.register),
    Command("library", library.register),
    Command("init", init.register),
    Command("serve", serve.register),
    Command("check", check.register),
    Command("load", load.register),
    Command("review", review.register),
    Command("env", environment.register),
)
