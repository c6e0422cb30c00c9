"""Filters the blueprints use, loaded into cookiecutter's Jinja environment via `_extensions`."""

from __future__ import annotations

import re

from jinja2 import Environment
from jinja2.ext import Extension

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md_text(value: object) -> str:
    """Text a client typed, safe inside Markdown: no accidental emphasis, links or HTML."""
    s = str(value).replace("\r", " ").replace("\n", " ")
    return _MD_SPECIAL.sub(r"\\\1", s)


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell (pipes and line breaks would end the cell)."""
    return str(value).replace("\r", " ").replace("\n", " ").replace("|", "\\|")


def md_anchor(value: object) -> str:
    return re.sub(r"[^\w-]+", "-", str(value).lower()).strip("-")


class LinkstarExtension(Extension):
    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["md_text"] = md_text
        environment.filters["md_cell"] = md_cell
        environment.filters["md_anchor"] = md_anchor
