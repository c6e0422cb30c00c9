"""The questionnaire as data: its sections, and in each the questions (key path, kind, where the
choices come from, the default, when the question applies). The terminal (`flow.py`) and the
web pages (`web/`) both walk this one model; both validate each answer through the answers file's
own validation (`draft.Draft`, i.e. `answers.loader`), so there is no second copy of a question
or of a rule. The wording is in texts/<lang>.yaml under the question's `text` key.

A path may hold "*" for the item of a list section (goals, platforms, roles): `Question.at(i)`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..answers.models import (
    Answers,
    Client,
    Incentives,
    PlatformEntry,
    Quarterly,
    Scope,
    Systems,
    Weekly,
    slugify,
)
from ..errors import KeyPath
from ..library.loader import Library
from ..periods import HORIZON_MONTHS, horizon_end, next_monday

SECTIONS = ("client", "scope", "goals", "platforms", "roles", "systems", "review", "incentives")
# The answers file's top-level keys, by the section that asks them.
SECTION_KEYS: dict[str, set[str]] = {
    "client": {"version", "client"},
    "scope": {"scope", "stage", "team_size", "sku_count", "categories"},
    "goals": {"goals"},
    "platforms": {"platforms"},
    "roles": {"roles"},
    "systems": {"systems"},
    "review": {"review"},
    "incentives": {"incentives"},
}
GOAL_CHOICES = 12


def choices_of(model: type[BaseModel], name: str) -> list[Any]:
    """The values a Literal field of an answers model allows, in the model's order."""
    return _literal_args(model.model_fields[name].annotation)


def _literal_args(ann: Any) -> list[Any]:
    origin = get_origin(ann)
    if origin is Literal:
        return list(get_args(ann))
    if origin in (Annotated, Union, types.UnionType, list):
        for arg in get_args(ann):
            found = _literal_args(arg)
            if found:
                return found
    return []


def default_of(model: type[BaseModel], name: str) -> Any:
    return model.model_fields[name].default


# --- typed text -----------------------------------------------------------------------------

def parse_answer(text: str, kind: str) -> Any:
    """The typed text as the value to validate: None when empty, else a number, list or text.

    Text that does not read as the kind is handed on as it is, so that the validation of the
    answers file reports it ("expected a number, got 'abc'").
    """
    s = text.strip()
    if not s:
        return None
    if kind == "int":
        # "30%" in a whole-number field (the KPI weight in percent) means 30
        digits = s.replace(",", "").replace("，", "").rstrip("%％").strip()
        # Past 4,000 digits int() raises (Python's conversion limit) inside the prompt's event
        # loop; the text goes on to validation, which refuses it as not a whole number.
        return int(digits) if re.fullmatch(r"[+-]?\d{1,4000}", digits) else s
    if kind == "float":
        plain = s.replace(",", "").replace("，", "")
        percent = plain.endswith("%") or plain.endswith("％")
        number = plain.rstrip("%％").strip()
        try:
            value = float(number)
        except ValueError:
            return s
        if percent:
            value = round(value / 100, 10)
        return int(value) if value.is_integer() and "." not in number and not percent else value
    if kind in ("list", "sites"):
        items = [x for x in re.split(r"[,，、;；\s]+", s) if x]
        return [x.upper() for x in items] if kind == "sites" else items
    if kind == "code":
        return s.upper()
    return s


def show_answer(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --- the model ------------------------------------------------------------------------------

def get_path(data: Any, path: KeyPath, default: Any = None) -> Any:
    """The value at `path` in plain answers data, or `default` where the path does not lead."""
    cur: Any = data
    for part in path:
        in_dict = isinstance(cur, dict) and part in cur
        in_list = isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur)
        if not (in_dict or in_list):
            return default
        cur = cur[part]
    return cur


@dataclass
class Ctx:
    """What a question's choices, default and condition are computed from."""

    library: Library
    data: dict[str, Any]          # the draft, as the plain data of an answers file
    lang: str
    today: dt.date
    item: int | None = None       # the index within a list section

    def get(self, path: KeyPath, default: Any = None) -> Any:
        return get_path(self.data, path, default)

    def entry(self, name: str) -> dict[str, Any]:
        got = self.get((name, self.item)) if self.item is not None else None
        return got if isinstance(got, dict) else {}

    def platform_ids(self) -> list[str]:
        return [str(p.get("id")) for p in self.get(("platforms",)) or [] if isinstance(p, dict)]


Choices = Callable[[Ctx], list[Any]]


