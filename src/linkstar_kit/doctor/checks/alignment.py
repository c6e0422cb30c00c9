"""Alignment with the level above: every role's KPIs drive a company goal (FAQ)."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..findings import Finding, Where


def _official_for_client(c: Context, kid: str) -> bool:
    kpi = c.library.kpis.get(kid)
    if kpi is None:
        return False
    mine = set(c.answers.platform_ids())
    return any(t.kind == "official" and (t.platform is None or t.platform in mine)
               for t in kpi.targets)


def _same_outcome(c: Context, kid: str, goals: set[str]) -> bool:
    """A goal feeds this KPI directly and both pull the same way (GMV -> GMV growth, gross
    margin -> net margin): it measures the goal's outcome from another angle."""
    kpi = c.library.kpis.get(kid)
    if kpi is None:
        return False
    for g in goals:
        goal = c.library.kpis.get(g)
        if goal is not None and kid in goal.drives and goal.balance == kpi.balance:
            return True
    return False


def aligned(c: Context, kid: str, _seen: frozenset[str] = frozenset()) -> bool:
    """A KPI is a goal, carries an official threshold, or drives (transitively) one that does."""
    if kid in c._aligned:
        return c._aligned[kid]
    goals = {g.kpi for g in c.answers.goals}
    kpi = c.library.kpis.get(kid)
    if kid in goals or _official_for_client(c, kid) or _same_outcome(c, kid, goals):
        c._aligned[kid] = True
        return True
    drives = kpi.drives if kpi is not None else []
    result = any(d not in _seen and aligned(c, d, _seen | {kid}) for d in drives)
    if result or not _seen:  # a "no" inside a cycle may be partial: keep only final answers
        c._aligned[kid] = result
    return result


def check_alignment(c: Context) -> Iterator[Finding]:
    goals = c.join([c.kpi(g.kpi) for g in c.answers.goals])
    for r in c.selection.roles:
        # a platform's own measure kept for the role (account health, the platform's lines)
        # is a condition of every goal, like an official line; so is a KPI a library rule
        # puts on the role (the method's pair, a platform's requirement), with its reason
        direct = {k.kpi for k in r.kpis
                  if aligned(c, k.kpi) or any(t.kind == "official" for t in k.targets)
                  or any(x.effect in ("platform", "include") for x in k.reasons)}
        guards = {g for k in r.kpis if k.kpi in direct for g in k.counter}
        loose = [k.kpi for k in r.kpis if k.kpi not in direct and k.kpi not in guards]
        if len(loose) >= 2 and len(loose) == len(r.kpis):
            yield c.finding("role-drives-no-goal", "warning", Where(role_key=r.key),
                            role=c.role_ref(r), names=c.join([c.kpi(k) for k in loose]),
                            goals=goals)
            continue
        for kid in loose:
            yield c.finding("kpi-drives-no-goal", "warning", Where(role_key=r.key, kpi=kid),
                            role=c.role_ref(r), name=c.kpi(kid), goals=goals)
