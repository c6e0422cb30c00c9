"""Resolve a selected KPI's targets: company goal > a target derived from a goal > rule
overrides > library (site, platform, default). A platform-bound role gets one target per
platform it covers; a cross-business role gets one target unless the platforms' published
thresholds differ.

Where a platform's rule differs by site (TikTok Shop US vs Southeast Asia, Walmart US vs CA),
the role gets one target per group of its sites, each naming its sites: the sites a
site-scoped target covers form a group, and the sites none covers fall back to the
platform-wide (or default) target as a group of their own, so a team selling on several sites
never loses a target.

Goals cascade into numbers where the arithmetic is known (`derived_from` names the goal):
- a role carrying a goal's own KPI that adds up over periods (aggregation `sum`: GMV, orders)
  gets the goal's plan per period: a quarterly GMV of 1,200,000 is >= 400,000 a month;
- contribution margin under a net-margin goal: net margin = contribution margin - overheads
  (operating expenses / revenue), and overheads are not negative, so the contribution margin
  must reach at least the net-margin goal, plus the operating-expense goal when there is one.

A target resting on a platform's official line records it (`line`): past it is red.
"""

from __future__ import annotations

import datetime as dt

from .. import catalog
from ..answers.models import Answers, Goal
from ..library.models import Kpi, SetTarget, Target, Text, source_text
from ..periods import periods
from .models import Line, ResolvedTarget

_LOWER = ("<", "<=")
_HIGHER = (">", ">=")


def _from_library(t: Target, platform: str | None, lang: str,
                  sites: list[str] | None = None) -> ResolvedTarget:
    return ResolvedTarget(platform=platform, sites=sites, op=t.op,
                          value=list(t.value) if isinstance(t.value, tuple) else t.value,
                          kind=t.kind, source=source_text(t.source, lang), as_of=t.as_of.isoformat(),
                          window=source_text(t.window, lang) if t.window else None, url=t.url)


def _from_rule(rule_id: str, st: SetTarget, platform: str | None, lang: str,
               sites: list[str] | None = None) -> ResolvedTarget:
    return ResolvedTarget(platform=platform, sites=sites, op=st.op,
                          value=list(st.value) if isinstance(st.value, tuple) else st.value,
                          kind=st.kind, source=catalog.text(lang, "selection.rule_source",
                                              source=source_text(st.source, lang), rule=rule_id),
                          as_of=st.as_of.isoformat())


def stricter(a: ResolvedTarget, b: ResolvedTarget) -> ResolvedTarget:
    """The harder of two targets of the same direction; `b` when they cannot be compared."""
    if isinstance(a.value, list) or isinstance(b.value, list):
        return b
    if a.op in _LOWER and b.op in _LOWER:  # lower ceiling wins; at a tie, `<` beats `<=`
        return a if (a.value, a.op == "<=") < (b.value, b.op == "<=") else b
    if a.op in _HIGHER and b.op in _HIGHER:  # higher floor wins; at a tie, `>` beats `>=`
        return a if (a.value, a.op == ">") > (b.value, b.op == ">") else b
    return b


def _fallback_target(kpi: Kpi, platform: str | None) -> Target | None:
    """The platform-wide target, else the default one."""
    if platform is not None:
        for t in kpi.targets:
            if t.platform == platform and not t.sites:
                return t
    for t in kpi.targets:
        if t.platform is None and not t.sites:
            return t
    return None


def library_target_for(kpi: Kpi, platform: str | None, lang: str = "en"
                       ) -> ResolvedTarget | None:
    """The library's own target of `kpi` on `platform` (None: the default), its official line
    recorded: what a counter metric watched beside a KPI must hold."""
    lib = _fallback_target(kpi, platform)
    if lib is None or (platform is not None and lib.platform != platform):
        return None if platform is not None else (_with_line(_from_library(lib, None, lang))
                                                  if lib else None)
    return _with_line(_from_library(lib, platform, lang))


def _with_line(t: ResolvedTarget) -> ResolvedTarget:
    if t.kind != "official":
        return t
    return t.model_copy(update={"line": Line(op=t.op, value=t.value)})


def goal_target(kpi: Kpi, goal: Goal, lang: str = "en") -> ResolvedTarget:
    """A company goal as a target: at least the goal for a KPI to raise, at most for one to
    lower; a goal on a keep-in-range KPI says which way to move by its baseline (30 -> 60 days
    of supply is `>= 60`; without a baseline, up)."""
    if kpi.direction == "range":
        up = goal.baseline is None or goal.target >= goal.baseline
        op = ">=" if up else "<="
    else:
        op = ">=" if kpi.direction == "higher" else "<="
    return ResolvedTarget(platform=None, op=op, value=goal.target, kind="goal",
                          source=catalog.text(lang, "labels.goal_source", by=goal.by.isoformat()))


