"""Targets: official thresholds that may have changed (pitfall 5), targets still to set."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...periods import months_before
from ..context import Context
from ..findings import Finding, Where

STALE_MONTHS = 12


def check_stale_targets(c: Context) -> Iterator[Finding]:
    cutoff = months_before(c.today, STALE_MONTHS)
    seen: set[tuple[str, str | None]] = set()
    for r in c.selection.roles:
        for k in r.kpis:
            for t in k.targets:
                if t.kind != "official" or not t.as_of:
                    continue
                as_of = dt.date.fromisoformat(t.as_of)
                if as_of >= cutoff or (k.kpi, t.platform) in seen:
                    continue
                seen.add((k.kpi, t.platform))
                yield c.finding("official-target-stale", "warning", Where(kpi=k.kpi), pitfall=5,
                                platform=c.platform(t.platform), name=c.kpi(k.kpi),
                                as_of=t.as_of, months=STALE_MONTHS,
                                today=c.today.isoformat(), source=t.source)


def check_open_targets(c: Context) -> Iterator[Finding]:
    """KPIs nobody publishes a sound number for leave the library without a target: the
    client sets it from its own baseline. Say so per role, so kick-off has a to-do list."""
    for r in c.selection.roles:
        open_ = [k.kpi for k in r.kpis if not k.targets]
        if open_:
            yield c.finding("targets-to-set", "info", Where(role_key=r.key),
                            role=c.role_ref(r), names=c.join([c.kpi(k) for k in open_]))
