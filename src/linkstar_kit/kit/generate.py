"""Generate a client's kit: select, render every requested format, commit atomically."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..answers.dump import dump_answers
from ..answers.models import Answers
from ..engine.models import Selection
from ..engine.select import select
from ..errors import UsageError
from ..library.loader import Library
from .blueprints import Blueprints
from .context import KitContext
from .files import KitFiles, commit

Writer = Callable[[KitContext, KitFiles], None]

# Formats in the order they are rendered. Each maps to the writer that produces it; writers
# import their heavy libraries (WeasyPrint, openpyxl) inside, so `--format md` never loads them.
FORMATS: tuple[str, ...] = ("md", "html", "pdf", "ics", "dashboards", "xlsx")


def _writers() -> dict[str, Writer]:
    from .markdown import write_markdown

    writers: dict[str, Writer] = {"md": write_markdown}
    for fmt_name, module, func in (
        ("html", "html", "write_html"),
        ("pdf", "pdf", "write_pdf"),
        ("ics", "calendar", "write_calendar"),
        ("dashboards", "dashboards", "write_dashboards"),
        ("xlsx", "scorecard", "write_scorecard"),
    ):
        try:
            mod = __import__(f"linkstar_kit.kit.{module}", fromlist=[func])
        except ModuleNotFoundError as exc:
            if exc.name != f"linkstar_kit.kit.{module}":
                raise
            continue  # this writer is not part of this build yet
        writers[fmt_name] = getattr(mod, func)
    return writers


def available_formats() -> list[str]:
    w = _writers()
    return [f for f in FORMATS if f in w]


def parse_formats(spec: str | Iterable[str] | None) -> list[str]:
    """`md,html` -> ["md", "html"]; None or "all" -> every available format."""
    have = available_formats()
    if spec is None or spec == "all":
        return have
    items = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec) if s.strip()]
    bad = [s for s in items if s not in FORMATS]
    if bad:
        from ..errors import did_you_mean

        hint = did_you_mean(bad[0], FORMATS)
        raise UsageError(f"unknown format `{bad[0]}`: choose from {', '.join(FORMATS)}"
                         + (f" ({hint})" if hint else ""))
    missing = [s for s in items if s not in have]
    if missing:
        raise UsageError(f"format `{missing[0]}` is not available in this build "
                         f"(available: {', '.join(have)})")
    return [f for f in FORMATS if f in items]


@dataclass
class KitResult:
    path: Path
    files: list[str]
    selection: Selection
    backed_up: list[str]


def build_files(answers: Answers, library: Library, *, formats: list[str], language: str | None = None,
                blueprints: Blueprints | None = None) -> tuple[KitFiles, Selection]:
    """Everything a kit holds, in memory. `generate_kit` commits it to disk."""
    selection = select(answers, library, language=language)
    ctx = KitContext(answers, selection, library, blueprints or Blueprints())
    _add_health(ctx)
    files = KitFiles()
    lang_answers = answers
    if language and language != answers.client.language:
        lang_answers = answers.model_copy(
            update={"client": answers.client.model_copy(update={"language": language})})
    files.add("answers.yaml", dump_answers(lang_answers))
    files.add("selection.json",
              json.dumps(selection.to_json_dict(), ensure_ascii=False, indent=2) + "\n")
    writers = _writers()
    for f in formats:
        writers[f](ctx, files)
    return files, selection


def _add_health(ctx: KitContext) -> None:
    """The health check's findings become a section of the KPI system document, when built."""
    try:
        from ..doctor.render import health_section
    except ModuleNotFoundError:
        return
    ctx.extra_view["health"] = health_section(ctx.answers, ctx.selection, ctx.library, ctx.lang)


def generate_kit(answers: Answers, library: Library, out_dir: Path | str, *,
                 formats: list[str] | None = None, language: str | None = None,
                 blueprints: Blueprints | None = None, force: bool = False) -> KitResult:
    """Write the kit for `answers` into `out_dir` (see spec/outputs.md for the layout)."""
    formats = formats if formats is not None else available_formats()
    files, selection = build_files(answers, library, formats=formats, language=language,
                                   blueprints=blueprints)
    # the client's slug marks the folder as this client's kit: another client's run is refused
    meta = {"generator": {"name": "linkstar-kit", "version": __version__},
            "library": library.version, "client": selection.client.slug}
    path = Path(out_dir)
    backed_up = commit(path, files, meta, force=force)
    return KitResult(path=path, files=sorted(files.files), selection=selection, backed_up=backed_up)
