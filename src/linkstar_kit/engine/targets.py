"""Resolve a selected KPI's targets: company goal > rule overrides > library (site, platform,
default). A platform-bound role gets one target per platform it covers; a cross-business role
gets one target unless the platforms' published thresholds differ."""

from __future__ import annotations

from ..answers.models import Answers
from ..library.models import Kpi, SetTarget, Target, source_text
from .models import ResolvedTarget

_LOWER = ("<", "<=")
_HIGHER = (">", ">=")


def _from_library(t: Target, platform: str | None, lang: str) -> ResolvedTarget:
    return ResolvedTarget(platform=platform, op=t.op,
                          value=list(t.value) if isinstance(t.value, tuple) else t.value,
                          kind=t.kind, source=source_text(t.source, lang), as_of=t.as_of.isoformat(),
                          window=t.window, url=t.url)


def _from_rule(rule_id: str, st: SetTarget, platform: str | None, lang: str) -> ResolvedTarget:
    rule = f"（规则 {rule_id}）" if lang == "zh" else f" (rule {rule_id})"
    return ResolvedTarget(platform=platform, op=st.op,
                          value=list(st.value) if isinstance(st.value, tuple) else st.value,
                          kind=st.kind, source=f"{source_text(st.source, lang)}{rule}",
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


def _library_target(kpi: Kpi, platform: str | None, sites: list[str]) -> Target | None:
    if platform is not None:
        for t in kpi.targets:
            if t.platform == platform and t.sites and sites and set(sites) <= set(t.sites):
                return t
        for t in kpi.targets:
            if t.platform == platform and not t.sites:
                return t
    for t in kpi.targets:
        if t.platform is None and not t.sites:
            return t
    return None


def resolve_targets(kpi: Kpi, on_platforms: list[str], platform_bound: bool, answers: Answers,
                    overrides: list[tuple[str, SetTarget]], lang: str = "en"
                    ) -> list[ResolvedTarget]:
    goal = next((g for g in answers.goals if g.kpi == kpi.id), None)
    if goal is not None:
        if kpi.direction == "range":  # a goal on a keep-in-range KPI says which way to move
            up = goal.baseline is None or goal.target >= goal.baseline
            op = ">=" if up else "<="
        else:
            op = ">=" if kpi.direction == "higher" else "<="
        return [ResolvedTarget(platform=None, op=op, value=goal.target, kind="goal",
                               source=(f"公司目标，{goal.by.isoformat()} 前达成" if lang == "zh"
                                       else f"Company goal, by {goal.by.isoformat()}"))]
    specific = {t.platform for t in kpi.targets if t.platform} | {
        st.platform for _, st in overrides if st.platform}
    per_platform = (kpi.platforms is not None or platform_bound
                    or bool(specific & set(on_platforms)))
    sites = {p.id: list(p.sites) for p in answers.platforms}
    out: list[ResolvedTarget] = []
    for p in (on_platforms if per_platform else [None]):
        lib = _library_target(kpi, p, sites.get(p, []) if p else [])
        current = _from_library(lib, p, lang) if lib else None
        for rule_id, st in overrides:
            if st.platform not in (None, p):
                continue
            new = _from_rule(rule_id, st, p, lang)
            current = stricter(current, new) if (st.tighten and current) else new
        if current is not None:
            out.append(current)
    return out
