"""Read an answers file (YAML or JSON), validate it, and report every problem at once.

Three passes, all of whose problems are reported together, sorted by line:

1. a scan of the raw data for what pydantic would coerce silently (`true` for a number, a
   number or a date-and-time for a date) - those values are then kept out of pass 2;
2. the pydantic models (`answers/models.py`), with their errors reworded for a person and
   positioned at file:line:column;
3. the checks against the library (`answers/checks.py`), on the whole file when it is valid,
   else on the parts that are, so an unknown platform is reported next to a bad date.

The result is the normalised `Answers` (every default filled in, see `answers/dump.py`).
"""

from __future__ import annotations

import datetime as dt
import re
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..digits import ascii_hint
from ..errors import EXCERPT, InputError, Issue, KeyPath, did_you_mean, display_path, excerpt, format_path
from ..library.loader import Library, load_library
from ..positioned import Document, load_document, parse_text
from ..validation import _fields_at, _real_path, describe
from .checks import AnswerParts, check_answers, check_parts
from .dump import normalise_answers
from .models import Answers, Client, Goal, PlatformEntry, Review, RoleEntry, Scope, slugify

TITLE = "invalid answers"
FORMAT_VERSION = 1
# Values (keys, scalars, lists, mappings) an answers file may hold: a 30-role file has ~600.
MAX_NODES = 20_000

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LOOSE_DATE = re.compile(r"^\s*(\d{4})\D(\d{1,2})\D(\d{1,2})\s*$")

# Plain-language readings of the models' string patterns.
_PATTERNS: dict[str, str] = {
    r"^[a-z0-9-]{1,64}$": "must be 1 to 64 characters of a-z, 0-9 and `-` (it names files)",
    r"^[A-Z]{2}$": "must be a two-letter ISO 3166-1 market code in capitals, such as `US`",
    r"^[A-Z]{3}$": "must be a three-letter ISO 4217 currency code in capitals, such as `USD`",
    r"^([01]\d|2[0-3]):[0-5]\d$": "must be a 24-hour time as HH:MM, such as \"10:00\"",
}
# Models whose one essential key a bare string most likely meant.
_MAIN_KEY = {"PlatformEntry": "id", "RoleEntry": "role", "Client": "name"}


class _Invalid:
    """Stands in for a value already reported by the scan, so pydantic refuses it quietly."""

    def __repr__(self) -> str:
        return "<invalid>"


# --- public ---------------------------------------------------------------------------------


def load_answers(path: Path | str, library: Library | None = None) -> Answers:
    """Read and validate an answers file; raise InputError listing every problem."""
    # Valid answers need no positions: read them fast (libyaml), and only when anything is off
    # read them again with positions, so every problem is reported at its line and column.
    # The position-keeping reader cost ~60 ms of each command that reads a kit's answers.
    lib = library if library is not None else load_library()
    fast = _read_fast(Path(path))
    if fast is not None:
        answers, issues = answers_issues(fast, lib)
        if answers is not None and not issues:
            return normalise_answers(answers)
    try:
        doc = load_document(path, max_nodes=MAX_NODES)
    except InputError as exc:
        raise InputError(exc.issues, title=TITLE) from None
    return _finish(doc, lib)


def _read_fast(path: Path) -> Document | None:
    """The file's data without positions (fastyaml), or None when only the full reader will
    do: JSON (whose syntax that reader checks), or anything libyaml and YAML 1.2 might read
    differently (a tag, an alias, a duplicate key, a syntax error, a surrogate escape)."""
    if path.suffix.lower() == ".json":
        return None
    from ..fastyaml import FastPathUnavailable, load_plain

    try:
        data = load_plain(path, max_nodes=MAX_NODES)
    except FastPathUnavailable:
        return None
    return Document(file=display_path(path), data=data)


def parse_answers(text: str, file: str = "answers.yaml", library: Library | None = None,
                  json_syntax: bool = False) -> Answers:
    """Validate answers given as text (`file` is the name shown in messages)."""
    try:
        doc = parse_text(text, file, json_syntax=json_syntax, max_nodes=MAX_NODES)
    except InputError as exc:
        raise InputError(exc.issues, title=TITLE) from None
    return _finish(doc, library)


def answers_issues(doc: Document, library: Library) -> tuple[Answers | None, list[Issue]]:
    """The answers in a parsed document (None when invalid) and every problem, sorted."""
    answers, issues = _validate(doc, library)
    return answers, _sorted(issues)


# --- passes ---------------------------------------------------------------------------------


def _finish(doc: Document, library: Library | None) -> Answers:
    answers, issues = answers_issues(doc, library if library is not None else load_library())
    if issues or answers is None:
        raise InputError(issues, title=TITLE)
    return normalise_answers(answers)


