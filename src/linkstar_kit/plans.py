"""The goal cascade: a company goal that adds up over periods (GMV, orders), planned per
reporting period and split across the client's platforms and sites. One computation; the
engine stores its result in `selection.json` (`goals[].cascade`, and each team target's
`plan`), and the documents, the workbook, the store's `goal_plan` and the dashboards read it.

The split across platforms and sites:
- from the client's own sales over the history window (`History.sales_by_platform_site`),
  each (platform, site) pair of the answers taking its part of their sum (a pair the history
  has no sales for gets none; a platform-wide figure is shared by the platform's sites), when
  the history speaks of every pair (a pair no file covers is unknown, not zero: evenly then);
- without a history, evenly: each platform the same share, each of its sites the same part of
  it, with a note to confirm the split at kick-off.

The curve over the periods (each day of the span weighs w(day); periods.period_shares gives a
period the sum of its days' weights, so a partial first or last period carries its days only):
- history: the client's own months last year (`History.sales_by_month`), when the history has
  every month the span touches: w(day) = last year's sales in that month / its days;
- season: w(day) = 1 + sum(lift - 1) over the sale events (role_libraries/sale_events.yaml)
  the pair's site region keeps and its platform runs on that day: 11.11 (lift 4) weighs a
  Shopee Malaysia day 4 times an ordinary one; a span with no event is planned by days;
- launch (stage `launch`): the season curve times a ramp from 1 on the first day to
  LAUNCH_RAMP on the last, a new store's sales climbing as listings and reviews build.

Amounts are split in cents by the largest remainder, so the sites add up to their platform,
the platforms to the company, and the periods to the total, exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .engine.models import GoalCascade, PlanPeriod, PlatformPlan, SitePlan
from .history import History
from .periods import ONE_DAY, PeriodShare, period_shares
from .season import SaleCalendar, load_calendar

# A launching store's last day of the span weighs this many times its first (a default to
# confirm at kick-off, said so in the documents).
LAUNCH_RAMP = 3.0

Pair = tuple[str, str]  # (platform, site or "")


def allocate(total: int, weights: list[float]) -> list[int]:
    """`total` (an integer: cents) split by `weights`, the parts summing to it exactly (largest
    remainder; ties to the earlier part)."""
    s = sum(weights)
    if not weights:
        return []
    if s <= 0:
        weights, s = [1.0] * len(weights), float(len(weights))
    raw = [total * w / s for w in weights]
    parts = [int(r // 1) for r in raw]
    left = total - sum(parts)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return parts


def pairs_of(answers: Any) -> list[Pair]:
    return [(p.id, s) for p in answers.platforms for s in (p.sites or [""])]


def split_shares(answers: Any, history: History | None) -> tuple[dict[Pair, float], str]:
    """Each (platform, site) pair's share of the company goal, and how it was set."""
    pairs = pairs_of(answers)
    if len(pairs) == 1:
        return {pairs[0]: 1.0}, "single"
    if history is not None and history.sales_by_platform_site:
        sales: dict[Pair, float] = dict.fromkeys(pairs, 0.0)
        for (platform, site), amount in history.sales_by_platform_site.items():
            mine = [pr for pr in pairs if pr[0] == platform and (not site or pr[1] == site)]
            for pr in mine:  # a platform-wide figure: its sites share it
                sales[pr] += max(0.0, float(amount)) / len(mine)
        total = sum(sales.values())
        # a pair no file of the history speaks of is unknown, not zero: a consultant who
        # brought Amazon DE's export only would otherwise plan nothing for FR, IT and ES
        covered = all(any(p == pr[0] and (not s or s == pr[1])
                          for p, s in history.sales_by_platform_site) for pr in pairs)
        if total > 0 and covered:
            return {pr: v / total for pr, v in sales.items()}, "history"
    per_platform = 1.0 / len(answers.platforms)
    out = {}
    for p in answers.platforms:
        sites = p.sites or [""]
        for s in sites:
            out[(p.id, s)] = per_platform / len(sites)
    return out, "even"


def _history_weight(history: History | None, first: dt.date, last: dt.date
                    ) -> Callable[[dt.date], float] | None:
    """Last year's sales of each day's month, per day; None unless the history has every
    month the span touches."""
    if history is None or not history.sales_by_month:
        return None
    from .season import months_of

    got = {}
    for m in months_of(first, last):
        key = f"{m.year - 1}-{m.month:02d}"
        if key not in history.sales_by_month:
            return None
        from .periods import days_in_month

        got[(m.year, m.month)] = float(history.sales_by_month[key]) / days_in_month(m.year,
                                                                                     m.month)
    return lambda d: got[(d.year, d.month)]