def site_groups(kpi: Kpi, platform: str | None, sites: list[str]
                ) -> list[tuple[Target | None, list[str] | None]]:
    """The library's targets for the client's `sites` on `platform`, one per group of sites.

    A site-scoped target takes the client's sites it lists (in the client's order); the sites
    left over share the platform-wide or default target, named explicitly when a site-scoped
    target took the others. `None` as sites: the target holds for every site of the platform.
    Without any target, one group `(None, None)`, so rule overrides still have a place."""
    groups: list[tuple[Target | None, list[str] | None]] = []
    left = list(sites)
    if platform is not None:
        for t in kpi.targets:
            if t.platform == platform and t.sites:
                group = [s for s in left if s in t.sites]
                if group:
                    groups.append((t, group))
                    left = [s for s in left if s not in group]
    groups.sort(key=lambda g: sites.index(g[1][0]) if g[1] else 0)
    if not groups or left:
        fallback = _fallback_target(kpi, platform)
        if fallback is not None or not groups:
            groups.append((fallback, left if groups else None))
    return groups


def _amount(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def period_plan(kpi: Kpi, goal: Goal, start: dt.date) -> ResolvedTarget:
    """A `sum` goal as the target of one reporting period: the goal spread evenly over the
    periods of its span (pacing.py's plan)."""
    n = max(1, len(periods(kpi.frequency, start, max(goal.by, start))))
    base = goal_target(kpi, goal)
    return base.model_copy(update={
        "value": round(goal.target / n, 2),
        "source": f"Company goal {_amount(goal.target)} by {goal.by.isoformat()}, "
                  f"spread over {n} {kpi.frequency} periods",
        "derived_from": goal.kpi})


def derived_target(kpi: Kpi, answers: Answers) -> ResolvedTarget | None:
    """A target this KPI takes from a company goal by known arithmetic (module docstring)."""
    goals = {g.kpi: g for g in answers.goals}
    if kpi.id == "contribution_margin" and "net_margin" in goals:
        nm = goals["net_margin"]
        opex = goals.get("operating_expense_ratio")
        value = nm.target + (opex.target if opex else 0.0)
        why = (f"net-margin goal {nm.target:.4g} + operating-expense goal {opex.target:.4g}"
               if opex else f"net-margin goal {nm.target:.4g}; overheads come on top")
        return ResolvedTarget(platform=None, op=">=", value=round(value, 6), kind="goal",
                              source=f"Derived from the company goal, by {nm.by.isoformat()}: "
                                     f"contribution margin = net margin + overheads ({why})",
                              derived_from="net_margin")
    return None


def cascade_because(kpi: Kpi, target: ResolvedTarget) -> Text:
    """Why a derived target has its number, for the KPI's reasons (both languages)."""
    key = "spread" if target.derived_from == kpi.id else "margin"
    return Text(en=catalog.text("en", f"selection.cascade.{key}"),
                zh=catalog.text("zh", f"selection.cascade.{key}"))


def resolve_targets(kpi: Kpi, on_platforms: list[str], platform_bound: bool, answers: Answers,
                    overrides: list[tuple[str, SetTarget]], lang: str = "en"
                    ) -> list[ResolvedTarget]:
    goal = next((g for g in answers.goals if g.kpi == kpi.id), None)
    if goal is not None:
        if kpi.aggregation == "sum":
            return [period_plan(kpi, goal, answers.scope.start)]
        return [goal_target(kpi, goal, lang)]
    derived = derived_target(kpi, answers)
    if derived is not None:
        return [derived]
    specific = {t.platform for t in kpi.targets if t.platform} | {
        st.platform for _, st in overrides if st.platform}
    per_platform = (kpi.platforms is not None or platform_bound
                    or bool(specific & set(on_platforms)))
    sites = {p.id: list(p.sites) for p in answers.platforms}
    out: list[ResolvedTarget] = []
    for p in (on_platforms if per_platform else [None]):
        found: list[ResolvedTarget] = []
        mine = [st for _, st in overrides if st.platform in (None, p)]
        for lib, group in site_groups(kpi, p, sites.get(p, []) if p else []):
            current = _from_library(lib, p, lang, group) if lib else None
            for rule_id, st in overrides:
                if st.platform not in (None, p):
                    continue
                new = _from_rule(rule_id, st, p, lang, group)
                current = stricter(current, new) if (st.tighten and current) else new
            if current is not None:
                line = _official_line(lib, mine)
                if current.kind == "official":
                    line = Line(op=current.op, value=current.value)
                found.append(current.model_copy(update={"line": line}) if line else current)
        out.extend(_merge_groups(found))
    return out


def _official_line(lib: Target | None, overrides: list[SetTarget]) -> Line | None:
    """The platform's official line among the library target and the rules' targets for this
    platform (the last one set wins, as for the target itself)."""
    line = None
    for t in ([lib] if lib else []) + overrides:
        if t.kind == "official":
            line = Line(op=t.op, value=list(t.value) if isinstance(t.value, tuple) else t.value)
    return line


def _merge_groups(found: list[ResolvedTarget]) -> list[ResolvedTarget]:
    """Groups that ended with the same target (a rule's override replaced them all) are one
    group again; a single one left holds for every site, unless a site-scoped target of the
    library set it."""
    merged: list[ResolvedTarget] = []
    for t in found:
        same = next((m for m in merged if m.model_dump(exclude={"sites"})
                     == t.model_dump(exclude={"sites"})), None)
        if same is None:
            merged.append(t)
        elif same.sites is not None and t.sites is not None:
            merged[merged.index(same)] = same.model_copy(update={"sites": same.sites + t.sites})
    if len(merged) == 1 and len(found) > 1:
        merged[0] = merged[0].model_copy(update={"sites": None})
    return merged
