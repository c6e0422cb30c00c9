"""The review cadence as a calendar: `calendar/reviews.ics` (RFC 5545).

One recurring event series per review (weekly, monthly, quarterly) in the client's time zone,
with its VTIMEZONE, so the meetings land at the right local time in any calendar app. The file
is byte-deterministic: UIDs come from the client slug and the series (a re-import updates the
events instead of duplicating them) and DTSTAMP is fixed to the start of the scope.

Working days (workdays.py): a meeting whose day is a weekend or a public holiday of the
client's country (and of its subdivision, `review.subdivision`) is moved to the next working
day, as an override of that one occurrence (same UID, RECURRENCE-ID = the day the rule gives),
so the first meeting of every series, and every later one, falls on a working day.

Every series ends (RRULE UNTIL) with the first meeting after the scope's last day: it reviews
the scope's last week, month or quarter. The monthly review meets after the scope's first
month, the quarterly one after its first quarter, never inside them (that would review the
period before the KPI system existed): kit/meetings.py, which the agendas read too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Any
from zoneinfo import ZoneInfo

from .. import catalog
from ..workdays import Workdays
from .agendas import Agenda, build_agendas
from .context import KitContext
from .files import KitFiles
from .meetings import held_days, rule_days

PATH = "calendar/reviews.ics"
PRODID = "-//LinkStar//linkstar-kit review calendar//EN"
BYDAY = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
         "saturday": "SA", "sunday": "SU"}
# The VTIMEZONE spells out the zone's offset changes for this many years after the start; the
# TZID is the IANA name, which calendar apps resolve themselves beyond that.
TZ_YEARS = 20


def uid(slug: str, series: str) -> str:
    return f"{series}-review.{slug}@linkstar-kit"


Series = tuple[str, list[dt.date], Any, dict[str, Any]]


def _series(ctx: KitContext) -> list[Series]:
    """(series, the rule's days, review settings, RRULE without UNTIL) for every review the
    client holds for the scope (kit/meetings.py says when each meets)."""
    review = ctx.answers.review
    days = rule_days(ctx.answers)
    out: list[Series] = [
        ("weekly", days["weekly"], review.weekly,
         {"freq": "weekly", "byday": BYDAY[review.weekly.weekday]}),
        ("monthly", days["monthly"], review.monthly,
         {"freq": "monthly", "bymonthday": review.monthly.day}),
    ]
    if review.quarterly:
        out.append(("quarterly", days["quarterly"], review.quarterly,
                    {"freq": "monthly", "interval": 3, "bymonthday": review.quarterly.day}))
    return out


def meeting_days(ctx: KitContext) -> dict[str, list[tuple[dt.date, dt.date]]]:
    """{series: [(the rule's day, the day the meeting is held)]}: held on the next working
    day when the rule's day is not one (kit/meetings.py)."""
    return held_days(ctx.answers)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    """A name as one content line. The answers refuse control characters in names and titles;
    this keeps a name that came another way (the Python API, a house library) from breaking
    the file: icalendar refuses a raw newline in a property."""
    return _CONTROL.sub(" ", text)


def agenda_file(kind: str, held: Collection[str] | None) -> str | None:
    """The agenda a meeting links to: its HTML page where the kit holds one, else its
    Markdown, else none (a kit of the calendar alone). `held` None: every format."""
    for ext in ("html", "md"):
        path = f"agendas/{kind}-review.{ext}"
        if held is None or path in held:
            return path
    return None


def _description(agenda: Agenda, lang: str, path: str | None) -> str:
    text = catalog.text(lang, "calendar.description", purpose=agenda.purpose,
                        minutes=agenda.minutes, outline=agenda.outline(lang))
    if path is None:
        return text
    return text + "\n\n" + catalog.text(lang, "calendar.agenda_file", path=path)


def render_calendar(ctx: KitContext, kit_files: Collection[str] | None = None) -> bytes:
    """The .ics bytes for this kit's review meetings; `kit_files` is the files the kit holds
    (the agendas the events link to must be among them; None: every format)."""
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
    work = Workdays.of(ctx.answers)
    for series, days, cfg, rrule in _series(ctx):
        agenda = agendas[series]
        hour, minute = (int(x) for x in cfg.time.split(":"))

        def at(d: dt.date, hour: int = hour, minute: int = minute) -> dt.datetime:
            return dt.datetime(d.year, d.month, d.day, hour, minute, tzinfo=zone)

        summary = _one_line(f"{agenda.title} · {client}")
        description = "\n".join(_one_line(line)
                                for line in _description(
                                    agenda, lang, agenda_file(series, kit_files)).split("\n"))
        ev = Event()
        ev.add("uid", uid(slug, series))
        ev.add("dtstamp", stamp)
        ev.add("summary", summary)
        ev.add("dtstart", at(days[0]))
        ev.add("duration", dt.timedelta(minutes=cfg.minutes))
        ev.add("rrule", {**rrule, "until": at(days[-1]).astimezone(dt.timezone.utc)})
        ev.add("description", description)
        ev.add("categories", ["KPI"])
        ev.add("transp", "OPAQUE")
        cal.add_component(ev)
        for d in days:
            held = work.next_working(d)
            if held == d:
                continue
            moved = Event()
            moved.add("uid", uid(slug, series))
            moved.add("dtstamp", stamp)
            moved.add("recurrence-id", at(d))
            moved.add("summary", summary)
            moved.add("dtstart", at(held))
            moved.add("duration", dt.timedelta(minutes=cfg.minutes))
            moved.add("description", description)
            moved.add("categories", ["KPI"])
            moved.add("transp", "OPAQUE")
            cal.add_component(moved)
    return cal.to_ical()


def write_calendar(ctx: KitContext, out: KitFiles) -> None:
    out.add(PATH, render_calendar(ctx, set(out)))
