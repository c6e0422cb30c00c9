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

# A message shows at most this many characters of a value the user wrote: a 50 MB name is
# reported, not echoed.
EXCERPT = 60
# No id or key anyone means is longer; comparing a longer text for did-you-mean only costs time.
_HINT_MAX = 100


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """`value` as text fit for a one-line message: at most `limit` characters (then `…`),
    control and invisible line-breaking characters written as escapes (`\\n`, `\\x01`)."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = str(value)
        except ValueError:  # an int past Python's 4,300-digit conversion limit
            return f"a number of about {int(value.bit_length() * 0.30103)} digits" \
                if isinstance(value, int) else type(value).__name__
    cut = len(text) > limit
    shown = "".join(_escape(c) for c in text[:limit])
    if len(shown) > limit:
        shown, cut = shown[:limit], True
    return shown + "…" if cut else shown


def _escape(c: str) -> str:
    if c.isprintable() or c == " ":
        return c
    if c in "\u200c\u200d":  # the joiners that shape emoji and scripts; other format
        return c             # characters (bidi overrides, a BOM) are shown as escapes
    return repr(c)[1:-1] if c not in "'\"" else c


def format_path(path: Sequence[str | int]) -> str:
    """`("roles", 2, "platforms", 0)` -> `roles[2].platforms[0]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            shown = excerpt(part)
            out += f".{shown}" if out else shown
    return out or "(top level)"


def did_you_mean(value: object, known: Iterable[str], n: int = 3) -> str | None:
    """A hint naming the closest known ids, or None when nothing is close."""
    if not isinstance(value, str) or len(value) > _HINT_MAX:
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

    # A file can hold thousands of problems (a pasted list); the first ones tell what is wrong.
    SHOWN = 50

    def render(self) -> str:
        n = len(self.issues)
        head = f"{self.title}: {n} problem{'s' if n != 1 else ''}"
        lines = [head, *("  " + i.render() for i in self.issues[:self.SHOWN])]
        if n > self.SHOWN:
            lines.append(f"  ... and {n - self.SHOWN} more")
        return "\n".join(lines)


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
