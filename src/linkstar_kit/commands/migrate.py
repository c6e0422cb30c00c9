"""`linkstar migrate ANSWERS [-o OUT]`: carry an answers file to the current library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..options import EXIT_OK, add_library_opt, library_from


def register(subparsers: Any) -> None:
    m = subparsers.add_parser(
        "migrate", help="rewrite an answers file written for an earlier library version",
        description="Apply the library's recorded changes (role_libraries/changes.yaml) to an "
                    "answers file: a KPI that was renamed follows its new id, a pin the role's "
                    "platforms no longer take moves to its replacement or is dropped. Without "
                    "-o the file is rewritten in place and the original kept as ANSWERS.bak.")
    m.add_argument("answers", metavar="ANSWERS")
    m.add_argument("-o", "--output", metavar="OUT", help="write the migrated file here "
                   "(must not exist yet); `-` prints it")
    add_library_opt(m)
    m.set_defaults(func=cmd_migrate)


def cmd_migrate(args: argparse.Namespace) -> int:
    from ..answers.loader import parse_answers
    from ..answers.migrate import load_changes, migrate_file
    from ..atomic import write_atomically
    from ..errors import InputError, UsageError, excerpt
    from ..library.loader import shipped_library_dir

    src = Path(args.answers)
    if not src.is_file():
        # a folder or a device (`/dev/null`) is there, but it is no answers file
        raise UsageError(f"{excerpt(args.answers)}: "
                         + ("not a file" if src.exists() else "no such file"))
    library = library_from(args)
    changes = load_changes([shipped_library_dir(), *(Path(d) for d in args.library or [])])
    text, edits = migrate_file(src, library, changes)
    out = Path(args.output) if args.output and args.output != "-" else src
    if not edits:
        # nothing recorded applies: say whether the file is valid as it stands
        parse_answers(text, args.answers, library, json_syntax=src.suffix.lower() == ".json")
        print(f"{args.answers}: nothing to migrate; valid with library {library.version}")
        return EXIT_OK
    try:
        parse_answers(text, str(out), library, json_syntax=out.suffix.lower() == ".json")
    except InputError as exc:
        raise InputError(exc.issues, title="still invalid after migration, nothing written "
                         "(fix these by hand)") from None
    if args.output == "-":
        # a preview, nothing written: a YAML file opens with what changed, as comments (it
        # stays a valid answers file); JSON has no comments, so there they go to stderr
        json_file = src.suffix.lower() == ".json"
        for e in edits:
            if json_file:
                print("  " + e.describe(), file=sys.stderr)
            else:
                sys.stdout.write(f"# linkstar migrate: {e.describe()}\n")
        sys.stdout.write(text)
        return EXIT_OK
    backup = src.with_name(src.name + ".bak")
    if args.output:
        if out.exists():
            raise UsageError(f"{args.output} exists: name a new file, or leave out -o to "
                             "rewrite ANSWERS in place (its original is kept as ANSWERS.bak)")
    elif backup.exists():
        raise UsageError(f"{backup} exists: move it away first, or write the result "
                         "elsewhere with -o OUT")
    for e in edits:
        print("  " + e.describe())
    if not args.output:
        write_atomically(backup, src.read_bytes())
    write_atomically(out, text)
    kept = "" if args.output else f" (original kept as {backup})"
    n = len(edits)
    print(f"wrote {out}: {n} change{'s' if n != 1 else ''} for library {library.version}{kept}")
    return EXIT_OK
