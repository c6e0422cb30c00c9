"""Fonts are checked, not hoped for: on a machine without a CJK font, a PDF that holds Chinese
is refused before anything is written, and `linkstar env` says what is missing. The machine
without fonts is simulated with a fontconfig configuration (FONTCONFIG_FILE) that WeasyPrint
and the check both read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from linkstar_kit.cli import main
from linkstar_kit.kit.fonts import InstalledFonts, drawn_characters, is_cjk

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "amazon-us.yaml"
DEJAVU = next(iter(sorted(Path("/usr/share/fonts").rglob("DejaVuSans.ttf"))), None)

ENGLISH = """\
version: 1
client:
  name: "Rocket 🚀 Goods"
  language: en
  timezone: Europe/Berlin
scope: {level: company, name: "Rocket Goods", start: 2026-01-05, horizon: quarter}
stage: growth
team_size: 8
platforms: [{id: shopify}]
goals: [{kpi: net_margin, target: 0.12, by: 2026-03-31}]
roles: [{role: finance}]
"""


def _fonts_conf(tmp_path: Path, name: str, *dirs: Path) -> Path:
    cache = tmp_path / "fc-cache"
    cache.mkdir(exist_ok=True)
    conf = tmp_path / f"{name}.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
                    + "".join(f"<dir>{d}</dir>" for d in dirs)
                    + f"<cachedir>{cache}</cachedir></fontconfig>\n", encoding="utf-8")
    return conf


@pytest.fixture
def latin_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine whose only fonts are DejaVu (no CJK font)."""
    if DEJAVU is None:
        pytest.skip("needs DejaVu (fonts-dejavu-core)")
    conf = _fonts_conf(tmp_path, "latin-only", DEJAVU.parent)
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    return conf


@pytest.fixture
def no_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    conf = _fonts_conf(tmp_path, "no-fonts", empty)
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    return conf


def test_the_check_sees_what_fontconfig_is_configured_with(latin_only: Path) -> None:
    fonts = InstalledFonts()
    assert fonts.fonts and all(f.file.startswith(str(DEJAVU.parent)) for f in fonts.fonts)
    assert fonts.has("A") and not fonts.has("中")
    assert fonts.missing("A中文") == ["中", "文"]
    assert fonts.families_for("zh") == []


@pytest.mark.slow
def test_a_chinese_kit_is_refused_without_a_cjk_font(latin_only: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kit"
    assert main(["generate", str(EXAMPLE), "-o", str(out), "--format", "md,pdf"]) == 1
    err = capsys.readouterr().err
    assert "Chinese characters" in err and "fonts-noto-cjk" in err and "Nothing was written" in err
    assert "Traceback" not in err and "Latin" not in err
    assert not out.exists()


def test_an_english_kit_with_a_chinese_client_name_is_refused_too(
        latin_only: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kit"
    assert main(["generate", str(EXAMPLE), "-o", str(out), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "fonts-noto-cjk" in err and "业 (U+4E1A)" in err
    assert not out.exists()


def test_without_pdf_in_the_formats_nothing_is_checked(no_fonts: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    assert main(["generate", str(EXAMPLE), "-o", str(out), "--format", "md,html,xlsx"]) == 0
    assert (out / "kpi-system.html").exists()


def test_no_font_at_all_names_both_packages(no_fonts: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", str(EXAMPLE), "-o", str(tmp_path / "kit"), "--format", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "fonts-noto-cjk fonts-dejavu-core" in err and not (tmp_path / "kit").exists()


@pytest.mark.slow
def test_an_english_kit_renders_with_a_latin_font_and_warns_of_a_missing_symbol(
        latin_only: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """No refusal where nothing would be a box; a character no font has (here an emoji) is a
    warning naming it, not silence."""
    monkeypatch.setenv("LINKSTAR_PDF_WORKERS", "1")
    answers = tmp_path / "en.yaml"
    answers.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "kit"
    assert main(["generate", str(answers), "-o", str(out), "--format", "pdf"]) == 0
    err = capsys.readouterr().err
    assert "warning: no installed font has 🚀 (U+1F680)" in err
    assert (out / "kpi-system.pdf").read_bytes().startswith(b"%PDF")


def test_drawn_characters_are_text_and_css_strings_not_markup() -> None:
    doc = ('<html><head><style>/* 注释 */ li::before { content: "☐"; }</style>'
           '<script>var x = "脚";</script></head><body><p title="ignored">'
           'A&amp;中&#x6587;</p><!-- 隐 --></body></html>')
    assert drawn_characters(doc) == {"A", "&", "中", "文", "☐"}
    assert is_cjk("中") and is_cjk("，") and not is_cjk("é")


def _env(conf: Path | None) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    if conf:
        env["FONTCONFIG_FILE"] = str(conf)
    return subprocess.run([sys.executable, "-m", "linkstar_kit.cli", "env"], env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_env_names_what_is_missing(latin_only: Path, no_fonts: Path) -> None:
    r = _env(latin_only)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert any(line.startswith("ok") and "Latin font" in line for line in lines)
    assert any(line.startswith("missing") and "CJK font" in line for line in lines)
    assert "apt-get install -y fonts-noto-cjk" in r.stdout
    r = _env(no_fonts)
    assert r.returncode == 1 and "fonts-dejavu-core fonts-noto-cjk" in r.stdout


def test_env_on_this_machine_is_complete() -> None:
    """The set-up scripts install everything PDFs need, so here every check passes."""
    r = _env(None)
    assert r.returncode == 0, r.stdout
    assert "missing" not in r.stdout and r.stdout.endswith("everything PDF output needs is here\n")
