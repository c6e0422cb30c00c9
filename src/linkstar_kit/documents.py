"""Read a YAML or JSON document into plain Python data plus the position of every value.

Answers files and library files are both validated by pydantic models, whose errors carry a
key path (`loc`). To tell a person *where* the bad value stands, we keep a map from key path
to (line, column) while reading, and look the path up when reporting.

Only plain data is built: YAML tags that would construct objects are refused.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import InputError, Issue, KeyPath, display_path

# Tags a plain-data document may carry explicitly; anything else (e.g. !!python/object) is refused.
_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}


# Aliases (*name) share one node in the parsed tree but are copied out into plain data; a few
# hundred bytes of nested aliases would expand into billions of values. No real answers or
# library file comes near this many.
MAX_NODES = 200_000


@dataclass
class Document:
    """A parsed file: its data, and 1-based (line, column) for values and keys by key path."""

    file: str
    data: Any
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: KeyPath, *, key: bool = False) -> tuple[int | None, int | None]:
        """Position of the value (or key) at `path`, else of its nearest ancestor."""
        table = self.keys if key else self.values
        p = tuple(path)
        while True:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            if not p:
                return (None, None)
            p = p[:-1]

    def issue(self, path: KeyPath, message: str, hint: str | None = None, *, key: bool = False) -> Issue:
        line, col = self.where(path, key=key)
        return Issue(self.file, line, col, tuple(path), message, hint)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.allow_duplicate_keys = False
    return y


def _tag_of(node: Any) -> str | None:
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None) if tag is not None else None
    if isinstance(value, str) and value:
        return value
    return None


def parse_text(text: str, file: str, *, json_syntax: bool = False) -> Document:
    """Parse `text`; raise InputError naming file:line:column on a syntax or tag problem."""
    if json_syntax:
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError([Issue(file, exc.lineno, exc.colno, (), f"not valid JSON: {exc.msg}")],
                             title="cannot read file") from None
    try:
        raw = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = (exc.problem or exc.context or "syntax error").strip()
        # JSON text is read by the YAML parser for positions; the only thing it refuses in
        # valid JSON is a duplicate key, which is a JSON problem too.
        kind = "JSON" if json_syntax else "YAML"
        raise InputError([Issue(file, line, col, (), f"not valid {kind}: {problem}")],
                         title="cannot read file") from None
    except ValueError as exc:
        # The YAML parser builds dates while reading: `2026-02-30` raises a bare ValueError.
        line, col = _bad_date_position(text)
        raise InputError([Issue(file, line, col, (), f"not a valid date: {exc}")],
                         title="cannot read file") from None
    except YAMLError as exc:  # pragma: no cover - ruamel raises Marked errors for text input
        raise InputError([Issue(file, None, None, (), f"not valid YAML: {exc}")],
                         title="cannot read file") from None
    except (KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
        # ruamel's constructors fail this way on odd explicit tags (`!!int ''`, `!!bool x`)
        raise InputError([Issue(file, None, None, (), "not valid YAML: a value cannot be read "
                                f"as its tag says ({type(exc).__name__}: {exc})")],
                         title="cannot read file") from None

    doc = Document(file=file, data=None)
    # The top-level value's own position, for problems of the whole document (a missing key).
    lc = getattr(raw, "lc", None)
    if lc is not None and getattr(lc, "line", None) is not None:
        doc.values[()] = (lc.line + 1, lc.col + 1)
    problems: list[Issue] = []
    budget = [MAX_NODES]
    doc.data = _plain(raw, (), doc, problems, budget)
    if budget[0] < 0:
        raise InputError([Issue(file, None, None, (), f"more than {MAX_NODES:,} values once "
                                "aliases are expanded: an answers or library file is never "
                                "this large (an alias bomb?)")], title="cannot read file")
    if problems:
        raise InputError(problems, title="cannot read file")
    return doc


def load_document(path: Path | str) -> Document:
    """Read a `.yaml`/`.yml`/`.json` file with positions."""
    p = Path(path)
    shown = display_path(p)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([Issue(shown, None, None, (), "file not found")],
                         title="cannot read file") from None
    except IsADirectoryError:
        raise InputError([Issue(shown, None, None, (), "is a folder, expected a file")],
                         title="cannot read file") from None
    except UnicodeDecodeError as exc:
        raise InputError([Issue(shown, None, None, (), f"not UTF-8 text ({exc.reason})")],
                         title="cannot read file") from None
    return parse_text(text, shown, json_syntax=p.suffix.lower() == ".json")


def _plain(node: Any, path: KeyPath, doc: Document, problems: list[Issue],
           budget: list[int]) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        return None  # the caller reports the whole file once
    tag = _tag_of(node)
    if tag is not None and tag not in _SAFE_TAGS:
        line, col = doc.where(path)
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(Issue(doc.file, line, col, path,
                              f"YAML tag `{shown}` is not allowed: only plain data is read"))
        return None
    if isinstance(node, TaggedScalar):
        return _scalar(node.value)
    if isinstance(node, CommentedMap):
        out: dict[Any, Any] = {}
        for k in node:
            kp = (*path, k if isinstance(k, (str, int)) else str(k))
            try:
                kl, kc = node.lc.key(k)
                doc.keys[kp] = (kl + 1, kc + 1)
                vl, vc = node.lc.value(k)
                doc.values[kp] = (vl + 1, vc + 1)
            except (KeyError, TypeError, AttributeError):
                pass
            key = _scalar(k)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                line, col = doc.where(kp, key=True)
                problems.append(Issue(doc.file, line, col, path,
                                      "a key must be a plain value, not a list or mapping"))
                continue
            out[key] = _plain(node[k], kp, doc, problems, budget)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, item in enumerate(node):
            ip = (*path, i)
            try:
                il, ic = node.lc.item(i)
                doc.values[ip] = (il + 1, ic + 1)
            except (KeyError, TypeError, AttributeError):
                pass
            items.append(_plain(item, ip, doc, problems, budget))
        return items
    return _scalar(node)


def _scalar(value: Any) -> Any:
    # ruamel's round-trip scalars subclass int/float/str to keep formatting; hand back builtins.
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return _join_surrogates(str(value))
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, Mapping):
        return dict(value)
    return value


def _join_surrogates(s: str) -> str:
    """JSON writes characters outside the BMP as escaped surrogate pairs (`\\ud83d\\ude00`);
    the YAML parser keeps the two halves, which cannot be encoded later. Join them."""
    if not any("\ud800" <= c <= "\udfff" for c in s):
        return s
    return s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


_DATE_LIKE = re.compile(r"(?<![\w.'\"-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.-]|:\d)")


def _bad_date_position(text: str) -> tuple[int | None, int | None]:
    """Line and column of the first date-like value that is not a calendar date."""
    for n, line in enumerate(text.splitlines(), start=1):
        for m in _DATE_LIKE.finditer(line):
            try:
                dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return n, m.start() + 1
    return None, None