def _validate(doc: Document, library: Library) -> tuple[Answers | None, list[Issue]]:
    data = doc.data
    if data is None:
        return None, [Issue(doc.file, 1, 1, (), "the file is empty: expected the answers as a "
                            "mapping (version, client, scope, stage, ...)")]
    if not isinstance(data, dict):
        line, col = doc.where(())
        return None, [Issue(doc.file, line or 1, col or 1, (), "expected the answers as a "
                            f"mapping (version, client, scope, stage, ...), got {_kind(data)}")]

    issues: list[Issue] = []
    quiet: set[KeyPath] = set()  # paths whose pydantic errors are replaced by our own
    data = dict(data)

    # The version first: another version's rules are not ours to check.
    if "version" not in data:
        issues.append(doc.issue(("version",), "missing required key `version`",
                                f"add `version: {FORMAT_VERSION}` at the top of the file"))
        quiet.add(("version",))
    else:
        v = data["version"]
        if isinstance(v, bool) or (isinstance(v, str) and v.strip() == str(FORMAT_VERSION)):
            issues.append(doc.issue(("version",), f"expected the number {FORMAT_VERSION}, got "
                                    f"{_kind(v)}", f"write `version: {FORMAT_VERSION}`"))
            data["version"] = _Invalid()
            quiet.add(("version",))
        elif not (isinstance(v, (int, float)) and v == FORMAT_VERSION):
            return None, [doc.issue(("version",), f"unsupported answers format version "
                                    f"{_shown(v)}: this linkstar-kit reads version "
                                    f"{FORMAT_VERSION}")]

    # Pass 1: values pydantic would coerce silently.
    for name, f in Answers.model_fields.items():
        if name != "version" and name in data:
            data[name] = _scan(data[name], f.annotation, (name,), doc, issues, quiet)

    # Pass 2: the models.
    answers: Answers | None = None
    try:
        answers = Answers.model_validate(data)
    except ValidationError as exc:
        issues.extend(_model_issues(doc, data, exc, quiet))

    # Pass 3: the library and whole-file checks.
    if answers is not None and not issues:
        issues.extend(check_answers(answers, library, doc))
    else:
        issues.extend(check_parts(_salvage(data), library, doc))
    return (answers if not issues else None), issues


def _scan(value: Any, ann: Any, path: KeyPath, doc: Document, issues: list[Issue],
          quiet: set[KeyPath]) -> Any:
    """Report values the models would coerce silently; return the value to validate."""
    members = [_unwrap(m) for m in _members(ann)]
    if isinstance(value, dict):
        for m in members:
            if isinstance(m, type) and issubclass(m, BaseModel):
                out = dict(value)
                for name, f in m.model_fields.items():
                    if name in out:
                        out[name] = _scan(out[name], f.annotation, (*path, name), doc, issues,
                                          quiet)
                return out
        return value
    if isinstance(value, list):
        for m in members:
            if get_origin(m) is list:
                (item,) = get_args(m) or (Any,)
                return [_scan(v, item, (*path, i), doc, issues, quiet)
                        for i, v in enumerate(value)]
        return value
    if dt.date in members and value is not None:
        problem = _date_problem(value)
        if problem is not None:
            issues.append(doc.issue(path, *problem))
            quiet.add(path)
            return _Invalid()
        return value
    if isinstance(value, bool) and not any(_takes_bool(m) for m in members) and any(
            m in (int, float) for m in members):
        issues.append(doc.issue(path, f"expected a number, got {_kind(value)}"))
        quiet.add(path)
        return _Invalid()
    return value


def _date_problem(value: Any) -> tuple[str, str | None] | None:
    if isinstance(value, dt.datetime):
        return ("expected a date as YYYY-MM-DD, got a date and time",
                f"did you mean `{value.date().isoformat()}`?")
    if isinstance(value, dt.date):
        return None
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        return None  # the model checks that it is a calendar date
    hint = None
    text = str(value)
    m = _LOOSE_DATE.match(text) or (re.match(r"^(\d{4})(\d{2})(\d{2})$", text)
                                    if isinstance(value, int) and not isinstance(value, bool)
                                    else None)
    if m:
        try:
            hint = f"did you mean `{dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()}`?"
        except ValueError:
            hint = None
    elif isinstance(value, str) and value[:10] != value and _ISO_DATE.match(value[:10]):
        hint = f"did you mean `{value[:10]}`?"
    return f"expected a date as YYYY-MM-DD, got {_kind(value)}", hint


