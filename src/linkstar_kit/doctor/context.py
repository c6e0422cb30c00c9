"""What every health check reads: the answers, the engine's selection, the library, and the
words of the client's language for roles, KPIs and platforms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..answers.models import Answers
from ..engine.models import RoleSelection, Selection
from ..library.loader import Library
from .findings import Finding, Severity, Where


@dataclass
class Context:
    answers: Answers
    selection: Selection
    library: Library
    lang: str
    today: dt.date
    _aligned: dict[str, bool] = field(default_factory=dict)

    def t(self, en: str, zh: str) -> str:
        return zh if self.lang == "zh" else en

    def kpi(self, kid: str) -> str:
        """A KPI's short label in the client's language, e.g. `ACoS`, `净利润率`."""
        k = self.library.kpis.get(kid)
        return k.label(self.lang) if k is not None else kid

    def role_title(self, r: RoleSelection) -> str:
        role = self.library.roles.get(r.role)
        return r.title or (role.name.get(self.lang) if role else r.role)

    def role(self, r: RoleSelection) -> str:
        """The role's title; with its key when another role entry has the same title."""
        name = self.role_title(r)
        twins = [o for o in self.selection.roles if self.role_title(o) == name]
        return f"{name} ({r.key})" if len(twins) > 1 else name

    def zh_role(self, r: RoleSelection) -> str:
        """`客服岗位`, `Finance Controller 岗位`: a space only after Latin text."""
        name = self.role(r)
        return f"{name}{'' if ord(name[-1]) >= 0x2E80 else ' '}岗位"

    def platform(self, pid: str | None) -> str:
        if pid is None:
            return self.t("every platform", "所有平台")
        p = self.library.platforms.get(pid)
        return p.name.get(self.lang) if p is not None else pid

    def join(self, items: list[str]) -> str:
        return ("、" if self.lang == "zh" else ", ").join(items)

    def finding(self, code: str, severity: Severity, en: tuple[str, str], zh: tuple[str, str],
                where: Where | None = None, pitfall: int | None = None,
                scenario: int | None = None) -> Finding:
        message, fix = zh if self.lang == "zh" else en
        return Finding(code=code, severity=severity, message=message, fix=fix,
                       where=where or Where(), pitfall=pitfall, scenario=scenario)


Check = Callable[[Context], Iterator[Finding]]
