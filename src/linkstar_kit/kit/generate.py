"""Generate a client's kit: select, render every requested format, commit atomically."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..answers.dump import dump_answers
from ..answers.models import Answers
from ..engine.models import Selection
from ..engine.select import select
from ..errors import UsageError, did_you_mean
from ..history import History
from ..jsontext import pretty
from ..library.loader import Library
from .blueprints import Blueprints
from .context import KitContext
from .files import KitFiles, commit
from .formats import BY_NAME, FORMAT_NAMES


def parse_formats(spec: str | Iterable[str] | None) -> list[str]:
    """`md,html` -> ["md", "html"]; None or "all" -> every format, in FORMATS' order."""
    if spec is None or spec == "all":
        return list(FORMAT_NAMES)
    items = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec) if s.strip()]
    if isinstance(spec, str) and not items:  # `--format ""` made a kit of its manifest alone
        raise UsageError(f"--format names no format: choose from {', '.join(FORMAT_NAMES)}")
    bad = [s for s in items if s not in BY_NAME]
    if bad:
        hint = did_you_mean(bad[0], FORMAT_NAMES)
        raise UsageError(f"unknown format `{bad[0]}`: choose from {', '.join(FORMAT_NAMES)}"
                         + (f" ({hint})" if hint else ""))
    return [f for f in FORMAT_NAMES if f in items]


# The client's own numbers the kit was made from (`--history`): facts only, no file paths.
HISTORY_FILE = "history.json"


def read_kit_history(kit: Path) -> History | None:
    """The history a kit was made from, if it was made with one."""
    from ..history import history_from_json

    path = kit / HISTORY_FILE
    if not path.is_file():
        return None
    try:
        return history_from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise UsageError(f"{path} is damaged: generate again with --history FILE...") from None


@dataclass
class KitResult:
    path: Path
    files: list[str]
    selection: Selection
    backed_up: list[str]


def build_files(answers: Answers, library: Library, *, formats: list[str], language: str | None = None,
                blueprints: Blueprints | None = None, history: History | None = None
                ) -> tuple[KitFiles, Selection]:
    """Everything a kit holds, in memory. `generate_kit` commits it to disk."""
    selection = select(answers, library, language=language, history=history)
    # The health check goes into the consultant's notes (kit/notes.py), never into the
    # client's documents.
    ctx = KitContext(answers, selection, library, blueprints or Blueprints())
    files = KitFiles()
    lang_answers = answers
    if language and language != answers.client.language:
        lang_answers = answers.model_copy(
            update={"client": answers.client.model_copy(update={"language": language})})
    files.add("answers.yaml", dump_answers(lang_answers))
    files.add("selection.json", pretty(selection.to_json_dict()))
    if history is not None:
        from ..history import history_to_json

        files.add(HISTORY_FILE, pretty(history_to_json(history)))
    for f in parse_formats(formats):
        BY_NAME[f].writer()(ctx, files)
    return files, selection


def kit_meta(library: Library, selection: Selection) -> dict[str, object]:
    """What the manifest says besides the files."""
    # the client's slug marks the folder as this client's kit: another client's run is refused
    return {"generator": {"name": "linkstar-kit", "version": __version__},
            "library": library.version, "client": selection.client.slug}


def generate_kit(answers: Answers, library: Library, out_dir: Path | str, *,
                 formats: list[str] | None = None, language: str | None = None,
                 blueprints: Blueprints | None = None, force: bool = False,
                 history: History | None = None) -> KitResult:
    """Write the kit for `answers` into `out_dir` (see spec/outputs.md for the layout)."""
    formats = parse_formats(formats)
    files, selection = build_files(answers, library, formats=formats, language=language,
                                   blueprints=blueprints, history=history)
    meta = kit_meta(library, selection)
    path = Path(out_dir)
    backed_up = commit(path, files, meta, force=force)
    return KitResult(path=path, files=sorted(files.files), selection=selection, backed_up=backed_up)
