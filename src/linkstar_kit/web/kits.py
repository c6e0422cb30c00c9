"""Answers given as JSON, validated as `linkstar validate` does; a kit as a zip, built in memory
with the files `linkstar generate` writes (nothing is written to disk)."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from ..answers.dump import normalise_answers
from ..answers.loader import TITLE, answers_issues
from ..answers.models import Answers
from ..errors import InputError, Issue, format_path
from ..library.loader import Library
from ..positioned import Document, parse_text

API_FILE = "answers.json"
# A fixed time for every zip entry, so the same answers give the same zip.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def issue_json(issue: Issue) -> dict[str, Any]:
    message = issue.message + (f" ({issue.hint})" if issue.hint else "")
    out: dict[str, Any] = {"path": format_path(issue.path), "message": message}
    if issue.line is not None:
        out["line"] = issue.line
        out["column"] = issue.column
    return out


def check_text(text: str, library: Library) -> tuple[Answers | None, list[Issue]]:
    """JSON text as an answers file named answers.json: the answers, or every problem."""
    try:
        doc = parse_text(text, API_FILE, json_syntax=True)
    except InputError as exc:
        return None, exc.issues
    return check_data(doc, library)


def check_data(doc: Document | dict[str, Any], library: Library
               ) -> tuple[Answers | None, list[Issue]]:
    if not isinstance(doc, Document):
        doc = Document(API_FILE, json.loads(json.dumps(doc)))
    answers, issues = answers_issues(doc, library)
    if issues or answers is None:
        return None, issues
    return normalise_answers(answers), []


def kit_zip(answers: Answers, library: Library, formats: list[str], *,
            consultant_notes: bool = True) -> bytes:
    """The kit as a zip; without `consultant_notes`, as the client downloads it (the
    consultant's notes, `consultant/`, stay out of the client's hands)."""
    from ..kit.files import MANIFEST, new_manifest
    from ..kit.generate import build_files, kit_meta

    files, selection = build_files(answers, library, formats=formats)
    if not consultant_notes:
        for name in [n for n in files.files if n.startswith("consultant/")]:
            del files.files[name]
    # the manifest too, as `generate` writes it into an empty folder: a kit unzipped is a kit
    # `generate` can later update in place
    files.add(MANIFEST, new_manifest(files, kit_meta(library, selection)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files.files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files.files[name])
    return buf.getvalue()


__all__ = ["TITLE", "check_data", "check_text", "issue_json", "kit_zip"]
