"""Properties of the engine on the shipped library, for any profile hypothesis draws.

- every role holds at most 5 KPIs, and at least 3 or the selection warns about it;
- a KPI is selected only where it applies: on the role's platforms and fulfilment models;
- pins are always kept and the client's excludes never selected;
- the same answers give the same selection;
- a counter metric (guard) never displaces a KPI stronger than the one it guards;
- every company goal has a driver or a warning naming it.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkstar_kit.answers.models import Answers
from linkstar_kit.engine import select as engine
from linkstar_kit.library.applicability import platforms_for
from linkstar_kit.library.loader import Library, load_library
from linkstar_kit.vocabulary import ADS, BI, ERPS, FINANCE, HORIZONS, MAX_KPIS, MIN_KPIS, STAGES

LIBRARY: Library = load_library()
GOALS = sorted(k.id for k in LIBRARY.kpis.values()
               if any(k.id in o.drives for o in LIBRARY.kpis.values()))


@st.composite
def profiles(draw: Any) -> Answers:
    lib = LIBRARY
    platforms = draw(st.lists(st.sampled_from(sorted(lib.platforms)), min_size=1, max_size=4,
                              unique=True))
    entries = []
    for p in platforms:
        models = list(lib.platforms[p].fulfillment)
        sites = list(lib.platforms[p].sites) or ["US", "DE"]
        entries.append({"id": p,
                        "sites": draw(st.lists(st.sampled_from(sites), min_size=1, max_size=2,
                                               unique=True)),
                        "fulfillment": draw(st.lists(st.sampled_from(models), max_size=len(models),
                                                     unique=True))})
    fulfillment = {e["id"]: e["fulfillment"] for e in entries}
    roles = []
    for role in draw(st.lists(st.sampled_from(sorted(lib.roles)), min_size=1, max_size=5,
                              unique=True)):
        on = draw(st.lists(st.sampled_from(platforms), min_size=1, unique=True))
        fits = sorted(k.id for k in lib.kpis.values()
                      if k.roles.get(role) and platforms_for(k, on, fulfillment))
        pin = draw(st.lists(st.sampled_from(fits), max_size=MAX_KPIS, unique=True)) if fits else []
        rest = [k for k in fits if k not in pin]
        exclude = draw(st.lists(st.sampled_from(rest), max_size=2, unique=True)) if rest else []
        count = draw(st.none() | st.integers(max(MIN_KPIS, len(pin)), MAX_KPIS))
        roles.append({"role": role, "platforms": on, "pin": pin, "exclude": exclude,
                      "kpi_count": count, "headcount": draw(st.sampled_from([1, 2, 4]))})
    goals = draw(st.lists(st.sampled_from(GOALS), min_size=1, max_size=3, unique=True))
    data = {
        "version": 1,
        "client": {"name": "P"},
        "scope": {"level": "company", "start": "2026-01-05",
                  "horizon": draw(st.sampled_from(HORIZONS))},
        "stage": draw(st.sampled_from(STAGES)),
        "team_size": draw(st.sampled_from([3, 6, 12, 60])),
        "sku_count": draw(st.sampled_from([0, 300, 3000])),
        "platforms": entries,
        "goals": [{"kpi": g, "target": 0.5, "by": "2026-03-31"} for g in goals],
        "roles": roles,
        "systems": {"erp": draw(st.sampled_from(ERPS)), "ads": draw(st.sampled_from(ADS)),
                    "finance": draw(st.sampled_from(FINANCE)), "bi": draw(st.sampled_from(BI))},
    }
    return Answers.model_validate(data)


def select_spying_on_guards(answers: Answers) -> tuple[Any, list[tuple[str, float, str, float]]]:
    """The selection, and (victim, its score, guarded KPI, its score) for every KPI a guard
    displaced."""
    real_add = engine._add
    displaced: list[tuple[str, float, str, float]] = []

    def spy(w: Any, c: Any, reason: Any, **kw: Any) -> bool:
        before = list(w.selected)
        ok = real_add(w, c, reason, **kw)
        if ok and reason.effect == "counter":
            guarded = reason.rule.split(":", 1)[1]
            for victim in set(before) - set(w.selected):
                displaced.append((victim, w.candidates[victim].score, guarded,
                                  w.candidates[guarded].score))
        return ok

    with mock.patch.object(engine, "_add", spy):
        return engine.select(answers, LIBRARY), displaced


@pytest.mark.slow
@settings(max_examples=60)
@given(profiles())
def test_engine_invariants(answers: Answers) -> None:
    sel, displaced = select_spying_on_guards(answers)
    fulfillment = {p.id: list(p.fulfillment) for p in answers.platforms}
    for entry, role in zip(answers.roles, sel.roles, strict=True):
        ids = [k.kpi for k in role.kpis]
        assert len(ids) == len(set(ids))
        assert len(ids) <= MAX_KPIS
        if len(ids) < MIN_KPIS:
            assert any((role.title or LIBRARY.roles[role.role].name.get(sel.client.language)) in w
                           for w in sel.warnings), (role.key, ids)
        for k in role.kpis:
            assert platforms_for(LIBRARY.kpis[k.kpi], role.platforms, fulfillment), k.kpi
        assert set(entry.pin) <= set(ids), (entry.pin, ids)
        assert not set(entry.exclude) & set(ids), (entry.exclude, ids)
        assert {k.kpi for k in role.kpis if k.pinned} == set(entry.pin)
    for victim, v_score, guarded, g_score in displaced:
        assert v_score < g_score, f"guard of {guarded} ({g_score}) displaced {victim} ({v_score})"
    for goal in sel.goals:
        assert goal.drivers or any(goal.name.get(sel.client.language) in w
                                   for w in sel.warnings), goal.kpi


@settings(max_examples=20)
@given(profiles())
def test_engine_is_deterministic(answers: Answers) -> None:
    one = engine.select(answers, LIBRARY).to_json_dict()
    again = engine.select(Answers.model_validate(answers.model_dump()), LIBRARY).to_json_dict()
    assert one == again
