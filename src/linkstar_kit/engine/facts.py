"""Facts derived from the answers: the only input rule conditions see."""

from __future__ import annotations

from typing import Any

from ..answers.models import Answers, RoleEntry
from ..library.conditions import FACTS


def company_facts(answers: Answers) -> dict[str, Any]:
    fulfillment = {f for p in answers.platforms for f in p.fulfillment}
    sites = {s for p in answers.platforms for s in p.sites}
    return {
        "platforms": frozenset(answers.platform_ids()),
        "platform_count": len(answers.platforms),
        "fulfillment": frozenset(fulfillment),
        "sites": frozenset(sites),
        "site_count": len(sites),
        "stage": answers.stage,
        "scope": answers.scope.level,
        "horizon": answers.scope.horizon,
        "team_size": answers.team_size,
        "sku_count": answers.sku_count or 0,
        "categories": frozenset(answers.categories),
        "goals": frozenset(g.kpi for g in answers.goals),
        "roles": frozenset(r.role for r in answers.roles),
        "erp": answers.systems.erp,
        "ads": answers.systems.ads,
        "finance": answers.systems.finance,
        "bi": answers.systems.bi,
        "linked_to_pay": answers.incentives.linked_to_pay,
        "kpi_weight_percent": answers.incentives.kpi_weight_percent,
    }


def role_facts(answers: Answers, entry: RoleEntry, company: dict[str, Any]) -> dict[str, Any]:
    platforms = answers.role_platforms(entry)
    by_id = {p.id: p for p in answers.platforms}
    facts = dict(company)
    facts.update({
        "role": entry.role,
        "role_platforms": frozenset(platforms),
        "role_platform_count": len(platforms),
        "role_fulfillment": frozenset(f for p in platforms for f in by_id[p].fulfillment),
        "role_sites": frozenset(s for p in platforms for s in by_id[p].sites),
        "headcount": entry.headcount,
    })
    missing = set(FACTS) - set(facts)
    assert not missing, f"facts not computed: {missing}"  # the vocabulary and this stay in step
    return facts
