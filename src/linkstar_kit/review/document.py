"""The review document: the meeting's agenda (kit/agendas.py, the cadence's timeboxed items)
filled in with the period's numbers.

Each block of numbers goes under the agenda item that deals with it (anomalies under "annotate
before judging", the input measures under the inputs scorecard, the issues under the
problem-solving block ...); a block whose item this cadence has not is added after the agenda,
so nothing computed is left out. Text the client typed (titles, annotations) goes through
fmt.md_text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .. import fmt
from ..kit.agendas import Agenda
from ..pacing import AT_RISK, period_target
from ..rag import NEAR_MISS
from ..store.tracking import ALL, Tracked
from . import model as m
from .model import KpiRow, Review

# Blocks of numbers, and the agenda items that take them (the first one the cadence has).
PLACES: dict[str, tuple[str, ...]] = {
    "carried": ("account", "last_fixes"),
    "anomalies": ("annotate", "causes", "results"),
    "data": ("data_check",),
    "lead": ("inputs", "results"),
    "lag": ("outputs", "results"),
    "goals": ("goals", "outputs"),
    "issues": ("ids", "fixes"),
    "suggestions": ("fit",),
    # what the last meetings recorded (minutes.py), in the Level 10 order: the to-dos, the
    # headlines, then the issues list
    "headlines": ("headlines", "segue", "last_fixes", "voice"),
    "todos": ("account", "last_fixes", "priorities"),
    "priorities": ("priorities", "goals"),
    "decisions": ("ids", "fixes", "priorities"),
}
BLOCKS = ("headlines", "todos", "carried", "anomalies", "data", "lead", "lag", "goals",
          "priorities", "issues", "decisions", "suggestions")
SPARK = "▁▂▃▄▅▆▇█"


def inline_paren(lang: str, inner: str) -> str:
    """` (Amazon)` after a name: the catalog's brackets, with the space English puts before."""
    from .. import catalog

    text = catalog.text(lang, "punct.paren", text="", inner=inner)
    return text if lang == "zh" else " " + text.lstrip()


def sparkline(values: list[float | None]) -> str:
    """The trend as text (the Markdown's chart): one block per period, a space where missing."""
    got = [v for v in values if v is not None]
    if not got:
        return ""
    lo, hi = min(got), max(got)
    out = []
    for v in values:
        if v is None:
            out.append("·")
        else:
            i = 0 if hi == lo else round((v - lo) / (hi - lo) * (len(SPARK) - 1))
            out.append(SPARK[i])
    return "".join(out)


