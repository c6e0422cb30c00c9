"""The selection algorithm: answers + library -> Selection.

Per role entry, in this order (each step is recorded in the KPI's `reasons`):
1. applicability: the KPIs the role suits that apply on one of its platforms;
2. scores: the library's base weight for the role, a bonus for company goals the KPI is or
   drives, then every matching rule's include / exclude / boost / set_target / note;
3. the client's pins and excludes (a pin beats a rule's exclude);
4. the top of the ranking up to the role's KPI count (pins and rule includes first);
5. platform measures: a `keep_platform_measure` rule keeps, for each of the role's platforms it
   names, one of that platform's own measures (a KPI of that platform, or one held to its
   official line); the steps after it never swap such a KPI out;
6. balance: at least one lead and one lag measure, and a selected KPI's counter metric beside
   it when the role can hold one, so no role is driven by a single gameable number;
then, across roles, goal coverage: every company goal gets a driver, else a warning.
Ties break on the KPI id, so the same input always gives the same output.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import __version__, catalog
from ..answers.models import Answers, RoleEntry
from ..history import History
from ..library.applicability import Fit, platforms_for, text_applies
from ..library.conditions import evaluate
from ..library.loader import Library
from ..library.models import KeepPlatformMeasure, Kpi, Note, Rule, SetTarget, Text
from ..vocabulary import MAX_KPIS, MIN_KPIS
from .facts import company_facts, role_facts
from .fit import client_fit
from .models import (
    ClientInfo,
    Driver,
    Generator,
    GoalSelection,
    PlatformGap,
    Reason,
    RoleSelection,
    RunnerUp,
    SelectedKpi,
    Selection,
)
from .sources import data_source_for, sources_by_platform
from .targets import (
    baseline_facts,
    cascade_because,
    goal_plan_of,
    goal_target,
    margin_open,
    margin_open_because,
    resolve,
)

# A company goal held by a role that owns it is the most direct link there is, so it outranks
# the drivers that rules stack boosts on; the bonus shrinks with the role's fit, so a goal does
# not land on a role that merely touches it.
GOAL_SELF_BONUS = 6.0
GOAL_SELF_FULL_FIT = 8.0
GOAL_DRIVER_BONUS = 2.0
# While filling a role, each KPI already chosen from the same balance family (profit, growth,
# quality ...) lowers the next one's effective score, so three margin KPIs do not crowd out
# everything else. The penalty orders the picks only; recorded scores stay as computed.
SAME_FAMILY_PENALTY = 1.5
# A counter metric is added beside the KPI it guards only when the role genuinely owns it
# (base weight at least this); otherwise the health check flags the unguarded KPI instead.
COUNTER_MIN_FIT = 5.0


@dataclass
class Candidate:
    kpi: Kpi
    platforms: list[str]
    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)
    included: bool = False
    pinned: bool = False
    excluded: str | None = None  # why, when excluded
    protected: bool = False  # added by a balance/counter/coverage step: not swapped out again

    def rank(self) -> tuple[float, str]:
        return (-self.score, self.kpi.id)


@dataclass
class RoleWork:
    """The working state of one role entry while selecting."""

    entry: RoleEntry
    key: str
    platforms: list[str]
    count: int
    count_fixed: bool
    candidates: dict[str, Candidate]
    selected: list[str]
    overrides: dict[str, list[tuple[str, SetTarget]]]
    kpi_notes: dict[str, list[Note]]
    role_notes: list[Note]
    goals: frozenset[str] = frozenset()
    # (platform, rule, effect) a keep_platform_measure rule asks a measure for, in role order
    measure_asks: list[tuple[str, Rule, KeepPlatformMeasure]] = field(default_factory=list)
    # KPIs that never count as a platform's own measure (keep_platform_measure's `ignore`)
    measure_ignore: frozenset[str] = frozenset()
    # the client's sites on each of the role's platforms: an official line scoped to other
    # sites does not make a KPI this platform's measure for this client
    sites: dict[str, list[str]] = field(default_factory=dict)
    platform_gaps: list[PlatformGap] = field(default_factory=list)


def default_kpi_count(facts: dict[str, Any]) -> int:
    """3 for small or launching teams (focus), 4 otherwise, 5 for a role spread over 3+ platforms."""
    if facts["stage"] == "launch" or facts["team_size"] < 8:
        return 3
    if facts["role_platform_count"] >= 3 and facts["headcount"] >= 2:
        return 5
    return 4


def select(answers: Answers, library: Library, *, language: str | None = None,
           history: History | None = None) -> Selection:
    """Run the engine. `language` overrides the answers' language for texts in the result.
    `history` is the client's own numbers (report exports read by `linkstar_kit.exports`): the
    baselines the targets step from and the shares the goal cascade splits by; None when the
    consultant brought none."""
    lang = language or answers.client.language
    company = company_facts(answers)
    goals = [g.kpi for g in answers.goals]
    fulfillment: dict[str, list[str]] = {p.id: list(p.fulfillment) for p in answers.platforms}
    # where each KPI applies, per set of role platforms: roles share platform sets, and the
    # rules name the same KPIs for every role (issue 21: a quarter of select()'s time)
    on_cache: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    works = [
        _select_role(answers, library, entry, key, company, goals, fulfillment, on_cache)
        for entry, key in zip(answers.roles, answers.role_keys(), strict=True)
    ]
    warnings: list[str] = []
    _cover_goals(works, goals, library, lang, warnings)
    for w in works:
        _balance(w)  # coverage may have swapped a KPI out; re-check the role's balance

    fit = client_fit(answers, library, lang)
    roles = [_role_result(answers, library, w, lang, warnings, history, fit) for w in works]
    goal_results = []
    for g in answers.goals:
        drivers = [Driver(role_key=r.key, kpi=k.kpi) for r in roles for k in r.kpis
                   if k.kpi == g.kpi or g.kpi in k.drives]
        kpi = library.kpis[g.kpi]
        baseline = g.baseline
        found = history.baseline(g.kpi) if baseline is None and history is not None else None
        if found is not None and kpi.aggregation != "sum":
            # a rate goal's path starts where the client's history stands (conversion 8.4 %
            # -> 10 %), not at the target from the first week
            baseline = round(found.value, 6)
        elif found is not None:
            # a sum goal (GMV) is a total over its span: its baseline is the history's mean
            # per period over as many periods (a quarter's GMV at last quarter's pace); its
            # plan still starts at 0 (pacing.py)
            from ..plans import history_total

            baseline = history_total(found.value, kpi.frequency, answers.scope.start, g.by)
        goal_results.append(GoalSelection(
            kpi=g.kpi, name=kpi.name, unit=kpi.unit, target=g.target, by=g.by.isoformat(),
            baseline=baseline, resolved_target=goal_target(kpi, g, lang), drivers=drivers,
            cascade=goal_plan_of(kpi, g, answers, history)))
    return Selection(
        generator=Generator(name="linkstar-kit", version=__version__, library=library.version),
        client=ClientInfo(name=answers.client.name, slug=answers.client.effective_slug(),
                          language=lang),  # type: ignore[arg-type]
        goals=goal_results,
        roles=roles,
        warnings=warnings,
        baselines=baseline_facts(history) if history is not None else [],
    )


def _select_role(answers: Answers, library: Library, entry: RoleEntry, key: str,
                 company: dict[str, Any], goals: list[str],
                 fulfillment: dict[str, list[str]],
                 on_cache: dict[tuple[str, tuple[str, ...]], list[str]] | None = None
                 ) -> RoleWork:
    facts = role_facts(answers, entry, company)
    platforms = answers.role_platforms(entry)
    cands: dict[str, Candidate] = {}
    on_cache = {} if on_cache is None else on_cache
    held_on = tuple(platforms)

    def candidate(kpi: Kpi) -> Candidate | None:
        if kpi.id in cands:
            return cands[kpi.id]
        where = (kpi.id, held_on)
        on = on_cache.get(where)
        if on is None:
            on = on_cache[where] = platforms_for(kpi, platforms, fulfillment)
        if not on:
            return None  # never a KPI of a platform (or fulfillment model) the role lacks
        c = Candidate(kpi, list(on))
        base = kpi.roles.get(entry.role, 0.0)
        c.score = base
        c.reasons.append(Reason(rule="role-fit", effect="base", weight=base))
        if kpi.id in goals:
            bonus = round(GOAL_SELF_BONUS * min(1.0, base / GOAL_SELF_FULL_FIT), 2)
            c.score += bonus
            c.reasons.append(Reason(rule=f"goal:{kpi.id}", effect="boost", weight=bonus))
        for g in kpi.drives:
            if g in goals:
                c.score += GOAL_DRIVER_BONUS
                c.reasons.append(Reason(rule=f"goal:{g}", effect="boost", weight=GOAL_DRIVER_BONUS))
        cands[kpi.id] = c
        return c

    for kpi in library.kpis.values():
        if entry.role in kpi.roles:
            candidate(kpi)

    overrides: dict[str, list[tuple[str, SetTarget]]] = {}
    measure_asks: list[tuple[str, Rule, KeepPlatformMeasure]] = []
    kpi_notes: dict[str, list[Note]] = {}
    role_notes: list[Note] = []
    for cr in library.rules:
        rule = cr.rule
        if rule.roles is not None and entry.role not in rule.roles:
            continue
        if not evaluate(cr.condition, facts):
            continue
        for eff in rule.then:
            if isinstance(eff, KeepPlatformMeasure):
                measure_asks.extend(_measure_asks(answers, entry, platforms, rule, eff))
                continue
            kid = getattr(eff, "kpi", None)
            target_kpi = library.kpis.get(kid) if kid else None
            c = candidate(target_kpi) if target_kpi is not None else None
            match eff.effect:
                case "include":
                    if c is not None:
                        c.included = True
                        c.reasons.append(Reason(rule=rule.id, effect="include", because=rule.because))
                case "exclude":
                    if c is not None and c.excluded is None:
                        c.excluded = f"rule {rule.id}"
                        c.reasons.append(Reason(rule=rule.id, effect="exclude", because=rule.because))
                case "boost":
                    if c is not None:
                        c.score += eff.weight
                        c.reasons.append(Reason(rule=rule.id, effect="boost", weight=eff.weight,
                                                because=rule.because))
                case "set_target":
                    if c is not None:
                        overrides.setdefault(eff.kpi, []).append((rule.id, eff))
                        c.reasons.append(Reason(rule=rule.id, effect="set_target",
                                                because=rule.because))
                case "note":
                    if eff.kpi is None:
                        role_notes.append(eff)
                    elif c is not None:
                        kpi_notes.setdefault(eff.kpi, []).append(eff)
                        c.reasons.append(Reason(rule=rule.id, effect="note", because=rule.because))

    for kid in entry.exclude:
        c = cands.get(kid)
        if c is not None:
            c.excluded = "the client's exclude list"
            c.reasons.append(Reason(rule="client-exclude", effect="exclude"))
    for kid in entry.pin:
        c = candidate(library.kpis[kid])
        if c is None:  # validation refuses such pins; stay safe if called without it
            continue
        c.pinned = True
        if c.excluded and c.excluded.startswith("rule "):
            c.reasons.append(Reason(rule="pin", effect="pin",
                                    because=Text(
                                        en=catalog.text("en", "selection.pin_beats_exclude"),
                                        zh=catalog.text("zh", "selection.pin_beats_exclude"))))
            c.excluded = None
        else:
            c.reasons.append(Reason(rule="pin", effect="pin"))

    count = entry.kpi_count or default_kpi_count(facts)
    count = max(count, min(len(entry.pin), MAX_KPIS))
    # A KPI the role has no weight for is only ever chosen through a pin or a rule's include;
    # a boost alone does not make it the role's.
    pool = sorted((c for c in cands.values() if not c.excluded
                   and (c.kpi.roles.get(entry.role) or c.included or c.pinned)), key=Candidate.rank)
    first = ([cands[k] for k in entry.pin if k in cands and cands[k].pinned]
             + [c for c in pool if c.included and not c.pinned])
    chosen = first[:count]
    rest = [c for c in pool if not c.included and not c.pinned]
    client_sites = {p.id: list(p.sites) for p in answers.platforms}
    # KPIs that name their platforms for another reason (ad units ...) are nobody's own
    # measure, in the fill and the balance steps alike, as in keep_platform_measure itself
    measure_ignore = frozenset(k for cr in library.rules for eff in cr.rule.then
                               if isinstance(eff, KeepPlatformMeasure) for k in eff.ignore)

    owned: dict[str, bool] = {}  # asked again for the same candidates at every pick

    def own(c: Candidate) -> bool:
        if c.kpi.id not in owned:
            owned[c.kpi.id] = any(is_platform_measure(c.kpi, c.platforms, p,
                                                      client_sites.get(p, []), measure_ignore)
                                  for p in platforms)
        return owned[c.kpi.id]

    while len(chosen) < count and rest:
        best = min(rest, key=lambda c: (-_diverse_score(c, chosen), c.kpi.id))
        if not own(best) and not _has_target(best):
            # balance among families never costs a platform's own measure its place to a
            # generic number with no target: the platform judges the seller on the former
            keep = [c for c in rest if own(c) and c.score >= best.score]
            if keep:
                best = min(keep, key=lambda c: (-_diverse_score(c, chosen), c.kpi.id))
        rest.remove(best)
        if not _twin_of_any(best, chosen):
            chosen.append(best)
    selected = [c.kpi.id for c in chosen]
    work = RoleWork(entry, key, platforms, count, entry.kpi_count is not None, cands, selected,
                    overrides, kpi_notes, role_notes, frozenset(goals),
                    measure_asks=measure_asks, measure_ignore=measure_ignore,
                    sites={p.id: list(p.sites) for p in answers.platforms})
    _keep_platform_measures(work)
    _balance(work)
    return work


def _twin_of_any(c: Candidate, others: list[Candidate]) -> bool:
    """True when `c` is the same number as one of `others` in another form (ROAS and ACoS) on
    a platform both are held on: ACoS on Amazon beside ROAS on Shopee is each console's unit."""
    same_as, kid = c.kpi.same_as, c.kpi.id
    for o in others:  # a plain loop: this runs for every candidate against every held KPI
        if (o.kpi.id in same_as or kid in o.kpi.same_as) \
                and not set(o.platforms).isdisjoint(c.platforms):
            return True
    return False


