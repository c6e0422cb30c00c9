"""The document view: answers + selection + library flattened into plain data for templates.

Templates stay simple and brandable because every number is formatted and every label chosen
here, in the client's language.
"""

from __future__ import annotations

from typing import Any

from .. import catalog, fmt
from ..answers.models import Answers
from ..engine.models import Selection
from ..library.applicability import mission_for, platforms_for
from ..library.loader import Library
from ..periods import goal_span, share_label
from .labels import labels
from .plan_table import plan_list, plan_table


def system_labels(answers: Answers, lang: str) -> dict[str, str]:
    """The client's systems as a reader names them (LingXing ERP, not `lingxing`)."""
    from ..engine.sources import erp_name, finance_name

    s = answers.systems
    none = catalog.text(lang, "systems.none")
    return {
        "erp": erp_name(s.erp, lang) if s.erp != "none" else none,
        "ads": catalog.text(lang, f"systems.ads.{s.ads}"),
        "finance": finance_name(s.finance, lang),
        "bi": catalog.text(lang, f"systems.bi.{s.bi}") if s.bi != "none" else none,
    }


def _cadence(lang: str, weekly: dict[str, Any], monthly: dict[str, Any],
             quarterly: dict[str, Any] | None) -> list[str]:
    lines = [catalog.text(lang, "doc.cadence.weekly", **weekly),
             catalog.text(lang, "doc.cadence.monthly", **monthly)]
    lines.append(catalog.text(lang, "doc.cadence.quarterly", **quarterly) if quarterly
                 else catalog.text(lang, "doc.cadence.quarterly_none"))
    return lines


def _first_weeks(lang: str, kpis: list[dict[str, Any]]) -> list[str]:
    """A role card's first steps; the data sources are library text, escaped for Markdown."""
    sources = catalog.text(lang, "punct.semicolon").join(fmt.md_text(k["data_source"])
                                                         for k in kpis)
    return [catalog.text(lang, "card.first_weeks.access", sources=sources.strip()),
            *(catalog.text(lang, f"card.first_weeks.{k}")
              for k in ("history", "targets", "actions"))]


