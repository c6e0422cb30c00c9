"""`linkstar serve` in a real browser: the system's headless Chromium (Debian's `chromium`
package, installed by scripts/setup.sh) driven by Playwright, against a `linkstar serve` process
on a free port. No browser is downloaded: Playwright is pointed at the system's executable.

Walks the questionnaire in Chinese and in English, on a desktop and a phone (390 px): the
consultant creates a link, the client answers every section, fixes an inline error (plain
words, an error summary that takes the focus), reloads mid-way (the draft is kept), revisits
every section with and without JavaScript (the draft does not move), and submits; the link is
then read-only, and the consultant sees "submitted", builds the full kit and downloads it.
Marked `browser`: `-m "not browser"` skips them.
"""

from __future__ import annotations

import contextlib
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

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "browser-test-consultant-token-0123456789"
DATA: Path | None = None      # the server's data folder
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


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
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # pragma: no cover - a dev extra
    sync_playwright = None  # type: ignore[assignment]

NEEDS_BROWSER = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium executable found: on Debian "
                       "scripts/setup.sh installs the chromium package; Ubuntu has Chromium only "
                       "as a snap, which a container or minimal install cannot run: set "
                       "LINKSTAR_CHROMIUM to a Chromium executable to run this test"),
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
         str(data), "--format", "md,html", "--kit-format", "md,html,ics,dashboards,xlsx",
         "--builds", "2"],
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
        global DATA
        DATA = data
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


def needs_browser(f: Any) -> Any:
    for mark in NEEDS_BROWSER:
        f = mark(f)
    return f


def _draft(link: str) -> dict[str, Any]:
    """The client's draft as the server stored it."""
    import sqlite3

    assert DATA is not None
    token = re.search(r"/c/([A-Za-z0-9_-]{43})", link)
    assert token
    db = sqlite3.connect(DATA / "linkstar-web.db")
    try:
        row = db.execute("SELECT data FROM clients WHERE token = ?", (token.group(1),)).fetchone()
    finally:
        db.close()
    return dict(json.loads(row[0]))


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


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    assert width <= inner, f"{page.url}: {width} px wide in a {inner} px window"


def _save(page: Page, section: str) -> None:
    page.click("#next")
    # the form's navigation may not have begun when the click returns (a loaded machine):
    # wait for the address to leave the section; if it stays, say what the page shows
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_url(lambda url: f"/s/{section}" not in url, timeout=20_000)
    page.wait_for_load_state()
    assert f"/s/{section}" not in page.url, page.inner_text("main")


def _wait_saved(page: Page) -> None:
    # the autosave has answered (it says what it saved) and nothing is in flight
    expect(page.locator("#saved")).not_to_have_text("")
    page.wait_for_timeout(300)


WORDS = {"zh": {"client": "客户信息", "scope": "范围与业务概况", "valid": "所有答案已填完",
                "whole": "请填写整数", "at_least": "请填写 ≥ 1 的数", "error": "错误：",
                "submitted": "答案已提交给顾问", "status": "已提交", "saved": "已保存：",
                "currency": "是不是 CNY", "done": "已完成"},
         "en": {"client": "Client", "scope": "Scope and business profile",
                "valid": "All answers are complete", "whole": "Enter a whole number",
                "at_least": "Enter 1 or more", "error": "Error: ",
                "submitted": "Answers sent to your consultant", "status": "submitted",
                "saved": "Saved: ", "currency": "Did you mean CNY", "done": "done"}}


