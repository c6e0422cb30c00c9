"""The `linkstar` command: the parser and the one error boundary every command runs inside.

The commands live one per module and are registered in commands/__init__.py's COMMANDS.
Nothing heavy is imported at module level, so `linkstar --help` starts fast; each command
imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import sys
from collections.abc import Sequence

from . import __version__
from .commands import COMMANDS, NAMES
from .options import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK


class _Parser(argparse.ArgumentParser):
    """Bad options are bad input like any other: a message and exit status 1."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"error: {message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of command `only` alone (what `linkstar ONLY ...`
    needs: its help and errors read the same)."""
    parser = _Parser(
        prog="linkstar",
        description="Turn a questionnaire about a cross-border e-commerce team into a tailored "
                    "KPI system: role KPIs with targets, documents, agendas, dashboards.")
    parser.add_argument("--version", action="version",
                        version=f"linkstar-kit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        if only is None or command.name == only:
            command.register(sub)
    return parser


def _tolerant_streams() -> None:
    """Never fail on a character the terminal cannot show (`PYTHONIOENCODING=latin-1`, a C
    locale without UTF-8): Chinese text is written as `\\u661f` escapes instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):  # closed, odd
            reconfigure(errors="backslashreplace")


# No line of an error message runs longer: the messages quote excerpts of values, and this
# keeps a value that reached one whole (a 10,000-character --role) from flooding the terminal.
_MAX_LINE = 400


def _bounded(message: str) -> str:
    """Each line at most _MAX_LINE characters, control characters (an escape sequence in a
    value) shown as escapes rather than sent to the terminal."""
    from .errors import excerpt

    return "\n".join(excerpt(line, _MAX_LINE) for line in message.split("\n"))


def _quiet_stdout() -> None:
    # the reader (say `| head`) went away: stop quietly, as Unix tools do, and keep Python
    # from complaining again when it flushes stdout at exit
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    words = list(sys.argv[1:] if argv is None else argv)
    # `linkstar generate ...`: only generate's parser; anything else (no command, an option
    # first, a name that is no command) the whole one, whose help and errors list them all
    parser = build_parser(words[0] if words and words[0] in NAMES else None)
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        print("error: a command is required", file=sys.stderr)
        return EXIT_ERROR
    # A command allocates mostly data that lives until it exits (the library, the selection,
    # the documents), which the collector's default rhythm (a young collection every 700
    # allocations, the older ones every 10) walked again and again: ~8 % of a Markdown kit.
    # Young cycles are still collected; `serve`, which runs for days, keeps the defaults.
    thresholds = gc.get_threshold()
    if args.command != "serve":
        gc.set_threshold(*COMMAND_GC_THRESHOLDS)
    try:
        return _run(args)
    finally:
        gc.set_threshold(*thresholds)


COMMAND_GC_THRESHOLDS = (10_000, 50, 100)


def _run(args: argparse.Namespace) -> int:
    """The command, inside the one error boundary: a message and exit status 1, never a
    traceback."""
    from .errors import LinkstarError, excerpt

    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a closed pipe shows here, inside the boundary, not at exit
        return code
    except LinkstarError as exc:
        print(f"error: {_bounded(exc.render())}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted; nothing was written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # before OSError, of which it is one
        _quiet_stdout()
        return EXIT_OK
    except OSError as exc:
        # the file system said no (permissions, a full disk, a path that is not a folder)
        where = f": {excerpt(exc.filename, 200)}" if exc.filename else ""
        print(f"error: {exc.strerror or excerpt(exc, 200)}{where}", file=sys.stderr)
        return EXIT_ERROR
    except RecursionError:
        print("error: the input is nested too deeply to read", file=sys.stderr)
        return EXIT_ERROR
    except MemoryError:
        print("error: out of memory: the input is too large", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the last boundary: a message, never a traceback
        if os.environ.get("LINKSTAR_DEBUG"):
            raise
        print(f"error: internal error ({type(exc).__name__}: {excerpt(exc, 200)}); this is a "
              "bug in linkstar-kit: please report it with the command and input (set "
              "LINKSTAR_DEBUG=1 for the traceback)", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
