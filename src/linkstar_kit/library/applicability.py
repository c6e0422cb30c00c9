"""Whether a KPI can be held by a role entry at all, before any scoring.

A platform-only KPI (ODR is Amazon's) never applies to a role that does not cover that
platform; a fulfillment-bound KPI (IPI is FBA's) needs one of the role's platforms to use that
model. A platform listed without fulfillment models is treated as "any model", so nothing is
ruled out on a guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .models import Kpi, Scoped, excluded


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


def text_applies(item: Scoped, on_platforms: Sequence[str],
                 fulfillment: Mapping[str, Sequence[str]], sites: Mapping[str, Sequence[str]]) -> bool:
    """True when a tagged action or note concerns one of `on_platforms` as the client runs it
    (its fulfilment models and sites); untagged text applies everywhere."""
    if item.neutral:
        return True
    return any(item.applies_on(p, fulfillment.get(p) or (), sites.get(p) or ()) for p in on_platforms)
