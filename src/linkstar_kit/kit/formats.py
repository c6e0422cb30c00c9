"""The kit's output formats: one table, read by the generator, the CLI's `--format` help and
checked against the list in docs/kit.md.

Adding a format is one writer module under `kit/` (a function `write_<x>(ctx, out)` that adds
its files to `out`) and one line in FORMATS. A writer is imported when its format is built, so
WeasyPrint and openpyxl stay off `linkstar --help`'s start-up path; an import error is raised,
never taken for "format not available".
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from .context import KitContext
    from .files import KitFiles


class Writer(Protocol):
    """Adds one format's files to the kit being built, from the context alone."""

    def __call__(self, ctx: KitContext, out: KitFiles, /) -> None: ...


@dataclass(frozen=True)
class Format:
    name: str       # what `--format` takes
    module: str     # linkstar_kit.kit.<module> holds the writer
    function: str   # the writer's name in that module
    writes: str     # what it writes, for the help

    def writer(self) -> Writer:
        module = importlib.import_module(f"{__package__}.{self.module}")
        return cast(Writer, getattr(module, self.function))


# In the order they are rendered (HTML starts from the Markdown, PDF from the HTML).
FORMATS: tuple[Format, ...] = (
    Format("md", "markdown", "write_markdown",
           "KPI system, role cards, agendas, consultant notes (Markdown)"),
    Format("html", "html", "write_html", "the same documents as HTML"),
    Format("pdf", "pdf", "write_pdf", "the same documents as PDF"),
    Format("ics", "calendar", "write_calendar", "the review meetings as a calendar"),
    Format("dashboards", "dashboards", "write_dashboards", "dashboards and the actuals store"),
    Format("xlsx", "scorecard", "write_scorecard", "the tracking workbook and CSV template"),
)
FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)
BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}


def format_help() -> str:
    """The CLI's `--format` help."""
    return f"comma list of {', '.join(FORMAT_NAMES)} (default: all)"