@dataclass(frozen=True)
class Question:
    path: tuple[str | int, ...]        # "*" stands for the item of a list section
    text: str                          # the key of its wording in texts/<lang>.yaml
    kind: str                          # text code int float date sites choice multi bool enabled
    choices: Choices | None = None     # the allowed values (choice, multi)
    labels: str | None = None          # how values are named: a `values` kind, or
                                       # "platform" / "role" / "kpi" / "category" (the library)
    default: Callable[[Ctx], Any] | None = None
    when: Callable[[Ctx], bool] | None = None   # the question applies only when true
    hint: str | None = None            # a text key shown under the question
    optional: bool = False

    @property
    def key(self) -> str:
        return ".".join(str(p) for p in self.path)

    def at(self, item: int | None) -> KeyPath:
        return tuple(item if p == "*" and item is not None else p for p in self.path)

    def applies(self, ctx: Ctx) -> bool:
        return self.when is None or self.when(ctx)


@dataclass(frozen=True)
class Section:
    name: str
    questions: tuple[Question, ...]
    items: str | None = None                    # a list section: the list's key
    pick: Question | None = None                # which items there are (platforms, roles)
    item_questions: tuple[Question, ...] = field(default=())


# --- choices, defaults and conditions drawn from the models and the library -------------------

def _literal(model: type[BaseModel], name: str) -> Choices:
    return lambda ctx: choices_of(model, name)


def _default(model: type[BaseModel], name: str) -> Callable[[Ctx], Any]:
    return lambda ctx: default_of(model, name)


def goal_choices(library: Library) -> list[str]:
    """The natural top goals: outcome (lag) KPIs that other KPIs of the library drive,
    most-driven first, at most GOAL_CHOICES; the rest stay one "other KPI" away."""
    driven: dict[str, int] = {}
    for k in library.kpis.values():
        for d in k.drives:
            if d in library.kpis and library.kpis[d].kind == "lag":
                driven[d] = driven.get(d, 0) + 1
    ranked = sorted(driven, key=lambda d: (-driven[d], d))
    ids = [d for d in ranked if driven[d] >= 2] or ranked
    if not ids:
        ids = [k.id for k in library.kpis.values() if k.kind == "lag"] or list(library.kpis)
    return ids[:GOAL_CHOICES]


def _goal_by(ctx: Ctx) -> str | None:
    start = ctx.get(("scope", "start"))
    with contextlib.suppress(ValueError, TypeError):
        horizon = str(ctx.get(("scope", "horizon"), "quarter"))
        return horizon_end(dt.date.fromisoformat(str(start)),
                           horizon if horizon in HORIZON_MONTHS else "quarter").isoformat()
    return None


def fulfillment_choices(ctx: Ctx) -> list[str]:
    """Fulfilment per platform: the answers model's values that the platform offers (Temu's
    fully-managed model is its `platform_fulfillment`), plus any the draft already holds."""
    allowed = choices_of(PlatformEntry, "fulfillment")
    platform = ctx.library.platforms.get(str(ctx.entry("platforms").get("id")))
    offered = [f for f in allowed if platform is None or f in platform.fulfillment] or allowed
    have = ctx.entry("platforms").get("fulfillment") or []
    return offered + [f for f in have if f not in offered]



def drop_platforms_from_roles(data: dict[str, Any], kept: list[str]) -> None:
    """A platform taken off the list is taken off every role that named it."""
    for role in data.get("roles") or []:
        if isinstance(role, dict) and isinstance(role.get("platforms"), list):
            left = [p for p in role["platforms"] if p in kept]
            if left:
                role["platforms"] = left
            else:
                role.pop("platforms")


# --- a role split per platform (an Amazon team and a Shopee team) ---------------------------

def per_platform(group: list[dict[str, Any]], platforms: list[str]) -> bool:
    """Every entry of one role names exactly one of the answers' platforms."""
    return all(isinstance(e.get("platforms"), list) and len(e["platforms"]) == 1
               and e["platforms"][0] in platforms for e in group)


def can_split(library: Library, rid: str, group: list[dict[str, Any]],
              platforms: list[str]) -> bool:
    """Whether to offer a separate entry per platform for this role."""
    role = library.roles.get(rid)
    return not (role is None or not role.platform_bound or len(platforms) < 2 or (
        len(group) > 1 and not per_platform(group, platforms)))


def is_split(group: list[dict[str, Any]], platforms: list[str]) -> bool:
    return len(group) > 1 and per_platform(group, platforms)


def split_entries(rid: str, group: list[dict[str, Any]], platforms: list[str]
                  ) -> list[dict[str, Any]]:
    """One entry per platform, keeping those already there (key: `<role>-<platform>`)."""
    mine = {e["platforms"][0]: e for e in group} if per_platform(group, platforms) else {}
    base = rid.replace("_", "-")
    return [mine.get(p) or {"role": rid, "key": f"{base}-{p.replace('_', '-')}",
                            "platforms": [p]} for p in platforms]


