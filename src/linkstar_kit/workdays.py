"""Working days of the client's country: weekends and public holidays (the `holidays` package,
maintained upstream; no hand-written list here).

The country is `review.country` when the answers give it, else the country of the client's
time zone in the IANA database's zone.tab (Europe/Berlin -> DE, Asia/Shanghai -> CN); a zone
of no country (UTC) leaves only the weekend. Weekends are Saturday and Sunday.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from .periods import ONE_DAY


@functools.lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    """IANA zone -> ISO 3166 country code, from zone.tab (tzdata, else the system's)."""
    text = ""
    try:
        from importlib.resources import files

        text = files("tzdata").joinpath("zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        try:
            with open("/usr/share/zoneinfo/zone.tab", encoding="utf-8") as fh:
                text = fh.read()
        except OSError:
            return {}
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 3:
                out[parts[2]] = parts[0]
    return out


def country_of_zone(zone: str) -> str | None:
    return _zone_countries().get(zone)


@functools.lru_cache(maxsize=1)
def supported_countries() -> frozenset[str]:
    import holidays

    return frozenset(holidays.list_supported_countries())


def client_country(answers: Any) -> str | None:
    """The country whose working days the meetings keep: `review.country`, else the time
    zone's (when the holidays library knows it)."""
    given = answers.review.country
    if given:
        return str(given)
    country = country_of_zone(answers.client.timezone)
    return country if country in supported_countries() else None


class Workdays:
    """Is a day worked in `country`, and the next one that is."""

    def __init__(self, country: str | None) -> None:
        self.country = country
        self._years: dict[int, Any] = {}

    def holiday(self, d: dt.date) -> str | None:
        if self.country is None:
            return None
        if d.year not in self._years:
            import holidays

            self._years[d.year] = holidays.country_holidays(self.country, years=d.year)
        name = self._years[d.year].get(d)
        return str(name) if name else None

    def is_working(self, d: dt.date) -> bool:
        return d.weekday() < 5 and self.holiday(d) is None

    def next_working(self, d: dt.date) -> dt.date:
        """`d` when it is a working day, else the first one after it."""
        while not self.is_working(d):
            d += ONE_DAY
        return d
