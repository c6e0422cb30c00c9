"""The answers being built, as the plain data of an answers file, and their validation.

Every answer is checked by putting it into a copy of the draft and running the answers file's
own validation on it (`answers.loader.answers_issues`: the pydantic models, then the library
checks of `answers/checks.py`), keeping only the problems at the question's key path. So the
questionnaire and a hand-written file obey one set of rules, with the same messages.
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from typing import Any

from ..answers.checks import NO_FILE
from ..answers.loader import answers_issues
from ..answers.models import Answers
from ..errors import Issue, KeyPath
from ..library.loader import Library
from ..positioned import Document
from .spec import get_path

_MISSING = object()


class Draft:
    def __init__(self, library: Library, data: dict[str, Any] | None = None) -> None:
        self.library = library
        self.data: dict[str, Any] = copy.deepcopy(data) if data else {}
        self.data["version"] = 1

    # --- paths --------------------------------------------------------------------------

    def get(self, path: KeyPath, default: Any = None) -> Any:
        return get_path(self.data, path, default)

    def set(self, path: KeyPath, value: Any) -> None:
        """Set the value at `path` (None removes the key, so the model's default applies)."""
        _put(self.data, path, value)

    # --- validation ---------------------------------------------------------------------

    def validate(self) -> tuple[Answers | None, list[Issue]]:
        """The whole draft as the file loader would read it."""
        return answers_issues(Document(NO_FILE, copy.deepcopy(self.data)), self.library)

    def issues_at(self, path: KeyPath, value: Any = _MISSING) -> list[Issue]:
        """The problems at `path` (and below it) once `value` is put there."""
        data = copy.deepcopy(self.data)
        if value is not _MISSING:
            _put(data, path, value)
        _, issues = answers_issues(Document(NO_FILE, data), self.library)
        n = len(path)
        return [i for i in issues if tuple(i.path[:n]) == tuple(path)]

    def issues_in(self, keys: Collection[str]) -> list[Issue]:
        """The problems of the whole draft under the given top-level keys."""
        _, issues = self.validate()
        return [i for i in issues if i.path and i.path[0] in keys]


def _put(data: Any, path: KeyPath, value: Any) -> None:
    cur = data
    for i, part in enumerate(path[:-1]):
        nxt = path[i + 1]
        if isinstance(cur, dict):
            if not isinstance(cur.get(part), (dict, list)):
                cur[part] = [] if isinstance(nxt, int) else {}
            cur = cur[part]
        else:
            assert isinstance(part, int)
            while len(cur) <= part:
                cur.append({})
            cur = cur[part]
    last = path[-1]
    if isinstance(cur, dict):
        if value is None:
            cur.pop(last, None)
        else:
            cur[last] = value
    else:
        assert isinstance(last, int)
        while len(cur) <= last:
            cur.append({})
        cur[last] = value


def render_issue(issue: Issue) -> str:
    """One problem without the file name (the questionnaire has no file yet)."""
    text = issue.message
    if issue.hint:
        text += f" ({issue.hint})"
    return text
