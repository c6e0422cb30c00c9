"""CONTRIBUTING.md's recipes work as written: the files they name exist, they need no make, and
the "add a KPI" recipe, followed on a copy of the library, gives a library that loads, meets
tests/test_library.py's content bar and shows in `linkstar library show`."""

from __future__ import annotations

import inspect
import re
import shutil
from pathlib import Path

import pytest

import test_library
from linkstar_kit.cli import main
from linkstar_kit.errors import InputError
from linkstar_kit.library.loader import load_library

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "src" / "linkstar_kit"
# `path/to/file.py`, `folder/`, or a bare `name.py` / `name.yaml` in backticks
PATH_TOKEN = re.compile(r"`([\w.<>/-]+/[\w.<>/-]*|[\w-]+\.(?:py|md|yaml|yml|toml|sh))`")


def _section(title: str) -> str:
    start = TEXT.index(f"## {title}\n")
    end = TEXT.find("\n## ", start + 1)
    return TEXT[start:end if end > 0 else None]


def test_every_file_it_names_exists() -> None:
    missing = []
    for token in sorted(set(PATH_TOKEN.findall(TEXT))):
        if token.startswith(".venv/"):
            continue  # made by scripts/setup.sh
        if "<" in token:  # role_libraries/kpis/<theme>.yaml: the folder must exist
            token = token[:token.index("<")]
        if "/" in token:
            found = (ROOT / token).exists() or (PACKAGE / token).exists()
        else:  # a bare file name, named beside its folder in the sentence
            found = any(ROOT.glob(f"**/{token}"))
        if not found:
            missing.append(token)
    assert not missing, f"CONTRIBUTING.md names files the repository does not have: {missing}"


def test_recipes_need_no_make() -> None:
    assert not re.search(r"`make\b", TEXT), "a recipe runs make: use sh scripts/... or .venv/bin/..."
    for script in re.findall(r"`sh (scripts/[\w.-]+)", TEXT):
        assert (ROOT / script).is_file(), script
    for tool in re.findall(r"`\.venv/bin/(?:python )?([\w./-]+)", TEXT):
        if tool.endswith(".py"):
            assert (ROOT / tool).is_file(), tool


# --- the "add a KPI" recipe, followed --------------------------------------------------------


def _recipe_record() -> tuple[str, str, str]:
    """The record the recipe shows, the file it goes into, and its id."""
    section = _section("Add a KPI")
    m = re.search(r"in\s+`(role_libraries/kpis/[\w-]+\.yaml)`:\s*```yaml\n(.*?)\n\s*```", section,
                  re.S)
    assert m, "the recipe's example record (```yaml after the file it goes into) moved"
    record = "\n".join(line[3:] for line in m.group(2).splitlines())  # the list item's indent
    kid = re.match(r"- id: (\w+)", record)
    assert kid, record[:80]
    return record, m.group(1), kid.group(1)


@pytest.fixture
def library_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "role_libraries"
    shutil.copytree(ROOT / "role_libraries", copy)
    return copy


def _add(copy: Path, rel: str, record: str) -> None:
    f = copy / Path(rel).relative_to("role_libraries")
    f.write_text(f.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + record + "\n",
                 encoding="utf-8")


def test_the_recipe_says_what_it_takes() -> None:
    section = _section("Add a KPI")
    assert "aggregation" in section
    assert "tests/goldenkit.py" in section and "tests/test_review.py" in section
    # the version is bumped together with the golden files, never before them alone
    bump = section.index("Bump `version`")
    assert section.index("goldenkit.py") > bump and "same change" in section[bump:bump + 200]


def test_the_recipe_record_loads_and_meets_the_content_bar(library_copy: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    record, rel, kid = _recipe_record()
    shipped = load_library(base=ROOT / "role_libraries")
    assert kid not in shipped.kpis, f"the recipe's example `{kid}` is a shipped KPI: pick a new id"
    _add(library_copy, rel, record)
    lib = load_library(base=library_copy)
    assert kid in lib.kpis and len(lib.kpis) == len(shipped.kpis) + 1
    assert lib.kpis[kid].aggregation

    # the checks the recipe names: tests/test_library.py's content bar, on the copy
    checks = [f for name, f in inspect.getmembers(test_library, inspect.isfunction)
              if name.startswith("test_") and list(inspect.signature(f).parameters) == ["lib"]]
    assert len(checks) >= 5
    for check in checks:
        check(lib)

    # and `linkstar library show ID` (through --library, the copy over the shipped one)
    assert main(["library", "show", kid, "--library", str(library_copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"id: {kid}\n") and "aggregation: mean" in out


def test_without_aggregation_the_record_is_refused(library_copy: Path) -> None:
    record, rel, kid = _recipe_record()
    without = "\n".join(line for line in record.splitlines()
                        if not line.lstrip().startswith("aggregation:"))
    assert without != record
    _add(library_copy, rel, without)
    with pytest.raises(InputError, match="aggregation"):
        load_library(base=library_copy)
