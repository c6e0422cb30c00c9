"""`linkstar serve`: the JSON API, the pages' forms and their security, in process (Starlette's
test client). The browser walk is tests/test_web_browser.py."""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from linkstar_kit import cli
from linkstar_kit.answers.loader import load_answers
from linkstar_kit.library.loader import Library, load_library
from linkstar_kit.questionnaire import spec
from linkstar_kit.questionnaire.texts import catalog
from linkstar_kit.web.app import MAX_BODY, Config, create_app
from linkstar_kit.web.store import Store

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "consultant-token-for-tests-0123456789abcdef"
EXAMPLE = ROOT / "examples" / "amazon-us.json"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def client(tmp_path: Path, library: Library) -> TestClient:
    app = create_app(Config(library=library, data_dir=tmp_path / "data", consultant_token=TOKEN))
    return TestClient(app)


def example() -> dict[str, Any]:
    return dict(json.loads(EXAMPLE.read_text(encoding="utf-8")))


def post_json(c: TestClient, url: str, data: Any) -> Any:
    return c.post(url, content=json.dumps(data), headers={"Content-Type": "application/json"})


def login(c: TestClient) -> str:
    r = c.get(f"/consultant?token={TOKEN}")
    assert r.status_code == 200 and "token=" not in str(r.url)
    return str(c.cookies.get("csrf"))


def new_client(c: TestClient, label: str = "Acme", lang: str = "en") -> str:
    csrf = login(c)
    r = c.post("/consultant/clients", data={"csrf": csrf, "label": label, "language": lang})
    assert r.status_code == 200
    tokens = re.findall(r"/c/([A-Za-z0-9_-]{43})", r.text)
    assert tokens
    return tokens[-1]


# --- the API --------------------------------------------------------------------------------

def test_validate_valid_answers(client: TestClient) -> None:
    r = post_json(client, "/api/answers/validate", example())
    assert r.status_code == 200
    assert r.json() == {"valid": True, "issues": []}


