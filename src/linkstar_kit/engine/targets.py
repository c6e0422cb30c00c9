"""Resolve a selected KPI's targets: company goal > a target derived from a goal > rule
overrides > library (site, platform, default). A platform-bound role gets one target per
platform it covers; a cross-business role gets one target unless the platforms' published
thresholds differ.

Where a platform's rule differs by site (TikTok Shop US vs Southeast Asia, Walmart US vs CA),
the role gets one target per group of its sites, each naming its sites: the sites a
site-scoped target covers form a group, and the sites none covers fall back to the
platform-wide (or default) target as a group of their own, so a team selling on several sites
never loses a target.

Goals cascade into numbers where the arithmetic is known (`derived_from` names the goal;
plans.py and docs/plans.md tell the whole rule):
- a goal on a KPI that adds up over periods (aggregation `sum`: GMV, orders) is planned per
  period and split across the client's platforms and sites: a role on some platforms carries
  each platform's share, the platform named on the target; a role on every platform carries
  the company total, shared (`cascade_targets`);
- contribution margin under a net-margin goal: net margin = contribution margin - fixed costs
  ÷ sales, so the contribution margin must reach the net-margin goal plus the fixed-cost
  share (the goal's `fixed_cost_share` answer, the history's profit report or the
  operating-expense goal); with none of them its target is set at kick-off, never the net
  margin itself (`margin_target`).

A target resting on a platform's official line records it (`line`): past it is red.

With the client's own history (`--history`, exports/history.py) each target records the KPI's
baseline there, and targets are calibrated to it (`calibrate`):
- a KPI the library has no number for ("set at kick-off") gets this quarter's step from the
  baseline: `STEP[stage]` better, relatively (launch 20 %, growth 10 %, mature 5 %,
  turnaround 15 % a quarter; a ratio never past 100 %);
- a library line (method, reference or house) further from the baseline than that step
  becomes the destination (`destination`), and the quarter's target is the step;
- a library line the baseline already beats is not a target (the team could get worse and
  stay green): the target holds the baseline, and its reason names the line;
- a platform's official line, a company goal and a target derived from one are never moved:
  a stepped target is never looser than the official line the target rests on.
"""

from __future__ import annotations

from .. import catalog, fmt
from ..answers.models import Answers, Goal
from ..history import History
from ..library.models import Kpi, SetTarget, Target, Text, source_text
from .models import BaselineFact, GoalCascade, Line, ResolvedTarget, TargetBaseline

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


def library_target_for(kpi: Kpi, platform: str | None, lang: str = "en"
                       ) -> ResolvedTarget | None:
    """The library's own target of `kpi` on `platform` (None: the default), its official line
    recorded: what a counter metric watched beside a KPI must hold."""
    lib = _fallback_target(kpi, platform)
    if lib is None or (platform is not None and lib.platform != platform):
        return None if platform is not None else (_with_line(_from_library(lib, None, lang))
                                                  if lib else None)
    return _with_line(_from_library(lib, platform, lang))


def _with_line(t: ResolvedTarget) -> ResolvedTarget:
    if t.kind != "official":
        return t
    return t.model_copy(update={"line": Line(op=t.op, value=t.value)})


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
    if not groups or left:
        # the sites no target covers still form a group: without a platform-wide or default
        # target it is `(None, sites)`, a target to set at kick-off, never silently dropped
        groups.append((_fallback_target(kpi, platform), left if groups else None))
    # in the client's site order, so the first group is the client's first (main) site's
    groups.sort(key=lambda g: sites.index(g[1][0]) if g[1] else 0)
    return groups


def for_fulfillment(kpi: Kpi, answers: Answers) -> Kpi:
    """`kpi` without the targets written for fulfilment models the client does not use on
    their platform (an FBA line never judges a seller-fulfilled team)."""
    ful = {p.id: set(p.fulfillment) for p in answers.platforms}

    def fits(t: Target) -> bool:
        if t.fulfillment is None:
            return True
        on = [ful.get(t.platform, set())] if t.platform else list(ful.values())
        return any(not f or f & set(t.fulfillment) for f in on)

    kept = [t for t in kpi.targets if fits(t)]
    return kpi if len(kept) == len(kpi.targets) else kpi.model_copy(update={"targets": kept})


