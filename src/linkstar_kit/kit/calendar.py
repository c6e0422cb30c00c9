"""The review cadence as a calendar: `calendar/reviews.ics` (RFC 5545).

One recurring event series per review (weekly, monthly, quarterly) in the client's time zone,
with its VTIMEZONE, so the meetings land at the right local time in any calendar app. The file
is byte-deterministic: UIDs come from the client slug and the series (a re-import updates the
events instead of duplicating them) and DTSTAMP is fixed to the start of the scope.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from .. import catalog
from ..periods import next_month_day, next_quarter_day, next_weekday
from .agendas import Agenda, build_agendas
from .context import KitContext
from .files import KitFiles

PATH = "calendar/reviews.ics"
PRODID = "-//LinkStar//linkstar-kit review calendar//EN"
BYDAY = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
         "saturday": "SA", "sunday": "SU"}
# The VTIMEZONE spells out the zone's offset changes for this many years after the start; the
# TZID is the IANA name, which calendar apps resolve themselves beyond that.
TZ_YEARS = 20


def uid(slug: str, series: str) -> str:
    return f"{series}-review.{slug}@linkstar-kit"


def _series(ctx: KitContext) -> list[tuple[str, dt.date, Any, dict[str, Any]]]:
    """(series, first date, review settings, RRULE) for every review the client holds."""
    start = ctx.answers.scope.start
    review = ctx.answers.review
    out: list[tuple[str, dt.date, Any, dict[str, Any]]] = [
        ("weekly", next_weekday(start, review.weekly.weekday), review.weekly,
         {"freq": "weekly", "byday": BYDAY[review.weekly.weekday]}),
        ("monthly", next_month_day(start, review.monthly.day), review.monthly,
         {"freq": "monthly", "bymonthday": review.monthly.day}),
    ]
    if review.quarterly:
        q = review.quarterly
        out.append(("quarterly", next_quarter_day(start, q.day), q,
                    {"freq": "monthly", "interval": 3, "bymonthday": q.day}))
    return out


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    """A name as one content line. The answers refuse control characters in names and titles;
    this keeps a name that came another way (the Python API, a house library) from breaking
    the file: icalendar refuses a raw newline in a property."""
    return _CONTROL.sub(" ", text)


def _description(agenda: Agenda, lang: str) -> str:
    return catalog.text(lang, "calendar.description", purpose=agenda.purpose,
                        minutes=agenda.minutes, outline=agenda.outline(lang),
                        path=f"agendas/{agenda.kind}-review.html")


def render_calendar(ctx: KitContext) -> bytes:
    """The .ics bytes for this kit's review meetings."""
    from icalendar import Calendar, Event, Timezone

    lang = ctx.lang
    tzid = ctx.answers.client.timezone
    zone = ZoneInfo(tzid)
    start = ctx.answers.scope.start
    slug = ctx.selection.client.slug
    client = _one_line(ctx.answers.client.name)
    agendas = build_agendas(ctx)
    stamp = dt.datetime(start.year, start.month, start.day, tzinfo=dt.timezone.utc)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", catalog.text(lang, "calendar.name", client=client))
    cal.add("x-wr-timezone", tzid)
    cal.add_component(Timezone.from_tzid(
        tzid, first_date=dt.date(start.year, 1, 1),
        last_date=dt.date(start.year + TZ_YEARS, 1, 1)))
    for series, day, cfg, rrule in _series(ctx):
        agenda = agendas[series]
        hour, minute = (int(x) for x in cfg.time.split(":"))
        ev = Event()
        ev.add("uid", uid(slug, series))
        ev.add("dtstamp", stamp)
        ev.add("summary", _one_line(f"{agenda.title} · {client}"))
        ev.add("dtstart", dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone))
        ev.add("duration", dt.timedelta(minutes=cfg.minutes))
        ev.add("rrule", rrule)
        ev.add("description", "\n".join(_one_line(line)
                                        for line in _description(agenda, lang).split("\n")))
        ev.add("categories", ["KPI"])
        ev.add("transp", "OPAQUE")
        cal.add_component(ev)
    return cal.to_ical()


def write_calendar(ctx: KitContext, out: KitFiles) -> None:
    out.add(PATH, render_calendar(ctx))
