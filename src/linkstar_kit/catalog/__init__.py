"""The text catalog: every user-facing sentence and label, in one data file per language.

`catalog/en.yaml` and `catalog/zh.yaml` hold the same tree of keys (a test checks that both
languages have the same keys, the same list lengths and the same `{placeholders}`). Code asks
for a text by its dotted key and never writes prose itself:

    from linkstar_kit import catalog
    catalog.text("zh", "agenda.weekly.title")                   # the weekly review's title in Chinese
    catalog.text("en", "agenda.when.weekly", weekday="Monday", time="09:30", tz="UTC")
    catalog.section("en", "labels")                             # a dict (templates read it)

The files are read on the first lookup only (PyYAML's C loader when available, ~ms), so
importing this module costs nothing on `linkstar --help`. Library records (KPIs, roles,
platforms) keep their own bilingual fields: this catalog holds the tool's words, not the
library's.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

LANGS = ("en", "zh")
_DIR = Path(__file__).parent


class CatalogKeyError(KeyError):
    """A key that no catalog holds: a programming error, reported with the nearest keys."""


@cache
def _tree(lang: str) -> dict[str, Any]:
    if lang not in LANGS:
        raise ValueError(f"no text catalog for language {lang!r} (expected one of {LANGS})")
    from .. import diskcache

    path = _DIR / f"{lang}.yaml"
    # parsed once per edit of the file, not once per command (diskcache: issue 21)
    data = diskcache.cached("catalog", [path], lambda: _read(path))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top")
    return data


def _read(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader


def lookup(lang: str, key: str) -> Any:
    """The raw value under a dotted key: a string, a list or a mapping."""
    node: Any = _tree(lang)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            near = sorted(node) if isinstance(node, dict) else []
            raise CatalogKeyError(f"text catalog {lang}: no key {key!r}"
                                  + (f" (at {part!r} the keys are: {', '.join(near[:12])})"
                                     if near else ""))
        node = node[part]
    return node


def text(lang: str, key: str, /, **fields: Any) -> str:
    """The sentence under `key` in `lang`, its `{placeholders}` filled from `fields`."""
    value = lookup(lang, key)
    if not isinstance(value, str):
        raise CatalogKeyError(f"text catalog {lang}: {key!r} is not a sentence")
    # always formatted, so `{{` reads `{` whether or not the sentence has fields
    return value.format_map(fields)


def section(lang: str, key: str) -> dict[str, Any]:
    """A whole mapping (for templates, which read `l.kpi`, `l.weekdays.monday`, ...)."""
    value = lookup(lang, key)
    if not isinstance(value, dict):
        raise CatalogKeyError(f"text catalog {lang}: {key!r} is not a mapping")
    return copy.deepcopy(value)  # the cached tree is shared: a caller may not change it


def items(lang: str, key: str) -> list[Any]:
    """A list under `key` (e.g. the pitfalls checklist)."""
    value = lookup(lang, key)
    if not isinstance(value, list):
        raise CatalogKeyError(f"text catalog {lang}: {key!r} is not a list")
    return list(value)


class Catalog:
    """`text`/`section`/`items` bound to one language, for code that speaks one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, /, **fields: Any) -> str:
        return text(self.lang, key, **fields)

    def section(self, key: str) -> dict[str, Any]:
        return section(self.lang, key)

    def items(self, key: str) -> list[Any]:
        return items(self.lang, key)
