"""The `linkstar` command: options, one error boundary, and calls into the Python API.

Nothing heavy is imported at module level, so `linkstar --help` starts fast; each command
imports what it needs.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__

# The README's exit statuses: 0 done, 1 any error (bad input, a bad option, a refusal),
# 130 interrupted (Ctrl-C).
EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 130


def _library(args: argparse.Namespace) -> Any:
    from .library.loader import load_library

    return load_library(args.library or [])


def _answers(args: argparse.Namespace, library: Any) -> Any:
    from .answers.loader import load_answers

    return load_answers(Path(args.answers), library)


# --- commands ------------------------------------------------------------------------------

def cmd_generate(args: argparse.Namespace) -> int:
    from .kit.blueprints import Blueprints
    from .kit.generate import generate_kit, parse_formats

    formats = parse_formats(args.format)
    blueprints = Blueprints(args.blueprints)
    library = _library(args)
    answers = _answers(args, library)
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


def cmd_validate(args: argparse.Namespace) -> int:
    library = _library(args)
    answers = _answers(args, library)
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    print(f"{args.answers}: valid ({n(len(answers.roles), 'role')}, "
          f"{n(len(answers.platforms), 'platform')}, {n(len(answers.goals), 'goal')})")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    import json

    from .engine.explain import explain, render_explanation

    library = _library(args)
    answers = _answers(args, library)
    data = explain(answers, library, role_key=args.role, language=args.lang)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_explanation(data))
    return EXIT_OK


def cmd_library_list(args: argparse.Namespace) -> int:
    library = _library(args)
    lang = args.lang or "en"
    for name, table in (("role", library.roles), ("platform", library.platforms)):
        value = getattr(args, name)
        if value and value not in table:
            from .errors import UsageError, did_you_mean, excerpt

            hint = did_you_mean(value, table) or "known: " + ", ".join(table)
            raise UsageError(f"unknown {name} `{excerpt(value)}` ({hint})")
    kpis = library.kpis_for(role=args.role, platform=args.platform)
    if args.role:
        kpis.sort(key=lambda k: (-k.roles[args.role], k.id))
    width = max((len(k.id) for k in kpis), default=10)
    for k in kpis:
        where = ",".join(k.platforms) if k.platforms else "all"
        weight = f" {k.roles[args.role]:>4g}" if args.role else ""
        print(f"{k.id:<{width}}{weight}  {k.kind:<4}  {k.unit:<8}  {where:<12}  {k.name.get(lang)}")
    print(f"{len(kpis)} KPIs · library {library.version}", file=sys.stderr)
    return EXIT_OK


def cmd_library_show(args: argparse.Namespace) -> int:
    from ruamel.yaml import YAML

    from .errors import UsageError, did_you_mean, excerpt

    library = _library(args)
    kpi = library.kpis.get(args.kpi)
    if kpi is None:
        hint = did_you_mean(args.kpi, library.kpis)
        raise UsageError(f"unknown KPI `{excerpt(args.kpi)}`" + (f" ({hint})" if hint else ""))
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100
    yaml.dump(kpi.model_dump(mode="json", exclude_none=True, exclude_defaults=True), sys.stdout)
    return EXIT_OK


# --- parser --------------------------------------------------------------------------------

def _add_library_opt(p: argparse.ArgumentParser) -> None:
    p.add_argument("--library", metavar="DIR", action="append",
                   help="a library folder that adds to or overrides the shipped one "
                        "(repeatable)")


class _Parser(argparse.ArgumentParser):
    """Bad options are bad input like any other: a message and exit status 1."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from .kit.formats import format_help  # the one format table; imports no writer

    parser = _Parser(
        prog="linkstar",
        description="Turn a questionnaire about a cross-border e-commerce team into a tailored "
                    "KPI system: role KPIs with targets, documents, agendas, dashboards.")
    parser.add_argument("--version", action="version",
                        version=f"linkstar-kit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    g = sub.add_parser("generate", help="write a client's KPI kit from an answers file")
    g.add_argument("answers", metavar="ANSWERS", help="answers file (.yaml, .yml or .json)")
    g.add_argument("-o", "--output", metavar="DIR",
                   help="kit folder (default: output/<client slug>/)")
    g.add_argument("--format", metavar="LIST", help=format_help())
    g.add_argument("--lang", choices=("zh", "en"), help="document language (default: the answers')")
    _add_library_opt(g)
    g.add_argument("--blueprints", metavar="DIR",
                   help="a folder of blueprints that override the shipped ones")
    g.add_argument("--force", action="store_true",
                   help="overwrite files edited since generation (copies are kept)")
    g.set_defaults(func=cmd_generate)

    v = sub.add_parser("validate", help="check an answers file and report every problem")
    v.add_argument("answers", metavar="ANSWERS")
    _add_library_opt(v)
    v.set_defaults(func=cmd_validate)

    e = sub.add_parser("explain", help="show why each role got its KPIs, and what lost")
    e.add_argument("answers", metavar="ANSWERS")
    e.add_argument("--role", metavar="KEY", help="only this role entry")
    e.add_argument("--json", action="store_true", help="machine-readable output")
    e.add_argument("--lang", choices=("zh", "en"))
    _add_library_opt(e)
    e.set_defaults(func=cmd_explain)

    lib = sub.add_parser("library", help="browse the KPI library")
    lsub = lib.add_subparsers(dest="library_command", metavar="COMMAND")
    ll = lsub.add_parser("list", help="list KPIs, optionally for a role or platform")
    ll.add_argument("--role", metavar="ROLE")
    ll.add_argument("--platform", metavar="PLATFORM")
    ll.add_argument("--lang", choices=("zh", "en"))
    _add_library_opt(ll)
    ll.set_defaults(func=cmd_library_list)
    ls = lsub.add_parser("show", help="print one KPI record")
    ls.add_argument("kpi", metavar="KPI")
    _add_library_opt(ls)
    ls.set_defaults(func=cmd_library_show)
    def library_help(_: argparse.Namespace) -> int:
        lib.print_help(sys.stderr)
        print("error: `library` needs a command: list or show", file=sys.stderr)
        return EXIT_ERROR

    lib.set_defaults(func=library_help)

    for register in _extensions():
        register(sub)
    return parser


def _extensions() -> list[Callable[[Any], None]]:
    """Commands that live in their own modules (init, check, load, env) register themselves here."""
    out = []
    for module in ("questionnaire.command", "doctor.command", "store.command", "environment"):
        try:
            mod = __import__(f"linkstar_kit.{module}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("linkstar_kit."):
                raise
            continue
        out.append(mod.register)
    return out


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
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        print("error: a command is required", file=sys.stderr)
        return EXIT_ERROR
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
