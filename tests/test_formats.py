"""The format table (kit/formats.py) is the one list of output formats: the generator, the
CLI's help and the docs (docs/kit.md) read it, and every writer it names imports and has the protocol."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from linkstar_kit.cli import build_parser
from linkstar_kit.errors import UsageError
from linkstar_kit.kit.formats import FORMAT_NAMES, FORMATS, format_help
from linkstar_kit.kit.generate import parse_formats

KIT_DOC = Path(__file__).resolve().parents[1] / "docs" / "kit.md"


def test_every_registered_writer_imports_and_takes_ctx_and_out() -> None:
    for f in FORMATS:
        writer = f.writer()  # an import error surfaces here instead of dropping the format
        assert callable(writer), f.name
        assert list(inspect.signature(writer).parameters) == ["ctx", "out"], f.name


def test_the_cli_help_is_the_table() -> None:
    gen = build_parser()._subparsers._group_actions[0].choices["generate"]  # type: ignore[union-attr]
    (action,) = [a for a in gen._actions if "--format" in a.option_strings]
    assert action.help == format_help()
    assert all(name in action.help for name in FORMAT_NAMES)


def test_the_docs_list_the_table() -> None:
    m = re.search(r"`--format` takes a comma list of `([^`]+)`", KIT_DOC.read_text("utf-8"))
    assert m, "docs/kit.md's `--format` sentence moved; keep it listing the formats"
    assert tuple(s.strip() for s in m.group(1).split(",")) == FORMAT_NAMES


def test_parse_formats() -> None:
    assert parse_formats(None) == list(FORMAT_NAMES)
    assert parse_formats("html, md") == ["md", "html"]  # rendered in the table's order
    with pytest.raises(UsageError, match="unknown format `htm`.*did you mean `html`"):
        parse_formats("htm")


def test_a_writer_that_fails_to_import_fails_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """It used to be skipped silently (a swallowed ModuleNotFoundError)."""
    from linkstar_kit.kit import generate
    from linkstar_kit.kit.formats import Format

    broken = Format("md", "no_such_writer", "write_markdown", "")
    monkeypatch.setitem(generate.BY_NAME, "md", broken)
    with pytest.raises(ModuleNotFoundError, match="no_such_writer"):
        broken.writer()
