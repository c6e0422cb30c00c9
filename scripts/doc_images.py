"""Redraw the README's two pictures (docs/img/): the article's example's operations role card,
page 1 of its PDF (pdftoppm), and the web questionnaire's scope section with an inline error
(`linkstar serve` in the system's headless Chromium, driven by Playwright; no browser is
downloaded). Run after a change to the role card's or the web form's look:

    .venv/bin/python scripts/doc_images.py

Both are quantised to 32 colours so that the repository stays small (about 50 + 60 KB).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "docs" / "img"
TOKEN = "doc-images-consultant-token-0123456789"


def _save(png: Path, dest: Path, box: tuple[int, int, int, int] | None = None) -> None:
    from PIL import Image

    im = Image.open(png).convert("RGB")
    if box:
        im = im.crop(box)
    im.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        dest, optimize=True)
    print(f"wrote {dest.relative_to(ROOT)} ({dest.stat().st_size // 1024} KB)")


def role_card(work: Path) -> None:
    kit = work / "kit"
    subprocess.run([sys.executable, "-m", "linkstar_kit.cli", "generate", str(ROOT / "examples" /
                    "amazon-us.yaml"), "-o", str(kit), "--lang", "en", "--format", "pdf"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["pdftoppm", "-png", "-f", "1", "-l", "1", "-scale-to-x", "900", "-scale-to-y",
                    "-1", str(kit / "roles" / "operations.pdf"), str(work / "card")], check=True)
    _save(work / "card-1.png", IMG / "role-card.png", (40, 60, 860, 1160))


def web_form(work: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("LINKSTAR_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        sys.exit("no Chromium: run scripts/setup.sh, or set LINKSTAR_CHROMIUM")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "linkstar_kit.cli", "serve", "--port", str(port),
                             "--data", str(work / "data"), "--format", "md"],
                            env={**os.environ, "LINKSTAR_TOKEN": TOKEN},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, headless=True,
                                        args=["--no-sandbox", "--disable-dev-shm-usage"])
            page = browser.new_page(viewport={"width": 900, "height": 900})
            page.goto(f"{base}/consultant?token={TOKEN}&lang=en")
            page.fill("#new-label", "Starriver Trading")
            page.select_option("#new-language", "en")
            page.click("#create")
            links = page.locator("input.link")
            page.goto(links.nth(links.count() - 1).input_value())
            page.fill('[name="client.currency"]', "usd")
            page.click("#next")
            page.wait_for_load_state()
            page.select_option('[name="scope.level"]', "business_unit")
            page.fill('[name="scope.name"]', "Amazon US")
            page.fill('[name="team_size"]', "0")       # an inline error, as the form shows it
            page.locator('[name="team_size"]').blur()
            page.wait_for_timeout(800)
            page.screenshot(path=str(work / "web.png"))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    _save(work / "web.png", IMG / "web-form.png")


if __name__ == "__main__":
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        role_card(Path(tmp))
        web_form(Path(tmp))
