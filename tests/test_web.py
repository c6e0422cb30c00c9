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
    # ... said in the form's plain words, with the same meaning (no key path, no code marks)
    shown = re.search(r'data-errors-for="team_size"><li><span class="visually-hidden">Error: '
                      r'</span>(.*?)</li>', r.text)
    assert issue["message"] == "expected a whole number, got 'abc'"
    assert shown and html.unescape(shown.group(1)) == "Enter a whole number, such as 12"
    # the error summary at the top links to the field; the title says there is an error
    assert '<a href="#team_size">How many people are in scope?: Enter a whole number' in r.text
    assert "<title>Error: " in r.text
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
    # the client sends the answers; the consultant downloads them (and the kit)
    assert client.get(f"/c/{token}/answers.yaml").status_code == 404
    assert client.get(f"/consultant/c/{token}/files/answers.yaml").status_code == 200
    text = client.get(f"/consultant/c/{token}/files/answers.yaml").text
    assert text.startswith("# linkstar-kit answers (format version 1), written by `linkstar init`")
    from linkstar_kit.answers.loader import parse_answers
    from linkstar_kit.questionnaire.yaml_out import commented_yaml

    answers = parse_answers(text, "answers.yaml", library)
    assert commented_yaml(answers, library, "en", "answers.yaml") == text
    assert [p.id for p in answers.platforms] == ["amazon", "temu"]
    assert answers.platforms[0].sites == ["US", "DE"]
    assert answers.client.currency == "USD"


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


# --- round trips: what a page shows is what was saved ---------------------------------------

def _several() -> dict[str, Any]:
    """The example with two platforms, a role on one of them, a role split per platform and a
    second goal: every kind of field of every section holds an answer."""
    data = example()
    data["platforms"].append({"id": "shopee", "sites": ["SG", "MY"],
                              "fulfillment": ["platform_fulfillment"]})
    data["roles"][1]["platforms"] = ["amazon"]
    data["roles"][2:] = [
        {"role": "customer_service", "key": "customer-service-amazon", "headcount": 2,
         "platforms": ["amazon"]},
        {"role": "customer_service", "key": "customer-service-shopee", "headcount": 1,
         "title": "Shopee 客服", "platforms": ["shopee"]}]
    data["goals"].append({"kpi": "gmv", "target": 1200000, "by": "2026-09-30"})
    return data


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("answers", ["example", "several"])
def test_every_section_round_trips(tmp_path: Path, library: Library, lang: str,
                                   answers: str) -> None:
    """Each section, opened and sent back unchanged (as a browser sends it, without
    JavaScript), leaves the draft exactly as it was: ticked platforms and roles stay ticked."""
    from webform import form_fields

    data = example() if answers == "example" else _several()
    assert load_answers(EXAMPLE, library)       # the example is valid; so must be the variant
    app = create_app(Config(library=library, data_dir=tmp_path / "data", consultant_token=TOKEN))
    c = TestClient(app)
    store = Store(tmp_path / "data")
    token = store.create("Acme", lang, data).token
    r = post_json(c, "/api/answers/validate", data)
    assert r.json() == {"valid": True, "issues": []}
    for section in spec.SECTIONS:
        page = c.get(f"/c/{token}/s/{section}")
        assert page.status_code == 200
        fields = form_fields(page.text)
        r = c.post(f"/c/{token}/s/{section}", data=_multidict(fields))
        assert r.status_code == 200, (section, r.text[-1500:])
        assert "/s/" not in r.url.path, (section, re.findall(r'<li>(.*?)</li>', r.text))
        saved = store.get(token)
        assert saved is not None
        assert saved.data == data, section
    # the autosave (what the page's script sends) changes nothing either
    for section in spec.SECTIONS:
        page = c.get(f"/c/{token}/s/{section}")
        r = c.post(f"/c/{token}/s/{section}", data=_multidict(form_fields(page.text)),
                   headers={"X-Autosave": "1"})
        assert r.status_code == 200 and not any(r.json()["errors"].values()), section
        saved = store.get(token)
        assert saved is not None and saved.data == data, section


