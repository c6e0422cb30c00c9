"""The JSON text of the kit's data files (selection.json, history.json, manifest.json,
review.json): indented by two spaces, non-ASCII text kept as it is, one line end at the end.

Written by pydantic-core's serializer (Rust, already installed with pydantic) rather than the
standard library's: with an indent, `json.dumps` falls back to its pure-Python encoder, which
took ~20 ms of each Markdown kit for the largest example's selection.json (215 KB); pydantic-core
writes it in ~1 ms. The text is the same as `json.dumps(data, ensure_ascii=False, indent=2)`
for every bundled example (tests/test_jsontext.py), but for a float under 1e-4, written
`0.00001` here and `1e-05` there: both read back as the same number.
"""

from __future__ import annotations

from typing import Any


def pretty(data: Any) -> str:
    """`data` (dicts, lists, str, int, float, bool, None) as indented JSON text."""
    from pydantic_core import to_json

    return to_json(data, indent=2).decode("utf-8") + "\n"
