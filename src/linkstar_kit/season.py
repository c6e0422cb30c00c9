"""Sale events and seasons: which of them fall inside a span, for a client's regions.

One calendar (`role_libraries/sale_events.yaml`) serves two readers: the goal cascade's month
curve (an event's `lift` weighs its days when the client's own months are unknown) and the
advice's timing (an action tagged `events: [double_11]` is shown only when 11.11 falls inside
the scope, in a region the client sells to). Dates that move every year come from rules:
Black Friday from the calendar, Ramadan and Chinese New Year from the `holidays` package (so
no year's dates are typed here).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .periods import ONE_DAY, add_months, days_in_month

GLOBAL = "global"


@dataclass(frozen=True)
class SaleEvent:
    id: str
    name: dict[str, str]
    regions: tuple[str, ...]
    platforms: tuple[str, ...] | None
    when: dict[str, Any]
    lift: float


@dataclass(frozen=True)
class Occurrence:
    """One event on its dates (inclusive), e.g. 11.11 of 2026."""

    event: SaleEvent
    start: dt.date
    end: dt.date

    def days_in(self, first: dt.date, last: dt.date) -> int:
        lo, hi = max(self.start, first), min(self.end, last)
        return (hi - lo).days + 1 if lo <= hi else 0


@dataclass(frozen=True)
class SaleCalendar:
    regions: dict[str, tuple[str, ...]]  # region -> site codes
    events: tuple[SaleEvent, ...]

    def region_of(self, site: str) -> str | None:
        for region, sites in self.regions.items():
            if site.upper() in sites:
                return region
        return None

    def regions_of(self, sites: Iterable[str]) -> set[str]:
        return {r for r in (self.region_of(s) for s in sites) if r}

    def occurrences(self, first: dt.date, last: dt.date, *, regions: Iterable[str] | None = None,
                    platforms: Iterable[str] | None = None) -> list[Occurrence]:
        """Every event that overlaps [first, last], kept in `regions` (None: any) and run by one
        of `platforms` (None: any), in date order."""
        want_regions = None if regions is None else set(regions)
        want_platforms = None if platforms is None else set(platforms)
        out: list[Occurrence] = []
        for ev in self.events:
            if want_regions is not None and GLOBAL not in ev.regions \
                    and not want_regions & set(ev.regions):
                continue
            if want_platforms is not None and ev.platforms is not None \
                    and not want_platforms & set(ev.platforms):
                continue
            for year in range(first.year - 1, last.year + 1):
                for start, end in _dates(ev, year):
                    if start <= last and end >= first:
                        out.append(Occurrence(ev, start, end))
        return sorted(out, key=lambda o: (o.start, o.event.id))


def _dates(ev: SaleEvent, year: int) -> list[tuple[dt.date, dt.date]]:
    w = ev.when
    days = int(w.get("days", 1))
    starts: list[dt.date] = []
    if "rule" in w:
        found = _RULES[w["rule"]](year)
        if found:
            starts.append(found)
    elif "monthly_day" in w:
        ends = []
        for m in range(1, 13):
            last = days_in_month(year, m)
            starts.append(dt.date(year, m, min(int(w["monthly_day"]), last)))
            ends.append(dt.date(year, m, last))
        if w.get("until") == "month_end":
            # a month-end payday sale: to the 28th, 29th, 30th or 31st, never into the next month
            return list(zip(starts, ends, strict=True))
    else:
        month = int(w["month"])
        starts.append(dt.date(year, month, int(w.get("day", 1))))
    return [(s, s + (days - 1) * ONE_DAY) for s in starts]


def _black_friday(year: int) -> dt.date:
    nov1 = dt.date(year, 11, 1)
    thursday = nov1 + ((3 - nov1.weekday()) % 7) * ONE_DAY  # the first Thursday
    return thursday + 22 * ONE_DAY  # the fourth Thursday (Thanksgiving) + 1


@functools.lru_cache(maxsize=128)  # the cascade asks per platform and site: build a year once
def _holiday(country: str, year: int, words: tuple[str, ...]) -> dt.date | None:
    from .workdays import holidays_of

    try:
        table = holidays_of(country, None, year, "en_US")
    except (NotImplementedError, KeyError):  # pragma: no cover - a holidays release without it
        return None
    hits = sorted(d for d, name in table.items() if any(w in name for w in words))
    return hits[0] if hits else None


def _ramadan(year: int) -> dt.date | None:
    eid = _holiday("EG", year, ("Eid al-Fitr",))
    return eid - 30 * ONE_DAY if eid else None  # Ramadan is the 29 or 30 days before Eid


def _chinese_new_year(year: int) -> dt.date | None:
    # from a week before (factories close early) to a week after the Spring Festival
    cny = _holiday("CN", year, ("Spring Festival",))
    return cny - 7 * ONE_DAY if cny else None


_RULES = {"black_friday": _black_friday, "ramadan": _ramadan, "chinese_new_year": _chinese_new_year}


def parse_calendar(data: dict[str, Any]) -> SaleCalendar:
    regions = {str(k): tuple(str(s).upper() for s in v) for k, v in data["regions"].items()}
    events = []
    for e in data["events"]:
        when = dict(e["when"])
        if "rule" in when and when["rule"] not in _RULES:
            raise ValueError(f"sale event {e['id']}: unknown rule {when['rule']!r}")
        if "until" in when and (when["until"] != "month_end" or "monthly_day" not in when
                                or "days" in when):
            # a window is either N days long or runs to the month's end, not both
            raise ValueError(f"sale event {e['id']}: `until: month_end` goes with `monthly_day` "
                             "and without `days`")
        events.append(SaleEvent(
            id=str(e["id"]), name=dict(e["name"]), regions=tuple(e["regions"]),
            platforms=tuple(e["platforms"]) if e.get("platforms") else None, when=when,
            lift=float(e.get("lift", 1.0))))
    return SaleCalendar(regions=regions, events=tuple(events))


@functools.lru_cache(maxsize=4)
def load_calendar(library_dir: Path | None = None) -> SaleCalendar:
    """The sale calendar of a library folder (the shipped one by default)."""
    from .diskcache import cached
    from .library.loader import shipped_library_dir

    path = (library_dir or shipped_library_dir()) / "sale_events.yaml"
    if not path.is_file():
        path = shipped_library_dir() / "sale_events.yaml"

    def build() -> SaleCalendar:
        import yaml

        with open(path, encoding="utf-8") as fh:
            return parse_calendar(yaml.load(fh, Loader=getattr(yaml, "CSafeLoader",
                                                                  yaml.SafeLoader)))

    # parsed once per edit of the file (diskcache): PyYAML's import alone is ~20 ms a command
    return cached("calendar", [path], build)


def months_of(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first day of every calendar month that [first, last] touches."""
    out, m = [], first.replace(day=1)
    while m <= last:
        out.append(m)
        m = add_months(m, 1)
    return out
