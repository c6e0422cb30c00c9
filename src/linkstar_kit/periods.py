"""The one period arithmetic: goal spans, reporting periods, ISO weeks, quarters, review dates.

Every date the kit computes from another date comes from here, so the documents, the
questionnaire, the check, the store, the dashboard, the workbook and the calendar agree.

Goal span (`scope.start` + `scope.horizon`): the horizon runs whole months from the start day,
anchored on the day before it: a quarter from 2026-01-05 ends 2026-04-04 (the next one starts
04-05), a quarter from 2026-07-01 ends 2026-09-30, and a quarter from 2026-01-31 ends
2026-04-30, not 04-29: the last month of the span is the third month after the start's
eve (01-30 -> 04-30), clamped to that month's length, and a start on the 1st gives calendar
months (the eve is a month end, so the span ends on a month end).

Reporting periods by a KPI's frequency: daily is one day, weekly Monday to Sunday (ISO weeks),
monthly a calendar month, quarterly a calendar quarter (Jan, Apr, Jul, Oct).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Literal, NamedTuple, get_args

from . import catalog
from .digits import ascii_hint
from .errors import LinkstarError
from .vocabulary import HORIZONS, WEEKDAYS

HORIZON_MONTHS: dict[str, int] = dict(zip(HORIZONS, (1, 3, 6, 12), strict=True))

Frequency = Literal["daily", "weekly", "monthly", "quarterly"]
FREQUENCIES: tuple[str, ...] = get_args(Frequency)

QUARTER_MONTHS = (1, 4, 7, 10)
ONE_DAY = dt.timedelta(days=1)

Span = tuple[dt.date, dt.date]


# --- the dates the kit plans for --------------------------------------------------------------

# Every date a person gives (scope.start, a goal's date, an actual's period, a review period,
# `check --today`) lies in this range, checked where it is read. It is far wider than any real
# plan or history, and far enough inside what `datetime.date` can hold (years 1 to 9999) that
# a goal span, a quarter or a review's trend window computed from such a date never leaves it.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2200, 12, 31)
DATE_RANGE = f"{FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()}"


class DateOutOfRange(LinkstarError, ValueError):
    """A date, or one computed from it, outside FIRST_DATE..LAST_DATE: a message for the
    person who gave it (the CLI prints it), and still a ValueError for parsers that catch
    those."""


def date_problem(d: dt.date) -> str | None:
    """Why `d` cannot be planned with, or None when it lies in FIRST_DATE..LAST_DATE."""
    if FIRST_DATE <= d <= LAST_DATE:
        return None
    return f"{d.isoformat()} is outside the dates linkstar-kit plans for ({DATE_RANGE})"


def check_date(d: dt.date) -> dt.date:
    """`d`, or DateOutOfRange (a pydantic validator, too: pydantic reports its message)."""
    problem = date_problem(d)
    if problem is not None:
        raise DateOutOfRange(problem)
    return d


def shift(d: dt.date, days: int) -> dt.date:
    """`d` plus `days`, checked: past year 1 or 9999 is DateOutOfRange, never OverflowError."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        raise DateOutOfRange(f"{d.isoformat()} {'+' if days >= 0 else '-'} {abs(days)} days "
                             f"is outside the dates linkstar-kit plans for ({DATE_RANGE})") from None


# --- months -----------------------------------------------------------------------------------

def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_end(d: dt.date) -> dt.date:
    """The last day of `d`'s month."""
    return d.replace(day=days_in_month(d.year, d.month))


def is_month_end(d: dt.date) -> bool:
    return d.day == days_in_month(d.year, d.month)


