"""Goal pacing: a goal judged against its plan to date, and a KPI value against its target.

One implementation for the workbook (its plan rows are written from `plan`), the store (the
`goal_plan` table and the `goal_pace` view compare with the same numbers), the dashboard and
the documents. Periods come from periods.py.

The plan. A goal runs from `scope.start` to its `by` date, in the reporting periods of its
KPI's frequency (n of them). Each period carries its share of the span (periods.period_shares:
by the days of it inside the span, so a partial first or last period carries its days only);
W_k is the shares of periods 1..k summed. After period k of n, the plan to date is:

    aggregation sum   the goal's cascade (plans.py) summed over periods 1..k: by the client's
                      months, the sale calendar or days (target * W_k by days when the
                      selection has no cascade); a quarterly GMV of 1,200,000 from October
                      is planned at 404,347.83 after October's 31 of 92 days
    aggregation last  baseline + (target - baseline) * W_k
                                                          (a rate from 9 % to 15 % over a
                                                           quarter: about 11 % after month one)
    aggregation mean  baseline + (target - baseline) * mean(W_1 .. W_k)
                                                          (the mean of the `last` path over
                                                           periods 1..k)

A platform's plan (`GoalPlan.platform`) is its share of a `sum` goal from the same cascade;
the platforms' plans add up to the company's in every period.

A `last` or `mean` goal without a baseline has no path: its plan is the target itself.

The actual to date: the sum of the periods entered (sum), the latest value (last) or their
mean (mean), over periods 1..k. A rate (mean) the store can compute from its base measures
(the library's `compute`, report exports loaded) is their ratio of sums over periods 1..k,
as everywhere else a ratio is one (exports/pool.py): conversion over a quarter is the
quarter's units over its sessions, never the mean of thirteen weekly rates. Only where the
measures do not cover every day of those periods is it the mean of the periods' values; the
pace says which (`Paced.method`: `ratio_of_sums` or `mean`).

The status, by the way the goal must move (the engine's resolved target: `>=` up, `<=` down):
- on_track: the actual to date meets the plan to date;
- at_risk: it misses the plan by at most AT_RISK (10 %) of the plan's step so far (the
  distance from the path's origin, 0 for a sum and the baseline otherwise, to the plan to
  date; without a baseline, 10 % of the target);
- off_track: it misses by more;
- no_data: no value entered yet.

API (for `linkstar review` and the writers):

    plan = GoalPlan.of(goal, kpi, scope_start)        # a GoalSelection and its library Kpi
    status, plan_to_date, actual_to_date = pace(plan, {period_start: value, ...}, as_of)
    paced(plan, actuals, as_of, ratio)   # the same, with how a rate's actual to date was taken
                                         # (ratio(first, last): its ratio of sums, or None)
    status(target, value) -> "green" | "amber" | "red" | "no_data"   # a ResolvedTarget
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .periods import PeriodShare, Span, period_of, period_shares, periods
from .rag import Rag, rag_of

if TYPE_CHECKING:
    from .engine.models import GoalSelection, ResolvedTarget, Selection
    from .library.loader import Library
    from .library.models import Kpi

AT_RISK = 0.10
STATUSES = ("on_track", "at_risk", "off_track", "no_data")


class Step(NamedTuple):
    """One period of a goal's plan: the plan to date at its end, and the at-risk bound (a
    value on the far side of it is off track)."""

    period: Span
    plan: float
    bound: float


class Pace(NamedTuple):
    status: str
    plan_to_date: float | None
    actual_to_date: float | None


@dataclass(frozen=True)
class Paced:
    """A pace and how its actual to date was taken: for a rate (mean) goal, `ratio_of_sums`
    of its base measures from `since` to the period's end, or the `mean` of the `periods`
    values entered; `method` None for a sum or a level."""

    pace: Pace
    method: str | None = None
    since: dt.date | None = None
    periods: int = 0


# The ratio of a rate's base-measure sums over the days first..last (None: not every day has
# its measures).
Ratio = Callable[[dt.date, dt.date], "float | None"]


def _tidy(x: float) -> float:
    return float(f"{x:.12g}")


@dataclass(frozen=True)
class GoalPlan:
    kpi: str
    up: bool                 # the goal must rise (`>=`), else fall (`<=`)
    target: float
    baseline: float | None
    aggregation: str         # sum | last | mean
    frequency: str
    first: dt.date
    last: dt.date
    # a `sum` goal's own plan per period, from its cascade (None: by days)
    plan: tuple[float, ...] | None = None
    platform: str = ""  # "" for the company's plan, else the platform whose share this is

    @classmethod
    def of(cls, goal: GoalSelection, kpi: Kpi, start: dt.date) -> GoalPlan:
        by = dt.date.fromisoformat(goal.by)
        cascade = goal.cascade if kpi.aggregation == "sum" else None
        return cls(kpi=goal.kpi, up=goal.resolved_target.op in (">", ">="),
                   target=goal.target, baseline=goal.baseline, aggregation=kpi.aggregation,
                   frequency=kpi.frequency, first=start, last=max(by, start),
                   plan=tuple(p.value for p in cascade.plan) if cascade else None)

    def for_platforms(self, goal: GoalSelection) -> list[GoalPlan]:
        """Each platform's share of this `sum` goal, as a plan of its own."""
        if goal.cascade is None or self.aggregation != "sum" or len(goal.cascade.platforms) < 2:
            return []
        from dataclasses import replace

        return [replace(self, target=p.total, platform=p.platform,
                        plan=tuple(x.value for x in p.plan)) for p in goal.cascade.platforms]

    def periods(self) -> list[Span]:
        # every period the span touches, a partial first or last one included: its plan is
        # its days' share (period_shares), never a whole period's
        return periods(self.frequency, self.first, self.last)

    def origin(self) -> float | None:
        """Where the path starts: 0 for a sum, else the baseline (None: no path)."""
        return 0.0 if self.aggregation == "sum" else self.baseline

    def shares(self) -> list[PeriodShare]:
        """The periods of the span with their days inside it (periods.period_shares)."""
        return period_shares(self.frequency, self.first, self.last)

    def weights(self) -> list[float]:
        """W_k, the span's share in periods 1..k (module docstring)."""
        out, acc = [], 0.0
        for share in self.shares():
            acc += share.share
            out.append(acc)
        return out

    def steps(self) -> list[Step]:
        spans = self.periods()
        origin = self.origin()
        cum = self.weights()
        out = []
        running = 0.0
        for k, span in enumerate(spans, start=1):
            if origin is None:
                plan, step = self.target, abs(self.target)
            else:
                if self.aggregation == "sum" and self.plan is not None \
                        and len(self.plan) == len(spans):
                    running += self.plan[k - 1]
                    fraction = running / self.target if self.target else cum[k - 1]
                elif self.aggregation == "mean":
                    fraction = sum(cum[:k]) / k
                else:
                    fraction = cum[k - 1]
                plan = origin + (self.target - origin) * fraction
                step = abs(plan - origin)
            bound = plan - AT_RISK * step if self.up else plan + AT_RISK * step
            out.append(Step(span, _tidy(plan), _tidy(bound)))
        return out

    def judge(self, actual: float | None, step: Step) -> str:
        if actual is None:
            return "no_data"
        if (actual >= step.plan) if self.up else (actual <= step.plan):
            return "on_track"
        if (actual >= step.bound) if self.up else (actual <= step.bound):
            return "at_risk"
        return "off_track"

    def to_date(self, values: list[float]) -> float | None:
        """The actual to date from the values of periods 1..k, oldest first."""
        if not values:
            return None
        if self.aggregation == "sum":
            return _tidy(sum(values))
        if self.aggregation == "mean":
            return _tidy(sum(values) / len(values))
        return values[-1]


