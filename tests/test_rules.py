"""Every shipped rule fires for some client profile, and each of its effects lands.

Profiles are drawn from a seeded generator over the answers' facts (platforms, fulfillment,
sites, stage, team size, catalogue, categories, goals, roles present, systems, pay), plus the
bundled examples, so a rule that can never fire (a dead condition) fails this test by name.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from linkstar_kit.answers.loader import load_answers
from linkstar_kit.answers.models import Answers
from linkstar_kit.engine.facts import company_facts, role_facts
from linkstar_kit.engine.select import _select_role
from linkstar_kit.library.conditions import evaluate
from linkstar_kit.library.loader import load_library
from linkstar_kit.vocabulary import ERPS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOALS = [("gmv", 5_000_000), ("gmv_growth", 0.3), ("net_margin", 0.15), ("gross_margin", 0.4),
         ("contribution_margin", 0.2), ("inventory_turnover", 6), ("order_defect_rate", 0.005),
         ("stockout_rate", 0.03), ("cash_conversion_cycle", 60), ("new_product_sales_share", 0.2),
         ("new_product_success_rate", 0.4), ("return_rate", 0.05), ("refund_rate", 0.04),
         ("review_rating", 4.6), ("negative_feedback_rate", 0.01)]


@pytest.fixture(scope="module")
def library():
    return load_library()


def profile(rng: random.Random, library) -> Answers:
    platforms = rng.sample(sorted(library.platforms), rng.randint(1, 4))
    entries = []
    for p in platforms:
        models = list(library.platforms[p].fulfillment)
        # The library's own sites (a store of one's own, like Shopify, lists none: any site).
        sites = list(library.platforms[p].sites) or ["US", "DE"]
        entries.append({"id": p, "sites": rng.sample(sites, rng.randint(1, 2)),
                        "fulfillment": rng.sample(models, rng.randint(1, len(models)))})
    roles = rng.sample(sorted(library.roles), rng.randint(1, len(library.roles)))
    goals = rng.sample(GOALS, rng.randint(1, 3))
    data: dict[str, Any] = {
        "version": 1,
        "client": {"name": "P"},
        "scope": {"level": rng.choice(["company", "business_unit", "project"]), "name": "S",
                  "start": "2026-01-05",
                  "horizon": rng.choice(["month", "quarter", "half_year", "year"])},
        "stage": rng.choice(["launch", "growth", "mature", "turnaround"]),
        "team_size": rng.choice([3, 6, 12, 25, 60]),
        "sku_count": rng.choice([0, 30, 300, 3000]),
        "categories": rng.sample(sorted(library.categories), rng.randint(0, 3)),
        "platforms": entries,
        "goals": [{"kpi": k, "target": v, "by": "2026-12-31"} for k, v in goals],
        "roles": [{"role": r, "headcount": rng.choice([1, 2, 3, 6]),
                   "platforms": rng.sample(platforms, rng.randint(1, len(platforms)))}
                  for r in roles],
        "systems": {"erp": rng.choice(ERPS),
                    "ads": rng.choice(["platform_console", "platform_api", "third_party_tool"]),
                    "finance": rng.choice(["spreadsheet", "erp", "accounting_software"]),
                    "bi": rng.choice(["none", "spreadsheet", "metabase", "grafana"])},
        "incentives": {"linked_to_pay": rng.random() < 0.5,
                       "kpi_weight_percent": rng.choice([0, 30, 60])},
    }
    return Answers.model_validate(data)


@pytest.fixture(scope="module")
def profiles(library) -> list[Answers]:
    rng = random.Random(20261128)
    out = [load_answers(p, library) for p in sorted(EXAMPLES.glob("*.yaml"))]
    out += [profile(rng, library) for _ in range(400)]
    return out


def test_every_rule_fires_and_its_effects_land(library, profiles) -> None:
    pending = {cr.rule.id: cr for cr in library.rules}
    for answers in profiles:
        if not pending:
            break
        company = company_facts(answers)
        goals = [g.kpi for g in answers.goals]
        fulfillment = {p.id: list(p.fulfillment) for p in answers.platforms}
        for entry, key in zip(answers.roles, answers.role_keys(), strict=True):
            facts = role_facts(answers, entry, company)
            firing = [cr for cr in pending.values()
                      if (cr.rule.roles is None or entry.role in cr.rule.roles)
                      and evaluate(cr.condition, facts)]
            if not firing:
                continue
            work = _select_role(answers, library, entry, key, company, goals, fulfillment)
            for cr in firing:
                rid = cr.rule.id
                landed = False
                for eff in cr.rule.then:
                    if eff.effect == "keep_platform_measure":
                        # it lands as a `platform` reason on the KPI kept, or as a gap
                        kept = [c for c in work.candidates.values() for r in c.reasons
                                if r.rule == rid and r.effect == "platform"]
                        gaps = [g for g in work.platform_gaps if g.rule == rid]
                        landed = landed or bool(kept or gaps)
                        continue
                    kid = getattr(eff, "kpi", None)
                    if kid is None:
                        assert eff.text.get("en") and eff.effect == "note"
                        landed = True
                        continue
                    cand = work.candidates.get(kid)
                    if cand is None:
                        continue  # the KPI does not apply on this role's platforms
                    mine = [r for r in cand.reasons if r.rule == rid and r.effect == eff.effect]
                    assert mine, (rid, kid, eff.effect, cand.reasons)
                    if eff.effect == "boost":
                        assert mine[0].weight == eff.weight
                    if eff.effect == "include":
                        assert cand.included
                    if eff.effect == "exclude":
                        assert cand.excluded is not None
                    if eff.effect == "set_target":
                        assert any(r == rid for r, _ in work.overrides[kid])
                    landed = True
                if landed:
                    del pending[rid]
    assert not pending, f"rules that never fired with a reachable effect: {sorted(pending)}"


@pytest.fixture(scope="module")
def selected(library, profiles):
    """select() of profile i, run once for the tests below (they only read it)."""
    from linkstar_kit.engine.select import select

    memo: dict[int, Any] = {}

    def get(i: int) -> Any:
        if i not in memo:
            memo[i] = select(profiles[i], library)
        return memo[i]
    return get


def test_engine_invariants_on_many_profiles(library, profiles, selected) -> None:
    from linkstar_kit.engine.select import select
    from linkstar_kit.library.applicability import platforms_for

    for i, answers in enumerate(profiles[:150]):
        sel = selected(i)
        again = select(answers, library)  # a second run, afresh: the same selection
        assert sel.to_json_dict() == again.to_json_dict()
        fulfillment = {p.id: list(p.fulfillment) for p in answers.platforms}
        for entry, role in zip(answers.roles, sel.roles, strict=True):
            ids = [k.kpi for k in role.kpis]
            assert len(ids) == len(set(ids))
            assert len(ids) <= 5
            if len(ids) < 3:
                assert any((role.title or library.roles[role.role].name.get(sel.client.language)) in w
                           for w in sel.warnings)
            for k in role.kpis:
                assert platforms_for(library.kpis[k.kpi], role.platforms, fulfillment), k.kpi
            kinds = {k.kind for k in role.kpis}
            cands = library.kpis_for(role=entry.role)
            for kind in ("lead", "lag"):
                applicable = [c for c in cands if c.kind == kind
                              and platforms_for(c, role.platforms, fulfillment)]
                if applicable and len(ids) >= 2:
                    assert kind in kinds, (role.key, kind, ids)
        for goal in sel.goals:
            if not goal.drivers:
                assert any(goal.name.get(sel.client.language) in w for w in sel.warnings)


MARKETPLACES = {"amazon", "shopee", "tiktok_shop", "lazada", "walmart", "ebay", "temu",
                "aliexpress"}
ACOS_CONSOLES = {"amazon"}
TACOS_PLATFORMS = {"amazon", "walmart"}


def test_platform_fit_invariants_on_many_profiles(library, profiles, selected) -> None:
    """On every profile: a service / logistics role holds each marketplace's own measure (or
    the library has none for it, said as a gap), operations does for the platforms nobody
    else serves, ACoS / TACoS only where the console reports them, Amazon operations has the
    method pair, and site-scoped targets split the client's sites without overlap."""
    from linkstar_kit.engine.select import is_platform_measure
    from linkstar_kit.library.applicability import platforms_for

    ignore = [k for cr in library.rules if cr.rule.id == "marketplace-operations-own-measures"
              for eff in cr.rule.then for k in getattr(eff, "ignore", [])]
    assert "acos" in ignore
    for i, answers in enumerate(profiles[:200]):
        sel = selected(i)
        fulfillment = {p.id: list(p.fulfillment) for p in answers.platforms}
        sites = {p.id: list(p.sites) for p in answers.platforms}
        served = {p for e in answers.roles if e.role in ("customer_service", "logistics")
                  for p in answers.role_platforms(e)}
        for role in sel.roles:
            held = {k.kpi: k for k in role.kpis}
            asked = set()
            if role.role in ("customer_service", "logistics"):
                asked = set(role.platforms) & MARKETPLACES
            elif role.role == "operations":
                asked = (set(role.platforms) & MARKETPLACES) - served
            gaps = {g.platform: g for g in role.platform_gaps}
            skip = ignore if role.role == "operations" else []
            for p in asked:
                own = [kid for kid in held if is_platform_measure(
                    library.kpis[kid], platforms_for(library.kpis[kid], role.platforms,
                                                     fulfillment), p, sites[p], skip)]
                if own:
                    continue
                assert p in gaps, (role.key, p, list(held))
                if gaps[p].why == "none":  # truly none the role suits in the library
                    assert not [k.id for k in library.kpis.values() if k.roles.get(role.role)
                                and is_platform_measure(k, platforms_for(
                                    k, role.platforms, fulfillment), p, sites[p], skip)], \
                        (role.key, p)
            # ACoS is Amazon's console unit; TACoS (ad spend over all sales) also Walmart's
            for kid, consoles in (("acos", ACOS_CONSOLES), ("tacos", TACOS_PLATFORMS)):
                if kid in held:
                    assert set(role.platforms) & consoles, (role.key, kid)
                    assert {t.platform for t in held[kid].targets} <= consoles | {None}
            if role.role == "operations" and "amazon" in role.platforms:
                assert {"acos", "conversion_rate"} <= set(held), (role.key, list(held))
            for k in role.kpis:
                seen: dict[str | None, set[str]] = {}
                for t in k.targets:
                    if t.sites is None:
                        continue
                    assert t.platform is not None and set(t.sites) <= set(sites[t.platform])
                    assert not seen.setdefault(t.platform, set()) & set(t.sites), (k.kpi, t)
                    seen[t.platform] |= set(t.sites)
