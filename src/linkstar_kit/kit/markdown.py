"""The Markdown documents: the KPI system and one card per role."""

from __future__ import annotations

from .agendas import render_agendas
from .context import KitContext
from .files import KitFiles


def render_markdown(ctx: KitContext) -> dict[str, str]:
    """{kit path: Markdown text} for kpi-system.md and roles/<key>.md."""
    docs: dict[str, str] = {}
    view = ctx.view
    docs.update(ctx.blueprints.render("kpi-system", {"doc": view}, ["kpi-system.md"]))
    for role in view["roles"]:
        path = f"roles/{role['key']}.md"
        docs.update(ctx.blueprints.render("role-card",
                                          {"doc": view, "role": role, "role_key": role["key"]},
                                          [path]))
    docs.update(render_agendas(ctx))
    return docs


def markdown_documents(ctx: KitContext) -> dict[str, str]:
    """The Markdown documents, rendered once per kit: the HTML and PDF writers start from them."""
    if ctx.rendered.markdown is None:
        ctx.rendered.markdown = render_markdown(ctx)
    return ctx.rendered.markdown


def write_markdown(ctx: KitContext, out: KitFiles) -> None:
    for path, text in markdown_documents(ctx).items():
        out.add(path, text)