def _measure_asks(answers: Answers, entry: RoleEntry, platforms: list[str], rule: Rule,
                  eff: KeepPlatformMeasure) -> list[tuple[str, Rule, KeepPlatformMeasure]]:
    """The role's platforms this rule asks a measure for: those it names, less the ones a role
    entry of `unless_covered_by` covers (that role carries the platform's measure instead)."""
    covered = {p for other in answers.roles if other.role in eff.unless_covered_by
               and other is not entry for p in answers.role_platforms(other)}
    return [(p, rule, eff) for p in platforms if p in eff.platforms and p not in covered]


def is_platform_measure(kpi: Kpi, on: list[str], platform: str, sites: list[str],
                        ignore: Collection[str] = ()) -> bool:
    """`kpi`, held on the platforms `on`, is `platform`'s own measure: a KPI of that platform
    (it names its platforms and `platform` is one), or one held to that platform's official
    line for one of the client's `sites` there (or any site when none is named). KPIs in
    `ignore` name their platforms for another reason and never count."""
    if platform not in on or kpi.id in ignore:
        return False
    if kpi.platforms is not None and platform in kpi.platforms:
        return True
    return any(t.kind == "official" and t.platform == platform
               and (not t.sites or not sites or set(t.sites) & set(sites)) for t in kpi.targets)