def joined_entries(rid: str, group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry again, with everyone in it."""
    if len(group) == 1:
        return group
    return [{"role": rid, "headcount": sum(int(e.get("headcount") or 1) for e in group)}]


def role_platforms(chosen: list[str] | None, platforms: list[str]) -> list[str] | None:
    """A role's platforms as the answers file keeps them: left out when it is all of them."""
    return None if chosen is None or set(chosen) == set(platforms) else chosen


def _several_platforms(ctx: Ctx) -> bool:
    return len(ctx.platform_ids()) > 1


def _listed(name: str) -> Callable[[Ctx], bool]:
    return lambda ctx: bool(ctx.entry("roles").get(name))


# --- the sections ---------------------------------------------------------------------------

CLIENT = Section("client", (
    Question(("client", "name"), "client_name", "text"),
    Question(("client", "slug"), "slug", "text",
             default=lambda ctx: slugify(str(ctx.get(("client", "name")) or "")) or None),
    Question(("client", "language"), "language", "choice", _literal(Client, "language"),
             labels="language", default=lambda ctx: ctx.lang),
    Question(("client", "currency"), "currency", "code", default=_default(Client, "currency")),
    Question(("client", "timezone"), "timezone", "text",
             default=lambda ctx: "Asia/Shanghai" if ctx.lang == "zh"
             else default_of(Client, "timezone")),
))

SCOPE = Section("scope", (
    Question(("scope", "level"), "level", "choice", _literal(Scope, "level"), labels="level",
             default=lambda ctx: "company"),
    Question(("scope", "name"), "scope_name", "text",
             when=lambda ctx: ctx.get(("scope", "level"), "company") != "company"),
    Question(("scope", "start"), "start", "date",
             default=lambda ctx: next_monday(ctx.today).isoformat()),
    Question(("scope", "horizon"), "horizon", "choice", _literal(Scope, "horizon"),
             labels="horizon", default=lambda ctx: "quarter"),
    Question(("stage",), "stage", "choice", _literal(Answers, "stage"), labels="stage",
             default=lambda ctx: "growth"),
    Question(("team_size",), "team_size", "int"),
    Question(("sku_count",), "sku_count", "int", optional=True),
    Question(("categories",), "categories", "multi",
             lambda ctx: list(ctx.library.categories), labels="category",
             when=lambda ctx: bool(ctx.library.categories), optional=True),
))

GOAL_KPI = Question(("goals", "*", "kpi"), "goal_kpi", "choice",
                    lambda ctx: list(ctx.library.kpis), labels="kpi")
GOALS = Section("goals", (), items="goals", item_questions=(
    GOAL_KPI,
    Question(("goals", "*", "target"), "goal_target", "float"),
    Question(("goals", "*", "by"), "goal_by", "date", default=_goal_by),
    Question(("goals", "*", "baseline"), "goal_baseline", "float", optional=True),
    # net margin only: what lies between it and the contribution margin (plans.py's margin)
    Question(("goals", "*", "fixed_cost_share"), "goal_fixed_cost_share", "float",
             when=lambda ctx: ctx.entry("goals").get("kpi") == "net_margin", optional=True),
))

PLATFORMS = Section(
    "platforms", (), items="platforms",
    pick=Question(("platforms",), "platforms", "multi", lambda ctx: list(ctx.library.platforms),
                  labels="platform",
                  default=lambda ctx: ["amazon"] if "amazon" in ctx.library.platforms
                  else list(ctx.library.platforms)[:1]),
    item_questions=(
        Question(("platforms", "*", "sites"), "sites", "sites", hint="sites_hint",
                 optional=True),
        Question(("platforms", "*", "fulfillment"), "fulfillment", "multi",
                 fulfillment_choices, labels="fulfillment", optional=True),
    ))

ROLES = Section(
    "roles", (), items="roles",
    pick=Question(("roles",), "roles", "multi", lambda ctx: list(ctx.library.roles),
                  labels="role",
                  default=lambda ctx: ["operations"] if "operations" in ctx.library.roles
                  else list(ctx.library.roles)[:1]),
    item_questions=(
        Question(("roles", "*", "headcount"), "headcount", "int", default=lambda ctx: 1),
        Question(("roles", "*", "title"), "title", "text", optional=True),
        Question(("roles", "*", "platforms"), "role_platforms", "multi",
                 lambda ctx: ctx.platform_ids(), labels="platform", when=_several_platforms,
                 optional=True),
        Question(("roles", "*", "pin"), "role_pin", "multi",
                 lambda ctx: list(ctx.entry("roles").get("pin") or []), labels="kpi",
                 when=_listed("pin"), optional=True),
        Question(("roles", "*", "exclude"), "role_exclude", "multi",
                 lambda ctx: list(ctx.entry("roles").get("exclude") or []), labels="kpi",
                 when=_listed("exclude"), optional=True),
    ))

SYSTEMS = Section("systems", tuple(
    Question(("systems", n), n, "choice", _literal(Systems, n), labels=n,
             default=_default(Systems, n)) for n in ("erp", "ads", "finance", "bi")))


def _quarterly_on(ctx: Ctx) -> bool:
    return ctx.get(("review", "quarterly")) is not False


def _zone_country(ctx: Ctx) -> str | None:
    from ..workdays import country_of_zone

    return country_of_zone(str(ctx.get(("client", "timezone")) or ""))


def _regional_holidays(ctx: Ctx) -> bool:
    """Asked where public holidays differ by region in the time zone's country (the UK,
    Malaysia, the US, Germany ...), or where a subdivision is already given."""
    from ..workdays import has_subdivisions

    return bool(ctx.get(("review", "subdivision"))) or has_subdivisions(_zone_country(ctx))


def _zone_subdivision(ctx: Ctx) -> str | None:
    """The time zone's subdivision where the zone lies in one only (workdays.py)."""
    from ..workdays import SUBDIVISION_OF_ZONE

    return SUBDIVISION_OF_ZONE.get(str(ctx.get(("client", "timezone")) or ""))


# Asked before the cadence (the terminal asks it even when the cadence is kept as it is).
SUBDIVISION = Question(("review", "subdivision"), "subdivision", "code",
                       when=_regional_holidays, default=_zone_subdivision,
                       hint="subdivision_hint", optional=True)

REVIEW = Section("review", (
    SUBDIVISION,
    Question(("review", "weekly", "weekday"), "weekly_weekday", "choice",
             _literal(Weekly, "weekday"), labels="weekday", default=lambda ctx: "monday"),
    Question(("review", "weekly", "time"), "weekly_time", "text", default=lambda ctx: "10:00"),
    Question(("review", "weekly", "minutes"), "weekly_minutes", "int", default=lambda ctx: 60),
    Question(("review", "monthly", "day"), "monthly_day", "int", default=lambda ctx: 3),
    Question(("review", "monthly", "time"), "monthly_time", "text", default=lambda ctx: "14:00"),
    Question(("review", "monthly", "minutes"), "monthly_minutes", "int",
             default=lambda ctx: 120),
    # on: a mapping (the model's default when it was off), off: `quarterly: false`
    Question(("review", "quarterly"), "quarterly_on", "enabled",
             default=lambda ctx: Quarterly().model_dump()),
    Question(("review", "quarterly", "day"), "quarterly_day", "int", when=_quarterly_on,
             default=lambda ctx: 10),
    Question(("review", "quarterly", "time"), "quarterly_time", "text", when=_quarterly_on,
             default=lambda ctx: "14:00"),
    Question(("review", "quarterly", "minutes"), "quarterly_minutes", "int", when=_quarterly_on,
             default=lambda ctx: 180),
))

INCENTIVES = Section("incentives", (
    Question(("incentives", "linked_to_pay"), "linked_to_pay", "bool",
             default=_default(Incentives, "linked_to_pay")),
    Question(("incentives", "kpi_weight_percent"), "kpi_weight", "int",
             when=lambda ctx: bool(ctx.get(("incentives", "linked_to_pay"))),
             default=lambda ctx: 30),
))

SPEC: dict[str, Section] = {s.name: s for s in (CLIENT, SCOPE, GOALS, PLATFORMS, ROLES, SYSTEMS,
                                                REVIEW, INCENTIVES)}
assert tuple(SPEC) == SECTIONS


def question(key: str) -> Question:
    """A question by its dotted key ("client.name", "platforms.*.sites")."""
    for s in SPEC.values():
        for q in (*s.questions, *((s.pick,) if s.pick else ()), *s.item_questions):
            if q.key == key:
                return q
    raise KeyError(key)


def section_of_path(path: KeyPath) -> str:
    if path:
        for name, keys in SECTION_KEYS.items():
            if path[0] in keys:
                return name
    return SECTIONS[0]


def label(library: Library, texts: Any, lang: str, kind: str | None, value: Any,
          both: bool = False) -> str:
    """A value as a person reads it: a library name, or a closed vocabulary's label."""
    tables: dict[str, dict[str, Any]] = {
        "platform": library.platforms, "role": library.roles, "kpi": library.kpis,
        "category": library.categories}
    table = tables.get(kind or "")
    if table is not None:
        rec = table.get(str(value))
        if rec is None:
            return str(value)
        main, other = rec.name.get(lang), rec.name.get("en" if lang == "zh" else "zh")
        return main if (not both or main == other) else f"{main} · {other}"
    if kind:
        return texts.value(kind, str(value))
    return show_answer(value)