def goal_plans(selection: Selection, library: Library, start: dt.date) -> list[GoalPlan]:
    """Every company goal's plan (goals on a KPI the library lacks have none)."""
    return [GoalPlan.of(g, library.kpis[g.kpi], start) for g in selection.goals
            if g.kpi in library.kpis]


def platform_plans(selection: Selection, library: Library, start: dt.date) -> list[GoalPlan]:
    """Every platform's share of each `sum` goal (a goal on one platform has none of its own):
    the same cascade the company plan comes from, so they add up to it in every period."""
    out = []
    for g in selection.goals:
        if g.kpi in library.kpis:
            out.extend(GoalPlan.of(g, library.kpis[g.kpi], start).for_platforms(g))
    return out


def pace(plan: GoalPlan, actuals: Mapping[dt.date, float], as_of: dt.date,
         ratio: Ratio | None = None) -> Pace:
    """The goal's status at `as_of` (any day of the latest reported period): the plan at the
    end of that period against the actual to date. `actuals` maps a period's first day to its
    value; periods outside the goal's span are ignored. `ratio`, for a rate (mean): its base
    measures' ratio of sums over a span of days (module docstring)."""
    return paced(plan, actuals, as_of, ratio).pace


def paced(plan: GoalPlan, actuals: Mapping[dt.date, float], as_of: dt.date,
          ratio: Ratio | None = None) -> Paced:
    """`pace`, with how a rate's actual to date was taken."""
    steps = plan.steps()
    if not steps:
        return Paced(Pace("no_data", None, None))
    current = period_of(plan.frequency, min(max(as_of, plan.first), plan.last))
    upto = [s for s in steps if s.period[0] <= current[0]] or steps[:1]
    values = [actuals[s.period[0]] for s in upto if s.period[0] in actuals]
    actual = plan.to_date(values)
    step = upto[-1]
    if plan.aggregation != "mean" or actual is None:
        return Paced(Pace(plan.judge(actual, step), step.plan, actual))
    method, since = "mean", None
    if ratio is not None:
        # the periods' whole days (a first week that starts before the scope is a whole
        # week's value too); else from the goal's first day, when the measures start there
        end = step.period[1]
        for first in dict.fromkeys((upto[0].period[0], max(upto[0].period[0], plan.first))):
            got = ratio(first, end)
            if got is not None:
                actual, method, since = _tidy(got), "ratio_of_sums", first
                break
    return Paced(Pace(plan.judge(actual, step), step.plan, actual), method, since, len(values))


