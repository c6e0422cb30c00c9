"""Map pydantic validation errors onto positions in the source document.

pydantic reports `loc` paths that mix real keys with union-member tags (`'boost'`, `'str'`,
`'function-after[...]'`); we walk the parsed data alongside the `loc` so that only the real
keys remain, then look up the line and column of that key path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import Issue, KeyPath, did_you_mean, excerpt
from .positioned import Document

T = TypeVar("T")


def _real_path(data: Any, loc: tuple[Any, ...]) -> KeyPath:
    path: list[str | int] = []
    cur = data
    for part in loc:
        in_list = isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur)
        if (isinstance(cur, dict) and part in cur) or in_list:
            path.append(part)
            cur = cur[part]
        elif isinstance(cur, dict) and isinstance(part, str) and not _is_union_tag(part):
            # a missing key: report at the mapping that should hold it
            path.append(part)
            break
    return tuple(path)


def _is_union_tag(part: str) -> bool:
    return (part[:1].isupper() or "[" in part or part in {"str", "int", "float", "bool", "list",
            "dict", "tuple", "date", "none", "include", "exclude", "boost", "set_target", "note"})


def _fields_at(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model that holds the key at `loc` (for did-you-mean on extra keys)."""
    if model is None:
        return []
    cur: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or not isinstance(cur, type) or not issubclass(cur, BaseModel):
            continue
        field = cur.model_fields.get(part)
        if field is None:
            continue
        cur = _inner_model(field.annotation)
    if isinstance(cur, type) and issubclass(cur, BaseModel):
        return [f.alias or name for name, f in cur.model_fields.items()]
    return []


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def describe(err: Mapping[str, Any], fields: list[str]) -> tuple[str, str | None]:
    """A readable message (and hint) for one pydantic error."""
    etype = err["type"]
    loc = err["loc"]
    last = loc[-1] if loc else None
    if etype == "extra_forbidden":
        return f"unknown key `{excerpt(last)}`", did_you_mean(str(last), fields)
    if etype == "missing":
        return f"missing required key `{last}`", None
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if etype not in ("value_error", "assertion_error") and "input" in err:
        shown = err["input"]
        if not isinstance(shown, (dict, list)):
            msg = f"{msg[0].lower()}{msg[1:]}, got {excerpt(repr(shown))}"
    else:
        msg = msg[0].lower() + msg[1:]
    return msg, None


def validate(doc: Document, data: Any, adapter: TypeAdapter[T], base: KeyPath = (),
             model: type[BaseModel] | None = None, context: dict[str, Any] | None = None
             ) -> tuple[T | None, list[Issue]]:
    """Validate `data` (found at `base` in `doc`) and return the object or positioned issues."""
    try:
        return adapter.validate_python(data, context=context), []
    except ValidationError as exc:
        issues: list[Issue] = []
        seen: set[tuple[KeyPath, str]] = set()
        for err in exc.errors():
            rel = _real_path(data, tuple(err["loc"]))
            path = (*base, *rel)
            message, hint = describe(err, _fields_at(model, tuple(err["loc"])))
            if (path, message) in seen:
                continue
            seen.add((path, message))
            issues.append(doc.issue(path, message, hint, key=err["type"] == "extra_forbidden"))
        return None, issues
