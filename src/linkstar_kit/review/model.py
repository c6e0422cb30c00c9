"""Every number of a review, decided once: what review.json holds and the document shows.

Which value a KPI shows: the period's own figure. The KPI's own reporting periods (its
frequency) that belong to the reviewed period (periods.periods_in: a week belongs to the month
and the quarter of its Thursday) are read, and aggregated by the KPI's aggregation: `sum` (every
period needed), `mean` over the periods reported, or `last`. A rate (`mean`) the store can
compute from the base measures of loaded report exports is their ratio of sums over the
period's days instead (a month's conversion is its units over its sessions), as `linkstar
load` computes every ratio; `KpiRow.method` says which. The latest of them is shown beside
the figure (a weekly KPI in a monthly review: the month's figure, and its last week). A KPI
reported less often than the review's cadence is not due (a monthly KPI is not in the weekly
review). The trend is up to 13 of the KPI's own periods, oldest first, up to and including the
latest one.

Status: the kit's one RAG definition (rag.py), as the store's `kpi_status` view and the
workbook apply it, on the figure (a sum over n periods against n times the period's target,
that is its mean against the target); `no_target` when the KPI's target is still to be set,
`no_data` when the period has no figure.

Anomaly (robust, so one wild week does not hide the next): the value against the median of
the KPI's trailing periods (up to 12, at least MIN_HISTORY), in units of their median absolute
deviation (MAD): |value - median| / (1.4826 x MAD) above ANOMALY_Z is an anomaly. The MAD is
floored at 1 % of |median| so that a flat history does not flag every small wiggle.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import Any

from ..pacing import GoalPlan, Ratio, paced, period_rag
from ..periods import ONE_DAY, period_of, periods_in
from ..store.tracking import COMPANY, Tracked
from .store import Actual, Key

TREND = 13
MIN_HISTORY = 6
ANOMALY_Z = 3.5
MAD_SCALE = 1.4826
MAD_FLOOR = 0.01
CADENCE_ORDER = {"daily": 0, "weekly": 1, "monthly": 2, "quarterly": 3}


@dataclass(frozen=True)
class Period:
    id: str
    kind: str  # weekly | monthly | quarterly
    start: dt.date
    end: dt.date

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "kind": self.kind, "start": self.start.isoformat(),
                "end": self.end.isoformat()}


@dataclass
class KpiRow:
    t: Tracked
    value: float | None
    status: str
    trend: list[float | None]
    trend_periods: list[dt.date]
    anomaly: bool
    median: float | None
    annotation: str
    period_start: dt.date
    # the latest own period's value (the trend's last point), and how many own periods the
    # figure (`value`) aggregates
    latest: float | None = None
    periods: int = 1
    # a rate (mean) over several own periods: `ratio_of_sums` of its base measures, or the
    # `mean` of the periods' values; None for one period, a sum or a level
    method: str | None = None

    @property
    def key(self) -> Key:
        return (self.t.role_key, self.t.kpi, self.t.place)


@dataclass
class GoalRow:
    t: Tracked
    actual: float | None
    plan: float | None
    status: str
    by: dt.date
    as_of: dt.date | None = None  # the last day of the period the pace is judged at
    # a rate goal's actual to date: `ratio_of_sums` (from `since`) or `mean` (of `periods`
    # values); None for a sum or a level (pacing.Pace)
    method: str | None = None
    since: dt.date | None = None
    periods: int = 0


def issue_id(role_key: str, kpi: str, platform: str, kind: str) -> str:
    """An issue the review raised, as the minutes name it: `ads/acos/amazon/red`."""
    return "/".join(x for x in (role_key, kpi, platform, kind) if x)


@dataclass
class Issue:
    role_key: str
    kpi: str
    platform: str
    kind: str  # red | anomaly
    owner: str
    why: str
    opened_in: str
    carried_over: bool = False
    # review: raised by the numbers (kind red | anomaly); team: raised in a meeting's minutes
    # (kind team; role_key empty, kpi optional, `id` its minutes id)
    raised_by: str = "review"
    decision: str = ""
    status: str = "open"  # open; closed (back on target), solved, dropped (the chair's)
    team_id: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.role_key, self.kpi, self.platform, self.kind)

    @property
    def id(self) -> str:
        return self.team_id or issue_id(*self.key)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "role_key": self.role_key or None, "kpi": self.kpi or None,
                "platform": self.platform or None,
                "kind": self.kind, "owner": self.owner, "why": self.why,
                "opened_in": self.opened_in, "carried_over": self.carried_over,
                "raised_by": self.raised_by, "decision": self.decision or None,
                "status": self.status}


@dataclass
class Suggestion:
    role_key: str
    kpi: str
    platform: str
    kind: str  # raise_target | lower_target | replace_kpi | fix_data
    why: str
    proposed: float | None = None
    site_group: str = ""  # where the platform's line differs by site: the row's group

    @property
    def key(self) -> Key:
        """The row's key (KpiRow.key): its platform and site group as one place."""
        from ..store.tracking import PLACE_SEP

        place = f"{self.platform}{PLACE_SEP}{self.site_group}" if self.site_group \
            else self.platform
        return (self.role_key, self.kpi, place)


@dataclass
class Review:
    period: Period
    lang: str
    kpis: list[KpiRow]
    goals: list[GoalRow]
    issues: list[Issue] = field(default_factory=list)
    closed: list[Issue] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    # what the meetings recorded (minutes.py), filled in by run.py
    record: Any = None
    corrected: bool = False  # actuals changed since this review was last written


# --- one KPI -------------------------------------------------------------------------------------

