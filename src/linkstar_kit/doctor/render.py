"""Findings for people: a terminal report for `linkstar check`, a section of the KPI document."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .. import catalog
from .findings import SEVERITIES, Finding, counts

if TYPE_CHECKING:
    from ..answers.models import Answers
    from ..engine.models import Selection
    from ..library.loader import Library

_TOKENS = re.compile(r"\s+|[\x21-\x7e]+|.")
# Chinese punctuation never starts a line: it stays with the character before it.
_NO_BREAK_BEFORE = set("，。、；：！？）」』”’》】")


def basis(f: Finding, lang: str) -> str:
    """`pitfall 7: KPI as punishment`, `scenario 2: ...`, or `–`."""
    t = catalog.Catalog(lang)
    if f.pitfall is not None:
        name = t.items("pitfalls")[f.pitfall - 1]["name"]
        return t("doctor.basis.pitfall", n=f.pitfall, name=name)
    if f.scenario is not None:
        return t("doctor.basis.scenario", n=f.scenario, name=t(f"doctor.scenario.{f.scenario}"))
    if f.code.startswith("goal-") and f.code != "goal-without-driver":
        return "SMART"
    if f.code in ("goal-without-driver", "kpi-drives-no-goal", "role-drives-no-goal"):
        return t("doctor.basis.align")
    if f.code in ("team-too-small", "stage-launch"):
        return t("doctor.basis.fits")
    return "–"


def summary(findings: list[Finding], lang: str) -> str:
    c = counts(findings)
    t = catalog.Catalog(lang)
    parts = {s: t(f"doctor.count.{s}.{'one' if c[s] == 1 else 'other'}", n=c[s])
             for s in SEVERITIES}
    return t("doctor.summary", errors=parts["error"], warnings=parts["warning"],
             notes=parts["info"])


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
        lines.append(catalog.text(lang, "doctor.no_findings"))
        return "\n".join(lines) + "\n"
    code_w = max(_width(f.code) for f in findings)
    where_w = max(_width(f.where.text()) for f in findings)
    code_w, where_w = max(code_w, 4), max(where_w, 5)
    t = catalog.Catalog(lang)
    fix = t("doctor.fix_prefix")
    for sev in SEVERITIES:
        group = [f for f in findings if f.severity == sev]
        if not group:
            continue
        lines.append("")
        lines.append(f"{t(f'doctor.heads.{sev}').upper()} ({len(group)})")
        head = [t(f"doctor.cols.{k}") for k in ("code", "where", "basis")]
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
        parts.append(catalog.text(lang, "doctor.where.goal",
                                  name=k.label(lang) if k else f.where.goal))
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
    return " · ".join(parts) or catalog.text(lang, "doctor.where.whole")


def render_markdown(findings: list[Finding], selection: Selection, library: Library,
                    lang: str, heading: str, as_of: str) -> tuple[str, str]:
    """The client's section (a summary line, then a table per severity, errors first) and
    the consultant's appendix: how to fix each finding in the answers and the library, with
    its code. The fixes speak the tool's language (keys, `pin`, commands), so they stay out
    of the section the client's team reads (issue 10)."""
    t = catalog.Catalog(lang)
    lines = [heading, "", t("doctor.intro_appendix", summary=summary(findings, lang),
                            as_of=as_of)]
    if not findings:
        return "\n".join([*lines, "", t("doctor.no_findings")]) + "\n", ""
    cols = [t(f"doctor.cols.{k}") for k in ("where", "finding", "basis")]
    for sev in SEVERITIES:
        group = [f for f in findings if f.severity == sev]
        if not group:
            continue
        lines += ["", f"### {t(f'doctor.heads.{sev}')} ({len(group)})", "",
                  "| " + " | ".join(cols) + " |", "|---|---|---|"]
        for f in group:
            cells = [_cell(x) for x in (_where_md(f, selection, library, lang), f.message,
                                        basis(f, lang))]
            lines.append("| " + " | ".join(cells) + " |")
    appendix = [t("doctor.appendix.heading"), "", t("doctor.appendix.intro"), "",
                "| " + " | ".join([t("doctor.cols.where"), t("doctor.cols.fix_consultant"),
                                   t("doctor.cols.code")]) + " |", "|---|---|---|"]
    for f in findings:
        appendix.append("| " + " | ".join([_cell(_where_md(f, selection, library, lang)),
                                           _cell(f.fix), f"`{f.code}`"]) + " |")
    return "\n".join(lines) + "\n", "\n".join(appendix) + "\n"


def health_section(answers: Answers, selection: Selection, library: Library,
                   lang: str, *, heading: str | None = None,
                   appendix_heading: str | None = None) -> tuple[str, str]:
    """The "Health check" section of the KPI system document and its consultant appendix.

    The reference date for stale thresholds is `scope.start`, not today, so that the same
    answers and library always give the same document.
    """
    from .checks import check

    findings = check(answers, library, selection, today=answers.scope.start, language=lang)
    section, appendix = render_markdown(findings, selection, library, lang,
                                        heading or catalog.text(lang, "doctor.heading"),
                                        answers.scope.start.isoformat())
    if appendix and appendix_heading:  # the consultant's notes number it as their own section
        appendix = appendix.replace(catalog.text(lang, "doctor.appendix.heading"),
                                    appendix_heading, 1)
    return section.rstrip("\n"), appendix.rstrip("\n")
