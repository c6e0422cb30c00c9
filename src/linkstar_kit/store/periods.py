"""Reporting periods by KPI frequency.

daily: one day. weekly: Monday to Sunday (ISO weeks). monthly: calendar month. quarterly:
calendar quarter. An actuals row's period must be exactly one of these.
"""

from __future__ import annotations

import calendar
import datetime as dt

HORIZON_MONTHS = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def period_of(frequency: str, d: dt.date) -> tuple[dt.date, dt.date]:
    """The period of `frequency` that contains day `d`."""
    if frequency == "daily":
        return d, d
    if frequency == "weekly":
        start = d - dt.timedelta(days=d.weekday())
        return start, start + dt.timedelta(days=6)
    if frequency == "monthly":
        start = d.replace(day=1)
    elif frequency == "quarterly":
        start = dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    else:
        raise ValueError(f"unknown frequency {frequency!r}")
    months = 1 if frequency == "monthly" else 3
    return start, add_months(start, months) - dt.timedelta(days=1)


def horizon(start: dt.date, horizon_name: str) -> tuple[dt.date, dt.date]:
    """First and last day of the goal period that starts on `start`."""
    return start, add_months(start, HORIZON_MONTHS[horizon_name]) - dt.timedelta(days=1)


def periods(frequency: str, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every period of `frequency` that overlaps the days first..last, in order."""
    out = []
    d = first
    while d <= last:
        p = period_of(frequency, d)
        out.append(p)
        d = p[1] + dt.timedelta(days=1)
    return out


def label(frequency: str, period: tuple[dt.date, dt.date], lang: str) -> str:
    """A short column heading: `W02 01-05`, `2026-01`, `2026 Q1`, `01-05`."""
    start = period[0]
    if frequency == "daily":
        return start.strftime("%m-%d")
    if frequency == "weekly":
        week = start.isocalendar()[1]
        return (f"第{week}周 {start:%m-%d}" if lang == "zh" else f"W{week:02d} {start:%m-%d}")
    if frequency == "monthly":
        return f"{start.year}年{start.month}月" if lang == "zh" else f"{start:%Y-%m}"
    q = (start.month - 1) // 3 + 1
    return f"{start.year}年Q{q}" if lang == "zh" else f"{start.year} Q{q}"