def _model_issues(doc: Document, data: dict[str, Any], exc: ValidationError,
                  quiet: set[KeyPath]) -> list[Issue]:
    issues: list[Issue] = []
    seen: set[tuple[KeyPath, str]] = set()
    quarterly_done = False
    for err in exc.errors():
        loc = tuple(err["loc"])
        if err["type"] == "invalid_key":
            # A key that is not text (`1:`, `null:`, `[a, b]:`): pydantic names it by its
            # string form, as the document's key positions do.
            parent = _real_path(data, loc[:-1])
            line, col = doc.where((*parent, loc[-1]), key=True)
            shown = "null" if err.get("input") is None else excerpt(err.get("input"))
            issues.append(Issue(doc.file, line, col, (*parent, shown), f"unknown key `{shown}`"))
            continue
        path = _real_path(data, loc)
        if path in quiet:
            continue
        if path == ("review", "quarterly"):
            value = data["review"]["quarterly"]
            if isinstance(value, dict):
                if any(isinstance(p, str) and p.startswith("literal[") for p in loc):
                    continue  # the `false` branch says nothing useful about a mapping
            else:
                if quarterly_done:
                    continue
                quarterly_done = True
                hint = ("write `false`: YAML reads `no` and `off` as text"
                        if isinstance(value, str) and value.lower() in ("no", "off", "n")
                        else None)
                issues.append(doc.issue(path, "expected a mapping (day, time, minutes), or "
                                        f"`false` to opt out of the quarterly review, got "
                                        f"{_kind(value)}", hint))
                continue
        message, hint = _describe(err, _fields_at(Answers, loc))
        if (path, message) in seen:
            continue
        seen.add((path, message))
        issues.append(doc.issue(path, message, hint, key=err["type"] == "extra_forbidden"))
    return issues


def _describe(err: Any, fields: list[str]) -> tuple[str, str | None]:
    """A person's reading of one pydantic error of the answers models."""
    etype = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if etype == "extra_forbidden":
        last = err["loc"][-1]
        return f"unknown key `{excerpt(last)}`", did_you_mean(str(last), fields)
    if etype == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        if allowed:
            return (f"expected one of {', '.join(allowed)}; got {_kind(value)}",
                    did_you_mean(str(value), allowed) if isinstance(value, str) else None)
    if etype == "string_pattern_mismatch" and ctx.get("pattern") in _PATTERNS:
        return f"{_PATTERNS[ctx['pattern']]}; got {_kind(value)}", _pattern_hint(
            ctx["pattern"], value)
    if etype in ("model_type", "dict_type"):
        hint = None
        key = _MAIN_KEY.get(str(ctx.get("class_name")))
        if key and isinstance(value, str):
            hint = f"write `{{{key}: {excerpt(value)}}}`"
        return f"expected a mapping, got {_kind(value)}", hint
    if etype == "list_type":
        hint = f"write `[{excerpt(value)}]`" if isinstance(value, (str, int, float)) else None
        return f"expected a list, got {_kind(value)}", hint
    if etype == "too_short" and isinstance(value, list):
        return "needs at least one entry", None
    if etype == "too_long" and isinstance(value, list):
        return f"at most {ctx.get('max_length')} entries, got {len(value):,}", None
    if etype == "string_too_short":
        return "must not be empty", None
    if etype == "string_too_long":
        return (f"at most {ctx.get('max_length')} characters, got {_kind(value)}", None)
    if etype in ("string_type",):
        return f"expected text, got {_kind(value)}", None
    if etype in ("int_type", "int_parsing", "float_type", "float_parsing"):
        whole = etype.startswith("int")
        hint = ascii_hint(value) if isinstance(value, str) else None
        if hint is None and isinstance(value, str) and value.strip().endswith("%"):
            num = value.strip().rstrip("%").strip()
            try:
                hint = f"rates are fractions: did you mean {_fmt(float(num) / 100)}?"
            except ValueError:
                hint = None
        return f"expected {'a whole number' if whole else 'a number'}, got {_kind(value)}", hint
    if etype in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        reason = ctx.get("error")
        return (f"not a valid date{f': {reason}' if reason else ''}; got {_kind(value)}",
                ascii_hint(value) if isinstance(value, str) else None)
    if etype == "int_from_float":
        return f"expected a whole number, got {_kind(value)}", None
    if etype == "bool_type" or etype == "bool_parsing":
        return f"expected true or false, got {_kind(value)}", None
    if etype == "value_error":
        message, _ = describe(err, fields)
        if "; did you mean" in message:
            message, rest = message.split("; did you mean", 1)
            return message, "did you mean" + rest
        return message, None
    return describe(err, fields)


