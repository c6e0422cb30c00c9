"""Filters the blueprints use, loaded into cookiecutter's Jinja environment via `_extensions`."""

from __future__ import annotations

import re

from jinja2 import Environment
from jinja2.ext import Extension

# Only what would change the meaning: backslashes, code, emphasis, links, table pipes, an HTML
# tag's opening `<` (not `<=`), and `_` at a word's edge (CommonMark ignores it inside words, so
# LESS_THAN stays readable in the Markdown file itself).
_MD_SPECIAL = re.compile(r"[\\`*\[\]|]|<(?=[A-Za-z/!?])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|^[#>+-]")


# Line breaks and other control characters: a heading or a table row is one line. The answers
# refuse them in names and titles; a house library's text is not checked for them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def md_text(value: object) -> str:
    """Text a client typed, safe inside Markdown: no accidental emphasis, links or HTML."""
    s = _CONTROL.sub(" ", str(value))
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), s)


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: `md_text` already keeps pipes and line breaks
    from ending the cell; the name says where it is used."""
    return md_text(value)


def md_anchor(value: object) -> str:
    return re.sub(r"[^\w-]+", "-", str(value).lower()).strip("-")


class LinkstarExtension(Extension):
    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["md_text"] = md_text
        environment.filters["md_cell"] = md_cell
        environment.filters["md_anchor"] = md_anchor