def build_view(answers: Answers, selection: Selection, library: Library) -> dict[str, Any]:
    lang = selection.client.language
    t = labels(lang)
    cur = answers.client.currency
    names = {k: v.name.get(lang) for k, v in library.kpis.items()}
    fulfillment = {p.id: list(p.fulfillment) for p in answers.platforms}
    sites = {p.id: list(p.sites) for p in answers.platforms}
    shorts = {k: v.label(lang) for k, v in library.kpis.items()}
    platform_names = {k: v.name.get(lang) for k, v in library.platforms.items()}
    role_titles = {r.key: r.title or library.roles[r.role].name.get(lang) for r in selection.roles}
    # two entries of one role without their own titles would read the same: add the key
    shown = [role_titles[r.key] for r in selection.roles]
    for r in selection.roles:
        if shown.count(role_titles[r.key]) > 1:
            role_titles[r.key] = f"{role_titles[r.key]} ({r.key})"

    def _after_label(source: str, label: str) -> str:
        """A library default's source opens with "LinkStar library default: "; printed after
        the label "library default" it would say it twice, so the opening goes."""
        for head in (f"LinkStar {label}: ", f"LinkStar {label}："):
            if source.startswith(head) and len(source) > len(head):
                return source[len(head):]
        return source

    def _goal_source(tg: Any, kid: str) -> str:
        """A goal's own line, or one derived from a goal, reads in the client's language;
        citations stay as written."""
        if tg.kind != "goal" or tg.plan is not None:  # a cascade's source is in the kit's language
            return str(tg.source)
        goal = tg.derived_from or kid
        if goal == kid:
            key = "labels.goal_source_mean" if tg.derived_from else "labels.goal_source"
            return catalog.text(lang, key, by=goal_by[goal])
        return catalog.text(lang, "labels.goal_derived", goal=goal_names[goal], by=goal_by[goal])

    def targets_view(k: Any, role_platforms: list[str]) -> list[dict[str, Any]]:
        out = []
        for tg in k.targets:
            # a role on one platform needs no platform label on its targets, unless the
            # target holds for some of its sites only: then the label names them
            # a platform's share of a company goal always names its platform
            labelled = tg.platform and (len(role_platforms) > 1 or tg.sites
                                        or tg.share is not None)
            label = platform_names.get(tg.platform, t["all_platforms"]) if labelled \
                else t["all_platforms"]
            if labelled and tg.sites:
                label = f"{label} {'/'.join(tg.sites)}"
            out.append({
                "platform": label,
                "sites": list(tg.sites or []),
                "text": fmt.target(tg, k.unit, lang, cur),
                "kind": tg.kind,
                "kind_label": t[tg.kind],
                # a goal's own line reads in the client's language; citations stay as written
                "source": _goal_source(tg, k.kpi),
                # the source after the kind's label ("library default, ..."): without the
                # label said twice ("library default, LinkStar library default: ...")
                "cited": _after_label(_goal_source(tg, k.kpi), t[tg.kind]),
                "as_of": tg.as_of or "",
                "window": tg.window or "",
                "url": tg.url or "",
                "open": False,
                "plan": plan_view(tg.plan, k.frequency, k.unit) if tg.plan else [],
                "plan_label": catalog.text(lang, "plans.doc.per_period") if tg.plan else "",
            })
        out = _collapse(out)
        # the sites no target covers keep their own line: their target is set at kick-off
        for plat, sites in k.open_sites.items():
            label = f"{platform_names.get(plat, plat)} {'/'.join(sites)}"
            out.append({"platform": label, "sites": list(sites), "text": t["no_target"],
                        "kind": "open", "kind_label": "", "source": "", "as_of": "",
                        "window": "", "url": "", "open": True, "plan": [], "plan_label": ""})
        return out

    def plan_view(plan: list[Any], frequency: str, unit: str) -> list[dict[str, str]]:
        """A cascade's plan per period, a partial period named by its days (2027-04, 3 days)."""
        return plan_list(plan, frequency, unit, lang, cur)

    def _collapse(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Platforms with the very same target (a warehouse's inventory accuracy, a house
        CSAT line) share one line naming them, instead of repeating it per platform."""
        merged: list[dict[str, Any]] = []
        for it in items:
            key = {k: v for k, v in it.items() if k != "platform"}
            same = next((m for m in merged if not it["sites"] and not m["sites"]
                         and {k: v for k, v in m.items() if k != "platform"} == key
                         and m["platform"] != t["all_platforms"]), None)
            if same is None or it["platform"] == t["all_platforms"]:
                merged.append(dict(it))
            else:
                same["platform"] = f"{same['platform']}{t['list_sep']}{it['platform']}"
        return merged

    rules_by_id = {cr.rule.id: cr.rule for cr in library.rules}
    goal_ids = {g.kpi for g in selection.goals}
    goal_by = {g.kpi: g.by for g in selection.goals}
    goal_names = {g.kpi: g.name.get(lang) for g in selection.goals}
    roles = []
    for r in selection.roles:
        role = library.roles[r.role]
        # a counter metric of another platform (late dispatch is TikTok Shop's) is no advice
        # to a role that does not sell there
        counters = {c for k in r.kpis for c in k.counter
                    if c in library.kpis and platforms_for(library.kpis[c], r.platforms, fulfillment)}
        kpis = []
        told: set[str] = set()  # a rule's reason is given once per role, at its first KPI
        for k in r.kpis:
            lib = library.kpis[k.kpi]
            why = []
            for reason in k.reasons:
                rule = rules_by_id.get(reason.rule)
                if rule is not None and reason.effect != "set_target" and rule.id not in told:
                    told.add(rule.id)
                    why.append(rule.because.get(lang))
            kpis.append({
                "id": k.kpi,
                "name": k.name.get(lang),
                "short": shorts[k.kpi],
                "definition": lib.definition.get(lang),
                "formula": lib.formula.get(lang),
                "unit": k.unit,
                "direction": t[k.direction],
                "frequency": t[k.frequency],
                "frequency_id": k.frequency,
                "kind": k.kind,
                "kind_label": t[k.kind],
                "targets": targets_view(k, r.platforms),
                "data_source": k.data_source,
                "actions": k.actions,
                "counter": [names[c] for c in k.counter if c in counters],
                # only the goals this client set: the library's wider `drives` would mislead
                "drives": [names[d] for d in k.drives if d in goal_ids],
                "is_goal": k.kpi in goal_ids,
                "why": sorted(set(why), key=why.index),
                "notes": k.notes,
                "pinned": k.pinned,
                "score": k.score,
            })
        roles.append({
            "key": r.key,
            "title": role_titles[r.key],
            "role_name": role.name.get(lang),
            "mission": mission_for(role, r.platforms, fulfillment, sites).get(lang),
            "headcount": r.headcount,
            "platforms": [platform_names[p] for p in r.platforms],
            "kpis": kpis,
            "notes": r.notes,
            "contributions": [c.get(lang) for c in role.soft_contributions],
            "first_weeks": _first_weeks(lang, kpis),
        })

    from ..pacing import GoalPlan

    goals = []
    for g in selection.goals:
        goal_kpi = library.kpis.get(g.kpi)
        plan = GoalPlan.of(g, goal_kpi, answers.scope.start) if goal_kpi else None
        goals.append({
            # the plan to date at the end of each period (pacing.py), as the workbook shows it
            "plan": [{"period": share_label(plan.frequency, share, lang),
                      "value": fmt.value(s.plan, g.unit, lang, cur)}
                     for s, share in zip(plan.steps(), plan.shares(), strict=True)]
            if plan else [],
            "cascade": plan_table(g, platform_names, lang, cur, selection.baselines,
                                  answers.scope.start),
            "id": g.kpi,
            "name": g.name.get(lang),
            "target": fmt.value(g.target, g.unit, lang, cur),
            "baseline": fmt.value(g.baseline, g.unit, lang, cur) if g.baseline is not None else "",
            "by": g.by,
            "drivers": [{"role": role_titles[d.role_key], "role_key": d.role_key,
                         "kpi": names[d.kpi]} for d in g.drivers],
            # the roles that carry the goal, each once, in the order they drive it
            "roles": list(dict.fromkeys(role_titles[d.role_key] for d in g.drivers)),
        })

    review = answers.review
    q = review.quarterly
    platforms = []
    for p in answers.platforms:
        platforms.append({
            "name": platform_names[p.id],
            "sites": t["list_sep"].join(p.sites),
            # the platform's own word for a model where it has one (Temu's fully managed model)
            "fulfillment": t["list_sep"].join(
                own[f].get(lang) if f in (own := library.platforms[p.id].fulfillment_names)
                else t["fulfillment_models"][f] for f in p.fulfillment),
        })
    weekly = {"weekday": t["weekdays"][review.weekly.weekday], "time": review.weekly.time,
              "minutes": review.weekly.minutes}
    monthly = {"day": review.monthly.day, "time": review.monthly.time,
               "minutes": review.monthly.minutes}
    quarterly = {"day": q.day, "time": q.time, "minutes": q.minutes} if q else None
    return {
        "lang": lang,
        # the documents' sentences about the client's meetings and pay, from the catalog
        "cadence": _cadence(lang, weekly, monthly, quarterly),
        "card_reviews": [catalog.text(lang, f"card.reviews.{k}", **cfg) for k, cfg in
                         (("weekly", weekly), ("monthly", monthly), ("quarterly", quarterly))
                         if cfg],
        "incentive_text": catalog.text(
            lang, "doc.incentives." + ("linked" if answers.incentives.linked_to_pay
                                       else "unlinked"),
            weight=answers.incentives.kpi_weight_percent),
        "attendees": t["list_sep"].join(
            catalog.text(lang, "agenda.attendee", title=r["title"], n=r["headcount"],
                         people=catalog.text(lang, "agenda.labels.one_person"
                                             if r["headcount"] == 1 else "agenda.labels.people"))
            for r in roles),
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "plans_heading": catalog.text(lang, "plans.doc.heading"),
        "t": t,
        "client": {"name": answers.client.name, "slug": selection.client.slug,
                   "currency": cur, "timezone": answers.client.timezone},
        "scope": {
            "level": t[answers.scope.level],
            "name": answers.scope.name or answers.client.name,
            "start": answers.scope.start.isoformat(),
            "end": goal_span(answers.scope.start, answers.scope.horizon)[1].isoformat(),
            "horizon": t[answers.scope.horizon],
        },
        "stage": t[answers.stage],
        "team_size": answers.team_size,
        "sku_count": answers.sku_count,
        "categories": [library.categories[c].name.get(lang) if c in library.categories else c
                       for c in answers.categories],
        "platforms": platforms,
        "systems": system_labels(answers, lang),
        "goals": goals,
        "roles": roles,
        "review": {"weekly": weekly, "monthly": monthly, "quarterly": quarterly},
        "incentives": answers.incentives.model_dump(),
        "warnings": selection.warnings,
        "health": "",  # the health check's Markdown section, when the doctor is part of the build
        "health_appendix": "",  # and its appendix for the consultant
        "generator": selection.generator.model_dump(),
    }
