"""Read a YAML or JSON document into plain Python data plus the position of every value.

Answers files and library files are both validated by pydantic models, whose errors carry a
key path (`loc`). To tell a person *where* the bad value stands, we keep a map from key path
to (line, column) while reading, and look the path up when reporting.

Only plain data is built: YAML tags that would construct objects are refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, Issue, KeyPath, display_path, excerpt

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
# hundred bytes of nested aliases would expand into billions of values. No real library file
# comes near this many values (the largest has ~5,000), and the position-keeping reader takes
# about 5 s per 100,000, so the count is also checked before that reader starts.
MAX_NODES = 100_000
# Nesting deeper than this is refused before reading (a library record is 6 levels deep): the
# readers recurse, and 1,000 levels of `[[[...` would exhaust Python's stack.
MAX_DEPTH = 64
# Read at most this much of a file: an answers or library file is a few KB, and `/dev/zero`
# or a mistaken 4 GB export must not eat the machine's memory.
MAX_BYTES = 2 * 1024 * 1024


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


@dataclass(frozen=True)
class _Unreadable:
    """A scalar its explicit tag does not fit (`!!float abc`, `!!int ""`), or a number too
    long to convert: reported at its key path by `_plain`."""

    tag: str
    text: str
    reason: str
    line: int
    column: int


_TAG_MEANS = {"!!int": "a whole number", "!!float": "a number", "!!bool": "true or false"}


@functools.cache
def _rt() -> Any:
    """ruamel's round-trip reader and its node types, imported on first use: a valid answers
    or library file is read by libyaml (fastyaml.py) and never needs them (ruamel's import
    is ~20 ms of a command)."""
    import types

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    def guarded(method_name: str) -> Any:
        def construct(self: Any, node: Any, *args: Any) -> Any:
            try:
                return getattr(RoundTripConstructor, method_name)(self, node, *args)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
                    MarkedYAMLError) as exc:
                text = node.value if isinstance(node.value, str) else ""
                if method_name == "construct_yaml_timestamp":
                    # `2026-02-30` looks like a date but is none: keep the text, so the
                    # models report it at its key path with the file's other problems.
                    return text
                mark = node.start_mark
                return _Unreadable(str(node.tag), text, str(exc), mark.line + 1,
                                   mark.column + 1)
        return construct

    class Constructor(RoundTripConstructor):  # type: ignore[misc]
        """The round-trip constructor, but a scalar that cannot be built becomes a value to
        report instead of an exception that would lose its position and every other
        problem."""

    for tag, method in (("int", "construct_yaml_int"), ("float", "construct_yaml_float"),
                        ("bool", "construct_yaml_bool"), ("null", "construct_yaml_null"),
                        ("timestamp", "construct_yaml_timestamp")):
        Constructor.add_constructor(f"tag:yaml.org,2002:{tag}", guarded(method))
    return types.SimpleNamespace(
        YAML=YAML, Constructor=Constructor, CommentedMap=CommentedMap,
        CommentedSeq=CommentedSeq, TaggedScalar=TaggedScalar,
        MarkedYAMLError=MarkedYAMLError, YAMLError=YAMLError)


def _yaml() -> Any:
    rt = _rt()
    y = rt.YAML(typ="rt")
    y.Constructor = rt.Constructor
    y.allow_duplicate_keys = False
    return y


def _tag_of(node: Any) -> str | None:
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None) if tag is not None else None
    if isinstance(value, str) and value:
        return value
    return None


def _cannot_read(file: str, line: int | None, column: int | None, message: str) -> InputError:
    return InputError([Issue(file, line, column, (), message)], title="cannot read file")


def prescan(text: str, file: str, max_nodes: int) -> int:
    """Refuse, before the slow reader recurses through it, a document nested deeper than
    MAX_DEPTH or holding more than `max_nodes` values. libyaml (C) counts ~1M values a second;
    a document it cannot parse is left to the full reader, whose message is the one shown.
    Returns the number of aliases (`*name`), which the fast library reader leaves to this
    module's reader, whose count covers what they expand to."""
    try:
        import yaml

        loader = yaml.CSafeLoader
    except (ImportError, AttributeError):  # pragma: no cover - the readers' own guards remain
        return 0
    opens = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    closes = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    depth = nodes = aliases = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            kind = type(event)
            if kind in opens:
                depth += 1
                nodes += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise _cannot_read(file, mark.line + 1, mark.column + 1,
                                       f"nested more than {MAX_DEPTH} levels deep: an answers "
                                       "or library file is never this deep")
            elif kind in closes:
                depth -= 1
            elif kind is yaml.ScalarEvent:
                nodes += 1
            elif kind is yaml.AliasEvent:
                nodes += 1
                aliases += 1
            if nodes > max_nodes:
                mark = event.start_mark
                raise _cannot_read(file, mark.line + 1, mark.column + 1,
                                   f"more than {max_nodes:,} values: an answers or library file "
                                   "is never this large")
    except yaml.MarkedYAMLError as exc:
        # libyaml has its own limit (1,000 levels): that is our message too
        if "nesting depth" in str(exc) and exc.problem_mark is not None:
            mark = exc.problem_mark
            raise _cannot_read(file, mark.line + 1, mark.column + 1,
                               f"nested more than {MAX_DEPTH} levels deep: an answers or "
                               "library file is never this deep") from None
        return aliases
    except yaml.YAMLError:  # pragma: no cover - the full reader reports it
        return aliases
    return aliases