class Writer:
    def __init__(self, review: Review, agenda: Agenda | None, tx: dict[str, Any],
                 platform_name: Callable[[str], str], currency: str, client: str,
                 kinds: dict[str, str], chart: Callable[[int, KpiRow], str] | None = None
                 ) -> None:
        self.r, self.agenda, self.tx = review, agenda, tx
        self.lang = review.lang
        self.platform_name, self.currency, self.client = platform_name, currency, client
        self.kinds = kinds  # kpi id -> lead | lag
        self.chart = chart
        self.index = {k.key: i for i, k in enumerate(review.kpis)}
        self.formulas: dict[str, str] = {}  # a KPI's `compute` (a rate goal's note), by run.py

    # --- words and numbers ------------------------------------------------------------------
    def v(self, value: float | None, unit: str) -> str:
        return "—" if value is None else fmt.value(value, unit, self.lang, self.currency)

    def target(self, t: Tracked, start: dt.date | None = None) -> str:
        if t.target is None:
            return self.tx["status"]["no_target"]
        shown = period_target(t.target, start) if start is not None else t.target
        if shown is None:  # a cascaded target past its goal's `by`: no plan to judge by
            return self.tx["status"]["no_target"]
        return fmt.target(shown, t.unit, self.lang, self.currency)

    def section(self, b: str) -> str:
        return self.tx["section"].get(b) or self.tx["m"]["section"][b]

    def chart_alt(self, k: KpiRow) -> str:
        """The chart's alt text: the KPI, then its values oldest first."""
        values = ", ".join(self.v(v, k.t.unit) for v in k.trend)
        return f"{k.t.title(self.lang)}{self.plat(k.t, True)}: {values}"

    def kpi(self, t: Tracked) -> str:
        return fmt.md_cell(t.title(self.lang))

    def plat(self, t: Tracked, inline: bool = False) -> str:
        if t.platform == ALL:
            return "" if inline else self.tx["all_platforms"]
        name = self.platform_name(t.place)
        if inline:
            return inline_paren(self.lang, name)
        return name

    def period_name(self) -> str:
        p = self.r.period
        f = self.tx["period"][p.kind]
        year, week, _ = p.start.isocalendar()
        return f.format(year=year if p.kind == "weekly" else p.start.year, week=week,
                        month=p.start.month, month_name=self.tx["months"][p.start.month - 1],
                        q=(p.start.month - 1) // 3 + 1)

    # --- blocks -----------------------------------------------------------------------------
    def kpi_table(self, rows: list[KpiRow]) -> list[str]:
        c = self.tx["col"]
        # a month's or a quarter's figure, with the latest of its own periods beside it
        latest = self.r.period.kind != "weekly" and any(k.periods > 1 for k in rows)
        head = [c["owner"], c["kpi"], c["platform"], c["value"],
                *([self.tx["m"]["col"]["latest"]] if latest else []), c["target"],
                c["status"], c["trend"], c["note"]]
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for k in rows:
            t = k.t
            status = self.tx["status"][k.status]
            if k.anomaly:
                status += f" · {self.tx['anomaly']}"
            chart = self.chart(self.index[k.key], k) if self.chart else sparkline(k.trend)
            last = []
            if latest:
                from .. import catalog
                from ..periods import label, period_of

                colon = catalog.text(self.lang, "punct.colon")
                last = [f"{label(t.frequency, period_of(t.frequency, k.period_start), self.lang)}"
                        f"{colon}{self.v(k.latest, t.unit)}" if k.periods > 1 else ""]
            out.append("| " + " | ".join([
                fmt.md_cell(t.role_title), self.kpi(t), fmt.md_cell(self.plat(t)),
                self.v(k.value, t.unit), *last,
                self.target(t, k.period_start if k.periods == 1 else None), status, chart,
                fmt.md_cell(k.annotation)]) + " |")
        return out

    def figure_notes(self, rows: list[KpiRow]) -> list[str]:
        """How a rate over several own periods was taken (model.kpi_row), one line a method,
        for the rates the library has a formula for (the others are always a mean)."""
        from .. import catalog

        out = []
        noted = [k for k in rows if k.method is not None and self.formulas.get(k.t.kpi)]
        for method, freq in dict.fromkeys((k.method, k.t.frequency) for k in noted):
            names = dict.fromkeys(k.t.title(self.lang) for k in noted
                                  if (k.method, k.t.frequency) == (method, freq))
            out += ["", self.tx["figure_method"][method].format(
                kpis=fmt.md_text(catalog.text(self.lang, "punct.list").join(names)),
                frequency=self.tx["frequency_word"][freq])]
        return out

    def block(self, name: str) -> list[str]:
        r, tx, c, mt = self.r, self.tx, self.tx["col"], self.tx["m"]
        if name in ("lead", "lag"):
            rows = [k for k in r.kpis if self.kinds.get(k.t.kpi, "lag") == name]
            return self.kpi_table(rows) + self.figure_notes(rows) if rows else [tx["none"][name]]
        if name == "anomalies":
            rows = [k for k in r.kpis if k.anomaly]
            if not rows:
                return [tx["none"]["anomalies"]]
            out = [f"| {c['owner']} | {c['kpi']} | {c['value']} | {c['median']} | "
                   f"{c['annotation']} |", "|---|---|---|---|---|"]
            for k in rows:
                note = fmt.md_cell(k.annotation) if k.annotation else f"**{tx['no_note']}**"
                out.append(f"| {fmt.md_cell(k.t.role_title)} | {self.kpi(k.t)}"
                           f"{fmt.md_cell(self.plat(k.t, True))} | {self.v(k.value, k.t.unit)} | "
                           f"{self.v(k.median, k.t.unit)} | {note} |")
            return out
        if name == "data":
            rows = [k for k in r.kpis if k.status == "no_data"]
            if not rows:
                return [tx["none"]["data"]]
            return ["- " + tx["missing_data"].format(
                owner=fmt.md_text(k.t.role_title), kpi=fmt.md_text(k.t.title(self.lang)),
                platform=fmt.md_text(self.plat(k.t, True))) for k in rows]
        if name == "goals":
            if not r.goals:
                return [tx["none"]["goals"]]
            out = [f"| {c['goal']} | {c['target']} | {c['by']} | {mt['col']['as_of']} | "
                   f"{c['actual']} | {c['plan']} | {c['status']} |",
                   "|---|---|---|---|---|---|---|"]
            for g in r.goals:
                as_of = g.as_of.isoformat() if g.as_of else "—"
                out.append(f"| {self.kpi(g.t)} | {self.target(g.t)} | {g.by.isoformat()} | "
                           f"{as_of} | {self.v(g.actual, g.t.unit)} | "
                           f"{self.v(g.plan, g.t.unit)} | {tx['status'][g.status]} |")
            out += ["", tx["goals_note"].format(near=f"{AT_RISK:.0%}")]
            # a rate's actual to date: said how it was taken (pacing.paced)
            for g in r.goals:
                if g.method is None or g.actual is None:
                    continue
                formula = self.formulas.get(g.t.kpi, "")
                key = g.method if formula or g.method != "mean" else "mean_no_formula"
                out += ["", tx["goals_to_date"][key].format(
                    kpi=fmt.md_text(g.t.title(self.lang)), formula=f"`{formula}`",
                    since=g.since.isoformat() if g.since else "",
                    as_of=g.as_of.isoformat() if g.as_of else "", n=g.periods)]
            return out
        if name == "issues":
            if not r.issues:
                return [tx["none"]["issues"], "", mt["minutes_note"]]
            out = [f"| # | {c['owner']} | {c['kpi']} | {c['why']} | {c['since']} | "
                   f"{mt['col']['decision']} |", "|---|---|---|---|---|---|"]
            for i, iss in enumerate(r.issues, 1):
                since = iss.opened_in + (f" ({tx['carried']})" if iss.carried_over else "")
                if iss.raised_by == "team":
                    since = f"{iss.opened_in} ({mt['team']})"
                out.append(f"| {i} | {fmt.md_cell(iss.owner)} | {self._kpi_name(iss)} | "
                           f"{fmt.md_cell(iss.why)} | {since} | {fmt.md_cell(iss.decision)} |")
            return [*out, "", mt["minutes_note"]]
        if name == "carried":
            carried = [i for i in r.issues if i.carried_over and i.raised_by == "review"]
            if self.previous is None:
                # the first review of its cadence: nothing carried; issues the team closed at
                # earlier meetings (of another cadence) are still listed once
                if not r.closed:
                    return [tx["none"]["carried"]]
                out = [tx["carried_first"].format(cadence=tx["cadence"][r.period.kind],
                                                  closed=len(r.closed))]
            else:
                out = [tx["carried_summary"].format(previous=self.previous, open=len(carried),
                                                    closed=len(r.closed))]
            out += ["", *("- " + self.closed_line(i) for i in r.closed)]
            return out
        if name in ("todos", "headlines", "priorities", "decisions"):
            return self.record_block(name)
        if name == "suggestions":
            if not r.suggestions:
                return [tx["none"]["suggestions"]]
            out = [f"| {c['owner']} | {c['kpi']} | {c['suggestion']} | {c['why']} |",
                   "|---|---|---|---|"]
            for s in r.suggestions:
                k = r.kpis[self.index[s.key]]
                out.append(f"| {fmt.md_cell(k.t.role_title)} | {self.kpi(k.t)}"
                           f"{fmt.md_cell(self.plat(k.t, True))} | "
                           f"{tx['suggest_kind'][s.kind]} | {fmt.md_cell(s.why)} |")
            return [*out, "", tx["proposed_note"]]
        raise KeyError(name)

    previous: str | None = None

    def closed_line(self, i: m.Issue) -> str:
        mt = self.tx["m"]
        reason = mt["closed_reason"].get(i.status, mt["closed_reason"]["closed"])
        if i.decision:
            reason = mt["decision_line"].format(reason=reason, decision=i.decision)
        kpi = self._kpi_name(i) if i.raised_by == "review" else fmt.md_text(i.why)
        return mt["closed_line"].format(owner=fmt.md_text(i.owner), kpi=kpi,
                                        kind=mt["kind"][i.kind], reason=fmt.md_text(reason))

    def record_block(self, name: str) -> list[str]:
        """What earlier meetings recorded in their minutes (minutes.py)."""
        from ..periods import quarter_start
        from .minutes import CLOSING, Record, order_key

        rec: Record = self.r.record or Record()
        mt, p = self.tx["m"], self.r.period
        col = mt["col"]
        if name == "headlines":
            if not rec.headlines:
                return [mt["none"]["headlines"]]
            return [f"- {fmt.md_text(h.text)}" + (f" ({fmt.md_text(h.owner)})" if h.owner else "")
                    for h in rec.headlines]
        if name == "priorities":
            if not rec.priorities:
                return [mt["none"]["priorities"]]
            out = [f"| {self.tx['col']['owner']} | {col['priority']} | {col['state']} |",
                   "|---|---|---|"]
            out += [f"| {fmt.md_cell(n.owner)} | {fmt.md_cell(n.text)} | "
                    f"{mt['on_track'] if n.on_track else mt['off_track']} |"
                    for n in rec.priorities]
            return out
        if name == "decisions":
            q = quarter_start(p.end)
            ends = {mm.period.id: mm.period.end for mm in rec.minutes}
            rows = [d for d in rec.decisions if ends[d.review_id] >= q]
            if not rows:
                return [mt["none"]["decisions"]]
            out = [f"| {col['recorded']} | {col['issue']} | {col['decision']} | {col['state']} |",
                   "|---|---|---|---|"]
            names = {i.id: i for i in (*self.r.issues, *self.r.closed)}
            for k in self.r.kpis:  # issues closed before this review: named by their KPI
                for kind in ("red", "anomaly"):
                    one = m.Issue(*k.key, kind, k.t.role_title, "", "")
                    names.setdefault(one.id, one)
            for ti in rec.team.values():
                names.setdefault(ti.id, m.Issue("", ti.kpi, "", "team", ti.owner, ti.text,
                                                ti.raised_in, raised_by="team", team_id=ti.id))
            for d in rows:
                state = (mt["closed_reason"][d.status] if d.status in CLOSING
                         else mt["still_open"])
                found = names.get(d.issue_id)
                name = (fmt.md_cell(d.issue_id) if found is None else
                        f"{fmt.md_cell(found.owner)} · {self._kpi_name(found)}"
                        if found.raised_by == "review" else fmt.md_cell(found.why))
                out.append(f"| {d.review_id} | {name} | "
                           f"{fmt.md_cell(d.decision) or '—'} | {state} |")
            return out
        # to-dos: how the last meeting did, then every to-do still open, then those done at
        # meetings since the last review of this cadence
        out = []
        done = rec.completion()
        if done is not None and rec.last is not None:
            out += [mt["completion"].format(review=rec.last.period.id, done=done[0], of=done[1],
                                            rate=f"{done[0] / done[1]:.0%}"), ""]
        else:
            out += [mt["no_completion"], ""]
        prev = next((mm for mm in reversed(rec.minutes) if mm.period.id == self.previous), None)
        since = order_key(prev.period) if prev else None
        order = {mm.period.id: order_key(mm.period) for mm in rec.minutes}
        shown = [t for t in rec.todos.values() if t.done_in is None
                 or (since is None or order[t.done_in] > since)]
        if not shown:
            return [*out, mt["none"]["todos"]]
        out += [f"| {col['todo']} | {self.tx['col']['owner']} | {col['due']} | {col['raised']} | "
                f"{col['state']} |", "|---|---|---|---|---|"]
        for t in shown:
            st = t.status(p)
            state = mt["todo_status"][st]
            if st == "overdue":
                state = f"**{state}**"
            out.append(f"| {fmt.md_cell(t.text)} | {fmt.md_cell(t.owner)} | "
                       f"{t.due.isoformat() if t.due else '—'} | {t.raised_in} | {state} |")
        return [*out, "", mt["todos_note"].format(end=p.end.isoformat())]

    def _kpi_name(self, iss: m.Issue) -> str:
        i = self.index.get((iss.role_key, iss.kpi, iss.platform))
        if i is None and iss.raised_by == "team":
            found = next((k for k in self.r.kpis if k.t.kpi == iss.kpi), None)
            return self.kpi(found.t) if found else (fmt.md_cell(iss.kpi) or "—")
        if i is None:
            return fmt.md_cell(iss.kpi)
        t = self.r.kpis[i].t
        return self.kpi(t) + fmt.md_cell(self.plat(t, True))

    # --- the document -------------------------------------------------------------------------
    def markdown(self) -> str:
        r, tx, c = self.r, self.tx, self.tx["col"]
        p = r.period
        blocks = [b for b in BLOCKS if b != "suggestions" or p.kind == "quarterly"]
        span = tx["span"].format(start=p.start.isoformat(), end=p.end.isoformat())
        lines = [f"# {tx['title'][p.kind]} · {self.period_name()} ({p.id})", ""]
        a = self.agenda
        if a is not None:
            lines += [tx["meta"].format(client=fmt.md_text(self.client), span=span,
                                        when=fmt.md_text(a.when), minutes=a.minutes,
                                        chair=fmt.md_text(a.chair)), ""]
        else:
            lines += [f"{fmt.md_text(self.client)} · {span}", ""]
        if r.corrected:
            lines += [f"> {tx['m']['corrected']}", ""]
        lines += [f"## {tx['how_title']}", ""]
        lines += ["- " + h.format(period=self.period_name(), near=f"{NEAR_MISS:.0%}",
                                  min=m.MIN_HISTORY, z=m.ANOMALY_Z,
                                  cadence=tx["cadence"][p.kind]) for h in tx["how"]]
        lines.append("")
        placed: dict[str, list[str]] = {}
        keys = [it.key for it in a.items] if a else []
        for b in blocks:
            home = next((k for k in PLACES[b] if k in keys), None)
            if home is not None:
                placed.setdefault(home, []).append(b)
        if a is not None:
            lines += [f"## {tx['agenda']}", "",
                      f"| {c['time']} | {c['min']} | {c['item']} | {c['owner']} |",
                      "|---|---|---|---|"]
            for it in a.items:
                lines.append(f"| {it.start}–{it.end} | {it.minutes} | {fmt.md_cell(it.title)} | "
                             f"{fmt.md_cell(a.owner_short(it, self.lang))} |")
            lines.append("")
            for n, it in enumerate(a.items, 1):
                lines += [f"## {n}. {fmt.md_text(it.title)} ({it.start}–{it.end}, {it.minutes} "
                          f"{tx['minutes']})", "",
                          f"*{fmt.md_text(a.owner_short(it, self.lang))}* · "
                          f"{fmt.md_text(it.guide)}", ""]
                if not placed.get(it.key) and it.points:
                    # the item's own list (the paired measures, the quarter's reset
                    # candidates ...), as the kit's agenda has it
                    from .. import catalog

                    colon = catalog.text(self.lang, "punct.colon")
                    lines += [f"- **{fmt.md_text(pt.who)}**{colon}{fmt.md_text(pt.text)}"
                              for pt in it.points]
                    lines.append("")
                for b in placed.get(it.key, []):
                    lines += [f"### {self.section(b)}", "", *self.block(b), ""]
        done = {b for bs in placed.values() for b in bs}
        for b in blocks:
            if b not in done:
                lines += [f"## {self.section(b)}", "", *self.block(b), ""]
        return "\n".join(lines).rstrip("\n") + "\n"
