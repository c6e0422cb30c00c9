"""One error family. The CLI turns any `LinkstarError` into a message and exit status 1.

Input errors carry where the bad value stands (file, line, column), the key path inside the
document, what was expected and a hint (usually "did you mean ..."), so a person can fix the
file without reading code.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

KeyPath = tuple[str | int, ...]


def format_path(path: Sequence[str | int]) -> str:
    """`("roles", 2, "platforms", 0)` -> `roles[2].platforms[0]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def did_you_mean(value: object, known: Iterable[str], n: int = 3) -> str | None:
    """A hint naming the closest known ids, or None when nothing is close."""
    if not isinstance(value, str):
        return None
    matches = difflib.get_close_matches(value, sorted(set(known)), n=n, cutoff=0.6)
    if not matches:
        return None
    return "did you mean " + " or ".join(f"`{m}`" for m in matches) + "?"


class LinkstarError(Exception):
    """Base of every error the CLI reports as a message rather than a traceback."""

    def render(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Issue:
    """One problem in one input file."""

    file: str
    line: int | None
    column: int | None
    path: KeyPath
    message: str
    hint: str | None = None

    def render(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {format_path(self.path)}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class InputError(LinkstarError):
    """All problems found in one or more input files, reported together."""

    issues: list[Issue] = field(default_factory=list)
    title: str = "invalid input"

    def __post_init__(self) -> None:
        super().__init__(self.render())

    def render(self) -> str:
        n = len(self.issues)
        head = f"{self.title}: {n} problem{'s' if n != 1 else ''}"
        return "\n".join([head, *("  " + i.render() for i in self.issues)])


class UsageError(LinkstarError):
    """A command was asked for something it cannot do (bad option combination, missing file)."""


class KitConflictError(LinkstarError):
    """Regenerating would overwrite a person's edits or an unrelated folder."""

    def __init__(self, message: str, paths: Sequence[str] = ()) -> None:
        self.paths = list(paths)
        lines = [message, *(f"  {p}" for p in self.paths)]
        super().__init__("\n".join(lines))


class BlueprintError(LinkstarError):
    """A blueprint folder is missing a template or a template does not render."""


def display_path(path: Path | str) -> str:
    """A path as the user should see it: relative to the working directory when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
