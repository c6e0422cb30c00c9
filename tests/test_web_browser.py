"""`linkstar serve` in a real browser: the system's headless Chromium (Debian's `chromium`
package, installed by scripts/setup.sh) driven by Playwright, against a `linkstar serve` process
on a free port. No browser is downloaded: Playwright is pointed at the system's executable.

Walks the questionnaire in Chinese and in English: the consultant creates a link, the client
answers every section, fixes an inline error, reloads mid-way (the draft is kept), and
downloads the answers file and the kit.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "browser-test-consultant-token-0123456789"
pytestmark = pytest.mark.browser


def _chromium() -> str | None:
    for name in (os.environ.get("LINKSTAR_CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    return None


CHROMIUM = _chromium()
try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # pragma: no cover - a dev extra
    sync_playwright = None  # type: ignore[assignment]

NEEDS_BROWSER = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed: run scripts/setup.sh "
                       "(it installs Debian's chromium), or set LINKSTAR_CHROMIUM to a "
                       "Chromium executable"),
    pytest.mark.skipif(sync_playwright is None, reason="playwright is not installed (pip "
                       "install -e '.[dev]')"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    data = tmp_path_factory.mktemp("serve-data")
    env = {**os.environ, "LINKSTAR_TOKEN": TOKEN}
    log_path = data / "serve.log"
    log = log_path.open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "linkstar_kit.cli", "serve", "--port", str(port), "--data",
         str(data), "--format", "md,html"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError("linkstar serve exited: "
                                         + log_path.read_text(encoding="utf-8")) from None
                time.sleep(0.1)
        else:
            raise AssertionError("linkstar serve did not answer in 30 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert sync_playwright is not None
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            yield b
        finally:
            b.close()


def _create_link(page: Page, base: str, label: str, lang: str) -> str:
    page.goto(f"{base}/consultant?token={TOKEN}&lang={lang}")
    assert "token=" not in page.url           # the token leaves the address bar
    page.fill("#new-label", label)
    page.select_option("#new-language", lang)
    page.click("#create")
    links = page.locator("input.link")
    link = links.nth(links.count() - 1).input_value()
    assert re.search(r"/c/[A-Za-z0-9_-]{43}\?lang=" + lang + "$", link)
    return link


def _save(page: Page, section: str) -> None:
    page.click("#next")
    page.wait_for_load_state()
    assert f"/s/{section}" not in page.url, page.inner_text("main")


def _wait_saved(page: Page) -> None:
    # the autosave has answered (it writes a mark) and nothing is in flight
    expect(page.locator("#saved")).not_to_have_text("")
    page.wait_for_timeout(300)


def _walk(page: Page, link: str, lang: str, tmp: Path) -> None:
    words = {"zh": ("客户信息", "范围与业务概况", "所有答案已填完"),
             "en": ("Client", "Scope and business profile", "All answers are complete")}[lang]
    page.goto(link)
    assert "/s/client" in page.url
    expect(page.locator("h1")).to_contain_text(words[0])
    page.fill('[name="client.currency"]', "cny")
    _save(page, "client")

    # scope: an inline error, fixed; a reload mid-way keeps the draft
    expect(page.locator("h1")).to_contain_text(words[1])
    page.select_option('[name="scope.level"]', "business_unit")
    expect(page.locator('[data-field="scope.name"]')).to_be_visible()   # shown as it applies
    page.fill('[name="scope.name"]', "Amazon <b>US</b> BU")
    page.fill('[name="team_size"]', "0")
    page.locator('[name="team_size"]').blur()
    errors = page.locator('[data-errors-for="team_size"] li')
    expect(errors).to_have_count(1)
    assert "1" in errors.inner_text()                     # the model's bound, as validate says
    page.fill('[name="team_size"]', "12")
    page.locator('[name="team_size"]').blur()
    expect(errors).to_have_count(0)
    _wait_saved(page)
    page.reload()
    assert page.locator('[name="team_size"]').input_value() == "12"
    assert page.locator('[name="scope.name"]').input_value() == "Amazon <b>US</b> BU"
    _save(page, "scope")

    # goals
    page.select_option('[name="goals.0.kpi"]', "gmv")
    page.fill('[name="goals.0.target"]', "1,200,000")
    _save(page, "goals")

    # platforms: Temu's questions appear once it is checked
    temu = page.locator('[data-group="platforms.temu"]')
    expect(temu).to_be_hidden()
    page.check('input[name="platforms"][value="temu"]')
    expect(temu).to_be_visible()
    page.check('input[name="platforms.temu.fulfillment"][value="platform_fulfillment"]')
    page.fill('[name="platforms.amazon.sites"]', "us, de")
    _save(page, "platforms")

    # roles: operations is checked by default
    page.check('input[name="roles"][value="purchasing"]')
    expect(page.locator('[data-group="roles.purchasing"]')).to_be_visible()
    _save(page, "roles")
    for section in ("systems", "review", "incentives"):
        _save(page, section)

    assert page.url.endswith("/summary")
    expect(page.locator("#valid")).to_contain_text(words[2])
    assert "Amazon <b>US</b> BU" in page.inner_text("main")   # shown as text, not markup

    with page.expect_download() as got:
        page.click("#download-answers")
    answers_text = Path(got.value.path()).read_text(encoding="utf-8")
    assert "business_unit" in answers_text and "currency: CNY" in answers_text
    with page.expect_download() as got:
        page.click("#download-kit")
    kit = zipfile.ZipFile(io.BytesIO(Path(got.value.path()).read_bytes()))
    names = kit.namelist()
    assert "answers.yaml" in names and "manifest.json" in names
    assert any(n.endswith(".html") for n in names) and any(n.endswith(".md") for n in names)
    assert kit.read("answers.yaml").decode().count("temu") >= 1


def needs_browser(f: Any) -> Any:
    for mark in NEEDS_BROWSER:
        f = mark(f)
    return f


@needs_browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_walk_in_the_browser(server: str, browser: Any, lang: str, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        link = _create_link(page, server, f"测试客户 {lang}" if lang == "zh" else "Test Co", lang)
        _walk(page, link, lang, tmp_path)
    finally:
        context.close()


def test_api_on_the_running_server(server: str) -> None:
    answers = json.loads((ROOT / "examples" / "amazon-us.json").read_text(encoding="utf-8"))

    def post(url: str, data: Any) -> Any:
        req = urllib.request.Request(server + url, data=json.dumps(data).encode(),
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    status, body = post("/api/answers/validate", answers)
    assert status == 200 and json.loads(body) == {"valid": True, "issues": []}
    answers["platforms"][0]["id"] = "amazn"
    status, body = post("/api/answers/validate", answers)
    issues = json.loads(body)["issues"]
    assert issues[0]["path"] == "platforms[0].id" and "amazon" in issues[0]["message"]
    status, _ = post("/api/kits", answers)
    assert status == 422


@needs_browser
def test_two_tabs_on_one_link(server: str, browser: Any) -> None:
    """The second tab's save, made from an older revision, is refused with a message."""
    context = browser.new_context()
    try:
        page = context.new_page()
        link = _create_link(page, server, "Two tabs", "en")
        one, two = context.new_page(), context.new_page()
        one.goto(link)
        two.goto(link)
        one.fill('[name="client.name"]', "Written in tab one")
        one.locator('[name="client.name"]').blur()
        _wait_saved(one)
        two.fill('[name="client.name"]', "Written in tab two")
        two.locator('[name="client.name"]').blur()
        expect(two.locator("#conflict")).to_be_visible()
        assert "another tab" in two.inner_text("#conflict")
        two.reload()
        assert two.locator('[name="client.name"]').input_value() == "Written in tab one"
    finally:
        context.close()
