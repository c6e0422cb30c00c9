"""`linkstar library list|show`: browse the KPI library."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..options import EXIT_ERROR, EXIT_OK, add_library_opt, library_from


def register(subparsers: Any) -> None:
    lib = subparsers.add_parser("library", help="browse the KPI library")
    lsub = lib.add_subparsers(dest="library_command", metavar="COMMAND")
    ll = lsub.add_parser("list", help="list KPIs, optionally for a role or platform")
    ll.add_argument("--role", metavar="ROLE")
    ll.add_argument("--platform", metavar="PLATFORM")
    ll.add_argument("--lang", choices=("zh", "en"))
    add_library_opt(ll)
    ll.set_defaults(func=cmd_library_list)
    ls = lsub.add_parser("show", help="print one KPI record")
    ls.add_argument("kpi", metavar="KPI")
    add_library_opt(ls)
    ls.set_defaults(func=cmd_library_show)

    def library_help(_: argparse.Namespace) -> int:
        lib.print_help(sys.stderr)
        print("error: `library` needs a command: list or show", file=sys.stderr)
        return EXIT_ERROR

    lib.set_defaults(func=library_help)


def cmd_library_list(args: argparse.Namespace) -> int:
    library = library_from(args)
    lang = args.lang or "en"
    for name, table in (("role", library.roles), ("platform", library.platforms)):
        value = getattr(args, name)
        if value and value not in table:
            from ..errors import UsageError, did_you_mean, excerpt

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

    from ..errors import UsageError, did_you_mean, excerpt

    library = library_from(args)
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
