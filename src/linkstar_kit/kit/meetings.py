"""When the review meetings are held: one definition for the calendar (kit/calendar.py, its
RRULEs and moved occurrences) and the agendas (their first meeting), so the two agree.

Each series meets after the period it reviews and ends with the first meeting after the
scope's last day (it reviews the scope's last week, month or quarter):
- weekly: on its weekday, from the first one after the week (Monday to Sunday) the scope
  starts in: never inside that first week, which would review the week before the KPI system
  existed;
- monthly: on its day of the month after the month the scope starts in, then every month:
  never inside the first month, which would review the month before the KPI system existed
  (as a quarter is reviewed after it ends);
- quarterly: on its day of the first quarter month (January, April, July, October) after the
  quarter the scope starts in, then every three months (quarterly KPIs are calendar
  quarters, periods.py).

A meeting whose day is a weekend or a public holiday of the client's country (and of its
subdivision) is held on the next working day (workdays.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..periods import (
    add_months,
    goal_span,
    next_month_day,
    next_quarter_day,
    next_weekday,
    period_of,
)


def _dates(first: dt.date, step_months: int, step_days: int, end: dt.date,
           one_past: bool) -> list[dt.date]:
    """The rule's days from `first`, up to `end`, plus the first one after it when
    `one_past` (the review of the scope's last period)."""
    out, k = [], 0
    while True:
        d = (first + dt.timedelta(days=step_days * k) if step_days
             else add_months(first, step_months * k))
        if d > end:
            if one_past:
                out.append(d)
            return out
        out.append(d)
        k += 1


def rule_days(answers: Any) -> dict[str, list[dt.date]]:
    """{series: the days its rule gives} for every review the client holds (module
    docstring); `quarterly` absent when the client holds none."""
    start = answers.scope.start
    end = goal_span(start, answers.scope.horizon)[1]
    review = answers.review
    after_week = period_of("weekly", start)[1] + dt.timedelta(days=1)
    after_month = period_of("monthly", start)[1] + dt.timedelta(days=1)
    out = {
        "weekly": _dates(next_weekday(after_week, review.weekly.weekday), 0, 7, end, True),
        "monthly": _dates(next_month_day(after_month, review.monthly.day), 1, 0, end, True),
    }
    if review.quarterly:
        after_quarter = period_of("quarterly", start)[1] + dt.timedelta(days=1)
        out["quarterly"] = _dates(next_quarter_day(after_quarter, review.quarterly.day), 3, 0,
                                  end, True)
    return out


def held_days(answers: Any) -> dict[str, list[tuple[dt.date, dt.date]]]:
    """{series: [(the rule's day, the day the meeting is held)]}: held on the next working
    day when the rule's day is not one."""
    from ..workdays import Workdays

    work = Workdays.of(answers)
    return {name: [(d, work.next_working(d)) for d in days]
            for name, days in rule_days(answers).items()}
