"""What the health check reports: findings with a stable code, a severity and a place.

A finding's `code` is stable (scripts and CI match on it); its `message` and `fix` are in the
client's language and may be reworded between versions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# The article's ten pitfalls ("常见坑与避坑清单"), numbered as in reference/method.md.
PITFALLS: dict[int, tuple[str, str]] = {
    1: ("KPI with no path", "只设指标不设路径"),
    2: ("too many KPIs", "过度追求指标数量"),
    3: ("inconsistent data", "数据源不一致"),
    4: ("anomalies without context", "忽视异常波动归因"),
    5: ("no adjustment", "缺乏动态调整机制"),
    6: ("KPIs imposed", "未与员工充分沟通"),
    7: ("KPI as punishment", "把 KPI 当惩罚工具"),
    8: ("ignoring soft contributions", "忽略非量化贡献"),
    9: ("no dashboard", "没有可视化看板"),
    10: ("launch and forget", "启动即终结"),
}
# The article's scenarios ("它能解决哪些问题") a finding may relate to instead of a pitfall.
SCENARIOS: dict[int, tuple[str, str]] = {
    2: ("sales up, profit down", "销售额增长但利润下降"),
    3: ("data split across platforms", "跨平台运营数据割裂"),
}


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
