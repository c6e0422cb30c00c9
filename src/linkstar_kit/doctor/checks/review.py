"""Launch and forget (pitfall 10): the KPI system itself is reviewed every quarter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding


def check_review(c: Context) -> Iterator[Finding]:
    a = c.answers
    # a project of a month or two ends before a quarter comes round: nothing to review then
    short_project = a.scope.level == "project" and a.scope.horizon == "month"
    if a.review.quarterly is False and not short_project:
        yield c.finding("no-quarterly-review", "warning", pitfall=10)


CLOSE_KPI = "month_end_close_days"


def close_working_days(c: Context) -> float | None:
    """Working days the books may take to close: the close KPI's target where a role carries
    it, else the library's own (None when the library has neither)."""
    for r in c.selection.roles:
        for k in r.kpis:
            if k.kpi == CLOSE_KPI and k.targets and not isinstance(k.targets[0].value, list):
                return float(k.targets[0].value)
    kpi = c.library.kpis.get(CLOSE_KPI)
    for t in kpi.targets if kpi else []:
        if t.platform is None and not isinstance(t.value, tuple):
            return float(t.value)
    return None


def check_review_after_close(c: Context) -> Iterator[Finding]:
    """The monthly review reads last month's P&L: it must not meet before the books can be
    closed, in any month of the scope. The close is counted in weekdays: a month with a long
    public holiday (China's National Day week) is the team's to plan, not a standing fault."""
    from ...periods import add_months, goal_span
    from ...workdays import Workdays

    days = close_working_days(c)
    if days is None:
        return
    a = c.answers
    work = Workdays(None)
    start, end = goal_span(a.scope.start, a.scope.horizon)
    month = start.replace(day=1)
    while month <= end:
        meeting = work.next_working(month.replace(day=a.review.monthly.day))
        close, counted = month, 0
        while True:  # the day the close ends: the month's days-th working day
            counted += work.is_working(close)
            if counted >= days:
                break
            close += dt.timedelta(days=1)
        if meeting < close:
            yield c.finding("review-before-close", "warning", meeting=meeting.isoformat(),
                            n=f"{days:g}", close=close.isoformat(), day=close.day)
            return
        month = add_months(month, 1)


def check_subdivision(c: Context) -> Iterator[Finding]:
    """Regional holidays (workdays.py): a country whose holidays differ by subdivision and no
    `review.subdivision` keeps only the national list (England's Easter Monday is missed); a
    subdivision taken from the time zone is said so."""
    from ...workdays import client_country, client_subdivision, has_subdivisions, subdivisions_of

    a = c.answers
    country = client_country(a)
    sub, from_zone = client_subdivision(a)
    if sub and from_zone:
        yield c.finding("subdivision-from-zone", "info", subdivision=sub,
                        zone=a.client.timezone)
    elif sub is None and has_subdivisions(country):
        from ...periods import goal_span
        from ...workdays import regional_holiday

        codes = subdivisions_of(country or "")
        shown = ", ".join(codes[:6]) + (" ..." if len(codes) > 6 else "")
        # the scope's own first regional holiday, so the note says what is at stake
        hit = regional_holiday(country or "", *goal_span(a.scope.start, a.scope.horizon))
        example = ""
        if hit:
            where = ", ".join(hit[2][:4]) + (" ..." if len(hit[2]) > 4 else "")
            # the holidays package names a holiday in the country's or in English only: a
            # Chinese document gives its date and regions, not an English name
            example = c.text("findings.no-subdivision.example",
                             name=hit[1] if c.lang == "en" else "",
                             date=hit[0].isoformat(), where=where)
        yield c.finding("no-subdivision", "info", country=country, examples=shown,
                        example=example)
