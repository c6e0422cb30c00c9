"""Data sources and dashboards (pitfalls 3 and 9)."""

from __future__ import annotations

from collections.abc import Iterator

from ...engine.sources import available_systems
from ..context import Context
from ..findings import Finding, Where


def check_data(c: Context) -> Iterator[Finding]:
    have = available_systems(c.answers)
    for r in c.selection.roles:
        for k in r.kpis:
            lib = c.library.kpis.get(k.kpi)
            if lib is None:
                continue
            systems = sorted({d.system for d in lib.data_sources})
            where = Where(role_key=r.key, kpi=k.kpi)
            if not set(systems) & have:
                need = c.join([s.upper() if len(s) <= 3 else s for s in systems])
                yield c.finding("data-source-unavailable", "warning", where, pitfall=3,
                                role=c.role_ref(r), name=c.kpi(k.kpi), need=need)
            elif k.data_system == "manual":
                yield c.finding("data-source-manual", "info", where, pitfall=3,
                                role=c.role_ref(r), name=c.kpi(k.kpi))
    s = c.answers.systems
    n_platforms = len(c.answers.platforms)
    if s.erp == "none":
        many = n_platforms >= 2
        yield c.finding("no-erp", "warning" if many else "info", pitfall=3,
                        scenario=3 if many else None,
                        many=c.text("many_platforms", n=n_platforms) if many else "")
    if s.bi in ("none", "spreadsheet"):
        manual = s.erp == "none"
        yield c.finding("no-dashboard", "warning" if manual else "info", pitfall=9,
                        tool=c.text("no_bi" if s.bi == "none" else "only_spreadsheets"),
                        manual=c.text("no_erp_either") if manual else "")