def parse_text(text: str, file: str, *, json_syntax: bool = False,
               max_nodes: int = MAX_NODES) -> Document:
    """Parse `text`; raise InputError naming file:line:column on a syntax or tag problem."""
    if text.startswith("\ufeff"):
        # A byte order mark (Notepad, Excel): harmless in either syntax.
        text = text[1:]
    prescan(text, file, max_nodes)
    if json_syntax:
        try:
            # Only the syntax is checked here (the YAML reader below builds the data, with
            # positions), so integers are not converted: one over 4,300 digits would raise.
            json.loads(text, parse_int=len)
        except json.JSONDecodeError as exc:
            raise _cannot_read(file, exc.lineno, exc.colno,
                               f"not valid JSON: {excerpt(exc.msg, 200)}") from None
        except RecursionError:
            raise _cannot_read(file, None, None, f"not valid JSON: nested more than "
                               f"{MAX_DEPTH} levels deep") from None
    rt = _rt()
    MarkedYAMLError, YAMLError = rt.MarkedYAMLError, rt.YAMLError  # noqa: N806 - classes
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
        raise _cannot_read(file, line, col, f"not valid {kind}: {excerpt(problem, 200)}") from None
    except RecursionError:
        raise _cannot_read(file, None, None, f"nested more than {MAX_DEPTH} levels deep: an "
                           "answers or library file is never this deep") from None
    except YAMLError as exc:  # pragma: no cover - ruamel raises Marked errors for text input
        raise _cannot_read(file, None, None, f"not valid YAML: {excerpt(exc, 200)}") from None
    except Exception as exc:  # noqa: BLE001 - the reader's own failure on odd input
        # ruamel's constructors fail this way on odd input the guards above do not see; the
        # file is bad either way, and a traceback would tell the user nothing.
        raise _cannot_read(file, None, None, "not valid YAML: a value cannot be read as its "
                           f"tag says ({type(exc).__name__}: {excerpt(exc, 200)})") from None

    doc = Document(file=file, data=None)
    # The top-level value's own position, for problems of the whole document (a missing key).
    lc = getattr(raw, "lc", None)
    if lc is not None and getattr(lc, "line", None) is not None:
        doc.values[()] = (lc.line + 1, lc.col + 1)
    problems: list[Issue] = []
    budget = [max_nodes]
    try:
        doc.data = _plain(raw, (), doc, problems, budget, set())
    except RecursionError:  # pragma: no cover - the prescan refuses deep files first
        raise _cannot_read(file, None, None, f"nested more than {MAX_DEPTH} levels deep: an "
                           "answers or library file is never this deep") from None
    if budget[0] < 0:
        raise _cannot_read(file, None, None, f"more than {max_nodes:,} values once "
                           "aliases are expanded: an answers or library file is never "
                           "this large (an alias bomb?)")
    if problems:
        raise InputError(problems, title="cannot read file")
    return doc


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes | None:
    """The file's bytes, or None when it holds more than `limit`: read with a bound, so a
    device (`/dev/zero`) or a huge file is refused without being read whole."""
    with path.open("rb") as f:
        data = f.read(limit + 1)
    return None if len(data) > limit else data


