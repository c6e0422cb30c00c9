"""HTML and PDF documents: escaping, determinism, Chinese fonts, the rendering sandbox."""

from __future__ import annotations

import io
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from linkstar_kit.answers.loader import load_answers
from linkstar_kit.errors import BlueprintError
from linkstar_kit.kit.blueprints import Blueprints, shipped_blueprints_dir
from linkstar_kit.kit.generate import build_files
from linkstar_kit.kit.html import column_widths, markdown_body
from linkstar_kit.kit.pdf import FetchRefused, PdfJob, Progress, check_url, render_all
from linkstar_kit.library.loader import Library, load_library

EVIL = "<script>alert(1)</script> & Co"

ANSWERS = """\
version: 1
client:
  name: {name}
  language: {lang}
  timezone: Asia/Shanghai
scope:
  level: company
  start: 2026-04-01
  horizon: quarter
stage: growth
team_size: 8
platforms:
  - id: amazon
    sites: [US]
    fulfillment: [fba]
goals:
  - kpi: net_margin
    target: 0.15
    by: 2026-09-30
roles:
  - role: operations
    key: ops
    title: {title}
    headcount: 3
{more}"""

MORE_ROLES = """\
  - role: customer_service
    headcount: 2
"""


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def write_answers(tmp: Path, *, name: str = "Starriver 星河", lang: str = "zh",
                  title: str = "Amazon 运营", more: str = "") -> Path:
    import json

    tmp.mkdir(parents=True, exist_ok=True)
    p = tmp / "answers.yaml"
    p.write_text(ANSWERS.format(name=json.dumps(name, ensure_ascii=False), lang=lang,
                                title=json.dumps(title, ensure_ascii=False), more=more),
                 encoding="utf-8")
    return p


def build(tmp: Path, library: Library, formats: list[str], blueprints: Blueprints | None = None,
          **kw: Any) -> dict[str, bytes]:
    answers = load_answers(write_answers(tmp, **kw), library)
    files, _ = build_files(answers, library, formats=formats, blueprints=blueprints)
    return files.files


# --- HTML ----------------------------------------------------------------------------------

def test_typed_text_is_escaped_everywhere(tmp_path: Path, library: Library) -> None:
    title = ('Ops <img src=x onerror=alert(1)> ![p](http://example.com/t.png) | x '
             '[y](javascript:alert(1))')
    files = build(tmp_path, library, ["md", "html"], name=EVIL, title=title)
    htmls = {p: b.decode() for p, b in files.items() if p.endswith(".html")}
    assert {"kpi-system.html", "roles/ops.html"} <= set(htmls)
    assert any(p.startswith("agendas/") for p in htmls), "agendas are converted too"
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"
    for path, text in htmls.items():
        assert "<script" not in text.lower(), path
        assert "<img" not in text.lower(), path
        assert "onerror=alert" not in text.replace("&lt;img src=x onerror=alert(1)&gt;", ""), path
        assert "&amp;lt;" not in text, f"{path}: escaped twice"
        assert 'href="javascript' not in text, path
    ks = htmls["kpi-system.html"]
    assert re.search(r"<title>KPI 体系[:：] ?" + re.escape(escaped), ks)
    assert f'<p class="doc-client">{escaped}</p>' in ks
    assert "&lt;img src=x onerror=alert(1)&gt;" in htmls["roles/ops.html"]


def test_html_is_deterministic_and_self_contained(tmp_path: Path, library: Library) -> None:
    a = build(tmp_path / "a", library, ["md", "html"], more=MORE_ROLES)
    b = build(tmp_path / "b", library, ["md", "html"], more=MORE_ROLES)
    htmls = sorted(p for p in a if p.endswith(".html"))
    assert htmls and htmls == sorted(p for p in b if p.endswith(".html"))
    for p in htmls:
        assert a[p] == b[p], p
    text = a["kpi-system.html"].decode()
    assert text.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in text
    # Chinese needs the SC face first, or fontconfig picks Japanese glyph forms.
    assert re.search(r'--font-zh:\s*"Noto Sans CJK SC"', text)
    # The logo and stylesheet are inside the page: it opens anywhere, fetching nothing.
    assert 'url("data:image/svg+xml;base64,' in text
    assert not re.search(r"""(src=|url\()["']?https?:""", text)
    assert re.search(r"<link[^>]+stylesheet", text) is None
    # The cover shows the scope's start, never today's date.
    assert "2026-04-01" in text


