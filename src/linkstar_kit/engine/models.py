"""The engine's result: what `selection.json` serialises and every kit writer reads.

Writers never re-run rules; everything they need to say about a KPI is here or in the library
record it names.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

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


class ResolvedTarget(Model):
    """A target; `sites` names the client's sites it holds for when the platform's rule
    differs by site (None: every site of `platform`)."""

    platform: str | None
    sites: list[str] | None = None
    op: Literal["<", "<=", ">", ">=", "between"]
    value: float | list[float]
    kind: Literal["official", "reference", "method", "house", "goal", "client"]
    source: str
    as_of: str | None = None
    window: str | None = None
    url: str | None = None
    # The official line this target is or rests on (None when no platform publishes one).
    line: Line | None = None
    # Why a derived target has its number (a goal's cascade, engine/targets.py).
    derived_from: str | None = None


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


class Generator(Model):
    name: str
    version: str
    library: str


class ClientInfo(Model):
    name: str
    slug: str
    language: Literal["zh", "en"]


class Selection(Model):
    schema_: str = "linkstar/selection@1"
    generator: Generator
    client: ClientInfo
    goals: list[GoalSelection]
    roles: list[RoleSelection]
    warnings: list[str] = []

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude={"schema_"})
        return {"schema": self.schema_, **data}

    def role(self, key: str) -> RoleSelection:
        for r in self.roles:
            if r.key == key:
                return r
        raise KeyError(key)