def due(frequency: str, cadence: str) -> bool:
    return CADENCE_ORDER.get(frequency, 2) <= CADENCE_ORDER[cadence]


def own_periods(frequency: str, period: Period) -> list[tuple[dt.date, dt.date]]:
    """The KPI's own periods that belong to the reviewed one (periods.py's one definition)."""
    return periods_in(frequency, period.start, period.end)


def anchor(frequency: str, period: Period) -> tuple[dt.date, dt.date]:
    """The KPI's latest own period that belongs to the reviewed one; for a KPI reported less
    often than the review (a monthly goal in a weekly review), its latest period that has
    closed by the review's last day."""
    if CADENCE_ORDER.get(frequency, 2) <= CADENCE_ORDER[period.kind]:
        return own_periods(frequency, period)[-1]
    p = period_of(frequency, period.end)
    if p[1] > period.end:
        p = period_of(frequency, p[0] - ONE_DAY)
    return p


def figure(aggregation: str, values: list[float | None]) -> float | None:
    """The period's figure from its own periods' values, oldest first (None: not reported)."""
    if len(values) == 1 or aggregation == "last":
        return values[-1]
    got = [v for v in values if v is not None]
    if aggregation == "sum":
        return sum(got) if len(got) == len(values) else None
    return sum(got) / len(got) if got else None


def _back(frequency: str, p: tuple[dt.date, dt.date], n: int) -> list[dt.date]:
    """Starts of the `n` periods ending with `p`, oldest first."""
    out = [p[0]]
    while len(out) < n:
        out.append(period_of(frequency, out[-1] - ONE_DAY)[0])
    return out[::-1]


def robust_anomaly(value: float, history: list[float]) -> tuple[bool, float | None]:
    """(anomaly, median of the history); see the module's docstring."""
    if len(history) < MIN_HISTORY:
        return False, (statistics.median(history) if history else None)
    med = statistics.median(history)
    mad = statistics.median(abs(x - med) for x in history)
    scale = MAD_SCALE * max(mad, MAD_FLOOR * abs(med))
    if scale == 0:
        return value != med, med
    return abs(value - med) / scale > ANOMALY_Z, med


def kpi_row(t: Tracked, actuals: list[Actual], period: Period,
            ratio: Ratio | None = None) -> KpiRow:
    """One KPI's row; a rate over several own periods (a month of weekly conversion) is its
    ratio of sums over their days where `ratio` has the base measures for every one of them,
    as a goal's pace to date is (pacing.paced), else the mean of the periods' values."""
    own = own_periods(t.frequency, period)
    p = own[-1]
    by_start = {a.start: a for a in actuals}
    starts = _back(t.frequency, p, TREND)
    first = actuals[0].start if actuals else p[0]
    starts = [s for s in starts if s >= first] or [p[0]]
    trend = [by_start[s].value if s in by_start else None for s in starts]
    current = by_start.get(p[0])
    latest = current.value if current else None
    value = figure(t.aggregation, [by_start[s].value if s in by_start else None
                                   for s, _ in own])
    method = None
    if t.aggregation == "mean" and len(own) > 1 and value is not None:
        got = ratio(own[0][0], own[-1][1]) if ratio is not None else None
        value, method = (got, "ratio_of_sums") if got is not None else (value, "mean")
    # one period: its own bands (a cascaded target's plan for that period, a stub month its
    # days' plan); several (a month of weekly sums): their mean against the period's target
    rag = (period_rag(t.target, own[0][0]) if len(own) == 1 and t.target else t.rag)
    judged = value / len(own) if value is not None and t.aggregation == "sum" else value
    status = ("no_data" if judged is None else "no_target" if rag is None
              else rag.status(judged))
    history = [v for v in trend[:-1] if v is not None]
    anomaly, med = (False, None) if latest is None else robust_anomaly(latest, history)
    return KpiRow(t, value, status, trend, starts, anomaly, med,
                  current.annotation if current else "", p[0], latest, len(own), method)


def goal_row(t: Tracked, actuals: list[Actual], period: Period, plan: GoalPlan,
             ratio: Ratio | None = None) -> GoalRow:
    """The goal's pace (pacing.py, the kit's one rule) at the end of its latest own period
    that closes within the reviewed one; a rate's actual to date is its ratio of sums where
    `ratio` has the base measures (pacing.paced)."""
    p = anchor(plan.frequency, period)
    got = paced(plan, {a.start: a.value for a in actuals}, p[0], ratio)
    return GoalRow(t, got.pace.actual_to_date, got.pace.plan_to_date, got.pace.status, plan.last,
                   min(max(p[1], plan.first), plan.last), got.method, got.since, got.periods)


def build(rows: list[Tracked], actuals: dict[Key, list[Actual]], period: Period, lang: str,
          plans: dict[str, GoalPlan], ratios: dict[str, Ratio] | None = None,
          row_ratios: dict[Key, Ratio] | None = None) -> Review:
    """The review's KPIs and goals (issues and suggestions are added by their modules);
    `ratios`, `row_ratios`: a rate's ratio of sums of its base measures, by goal KPI and by
    KPI row (run.py)."""
    kpis, goal_rows = [], []
    for t in rows:
        series = actuals.get((t.role_key, t.kpi, t.place), [])
        if t.role_key == COMPANY:
            plan = plans.get(t.kpi)
            if plan is not None:
                goal_rows.append(goal_row(t, series, period, plan, (ratios or {}).get(t.kpi)))
        elif due(t.frequency, period.kind):
            kpis.append(kpi_row(t, series, period, (row_ratios or {}).get(
                (t.role_key, t.kpi, t.place))))
    return Review(period, lang, kpis, goal_rows)
