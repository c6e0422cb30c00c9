"""A KPI's formula as something a computer can run: an expression over base measures.

The library's `formula` is prose for people; `compute` is the same formula over the base
measures the report readers produce per day, platform and site (`linkstar_kit.exports`):
`units / sessions`, `ad_spend / ad_sales`, `(sales - ad_sales) / sales`. It is evaluated over
the sums of a period's days, so a ratio is always a ratio of sums, never a mean of daily ratios
(Amazon's unit session percentage over a month is the month's units over the month's sessions).

Only names of base measures, numbers, `+ - * /` and parentheses are allowed: an expression is
parsed once (at library load) into a small tree and never handed to `eval`.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass

# The base measures a report can feed, summed over days (the vocabulary of mapping files).
MEASURES: dict[str, str] = {
    "sessions": "visits to the listing or store",
    "page_views": "page views",
    "units": "units ordered",
    "orders": "orders placed (cancelled orders excluded where the report says so)",
    "cancelled_orders": "orders cancelled",
    "sales": "ordered product sales (GMV: before refunds, fees and tax)",
    "net_sales": "sales after discounts and returns",
    "discounts": "discounts given",
    "refunds": "value of goods returned or refunded",
    "returned_units": "units returned or refunded",
    "ad_spend": "advertising spend",
    "ad_sales": "sales attributed to advertising",
    "ad_orders": "orders attributed to advertising",
    "ad_units": "units attributed to advertising",
    "clicks": "ad clicks",
    "impressions": "ad impressions",
    "buy_box_page_views": "page views while holding the Featured Offer (Buy Box)",
}

_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


@dataclass(frozen=True)
class Expr:
    """A parsed compute expression."""

    text: str
    tree: ast.expr

    @property
    def measures(self) -> frozenset[str]:
        return frozenset(n.id for n in ast.walk(self.tree) if isinstance(n, ast.Name))

    def evaluate(self, sums: Mapping[str, float]) -> float | None:
        """The value over `sums`; None when a measure is missing or a divisor is zero (no
        sessions, no ad sales: the KPI has no value for the period, not an infinite one)."""
        return _eval(self.tree, sums)


def parse(text: str) -> Expr:
    """Parse `text`; ValueError says what is wrong (an unknown measure names the nearest)."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        raise ValueError(f"`{text}` is not an expression of measures, numbers, + - * / "
                         "and parentheses") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if node.id not in MEASURES:
                from difflib import get_close_matches

                near = get_close_matches(node.id, MEASURES, n=1)
                hint = f" (did you mean `{near[0]}`?)" if near else ""
                raise ValueError(f"unknown base measure `{node.id}`{hint}; known: "
                                 + ", ".join(MEASURES))
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _OPS:
                raise ValueError(f"`{text}`: only + - * / are allowed")
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, ast.USub):
                raise ValueError(f"`{text}`: only + - * / are allowed")
        elif isinstance(node, ast.Constant):
            if not isinstance(node.value, (int, float)) or isinstance(node.value, bool):
                raise ValueError(f"`{text}`: only numbers and measure names are allowed")
        elif not isinstance(node, (ast.operator, ast.unaryop, ast.Load)):
            raise ValueError(f"`{text}`: only measures, numbers, + - * / and parentheses")
    return Expr(text.strip(), tree)


def _eval(node: ast.expr, sums: Mapping[str, float]) -> float | None:
    if isinstance(node, ast.Name):
        return sums.get(node.id)
    if isinstance(node, ast.Constant):
        return float(node.value)  # type: ignore[arg-type]  # parse() allows numbers only
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, sums)
        return None if v is None else -v
    assert isinstance(node, ast.BinOp)
    a, b = _eval(node.left, sums), _eval(node.right, sums)
    if a is None or b is None:
        return None
    if isinstance(node.op, ast.Add):
        return a + b
    if isinstance(node.op, ast.Sub):
        return a - b
    if isinstance(node.op, ast.Mult):
        return a * b
    return None if b == 0 else a / b
