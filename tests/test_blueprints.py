"""The blueprints render in memory, the way cookiecutter renders them, and say which template
broke when one does (kit/blueprints.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from linkstar_kit.answers.loader import load_answers
from linkstar_kit.errors import BlueprintError
from linkstar_kit.kit.blueprints import Blueprints, shipped_blueprints_dir
from linkstar_kit.kit.generate import build_files
from linkstar_kit.library.loader import Library, load_library

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "shopee-tiktok.yaml"
NAMES = ["kpi-system", "role-card", "agendas", "html"]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def contexts(library: Library) -> dict[str, dict[str, Any]]:
    """The context each blueprint is rendered with for a bundled example (the first call)."""
    seen: dict[str, dict[str, Any]] = {}

    class Recording(Blueprints):
        def render(self, name: str, context: dict[str, Any], expect: Any) -> dict[str, str]:
            seen.setdefault(name, context)
            return super().render(name, context, expect)

    build_files(load_answers(EXAMPLE, library), library, formats=["md", "html"],
                blueprints=Recording())
    assert sorted(seen) == sorted(NAMES)
    return seen


@pytest.mark.parametrize("name", NAMES)
def test_cookiecutter_itself_renders_the_same_text(name: str, contexts: dict[str, dict[str, Any]],
                                                   tmp_path: Path) -> None:
    """A blueprint stays a cookiecutter template: its cookiecutter.json plus linkstar's context,
    given to the real cookiecutter as a replay file, gives the text linkstar renders in memory."""
    from cookiecutter.main import cookiecutter

    repo = shipped_blueprints_dir() / name
    context = contexts[name]
    defaults = json.loads((repo / "cookiecutter.json").read_text(encoding="utf-8"))
    replay = tmp_path / "replay" / f"{name}.json"
    replay.parent.mkdir()
    replay.write_text(json.dumps({"cookiecutter": {**defaults, **context}}, ensure_ascii=False),
                      encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f"replay_dir: {tmp_path / 'replay'}\ncookiecutters_dir: {tmp_path / 'cc'}\n",
                      encoding="utf-8")
    out = Path(cookiecutter(str(repo), replay=str(replay), output_dir=str(tmp_path / "gen"),
                            config_file=str(config), accept_hooks=False))
    theirs = {p.relative_to(out).as_posix(): p.read_bytes().decode("utf-8")
              for p in sorted(out.rglob("*")) if p.is_file()}
    ours = Blueprints().render(name, context, [])
    assert theirs and sorted(theirs) == sorted(ours)
    for path, text in ours.items():
        assert text == theirs[path], path


def test_rendering_documents_does_not_import_cookiecutter() -> None:
    code = ("import sys\n"
            "from linkstar_kit.answers.loader import load_answers\n"
            "from linkstar_kit.kit.generate import build_files\n"
            "from linkstar_kit.library.loader import load_library\n"
            "lib = load_library()\n"
            f"files, _ = build_files(load_answers({str(EXAMPLE)!r}, lib), lib, "
            "formats=['md', 'html'])\n"
            "assert 'kpi-system.html' in files.files\n"
            "assert 'cookiecutter' not in sys.modules, 'cookiecutter imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _user_copy(tmp_path: Path, name: str) -> tuple[Blueprints, Path]:
    user = tmp_path / "bp"
    shutil.copytree(shipped_blueprints_dir() / name, user / name)
    return Blueprints(user), user / name


def test_a_user_copy_overrides_only_its_own_blueprint(tmp_path: Path,
                                                      contexts: dict[str, dict[str, Any]]) -> None:
    bps, repo = _user_copy(tmp_path, "kpi-system")
    doc = repo / "{{cookiecutter.out}}" / "kpi-system.md"
    doc.write_text("# Branded {{ cookiecutter.doc.client.name|md_text }}\n", encoding="utf-8")
    assert bps.render("kpi-system", contexts["kpi-system"], ["kpi-system.md"])[
        "kpi-system.md"].startswith("# Branded ")
    assert bps.find("role-card") == shipped_blueprints_dir() / "role-card"
    shipped = Blueprints().render("role-card", contexts["role-card"], [])
    assert bps.render("role-card", contexts["role-card"], []) == shipped


def test_an_error_in_a_partial_names_the_partial_and_its_line(
        tmp_path: Path, contexts: dict[str, dict[str, Any]]) -> None:
    bps, repo = _user_copy(tmp_path, "agendas")
    partial = repo / "templates" / "agenda.md"
    lines = partial.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("# {{ a.title }}"))
    lines[at] += " {{ a.nope }}"
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BlueprintError) as info:
        bps.render("agendas", contexts["agendas"], [])
    msg = str(info.value)
    assert f"(templates/agenda.md, line {at + 1}) does not render" in msg and "nope" in msg


def test_a_syntax_error_names_the_file_and_line(tmp_path: Path,
                                                contexts: dict[str, dict[str, Any]]) -> None:
    bps, repo = _user_copy(tmp_path, "role-card")
    card = next((repo / "{{cookiecutter.out}}" / "roles").iterdir())
    card.write_text("title\n{% if %}\n", encoding="utf-8")
    with pytest.raises(BlueprintError,
                       match=r"\(\{\{cookiecutter.out\}\}/roles/\{\{cookiecutter.role_key\}\}.md, "
                             r"line 2\) does not render"):
        bps.render("role-card", contexts["role-card"], [])


def test_a_template_error_that_is_not_jinja_is_still_reported(
        tmp_path: Path, contexts: dict[str, dict[str, Any]]) -> None:
    bps, repo = _user_copy(tmp_path, "kpi-system")
    (repo / "{{cookiecutter.out}}" / "kpi-system.md").write_text("x\n\n{{ 1 // 0 }}\n",
                                                                 encoding="utf-8")
    with pytest.raises(BlueprintError, match=r"kpi-system.md, line 3\) does not render: "
                                             r"ZeroDivisionError"):
        bps.render("kpi-system", contexts["kpi-system"], [])


def test_a_missing_partial_and_a_missing_tree_are_named(
        tmp_path: Path, contexts: dict[str, dict[str, Any]]) -> None:
    bps, repo = _user_copy(tmp_path, "html")
    (repo / "templates" / "style.css").unlink()
    with pytest.raises(BlueprintError, match=r"document.html, line \d+\) does not render: "
                                             r"template `style.css` not found"):
        bps.render("html", contexts["html"], [])
    shutil.rmtree(repo / "{{cookiecutter.out}}")
    with pytest.raises(BlueprintError, match=r"has no template folder"):
        Blueprints(tmp_path / "bp").render("html", contexts["html"], [])


def test_a_binary_file_in_the_tree_is_refused(tmp_path: Path,
                                              contexts: dict[str, dict[str, Any]]) -> None:
    bps, repo = _user_copy(tmp_path, "kpi-system")
    (repo / "{{cookiecutter.out}}" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(BlueprintError, match=r"logo.png is not UTF-8 text"):
        bps.render("kpi-system", contexts["kpi-system"], [])


def test_a_file_name_cannot_leave_the_kit(tmp_path: Path,
                                          contexts: dict[str, dict[str, Any]]) -> None:
    bps, repo = _user_copy(tmp_path, "kpi-system")
    # "\x2f" is a "/" once rendered: a file name cannot hold one literally
    (repo / "{{cookiecutter.out}}" / '{{ "..\\x2fescape" }}.md').write_text("x\n", encoding="utf-8")
    with pytest.raises(BlueprintError, match=r"is written outside the kit"):
        bps.render("kpi-system", contexts["kpi-system"], [])
