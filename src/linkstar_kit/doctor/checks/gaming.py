"""KPIs that can be gamed together (the article's scenario 2, "sales up, profit down")."""

from __future__ import annotations

from collections.abc import Iterator

from ...engine.select import COUNTER_MIN_FIT
from ..context import Context
from ..findings import Finding, Where

EFFICIENCY_SIDE = frozenset({"efficiency", "cash"})
VOLUME_SIDE = frozenset({"growth"})


def _balance(c: Context, kid: str) -> str | None:
    k = c.library.kpis.get(kid)
    return k.balance if k is not None else None


def check_gaming(c: Context) -> Iterator[Finding]:
    for r in c.selection.roles:
        if not r.kpis:
            continue
        balances = {k.balance for k in r.kpis}
        names = c.join([c.kpi(k.kpi) for k in r.kpis])
        if balances <= EFFICIENCY_SIDE:
            yield c.finding("role-efficiency-only", "warning", Where(role_key=r.key),
                            scenario=2, role=c.role_ref(r), names=names)
            continue
        if balances <= VOLUME_SIDE:
            yield c.finding("role-volume-only", "warning", Where(role_key=r.key),
                            scenario=2, role=c.role_ref(r), names=names)
            continue
        selected = {k.kpi for k in r.kpis}
        team_kpis = {k.kpi for other in c.selection.roles for k in other.kpis}
        for k in r.kpis:
            if not k.counter or set(k.counter) & selected:
                continue
            if any(k.kpi in o.counter for o in r.kpis if o.kpi != k.kpi):
                continue  # one half of a pair: the KPI it guards guards it in turn
            if set(k.counter) & team_kpis and not any(
                    c.library.kpis[g].roles.get(r.role, 0) >= COUNTER_MIN_FIT
                    for g in k.counter if g in c.library.kpis):
                continue  # the role cannot own the guard, and another role in the team holds it
            guard_balances = {_balance(c, g) for g in k.counter}
            if any(o.balance in guard_balances for o in r.kpis if o.kpi != k.kpi):
                continue
            guards = c.join([c.kpi(g) for g in k.counter])
            which = c.text("one_of", guards=guards) if len(k.counter) > 1 else guards
            yield c.finding("counter-not-selected", "warning", Where(role_key=r.key, kpi=k.kpi),
                            scenario=2, role=c.role_ref(r), name=c.kpi(k.kpi), guards=guards,
                            which=which)
