"""Filters the blueprints use. kit/blueprints.py loads this extension into its Jinja
environments; the `_extensions` key of every blueprint's cookiecutter.json names it, so that
cookiecutter itself renders a blueprint with the same filters."""

from __future__ import annotations

from jinja2 import Environment
from jinja2.ext import Extension

from ..fmt import md_anchor, md_cell, md_text


class LinkstarExtension(Extension):
    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["md_text"] = md_text
        environment.filters["md_cell"] = md_cell
        environment.filters["md_anchor"] = md_anchor