def _keep_platform_measures(w: RoleWork) -> None:
    """Per platform asked for: protect the best platform measure already selected, else add
    the best one the role suits, preferring one that is also the measure of platforms still
    to come (in a free place, or instead of the weakest KPI a balance step may swap).
    A platform the role cannot get one for is recorded in `platform_gaps` with the reason."""
    asks: list[tuple[str, Rule, KeepPlatformMeasure]] = []
    for ask in w.measure_asks:
        if ask[0] not in [a[0] for a in asks]:
            asks.append(ask)

    def measure_of(c: Candidate, ask: tuple[str, Rule, KeepPlatformMeasure]) -> bool:
        p, _, eff = ask
        return is_platform_measure(c.kpi, c.platforms, p, w.sites.get(p, []), eff.ignore)

    for i, ask in enumerate(asks):
        p, rule = ask[0], ask[1]
        reason = Reason(rule=rule.id, effect="platform", because=rule.because, platform=p)
        held = sorted((w.candidates[k] for k in w.selected if measure_of(w.candidates[k], ask)),
                      key=Candidate.rank)
        if held:
            held[0].protected = True
            held[0].reasons.append(reason)
            continue
        chosen = [w.candidates[k] for k in w.selected]
        later = asks[i + 1:]
        options = sorted((c for c in w.candidates.values()
                          if measure_of(c, ask) and not c.excluded and c.kpi.id not in w.selected
                          and c.kpi.roles.get(w.entry.role) and not _twin_of_any(c, chosen)),
                         key=lambda c: (-sum(measure_of(c, a) for a in later), c.rank()))
        if not options:
            excluded = sorted(c.kpi.id for c in w.candidates.values()
                              if measure_of(c, ask) and c.excluded and c.kpi.roles.get(w.entry.role))
            w.platform_gaps.append(PlatformGap(platform=p, rule=rule.id,
                                               why="excluded" if excluded else "none",
                                               kpis=excluded))
            continue
        if not any(_place_measure(w, c, reason) for c in options):
            w.platform_gaps.append(PlatformGap(platform=p, rule=rule.id, why="full"))


