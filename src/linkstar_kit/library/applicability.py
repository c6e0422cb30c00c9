"""Whether a KPI can be held by a role entry at all, before any scoring.

A platform-only KPI (ODR is Amazon's) never applies to a role that does not cover that
platform; a fulfillment-bound KPI (IPI is FBA's) needs one of the role's platforms to use that
model. A platform listed without fulfillment models is treated as "any model", so nothing is
ruled out on a guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .models import Kpi, Role, Scoped, Text, excluded


def platforms_for(kpi: Kpi, role_platforms: Sequence[str],
                  fulfillment: Mapping[str, Sequence[str]]) -> list[str]:
    """The role's platforms on which `kpi` applies, in the role's order."""
    out = []
    for p in role_platforms:
        if kpi.platforms is not None and p not in kpi.platforms:
            continue
        if kpi.fulfillment is not None:
            models = fulfillment.get(p) or ()
            if models and not set(models) & set(kpi.fulfillment):
                continue
        if excluded(kpi.except_, p, fulfillment.get(p) or ()):
            continue
        out.append(p)
    return out


def applies(kpi: Kpi, role: str, role_platforms: Sequence[str],
            fulfillment: Mapping[str, Sequence[str]], *, require_role: bool = True) -> bool:
    """True when the role entry can hold `kpi` (it suits the role and one of its platforms)."""
    if require_role and role not in kpi.roles:
        return False
    return bool(platforms_for(kpi, role_platforms, fulfillment))


@dataclass(frozen=True)
class Fit:
    """What decides whether a piece of advice fits the client beyond platform, model and site:
    how many sites each platform runs, which platforms are marketplaces, which sale events fall
    inside the scope in each platform's regions (`events_in_scope`), and the client's ERP."""

    channels: Mapping[str, str] = field(default_factory=dict)   # platform -> channel
    events: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # platform -> {id: name}
    erp: str | None = None

    def admits(self, item: Scoped, platform: str, sites: Sequence[str]) -> bool:
        if item.min_sites is not None and len(sites) < item.min_sites:
            return False
        if item.channel is not None and self.channels.get(platform, "marketplace") != item.channel:
            return False
        if item.events is not None and not set(item.events) & set(self.events.get(platform, {})):
            return False
        return item.erp is None or self.erp is None or self.erp in item.erp

    def event_names(self, item: Scoped, on_platforms: Sequence[str], sep: str) -> str:
        """The names of the item's events that fall inside the scope on `on_platforms`, in
        date order of the calendar."""
        names: dict[str, None] = {}
        for p in on_platforms:
            for eid, name in self.events.get(p, {}).items():
                if eid in (item.events or ()):
                    names[name] = None
        return sep.join(names)


def text_applies(item: Scoped, on_platforms: Sequence[str],
                 fulfillment: Mapping[str, Sequence[str]], sites: Mapping[str, Sequence[str]],
                 fit: Fit | None = None) -> bool:
    """True when a tagged action or note concerns one of `on_platforms` as the client runs it
    (its fulfilment models and sites, and with `fit` its channel, site count, the sale events
    in its scope and the client's ERP); untagged text applies everywhere."""
    if item.neutral:
        return True
    return any(item.applies_on(p, fulfillment.get(p) or (), sites.get(p) or ())
               and (fit is None or fit.admits(item, p, sites.get(p) or ()))
               for p in on_platforms)



def mission_for(role: Role, role_platforms: Sequence[str],
                fulfillment: Mapping[str, Sequence[str]], sites: Mapping[str, Sequence[str]],
                fit: Fit | None = None) -> Text:
    """The role's mission as the client runs it: the first of `role.missions` whose tags fit
    every platform the role covers (Temu fully-managed operations sets no retail price), else
    the general one."""
    for m in role.missions:
        if role_platforms and all(
                m.applies_on(p, fulfillment.get(p) or (), sites.get(p) or ())
                and (fit is None or fit.admits(m, p, sites.get(p) or ())) for p in role_platforms):
            return m
    return role.mission