def _amount(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".")


# --- the goal cascade (plans.py): a company goal's share per team, margin from net margin ---

def cascade_targets(kpi: Kpi, goal: Goal, on_platforms: list[str], answers: Answers,
                    history: History | None = None, lang: str = "en") -> list[ResolvedTarget]:
    """A `sum` goal (GMV, orders) as the targets of the roles carrying its KPI: a role on some
    of the client's platforms gets each platform's share of the goal, the platform named on
    the target; a role on every platform (or on none in particular) carries the company total,
    a target the platforms' teams share. Each target keeps its plan per period; its value is
    an ordinary full period's plan."""
    from ..plans import goal_cascade, typical

    cascade = goal_cascade(answers, goal.target, goal.by, kpi.frequency, history)
    base = goal_target(kpi, goal)
    split_note = catalog.text(lang, f"plans.split.{cascade.split}")
    curve_note = catalog.text(lang, f"plans.curve.{cascade.curve}")
    client = [p.id for p in answers.platforms]
    if not on_platforms or set(client) <= set(on_platforms) or len(client) == 1:
        return [base.model_copy(update={
            "value": typical(cascade.plan), "plan": cascade.plan, "derived_from": goal.kpi,
            "source": catalog.text(lang, "plans.source.company" if len(client) == 1
                                   else "plans.source.shared", target=_amount(goal.target),
                                   by=goal.by.isoformat(), curve=curve_note)})]
    names = {p.platform: p for p in cascade.platforms}
    out = []
    for platform in on_platforms:
        share = names.get(platform)
        if share is None:
            continue
        out.append(base.model_copy(update={
            "platform": platform, "value": typical(share.plan), "plan": share.plan,
            "share": share.share, "derived_from": goal.kpi,
            "source": catalog.text(lang, "plans.source.platform",
                                   share=fmt.value(share.share, "ratio", lang),
                                   total=_amount(share.total),
                                   target=_amount(goal.target), by=goal.by.isoformat(),
                                   split=split_note, curve=curve_note)}))
    return out


def fixed_cost_share(answers: Answers, history: History | None = None
                     ) -> tuple[float | None, str]:
    """Fixed costs ÷ sales, and where it comes from: the net-margin goal's own answer
    (`goals[].fixed_cost_share`), the history's profit report, the operating-expense goal;
    (None, "kick_off") when none says."""
    goals = {g.kpi: g for g in answers.goals}
    nm = goals.get("net_margin")
    if nm is not None and nm.fixed_cost_share is not None:
        return nm.fixed_cost_share, "answer"
    if history is not None and history.fixed_cost_share is not None:
        return history.fixed_cost_share, "history"
    if "operating_expense_ratio" in goals:
        return goals["operating_expense_ratio"].target, "opex_goal"
    return None, "kick_off"


def margin_target(kpi: Kpi, answers: Answers, history: History | None = None,
                  lang: str = "en") -> ResolvedTarget | None:
    """Contribution margin under a net-margin goal: net margin = contribution margin - fixed
    costs ÷ sales, so the contribution margin must reach the net-margin goal plus the
    fixed-cost share. None when there is no net-margin goal, or when the share is unknown (the
    target is then set at kick-off; `margin_open` says so)."""
    goals = {g.kpi: g for g in answers.goals}
    if kpi.id != "contribution_margin" or "net_margin" not in goals:
        return None
    nm = goals["net_margin"]
    share, source = fixed_cost_share(answers, history)
    if share is None:
        return None
    why = catalog.text(lang, f"plans.margin.{source}", nm=f"{nm.target:.4g}",
                       share=f"{share:.4g}")
    return ResolvedTarget(platform=None, op=">=", value=round(nm.target + share, 6), kind="goal",
                          source=catalog.text(lang, "selection.source.margin_derived",
                                              by=nm.by.isoformat(), why=why),
                          derived_from="net_margin")


def margin_open(kpi: Kpi, answers: Answers, history: History | None = None) -> bool:
    """A contribution margin under a net-margin goal whose fixed-cost share nobody gave: its
    target is set at kick-off, never the net margin itself."""
    return (kpi.id == "contribution_margin" and any(g.kpi == "net_margin" for g in answers.goals)
            and fixed_cost_share(answers, history)[0] is None)