def _place_measure(w: RoleWork, c: Candidate, reason: Reason) -> bool:
    """Put a platform's measure into the role: in a free place (the role may grow to 5 when
    its count is not fixed), else instead of the weakest KPI a balance step may swap, the
    role's only lead (or lag) measure included when the measure is of the same kind."""
    if len(w.selected) < w.count or (not w.count_fixed and len(w.selected) < MAX_KPIS):
        w.selected.append(c.kpi.id)
    else:
        chosen = [w.candidates[k] for k in w.selected]
        victims = [v for v in _swappable(w, keep_kinds=False)
                   if v.kpi.kind == c.kpi.kind
                   or sum(1 for o in chosen if o.kpi.kind == v.kpi.kind) > 1]
        if not victims:
            return False
        w.selected[w.selected.index(victims[0].kpi.id)] = c.kpi.id
    c.protected = True
    c.reasons.append(reason)
    return True


def _diverse_score(c: Candidate, chosen: list[Candidate]) -> float:
    same = sum(1 for o in chosen if o.kpi.balance == c.kpi.balance)
    return c.score - SAME_FAMILY_PENALTY * same


def _has_target(c: Candidate) -> bool:
    """The library has a target for `c` on one of the platforms it is held on."""
    return any(t.platform is None or t.platform in c.platforms for t in c.kpi.targets)


