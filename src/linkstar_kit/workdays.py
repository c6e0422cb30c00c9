"""Working days of the client's country: weekends and public holidays (the `holidays` package,
maintained upstream; no hand-written list here).

The country is `review.country` when the answers give it, else the country of the client's
time zone in the IANA database's zone.tab (Europe/Berlin -> DE, Asia/Shanghai -> CN); a zone
of no country (UTC) leaves only the weekend. Weekends are Saturday and Sunday.

Regional holidays: `review.subdivision` (ISO 3166-2, GB-ENG, MY-14) adds the holidays of the
client's state, province or nation (Easter Monday in England, not in Scotland; Federal
Territory Day in Kuala Lumpur). Left out, it is taken from the time zone only where the zone
covers one subdivision of a country with regional holidays (SUBDIVISION_OF_ZONE: Melbourne
is Victoria; London is all of the UK and Kuala Lumpur all of peninsular Malaysia, so neither
says which), and the check says so.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
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
    """The country codes (and aliases: UK) the holidays library knows, from its registry:
    `list_supported_countries()` imports every one of its ~250 country modules to list their
    subdivisions too, a quarter of a second a command spent for one country (issue 21). Kept
    on disk until the holidays package changes: even its registry costs ~40 ms to import."""

    def build() -> frozenset[str]:
        try:
            from holidays.registry import EntityLoader

            return frozenset(EntityLoader.get_country_codes(True))
        except (ImportError, AttributeError):  # an older holidays without a registry listing
            import holidays

            return frozenset(holidays.list_supported_countries())

    from .diskcache import cached

    return cached("countries", [], build, _holidays_stamp())


def client_country(answers: Any) -> str | None:
    """The country whose working days the meetings keep: `review.country`, else the
    subdivision's, else the time zone's (when the holidays library knows it)."""
    given = answers.review.country
    if given:
        return str(given)
    sub = getattr(answers.review, "subdivision", None)
    if sub:
        return str(sub).split("-")[0]
    country = country_of_zone(answers.client.timezone)
    return country if country in supported_countries() else None


# Zones that lie in one subdivision of a country whose holidays differ by subdivision (from
# zone.tab's comments): only these default a subdivision. A zone shared by several (London:
# the four nations; Kuala Lumpur: peninsular Malaysia; Sydney: New South Wales and the ACT;
# New York: the US east coast) defaults none.
SUBDIVISION_OF_ZONE: dict[str, str] = {
    "Australia/Melbourne": "AU-VIC", "Australia/Brisbane": "AU-QLD",
    "Australia/Adelaide": "AU-SA", "Australia/Perth": "AU-WA", "Australia/Hobart": "AU-TAS",
    "Australia/Darwin": "AU-NT", "America/Vancouver": "CA-BC", "America/St_Johns": "CA-NL",
    "America/Regina": "CA-SK", "Pacific/Honolulu": "US-HI", "America/Phoenix": "US-AZ",
    "Atlantic/Canary": "ES-CN", "Atlantic/Madeira": "PT-30", "Atlantic/Azores": "PT-20",
}

ISO_SUBDIVISION = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")


@functools.cache
def subdivisions_of(country: str) -> list[str]:
    """The ISO 3166-2 subdivision codes of `country` whose holidays the library knows (its
    non-ISO extras, such as a city or a school zone, left out); [] for a country it does not
    know. Imports that one country's module only."""
    if country not in supported_countries():
        return []

    def build() -> list[str]:
        import holidays

        subs = getattr(holidays, country).subdivisions
        return [f"{country}-{s}" for s in subs if ISO_SUBDIVISION.fullmatch(f"{country}-{s}")]

    from .diskcache import cached

    # Any country's holidays import all ~250 of the library's country modules (~0.15 s): the
    # answer is kept on disk until the holidays package changes.
    return cached(f"subdivisions_{country}", [], build, _holidays_stamp())



@functools.lru_cache(maxsize=1)
def subdivisions() -> dict[str, list[str]]:
    """Country -> its subdivision codes, for every ISO country the library knows (those of
    zone.tab: the library also answers to a few non-ISO aliases, UK for GB, and UK-ENG is to be
    told GB-ENG). Imports every country's module: for messages only, never on the happy path."""
    iso = set(_zone_countries().values())
    return {c: subdivisions_of(c) for c in sorted(supported_countries()) if not iso or c in iso}