def test_english_html_and_contents(tmp_path: Path, library: Library) -> None:
    files = build(tmp_path, library, ["md", "html"], lang="en")
    text = files["kpi-system.html"].decode()
    assert '<html lang="en">' in text
    assert '<nav class="toc">' in text and 'href="#sec-1"' in text and 'id="sec-1"' in text
    assert 'class="cover"' in text
    card = files["roles/ops.html"].decode()
    assert 'class="band"' in card and "Contents" in card


def test_template_line_breaks_only() -> None:
    body = markdown_body("# T\n\n| a | b |\n|---|---|\n| x<br>y | p \\<br\\> q |\n")
    assert body.title_text == "T"
    assert "<td>x<br />\ny</td>" in body.html
    assert "p &lt;br&gt; q" in body.html  # typed text that was escaped in the Markdown stays text


def test_checklist_and_key_value_table() -> None:
    body = markdown_body("## S\n\n| | |\n|---|---|\n| k | v |\n\n- [ ] one\n- [ ] two\n")
    assert 'class="cols-2 kv"' in body.html
    assert '<ul class="checklist">' in body.html and '<li class="task">one</li>' in body.html
    assert body.toc == [{"id": "sec-1", "level": 2, "html": "S"}]


def test_column_widths_follow_content() -> None:
    rows = [["#", "Item", "Owner"], ["1", "A long agenda item that needs room to breathe", "Ops"],
            ["2", "Another item with several words in it", "Customer service"]]
    w = column_widths(rows, 3)
    assert w[1] > w[2] > w[0]
    assert sum(w) < 100  # padding comes on top


def test_number_columns_align_right() -> None:
    html = markdown_body("| # | Item | Min |\n|---|---|---|\n| 1 | Check-in | 5 |\n"
                         "| 2 | Issues | 30 |\n").html
    assert '<td style="text-align: right">1</td>' in html
    assert '<td style="text-align: right">30</td>' in html
    assert "<td>Issues</td>" in html


def test_html_blueprint_errors_name_the_file(tmp_path: Path, library: Library) -> None:
    user = tmp_path / "bp"
    shutil.copytree(shipped_blueprints_dir() / "html", user / "html")
    (user / "html" / "{{cookiecutter.out}}" / "document.html").unlink()
    with pytest.raises(BlueprintError, match="document.html"):
        build(tmp_path, library, ["md", "html"], blueprints=Blueprints(user))
    shutil.rmtree(user / "html")
    shutil.copytree(shipped_blueprints_dir() / "html", user / "html")
    css = user / "html" / "templates" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n{% if %}\n", encoding="utf-8")
    with pytest.raises(BlueprintError, match="style.css"):
        build(tmp_path, library, ["md", "html"], blueprints=Blueprints(user))


