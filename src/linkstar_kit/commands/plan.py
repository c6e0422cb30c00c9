"""`linkstar plan ANSWERS [--history FILE...]`: each company goal that adds up over periods
(GMV, orders), planned per period and split across the platforms and sites (plans.py), as the
kit's documents, workbook, store and dashboards will carry it (with the same --history as the
kit: its shares and months); and the contribution margin a net-margin goal asks for."""

from __future__ import annotations

import argparse
from typing import Any

from ..options import EXIT_OK, add_library_opt, answers_from, library_from


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("plan", help="show each goal's plan per period and platform")
    p.add_argument("answers", metavar="ANSWERS")
    p.add_argument("--lang", choices=("zh", "en"))
    add_library_opt(p)
    from .generate import add_history_opts

    add_history_opts(p)  # the split and the months follow the client's history, as in the kit
    p.set_defaults(func=cmd_plan)


def cmd_plan(args: argparse.Namespace) -> int:
    from .. import catalog
    from ..engine.select import select
    from ..kit.plan_table import plan_table, render_text

    library = library_from(args)
    answers = answers_from(args, library)
    from .generate import _history

    history = _history(args, answers, library, None)
    selection = select(answers, library, language=args.lang, history=history)
    lang = selection.client.language
    names = {k: v.name.get(lang) for k, v in library.platforms.items()}
    blocks = []
    for g in selection.goals:
        table = plan_table(g, names, lang, answers.client.currency, selection.baselines,
                           answers.scope.start)
        if table is not None:
            blocks.append(render_text(g, table, f"{g.name.get(lang)} · "
                                      f"{catalog.text(lang, 'plans.doc.heading')}"))
    margin = next((k for r in selection.roles for k in r.kpis
                   if k.kpi == "contribution_margin"
                   and any(g.kpi == "net_margin" for g in selection.goals)), None)
    if margin is not None:
        from .. import fmt

        name = margin.name.get(lang)
        if margin.targets:
            t = margin.targets[0]
            blocks.append(f"{name}{catalog.text(lang, 'punct.colon')}"
                          f"{fmt.target(t, margin.unit, lang)} ({t.source})")
        else:
            blocks.append(f"{name}{catalog.text(lang, 'punct.colon')}"
                          f"{catalog.text(lang, 'plans.margin.open')}")
    if not blocks:
        blocks.append(catalog.text(lang, "plans.doc.none"))
    print("\n\n".join(blocks))
    return EXIT_OK