def _codes_text(country: str, limit: int = 8) -> str:
    """`GB-ENG, GB-NIR, GB-SCT, GB-WLS`, the first `limit` of a long list then `...`."""
    codes = subdivisions_of(country)
    return ", ".join(codes[:limit]) + (" ..." if len(codes) > limit else "")


def _aliases(country: str) -> dict[str, str]:
    """A country's subdivision names and short forms, upper case -> ISO code (`KUL`,
    `WILAYAH PERSEKUTUAN KUALA LUMPUR` -> `MY-14`), from the holidays library."""
    import holidays

    aliases = getattr(holidays.country_holidays(country), "subdivisions_aliases", {}) or {}
    known = set(subdivisions_of(country))
    return {str(k).upper(): f"{country}-{val}" for k, val in aliases.items()
            if f"{country}-{val}" in known}


def _by_name(name: str, countries: list[str]) -> str | None:
    """The code of a subdivision named `name` (upper case) in one of `countries`: its exact
    name or short form, else the one name that contains it (`KUALA LUMPUR`)."""
    exact, partial = set(), set()
    for c in countries:
        for alias, code in _aliases(c).items():
            if alias == name:
                exact.add(code)
            elif len(name) >= 4 and name in alias:
                partial.add(code)
    found = exact or partial
    return next(iter(found)) if len(found) == 1 else None


