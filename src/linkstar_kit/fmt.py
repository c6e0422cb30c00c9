"""Numbers, targets and dates as a reader of the client's language expects them, and text a
client typed made safe inside Markdown. Shared by the kit's writers and the health check."""

from __future__ import annotations

import re
from typing import Any

from . import catalog
from .engine.models import ResolvedTarget

UNIT_SUFFIX = ("days", "hours", "times", "multiple", "count", "score")  # words in catalog `units.*`


def number(value: float) -> str:
    """Up to two decimals, no trailing zeros, thousands separators."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def value(v: float, unit: str, lang: str, currency: str = "USD") -> str:
    if unit == "ratio":
        return number(round(v * 100, 2)) + "%"
    if unit in ("currency", "money_per_unit"):
        return f"{currency} {number(v)}"
    suffix = catalog.text(lang, f"units.{unit}") if unit in UNIT_SUFFIX else ""
    return number(v) + suffix


OPS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}


def target(t: ResolvedTarget | dict[str, Any], unit: str, lang: str, currency: str = "USD") -> str:
    """`≤ 25%`, `between 30 and 60 days`."""
    d = t.model_dump() if isinstance(t, ResolvedTarget) else t
    if d["op"] == "between":
        lo, hi = d["value"]
        return catalog.text(lang, "units.between", lo=value(lo, unit, lang, currency),
                            hi=value(hi, unit, lang, currency))
    return f"{OPS[d['op']]} {value(d['value'], unit, lang, currency)}"


# --- text a client typed, inside Markdown ------------------------------------------------------

# Only what would change the meaning: backslashes, code, emphasis, links, table pipes, an HTML
# tag's opening `<` (not `<=`), and `_` at a word's edge (CommonMark ignores it inside words, so
# LESS_THAN stays readable in the Markdown file itself).
_MD_SPECIAL = re.compile(r"[\\`*\[\]|]|<(?=[A-Za-z/!?])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|^[#>+-]")


# Line breaks and other control characters: a heading or a table row is one line. The answers
# refuse them in names and titles; a house library's text is not checked for them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(value: object) -> str:
    """Text kept on one line (control characters become spaces), its Markdown left as is."""
    return _CONTROL.sub(" ", str(value))


def md_text(value: object) -> str:
    """Text a client typed, safe inside Markdown: no accidental emphasis, links or HTML."""
    s = _CONTROL.sub(" ", str(value))
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), s)


# Inside a table cell a leading `>`, `#`, `+` or `-` starts no block (a cell holds inline text
# only), so escaping it would print `\>` in every renderer that shows the Markdown as written.
_MD_CELL_SPECIAL = re.compile(r"[\\`*\[\]|]|<(?=[A-Za-z/!?])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: pipes and line breaks cannot end the cell, and
    emphasis, links and HTML are escaped; a leading `>` (a target such as `> 97%`) stays as is."""
    s = _CONTROL.sub(" ", str(value))
    return _MD_CELL_SPECIAL.sub(lambda m: "\\" + m.group(0), s)


def md_anchor(value: object) -> str:
    return re.sub(r"[^\w-]+", "-", str(value).lower()).strip("-")
