"""The answers file (format version 1), as pydantic models: the single source of validation.

`spec/answers.md` is the contract. The models check each value's shape; checks that need the
library (known ids, ratio units) or the whole file (unique keys, dates) live in
`answers/checks.py`, which both the file loader and the questionnaire call.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, ConfigDict, Field, field_validator

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

Slug = Annotated[str, Field(pattern=r"^[a-z0-9-]{1,64}$")]
Id = Annotated[str, Field(min_length=1, max_length=64)]
Site = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
ClockTime = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


class Client(Model):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    slug: Slug | None = None
    language: Language = "en"
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"
    timezone: str = "UTC"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            import difflib

            close = difflib.get_close_matches(v, sorted(available_timezones()), n=2)
            hint = f"; did you mean {' or '.join(f'`{c}`' for c in close)}?" if close else ""
            raise ValueError(f"unknown IANA time zone {v!r}{hint}") from None
        return v

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
    name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    start: dt.date
    horizon: Horizon = "quarter"


class PlatformEntry(Model):
    id: Id
    sites: list[Site] = []
    fulfillment: list[Fulfillment] = []


Finite = Annotated[float, Field(allow_inf_nan=False)]


class Goal(Model):
    kpi: Id
    target: Finite
    by: dt.date
    baseline: Finite | None = None


class RoleEntry(Model):
    role: Id
    key: Slug | None = None
    title: Annotated[str, Field(min_length=1, max_length=120)] | None = None
    headcount: Annotated[int, Field(ge=1, le=10000)] = 1
    platforms: list[Id] | None = None
    kpi_count: Annotated[int, Field(ge=MIN_KPIS, le=MAX_KPIS)] | None = None
    pin: list[Id] = []
    exclude: list[Id] = []


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
    day: Annotated[int, Field(ge=1, le=28)] = 3
    time: ClockTime = "14:00"
    minutes: Annotated[int, Field(ge=15, le=480)] = 120


class Quarterly(Model):
    day: Annotated[int, Field(ge=1, le=28)] = 10
    time: ClockTime = "14:00"
    minutes: Annotated[int, Field(ge=15, le=480)] = 180


class Review(Model):
    weekly: Weekly = Weekly()
    monthly: Monthly = Monthly()
    # `false` opts out of the quarterly review of the KPI system (the health check warns).
    quarterly: Quarterly | Literal[False] = Quarterly()


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
    categories: list[Id] = []
    platforms: Annotated[list[PlatformEntry], Field(min_length=1)]
    goals: Annotated[list[Goal], Field(min_length=1)]
    roles: Annotated[list[RoleEntry], Field(min_length=1)]
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
