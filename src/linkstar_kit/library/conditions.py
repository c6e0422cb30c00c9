"""The rule-condition language: facts, comparisons and their parsing.

A condition is a leaf string `fact op value` (e.g. `platforms contains amazon`,
`team_size >= 20`, `stage in [growth, mature]`) or a tree of `all` / `any` / `not`.
The vocabulary of facts lives here, beside the grammar, so that the library loader can check a
rule's condition (unknown fact, wrong operator, unknown id) at load time, with file and line.
The engine computes the facts (`engine/facts.py`) and evaluates parsed conditions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from ..vocabulary import HORIZONS, SCOPE_LEVELS, STAGES, one_of

FactType = Literal["set", "str", "int", "bool"]

# fact name -> (type, the vocabulary its values come from, a one-line description)
# Vocabulary names: platform, role, kpi, category, fulfillment, stage, scope, horizon, erp, ads,
# finance, bi, language, site, or None for free values.
FACTS: dict[str, tuple[FactType, str | None, str]] = {
    "platforms": ("set", "platform", "platforms the company sells on"),
    "platform_count": ("int", None, "number of platforms"),
    "fulfillment": ("set", "fulfillment", "fulfillment models used on any platform"),
    "sites": ("set", "site", "market codes across platforms (US, DE, SG ...)"),
    "site_count": ("int", None, "number of distinct sites"),
    "stage": ("str", "stage", one_of(STAGES)),
    "scope": ("str", "scope", one_of(SCOPE_LEVELS)),
    "horizon": ("str", "horizon", one_of(HORIZONS)),
    "team_size": ("int", None, "people in scope"),
    "sku_count": ("int", None, "active SKUs (0 when not given)"),
    "categories": ("set", "category", "product categories"),
    "goals": ("set", "kpi", "KPI ids of the company goals"),
    "roles": ("set", "role", "role ids present in the team"),
    "erp": ("str", "erp", "ERP in use (none when absent)"),
    "ads": ("str", "ads", "how ads data is reached"),
    "finance": ("str", "finance", "where the books are kept"),
    "bi": ("str", "bi", "BI tool (none when absent)"),
    "linked_to_pay": ("bool", None, "KPI results feed variable pay"),
    "kpi_weight_percent": ("int", None, "share of variable pay tied to KPIs"),
    # facts of the role entry being selected for
    "role": ("str", "role", "the role being selected for"),
    "role_platforms": ("set", "platform", "platforms this role entry covers"),
    "role_platform_count": ("int", None, "number of platforms this role entry covers"),
    "role_fulfillment": ("set", "fulfillment", "fulfillment models on the role's platforms"),
    "role_sites": ("set", "site", "sites on the role's platforms"),
    "headcount": ("int", None, "people in this role entry"),
}

OPS_FOR: dict[FactType, tuple[str, ...]] = {
    "set": ("contains", "not_contains"),
    "str": ("==", "!=", "in", "not_in"),
    "int": ("==", "!=", ">=", "<=", ">", "<"),
    "bool": ("==", "!="),
}

_LEAF = re.compile(
    r"^\s*(?P<fact>[a-z_]+)\s+(?P<op>contains|not_contains|not_in|in|==|!=|>=|<=|>|<)\s+(?P<value>.+?)\s*$"
)


@dataclass(frozen=True)
class Leaf:
    fact: str
    op: str
    value: Any  # str | int | bool | tuple[str, ...]


@dataclass(frozen=True)
class Tree:
    kind: Literal["all", "any", "not"]
    items: tuple[Node, ...]


Node = Leaf | Tree


class ConditionError(ValueError):
    """A condition that does not parse; `path` is relative to the condition."""

    def __init__(self, message: str, path: tuple[str | int, ...] = (), hint: str | None = None):
        super().__init__(message)
        self.path = path
        self.hint = hint


def _parse_value(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        return tuple(_parse_value(v) for v in raw[1:-1].split(",") if v.strip())
    if raw in ("true", "false"):
        return raw == "true"
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    return raw.strip("'\"")


def parse_leaf(text: str, vocab: Callable[[str], Iterable[str] | None]) -> Leaf:
    """Parse and check one `fact op value` leaf. `vocab(name)` gives the known ids or None."""
    from ..errors import did_you_mean

    m = _LEAF.match(text)
    if not m:
        raise ConditionError(f"cannot read condition {text!r}: expected `fact op value`, "
                             "e.g. `platforms contains amazon` or `team_size >= 20`")
    fact, op, value = m["fact"], m["op"], _parse_value(m["value"])
    if fact not in FACTS:
        raise ConditionError(f"unknown fact `{fact}`", hint=did_you_mean(fact, FACTS)
                             or "known facts: " + ", ".join(sorted(FACTS)))
    ftype, vocab_name, _ = FACTS[fact]
    if op not in OPS_FOR[ftype]:
        raise ConditionError(f"operator `{op}` does not apply to `{fact}` ({ftype}); "
                             f"use one of {', '.join(OPS_FOR[ftype])}")
    if op in ("in", "not_in"):
        if not isinstance(value, tuple):
            raise ConditionError(f"`{op}` takes a list, e.g. `{fact} {op} [a, b]`")
        values: tuple[Any, ...] = value
    else:
        if isinstance(value, tuple):
            raise ConditionError(f"`{op}` takes one value, not a list")
        values = (value,)
    for v in values:
        if ftype == "int" and not isinstance(v, int):
            raise ConditionError(f"`{fact}` is a number; {v!r} is not")
        if ftype == "bool" and not isinstance(v, bool):
            raise ConditionError(f"`{fact}` is true or false; {v!r} is not")
        if ftype in ("set", "str"):
            known = vocab(vocab_name) if vocab_name else None
            if not isinstance(v, str):
                raise ConditionError(f"`{fact}` takes ids; {v!r} is not one")
            if known is not None and v not in set(known):
                raise ConditionError(f"unknown {vocab_name} `{v}` in condition on `{fact}`",
                                     hint=did_you_mean(v, known))
    return Leaf(fact, op, value)


def parse_condition(cond: Any, vocab: Callable[[str], Iterable[str] | None],
                    path: tuple[str | int, ...] = ()) -> Node:
    """Turn a validated `Rule.when` (str or AllOf/AnyOf/NotOf) into a checked tree."""
    if isinstance(cond, str):
        try:
            return parse_leaf(cond, vocab)
        except ConditionError as exc:
            raise ConditionError(str(exc), path, exc.hint) from None
    for kind in ("all", "any"):
        items = getattr(cond, kind, None)
        if items is not None:
            return Tree(kind, tuple(parse_condition(c, vocab, (*path, kind, i))
                                    for i, c in enumerate(items)))
    inner = getattr(cond, "not_", None)
    if inner is not None:
        return Tree("not", (parse_condition(inner, vocab, (*path, "not")),))
    raise ConditionError("expected a condition string or all/any/not", path)


def evaluate(node: Node, facts: dict[str, Any]) -> bool:
    if isinstance(node, Tree):
        if node.kind == "all":
            return all(evaluate(n, facts) for n in node.items)
        if node.kind == "any":
            return any(evaluate(n, facts) for n in node.items)
        return not evaluate(node.items[0], facts)
    actual = facts[node.fact]
    v = node.value
    match node.op:
        case "contains":
            return v in actual
        case "not_contains":
            return v not in actual
        case "in":
            return actual in v
        case "not_in":
            return actual not in v
        case "==":
            return bool(actual == v)
        case "!=":
            return bool(actual != v)
        case ">=":
            return bool(actual >= v)
        case "<=":
            return bool(actual <= v)
        case ">":
            return bool(actual > v)
        case "<":
            return bool(actual < v)
    raise AssertionError(node.op)  # parse_leaf admits no other operator
