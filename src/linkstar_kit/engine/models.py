"""The engine's result: what `selection.json` serialises and every kit writer reads.

Writers never re-run rules; everything they need to say about a KPI is here or in the library
record it names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_serializer

from ..library.models import Text


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Reason(Model):
    """One thing that changed a KPI's selection or target, in the order applied.

    `rule` is a library rule id, or one of the engine's own steps: `role-fit` (the library's
    base weight for the role), `goal:<kpi>` (drives a company goal), `pin`, `balance-lead`,
    `balance-lag`, `counter:<kpi>` (guards a selected KPI), `goal-coverage:<kpi>`.
    Effect `platform`: a `keep_platform_measure` rule kept the KPI as `platform`'s own measure.
    """

    rule: str
    effect: Literal["base", "include", "exclude", "boost", "set_target", "note", "pin",
                    "balance", "counter", "coverage", "platform"]
    weight: float | None = None
    because: Text | None = None
    platform: str | None = None


class Line(Model):
    """A platform's official line (a target of kind `official`): past it, red (rag.py)."""

    op: Literal["<", "<=", ">", ">=", "between"]
    value: float | list[float]


class PlanPeriod(Model):
    """One reporting period of a goal's cascade (plans.py): its own plan, not to date. `days`
    of the period fall inside the span (fewer than `full_days`: a partial period)."""

    start: dt.date
    end: dt.date
    days: int
    full_days: int
    value: float


class SitePlan(Model):
    site: str
    share: float
    total: float
    plan: list[PlanPeriod]


class PlatformPlan(Model):
    """A platform's part of a company goal: its share, its total and its plan per period;
    the platforms' plans add up to the company's in every period."""

    platform: str
    share: float
    total: float
    plan: list[PlanPeriod]
    sites: list[SitePlan] = []


class GoalCascade(Model):
    """How a company goal that adds up over periods (GMV, orders) is planned: per period by
    `curve` (history: the client's own months last year; season: the sale calendar's events;
    launch: the season curve on a launch ramp; days: by days, no sale event in the span) and
    across platforms and sites by `split` (history: the client's sales shares; even: to confirm
    at kick-off; single: one platform and site)."""

    frequency: str
    curve: Literal["history", "season", "launch", "days"]
    split: Literal["history", "even", "single"]
    events: list[str] = []
    plan: list[PlanPeriod]
    platforms: list[PlatformPlan]


class TargetBaseline(Model):
    """The client's own value of the KPI over the history window (`--history`), where the
    target steps from."""

    value: float
    start: str
    end: str
    periods: int


class ResolvedTarget(Model):
    """A target; `sites` names the client's sites it holds for when the platform's rule
    differs by site (None: every site of `platform`)."""

    platform: str | None
    sites: list[str] | None = None
    op: Literal["<", "<=", ">", ">=", "between"]
    value: float | list[float]
    kind: Literal["official", "reference", "method", "house", "goal", "client", "baseline"]
    source: str
    as_of: str | None = None
    window: str | None = None
    url: str | None = None
    # The official line this target is or rests on (None when no platform publishes one).
    line: Line | None = None
    # Why a derived target has its number (a goal's cascade, engine/targets.py).
    derived_from: str | None = None
    # A target from a goal's cascade: its plan per reporting period (plans.py); `value` is
    # then the plan of an ordinary full period (their mean) and each period keeps its own.
    plan: list[PlanPeriod] | None = None
    # a target from a goal's cascade: the platform's share of the company goal (None: the
    # company total, shared by every platform's team)
    share: float | None = None
    # The client's own value over the history window, when the kit was made with --history.
    baseline: TargetBaseline | None = None
    # The library's line a stepped target heads for (kind `baseline`: this quarter's step
    # toward it, from the baseline, as far as the stage allows).
    destination: Line | None = None

    @model_serializer(mode="wrap")
    def _without_absent_history(self, handler: Any) -> Any:
        """`baseline` and `destination` appear only in a kit made with --history: a kit made
        from the answers alone reads as it always did."""
        data = handler(self)
        if isinstance(data, dict):
            for key in ("baseline", "destination"):
                if data.get(key, 0) is None:
                    del data[key]
        return data


class SelectedKpi(Model):
    kpi: str
    name: Text
    unit: str
    direction: str
    frequency: str
    kind: Literal["lead", "lag"]
    balance: str
    targets: list[ResolvedTarget]
    data_source: str
    data_system: str
    actions: list[str]
    drives: list[str]
    counter: list[str]
    score: float
    pinned: bool = False
    reasons: list[Reason]
    notes: list[str] = []
    # per platform, the client's sites whose target is set at kick-off because the library's
    # targets cover only the platform's other sites (TikTok Shop UK beside a US line)
    open_sites: dict[str, list[str]] = {}
    # per platform the role holds the KPI on, that platform's own report (a role on Lazada
    # and Shopee reads each shop's figures where that shop publishes them)
    sources: dict[str, str] = {}


class RunnerUp(Model):
    kpi: str
    score: float
    why: str


class PlatformGap(Model):
    """A platform a `keep_platform_measure` rule asked a measure for and the role has none:
    `excluded` (the client excluded every one: `kpis`), `none` (the library has none the role
    suits), `full` (every place went to pinned or rule-included KPIs, or to other platforms'
    measures)."""

    platform: str
    rule: str
    why: Literal["excluded", "none", "full"]
    kpis: list[str] = []


class RoleSelection(Model):
    key: str
    role: str
    title: str | None
    headcount: int
    platforms: list[str]
    kpis: list[SelectedKpi]
    runners_up: list[RunnerUp] = []
    notes: list[str] = []
    platform_gaps: list[PlatformGap] = []


class Driver(Model):
    role_key: str
    kpi: str


class GoalSelection(Model):
    kpi: str
    name: Text
    unit: str
    target: float
    by: str
    baseline: float | None = None
    # The goal as the engine decided it (which way it must move, and to what): the documents,
    # the store, the dashboard and the workbook all read this, none re-derives the operator.
    resolved_target: ResolvedTarget
    drivers: list[Driver]
    # a goal that adds up over periods: its plan per period and per platform (plans.py)
    cascade: GoalCascade | None = None


class Generator(Model):
    name: str
    version: str
    library: str


class ClientInfo(Model):
    name: str
    slug: str
    language: Literal["zh", "en"]


class BaselineFact(Model):
    """One baseline of the client's history (`--history`): what a watch row with no library
    line holds, as the documents and the store read it."""

    kpi: str
    platform: str | None = None
    site: str | None = None
    value: float
    start: str
    end: str
    periods: int


class Selection(Model):
    schema_: str = "linkstar/selection@1"
    generator: Generator
    client: ClientInfo
    goals: list[GoalSelection]
    roles: list[RoleSelection]
    warnings: list[str] = []
    # the client's baselines, in a kit made with --history (absent from selection.json without)
    baselines: list[BaselineFact] = []

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude={"schema_"})
        if not data["baselines"]:
            del data["baselines"]
        return {"schema": self.schema_, **data}

    def baseline_for(self, kpi: str, platform: str | None = None) -> BaselineFact | None:
        """The platform's baseline of `kpi` over all its sites, else the company's."""
        for want in ((platform, None), (None, None)):
            for b in self.baselines:
                if b.kpi == kpi and (b.platform, b.site) == want:
                    return b
        return None

    def role(self, key: str) -> RoleSelection:
        for r in self.roles:
            if r.key == key:
                return r
        raise KeyError(key)
