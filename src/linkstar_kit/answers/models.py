"""The answers file (format version 1), as pydantic models: the single source of validation.

`spec/answers.md` is the contract. The models check each value's shape; checks that need the
library (known ids, ratio units) or the whole file (unique keys, dates) live in
`answers/checks.py`, which both the file loader and the questionnaire call.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import excerpt
from ..periods import check_date
from ..vocabulary import (
    MAX_KPIS,
    MIN_KPIS,
    Ads,
    Bi,
    Erp,
    Finance,
    Fulfillment,
    Horizon,
    Language,
    ScopeLevel,
    Stage,
    Weekday,
)

# Characters no one-line text of the answers may hold: C0/C1 controls (a newline, a tab, an
# escape), the Unicode line and paragraph separators, lone surrogates and the two
# non-characters. They break a document heading, a calendar line or a workbook cell, and a
# name or title is one line.
_NOT_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def one_line(value: str) -> str:
    m = _NOT_IN_A_LINE.search(value)
    if m:
        raise ValueError(f"must be one line of text without control characters; found "
                         f"`{excerpt(m.group())}` at character {m.start() + 1} of "
                         f"'{excerpt(value)}'")
    return value


Line = AfterValidator(one_line)
Slug = Annotated[str, Field(pattern=r"^[a-z0-9-]{1,64}$")]
Id = Annotated[str, Field(min_length=1, max_length=64), Line]
# Caps on lists: far beyond any real team (the library has 9 platforms and ~110 KPIs), low
# enough that an absurd file is refused at once instead of keeping the engine busy.
MAX_PLATFORMS, MAX_GOALS, MAX_ROLES, MAX_IDS = 20, 50, 100, 200
Site = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
ClockTime = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
# A date in the range the kit plans for (periods.FIRST_DATE..LAST_DATE): 9990-06-01 would
# validate as a date and then break every span computed from it.
Day = Annotated[dt.date, AfterValidator(check_date)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


@functools.lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    """The IANA zone names this Python knows (tzdata). A name is checked against this list,
    not by opening it: `Asia` is a folder of the database and `a/a/.../a` recurses."""
    from zoneinfo import available_timezones

    return frozenset(available_timezones())


# For a region given alone (`Asia`), the zone most of this tool's users mean in it.
_REGION_EXAMPLE = {"Asia": "Asia/Shanghai", "America": "America/New_York",
                   "Europe": "Europe/London", "Australia": "Australia/Sydney",
                   "Africa": "Africa/Johannesburg", "Pacific": "Pacific/Auckland"}


@functools.lru_cache(maxsize=1)
def _tzdata_zones() -> frozenset[str]:
    """The zones the tzdata package lists in one file: a subset of `known_zones()` that is
    read in a millisecond, where the whole list walks /usr/share/zoneinfo (~25 ms a run)."""
    from importlib import resources

    try:
        with resources.files("tzdata").joinpath("zones").open("r", encoding="utf-8") as f:
            return frozenset(z.strip() for z in f if z.strip())
    except (ImportError, OSError):
        return frozenset()


# Names the zone folder holds that are no client's zone: `localtime` links to this machine's
# own zone (a kit's calendar would change with the machine it was made on), `Factory` is the
# database's placeholder for "no zone set".
_NOT_ZONES = frozenset({"localtime", "Factory"})


def check_zone(v: str) -> str:
    if v in _NOT_ZONES:
        raise ValueError(f"'{v}' is not a place's time zone (it stands for whatever zone a "
                         "machine is set to); name the client's city zone, such as "
                         "`Asia/Shanghai`")
    if v in _tzdata_zones():
        return v
    zones = known_zones()
    if v in zones:
        return v
    import difflib

    region = v.strip().strip("/")
    in_region = sorted(z for z in zones if z.startswith(region + "/")) if region else []
    by_case = {z.lower(): z for z in zones}.get(v.strip().lower())
    if by_case:
        close = [by_case]
    elif in_region:
        close = [_REGION_EXAMPLE.get(region, in_region[0])]
    else:
        close = difflib.get_close_matches(v, sorted(zones), n=2) if len(v) <= 64 else []
    hint = f"; did you mean {' or '.join(f'`{c}`' for c in close)}?" if close else ""
    what = (f"`{excerpt(region)}` is a region, not a time zone: name a city zone in it"
            if in_region and not by_case else f"unknown IANA time zone '{excerpt(v)}'")
    raise ValueError(f"{what}{hint}")


class Client(Model):
    name: Annotated[str, Field(min_length=1, max_length=200), Line]
    slug: Slug | None = None
    language: Language = "en"
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"
    timezone: Annotated[str, Field(min_length=1, max_length=64)] = "UTC"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        return check_zone(v)

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, v: str) -> str:
        from ..currencies import CODES, suggest

        if v in CODES:
            return v
        close = suggest(v)
        hint = f"; did you mean {' or '.join(f'`{c}`' for c in close)}?" if close else ""
        raise ValueError(f"unknown ISO 4217 currency code '{v}'{hint}")

    def effective_slug(self) -> str:
        return self.slug or slugify(self.name)


def slugify(name: str) -> str:
    """ASCII slug from a client name. A name with no Latin letters or digits (星链贸易) gets
    `client-` and a short hash of the name, so two such clients never share a folder or
    calendar ids."""
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].strip("-")
    if s:
        return s
    import hashlib

    return "client-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


class Scope(Model):
    level: ScopeLevel = "company"
    name: Annotated[str, Field(min_length=1, max_length=200), Line] | None = None
    start: Day
    horizon: Horizon = "quarter"


class PlatformEntry(Model):
    id: Id
    sites: Annotated[list[Site], Field(max_length=MAX_IDS)] = []
    fulfillment: Annotated[list[Fulfillment], Field(max_length=MAX_IDS)] = []


Finite = Annotated[float, Field(allow_inf_nan=False)]


class Goal(Model):
    kpi: Id
    target: Finite
    by: Day
    baseline: Finite | None = None
    # net_margin only: fixed costs ÷ sales (0.08 = 8 %), what lies between the contribution
    # margin and the net margin; left out, the history's profit report or the kick-off sets it
    fixed_cost_share: Annotated[float, Field(gt=0, lt=1, allow_inf_nan=False)] | None = None


class RoleEntry(Model):
    role: Id
    key: Slug | None = None
    title: Annotated[str, Field(min_length=1, max_length=120), Line] | None = None
    headcount: Annotated[int, Field(ge=1, le=10000)] = 1
    platforms: Annotated[list[Id], Field(max_length=MAX_PLATFORMS)] | None = None
    kpi_count: Annotated[int, Field(ge=MIN_KPIS, le=MAX_KPIS)] | None = None
    pin: Annotated[list[Id], Field(max_length=MAX_IDS)] = []
    exclude: Annotated[list[Id], Field(max_length=MAX_IDS)] = []


class Systems(Model):
    erp: Erp = "none"
    ads: Ads = "platform_console"
    finance: Finance = "spreadsheet"
    bi: Bi = "none"


class Weekly(Model):
    weekday: Weekday = "monday"
    time: ClockTime = "10:00"
    minutes: Annotated[int, Field(ge=15, le=480)] = 60


class Monthly(Model):
    # Mid-month: after the month's books can be closed (the library's month-end close target
    # is 10 working days); the health check warns when the day falls before the close.
    day: Annotated[int, Field(ge=1, le=28)] = 15
    time: ClockTime = "14:00"
    minutes: Annotated[int, Field(ge=15, le=480)] = 120


class Quarterly(Model):
    day: Annotated[int, Field(ge=1, le=28)] = 10
    time: ClockTime = "14:00"
    minutes: Annotated[int, Field(ge=15, le=480)] = 180


def check_country(v: str) -> str:
    from ..workdays import supported_countries

    known = supported_countries()
    if v in known:
        return v
    import difflib

    close = difflib.get_close_matches(v.upper(), sorted(known), n=1)
    hint = f"; did you mean `{close[0]}`?" if close and close[0] == v.upper() else ""
    raise ValueError(f"unknown country '{excerpt(v)}': an ISO 3166 alpha-2 code whose public "
                     f"holidays are known (e.g. CN, DE, US){hint}")


class Review(Model):
    # ISO 3166 country whose weekends and public holidays the meetings avoid; left out, the
    # country of client.timezone.
    country: Annotated[str, Field(min_length=2, max_length=2)] | None = None
    # ISO 3166-2 subdivision (GB-ENG, MY-14) whose own holidays the meetings avoid too;
    # left out, taken from the time zone only where the zone is one subdivision (workdays.py)
    subdivision: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    weekly: Weekly = Weekly()
    monthly: Monthly = Monthly()
    # `false` opts out of the quarterly review of the KPI system (the health check warns).
    quarterly: Quarterly | Literal[False] = Quarterly()

    @field_validator("country")
    @classmethod
    def _known_country(cls, v: str | None) -> str | None:
        return None if v is None else check_country(v)

    @field_validator("subdivision")
    @classmethod
    def _known_subdivision(cls, v: str | None) -> str | None:
        from ..workdays import check_subdivision

        return None if v is None else check_subdivision(v)

    @model_validator(mode="after")
    def _subdivision_in_country(self) -> Review:
        if self.subdivision and self.country and not self.subdivision.startswith(
                f"{self.country}-"):
            raise ValueError(f"subdivision {self.subdivision} is not in country {self.country}: "
                             f"give a subdivision of {self.country} (e.g. {self.country}-...) "
                             "or change the country")
        return self


class Incentives(Model):
    linked_to_pay: bool = False
    kpi_weight_percent: Annotated[int, Field(ge=0, le=100)] = 0


class Answers(Model):
    version: Literal[1]
    client: Client
    scope: Scope
    stage: Stage
    team_size: Annotated[int, Field(ge=1, le=100000)]
    sku_count: Annotated[int, Field(ge=0)] | None = None
    categories: Annotated[list[Id], Field(max_length=MAX_IDS)] = []
    platforms: Annotated[list[PlatformEntry], Field(min_length=1, max_length=MAX_PLATFORMS)]
    goals: Annotated[list[Goal], Field(min_length=1, max_length=MAX_GOALS)]
    roles: Annotated[list[RoleEntry], Field(min_length=1, max_length=MAX_ROLES)]
    systems: Systems = Systems()
    review: Review = Review()
    incentives: Incentives = Incentives()

    # --- derived views used by the engine and the writers ---------------------------------
    def platform_ids(self) -> list[str]:
        return [p.id for p in self.platforms]

    def role_platforms(self, entry: RoleEntry) -> list[str]:
        return list(entry.platforms) if entry.platforms is not None else self.platform_ids()

    def role_keys(self) -> list[str]:
        """Each role entry's key: given, else the role id, then -2, -3 ... (answers.md)."""
        keys: list[str] = []
        taken = {r.key for r in self.roles if r.key}
        for r in self.roles:
            if r.key:
                keys.append(r.key)
                continue
            base = r.role.replace("_", "-")
            key, n = base, 1
            while key in taken:
                n += 1
                key = f"{base}-{n}"
            taken.add(key)
            keys.append(key)
        return keys
