"""What every kit writer reads: the answers, the engine's selection, the library, the view."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..answers.models import Answers
from ..engine.models import Selection
from ..library.loader import Library
from .blueprints import Blueprints


@dataclass
class KitContext:
    answers: Answers
    selection: Selection
    library: Library
    blueprints: Blueprints
    extra_view: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.selection.client.language

    @cached_property
    def view(self) -> dict[str, Any]:
        from .view import build_view

        return {**build_view(self.answers, self.selection, self.library), **self.extra_view}

    @cached_property
    def markdown(self) -> dict[str, str]:
        """The Markdown documents, rendered once: the HTML and PDF writers start from them."""
        from .markdown import render_markdown

        return render_markdown(self)