def _walk(page: Page, link: str, lang: str) -> None:
    words = WORDS[lang]
    page.goto(link)
    assert "/s/client" in page.url
    expect(page.locator("h1")).to_contain_text(words["client"])
    _no_sideways_scroll(page)
    assert "──" not in page.inner_text("main") and "Enter to skip" not in page.inner_text("main")
    # RMB is not a currency code: a plain message with the code it stands for
    page.fill('[name="client.currency"]', "RMB")
    page.click("#next")
    page.wait_for_load_state()
    assert page.title().startswith(words["error"])
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(words["currency"])
    summary.locator("a").first.click()
    expect(page.locator('[name="client.currency"]')).to_be_focused()
    page.fill('[name="client.currency"]', "cny")
    _save(page, "client")

    # scope: an inline error in plain words, fixed; a reload mid-way keeps the draft
    expect(page.locator("h1")).to_contain_text(words["scope"])
    # the step list: the current step is marked for assistive technology, a done one by a
    # tick and a word, not by colour alone
    expect(page.locator('.steps [aria-current="step"]')).to_contain_text(words["scope"])
    expect(page.locator('.steps li[data-step="client"] .mark')).to_have_text("✓")
    expect(page.locator('.steps li[data-step="client"] .state')).to_have_text(
        " (" + words["done"] + ")")
    page.select_option('[name="scope.level"]', "business_unit")
    expect(page.locator('[data-field="scope.name"]')).to_be_visible()   # shown as it applies
    page.fill('[name="scope.name"]', "Amazon <b>US</b> BU")
    page.fill('[name="team_size"]', "0")
    page.locator('[name="team_size"]').blur()
    errors = page.locator('[data-errors-for="team_size"] li')
    expect(errors).to_have_count(1)
    expect(errors).to_contain_text(words["at_least"])     # the model's bound, as validate says
    assert "`" not in errors.inner_text() and "team_size" not in errors.inner_text()
    described = page.get_attribute('[name="team_size"]', "aria-describedby") or ""
    assert "team_size-error" in described.split()
    page.fill('[name="team_size"]', "12")
    page.locator('[name="team_size"]').blur()
    expect(errors).to_have_count(0)
    _wait_saved(page)
    expect(page.locator("#saved")).to_contain_text(words["saved"])
    page.reload()
    assert page.locator('[name="team_size"]').input_value() == "12"
    assert page.locator('[name="scope.name"]').input_value() == "Amazon <b>US</b> BU"
    _save(page, "scope")

    # goals: autosaved too; a second goal added empty shows no error beside the first
    page.select_option('[name="goals.0.kpi"]', "gmv")
    page.fill('[name="goals.0.target"]', "1,200,000")
    page.locator('[name="goals.0.target"]').blur()
    _wait_saved(page)
    assert _draft(link)["goals"][0]["target"] == 1200000
    page.click("#add-goal")
    page.wait_for_load_state()
    expect(page.locator('[data-errors-for^="goals."] li')).to_have_count(0)
    page.click('button[value="remove:1"]')
    page.wait_for_load_state()
    expect(page.locator('[name="goals.1.kpi"]')).to_have_count(0)
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
    for section in ("systems", "review"):
        _save(page, section)
    _save(page, "incentives")

    assert page.url.endswith("/summary")
    expect(page.locator("#valid")).to_contain_text(words["valid"])
    main = page.inner_text("main")
    assert "Amazon <b>US</b> BU" in main                  # shown as text, not markup
    assert "{'" not in main and "['" not in main          # no Python data
    _no_sideways_scroll(page)


def _revisit(page: Page, link: str) -> None:
    """Every section opened from the summary and saved unchanged: the draft does not move,
    and ticked platforms and roles stay ticked."""
    before = _draft(link)
    for section in ("client", "scope", "goals", "platforms", "roles", "systems", "review",
                    "incentives"):
        page.goto(link.split("?")[0] + f"/s/{section}")
        if section == "platforms":
            for p in before["platforms"]:
                expect(page.locator(f'input[name="platforms"][value="{p["id"]}"]')).to_be_checked()
        if section == "roles":
            for r in before["roles"]:
                expect(page.locator(f'input[name="roles"][value="{r["role"]}"]')).to_be_checked()
        _no_sideways_scroll(page)
        page.click("#next")
        page.wait_for_load_state()
        assert _draft(link) == before, section


