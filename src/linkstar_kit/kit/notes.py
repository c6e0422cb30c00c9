"""The consultant's notes: `consultant/notes.md` (and its HTML and PDF).

The client's documents (the KPI system, the role cards, the agendas) are handed to the team as
they are; what only the consultant acts on lives here instead (issue 20): the health check with
its fixes in the tool's words, the engine's warnings, the questions to settle at kick-off
(targets not set yet, site groups without a line, targets split from a goal), and the answers
the client did not give that a default filled in.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .. import catalog, fmt
from ..answers.models import Answers
from .context import KitContext

PATH = "consultant/notes.md"

# Answers a default may fill in, in the questionnaire's order: (key path, question text key).
# A list section (platforms, roles) has its own line per item below.
DEFAULTED: tuple[tuple[tuple[str, ...], str], ...] = (
    (("client", "currency"), "currency"),
    (("client", "timezone"), "timezone"),
    (("scope", "level"), "level"),
    (("scope", "horizon"), "horizon"),
    (("systems", "erp"), "erp"),
    (("systems", "ads"), "ads"),
    (("systems", "finance"), "finance"),
    (("systems", "bi"), "bi"),
    (("review", "weekly"), "weekly_weekday"),
    (("review", "monthly"), "monthly_day"),
    (("review", "quarterly"), "quarterly_on"),
    (("incentives", "linked_to_pay"), "linked_to_pay"),
    (("incentives", "kpi_weight_percent"), "kpi_weight"),
)


def _given(model: BaseModel, path: tuple[str, ...]) -> bool:
    """Whether the answers file gave `path` (pydantic keeps which fields were set)."""
    node: Any = model
    for part in path:
        if not isinstance(node, BaseModel) or part not in node.model_fields_set:
            return False
        node = getattr(node, part)
    return True


def assumed(ctx: KitContext) -> list[str]:
    """One line per answer a default filled in: the question, then what the kit assumed."""
    answers, lang, view = ctx.answers, ctx.lang, ctx.view
    t = catalog.Catalog(lang)
    shown: dict[tuple[str, ...], Any] = {
        ("client", "currency"): answers.client.currency,
        ("client", "timezone"): answers.client.timezone,
        ("scope", "level"): view["scope"]["level"],
        ("scope", "horizon"): view["scope"]["horizon"],
        ("systems", "erp"): view["systems"]["erp"],
        ("systems", "ads"): view["systems"]["ads"],
        ("systems", "finance"): view["systems"]["finance"],
        ("systems", "bi"): view["systems"]["bi"],
        # the meeting's name and time, without the sentence on what it is for
        ("review", "weekly"): view["cadence"][0].split(t("punct.colon"))[0],
        ("review", "monthly"): view["cadence"][1].split(t("punct.colon"))[0],
        ("review", "quarterly"): view["cadence"][2].split(t("punct.colon"))[0],
        ("incentives", "linked_to_pay"): view["incentive_text"],
        ("incentives", "kpi_weight_percent"): view["incentive_text"],
    }
    lines: list[str] = []
    said: set[str] = set()
    for path, key in DEFAULTED:
        if _given(answers, path):
            continue
        value = str(shown[path])
        if value in said:  # both incentive answers defaulted: one sentence says both
            continue
        said.add(value)
        lines.append(t("notes.assumed.item", question=t(f"questionnaire.questions.{key}"),
                       value=value))
    for p in answers.platforms:
        name = _platform_name(ctx, p.id)
        if not p.fulfillment:
            lines.append(t("notes.assumed.any_model", platform=name))
        if not p.sites and ctx.library.platforms.get(p.id) and ctx.library.platforms[p.id].sites:
            lines.append(t("notes.assumed.any_site", platform=name))
    return lines


def _platform_name(ctx: KitContext, pid: str) -> str:
    p = ctx.library.platforms.get(pid)
    return p.name.get(ctx.lang) if p else pid


def open_questions(ctx: KitContext) -> list[str]:
    """What to settle with the client at kick-off: KPIs without a target, site groups without
    a line of their own, and targets split from a company goal (to confirm with their owner)."""
    t = catalog.Catalog(ctx.lang)
    sel, lang = ctx.selection, ctx.lang
    sep = t("punct.list")
    lines: list[str] = []
    for r in ctx.view["roles"]:
        role = next(x for x in sel.roles if x.key == r["key"])
        for k in role.kpis:
            name = k.name.get(lang)
            if not k.targets and not k.open_sites:
                lines.append(t("notes.open.no_target", role=r["title"], kpi=name))
            for pid, sites in k.open_sites.items():
                lines.append(t("notes.open.open_sites", role=r["title"], kpi=name,
                               platform=_platform_name(ctx, pid), sites=sep.join(sites)))
            for tg in k.targets:
                if tg.derived_from:
                    goal = ctx.library.kpis.get(tg.derived_from)
                    lines.append(t("notes.open.split", role=r["title"], kpi=name,
                                   target=fmt.target(tg, k.unit, lang, ctx.answers.client.currency),
                                   goal=goal.name.get(lang) if goal else tg.derived_from))
        for gap in role.platform_gaps:
            lines.append(t("notes.open.gap", role=r["title"],
                           platform=_platform_name(ctx, gap.platform)))
    return lines


def consultant_notes(ctx: KitContext) -> str:
    """The Markdown of `consultant/notes.md`, in the kit's language."""
    from ..doctor.render import health_section

    t = catalog.Catalog(ctx.lang)
    answers: Answers = ctx.answers
    health, appendix = health_section(answers, ctx.selection, ctx.library, ctx.lang,
                                      heading=t("notes.heads.health"),
                                      appendix_heading=t("notes.heads.appendix"))
    out = [t("notes.title", client=fmt.md_text(answers.client.name)), "",
           t("notes.intro"), "", health, "", t("notes.heads.warnings"), ""]
    warnings = ctx.selection.warnings
    out += [f"- {fmt.md_text(w)}" for w in warnings] or [t("notes.none")]
    out += ["", t("notes.heads.open"), "", t("notes.open.intro"), ""]
    # lines carry the client's own words (role titles, names): one line each
    out += [f"- {fmt.one_line(line)}" for line in open_questions(ctx)] or [t("notes.none")]
    out += ["", t("notes.heads.assumed"), "", t("notes.assumed.intro"), ""]
    out += [f"- {fmt.one_line(line)}" for line in assumed(ctx)] or [t("notes.assumed.none")]
    if appendix:
        out += ["", appendix]
    view = ctx.view
    out += ["", "---", "",
            f"{view['t']['generated_by']} {view['generator']['name']} "
            f"{view['generator']['version']} · {view['t']['library']} "
            f"{view['generator']['library']}"]
    return "\n".join(out) + "\n"
