"""A goal's cascade as a table, in the kit's language: the company row, then each platform's
share and each of its sites', period by period, a partial period named by its days. The KPI
system document (view.py) and `linkstar plan` print the same table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import catalog, fmt
from ..engine.models import BaselineFact, GoalSelection, PlanPeriod
from ..periods import PeriodShare, share_label


def period_label(p: PlanPeriod, frequency: str, lang: str) -> str:
    """`2027-04, 3 days` for a partial period, `2027-02` for a whole one."""
    return share_label(frequency, PeriodShare((p.start, p.end), p.days, p.full_days, 0.0), lang)


def plan_list(plan: list[PlanPeriod], frequency: str, unit: str, lang: str,
              currency: str) -> list[dict[str, str]]:
    return [{"period": period_label(p, frequency, lang),
             "value": fmt.value(p.value, unit, lang, currency)} for p in plan]


def plan_table(g: GoalSelection, platform_names: dict[str, str], lang: str, currency: str,
               baselines: list[BaselineFact] | None = None, start: dt.date | None = None
               ) -> dict[str, Any] | None:
    """The table of a `sum` goal's cascade (None for a goal without one). With the
    selection's history `baselines` and the scope's `start`, a baseline the engine filled in
    from the history says where it comes from."""
    from ..season import load_calendar

    c = g.cascade
    if c is None:
        return None

    def money(v: float) -> str:
        return fmt.value(v, g.unit, lang, currency)

    def share(v: float) -> str:
        return fmt.value(v, "ratio", lang, currency)

    rows = [{"name": catalog.text(lang, "plans.doc.company"),
             "values": [money(p.value) for p in c.plan], "total": money(g.target)}]
    for p in c.platforms:
        name = platform_names.get(p.platform, p.platform)
        if len(c.platforms) > 1:
            rows.append({"name": catalog.text(lang, "punct.paren", text=name,
                                              inner=share(p.share)),
                         "values": [money(x.value) for x in p.plan], "total": money(p.total)})
        rows += [{"name": catalog.text(lang, "punct.paren", text=f"{name} {s.site}",
                                       inner=share(s.share)),
                  "values": [money(x.value) for x in s.plan], "total": money(s.total)}
                 for s in p.sites]
    heads = [period_label(p, c.frequency, lang) for p in c.plan]
    partial = [h for h, p in zip(heads, c.plan, strict=True) if p.days < p.full_days]
    names = {e.id: e.name.get(lang, e.id) for e in load_calendar().events}
    sep = catalog.text(lang, "punct.list")
    notes = [catalog.text(lang, "plans.doc.split", text=catalog.text(lang, f"plans.split.{c.split}")),
             catalog.text(lang, "plans.doc.curve", text=catalog.text(lang, f"plans.curve.{c.curve}"))]
    if c.events:
        notes.append(catalog.text(lang, "plans.doc.events",
                                  events=sep.join(names.get(e, e) for e in c.events)))
    if partial:
        notes.append(catalog.text(lang, "plans.doc.partial",
                                  periods=catalog.text(lang, "punct.semicolon").join(partial)))
    if g.baseline is not None:
        notes.append(_baseline_note(g, c.frequency, lang, money, baselines or [], start))
    return {"periods": heads, "rows": rows, "notes": notes,
            # one paragraph: sentences spaced in English, run on in Chinese (。 ends them)
            "notes_text": catalog.text(lang, "plans.doc.sentence_gap").join(notes),
            "total_label": catalog.text(lang, "plans.doc.total")}


def render_text(g: GoalSelection, table: dict[str, Any], name: str) -> str:
    """The table as aligned plain text, for the terminal."""
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)

    head = ["", *table["periods"], table["total_label"]]
    body = [[r["name"], *r["values"], r["total"]] for r in table["rows"]]
    widths = [max(width(row[i]) for row in [head, *body]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        out = [cells[0] + " " * (widths[0] - width(cells[0]))]
        out += [" " * (w - width(x)) + x for x, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join(out).rstrip()

    return "\n".join([name, line(head), *(line(r) for r in body), *table["notes"]])


def _baseline_note(g: GoalSelection, frequency: str, lang: str, money: Any,
                   baselines: list[BaselineFact], start: dt.date | None) -> str:
    """`Baseline 276,653.15 -> goal 400,000`, and, when the engine took it from the history
    (engine/select.py), the recent actual per period it was made from."""
    from ..plans import history_total, span_periods

    assert g.baseline is not None
    fact = next((b for b in baselines if b.kpi == g.kpi and b.platform is None
                 and b.site is None), None)
    if fact is not None and start is not None:
        by = dt.date.fromisoformat(g.by)
        if history_total(fact.value, frequency, start, by) == g.baseline:
            n = span_periods(frequency, start, by)
            return catalog.text(lang, "plans.doc.baseline_history", baseline=money(g.baseline),
                                target=money(g.target), per=money(fact.value),
                                every=catalog.text(lang, f"plans.doc.every.{frequency}"),
                                start=fact.start, end=fact.end, n=f"{n:.3g}",
                                periods=catalog.text(lang, f"plans.doc.periods.{frequency}"))
    return catalog.text(lang, "plans.doc.baseline", baseline=money(g.baseline),
                        target=money(g.target))