def margin_open_because() -> Text:
    return Text(en=catalog.text("en", "plans.margin.open"), zh=catalog.text("zh", "plans.margin.open"))


def goal_plan_of(kpi: Kpi, goal: Goal, answers: Answers, history: History | None = None
                 ) -> GoalCascade | None:
    """The cascade of a goal that adds up over periods (None for a rate or a level)."""
    if kpi.aggregation != "sum":
        return None
    from ..plans import goal_cascade

    return goal_cascade(answers, goal.target, goal.by, kpi.frequency, history)


def derived_target(kpi: Kpi, answers: Answers, lang: str = "en",
                   history: History | None = None) -> ResolvedTarget | None:
    """A target this KPI takes from a company goal by known arithmetic (module docstring)."""
    return margin_target(kpi, answers, history, lang)


def cascade_because(kpi: Kpi, target: ResolvedTarget) -> Text:
    """Why a derived target has its number, for the KPI's reasons (both languages)."""
    if target.share is not None:
        return Text(en=catalog.text("en", "plans.because_share"),
                    zh=catalog.text("zh", "plans.because_share"))
    key = "spread" if target.derived_from == kpi.id else "margin"
    return Text(en=catalog.text("en", f"selection.cascade.{key}"),
                zh=catalog.text("zh", f"selection.cascade.{key}"))


def resolve_targets(kpi: Kpi, on_platforms: list[str], platform_bound: bool, answers: Answers,
                    overrides: list[tuple[str, SetTarget]], lang: str = "en",
                    history: History | None = None) -> list[ResolvedTarget]:
    return resolve(kpi, on_platforms, platform_bound, answers, overrides, lang, history)[0]


def resolve(kpi: Kpi, on_platforms: list[str], platform_bound: bool, answers: Answers,
            overrides: list[tuple[str, SetTarget]], lang: str = "en",
            history: History | None = None
            ) -> tuple[list[ResolvedTarget], dict[str, list[str]]]:
    """The targets, and per platform the client's sites no target covers while other sites
    of it have one (their target is set at kick-off; the documents show that group too).
    With `history`, calibrated to the client's baselines (module docstring)."""
    targets, open_sites, per_platform = _resolve(kpi, on_platforms, platform_bound, answers,
                                                 overrides, lang, history)
    if history is None:
        return targets, open_sites
    platforms: list[str | None] = list(on_platforms) if per_platform else [None]
    return calibrate(kpi, targets, open_sites, platforms, answers, history, lang)


def _resolve(kpi: Kpi, on_platforms: list[str], platform_bound: bool, answers: Answers,
             overrides: list[tuple[str, SetTarget]], lang: str = "en",
             history: History | None = None
             ) -> tuple[list[ResolvedTarget], dict[str, list[str]], bool]:
    goal = next((g for g in answers.goals if g.kpi == kpi.id), None)
    if goal is not None:
        if kpi.aggregation == "sum":
            return cascade_targets(kpi, goal, on_platforms, answers, history, lang), {}, False
        return [goal_target(kpi, goal, lang)], {}, False
    derived = derived_target(kpi, answers, lang, history)
    if derived is not None:
        return [derived], {}, False
    if margin_open(kpi, answers, history):
        return [], {}, False
    kpi = for_fulfillment(kpi, answers)
    specific = {t.platform for t in kpi.targets if t.platform} | {
        st.platform for _, st in overrides if st.platform}
    per_platform = (kpi.platforms is not None or platform_bound
                    or bool(specific & set(on_platforms)))
    sites = {p.id: list(p.sites) for p in answers.platforms}
    out: list[ResolvedTarget] = []
    open_sites: dict[str, list[str]] = {}
    for p in (on_platforms if per_platform else [None]):
        found: list[ResolvedTarget] = []
        open_group: list[str] = []
        mine = [st for _, st in overrides if st.platform in (None, p)]
        for lib, group in site_groups(kpi, p, sites.get(p, []) if p else []):
            current = _from_library(lib, p, lang, group) if lib else None
            for rule_id, st in overrides:
                if st.platform not in (None, p):
                    continue
                new = _from_rule(rule_id, st, p, lang, group)
                current = stricter(current, new) if (st.tighten and current) else new
            if current is not None:
                line = _official_line(lib, mine)
                if current.kind == "official":
                    line = Line(op=current.op, value=current.value)
                found.append(current.model_copy(update={"line": line}) if line else current)
            elif group and p is not None:
                open_group = group
        if open_group and p is not None:
            open_sites[p] = open_group
        out.extend(_merge_groups(found, keep_sites=bool(open_group)))
    return out, open_sites, per_platform


