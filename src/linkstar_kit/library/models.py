"""Typed records of the KPI library: platforms, roles, categories, KPIs, targets and rules.

The YAML format is documented in `role_libraries/README.md`; these models are its contract.
Every model forbids unknown keys so that a typo in a house library fails at load with its file
and line instead of passing silently.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..vocabulary import Fulfillment

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Finite = Annotated[float, Field(allow_inf_nan=False)]
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]

Unit = Literal["ratio", "currency", "count", "days", "hours", "score", "times", "money_per_unit"]
# How a KPI's periods combine over a goal's span (pacing.py): `sum` adds them up (GMV, orders),
# `last` takes the latest (a score, a stock, a margin reached), `mean` averages them (a rate
# measured every period).
Aggregation = Literal["sum", "last", "mean"]
Direction = Literal["higher", "lower", "range"]
Frequency = Literal["daily", "weekly", "monthly", "quarterly"]
Kind = Literal["lead", "lag"]
Balance = Literal["growth", "profit", "efficiency", "quality", "customer", "people", "cash", "risk"]
Op = Literal["<", "<=", ">", ">=", "between"]
# official: a platform's own published threshold. reference: an industry or vendor benchmark,
# shown as a reference, never as official. method: the LinkStar article's worked example.
# house: a consultant's or the library's own default.
TargetKind = Literal["official", "reference", "method", "house"]
System = Literal["erp", "platform", "ads", "finance", "wms", "crm", "social", "manual"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """A bilingual string. Both languages are required: bilingual output is a feature."""

    en: Annotated[str, Field(min_length=1)]
    zh: Annotated[str, Field(min_length=1)]

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def _check_value_fits_op(t: Any) -> Any:
    if t.op == "between":
        if not isinstance(t.value, tuple) or t.value[0] > t.value[1]:
            raise ValueError("with op `between`, value must be [low, high] with low <= high")
    elif isinstance(t.value, tuple):
        raise ValueError(f"with op `{t.op}`, value must be a single number")
    return t


class Target(Model):
    """A target for a KPI, optionally for one platform (and some of its sites)."""

    platform: Id | None = None
    sites: list[Annotated[str, Field(pattern=r"^[A-Z]{2}$")]] | None = None
    op: Op
    value: Finite | tuple[Finite, Finite]
    kind: TargetKind
    source: Annotated[str, Field(min_length=3)]
    url: str | None = None
    as_of: dt.date
    window: str | None = None
    note: Text | None = None

    _value_fits_op = model_validator(mode="after")(lambda self: _check_value_fits_op(self))


class DataSource(Model):
    """Where the number comes from, for one kind of client system (and, when the report is a
    platform's own, the platforms it covers)."""

    system: System
    report: Text
    platforms: list[Id] | None = None


class Kpi(Model):
    id: Id
    name: Text
    short: str | None = None  # a short label for tables and charts (e.g. "ACoS")
    definition: Text
    formula: Text
    unit: Unit
    # A signed ratio (a growth, an uplift, a variance, a margin) may fall below zero; see
    # units.py for every unit's accepted values.
    signed: bool = False
    aggregation: Aggregation
    direction: Direction
    frequency: Frequency
    kind: Kind
    balance: Balance
    platforms: list[Id] | None = None
    fulfillment: list[Fulfillment] | None = None
    roles: dict[Id, Annotated[float, Field(ge=0, le=10)]]
    data_sources: Annotated[list[DataSource], Field(min_length=1)]
    targets: list[Target] = []
    actions: Annotated[list[Text], Field(min_length=2)]
    counter: list[Id] = []
    drives: list[Id] = []
    # the same number in another form (ROAS = 1 / ACoS): a role never gets both
    same_as: list[Id] = []
    tags: list[Id] = []

    @field_validator("targets")
    @classmethod
    def _one_target_per_scope(cls, targets: list[Target]) -> list[Target]:
        seen: set[tuple[str | None, tuple[str, ...]]] = set()
        for t in targets:
            key = (t.platform, tuple(t.sites or ()))
            if key in seen:
                raise ValueError(f"two targets for platform {t.platform!r} and sites {t.sites}")
            seen.add(key)
        return targets

    @model_validator(mode="after")
    def _signed_is_a_ratio(self) -> Kpi:
        if self.signed and self.unit != "ratio":
            raise ValueError(f"`signed: true` is for unit `ratio` only, not `{self.unit}`")
        return self

    def label(self, lang: str) -> str:
        return self.short or self.name.get(lang)


class Platform(Model):
    id: Id
    name: Text
    sites: list[Annotated[str, Field(pattern=r"^[A-Z]{2}$")]] = []
    fulfillment: list[Fulfillment] = []
    note: Text | None = None


class Role(Model):
    id: Id
    name: Text
    mission: Text
    # Whether the role works per platform (operations, advertising) or across the business
    # (finance): a platform-bound role's KPIs get a target per platform it covers.
    platform_bound: bool = True
    soft_contributions: list[Text] = []


class Category(Model):
    id: Id
    name: Text


# --- rules ---------------------------------------------------------------------------------

Condition = Annotated[
    "str | AllOf | AnyOf | NotOf",
    Field(description="a leaf `fact op value` or a tree of all/any/not"),
]


class AllOf(Model):
    all: Annotated[list[Condition], Field(min_length=1)]


class AnyOf(Model):
    any: Annotated[list[Condition], Field(min_length=1)]


class NotOf(Model):
    not_: Condition = Field(alias="not")
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Include(Model):
    effect: Literal["include"]
    kpi: Id


class Exclude(Model):
    effect: Literal["exclude"]
    kpi: Id


class Boost(Model):
    effect: Literal["boost"]
    kpi: Id
    weight: Annotated[float, Field(ge=-10, le=10)]


class SetTarget(Model):
    """Set a target, or with `tighten: true` keep whichever of old and new is stricter."""

    effect: Literal["set_target"]
    kpi: Id
    platform: Id | None = None
    op: Op
    value: Finite | tuple[Finite, Finite]
    kind: TargetKind
    source: Annotated[str, Field(min_length=3)]
    as_of: dt.date
    tighten: bool = False

    _value_fits_op = model_validator(mode="after")(lambda self: _check_value_fits_op(self))


class Note(Model):
    effect: Literal["note"]
    kpi: Id | None = None
    text: Text


Effect = Annotated[Include | Exclude | Boost | SetTarget | Note, Field(discriminator="effect")]


class Rule(Model):
    id: RuleId
    because: Text
    when: Condition
    roles: list[Id] | None = None  # shorthand for `role in [...]`
    then: Annotated[list[Effect], Field(min_length=1)]


for _m in (AllOf, AnyOf, NotOf, Rule):
    _m.model_rebuild()


class LibraryMeta(Model):
    name: str
    version: str
    description: Text | None = None
