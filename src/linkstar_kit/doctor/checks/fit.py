"""Fit of the method: fulfilment models the platform offers, headcounts, team size, stage."""

from __future__ import annotations

from collections.abc import Iterator

from ... import catalog
from ...vocabulary import PLATFORM_RUN_FULFILLMENTS
from ..context import Context
from ..findings import Finding

MIN_TEAM = 5


def check_fit(c: Context) -> Iterator[Finding]:
    a = c.answers
    models = catalog.section(c.lang, "labels.fulfillment_models")
    for p in a.platforms:
        offered = c.library.platforms[p.id].fulfillment if p.id in c.library.platforms else []
        for model in p.fulfillment:
            # only platform-run models: shipping yourself or an overseas warehouse work anywhere
            if model in PLATFORM_RUN_FULFILLMENTS and offered and model not in offered:
                yield c.finding(
                    "fulfillment-not-offered", "warning", model=models.get(model, model),
                    platform=c.platform(p.id),
                    offered=c.join([models.get(o, o) for o in offered]))
    people = sum(r.headcount for r in a.roles)
    if people > a.team_size:
        yield c.finding("headcount-exceeds-team", "warning", people=people, team=a.team_size)
    if a.team_size < MIN_TEAM:
        yield c.finding("team-too-small", "warning", n=a.team_size, min=MIN_TEAM)
    if a.stage == "launch":
        yield c.finding("stage-launch", "warning")
