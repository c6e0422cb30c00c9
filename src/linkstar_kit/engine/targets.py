"""Resolve a selected KPI's targets: company goal > rule overrides > library (site, platform,
default). A platform-bound role gets one target per platform it covers; a cross-business role
gets one target unless the platforms' published thresholds differ."""

from __future__ import annotations

from ..answers.models import Answers, Goal
from ..library.models import Kpi, SetTarget, Target
from .models import Line, ResolvedTarget

_LOWER = ("<", "<=")
_HIGHER = (">", ">=")


def _from_library(t: Target, platform: str | None) -> ResolvedTarget:
    return ResolvedTarget(platform=platform, op=t.op,
                          value=list(t.value) if isinstance(t.value, tuple) else t.value,
                          kind=t.kind, source=t.source, as_of=t.as_of.isoformat(),
                          window=t.window, url=t.url)


def _from_rule(rule_id: str, st: SetTarget, platform: str | None) -> ResolvedTarget:
    return ResolvedTarget(platform=platform, op=st.op,
                          value=list(st.value) if isinstance(st.value, tuple) else st.value,
                          kind=st.kind, source=f"{st.source} (rule {rule_id})",
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


def library_target_for(kpi: Kpi, platform: str | None) -> ResolvedTarget | None:
    """The library's own target of `kpi` on `platform` (None: the default), its official line
    recorded: what a counter metric watched beside a KPI must hold."""
    lib = _library_target(kpi, platform, [])
    if lib is None or (platform is not None and lib.platform != platform):
        return None if platform is not None else (_with_line(_from_library(lib, None))
                                                  if lib else None)
    return _with_line(_from_library(lib, platform))


def _with_line(t: ResolvedTarget) -> ResolvedTarget:
    if t.kind != "official":
        return t
    return t.model_copy(update={"line": Line(op=t.op, value=t.value)})


def goal_target(kpi: Kpi, goal: Goal) -> ResolvedTarget:
    """A company goal as a target: at least the goal for a KPI to raise, at most for one to
    lower; a goal on a keep-in-range KPI says which way to move by its baseline (30 -> 60 days
    of supply is `>= 60`; without a baseline, up)."""
    if kpi.direction == "range":
        up = goal.baseline is None or goal.target >= goal.baseline
        op = ">=" if up else "<="
    else:
        op = ">=" if kpi.direction == "higher" else "<="
    return ResolvedTarget(platform=None, op=op, value=goal.target, kind="goal",
                          source=f"Company goal, by {goal.by.isoformat()}")


def resolve_targets(kpi: Kpi, on_platforms: list[str], platform_bound: bool, answers: Answers,
                    overrides: list[tuple[str, SetTarget]]) -> list[ResolvedTarget]:
    goal = next((g for g in answers.goals if g.kpi == kpi.id), None)
    if goal is not None:
        return [goal_target(kpi, goal)]
    specific = {t.platform for t in kpi.targets if t.platform} | {
        st.platform for _, st in overrides if st.platform}
    per_platform = (kpi.platforms is not None or platform_bound
                    or bool(specific & set(on_platforms)))
    sites = {p.id: list(p.sites) for p in answers.platforms}
    out: list[ResolvedTarget] = []
    for p in (on_platforms if per_platform else [None]):
        lib = _library_target(kpi, p, sites.get(p, []) if p else [])
        current = _from_library(lib, p) if lib else None
        for rule_id, st in overrides:
            if st.platform not in (None, p):
                continue
            new = _from_rule(rule_id, st, p)
            current = stricter(current, new) if (st.tighten and current) else new
        if current is not None:
            line = _official_line(lib, [st for _, st in overrides if st.platform in (None, p)])
            if current.kind == "official":
                line = Line(op=current.op, value=current.value)
            out.append(current.model_copy(update={"line": line}) if line else current)
    return out


def _official_line(lib: Target | None, overrides: list[SetTarget]) -> Line | None:
    """The platform's official line among the library target and the rules' targets for this
    platform (the last one set wins, as for the target itself)."""
    line = None
    for t in ([lib] if lib else []) + overrides:
        if t.kind == "official":
            line = Line(op=t.op, value=list(t.value) if isinstance(t.value, tuple) else t.value)
    return line
