"""What every kit writer reads: the answers, the engine's selection, the library, the
blueprints, the health check's section and the document view built from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..answers.models import Answers
from ..engine.models import Selection
from ..library.loader import Library
from .blueprints import Blueprints
from .view import build_view


@dataclass
class Rendered:
    """Documents rendered once per kit and shared by the writers that start from them: the
    Markdown (written as .md, turned into HTML) and the HTML (written as .html, printed as PDF).
    kit/markdown.py and kit/html.py fill their own slot on first use."""

    markdown: dict[str, str] | None = None
    html: dict[str, Any] | None = None  # kit path -> html.HtmlDocument


@dataclass(eq=False)
class KitContext:
    answers: Answers
    selection: Selection
    library: Library
    blueprints: Blueprints
    # The health check's Markdown section for the KPI system document ("" leaves it out).
    health: str = ""
    # Its appendix for the consultant (fixes in the tool's words, finding codes), at the end.
    health_appendix: str = ""
    rendered: Rendered = field(default_factory=Rendered)

    @property
    def lang(self) -> str:
        return self.selection.client.language

    @cached_property
    def view(self) -> dict[str, Any]:
        """What the blueprints render: built once from the inputs above, never written to."""
        return {**build_view(self.answers, self.selection, self.library), "health": self.health,
                "health_appendix": self.health_appendix}
