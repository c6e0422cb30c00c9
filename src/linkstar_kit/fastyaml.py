"""A fast reader for library files: libyaml (through PyYAML's C loader) with YAML 1.2 scalars.

Reading the library with positions (ruamel's round-trip loader) costs ~1 s; libyaml reads the
same files in ~50 ms. Positions are only needed to report a problem, so the library loader
reads with this first and, if anything at all is off (a syntax error, a tag, a duplicate key,
a value that fails validation), reads again with positions and reports from there.

Scalars resolve as YAML 1.2's core schema (ruamel's), not PyYAML's YAML 1.1: `no`, `on`
and `NO` stay strings, `010` is ten. A test checks that both readers give identical data for
every shipped library file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .positioned import MAX_NODES


class FastPathUnavailable(Exception):
    """The fast reader cannot vouch for this file; read it with positions instead."""


_loader_class: Any = None


def _loader() -> Any:
    global _loader_class
    if _loader_class is not None:
        return _loader_class
    import yaml

    base = getattr(yaml, "CSafeLoader", None)
    if base is None:  # PyYAML built without libyaml: no speed to gain
        raise FastPathUnavailable("libyaml is not available")

    from .positioned import _SAFE_TAGS

    class Loader(base):  # type: ignore[misc, valid-type]
        yaml_implicit_resolvers: dict[str, list[Any]] = {}

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            # The full reader refuses every other tag (`!!binary`, `!!set`, `!!python/...`)
            # with a message; SafeLoader would build some of them.
            if node.tag not in _SAFE_TAGS:
                raise FastPathUnavailable(f"tag {node.tag}")
            return super().construct_object(node, deep=deep)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            keys = [k.value for k, _ in node.value]
            if len(keys) != len(set(keys)):
                raise FastPathUnavailable("duplicate key")
            if any(k.tag == "tag:yaml.org,2002:merge" for k, _ in node.value):
                raise FastPathUnavailable("merge key")  # merged by the full reader's rules
            return super().construct_mapping(node, deep=deep)

    def add(tag: str, pattern: str, first: str) -> None:
        Loader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))

    # The patterns are ruamel's for YAML 1.2 (ruamel/yaml/resolver.py), so that both readers
    # give the same value for every plain scalar; tests/test_fastyaml.py compares them.
    add("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
    add("tag:yaml.org,2002:float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
            |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
            |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
            |[-+]?\.(?:inf|Inf|INF)
            |\.(?:nan|NaN|NAN))$""", "-+0123456789.")
    add("tag:yaml.org,2002:int",
        r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$",
        "-+0123456789")
    # `<<` (a merge key) and `=` (a value key) mean something to the full reader, which
    # refuses or merges them: tagged so, they are refused here (not a safe tag)
    add("tag:yaml.org,2002:merge", r"^(?:<<)$", "<")
    add("tag:yaml.org,2002:value", r"^(?:=)$", "=")
    add("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])  # type: ignore[arg-type]
    add("tag:yaml.org,2002:timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
            |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
             (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
             (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789")

    # YAML 1.2 as ruamel reads it: a leading zero does not make an octal number (PyYAML's 1.1
    # reading would), 0b, 0o and 0x do, and underscores group digits
    def construct_int(ld: Any, node: Any) -> int:
        s = ld.construct_scalar(node).replace("_", "")
        sign = -1 if s[:1] == "-" else 1
        s = s.lstrip("+-")
        base = {"0b": 2, "0o": 8, "0x": 16}.get(s[:2])
        try:
            return sign * (int(s[2:], base) if base else int(s, 10))
        except ValueError:  # `0b_`, `-_`: the full reader reports it
            raise FastPathUnavailable(f"not an integer: {s[:40]}") from None

    def construct_float(ld: Any, node: Any) -> float:
        s = ld.construct_scalar(node).replace("_", "").lower()
        if s.lstrip("+-") == ".inf":
            return -float("inf") if s[:1] == "-" else float("inf")
        if s == ".nan":
            return float("nan")
        try:
            return float(s)
        except ValueError:
            raise FastPathUnavailable(f"not a number: {s[:40]}") from None

    Loader.add_constructor("tag:yaml.org,2002:float", construct_float)
    Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
    _loader_class = Loader
    return Loader


def load_plain(path: Path, max_nodes: int = MAX_NODES) -> Any:
    """Plain data of a YAML file, or FastPathUnavailable when only the full reader will do
    (which then gives the message: a file of more than `max_nodes` values among them)."""
    from .positioned import prescan, read_bounded

    try:
        loader_cls = _loader()
    except ImportError:  # pragma: no cover - PyYAML comes with cookiecutter
        raise FastPathUnavailable("PyYAML is not installed") from None
    try:
        data = read_bounded(path)
        if data is None:
            raise FastPathUnavailable("too large")  # the full reader says so, with the limit
        text = data.decode("utf-8")
        # too deep or too many values (an alias bomb, which libyaml would share, not copy,
        # but validation would walk): the full reader refuses it with a position
        if prescan(text, str(path), max_nodes):
            raise FastPathUnavailable("aliases")
        loader = loader_cls(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except FastPathUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever goes wrong, the full reader reports it
        # (PyYAML's constructors fail on odd input in many ways: `!!bool maybe` is a KeyError)
        raise FastPathUnavailable(f"{type(exc).__name__}: {exc}") from None
