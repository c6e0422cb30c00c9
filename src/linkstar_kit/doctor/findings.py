"""What the health check reports: findings with a stable code, a severity and a place.

A finding's `code` is stable (scripts and CI match on it); its `message` and `fix` are in the
client's language and may be reworded between versions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# The article's ten pitfalls and its scenarios are named in the text catalog (`pitfalls`,
# `doctor.scenario`): the KPI document's checklist and a finding's basis read the same list.

@dataclass(frozen=True)
class Where:
    """The place a finding is about: a company goal, a role entry, a KPI, as they apply."""

    goal: str | None = None
    role_key: str | None = None
    kpi: str | None = None

    def to_dict(self) -> dict[str, str]:
        out = {"goal": self.goal, "role_key": self.role_key, "kpi": self.kpi}
        return {k: v for k, v in out.items() if v is not None}

    def text(self) -> str:
        """`goal net_margin`, `role ops · kpi acos` (ids, as the answers file spells them)."""
        parts = []
        if self.goal:
            parts.append(f"goal {self.goal}")
        if self.role_key:
            parts.append(f"role {self.role_key}")
        if self.kpi:
            parts.append(f"kpi {self.kpi}")
        return " · ".join(parts) or "–"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    fix: str
    where: Where = Where()
    pitfall: int | None = None
    scenario: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "pitfall": self.pitfall,
            "scenario": self.scenario,
            "where": self.where.to_dict(),
            "message": self.message,
            "fix": self.fix,
        }


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; within a severity, the order the checks ran."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: rank[f.severity])


def counts(findings: list[Finding]) -> dict[str, int]:
    return {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}


def exit_status(findings: list[Finding], strict: bool = False) -> int:
    """1 when there is an error (or, strict, a warning); 0 otherwise."""
    c = counts(findings)
    return 1 if c["error"] or (strict and c["warning"]) else 0