# This quarter's improvement from the baseline, relative, by the client's stage: a young store
# moves fast from a low base, a mature one defends a margin of a few points, a turnaround
# repairs what broke.
STEP = {"launch": 0.20, "growth": 0.10, "mature": 0.05, "turnaround": 0.15}


def _better(a: float, b: float, direction: str) -> bool:
    """`a` is at least as good as `b`."""
    return a >= b if direction == "higher" else a <= b


def _step(baseline: float, kpi: Kpi, stage: str) -> float:
    s = STEP.get(stage, 0.10)
    v = baseline * (1 + s) if kpi.direction == "higher" else baseline * (1 - s)
    if kpi.unit == "ratio" and not kpi.signed:
        v = min(max(v, 0.0), 1.0)
    return _rounded(v, kpi)


def _rounded(v: float, kpi: Kpi) -> float:
    """A target as the unit counts: whole sessions and orders, cents, ratios to 6 places."""
    if kpi.unit == "count":
        return float(round(v))
    return round(v, 6) if kpi.unit == "ratio" else round(v, 2)


def _shown(v: float, kpi: Kpi, lang: str, currency: str) -> str:
    from ..fmt import value

    return value(v, kpi.unit, lang, currency)


def baseline_facts(history: History) -> list[BaselineFact]:
    """The history's baselines as the selection keeps them (sorted: a stable selection.json)."""
    return [BaselineFact(kpi=k, platform=p or None, site=s or None, value=round(b.value, 6),
                         start=b.start.isoformat(), end=b.end.isoformat(), periods=b.periods)
            for (k, p, s), b in sorted(history.baselines.items())]


def hold_target(kpi: Kpi, fact: BaselineFact | TargetBaseline, stage: str, lang: str,
                currency: str, platform: str | None = None) -> ResolvedTarget:
    """What a KPI with no library line must hold while another is pushed (a watch row), or a
    keep-in-range KPI's band: the recent actual, not worse (a range: within this quarter's
    step of it either way)."""
    base = TargetBaseline(value=fact.value, start=fact.start, end=fact.end,
                          periods=fact.periods)
    shown = _shown(fact.value, kpi, lang, currency)
    if kpi.direction == "range":
        s = STEP.get(stage, 0.10)
        lo, hi = fact.value * (1 - s), fact.value * (1 + s)
        return ResolvedTarget(platform=platform, op="between",
                              value=[_rounded(lo, kpi), _rounded(hi, kpi)],
                              kind="baseline", as_of=fact.end, baseline=base,
                              source=catalog.text(lang, "selection.source.baseline_band",
                                                  baseline=shown, start=fact.start,
                                                  end=fact.end, step=f"{s:.0%}"))
    return ResolvedTarget(platform=platform, op=">=" if kpi.direction == "higher" else "<=",
                          value=_rounded(fact.value, kpi), kind="baseline", as_of=fact.end,
                          baseline=base,
                          source=catalog.text(lang, "selection.source.baseline_hold",
                                              baseline=shown, start=fact.start, end=fact.end))