def _holidays_stamp() -> str:
    """Which holidays package is installed (its place and its version file's size and mtime),
    without importing it."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("holidays")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return "holidays:none"
    stamps = [origin]
    for name in ("__init__.py", "version.py"):
        try:
            st = os.stat(os.path.join(os.path.dirname(origin), name))
        except OSError:
            continue
        stamps.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(stamps)


@functools.lru_cache(maxsize=64)
def holidays_of(country: str, subdivision: str | None, year: int,
                language: str | None = None) -> dict[dt.date, str]:
    """{date: name} of the public holidays of `country` (and its `subdivision`'s code after
    the dash: ENG of GB-ENG) in `year`; once per process, and on disk until the holidays
    package changes (importing it costs more than the rest of a Markdown kit's dates)."""

    def build() -> dict[dt.date, str]:
        import holidays

        found = holidays.country_holidays(country, subdiv=subdivision, years=year,
                                          language=language)
        return {d: str(name) for d, name in sorted(found.items())}

    from .diskcache import cached

    return cached(f"holidays_{country}_{subdivision or 'all'}_{year}_{language or ''}", [], build,
                  _holidays_stamp())


def check_subdivision(v: str) -> str:
    """`v` as an ISO 3166-2 code the holidays library knows, else a ValueError with a
    did-you-mean: a state's name or short form (MY-KUL, MY-Kuala Lumpur, England) leads to
    its code (MY-14, GB-ENG); a country alone or an unknown code lists the country's codes."""
    code = v.strip().upper()
    country, dash, sub = code.partition("-")
    iso = set(_zone_countries().values())
    if (not iso or country in iso) and code in subdivisions_of(country):
        return code
    known = subdivisions()
    hint = ""
    if country in known and not known[country]:
        hint = f"; {country} has one national holiday list: leave out the subdivision"
    elif country in known and sub:
        guess = _by_name(sub.strip(), [country])
        if guess is None:
            import difflib

            close = difflib.get_close_matches(code, known[country], n=1)
            guess = close[0] if close else None
        hint = (f"; did you mean `{guess}`?" if guess
                else f"; {country} has {_codes_text(country)}")
    elif country in known and not dash:
        hint = f"; a subdivision of {country}: {_codes_text(country)}"
    else:
        guess = _by_name(code, sorted(known)) if len(code) > 3 else None
        if guess is None and sub.isalpha() and len(sub) >= 3:  # UK-ENG: the one with an ENG
            same = [f"{c}-{sub}" for c in sorted(known) if f"{c}-{sub}" in known[c]]
            guess = same[0] if len(same) == 1 else None
        hint = (f"; did you mean `{guess}`?" if guess
                else "; the part before the dash is an ISO 3166 country code (GB, MY, US)")
    raise ValueError(f"unknown subdivision '{v[:40]}': an ISO 3166-2 code whose public "
                     f"holidays are known (e.g. GB-ENG, MY-14, US-CA){hint}")


def client_subdivision(answers: Any) -> tuple[str | None, bool]:
    """(the subdivision whose holidays the meetings also avoid, whether it was taken from the
    time zone): `review.subdivision`, else the zone's where it is one (SUBDIVISION_OF_ZONE)
    and the meetings keep that country's calendar."""
    sub = getattr(answers.review, "subdivision", None)
    if sub:
        return str(sub), False
    guess = SUBDIVISION_OF_ZONE.get(answers.client.timezone)
    if guess and guess.split("-")[0] == client_country(answers):
        return guess, True
    return None, False


def regional_holiday(country: str, first: dt.date, last: dt.date
                     ) -> tuple[dt.date, str, list[str]] | None:
    """A weekday from `first` to `last` that is a public holiday in some of `country`'s
    subdivisions but not nationally, the one most of them keep: (day, name, those
    subdivisions); None when there is none. What a team that gives no subdivision may meet
    on (Easter Monday 2027 in GB-ENG, GB-NIR, GB-WLS)."""
    def build() -> tuple[dt.date, str, list[str]] | None:
        import holidays

        years = list(range(first.year, last.year + 1))
        national = holidays.country_holidays(country, years=years)
        found: dict[dt.date, tuple[str, list[str]]] = {}
        for code in subdivisions_of(country):
            # the name goes into an English document: asked for in English, since without a
            # language the holidays package names it in the language of LANGUAGE, LC_ALL,
            # LC_MESSAGES or LANG (German on a machine with no locale set: "Buß- und Bettag")
            regional = holidays.country_holidays(country, subdiv=code.split("-", 1)[1],
                                                 years=years, language="en_US")
            for day, name in regional.items():
                if first <= day <= last and day.weekday() < 5 and day not in national:
                    found.setdefault(day, (str(name), []))[1].append(code)
        if not found:
            return None
        # the one kept by the most subdivisions (the likeliest to be the team's), the earliest
        # of those
        day = min(found, key=lambda d: (-len(found[d][1]), d))
        return day, found[day][0], found[day][1]

    from .diskcache import cached

    # Every subdivision's holidays (58 for the US) cost ~0.25 s, more than the rest of a
    # Markdown kit's dates: the answer is kept on disk until the holidays package changes.
    # A `None` answer is not cached (diskcache keeps no None), so it is wrapped in a list.
    return cached(f"regional_{country}_{first.isoformat()}_{last.isoformat()}", [],
                  lambda: [build()], _holidays_stamp())[0]


def has_subdivisions(country: str | None) -> bool:
    return bool(country and subdivisions_of(country))


class Workdays:
    """Is a day worked in `country` (and its `subdivision`: GB-ENG), and the next one that
    is."""

    def __init__(self, country: str | None, subdivision: str | None = None) -> None:
        self.country = country
        self.subdivision = subdivision if subdivision and country \
            and subdivision.startswith(f"{country}-") else None
        self._years: dict[int, Any] = {}

    @classmethod
    def of(cls, answers: Any) -> Workdays:
        """The client's working days: their country's and their subdivision's holidays."""
        return cls(client_country(answers), client_subdivision(answers)[0])

    def holiday(self, d: dt.date) -> str | None:
        if self.country is None:
            return None
        if d.year not in self._years:
            sub = self.subdivision.split("-", 1)[1] if self.subdivision else None
            self._years[d.year] = holidays_of(self.country, sub, d.year)
        name = self._years[d.year].get(d)
        return str(name) if name else None

    def is_working(self, d: dt.date) -> bool:
        return d.weekday() < 5 and self.holiday(d) is None

    def next_working(self, d: dt.date) -> dt.date:
        """`d` when it is a working day, else the first one after it."""
        while not self.is_working(d):
            d += ONE_DAY
        return d
