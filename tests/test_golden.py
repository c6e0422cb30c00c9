"""Every text output of the bundled examples, byte for byte against tests/golden/.

When an output changes on purpose, run `make golden` and review `git diff tests/golden`
(see tests/goldenkit.py). Two runs matching each other is not enough: these pin what the
kit says.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from goldenkit import BINARY, EXAMPLES, FORMATS, SKIP, golden_name, stored
from kitcache import FORMATS as SHARED_FORMATS
from kitcache import example_files


def _first_difference(name: str, path: str, want: bytes, got: bytes) -> str:
    diff = difflib.unified_diff(want.decode("utf-8", "replace").splitlines(),
                                got.decode("utf-8", "replace").splitlines(),
                                f"golden/{name}/{path}", f"now/{path}", n=1, lineterm="")
    return "\n".join(list(diff)[:30])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_outputs_match_the_golden_files(example: Path) -> None:
    name = golden_name(example)
    want = stored(name)
    assert want, f"no golden files for {name}: run `make golden`"
    # goldenkit.render(example), from the kit the language tests read too (kitcache.py)
    assert FORMATS == SHARED_FORMATS
    got = {p: data for p, data in example_files(example).items()
           if not p.endswith(BINARY) and p not in SKIP}
    assert sorted(got) == sorted(want), (
        f"files differ: new {sorted(set(got) - set(want))}, gone {sorted(set(want) - set(got))}"
        " (run `make golden` if intended)")
    for path in sorted(want):
        assert got[path] == want[path], (
            f"{path} changed (run `make golden` if intended):\n"
            + _first_difference(name, path, want[path], got[path]))