def period_rag(target: ResolvedTarget, start: dt.date) -> Rag | None:
    """The bands a value of the period starting `start` is judged by: a target from a goal's
    cascade by that period's own plan (a stub month by its days' plan), any other by its one
    value (rag.py). None for a cascaded target with no plan for that period: a period past
    the goal's `by` is judged by no target, as the workbook and the store's `kpi_status` do
    (store/schema.py says why not by the goal's total, nor by an ordinary period's plan)."""
    if target.plan and target.op in (">", ">=", "<", "<="):
        mine = next((p.value for p in target.plan if p.start == start), None)
        return Rag.from_target(target.op, mine) if mine is not None else None
    return rag_of(target)


def period_target(target: ResolvedTarget, start: dt.date) -> ResolvedTarget | None:
    """The target as the period starting `start` is judged by (`period_rag`): a cascaded
    target's own plan for that period (July's USD 514,124.29, not the quarter's typical month),
    so what a review shows is what it judged by; None past the goal's `by`."""
    if target.plan and target.op in (">", ">=", "<", "<="):
        mine = next((p.value for p in target.plan if p.start == start), None)
        return target.model_copy(update={"value": mine}) if mine is not None else None
    return target


def status(target: ResolvedTarget | None, value: float | None) -> str:
    """A KPI value against its target: green, amber, red (rag.py, official lines
    included), or no_data when there is no value or no target."""
    if value is None or target is None:
        return "no_data"
    return rag_of(target).status(value)