def add_months(d: dt.date, n: int) -> dt.date:
    """The same day `n` months later (earlier when negative), clamped to the month's length:
    2026-01-31 + 1 month is 2026-02-28."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        raise DateOutOfRange(f"{d.isoformat()} {'+' if n >= 0 else '-'} {abs(n)} months is "
                             f"outside the dates linkstar-kit plans for ({DATE_RANGE})")
    return dt.date(y, m + 1, min(d.day, days_in_month(y, m + 1)))


def months_before(d: dt.date, n: int) -> dt.date:
    return add_months(d, -n)


# --- goal spans -------------------------------------------------------------------------------

def horizon_end(start: dt.date, horizon: str) -> dt.date:
    """The last day of the goal period that begins on `start` (see the module's docstring)."""
    eve = shift(start, -1)
    end = add_months(eve, HORIZON_MONTHS[horizon])
    # A month-end eve keeps to month ends: from 03-01 the quarter's eve is 02-28 and the span
    # ends 05-31, not 05-28.
    return month_end(end) if is_month_end(eve) else end


def goal_span(start: dt.date, horizon: str) -> Span:
    """First and last day of the goal period that starts on `start`."""
    return start, horizon_end(start, horizon)


# --- reporting periods --------------------------------------------------------------------------

def iso_week(d: dt.date) -> int:
    return d.isocalendar()[1]


def week_start(d: dt.date) -> dt.date:
    """The Monday of `d`'s ISO week."""
    return shift(d, -d.weekday())


def quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_start(d: dt.date) -> dt.date:
    return dt.date(d.year, QUARTER_MONTHS[quarter(d) - 1], 1)


def period_of(frequency: str, d: dt.date) -> Span:
    """The period of `frequency` that contains day `d`."""
    if frequency == "daily":
        return d, d
    if frequency == "weekly":
        start = week_start(d)
        return start, shift(start, 6)
    if frequency == "monthly":
        return d.replace(day=1), month_end(d)
    if frequency == "quarterly":
        start = quarter_start(d)
        return start, month_end(add_months(start, 2))
    raise ValueError(f"unknown frequency {frequency!r}")


def periods(frequency: str, first: dt.date, last: dt.date) -> list[Span]:
    """Every period of `frequency` that overlaps the days first..last, in order."""
    out = []
    d = first
    while d <= last:
        p = period_of(frequency, d)
        out.append(p)
        d = shift(p[1], 1)
    return out


def middle(period: Span) -> dt.date:
    """The day a period is counted by: a week's Thursday (ISO 8601's rule for the year a week
    belongs to), a month's 15th or 16th, a quarter's middle day."""
    return period[0] + (period[1] - period[0]) // 2


def periods_in(frequency: str, first: dt.date, last: dt.date) -> list[Span]:
    """The periods of `frequency` that belong to the span first..last: those whose middle day
    falls in it. The one definition of which weeks make a month, a quarter or a goal's span
    (a quarter from Wednesday 07-01 has the 13 weeks W27..W39: W27 starts 06-29 but its
    Thursday is 07-02; W40's is 10-01), used by the review's figure and trend, the quarter's
    suggestions, the workbook's columns and the goals' plan in the store."""
    out = []
    for p in periods(frequency, first - dt.timedelta(days=7 if frequency == "weekly" else 0),
                     last):
        if first <= middle(p) <= last:
            out.append(p)
    if not out:  # a span shorter than its periods: the one it lies in
        out.append(period_of(frequency, middle((first, last))))
    return out


def label(frequency: str, period: Span, lang: str) -> str:
    """A short column heading: `W02 01-05`, `2026-01`, `2026 Q1`, `01-05`."""
    start = period[0]
    if frequency == "daily":
        return start.strftime("%m-%d")
    if frequency == "weekly":
        week = iso_week(start)
        return catalog.text(lang, "periods.week", week=week, date=f"{start:%m-%d}")
    if frequency == "monthly":
        return catalog.text(lang, "periods.month", year=start.year, month=start.month)
    return catalog.text(lang, "periods.quarter", year=start.year, quarter=quarter(start))


# --- review dates -------------------------------------------------------------------------------

def next_weekday(start: dt.date, weekday: str | int) -> dt.date:
    """The first `weekday` (a name from WEEKDAYS or 0 = Monday) on or after `start`."""
    index = WEEKDAYS.index(weekday) if isinstance(weekday, str) else weekday
    return shift(start, (index - start.weekday()) % 7)


def next_monday(today: dt.date) -> dt.date:
    """Today when it is a Monday, else the coming Monday (the questionnaire's default start)."""
    return next_weekday(today, 0)


def next_month_day(start: dt.date, day: int) -> dt.date:
    """The first `day` of a month on or after `start` (days are 1..28, so every month has it)."""
    if start.day <= day:
        return start.replace(day=day)
    return add_months(start.replace(day=day), 1)


def next_quarter_day(start: dt.date, day: int) -> dt.date:
    """`day` of the first quarter month (Jan, Apr, Jul, Oct) falling on or after `start`."""
    first = quarter_start(start).replace(day=day)
    return first if first >= start else add_months(first, 3)


# --- review periods: `2026-W39`, `2026-09`, `2026-Q3` ----------------------------------------

REVIEW_KINDS = {"week": "weekly", "month": "monthly", "quarter": "quarterly"}
PERIOD_ID_HELP = "an ISO week (2026-W39), a month (2026-09) or a quarter (2026-Q3)"


def period_id(frequency: str, d: dt.date) -> str:
    """The id of the weekly, monthly or quarterly period that contains `d`."""
    if frequency == "weekly":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if frequency == "monthly":
        return f"{d:%Y-%m}"
    if frequency == "quarterly":
        return f"{d.year}-Q{quarter(d)}"
    raise ValueError(f"no period id for frequency {frequency!r}")


def parse_period_id(text: str) -> tuple[str, Span]:
    """`2026-W39` -> ("weekly", (Mon, Sun)); `2026-09` -> ("monthly", ...); `2026-Q3` ->
    ("quarterly", ...). ASCII digits only, within FIRST_DATE..LAST_DATE. Raises ValueError
    with a reader's message for anything else."""
    s = text.strip()
    hint = ascii_hint(s)
    if hint is not None:
        raise ValueError(hint)
    kind, span = _parse_period_id(s)
    for d in span:
        check_date(d)
    return kind, span


def _parse_period_id(s: str) -> tuple[str, Span]:
    if re.match(r"0000-", s):
        raise ValueError("there is no year 0000")
    m = re.fullmatch(r"([0-9]{4})-[Ww]([0-9]{1,2})", s)
    if m:
        year, week = int(m[1]), int(m[2])
        try:
            start = dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            last = dt.date(year, 12, 28).isocalendar()[1]
            raise ValueError(f"{year} has ISO weeks W01 to W{last}, not W{week:02d}") from None
        check_date(start)
        return "weekly", period_of("weekly", start)
    m = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", s)
    if m:
        month = int(m[2])
        if not 1 <= month <= 12:
            raise ValueError(f"a month runs 01 to 12, not {m[2]}")
        return "monthly", period_of("monthly", dt.date(int(m[1]), month, 1))
    m = re.fullmatch(r"([0-9]{4})-[Qq]([0-9])", s)
    if m:
        q = int(m[2])
        if not 1 <= q <= 4:
            raise ValueError(f"a year has quarters Q1 to Q4, not Q{q}")
        return "quarterly", period_of("quarterly", dt.date(int(m[1]), QUARTER_MONTHS[q - 1], 1))
    raise ValueError(f"expected {PERIOD_ID_HELP}")


# --- a span's share of each period (partial first and last periods) ---------------------------

class PeriodShare(NamedTuple):
    """A reporting period as a plan sees it: the calendar period, the days of it inside the
    span, and the part of the span's weight it carries (the shares of a span sum to 1)."""

    period: Span
    days: int       # days of the period inside the span
    full_days: int  # days of the whole calendar period
    share: float

    @property
    def partial(self) -> bool:
        return self.days < self.full_days


def period_shares(frequency: str, first: dt.date, last: dt.date,
                  day_weight: Callable[[dt.date], float] | None = None) -> list[PeriodShare]:
    """The one rule for a span cut into reporting periods: each period carries the share of
    the span's days that fall inside it, each day weighing `day_weight(day)` (1 when None, so
    by plain days). A quarter from 2027-01-04 gives 2027-04 its 3 days out of 90, not a third
    of the goal; a season curve passes the weight of each day (an 11.11 weighs more)."""
    spans = periods(frequency, first, last)
    weights, days = [], []
    for lo, hi in spans:
        a, b = max(lo, first), min(hi, last)
        n = (b - a).days + 1
        days.append(n)
        if day_weight is None:
            weights.append(float(n))
        else:
            weights.append(sum(day_weight(a + dt.timedelta(days=i)) for i in range(n)))
    total = sum(weights) or 1.0
    return [PeriodShare(span, n, (span[1] - span[0]).days + 1, w / total)
            for span, n, w in zip(spans, days, weights, strict=True)]


def share_label(frequency: str, share: PeriodShare, lang: str) -> str:
    """A period's heading, naming a partial one by its days: `2027-04, 3 days`."""
    text = label(frequency, share.period, lang)
    if not share.partial:
        return text
    key = "plans.partial_period_one" if share.days == 1 else "plans.partial_period"
    return catalog.text(lang, key, period=text, days=share.days)
