"""The kit's JSON files are written by pydantic-core (jsontext.py): the same text as the
standard library's indented JSON, which every earlier kit was written with."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from linkstar_kit.jsontext import pretty

GOLDEN = Path(__file__).resolve().parent / "golden"
FILES = sorted(p for pattern in ("*/selection.json", "*/manifest.json", "*/history.json")
               for p in GOLDEN.glob(pattern))


def _stdlib(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_every_bundled_examples_json_is_written_as_the_standard_library_writes_it(
        path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert pretty(data) == _stdlib(data)


@pytest.mark.parametrize("value", [
    {}, [], {"a": []}, {"a": {}}, {"k": "中文 é \u2028 \"q\" \\ \t"}, {"n": None, "t": True},
    {"i": -(10 ** 18), "f": 0.1, "g": 1.0, "h": -0.0, "big": 1e22, "x": 123456789.125},
    [[1, [2, [3]]], {"z": 1, "a": 2}],
])
def test_values_are_written_as_the_standard_library_writes_them(value: object) -> None:
    assert pretty(value) == _stdlib(value)


def test_a_small_float_reads_back_as_the_same_number() -> None:
    for v in (1e-05, 2.5e-07, 1e-300):
        text = pretty({"v": v})
        assert json.loads(text)["v"] == v
        assert not math.isnan(json.loads(text)["v"])