def test_pdf_writer_does_not_import_weasyprint_at_import() -> None:
    code = ("import sys, linkstar_kit.kit.pdf, linkstar_kit.kit.html, linkstar_kit.cli; "
            "assert 'weasyprint' not in sys.modules, 'weasyprint imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


# --- the sandbox ---------------------------------------------------------------------------

def test_fetcher_allows_only_blueprint_files_and_data(tmp_path: Path) -> None:
    root = tmp_path / "blueprints"
    (root / "html").mkdir(parents=True)
    logo = root / "html" / "logo.png"
    logo.write_bytes(b"\x89PNG")
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    (root / "html" / "link.txt").symlink_to(secret)
    roots = [str(root)]
    assert check_url(logo.as_uri(), roots) == logo.as_uri()
    assert check_url("data:text/plain;base64,eA==", roots)
    for url in ("http://example.com/x.png", "https://example.com/x.css", "ftp://example.com/x",
                "file:///etc/passwd", secret.as_uri(), (root / "html" / "link.txt").as_uri(),
                (root / "html").as_uri() + "/../../secret.txt", "file://evil.host/etc/passwd",
                "//example.com/x.png"):
        with pytest.raises(FetchRefused):
            check_url(url, roots)


def test_renderer_fetches_nothing_outside(tmp_path: Path, library: Library,
                                         monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A branded blueprint that points outside: nothing is fetched, the PDF still renders."""
    from linkstar_kit.engine.select import select
    from linkstar_kit.kit.context import KitContext
    from linkstar_kit.kit.pdf import pdf_jobs

    def no_network(*a: Any, **k: Any) -> None:
        raise AssertionError("the PDF renderer opened a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    user = tmp_path / "bp"
    shutil.copytree(shipped_blueprints_dir() / "html", user / "html")
    css = user / "html" / "templates" / "style.css"
    css.write_text('@import url("http://example.com/evil.css");\n' + css.read_text("utf-8") + """
      @font-face { font-family: Evil; src: url("file:///etc/passwd"); }
      body { background-image: url("http://example.com/x.png"); }
      main { font-family: Evil, sans-serif; }
    """, encoding="utf-8")
    layout = user / "html" / "{{cookiecutter.out}}" / "document.html"
    layout.write_text(layout.read_text("utf-8").replace(
        "<main>", '<img src="file:///etc/passwd" alt=""><img src="logo.svg" alt=""><main>'),
        encoding="utf-8")

    answers = load_answers(write_answers(tmp_path), library)
    ctx = KitContext(answers, select(answers, library), library, Blueprints(user))
    job = next(j for j in pdf_jobs(ctx) if j.path == "roles/ops.pdf")
    assert 'src="data:image/svg+xml;base64,' in job.html  # the blueprint's own logo: inlined
    out = render_all([job], workers=1)
    data, pages = out["roles/ops.pdf"]
    assert data.startswith(b"%PDF") and pages >= 1
    err = capsys.readouterr().err
    for url in ("http://example.com/evil.css", "http://example.com/x.png", "file:///etc/passwd"):
        assert f"refused to fetch {url}" in err, err


# --- PDF (each costs about a second: keep these few) -----------------------------------------

def _fonts(pdf: bytes, tmp: Path) -> str:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts is missing: install poppler-utils (sh scripts/setup.sh)")
    f = tmp / "doc.pdf"
    f.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(f)], check=True, capture_output=True,
                          text=True).stdout


def test_zh_pdfs_embed_the_cjk_font(tmp_path: Path, library: Library) -> None:
    # pdf without html: the HTML is built in memory, only the PDFs are added
    files = build(tmp_path, library, ["pdf"])
    assert sorted(files) == ["answers.yaml", "consultant/notes.pdf", "kpi-system.pdf",
                             "roles/ops.pdf", "selection.json"]
    for path in ("kpi-system.pdf", "roles/ops.pdf", "consultant/notes.pdf"):
        fonts = _fonts(files[path], tmp_path)
        embedded = [line for line in fonts.splitlines() if re.search(r"Noto-?Sans-?CJK-?SC", line)]
        assert embedded, f"{path}: no Noto Sans CJK SC font embedded:\n{fonts}"
        assert all(" yes " in line for line in embedded)  # emb column
        # No fallback to a serif face anywhere (running header and page numbers included).
        assert "Serif" not in fonts, fonts


def test_en_pdf_renders_the_same_in_any_process(tmp_path: Path, library: Library) -> None:
    from linkstar_kit.engine.select import select
    from linkstar_kit.kit.context import KitContext
    from linkstar_kit.kit.pdf import pdf_jobs

    answers = load_answers(write_answers(tmp_path, lang="en"), library)
    ctx = KitContext(answers, select(answers, library), library, Blueprints())
    jobs = [j for j in pdf_jobs(ctx) if j.path == "roles/ops.pdf"]
    jobs.append(PdfJob(path="copy.pdf", html=jobs[0].html, base_url=jobs[0].base_url,
                       roots=jobs[0].roots))
    out = render_all(jobs, workers=2)  # one document per worker process
    assert out["roles/ops.pdf"][0] == out["copy.pdf"][0]
    assert out["roles/ops.pdf"][0].startswith(b"%PDF") and out["roles/ops.pdf"][1] >= 1
    fonts = _fonts(out["roles/ops.pdf"][0], tmp_path)
    assert "Noto" in fonts and "Serif" not in fonts, fonts


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet = io.StringIO()
    p = Progress(2, "rendering PDFs", stream=quiet)
    p.advance()
    p.advance()
    assert quiet.getvalue() == ""
    tty = Tty()
    p = Progress(2, "rendering PDFs", stream=tty)
    p.advance()
    p.advance()
    assert "2/2" in tty.getvalue() and tty.getvalue().endswith("\n")
