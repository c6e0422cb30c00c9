"""What every health check reads: the answers, the engine's selection, the library, and the
words of the client's language for roles, KPIs and platforms (from the text catalog)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import catalog
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

    def text(self, key: str, /, **fields: Any) -> str:
        """A sentence of the health check (`doctor.<key>` in the catalog)."""
        return catalog.text(self.lang, f"doctor.{key}", **fields)

    def kpi(self, kid: str) -> str:
        """A KPI's short label in the client's language, e.g. `ACoS`, `Net margin`."""
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

    def role_ref(self, r: RoleSelection) -> str:
        """The role as a sentence names it: its title and the catalog's suffix (a Chinese
        sentence adds the word for "role"; a space only after Latin text)."""
        name, suffix = self.role(r), self.text("role_suffix")
        if not suffix:
            return name
        return f"{name}{'' if ord(name[-1]) >= 0x2E80 else ' '}{suffix}"

    def platform(self, pid: str | None) -> str:
        if pid is None:
            return self.text("every_platform")
        p = self.library.platforms.get(pid)
        return p.name.get(self.lang) if p is not None else pid

    def join(self, items: list[str]) -> str:
        return catalog.text(self.lang, "punct.list").join(items)

    def finding(self, code: str, severity: Severity, where: Where | None = None, *,
                pitfall: int | None = None, scenario: int | None = None,
                text: str | None = None, **fields: Any) -> Finding:
        """A finding whose message and fix are `doctor.findings.<text or code>` in the
        catalog, filled from `fields`."""
        key = f"findings.{text or code}"
        return Finding(code=code, severity=severity,
                       message=self.text(f"{key}.message", **fields),
                       fix=self.text(f"{key}.fix", **fields),
                       where=where or Where(), pitfall=pitfall, scenario=scenario)


Check = Callable[[Context], Iterator[Finding]]