def test_validate_reports_what_linkstar_validate_reports(client: TestClient, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    data = example()
    data["platforms"][0]["id"] = "amazn"
    data["team_size"] = "many"
    r = post_json(client, "/api/answers/validate", data)
    body = r.json()
    assert body["valid"] is False
    paths = [i["path"] for i in body["issues"]]
    assert "platforms[0].id" in paths and "team_size" in paths
    # the same messages as the command line, for the same answers in a file
    f = tmp_path / "answers.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["validate", str(f)]) == 1
    err = capsys.readouterr().err
    for issue in body["issues"]:
        assert f"{issue['path']}: {issue['message']}" in err


def test_validate_refuses_other_content_types_and_bad_json(client: TestClient) -> None:
    r = client.post("/api/answers/validate", content=json.dumps(example()),
                    headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = client.post("/api/answers/validate", content="{\"version\": 1,",
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 200
    assert r.json()["valid"] is False and "not valid JSON" in r.json()["issues"][0]["message"]


def test_kits_zip_holds_the_files_generate_writes(client: TestClient, tmp_path: Path) -> None:
    r = post_json(client, "/api/kits?format=md,html", example())
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    zipped = zipfile.ZipFile(io.BytesIO(r.content))
    got = {n: zipped.read(n) for n in zipped.namelist()}
    out = tmp_path / "kit"
    assert cli.main(["generate", str(EXAMPLE), "--format", "md,html", "-o", str(out)]) == 0
    written = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert set(got) == set(written)
    assert got == written
    # the same answers give the same zip
    assert post_json(client, "/api/kits?format=md,html", example()).content == r.content


def test_kits_refuses_invalid_answers_and_unknown_formats(client: TestClient) -> None:
    data = example()
    del data["goals"]
    r = post_json(client, "/api/kits", data)
    assert r.status_code == 422 and r.json()["issues"][0]["path"] == "goals"
    r = post_json(client, "/api/kits?format=docx", example())
    assert r.status_code == 400 and "unknown format" in r.json()["error"]


# --- security -------------------------------------------------------------------------------

def test_consultant_page_needs_the_token(client: TestClient) -> None:
    assert client.get("/consultant").status_code == 403
    assert client.get("/consultant?token=wrong").status_code == 403
    r = client.post("/consultant/clients", data={"label": "x", "language": "en"})
    assert r.status_code == 403
    new_client(client)
    client.cookies.clear()
    r = client.get("/consultant")
    assert r.status_code == 403 and "/c/" not in r.text


def test_client_pages_need_their_token(client: TestClient) -> None:
    token = new_client(client)
    for url in ("/c/{}", "/c/{}/s/client", "/c/{}/summary", "/c/{}/answers.yaml",
                "/c/{}/kit.zip"):
        guess = token[:-1] + ("A" if token[-1] != "A" else "B")
        assert client.get(url.format(guess)).status_code == 404, url
        assert client.get(url.format("x")).status_code == 404, url
    assert client.get("/c").status_code == 404
    assert client.get(f"/c/{token}/s/client").status_code == 200


def test_xss_in_a_client_name_is_escaped(client: TestClient) -> None:
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    token = new_client(client, label=payload)
    pages = [client.get("/consultant").text, client.get(f"/c/{token}/s/client").text,
             client.get(f"/c/{token}/summary").text]
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    r = client.get(f"/c/{token}/s/client")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["referrer-policy"] == "no-referrer"


def test_csrf_is_refused(client: TestClient) -> None:
    token = new_client(client)
    r = client.post(f"/c/{token}/s/client", data={"rev": "1", "client.name": "Evil"})
    assert r.status_code == 403
    r = client.post(f"/c/{token}/s/client", data={"csrf": "A" * 43, "rev": "1",
                                                  "client.name": "Evil"})
    assert r.status_code == 403
    r = client.post("/consultant/clients", data={"csrf": "nope", "label": "x"})
    assert r.status_code == 403
    assert "Evil" not in client.get(f"/c/{token}/s/client").text


def test_oversized_body_is_refused(client: TestClient) -> None:
    big = json.dumps({"version": 1, "pad": "x" * (MAX_BODY + 10)})
    r = client.post("/api/answers/validate", content=big,
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 413

    def chunks() -> Any:  # no Content-Length: refused while it streams
        for _ in range(MAX_BODY // 65536 + 2):
            yield b" " * 65536

    r = client.post("/api/answers/validate", content=chunks(),
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_no_path_outside_the_data_folder(client: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    for url in ("/static/../../secret.txt", "/static/%2e%2e%2fsecret.txt", "/static/app.py",
                "/static/..%2f..%2fstore.py", "/c/..%2f..%2fsecret.txt/summary",
                "/c/%2e%2e/s/client", f"/static/{secret}"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "top secret" not in r.text and "import" not in r.text
    assert client.get("/static/app.js").status_code == 200
    # the database is the only file the server writes
    new_client(client)
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["linkstar-web.db"]


# --- the forms ------------------------------------------------------------------------------

def csrf_of(c: TestClient) -> str:
    return str(c.cookies.get("csrf"))


def rev_of(html: str) -> str:
    m = re.search(r'name="rev" value="(\d+)"', html)
    assert m
    return m.group(1)


def submit(c: TestClient, token: str, section: str, fields: dict[str, Any]) -> Any:
    page = c.get(f"/c/{token}/s/{section}")
    data = {"csrf": csrf_of(c), "rev": rev_of(page.text), **fields}
    return c.post(f"/c/{token}/s/{section}", data=data)


def test_walk_the_sections_and_get_init_s_answers_file(client: TestClient,
                                                       library: Library) -> None:
    token = new_client(client, "Acme 跨境")
    r = submit(client, token, "client", {"client.name": "Acme 跨境", "client.slug": "acme",
                                         "client.language": "en", "client.currency": "usd",
                                         "client.timezone": "Asia/Shanghai"})
    assert r.status_code == 200 and r.url.path.endswith("/s/scope")
    r = submit(client, token, "scope", {"scope.level": "company", "scope.start": "2026-01-05",
                                        "scope.horizon": "quarter", "stage": "growth",
                                        "team_size": "abc"})
    assert r.status_code == 422
    # the inline message is the one `linkstar validate` gives for the same value in a file
    data = example()
    data["team_size"] = "abc"
    issue = next(i for i in post_json(client, "/api/answers/validate", data).json()["issues"]
                 if i["path"] == "team_size")
    shown = re.search(r'data-errors-for="team_size"><li>(.*?)</li>', r.text)
    assert shown and html.unescape(shown.group(1)) == issue["message"]
    r = submit(client, token, "scope", {"scope.level": "company", "scope.start": "2026-01-05",
                                        "scope.horizon": "quarter", "stage": "growth",
                                        "team_size": "8"})
    assert r.url.path.endswith("/s/goals")
    r = submit(client, token, "goals", {"goals.count": "1", "goals.0.kpi": "gmv",
                                        "goals.0.target": "100000", "goals.0.by": "2026-03-31"})
    assert r.url.path.endswith("/s/platforms"), r.text[-2000:]
    r = submit(client, token, "platforms", {"platforms": ["amazon", "temu"],
                                            "platforms.amazon.sites": "us, de",
                                            "platforms.amazon.fulfillment": ["fba"],
                                            "platforms.temu.fulfillment":
                                                ["platform_fulfillment"]})
    assert r.url.path.endswith("/s/roles")
    r = submit(client, token, "roles", {"roles": ["operations"],
                                        "roles.operations.headcount": "2"})
    assert r.url.path.endswith("/s/systems")
    for section in ("systems", "review"):
        page = client.get(f"/c/{token}/s/{section}").text
        fields = dict(re.findall(r'<select id="([^"]+)" name="[^"]+">\s*(?:<option value="">—'
                                 r'</option>\s*)?<option value="([^"]+)"', page))
        fields.update(re.findall(r'<input id="([^"]+)" name="[^"]+" value="([^"]*)"', page))
        if section == "review":
            fields["review.quarterly"] = "on"
        r = submit(client, token, section, fields)
        assert r.status_code == 200, r.text[-1500:]
    r = submit(client, token, "incentives", {})
    assert r.url.path.endswith("/summary")
    assert 'id="valid"' in r.text
    text = client.get(f"/c/{token}/answers.yaml").text
    assert text.startswith("# linkstar-kit answers (format version 1), written by `linkstar init`")
    from linkstar_kit.answers.loader import parse_answers
    from linkstar_kit.questionnaire.yaml_out import commented_yaml

    answers = parse_answers(text, "answers.yaml", library)
    assert commented_yaml(answers, library, "en", "answers.yaml") == text
    assert [p.id for p in answers.platforms] == ["amazon", "temu"]
    assert answers.platforms[0].sites == ["US", "DE"]
    assert answers.client.currency == "USD"
    kit = zipfile.ZipFile(io.BytesIO(client.get(f"/c/{token}/kit.zip").content))
    assert "answers.yaml" in kit.namelist()
    # the consultant's download keeps the consultant's notes; the client's link leaves them out
    assert "consultant/notes.md" in kit.namelist()
    client.cookies.delete("consultant")
    theirs = zipfile.ZipFile(io.BytesIO(client.get(f"/c/{token}/kit.zip").content))
    assert "kpi-system.md" in theirs.namelist()
    assert not [n for n in theirs.namelist() if n.startswith("consultant/")]


def test_two_tabs_do_not_overwrite_each_other(client: TestClient) -> None:
    token = new_client(client)
    page = client.get(f"/c/{token}/s/client").text
    rev = rev_of(page)
    base = {"csrf": csrf_of(client), "rev": rev, "client.language": "en",
            "client.currency": "USD", "client.timezone": "UTC"}
    first = client.post(f"/c/{token}/s/client", data={**base, "client.name": "Tab one"})
    assert first.status_code == 200
    second = client.post(f"/c/{token}/s/client", data={**base, "client.name": "Tab two"})
    assert second.status_code == 409
    assert "another tab" in second.text
    assert "Tab one" in client.get(f"/c/{token}/s/client").text
    auto = client.post(f"/c/{token}/s/client", data={**base, "client.name": "Tab two"},
                       headers={"X-Autosave": "1"})
    assert auto.status_code == 409 and auto.json()["conflict"] is True


def test_autosave_answers_with_what_applies(client: TestClient) -> None:
    token = new_client(client)
    page = client.get(f"/c/{token}/s/scope").text
    r = client.post(f"/c/{token}/s/scope", headers={"X-Autosave": "1"},
                    data={"csrf": csrf_of(client), "rev": rev_of(page),
                          "scope.level": "business_unit", "team_size": "0"})
    body = r.json()
    assert r.status_code == 200 and body["rev"] == int(rev_of(page)) + 1
    assert body["applies"]["scope.name"] is True
    assert body["errors"]["team_size"]
    assert body["errors"]["scope.name"] == ["a value is required"] or body["errors"]["scope.name"]


def test_language_is_remembered(client: TestClient) -> None:
    token = new_client(client)
    assert "客户信息" in client.get(f"/c/{token}/s/client?lang=zh").text
    assert "客户信息" in client.get(f"/c/{token}/s/goals").text
    assert "Top goals" in client.get(f"/c/{token}/s/goals?lang=en").text
    assert "Top goals" in client.get(f"/c/{token}/s/client").text


# --- one model, one catalog -----------------------------------------------------------------

def test_both_languages_have_every_text() -> None:
    en = catalog("en")
    for section in spec.SPEC.values():
        for q in (*section.questions, *section.item_questions,
                  *((section.pick,) if section.pick else ())):
            assert q.text in en["questions"], q.key


def test_store_refuses_a_stale_revision(tmp_path: Path) -> None:
    from linkstar_kit.web.store import Conflict

    store = Store(tmp_path)
    c = store.create("A", "en")
    assert store.save(c.token, {"version": 1}, 1) == 2
    with pytest.raises(Conflict):
        store.save(c.token, {"version": 1, "x": 1}, 1)
    assert store.get("not-a-token") is None


def test_help_does_not_import_the_server() -> None:
    code = ("import sys; from linkstar_kit import cli; cli.build_parser(); "
            "print([m for m in ('starlette', 'uvicorn', 'weasyprint', 'openpyxl', 'jinja2') "
            "if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


def test_the_example_loads(library: Library) -> None:
    assert load_answers(EXAMPLE, library).client.slug


def test_a_role_split_per_platform_and_joined_again(client: TestClient) -> None:
    """The terminal's "separate team per platform" question, asked on the roles page."""
    token = new_client(client)
    submit(client, token, "platforms", {"platforms": ["amazon", "shopee"]})
    page = client.get(f"/c/{token}/s/roles").text
    assert 'name="roles.operations.split"' in page          # operations works per platform
    assert 'name="roles.purchasing.split"' not in page      # purchasing does not
    submit(client, token, "roles", {"roles": ["operations"], "roles.operations.split": "on"})
    page = client.get(f"/c/{token}/s/roles").text
    assert 'name="roles.operations.split" value="on" checked' in page
    submit(client, token, "roles", {"roles": ["operations"], "roles.operations.split": "on",
                                    "roles.operations.amazon.headcount": "3",
                                    "roles.operations.shopee.headcount": "2",
                                    "roles.operations.shopee.title": "Shopee 运营"})
    page = client.get(f"/c/{token}/s/roles").text
    assert 'name="roles.operations.amazon.headcount" value="3"' in page
    assert 'name="roles.operations.shopee.title" value="Shopee 运营"' in page
    submit(client, token, "roles", {"roles": ["operations"],
                                    "roles.operations.headcount": "9"})
    page = client.get(f"/c/{token}/s/roles").text
    # one entry again, with everyone in it (as `linkstar init` does)
    assert 'name="roles.operations.headcount" value="5"' in page
    assert 'name="roles.operations.split" value="on" checked' not in page