def _own_measure(w: RoleWork, c: Candidate) -> bool:
    """`c` is the own measure of one of the role's platforms (its KPI, or its official line)."""
    return any(is_platform_measure(c.kpi, c.platforms, p, w.sites.get(p, []), w.measure_ignore)
               for p in w.platforms)


def _swappable(w: RoleWork, keep_kinds: bool = True,
               incoming: Candidate | None = None) -> list[Candidate]:
    """Selected KPIs that a balance step may replace, weakest first. A platform's own measure
    is never given up for a generic KPI (`incoming` of no platform of the role's own): the
    platform judges the seller on it, a generic number can be read anywhere."""
    chosen = [w.candidates[k] for k in w.selected]
    generic = incoming is not None and not _own_measure(w, incoming)
    out = []
    for c in chosen:
        if c.pinned or c.included or c.protected or c.kpi.id in w.goals:
            continue  # a company goal held by the role is its most direct link: keep it
        if generic and _own_measure(w, c):
            continue
        if keep_kinds and sum(1 for o in chosen if o.kpi.kind == c.kpi.kind) == 1:
            continue  # never remove the only lead (or lag) measure
        out.append(c)

    # weakest first: a KPI's worth here is its score less the same-family penalty for the
    # other chosen KPIs of its family, so a crowded family gives up a member first
    def worth(c: Candidate) -> tuple[float, float, list[int]]:
        others = [o for o in chosen if o is not c]
        return (_diverse_score(c, others), c.score, [-ord(ch) for ch in c.kpi.id])  # ties: later id first

    return sorted(out, key=worth)


def _add(w: RoleWork, c: Candidate, reason: Reason, *, may_grow: bool,
         max_victim_score: float | None = None) -> bool:
    """Put `c` into the selection: in a free slot, else in place of the weakest swappable KPI
    (only one scoring below `max_victim_score`, when given)."""
    if len(w.selected) < w.count or (may_grow and not w.count_fixed and len(w.selected) < MAX_KPIS):
        w.selected.append(c.kpi.id)
    else:
        victims = [v for v in _swappable(w, incoming=c)
                   if max_victim_score is None or v.score < max_victim_score]
        if not victims:
            return False
        w.selected[w.selected.index(victims[0].kpi.id)] = c.kpi.id
    c.protected = True
    c.reasons.append(reason)
    return True


