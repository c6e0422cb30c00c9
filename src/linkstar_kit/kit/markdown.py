"""The Markdown documents: the client's (the KPI system, one card per role, the agendas) and
the consultant's notes."""

from __future__ import annotations

from .agendas import render_agendas
from .context import KitContext
from .files import KitFiles
from .notes import PATH as NOTES_PATH
from .notes import consultant_notes


def render_markdown(ctx: KitContext) -> dict[str, str]:
    """{kit path: Markdown text} for kpi-system.md, roles/<key>.md, the agendas and
    consultant/notes.md."""
    docs: dict[str, str] = {}
    view = ctx.view
    docs.update(ctx.blueprints.render("kpi-system", {"doc": view}, ["kpi-system.md"]))
    for role in view["roles"]:
        path = f"roles/{role['key']}.md"
        docs.update(ctx.blueprints.render("role-card",
                                          {"doc": view, "role": role, "role_key": role["key"]},
                                          [path]))
    docs.update(render_agendas(ctx))
    # the consultant's document, apart from everything the client's team reads
    docs[NOTES_PATH] = consultant_notes(ctx)
    return docs


def markdown_documents(ctx: KitContext) -> dict[str, str]:
    """The Markdown documents, rendered once per kit: the HTML and PDF writers start from them."""
    if ctx.rendered.markdown is None:
        ctx.rendered.markdown = render_markdown(ctx)
    return ctx.rendered.markdown


def write_markdown(ctx: KitContext, out: KitFiles) -> None:
    for path, text in markdown_documents(ctx).items():
        out.add(path, text)
