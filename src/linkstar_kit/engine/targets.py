"""Resolve a selected KPI's targets: company goal > rule overrides > library (site, platform,
default). A platform-bound role gets one target per platform it covers; a cross-business role
gets one target unless the platforms' published thresholds differ.

Where a platform's rule differs by site (TikTok Shop US vs Southeast Asia, Walmart US vs CA),
the role gets one target per group of its sites, each naming its sites: the sites a
site-scoped target covers form a group, and the sites none covers fall back to the
platform-wide (or default) target as a group of their own, so a team selling on several sites
never loses a target."""

from __future__ import annotations

from .. import catalog
from ..answers.models import Answers, Goal
from ..library.models import Kpi, SetTarget, Target, source_text
from .models import ResolvedTarget

_LOWER = ("<", "<=")
_HIGHER = (">", ">=")


def _from_library(t: Target, platform: str | None, lang: str,
                  sites: list[str] | None = None) -> ResolvedTarget:
    return ResolvedTarget(platform=platform, sites=sites, op=t.op,
                          value=list(t.value) if isinstance(t.value, tuple) else t.value,
                          kind=t.kind, source=source_text(t.source, lang), as_of=t.as_of.isoformat(),
                          window=source_text(t.window, lang) if t.window else None, url=t.url)


def _from_rule(rule_id: str, st: SetTarget, platform: str | None, lang: str,
               sites: list[str] | None = None) -> ResolvedTarget:
    return ResolvedTarget(platform=platform, sites=sites, op=st.op,
                          value=list(st.value) if isinstance(st.value, tuple) else st.value,
                          kind=st.kind, source=catalog.text(lang, "selection.rule_source",
                                              source=source_text(st.source, lang), rule=rule_id),
                          as_of=st.as_of.isoformat())


def stricter(a: ResolvedTarget, b: ResolvedTarget) -> ResolvedTarget:
    """The harder of two targets of the same direction; `b` when they cannot be compared."""
    if isinstance(a.value, list) or isinstance(b.value, list):
        return b
    if a.op in _LOWER and b.op in _LOWER:  # lower ceiling wins; at a tie, `<` beats `<=`
        return a if (a.value, a.op == "<=") < (b.value, b.op == "<=") else b
    if a.op in _HIGHER and b.op in _HIGHER:  # higher floor wins; at a tie, `>` beats `>=`
        return a if (a.value, a.op == ">") > (b.value, b.op == ">") else b
    return b


def _fallback_target(kpi: Kpi, platform: str | None) -> Target | None:
    """The platform-wide target, else the default one."""
    if platform is not None:
        for t in kpi.targets:
            if t.platform == platform and not t.sites:
                return t
    for t in kpi.targets:
        if t.platform is None and not t.sites:
            return t
    return None


def goal_target(kpi: Kpi, goal: Goal, lang: str = "en") -> ResolvedTarget:
    """A company goal as a target: at least the goal for a KPI to raise, at most for one to
    lower; a goal on a keep-in-range KPI says which way to move by its baseline (30 -> 60 days
    of supply is `>= 60`; without a baseline, up)."""
    if kpi.direction == "range":
        up = goal.baseline is None or goal.target >= goal.baseline
        op = ">=" if up else "<="
    else:
        op = ">=" if kpi.direction == "higher" else "<="
    return ResolvedTarget(platform=None, op=op, value=goal.target, kind="goal",
                          source=catalog.text(lang, "labels.goal_source", by=goal.by.isoformat()))


def site_groups(kpi: Kpi, platform: str | None, sites: list[str]
                ) -> list[tuple[Target | None, list[str] | None]]:
    """The library's targets for the client's `sites` on `platform`, one per group of sites.

    A site-scoped target takes the client's sites it lists (in the client's order); the sites
    left over share the platform-wide or default target, named explicitly when a site-scoped
    target took the others. `None` as sites: the target holds for every site of the platform.
    Without any target, one group `(None, None)`, so rule overrides still have a place."""
    groups: list[tuple[Target | None, list[str] | None]] = []
    left = list(sites)
    if platform is not None:
        for t in kpi.targets:
            if t.platform == platform and t.sites:
                group = [s for s in left if s in t.sites]
                if group:
                    groups.append((t, group))
                    left = [s for s in left if s not in group]
    groups.sort(key=lambda g: sites.index(g[1][0]) if g[1] else 0)
    if not groups or left:
        fallback = _fallback_target(kpi, platform)
        if fallback is not None or not groups:
            groups.append((fallback, left if groups else None))
    return groups


def resolve_targets(kpi: Kpi, on_platforms: list[str], platform_bound: bool, answers: Answers,
                    overrides: list[tuple[str, SetTarget]], lang: str = "en"
                    ) -> list[ResolvedTarget]:
    goal = next((g for g in answers.goals if g.kpi == kpi.id), None)
    if goal is not None:
        return [goal_target(kpi, goal, lang)]
    specific = {t.platform for t in kpi.targets if t.platform} | {
        st.platform for _, st in overrides if st.platform}
    per_platform = (kpi.platforms is not None or platform_bound
                    or bool(specific & set(on_platforms)))
    sites = {p.id: list(p.sites) for p in answers.platforms}
    out: list[ResolvedTarget] = []
    for p in (on_platforms if per_platform else [None]):
        found: list[ResolvedTarget] = []
        for lib, group in site_groups(kpi, p, sites.get(p, []) if p else []):
            current = _from_library(lib, p, lang, group) if lib else None
            for rule_id, st in overrides:
                if st.platform not in (None, p):
                    continue
                new = _from_rule(rule_id, st, p, lang, group)
                current = stricter(current, new) if (st.tighten and current) else new
            if current is not None:
                found.append(current)
        out.extend(_merge_groups(found))
    return out


def _merge_groups(found: list[ResolvedTarget]) -> list[ResolvedTarget]:
    """Groups that ended with the same target (a rule's override replaced them all) are one
    group again; a single one left holds for every site, unless a site-scoped target of the
    library set it."""
    merged: list[ResolvedTarget] = []
    for t in found:
        same = next((m for m in merged if m.model_dump(exclude={"sites"})
                     == t.model_dump(exclude={"sites"})), None)
        if same is None:
            merged.append(t)
        elif same.sites is not None and t.sites is not None:
            merged[merged.index(same)] = same.model_copy(update={"sites": same.sites + t.sites})
    if len(merged) == 1 and len(found) > 1:
        merged[0] = merged[0].model_copy(update={"sites": None})
    return merged