def _season_weight(calendar: SaleCalendar, platform: str, site: str, first: dt.date,
                   last: dt.date, events: set[str]) -> Callable[[dt.date], float]:
    region = calendar.region_of(site) if site else None
    extra: dict[dt.date, float] = {}
    if region is not None:
        for occ in calendar.occurrences(first, last, regions=[region], platforms=[platform]):
            if occ.event.lift == 1.0:  # kept for its dates (Chinese New Year's closures)
                continue
            events.add(occ.event.id)
            d = max(occ.start, first)
            while d <= min(occ.end, last):
                extra[d] = extra.get(d, 0.0) + occ.event.lift - 1.0
                d += ONE_DAY
    return lambda d: max(0.1, 1.0 + extra.get(d, 0.0))


def _ramp(first: dt.date, last: dt.date) -> Callable[[dt.date], float]:
    span = max(1, (last - first).days)
    return lambda d: 1.0 + (LAUNCH_RAMP - 1.0) * (d - first).days / span


def _periods(shares: list[PeriodShare], cents: list[int]) -> list[PlanPeriod]:
    return [PlanPeriod(start=s.period[0], end=s.period[1], days=s.days, full_days=s.full_days,
                       value=c / 100) for s, c in zip(shares, cents, strict=True)]


def goal_cascade(answers: Any, target: float, by: dt.date, frequency: str,
                 history: History | None = None,
                 calendar: SaleCalendar | None = None) -> GoalCascade:
    """The plan of a company goal of `target` (adding up over periods of `frequency`) from
    `scope.start` to `by` (module docstring)."""
    first = answers.scope.start
    last = max(by, first)
    calendar = calendar or load_calendar()
    shares, split = split_shares(answers, history)
    own = _history_weight(history, first, last)
    events: set[str] = set()
    curve = ("history" if own is not None
             else "launch" if answers.stage == "launch" else "season")
    ramp = _ramp(first, last) if curve == "launch" else None
    pairs = list(shares)
    pair_cents = allocate(round(target * 100), [shares[p] for p in pairs])
    per_pair: dict[Pair, tuple[list[PeriodShare], list[int]]] = {}
    for (platform, site), pair_total in zip(pairs, pair_cents, strict=True):
        w = own or _season_weight(calendar, platform, site, first, last, events)
        if ramp is not None:
            w = (lambda base, r: (lambda d: base(d) * r(d)))(w, ramp)
        ps = period_shares(frequency, first, last, w)
        per_pair[(platform, site)] = (ps, allocate(pair_total, [s.share for s in ps]))
    if curve == "season" and not events:
        curve = "days"
    template = next(iter(per_pair.values()))[0]
    n = len(template)

    def summed(keys: list[Pair]) -> list[int]:
        return [sum(per_pair[k][1][i] for k in keys) for i in range(n)]

    platforms = []
    for p in answers.platforms:
        keys = [k for k in pairs if k[0] == p.id]
        sites = [SitePlan(site=k[1], share=round(shares[k], 6),
                          total=sum(per_pair[k][1]) / 100, plan=_periods(template, per_pair[k][1]))
                 for k in keys if k[1]]
        cents = summed(keys)
        platforms.append(PlatformPlan(platform=p.id, share=round(sum(shares[k] for k in keys), 6),
                                      total=sum(cents) / 100, plan=_periods(template, cents),
                                      sites=sites if len(sites) > 1 else []))
    return GoalCascade(frequency=frequency, curve=curve, split=split, events=sorted(events),
                       plan=_periods(template, summed(pairs)), platforms=platforms)


def typical(plan: list[PlanPeriod]) -> float:
    """The plan of an ordinary full period: the mean of the full periods' plans (of every
    period when none is full)."""
    full = [p.value for p in plan if p.days == p.full_days] or [p.value for p in plan]
    return round(sum(full) / len(full), 2) if full else 0.0


def span_periods(frequency: str, first: dt.date, last: dt.date) -> float:
    """How many whole reporting periods the span from `first` to `last` is worth (a partial
    period by its days: a quarter from 2027-01-04 is 28/31 + 1 + 1 + 3/30 months)."""
    return sum(s.days / s.full_days for s in period_shares(frequency, first, max(first, last)))


def history_total(per_period: float, frequency: str, first: dt.date, last: dt.date) -> float:
    """A `sum` goal's baseline from the client's history: the history's mean per period (what
    `History.baselines` holds for an amount) over a span as long as the goal's, the total
    its target is compared with (GMV USD 92,217.72 a month -> USD 276,653.15 a quarter)."""
    return round(per_period * span_periods(frequency, first, last), 2)
