"""The client's facts that decide whether a piece of advice fits (library/applicability.py
`Fit`): each platform's channel, the sale events that fall inside the scope in the regions of
each platform's sites, and the client's ERP."""

from __future__ import annotations

import re

from ..answers.models import Answers
from ..library.applicability import Fit
from ..library.loader import Library
from ..periods import goal_span

OWN_STORE_REGIONS = ("north_america", "europe")
_GLOSS = re.compile(r"\s*[（(][^（）()]*[）)]$")


def named_events(library: Library) -> set[str]:
    """The sale events the library's actions and rule notes are tagged with."""
    out: set[str] = set()
    for k in library.kpis.values():
        for a in k.actions:
            out.update(a.events or ())
    for r in library.rules:
        for effect in r.rule.then:
            out.update(getattr(effect, "events", None) or ())
    for role in library.roles.values():
        for m in role.missions:
            out.update(m.events or ())
    return out


def client_fit(answers: Answers, library: Library, lang: str) -> Fit:
    from ..season import SaleCalendar, load_calendar

    first, last = goal_span(answers.scope.start, answers.scope.horizon)
    full = load_calendar()  # the shipped calendar (a house library may carry its own later)
    # Only the events some advice names: dating the others (Ramadan from the holidays
    # package takes most of a second) would slow every kit for nothing.
    wanted = named_events(library)
    cal = SaleCalendar(full.regions, tuple(e for e in full.events if e.id in wanted))
    events: dict[str, dict[str, str]] = {}
    # A platform with no sites (an own store) sells where the client's marketplaces do; with
    # none, to North America and Europe, where cross-border own stores mostly sell.
    elsewhere = cal.regions_of(s for p in answers.platforms for s in p.sites) or set(OWN_STORE_REGIONS)
    for p in answers.platforms:
        regions = cal.regions_of(p.sites) if p.sites else elsewhere
        found: dict[str, str] = {}
        for occ in cal.occurrences(first, last, regions=regions, platforms=[p.id]):
            name = occ.event.name.get(lang) or occ.event.name["en"]
            # "Payday sales (25th to month end)": in a list, the name without its gloss
            found.setdefault(occ.event.id, _GLOSS.sub("", name))
        events[p.id] = found
    channels = {pid: pl.channel for pid, pl in library.platforms.items()}
    return Fit(channels=channels, events=events, erp=answers.systems.erp)
