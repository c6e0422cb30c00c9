"""Typed records of the KPI library: platforms, roles, categories, KPIs, targets and rules.

The YAML format is documented in `role_libraries/README.md`; these models are its contract.
Every model forbids unknown keys so that a typo in a house library fails at load with its file
and line instead of passing silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..vocabulary import Fulfillment

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Finite = Annotated[float, Field(allow_inf_nan=False)]
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]

# times: turns of a stock in a period (inventory turnover, "ci" in Chinese); multiple: one
# amount over another (ROAS, LTV:CAC, MER, ROI, "bei"), which sellers never write as turns
Unit = Literal["ratio", "currency", "count", "days", "hours", "score", "times", "multiple",
               "money_per_unit"]
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
    # defer_build: see the note after Rule
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Model):
    """A bilingual string. Both languages are required: bilingual output is a feature."""

    en: Annotated[str, Field(min_length=1)]
    zh: Annotated[str, Field(min_length=1)]

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


SiteCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
Domain = Annotated[str, Field(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
# A platform's kind of channel: a marketplace judges the store by its own scorecard and runs
# its own deals; an own store (Shopify and other site builders) has neither.
Channel = Literal["marketplace", "own_store"]


class Exclusion(Model):
    """A platform (optionally only when the client runs it on these fulfilment models) where a
    text or KPI does not apply: a Temu fully-managed supplier sets no retail price, runs no ads
    and ships nothing abroad. With `fulfillment`, the exclusion holds only when every model the
    client named for the platform is listed (a supplier also selling semi-managed still sees it)."""

    platform: Id
    fulfillment: list[Fulfillment] | None = None

    def covers(self, platform: str, fulfillment: Sequence[str]) -> bool:
        if platform != self.platform:
            return False
        return self.fulfillment is None or (bool(fulfillment) and set(fulfillment) <= set(self.fulfillment))


def excluded(exclusions: Sequence[Exclusion], platform: str, fulfillment: Sequence[str]) -> bool:
    return any(x.covers(platform, fulfillment) for x in exclusions)


class Scoped(Model):
    """Where a piece of text applies: absent keys mean everywhere.

    A role sees the text when one of the platforms it holds the KPI on is listed (or none is),
    and that platform runs one of the listed fulfilment models and one of the listed sites
    (or the key is absent, or the client named none for that platform)."""

    platforms: list[Id] | None = None
    # checked against the known models at load, with a did-you-mean
    fulfillment: list[Id] | None = None
    sites: list[SiteCode] | None = None
    # `except:` in YAML (a Python keyword): where the text does not apply despite the tags above
    except_: list[Exclusion] = Field(default=[], alias="except")
    # What else decides whether advice fits the client (library/applicability.py, `Fit`):
    # - min_sites: the client runs at least this many sites of the platform ("roll best sellers
    #   out to the next site" needs a next site)
    # - channel: `marketplace` (deals, account health, the platform's style guide) or
    #   `own_store` (an independent store: Shopify and other site builders)
    # - events: sale events (role_libraries/sale_events.yaml) of which one must fall inside the
    #   scope, in a region of the platform's sites; `{events}` in the text names those that do
    # - erp: the client's ERP is one of these (`none` for a client without one)
    min_sites: Annotated[int, Field(ge=2, le=50)] | None = None
    channel: Channel | None = None
    events: Annotated[list[Id], Field(min_length=1)] | None = None
    erp: Annotated[list[Id], Field(min_length=1)] | None = None

    def applies_on(self, platform: str, fulfillment: Sequence[str], sites: Sequence[str]) -> bool:
        if excluded(self.except_, platform, fulfillment):
            return False
        if self.platforms is not None and platform not in self.platforms:
            return False
        if self.fulfillment is not None and fulfillment and not set(fulfillment) & set(self.fulfillment):
            return False
        return self.sites is None or not sites or bool(set(sites) & set(self.sites))

    @property
    def neutral(self) -> bool:
        return (self.platforms is None and self.fulfillment is None and self.sites is None
                and not self.except_ and self.channel is None and not self.conditional)

    @property
    def conditional(self) -> bool:
        """Tagged with something about the client beyond platform, model, site and channel (the
        platform decides those): a role may not see it anywhere, so it never counts towards the
        actions every role keeps."""
        return self.min_sites is not None or self.events is not None or self.erp is not None


class Action(Text, Scoped):
    """A concrete action that moves a KPI, bilingual, optionally for some platforms,
    fulfilment models and sites only."""


# A source label: a plain string only for a bare proper-noun label (the same in both languages),
# else bilingual. `source_text` picks the document's language.
Source = Annotated[str, Field(min_length=3)] | Text


def source_text(source: Source, lang: str) -> str:
    return source if isinstance(source, str) else source.get(lang)


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
    sites: list[SiteCode] | None = None
    op: Op
    value: Finite | tuple[Finite, Finite]
    kind: TargetKind
    source: Source
    url: str | None = None
    as_of: dt.date
    # like `source`: a plain string only when it reads the same in both languages ("60 days"
    # does not: write {en: "60 days", zh: ...} with the Chinese for it)
    window: Source | None = None
    note: Text | None = None
    # the fulfilment models the line is for (Amazon's days-of-supply line is FBA stock's): a
    # client using none of them on `platform` does not get it
    fulfillment: list[Fulfillment] | None = None

    _value_fits_op = model_validator(mode="after")(lambda self: _check_value_fits_op(self))


class DataSource(Model):
    """Where the number comes from, for one kind of client system (and, when the report is a
    platform's own, the platforms it covers)."""

    system: System
    report: Text
    platforms: list[Id] | None = None
    # the fulfilment models the report covers (an FBA inventory report says nothing of FBM stock)
    fulfillment: list[Fulfillment] | None = None


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
    # A ratio whose parts are not one a share of the other, so that it may pass 100 %: a cost
    # over sales (ACoS 120 % when ads cost more than they sold), returns over the same
    # period's sales. Accepted up to 1000 %, as a signed ratio is (units.py).
    above_one: bool = False
    aggregation: Aggregation
    direction: Direction
    frequency: Frequency
    kind: Kind
    balance: Balance
    platforms: list[Id] | None = None
    fulfillment: list[Fulfillment] | None = None
    except_: list[Exclusion] = Field(default=[], alias="except")
    roles: dict[Id, Annotated[float, Field(ge=0, le=10)]]
    data_sources: Annotated[list[DataSource], Field(min_length=1)]
    targets: list[Target] = []
    actions: Annotated[list[Action], Field(min_length=2)]
    counter: list[Id] = []
    drives: list[Id] = []
    # the same number in another form (ROAS = 1 / ACoS): a role never gets both
    same_as: list[Id] = []
    tags: list[Id] = []
    # The formula over base measures (library/compute.py), summed over the period first:
    # `units / sessions`. Absent when no report the kit reads gives the KPI's parts.
    compute: str | None = None

    @field_validator("compute")
    @classmethod
    def _compute_parses(cls, text: str | None) -> str | None:
        if text is not None:
            from .compute import parse

            parse(text)  # ValueError: reported at the key with its file and line
        return text

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
        if self.above_one and (self.unit != "ratio" or self.signed):
            raise ValueError("`above_one: true` is for an unsigned ratio only (a signed ratio "
                             "already reaches 1000 %)")
        return self

    def label(self, lang: str) -> str:
        return self.short or self.name.get(lang)


class Platform(Model):
    id: Id
    name: Text
    sites: list[SiteCode] = []
    fulfillment: list[Fulfillment] = []
    # what this platform's sellers call a model (Temu's platform_fulfillment is its fully managed model)
    fulfillment_names: dict[Fulfillment, Text] = {}
    note: Text | None = None
    # the platform's own web domains: an `official` target must cite a page on one of them (or
    # a subdomain), so a mirror, a package file or a third party's page is never shown as official
    domains: list[Domain] = []

    def owns(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)
    channel: Channel = "marketplace"


class Role(Model):
    id: Id
    name: Text
    mission: Text
    # A mission that replaces `mission` when every platform the role covers fits its tags (a
    # Temu fully-managed supplier's operations sets no retail price and runs no promotions)
    missions: list[Action] = []
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
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


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
    source: Source
    as_of: dt.date
    tighten: bool = False

    _value_fits_op = model_validator(mode="after")(lambda self: _check_value_fits_op(self))


class Note(Scoped):
    """A note for a KPI (or, without `kpi`, for the role); `platforms`, `fulfillment` and
    `sites` say where it applies, as for actions."""

    effect: Literal["note"]
    kpi: Id | None = None
    text: Text


class KeepPlatformMeasure(Model):
    """For each of the role's platforms among `platforms`, keep at least one of that platform's
    own measures: a KPI only that platform (or a few) has, or one held to the platform's
    `official` line. Skipped for a platform that a role entry of `unless_covered_by` covers."""

    effect: Literal["keep_platform_measure"]
    platforms: Annotated[list[Id], Field(min_length=1)]
    unless_covered_by: list[Id] = []
    # KPIs that name their platforms for another reason (ACoS: the unit of the ad console),
    # not because the platform judges the store by them: they do not count as its measure
    ignore: list[Id] = []


Effect = Annotated[Include | Exclude | Boost | SetTarget | Note | KeepPlatformMeasure,
                   Field(discriminator="effect")]


class Rule(Model):
    id: RuleId
    because: Text
    when: Condition
    roles: list[Id] | None = None  # shorthand for `role in [...]`
    then: Annotated[list[Effect], Field(min_length=1)]


# No `model_rebuild()` for the recursive conditions: with `defer_build` pydantic resolves their
# forward references when a model is first used. A command that reads the library from the
# disk cache (a pickle) never validates it, and building every schema up front cost ~0.15 s of
# each run (issue 21).


class LibraryMeta(Model):
    name: str
    version: str
    description: Text | None = None
