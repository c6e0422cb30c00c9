"""Each role's KPIs: 3-5 of them (pitfall 2), each with a path of real actions (pitfall 1)."""

from __future__ import annotations

from collections.abc import Iterator

from ...vocabulary import KPI_COUNT_RANGE, MAX_KPIS, MIN_KPIS
from ..context import Context
from ..findings import Finding, Where
from .placeholders import real_actions


def check_kpi_count(c: Context) -> Iterator[Finding]:
    for r in c.selection.roles:
        n = len(r.kpis)
        if MIN_KPIS <= n <= MAX_KPIS:
            continue
        yield c.finding("kpi-count", "warning", Where(role_key=r.key), pitfall=2,
                        text="kpi-count-low" if n < MIN_KPIS else "kpi-count-high",
                        role=c.role_ref(r), n=n, range=KPI_COUNT_RANGE, max=MAX_KPIS,
                        role_id=r.role)


def check_actions(c: Context) -> Iterator[Finding]:
    for r in c.selection.roles:
        for k in r.kpis:
            n = len(real_actions(k.actions))
            if n >= 2:
                continue
            yield c.finding("kpi-without-actions" if n == 0 else "kpi-few-actions",
                            "error" if n == 0 else "warning", Where(role_key=r.key, kpi=k.kpi),
                            pitfall=1, role=c.role_ref(r), name=c.kpi(k.kpi))