def _pattern_hint(pattern: str, value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if pattern == r"^[a-z0-9-]{1,64}$":
        fixed = slugify(value)
        return f"did you mean `{fixed}`?" if fixed != "client" or value.lower() == "client" \
            else None
    if pattern in (r"^[A-Z]{2}$", r"^[A-Z]{3}$") and re.fullmatch(pattern, value.strip().upper()):
        return f"did you mean `{value.strip().upper()}`?"
    if pattern == r"^([01]\d|2[0-3]):[0-5]\d$":
        from ..digits import ascii_spelling

        # `１０:００` is said as "10:00", not "10:００": every digit in ASCII (digits.py)
        m = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", ascii_spelling(value), re.ASCII)
        if m and int(m[1]) < 24 and int(m[2]) < 60:
            return f"did you mean \"{int(m[1]):02d}:{m[2]}\"?"
    return None


def _salvage(data: dict[str, Any]) -> AnswerParts:
    """The parts of an invalid file that validate on their own, for the library checks.

    An invalid record is kept with its valid fields (the others set to None), so that, say,
    a goal with a bad date still has its target checked against its KPI's unit.
    """
    parts = AnswerParts()
    raw_scope = data.get("scope")
    scope, _ = _partial(Scope, raw_scope)
    if (scope is not None and scope.name is None and isinstance(raw_scope, dict)
            and raw_scope.get("name") is not None):
        # a name that is there but invalid is reported as such, not as missing
        scope = scope.model_copy(update={"name": "-"})
    parts.scope = scope
    if "categories" not in data:
        parts.categories = []
    else:
        parts.categories = _try(Answers.model_fields["categories"].annotation,
                                data["categories"])

    def items(name: str, model: type[BaseModel]) -> tuple[list[tuple[int, Any]], bool]:
        raw = data.get(name)
        if not isinstance(raw, list):
            return [], False
        good: list[tuple[int, Any]] = []
        complete = bool(raw)
        for i, item in enumerate(raw):
            obj, whole = _partial(model, item)
            complete = complete and whole
            if obj is not None:
                good.append((i, obj))
        return good, complete

    parts.platforms, _ = items("platforms", PlatformEntry)
    # The file's platform ids are known when every entry has a valid id.
    raw_platforms = data.get("platforms")
    parts.platforms_complete = (isinstance(raw_platforms, list) and bool(raw_platforms)
                                and len(parts.platforms) == len(raw_platforms)
                                and all(p.id is not None for _, p in parts.platforms))
    parts.goals, _ = items("goals", Goal)
    parts.roles, parts.roles_complete = items("roles", RoleEntry)
    client, _ = _partial(Client, data.get("client"))
    parts.timezone = getattr(client, "timezone", None)
    parts.review, _ = _partial(Review, data.get("review"))
    return parts


def _partial(model: type[BaseModel], item: Any) -> tuple[Any, bool]:
    """(record, fully valid): the record with only its valid fields when it is not valid."""
    if not isinstance(item, dict):
        return None, False
    try:
        return model.model_validate(item), True
    except ValidationError:
        pass
    values: dict[str, Any] = {}
    for name, f in model.model_fields.items():
        if name in item:
            args = (f.annotation, *f.metadata)
            tp = Annotated[args] if f.metadata else f.annotation  # type: ignore[valid-type]
            values[name] = _try(tp, item[name])
            if values[name] is None and not f.is_required():
                values[name] = f.get_default(call_default_factory=True)
        elif f.is_required():
            values[name] = None
    return model.model_construct(**values), False


def _try(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    try:
        return TypeAdapter(tp).validate_python(value)
    except ValidationError:
        return None


# --- small helpers --------------------------------------------------------------------------


def _members(ann: Any) -> list[Any]:
    ann = _unwrap(ann)
    if get_origin(ann) in (Union, types.UnionType):
        return list(get_args(ann))
    return [ann]


def _unwrap(ann: Any) -> Any:
    while get_origin(ann) is Annotated:
        ann = get_args(ann)[0]
    return ann


def _takes_bool(m: Any) -> bool:
    if m is bool:
        return True
    return get_origin(m) is Literal and any(isinstance(a, bool) for a in get_args(m))


def _kind(value: Any) -> str:
    """How a value is shown in a message: its YAML spelling and what it is."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _fmt(value)
    if isinstance(value, str):
        if len(value) > EXCERPT:
            return f"'{excerpt(value)}' ({len(value):,} characters)"
        return f"'{excerpt(value)}'" if value else "an empty text"
    if isinstance(value, dt.datetime):
        return f"a date and time ({value.isoformat(sep=' ')})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, list):
        return f"a list of {len(value):,}" if len(value) > 10 else "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _shown(value: Any) -> str:
    return _kind(value) if not isinstance(value, (int, float)) or isinstance(value, bool) \
        else _fmt(value)


def _fmt(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value) if isinstance(value, int) else repr(round(float(value), 10))


def _sorted(issues: list[Issue]) -> list[Issue]:
    unique: dict[tuple[str, KeyPath, str], Issue] = {}
    for i in issues:
        unique.setdefault((i.file, i.path, i.message), i)
    inf = float("inf")
    return sorted(unique.values(), key=lambda i: (
        i.line if i.line is not None else inf, i.column if i.column is not None else inf,
        format_path(i.path)))
