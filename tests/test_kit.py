"""Generating a kit: layout, determinism, and the no-loss rules of regenerating."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from linkstar_kit.cli import main

ANSWERS = """\
version: 1
client:
  name: "星链贸易 Acme Trading"
  language: zh
  timezone: Asia/Shanghai
scope:
  level: business_unit
  name: "Amazon US BU"
  start: 2026-01-05
  horizon: quarter
stage: growth
team_size: 12
platforms:
  - id: amazon
    sites: [US]
    fulfillment: [fba, fbm]
  - id: shopee
    sites: [SG, MY]
goals:
  - kpi: net_margin
    target: 0.15
    by: 2026-09-30
  - kpi: gmv
    target: 2000000
    by: 2026-09-30
roles:
  - role: operations
    key: ops-amazon
    platforms: [amazon]
    pin: [acos]
  - role: operations
    key: ops-shopee
    platforms: [shopee]
  - role: purchasing
  - role: customer_service
  - role: finance
systems:
  erp: lingxing
"""


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    f = tmp_path / "answers.yaml"
    f.write_text(ANSWERS, encoding="utf-8")
    return f


def generate(answers: Path, out: Path, *extra: str) -> int:
    return main(["generate", str(answers), "-o", str(out), "--format", "md", *extra])


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_kit_layout_and_manifest(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    assert generate(answers_file, out) == 0
    files = tree(out)
    for f in ("answers.yaml", "selection.json", "manifest.json", "kpi-system.md",
              "roles/ops-amazon.md", "roles/ops-shopee.md", "roles/purchasing.md",
              "roles/customer-service.md", "roles/finance.md"):
        assert f in files, f
    manifest = json.loads((out / "manifest.json").read_text())
    listed = {e["path"]: e for e in manifest["files"]}
    assert set(listed) == set(files) - {"manifest.json"}
    for path, entry in listed.items():
        data = (out / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)
    assert manifest["library"] and manifest["generator"]["name"] == "linkstar-kit"


def test_selection_json_contract(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    sel = json.loads((out / "selection.json").read_text())
    assert sel["schema"] == "linkstar/selection@1"
    assert sel["client"] == {"name": "星链贸易 Acme Trading", "slug": "acme-trading",
                             "language": "zh"}
    ops = next(r for r in sel["roles"] if r["key"] == "ops-amazon")
    assert ops["kpis"][0]["kpi"] == "acos"  # pinned, first
    for role in sel["roles"]:
        assert 3 <= len(role["kpis"]) <= 5
        for k in role["kpis"]:
            assert set(k) >= {"kpi", "name", "unit", "direction", "frequency", "targets",
                              "data_source", "actions", "score", "reasons"}
            for t in k["targets"]:
                assert t["op"] in ("<", "<=", ">", ">=", "between") and t["source"]
    shopee_ops = next(r for r in sel["roles"] if r["key"] == "ops-shopee")
    assert not {"order_defect_rate", "buy_box_percentage", "ipi_score"} & {
        k["kpi"] for k in shopee_ops["kpis"]}
    for g in sel["goals"]:
        assert g["drivers"], g["kpi"]


def test_same_answers_same_bytes(answers_file: Path, tmp_path: Path) -> None:
    generate(answers_file, tmp_path / "a")
    generate(answers_file, tmp_path / "b")
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_regenerating_unchanged_kit_is_allowed(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    assert generate(answers_file, out) == 0
    before = tree(out)
    assert generate(answers_file, out) == 0
    assert tree(out) == before


def test_edited_file_is_not_overwritten(answers_file: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    card = out / "roles" / "finance.md"
    card.write_text("my own notes\n", encoding="utf-8")
    before = tree(out)
    capsys.readouterr()
    assert generate(answers_file, out) == 1
    err = capsys.readouterr().err
    assert "roles/finance.md" in err and "--force" in err and "Traceback" not in err
    assert tree(out) == before
    assert generate(answers_file, out, "--force") == 0
    assert card.read_text(encoding="utf-8") != "my own notes\n"
    backups = list((out / ".linkstar-backup").rglob("finance.md"))
    assert [b.read_text(encoding="utf-8") for b in backups] == ["my own notes\n"]


def test_foreign_files_are_kept(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    mine = out / "notes.txt"
    mine.write_text("keep me", encoding="utf-8")
    generate(answers_file, out)
    assert mine.read_text(encoding="utf-8") == "keep me"


def test_non_empty_folder_without_manifest_is_refused(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    out.mkdir()
    (out / "report.docx").write_text("x")
    assert generate(answers_file, out) == 1
    assert [p.name for p in out.iterdir()] == ["report.docx"]
    assert generate(answers_file, out, "--force") == 0
    assert (out / "report.docx").read_text() == "x"


def test_failed_run_leaves_folder_as_it_was(answers_file: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    before = tree(out)
    shipped = Path(__file__).resolve().parents[1] / "blueprints" / "role-card"
    broken = tmp_path / "bp" / "role-card"
    shutil.copytree(shipped, broken)
    card = next((broken / "{{cookiecutter.out}}" / "roles").iterdir())
    card.write_text(card.read_text(encoding="utf-8") + "\n{{ cookiecutter.doc.nope.deeper }}\n",
                    encoding="utf-8")
    capsys.readouterr()
    assert generate(answers_file, out, "--blueprints", str(tmp_path / "bp")) == 1
    err = capsys.readouterr().err
    assert "role-card" in err and "{{cookiecutter.role_key}}.md" in err and "nope" in err
    assert "Traceback" not in err
    assert tree(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".kit.")]


def test_missing_template_names_the_file(answers_file: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    shipped = Path(__file__).resolve().parents[1] / "blueprints" / "kpi-system"
    broken = tmp_path / "bp" / "kpi-system"
    shutil.copytree(shipped, broken)
    (broken / "{{cookiecutter.out}}" / "kpi-system.md").unlink()
    assert generate(answers_file, tmp_path / "kit", "--blueprints", str(tmp_path / "bp")) == 1
    err = capsys.readouterr().err
    assert "kpi-system.md" in err and "Traceback" not in err
    assert not (tmp_path / "kit").exists()


def test_lang_override_renders_english(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out, "--lang", "en")
    text = (out / "kpi-system.md").read_text(encoding="utf-8")
    assert "KPI system" in text and "Company goals" in text
    assert json.loads((out / "selection.json").read_text())["client"]["language"] == "en"


def test_client_text_is_escaped_in_markdown(tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text(ANSWERS.replace('"星链贸易 Acme Trading"', '"Evil | *Co* <b>x</b>"')
                 .replace("  language: zh\n", "  language: en\n  slug: evil\n"), encoding="utf-8")
    out = tmp_path / "kit"
    assert generate(f, out) == 0
    text = (out / "kpi-system.md").read_text(encoding="utf-8")
    assert "Evil \\| \\*Co\\* \\<b>x\\</b>" in text


def test_bad_answers_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.yaml"
    f.write_text(ANSWERS.replace("id: shopee", "id: shoppe"), encoding="utf-8")
    out = tmp_path / "kit"
    assert generate(f, out) == 1
    err = capsys.readouterr().err
    assert "shoppe" in err and "did you mean `shopee`" in err and "Traceback" not in err
    assert not out.exists()


def test_a_bad_option_is_bad_input_exit_1(answers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["generate", str(answers_file), "--lang", "fr"])
    assert info.value.code == 1
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_a_file_where_a_folder_goes_is_refused_before_anything_is_written(
        answers_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    shutil.rmtree(out / "roles")
    (out / "roles").write_text("notes", encoding="utf-8")
    before = tree(out)
    assert generate(answers_file, out, "--lang", "en") == 1
    err = capsys.readouterr().err
    assert "roles is a file where a folder is needed" in err and "Traceback" not in err
    assert tree(out) == before


def test_a_linked_folder_inside_the_kit_is_not_followed(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(out / "roles")
    (out / "roles").symlink_to(elsewhere)
    assert generate(answers_file, out, "--force") == 1
    assert list(elsewhere.iterdir()) == []


def test_another_clients_kit_is_not_overwritten(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    other = tmp_path / "other.yaml"
    other.write_text(ANSWERS.replace('"星链贸易 Acme Trading"', '"Globex"'), encoding="utf-8")
    before = tree(out)
    assert generate(other, out) == 1
    assert tree(out) == before
    assert generate(other, out, "--force") == 0


def test_a_failure_while_moving_files_in_puts_the_kit_back(
        answers_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    before = tree(out)
    import linkstar_kit.kit.files as files_mod

    real, calls = files_mod.os.replace, {"n": 0}

    def flaky(src, dst):  # fail halfway through moving the new files in
        calls["n"] += 1
        if calls["n"] == 7:
            raise OSError(28, "No space left on device", str(dst))
        return real(src, dst)

    monkeypatch.setattr(files_mod.os, "replace", flaky)
    assert generate(answers_file, out, "--lang", "en") == 1
    monkeypatch.setattr(files_mod.os, "replace", real)
    assert tree(out) == before


def test_a_failed_first_run_leaves_no_folder(answers_file: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import linkstar_kit.kit.files as files_mod

    def broken(*a, **k):
        raise OSError(13, "Permission denied", "x")

    monkeypatch.setattr(files_mod, "write_atomically", broken)
    assert generate(answers_file, tmp_path / "new-kit") == 1
    assert not (tmp_path / "new-kit").exists()


def test_a_typed_formula_stays_text_in_the_workbook(tmp_path: Path) -> None:
    import openpyxl

    evil = '=HYPERLINK("http://evil.example","click")'
    f = tmp_path / "a.yaml"
    f.write_text(ANSWERS.replace("    key: ops-amazon\n", f"    key: ops-amazon\n    title: '{evil}'\n"),
                 encoding="utf-8")
    out = tmp_path / "kit"
    assert main(["generate", str(f), "-o", str(out), "--format", "xlsx"]) == 0
    wb = openpyxl.load_workbook(out / "scorecard" / "scorecard.xlsx")
    hits = [c for ws in wb for row in ws.iter_rows() for c in row if c.value == evil]
    assert hits and all(c.data_type == "s" for c in hits)


def test_manifest_is_readable_like_the_other_files(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    assert (out / "manifest.json").stat().st_mode & 0o777 == (out / "kpi-system.md").stat().st_mode & 0o777


@pytest.mark.slow
def test_forced_runs_in_one_second_keep_every_backup(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    generate(answers_file, out)
    for n in range(3):
        (out / "roles" / "finance.md").write_text(f"edit {n}\n", encoding="utf-8")
        assert generate(answers_file, out, "--force") == 0
    kept = sorted(p.read_text(encoding="utf-8") for p in (out / ".linkstar-backup").rglob("finance.md"))
    assert kept == ["edit 0\n", "edit 1\n", "edit 2\n"]
