"""Rendering the agendas through the `agendas` blueprint."""

from __future__ import annotations

from typing import Any

from ... import catalog
from ..context import KitContext
from .build import KINDS, PATHS, build_agendas


def agenda_labels(lang: str) -> dict[str, str]:
    """The agenda documents' fixed wording (the blueprint reads it as `cookiecutter.l`)."""
    return catalog.section(lang, "agenda.labels")


def render_agendas(ctx: KitContext) -> dict[str, str]:
    """{kit path: Markdown} for the review agendas, rendered through the `agendas` blueprint."""
    agendas = build_agendas(ctx, first_meetings=True)
    view = ctx.view
    views: dict[str, dict[str, Any] | None] = {k: a.as_view(ctx.lang)
                                                for k, a in agendas.items()}
    # The blueprint always renders all three; an opted-out quarterly review is dropped after.
    views.setdefault("quarterly", None)
    context: dict[str, Any] = {
        "doc": view, "l": agenda_labels(ctx.lang), "agendas": views,
        "roles": [{"title": r["title"], "headcount": r["headcount"]} for r in view["roles"]]}
    files = ctx.blueprints.render("agendas", context, [PATHS[k] for k in agendas])
    return {PATHS[k]: files[PATHS[k]] for k in KINDS if k in agendas}
