"""Findings for people: a terminal report for `linkstar check`, a section of the KPI document."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .findings import PITFALLS, SCENARIOS, SEVERITIES, Finding, counts

if TYPE_CHECKING:
    from ..answers.models import Answers
    from ..engine.models import Selection
    from ..library.loader import Library

_TOKENS = re.compile(r"\s+|[\x21-\x7e]+|.")
# Chinese punctuation never starts a line: it stays with the character before it.
_NO_BREAK_BEFORE = set("，。、；：！？）」』”’》】")
_HEADS = {
    "error": ("Errors", "错误"),
    "warning": ("Warnings", "警告"),
    "info": ("Notes", "提示"),
}
_COLS = {
    "code": ("Code", "代码"),
    "where": ("Where", "位置"),
    "basis": ("Method", "方法依据"),
    "finding": ("Finding", "问题"),
    "fix": ("Fix", "建议"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "zh" else pair[0]


def basis(f: Finding, lang: str) -> str:
    """`pitfall 7: KPI as punishment`, `scenario 2: ...`, or `–`."""
    if f.pitfall is not None:
        name = _pick(PITFALLS[f.pitfall], lang)
        return f"坑 {f.pitfall}：{name}" if lang == "zh" else f"pitfall {f.pitfall}: {name}"
    if f.scenario is not None:
        name = _pick(SCENARIOS[f.scenario], lang)
        return f"场景 {f.scenario}：{name}" if lang == "zh" else f"scenario {f.scenario}: {name}"
    if f.code.startswith("goal-") and f.code != "goal-without-driver":
        return "SMART"
    if f.code in ("goal-without-driver", "kpi-drives-no-goal", "role-drives-no-goal"):
        return "FAQ：上下级目标对齐" if lang == "zh" else "FAQ: align with the level above"
    if f.code in ("team-too-small", "stage-launch"):
        return "FAQ：适用范围" if lang == "zh" else "FAQ: who it fits"
    return "–"


def summary(findings: list[Finding], lang: str) -> str:
    c = counts(findings)
    if lang == "zh":
        return f"{c['error']} 个错误，{c['warning']} 个警告，{c['info']} 个提示"
    parts = [f"{c['error']} error{'s' if c['error'] != 1 else ''}",
             f"{c['warning']} warning{'s' if c['warning'] != 1 else ''}",
             f"{c['info']} note{'s' if c['info'] != 1 else ''}"]
    return ", ".join(parts)


# --- terminal ------------------------------------------------------------------------------

def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, n: int) -> str:
    return s + " " * max(0, n - _width(s))


def _wrap(text: str, width: int, indent: str) -> list[str]:
    """Wrap by display width: a CJK character takes two columns and may end a line anywhere;
    a run of Latin characters is a word and is never split."""
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for tok in _TOKENS.findall(para):
            if line and _width(indent + line + tok.rstrip()) > width and tok not in _NO_BREAK_BEFORE:
                out.append(indent + line.rstrip())
                line = ""
            if not line and tok.isspace():
                continue
            line += tok
        out.append(indent + line.rstrip())
    return out


def render_text(findings: list[Finding], lang: str, title: str = "", width: int = 100) -> str:
    """Findings grouped by severity: a row per finding (code, where, method basis), then its
    message and fix beneath."""
    lines = [f"{title}: {summary(findings, lang)}" if title else summary(findings, lang)]
    if not findings:
        lines.append("没有发现问题。" if lang == "zh" else "No findings.")
        return "\n".join(lines) + "\n"
    code_w = max(_width(f.code) for f in findings)
    where_w = max(_width(f.where.text()) for f in findings)
    code_w, where_w = max(code_w, 4), max(where_w, 5)
    fix = "建议：" if lang == "zh" else "fix: "
    for sev in SEVERITIES:
        group = [f for f in findings if f.severity == sev]
        if not group:
            continue
        lines.append("")
        lines.append(f"{_pick(_HEADS[sev], lang).upper()} ({len(group)})")
        head = [_pick(_COLS[k], lang) for k in ("code", "where", "basis")]
        lines.append(f"  {_pad(head[0], code_w)}  {_pad(head[1], where_w)}  {head[2]}")
        for f in group:
            lines.append(f"  {_pad(f.code, code_w)}  {_pad(f.where.text(), where_w)}  "
                         f"{basis(f, lang)}")
            lines.extend(_wrap(f.message, width, "      "))
            lines.extend(_wrap(fix + f.fix, width, "      "))
    return "\n".join(lines) + "\n"


# --- the KPI system document ---------------------------------------------------------------

def _cell(text: str) -> str:
    from ..fmt import md_cell

    return md_cell(text)


def _where_md(f: Finding, selection: Selection, library: Library, lang: str) -> str:
    parts = []
    if f.where.goal:
        k = library.kpis.get(f.where.goal)
        parts.append(("目标：" if lang == "zh" else "goal: ")
                     + (k.label(lang) if k else f.where.goal))
    if f.where.role_key:
        title = f.where.role_key
        for r in selection.roles:
            if r.key == f.where.role_key:
                role = library.roles.get(r.role)
                title = r.title or (role.name.get(lang) if role else r.role)
        parts.append(title)
    if f.where.kpi:
        k = library.kpis.get(f.where.kpi)
        parts.append(k.label(lang) if k else f.where.kpi)
    return " · ".join(parts) or ("整体" if lang == "zh" else "whole system")


def render_markdown(findings: list[Finding], selection: Selection, library: Library,
                    lang: str, heading: str, as_of: str) -> str:
    """A Markdown section: a summary line, then a table per severity, errors first."""
    lines = [heading, ""]
    if lang == "zh":
        lines.append(f"按 LinkStar 方法的避坑清单和目标对齐要求对本体系做了自动检查，共发现 "
                     f"{summary(findings, lang)}（官方阈值的时效以 {as_of} 为准）。"
                     "每条都附有修改建议；错误须在体系启用前解决。")
    else:
        lines.append("An automatic check of this system against the LinkStar method's pitfalls "
                     f"and goal alignment found {summary(findings, lang)} (official thresholds "
                     f"checked as of {as_of}). Each finding comes with a fix; resolve the errors "
                     "before the system goes live.")
    if not findings:
        lines += ["", "没有发现问题。" if lang == "zh" else "No findings."]
    cols = [_pick(_COLS[k], lang) for k in ("where", "finding", "fix", "basis", "code")]
    for sev in SEVERITIES:
        group = [f for f in findings if f.severity == sev]
        if not group:
            continue
        lines += ["", f"### {_pick(_HEADS[sev], lang)} ({len(group)})", "",
                  "| " + " | ".join(cols) + " |", "|---|---|---|---|---|"]
        for f in group:
            cells = [_cell(x) for x in (_where_md(f, selection, library, lang), f.message,
                                        f.fix, basis(f, lang))]
            lines.append("| " + " | ".join([*cells, f"`{f.code}`"]) + " |")
    return "\n".join(lines) + "\n"


def health_section(answers: Answers, selection: Selection, library: Library, lang: str) -> str:
    """The "Health check" section of the KPI system document.

    The reference date for stale thresholds is `scope.start`, not today, so that the same
    answers and library always give the same document.
    """
    from .checks import check

    findings = check(answers, library, selection, today=answers.scope.start, language=lang)
    heading = "## 8. 健康检查" if lang == "zh" else "## 8. Health check"
    return render_markdown(findings, selection, library, lang, heading,
                           answers.scope.start.isoformat()).rstrip("\n")