def load_document(path: Path | str, *, max_nodes: int = MAX_NODES) -> Document:
    """Read a `.yaml`/`.yml`/`.json` file with positions."""
    p = Path(path)
    shown = display_path(p)
    try:
        data = read_bounded(p)
    except FileNotFoundError:
        raise _cannot_read(shown, None, None, "file not found") from None
    except IsADirectoryError:
        raise _cannot_read(shown, None, None, "is a folder, expected a file") from None
    except PermissionError:
        raise _cannot_read(shown, None, None, "permission denied") from None
    except OSError as exc:
        raise _cannot_read(shown, None, None, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError:  # a NUL in the name (through the API: a command line cannot carry one)
        raise _cannot_read(excerpt(shown), None, None, "not a valid file name") from None
    if data is None:
        raise _cannot_read(shown, None, None, f"larger than {MAX_BYTES // (1024 * 1024)} MB: an "
                           "answers or library file is a few KB (is this the right file?)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Notepad's "Unicode"
            raise _cannot_read(shown, None, None, "UTF-16 text: save it as UTF-8") from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise _cannot_read(shown, line, None, f"not UTF-8 text ({exc.reason} at byte "
                           f"{exc.start + 1}); save it as UTF-8") from None
    return parse_text(text, shown, json_syntax=p.suffix.lower() == ".json", max_nodes=max_nodes)


def _plain(node: Any, path: KeyPath, doc: Document, problems: list[Issue],
           budget: list[int], open_nodes: set[int]) -> Any:
    rt = _rt()
    CommentedMap, CommentedSeq, TaggedScalar = (  # noqa: N806 - classes
        rt.CommentedMap, rt.CommentedSeq, rt.TaggedScalar)
    budget[0] -= 1
    if budget[0] < 0:
        return None  # the caller reports the whole file once
    if isinstance(node, _Unreadable):
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        what = f"`{excerpt(node.text)}`" if node.text else "an empty value"
        if "4300" in node.reason:  # Python's int conversion limit
            message = f"{what} has more than 4,300 digits: too long to be a number"
        else:
            expected = _TAG_MEANS.get(shown)
            message = (f"{what} cannot be read as its tag `{shown}` says"
                       + (f": expected {expected}" if expected else ""))
        problems.append(Issue(doc.file, node.line, node.column, path, message))
        return None
    if isinstance(node, (CommentedMap, CommentedSeq)):
        if id(node) in open_nodes:
            # `&a [*a]`: an alias inside the value it names would be an endless value.
            line, col = doc.where(path)
            problems.append(Issue(doc.file, line, col, path, "an alias refers to a value that "
                                  "contains it (`&a [*a]`): the value would never end"))
            return None
        open_nodes = open_nodes | {id(node)}
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
            kp = (*path, k if isinstance(k, (str, int)) else
                  k.text if isinstance(k, _Unreadable) else str(k))
            try:
                kl, kc = node.lc.key(k)
                doc.keys[kp] = (kl + 1, kc + 1)
                vl, vc = node.lc.value(k)
                doc.values[kp] = (vl + 1, vc + 1)
            except (KeyError, TypeError, AttributeError):
                pass
            key = _scalar(k)
            if isinstance(key, _Unreadable):
                _plain(key, kp, doc, problems, budget, open_nodes)
                continue
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                line, col = doc.where(kp, key=True)
                problems.append(Issue(doc.file, line, col, path,
                                      "a key must be a plain value, not a list or mapping"))
                continue
            out[key] = _plain(node[k], kp, doc, problems, budget, open_nodes)
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
            items.append(_plain(item, ip, doc, problems, budget, open_nodes))
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