def _multidict(fields: list[tuple[str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in fields:
        if name in out:
            out[name] = [*out[name], value] if isinstance(out[name], list) else [out[name], value]
        else:
            out[name] = value
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_currency_is_a_real_code_and_a_cleared_one_is_an_error(client: TestClient,
                                                                 lang: str) -> None:
    from linkstar_kit import catalog as text

    token = new_client(client, lang=lang)
    base = {"client.name": "Acme", "client.language": lang, "client.timezone": "UTC"}
    for typed, suggestion in (("RMB", "CNY"), ("XYZ", None), ("usd ", None)):
        r = submit(client, token, "client", {**base, "client.currency": typed})
        if typed == "usd ":
            assert r.url.path.endswith("/s/scope")
            continue
        errors = re.search(r'data-errors-for="client.currency">(.*?)</ul>', r.text)
        assert errors is not None
        assert r.status_code == 422
        shown = html.unescape(errors.group(1))
        assert text.text(lang, "web.err.currency") in shown
        assert (f"{suggestion}" in shown) if suggestion else ("?" not in shown and "？" not in shown)
        assert "`" not in shown and "ISO 4217 currency code '" not in shown
    r = submit(client, token, "client", {**base, "client.currency": ""})
    assert r.status_code == 422
    assert text.text(lang, "web.err.currency_form") in html.unescape(r.text)


def test_linkstar_validate_refuses_an_unknown_currency(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    data = example()
    data["client"]["currency"] = "RMB"
    f = tmp_path / "answers.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["validate", str(f)]) == 1
    err = capsys.readouterr().err
    assert "client.currency: unknown ISO 4217 currency code 'RMB' (did you mean `CNY`?)" in err


def test_a_percent_field_takes_30_percent_and_says_it_wants_a_whole_number(
        client: TestClient) -> None:
    token = new_client(client)
    page = client.get(f"/c/{token}/s/incentives").text
    assert "A whole number from 0 to 100" in page
    r = submit(client, token, "incentives", {"incentives.linked_to_pay": "on",
                                             "incentives.kpi_weight_percent": "30%"})
    assert r.status_code == 200
    page = client.get(f"/c/{token}/s/incentives").text
    assert 'name="incentives.kpi_weight_percent" value="30"' in page


# --- a client's end: submit, read-only, the consultant's view -------------------------------

def _valid_client(c: TestClient, store: Store, lang: str = "en") -> str:
    login(c)
    return store.create("Label by consultant", lang, example()).token


@pytest.fixture
def served(tmp_path: Path, library: Library) -> tuple[TestClient, Store, Any]:
    app: Any = create_app(Config(library=library, data_dir=tmp_path / "data",
                                 consultant_token=TOKEN, kit_formats=["md", "ics", "xlsx"],
                                 build_cap=1, api_token="api-token-for-tests-0123456789"))
    return TestClient(app), Store(tmp_path / "data"), app


def test_submit_makes_the_link_read_only_until_the_consultant_reopens_it(
        served: tuple[TestClient, Store, Any]) -> None:
    c, store, _ = served
    token = _valid_client(c, store)
    page = c.get(f"/c/{token}/summary").text
    assert 'id="submit"' in page and "Confirm and send to my consultant" in page
    assert "kit.zip" not in page                        # the client never downloads the kit
    r = c.post(f"/c/{token}/submit", data={"csrf": csrf_of(c), "rev": rev_of(page)})
    assert r.url.path == f"/c/{token}/done"
    assert "Answers sent to your consultant" in r.text and "What happens next" in r.text
    assert "Amazon 美国站事业部" in r.text             # a copy of the answers
    # read-only: pages lead to the confirmation; a save changes nothing
    assert c.get(f"/c/{token}/s/scope").url.path.endswith("/done")
    assert c.get(f"/c/{token}").url.path.endswith("/done")
    before = store.get(token)
    assert before is not None and before.status == "submitted"
    r = c.post(f"/c/{token}/s/scope", data={"csrf": csrf_of(c), "rev": str(before.rev),
                                            "team_size": "99"})
    assert r.url.path.endswith("/done")
    after = store.get(token)
    assert after is not None and after.data == before.data
    # a second submit (Back, then the button again) is harmless
    assert c.post(f"/c/{token}/submit", data={"csrf": csrf_of(c), "rev": "1"}
                  ).url.path.endswith("/done")
    # the consultant sees it submitted, with the name the client entered
    page = c.get("/consultant").text
    assert "submitted" in page and "星河跨境 Starriver Trading" in page
    r = c.post(f"/consultant/c/{token}/reopen", data={"csrf": csrf_of(c)})
    assert r.status_code == 200
    reopened = store.get(token)
    assert reopened is not None and reopened.status == "in_progress"
    assert c.get(f"/c/{token}/s/scope").url.path.endswith("/s/scope")
    # archived clients leave the list (and come back)
    c.post(f"/consultant/c/{token}/archive", data={"csrf": csrf_of(c)})
    assert token not in c.get("/consultant").text
    assert token in c.get("/consultant?archived=1").text
    c.post(f"/consultant/c/{token}/unarchive", data={"csrf": csrf_of(c)})
    assert token in c.get("/consultant").text


def test_consultant_statuses(served: tuple[TestClient, Store, Any]) -> None:
    c, store, _ = served
    token = new_client(c, "Fresh")
    page = c.get("/consultant").text
    assert "not started" in page and "to fix" not in page   # a new client has nothing to fix
    submit(c, token, "client", {"client.name": "Fresh Co", "client.language": "en",
                                "client.currency": "USD", "client.timezone": "UTC"})
    page = c.get("/consultant").text
    assert "in progress" in page and "Name entered by the client: Fresh Co" in page
    assert '<time datetime="' in page


def test_the_consultant_builds_the_full_kit_in_the_background(
        served: tuple[TestClient, Store, Any]) -> None:
    import time

    c, store, app = served
    token = _valid_client(c, store)
    assert c.get(f"/consultant/c/{token}/files/kit.zip").url.path.endswith("/kit")
    r = c.post(f"/consultant/c/{token}/kit", data={"csrf": csrf_of(c)})
    assert r.url.path == f"/consultant/c/{token}/kit"
    for _ in range(600):
        page = c.get(f"/consultant/c/{token}/kit").text
        if 'id="kit-building"' not in page:
            break
        assert 'http-equiv="refresh"' in page               # the page follows the build
        time.sleep(0.2)
    assert 'id="kit-ready"' in page, page
    kit = zipfile.ZipFile(io.BytesIO(c.get(f"/consultant/c/{token}/files/kit.zip").content))
    names = kit.namelist()
    assert "calendar/reviews.ics" in names and "scorecard/scorecard.xlsx" in names
    assert "kpi-system.md" in names and "manifest.json" in names
    # kept until the answers change
    assert 'id="kit-ready"' in c.get(f"/consultant/c/{token}/kit").text
    submit(c, token, "scope", {"scope.level": "company", "scope.start": "2026-07-01",
                               "scope.horizon": "quarter", "stage": "mature",
                               "team_size": "10", "sku_count": "120"})
    page = c.get(f"/consultant/c/{token}/kit").text
    assert 'id="kit-ready"' not in page and 'id="kit-build"' in page
    app.app.app.state.builder.stop()


# --- a server that cannot be worn down ------------------------------------------------------

def test_builds_past_the_cap_are_refused_with_retry_after(
        served: tuple[TestClient, Store, Any]) -> None:
    c, _, app = served
    builder = app.app.app.state.builder
    builder._active = builder.cap                # every slot taken
    try:
        r = post_json(c, "/api/kits?format=md", example())
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    finally:
        builder._active = 0


def test_one_request_asks_for_bounded_work(served: tuple[TestClient, Store, Any]) -> None:
    c, _, _ = served
    data = example()
    data["roles"] = [{"role": "operations", "key": f"ops-{i}"} for i in range(30)]
    r = post_json(c, "/api/kits?format=md,html,ics", data)
    assert r.status_code == 413 and "at most 60" in r.json()["error"]


def test_pdf_on_the_api_needs_the_api_token(served: tuple[TestClient, Store, Any]) -> None:
    c, _, _ = served
    data = example()
    del data["goals"]                                  # invalid: nothing is built either way
    r = post_json(c, "/api/kits?format=md,pdf", data)
    assert r.status_code == 403 and "--api-token" in r.json()["error"]
    r = c.post("/api/kits?format=md,pdf", content=json.dumps(data), headers={
        "Content-Type": "application/json",
        "Authorization": "Bearer api-token-for-tests-0123456789"})
    assert r.status_code == 422                        # past the gate, to validation


@pytest.mark.parametrize("rev", [str(2**63), "9" * 30, "-1", "1e3", "１"])
def test_revision_numbers_out_of_range_are_a_conflict_not_a_crash(
        served: tuple[TestClient, Store, Any], rev: str) -> None:
    c, store, _ = served
    token = new_client(c)
    c.get(f"/c/{token}/s/client")
    r = c.post(f"/c/{token}/s/client", data={"csrf": csrf_of(c), "rev": rev,
                                             "client.name": "X"})
    assert r.status_code == 409


def test_a_deleted_database_is_created_again_and_a_broken_one_is_a_503(
        served: tuple[TestClient, Store, Any], tmp_path: Path) -> None:
    c, store, _ = served
    new_client(c)
    db = tmp_path / "data" / "linkstar-web.db"
    db.unlink()
    r = c.get("/consultant")
    assert r.status_code == 200 and "No clients yet" in r.text
    assert new_client(c)                              # and it works again
    db.write_bytes(b"this is not a database" * 100)
    r = c.get("/consultant")
    assert r.status_code == 503 and "cannot be read or written" in r.text
    assert "Traceback" not in r.text


def test_a_body_that_does_not_arrive_times_out() -> None:
    import asyncio

    from starlette.responses import PlainTextResponse

    from linkstar_kit.web.app import BodyLimit

    async def echo(scope: Any, receive: Any, send: Any) -> None:
        from starlette.requests import Request

        body = await Request(scope, receive).body()
        await PlainTextResponse(str(len(body)))(scope, receive, send)

    async def run() -> list[Any]:
        sent: list[Any] = []

        async def never() -> Any:
            await asyncio.sleep(3600)

        async def send(message: Any) -> None:
            sent.append(message)

        from starlette.exceptions import HTTPException

        app = BodyLimit(echo, timeout=0.1)
        scope = {"type": "http", "method": "POST", "path": "/", "headers": [],
                 "query_string": b""}
        try:
            await asyncio.wait_for(app(scope, never, send), 5)
        except HTTPException as exc:
            return [exc.status_code]
        return sent

    assert asyncio.run(run()) == [408]


def test_messages_are_plain_in_both_languages(library: Library) -> None:
    """Every kind of problem the answers' validation words has a plain sentence in the form's
    words: no key path, no code marks, no pydantic phrasing."""
    from linkstar_kit.errors import Issue
    from linkstar_kit.web.messages import kind_of, message

    samples = [
        ("missing required key `name`", None, "required"),
        ("expected a whole number, got '30%'", "rates are fractions: did you mean 0.3?",
         "whole_number"),
        ("input should be greater than or equal to 1, got 0", None, "at_least"),
        ("expected a date as YYYY-MM-DD, got 'soon'", None, "date"),
        ("unknown ISO 4217 currency code 'RMB'", "did you mean `CNY`?", "currency"),
        ("must be a 24-hour time as HH:MM, such as \"10:00\"; got '25:00'", None, "time"),
        ("goal date 2026-01-01 is before scope.start 2026-07-01", None, "before_start"),
        ("`net_margin` is a rate: target must be a fraction in [0, 1] (0.15 means 15 %), got 15",
         "did you mean 0.15?", "rate"),
    ]
    for text, hint, kind in samples:
        issue = Issue("answers.json", None, None, ("x",), text, hint)
        assert kind_of(issue)[0] == kind, text
        for lang in ("en", "zh"):
            said = message(issue, lang, "int" if kind == "whole_number" else None)
            assert "`" not in said and "scope.start" not in said and "input should" not in said
    zh = message(Issue("f", None, None, ("client", "currency"), "unknown ISO 4217 currency "
                       "code 'RMB'", "did you mean `CNY`?"), "zh")
    assert zh == "这不是币种代码（ISO 4217）。是不是 CNY？"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_summary_reads_as_text(served: tuple[TestClient, Store, Any], lang: str) -> None:
    c, store, _ = served
    token = store.create("Acme", lang, _several()).token
    page = c.get(f"/c/{token}/summary").text
    text = html.unescape(re.sub(r"<[^>]+>", " ", page[page.index("<main"):]))
    assert "{'" not in text and "['" not in text and "None" not in text
    assert "0.15 (15%)" in text                         # a rate, and what it means
    assert ("all platforms" if lang == "en" else "全部平台") in text
    assert ("Shopee" in text) and ("SG, MY" in text)
    assert "──" not in text and "Enter to skip" not in text and "回车" not in text


def test_a_link_without_a_client_name_is_an_error_on_the_form(client: TestClient) -> None:
    csrf = login(client)
    r = client.post("/consultant/clients", data={"csrf": csrf, "label": "  ", "language": "en"})
    assert r.status_code == 422
    assert "<title>Error: " in r.text and '<a href="#new-label">Enter the client&#39;s name' in r.text
    assert "/c/" not in r.text