def _pool(w: RoleWork) -> Iterator[Candidate]:
    """The role's unselected candidates, best first. Lazy: the callers mostly want the first
    of a kind, and the twin check against every held KPI is the dear part (issue 21)."""
    held = [w.candidates[k] for k in w.selected]
    ranked = sorted((c for c in w.candidates.values()
                     if not c.excluded and c.kpi.id not in w.selected
                     and c.kpi.roles.get(w.entry.role)),
                    key=Candidate.rank)
    return (c for c in ranked if not _twin_of_any(c, held))


def _balance(w: RoleWork) -> None:
    for kind in ("lead", "lag"):
        if any(w.candidates[k].kpi.kind == kind for k in w.selected):
            continue
        best = next((c for c in _pool(w) if c.kpi.kind == kind), None)
        if best is not None:
            victims = _swappable(w, keep_kinds=False, incoming=best)
            room = len(w.selected) < w.count or (not w.count_fixed and len(w.selected) < MAX_KPIS)
            if room:
                w.selected.append(best.kpi.id)
            elif victims:
                w.selected[w.selected.index(victims[0].kpi.id)] = best.kpi.id
            else:
                continue
            best.protected = True
            best.reasons.append(Reason(rule=f"balance-{kind}", effect="balance"))
    for kid in list(w.selected):
        if kid not in w.selected:
            continue  # replaced earlier in this loop
        kpi = w.candidates[kid].kpi
        if not kpi.counter or set(kpi.counter) & set(w.selected):
            continue
        if any(kid in w.candidates[o].kpi.counter for o in w.selected if o != kid):
            continue  # already one half of a pair: the KPI it guards also guards it
        guard = next((c for c in _pool(w) if c.kpi.id in kpi.counter
                      and c.kpi.roles.get(w.entry.role, 0) >= COUNTER_MIN_FIT), None)
        if guard is None:
            continue
        # a guard never displaces a KPI that matters more than the one it guards; when it
        # cannot join, the health check names the unguarded KPI instead
        guarded = w.candidates[kid]
        if _add(w, guard, Reason(rule=f"counter:{kid}", effect="counter"), may_grow=False,
                max_victim_score=guarded.score):
            guarded.protected = True  # the guarded KPI stays with its guard


def _cover_goals(works: list[RoleWork], goals: list[str], library: Library, lang: str,
                 warnings: list[str]) -> None:
    def protect_sole_drivers() -> None:
        for goal in goals:
            drivers = [w.candidates[k] for w in works for k in w.selected
                       if k == goal or goal in w.candidates[k].kpi.drives]
            if len(drivers) == 1:
                drivers[0].protected = True

    for g in goals:
        protect_sole_drivers()  # covering one goal must not uncover another
        if any(k == g or g in w.candidates[k].kpi.drives for w in works for k in w.selected):
            continue
        options = sorted(
            ((c, w) for w in works for c in _pool(w) if c.kpi.id == g or g in c.kpi.drives),
            key=lambda cw: (cw[0].rank(), cw[1].key))
        placed = False
        for c, w in options:
            if _add(w, c, Reason(rule=f"goal-coverage:{g}", effect="coverage"), may_grow=True):
                placed = True
                break
        if not placed:
            name = library.kpis[g].name.get(lang)
            warnings.append(catalog.text(lang, "selection.goal_without_driver", name=name))