def calibrate(kpi: Kpi, targets: list[ResolvedTarget], open_sites: dict[str, list[str]],
              platforms: list[str | None], answers: Answers, history: History,
              lang: str = "en") -> tuple[list[ResolvedTarget], dict[str, list[str]]]:
    """The targets with the client's baselines recorded and, where the library allows it,
    stepped from them (module docstring)."""
    stage = answers.stage
    cur = answers.client.currency

    def base_of(platform: str | None, group: list[str] | None) -> TargetBaseline | None:
        # a target for some sites steps from its first site's baseline; one for every site of
        # the platform (or every platform) from the platform's (the company's)
        b = history.baseline(kpi.id, platform, group[0] if group else "")
        if b is None or (b.value <= 0 and kpi.direction == "higher"):
            return None  # nothing to step from by a share of itself
        return TargetBaseline(value=round(b.value, 6), start=b.start.isoformat(),
                              end=b.end.isoformat(), periods=b.periods)

    def reason(b: TargetBaseline, dest: float | None) -> str:
        key = "selection.source.baseline_toward" if dest is not None \
            else "selection.source.baseline_step"
        return catalog.text(lang, key, baseline=_shown(b.value, kpi, lang, cur), start=b.start,
                            end=b.end, step=f"{STEP.get(stage, 0.10):.0%}",
                            stage=catalog.text(lang, f"labels.{stage}"),
                            line=_shown(dest, kpi, lang, cur) if dest is not None else "")

    out: list[ResolvedTarget] = []
    for t in targets:
        b = base_of(t.platform, t.sites)
        if b is None:
            out.append(t)
            continue
        t = t.model_copy(update={"baseline": b})
        if (t.kind in ("official", "goal") or t.derived_from or isinstance(t.value, list)
                or kpi.direction == "range" or t.op not in _LOWER + _HIGHER):
            out.append(t)
            continue
        step = _step(b.value, kpi, stage)
        if (t.kind in ("method", "reference", "house") and t.line is None
                and _better(b.value, t.value, kpi.direction) and b.value != t.value):
            # a library line the team already beats (TACoS <= 15 % at 3 %) would let it get
            # worse and still be green: it holds its recent actual, and the line is said
            out.append(t.model_copy(update={
                "value": _rounded(b.value, kpi), "kind": "baseline", "as_of": b.end,
                "window": None, "url": None,
                "source": catalog.text(lang, "selection.source.baseline_beats_line",
                                       baseline=_shown(b.value, kpi, lang, cur),
                                       start=b.start, end=b.end,
                                       line=_shown(t.value, kpi, lang, cur))}))
            continue
        if _better(step, t.value, kpi.direction):
            out.append(t)  # the line is within this quarter's reach: it stays the target
            continue
        if t.line is not None and not isinstance(t.line.value, list) \
                and not _better(step, t.line.value, kpi.direction):
            step = t.line.value  # never looser than the platform's official line
        out.append(t.model_copy(update={
            "value": step, "kind": "baseline", "source": reason(b, t.value),
            "as_of": b.end, "window": None, "url": None,
            "destination": Line(op=t.op, value=t.value)}))
    if kpi.direction == "range":
        if not targets:  # keep in range: within this quarter's step of the recent actual
            for p in platforms:
                b = base_of(p, None)
                if b is not None:
                    out.append(hold_target(kpi, b, stage, lang, cur, p))
        return out, open_sites
    op = ">=" if kpi.direction == "higher" else "<="
    if not targets:  # the library has no number: this quarter's step from the baseline
        for p in platforms:
            b = base_of(p, None)
            if b is not None:
                out.append(ResolvedTarget(platform=p, op=op, value=_step(b.value, kpi, stage),
                                          kind="baseline", source=reason(b, None), as_of=b.end,
                                          baseline=b))
    left: dict[str, list[str]] = {}
    for p, group in open_sites.items():
        b = base_of(p, group)
        if b is None:
            left[p] = group
            continue
        out.append(ResolvedTarget(platform=p, sites=group, op=op,
                                  value=_step(b.value, kpi, stage), kind="baseline",
                                  source=reason(b, None), as_of=b.end, baseline=b))
    return out, left


def _official_line(lib: Target | None, overrides: list[SetTarget]) -> Line | None:
    """The platform's official line among the library target and the rules' targets for this
    platform (the last one set wins, as for the target itself)."""
    line = None
    for t in ([lib] if lib else []) + overrides:
        if t.kind == "official":
            line = Line(op=t.op, value=list(t.value) if isinstance(t.value, tuple) else t.value)
    return line


def _merge_groups(found: list[ResolvedTarget], keep_sites: bool = False) -> list[ResolvedTarget]:
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
    if len(merged) == 1 and len(found) > 1 and not keep_sites:
        merged[0] = merged[0].model_copy(update={"sites": None})
    return merged