def _submit_and_check(page: Page, base: str, link: str, lang: str, label: str) -> None:
    words = WORDS[lang]
    page.goto(link.split("?")[0] + "/summary")
    page.click("#submit")
    page.wait_for_load_state()
    assert page.url.endswith("/done")
    expect(page.locator("h1")).to_contain_text(words["submitted"])
    _no_sideways_scroll(page)
    # read-only: a section opens the confirmation, and the client has no kit to download
    page.goto(link.split("?")[0] + "/s/scope")
    assert page.url.endswith("/done")
    assert page.locator("a[href$='kit.zip']").count() == 0
    # the consultant sees it submitted, with the client's entered name
    page.goto(f"{base}/consultant?token={TOKEN}&lang={lang}")
    _no_sideways_scroll(page)
    row = page.locator(".client-row", has_text=label).last
    expect(row.locator(".status")).to_have_text(words["status"])


def _context(browser: Any, size: str, javascript: bool = True) -> Any:
    return browser.new_context(accept_downloads=True, viewport=SIZES[size],
                               java_script_enabled=javascript,
                               is_mobile=size == "phone", has_touch=size == "phone")


@needs_browser
@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_walk_submit_and_kit(server: str, browser: Any, lang: str, size: str) -> None:
    context = _context(browser, size)
    try:
        page = context.new_page()
        label = f"测试客户 {lang} {size}" if lang == "zh" else f"Test Co {size}"
        link = _create_link(page, server, label, lang)
        _walk(page, link, lang)
        _revisit(page, link)
        _submit_and_check(page, server, link, lang, label)
        if size == "desktop" and lang == "zh":
            _consultant_kit(page, server, label)
    finally:
        context.close()


def _consultant_kit(page: Page, base: str, label: str) -> None:
    row = page.locator(".client-row", has_text=label).last
    row.locator("a[href$='/kit']").click()
    page.click("#kit-build")
    expect(page.locator("#kit-ready")).to_be_visible(timeout=120_000)
    with page.expect_download() as got:
        page.click("#kit-download")
    kit = zipfile.ZipFile(io.BytesIO(Path(got.value.path()).read_bytes()))
    names = kit.namelist()
    for wanted in ("answers.yaml", "manifest.json", "kpi-system.md", "kpi-system.html",
                   "calendar/reviews.ics", "scorecard/scorecard.xlsx",
                   "dashboards/grafana.json", "data/schema.sql"):
        assert wanted in names, (wanted, names)
    assert kit.read("answers.yaml").decode().count("temu") >= 1


@needs_browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_revisit_without_javascript(server: str, browser: Any, lang: str) -> None:
    """Without JavaScript, on a phone: the error summary still takes the focus (autofocus)
    and every section round-trips."""
    helper = _context(browser, "desktop")
    try:
        link = _create_link(helper.new_page(), server, f"No script {lang}", lang)
    finally:
        helper.close()
    context = _context(browser, "phone", javascript=False)
    try:
        page = context.new_page()
        page.goto(link)
        _save(page, "client")
        page.fill('[name="team_size"]', "abc")
        page.click("#next")
        page.wait_for_load_state()
        expect(page.locator("#error-summary")).to_be_focused()
        expect(page.locator('[data-errors-for="team_size"]')).to_contain_text(
            WORDS[lang]["whole"])
        page.fill('[name="team_size"]', "8")
        _save(page, "scope")
        page.select_option('[name="goals.0.kpi"]', "gmv")
        page.fill('[name="goals.0.target"]', "500000")
        _save(page, "goals")
        page.check('input[name="platforms"][value="shopee"]')
        _save(page, "platforms")
        page.check('input[name="roles"][value="customer_service"]')
        _save(page, "roles")
        for section in ("systems", "review", "incentives"):
            _save(page, section)
        assert page.url.endswith("/summary"), page.inner_text("main")
        _revisit(page, link)
        assert [p["id"] for p in _draft(link)["platforms"]] == ["amazon", "shopee"]
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