def _role_result(answers: Answers, library: Library, w: RoleWork, lang: str,
                 warnings: list[str], history: History | None = None,
                 fit: Fit | None = None) -> RoleSelection:
    role = library.roles[w.entry.role]
    if len(w.selected) < MIN_KPIS:
        title = w.entry.title or role.name.get(lang)
        warnings.append(catalog.text(lang, "selection.too_few_kpis", role=title,
                                     n=len(w.selected), min=MIN_KPIS))
    chosen = sorted((w.candidates[k] for k in w.selected),
                    key=lambda c: (not c.pinned, c.rank()))
    fulfillment = {p.id: list(p.fulfillment) for p in answers.platforms}
    sites = {p.id: list(p.sites) for p in answers.platforms}
    names = {pid: p.name.get(lang) for pid, p in library.platforms.items()}

    def mine(items: list[Any], on: list[str]) -> list[Any]:
        """Only the actions and notes written for the platforms the role holds the KPI on, as
        the client runs them (sites, channel, the sale events in scope, its ERP)."""
        return [x for x in items if text_applies(x, on, fulfillment, sites, fit)]

    def said(x: Any, text: str, on: list[str]) -> str:
        """An event-tagged text names the events that fall inside the scope (`{events}`)."""
        if fit is None or not x.events or "{events}" not in text:
            return text
        return text.replace("{events}", fit.event_names(x, on, catalog.text(lang, "punct.list")))

    kpis = []
    for c in chosen:
        k = c.kpi
        system, source = data_source_for(k, answers, lang, c.platforms, names)
        targets, open_sites = resolve(k, c.platforms, role.platform_bound, answers,
                                      w.overrides.get(k.id, []), lang, history)
        for t in targets[:1]:
            if t.derived_from:  # a goal's cascade: say so beside the other reasons
                c.reasons.append(Reason(rule=f"goal:{t.derived_from}", effect="set_target",
                                        because=cascade_because(k, t)))
        if margin_open(k, answers, history):
            c.reasons.append(Reason(rule="goal:net_margin", effect="set_target",
                                    because=margin_open_because()))
        kpis.append(SelectedKpi(
            kpi=k.id, name=k.name, unit=k.unit, direction=k.direction, frequency=k.frequency,
            kind=k.kind, balance=k.balance,
            targets=targets, open_sites=open_sites,
            data_source=source, data_system=system,
            sources=(sources_by_platform(k, answers, lang, c.platforms)
                     if len(c.platforms) > 1 else {}),
            actions=[said(a, a.get(lang), c.platforms) for a in mine(k.actions, c.platforms)],
            drives=list(k.drives),
            # only the counter metrics that exist on the role's platforms can guard it there
            counter=[x for x in k.counter if x in library.kpis
                     and platforms_for(library.kpis[x], w.platforms, fulfillment)],
            score=round(c.score, 2), pinned=c.pinned, reasons=c.reasons,
            notes=[said(n, n.text.get(lang), c.platforms)
                   for n in mine(w.kpi_notes.get(k.id, []), c.platforms)]
            + ([catalog.text(lang, "plans.margin.open")] if margin_open(k, answers, history)
               else [])))
    last = min((c.score for c in chosen), default=0.0)
    runners = []
    for c in sorted(w.candidates.values(), key=Candidate.rank):
        if c.kpi.id in w.selected or (not c.kpi.roles.get(w.entry.role) and not c.included):
            continue
        why = _runner_up_why(c, chosen, last, lang)
        runners.append(RunnerUp(kpi=c.kpi.id, score=round(c.score, 2), why=why))
        if len(runners) == 5:
            break
    return RoleSelection(key=w.key, role=w.entry.role, title=w.entry.title,
                         headcount=w.entry.headcount, platforms=w.platforms, kpis=kpis,
                         runners_up=runners,
                         notes=[n.text.get(lang) for n in mine(w.role_notes, w.platforms)],
                         platform_gaps=w.platform_gaps)


# The balance families as a Chinese reader names them (runner-up reasons).
def _runner_up_why(c: Candidate, chosen: list[Candidate], last: float, lang: str) -> str:
    """Why a KPI the role suits was not selected, in the document's language (catalog
    `selection.why`)."""
    if c.excluded:
        if c.excluded.startswith("rule "):
            return catalog.text(lang, "selection.why.excluded_rule",
                                rule=c.excluded.removeprefix("rule "))
        return catalog.text(lang, "selection.why.excluded_client")
    family = [o.kpi.id for o in chosen if o.kpi.balance == c.kpi.balance]
    if all(o.pinned or o.included for o in chosen):
        return catalog.text(lang, "selection.why.places_taken")
    if c.score < last:
        return catalog.text(lang, "selection.why.below", score=round(c.score, 2),
                            last=round(last, 2))
    if family:
        # read only: `section` would deep-copy the mapping for every runner-up
        balance = catalog.lookup(lang, "selection.family").get(c.kpi.balance, c.kpi.balance)
        return catalog.text(lang, "selection.why.family", balance=balance,
                            family=catalog.text(lang, "punct.list").join(family))
    return catalog.text(lang, "selection.why.outscored")
