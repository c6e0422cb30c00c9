"""A platform's own measures: each marketplace judges the store by its own numbers, and a
role that should watch them and does not leaves that scorecard unwatched."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..findings import Finding, Where


def check_platform_measures(c: Context) -> Iterator[Finding]:
    """A role that should carry a platform's own measure and does not (the client excluded
    them, or the library has none for the role): the platform's scorecard goes unwatched."""
    for r in c.selection.roles:
        for g in r.platform_gaps:
            kpis = c.join([c.kpi(k) for k in g.kpis])
            yield c.finding("platform-measure-missing", "warning", Where(role_key=r.key),
                            role=c.role_ref(r), name=c.platform(g.platform),
                            why=c.text(f"platform_gap.{g.why}", kpis=kpis))
