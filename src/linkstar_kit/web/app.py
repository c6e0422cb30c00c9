"""`linkstar serve`'s web application (Starlette): the questionnaire for clients behind
unguessable links, the consultant's page behind a token, and a small JSON API.

Pages are rendered on the server and work without JavaScript; /static/app.js only saves as the
client types and shows the questions that apply. Security in one place:
- the consultant's page needs the consultant token (cookie set from `?token=`, then dropped
  from the address); a client's pages need the client's token, and an unknown one is a 404;
- every form carries a CSRF token matched against a SameSite cookie; the JSON API takes
  only `Content-Type: application/json` (a cross-site form cannot send it) and no cookie;
- bodies over MAX_BODY are refused (413) while they are read;
- templates escape everything (Jinja2 autoescape), and a Content-Security-Policy allows only
  this server's own script; Referrer-Policy keeps a client's link out of other sites' logs;
- nothing is read or written from a path a request names: the only file is the SQLite
  database in the data folder, kits are built in memory.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..library.loader import Library
from ..questionnaire import spec
from ..questionnaire.texts import LANGUAGES, Texts
from .forms import Walker
from .kits import check_data, check_text, issue_json, kit_zip
from .store import Conflict, Store

MAX_BODY = 512 * 1024       # an answers file of 20,000 values is far below this
_STATIC = Path(__file__).with_name("static")
_TEMPLATES = Path(__file__).with_name("templates")


@dataclass
class Config:
    library: Library
    data_dir: Path
    consultant_token: str
    formats: list[str] = field(default_factory=lambda: ["md", "html"])
    today: dt.date | None = None


# --- middleware -----------------------------------------------------------------------------

class BodyLimit:
    """Refuse a request body over `limit` bytes: by its Content-Length, or while it streams."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = True
                if too_big:
                    await _too_large(scope, receive, send)
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # Raised inside the handler's read: Starlette answers it as a 413.
                    raise HTTPException(413, f"request body too large (limit {self.limit} "
                                             "bytes)")
            return message

        await self.app(scope, limited, send)


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    response = PlainTextResponse(f"request body too large (limit {MAX_BODY} bytes)",
                                 status_code=413)
    await response(scope, receive, send)


_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                               "base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                for k, v in _HEADERS.items():
                    if k.lower().encode() not in names:
                        headers.append((k.lower().encode(), v.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


# --- the application ------------------------------------------------------------------------

def create_app(config: Config) -> ASGIApp:
    import jinja2

    store = Store(config.data_dir)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    statics = {name: (_STATIC / name).read_bytes() for name in ("app.js", "app.css")}

    # --- request helpers ---------------------------------------------------------------------

    def lang_of(request: Request, fallback: str | None = None) -> str:
        asked = request.query_params.get("lang")
        if asked in LANGUAGES:
            return str(asked)
        cookie = request.cookies.get("lang")
        if cookie in LANGUAGES:
            return str(cookie)
        if fallback in LANGUAGES:
            return str(fallback)
        accept = request.headers.get("accept-language", "").lower()
        return "zh" if accept.startswith("zh") else "en"

    def csrf_of(request: Request) -> str:
        token = request.cookies.get("csrf", "")
        return token if len(token) == 43 else secrets.token_urlsafe(32)

    def render(request: Request, template: str, lang: str, status: int = 200,
               **values: Any) -> HTMLResponse:
        t = Texts(lang)
        csrf = csrf_of(request)
        body = env.get_template(template).render(
            t=t, w=lambda key, **fmt: t.part("web", key, **fmt), lang=lang, csrf=csrf,
            sections=spec.SECTIONS, path=request.url.path,
            names={code: Texts(code).part("prompts", "language_name") for code in LANGUAGES},
            **values)
        response = HTMLResponse(body, status_code=status)
        remember(request, response, lang)
        if request.cookies.get("csrf") != csrf:
            # Lax, not Strict: a link opened from an e-mail (a cross-site navigation) must see the
            # same token, or a second tab's form would stop matching it.
            response.set_cookie("csrf", csrf, httponly=True, samesite="lax")
        return response

    def remember(request: Request, response: Response, lang: str) -> None:
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")

    async def form_of(request: Request) -> Any:
        """The submitted form, or None when its CSRF token does not match the cookie."""
        form = await request.form(max_files=0, max_fields=2000, max_part_size=MAX_BODY)
        cookie = request.cookies.get("csrf", "")
        sent = str(form.get("csrf") or request.headers.get("x-csrf-token") or "")
        if not cookie or not hmac.compare_digest(cookie.encode(), sent.encode()):
            return None
        return form

    def refused(request: Request, lang: str) -> HTMLResponse:
        return render(request, "message.html", lang, status=403,
                      title=Texts(lang).part("web", "csrf_title"),
                      text=Texts(lang).part("web", "csrf_text"))

    def is_consultant(request: Request) -> bool:
        sent = request.cookies.get("consultant", "")
        return bool(sent) and hmac.compare_digest(sent.encode(),
                                                  config.consultant_token.encode())

    def walker(lang: str) -> Walker:
        return Walker(config.library, lang, config.today)

    def status_of(data: dict[str, Any], lang: str) -> tuple[Any, list[Any], dict[str, bool]]:
        answers, issues = check_data(data, config.library)
        return answers, issues, walker(lang).progress(data, issues)

    # --- pages -------------------------------------------------------------------------------

    async def home(request: Request) -> Response:
        lang = lang_of(request)
        return render(request, "message.html", lang, title=Texts(lang).part("web", "title"),
                      text=Texts(lang).part("web", "home"))

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in statics:
            return PlainTextResponse("not found", status_code=404)
        kind = "text/javascript" if name.endswith(".js") else "text/css"
        return Response(statics[name], media_type=f"{kind}; charset=utf-8")

    async def consultant(request: Request) -> Response:
        lang = lang_of(request)
        token = request.query_params.get("token")
        if token is not None:
            if not hmac.compare_digest(token.encode(), config.consultant_token.encode()):
                return render(request, "message.html", lang, status=403,
                              title=Texts(lang).part("web", "denied_title"),
                              text=Texts(lang).part("web", "denied_text"))
            # The token leaves the address bar (and the history) at once.
            response = RedirectResponse("/consultant", status_code=303)
            response.set_cookie("consultant", token, httponly=True, samesite="strict")
            remember(request, response, lang)
            return response
        if not is_consultant(request):
            return render(request, "message.html", lang, status=403,
                          title=Texts(lang).part("web", "denied_title"),
                          text=Texts(lang).part("web", "denied_text"))
        rows = []
        for c in store.all():
            answers, issues, progress = status_of(c.data, lang)
            rows.append({"client": c, "valid": answers is not None, "issues": len(issues),
                         "done": sum(progress.values()), "link": f"/c/{c.token}"})
        return render(request, "consultant.html", lang, rows=rows,
                      base=str(request.base_url).rstrip("/"), total=len(spec.SECTIONS))

    async def create_client(request: Request) -> Response:
        lang = lang_of(request)
        if not is_consultant(request):
            return PlainTextResponse("forbidden", status_code=403)
        form = await form_of(request)
        if form is None:
            return refused(request, lang)
        label = " ".join(str(form.get("label") or "").split())[:200]
        client_lang = str(form.get("language") or lang)
        if not label or client_lang not in LANGUAGES:
            return RedirectResponse("/consultant", status_code=303)
        store.create(label, client_lang)
        return RedirectResponse("/consultant", status_code=303)

    def client_or_404(request: Request) -> Any:
        return store.get(request.path_params["token"])

    def not_found(request: Request) -> Response:
        lang = lang_of(request)
        return render(request, "message.html", lang, status=404,
                      title=Texts(lang).part("web", "not_found_title"),
                      text=Texts(lang).part("web", "not_found_text"))

    async def client_home(request: Request) -> Response:
        client = client_or_404(request)
        if client is None:
            return not_found(request)
        lang = lang_of(request, client.lang)
        _, _, progress = status_of(client.data, lang)
        # A new link starts at the first section (its defaults are for the client to see).
        fresh = not any(progress_started(client.data, s) for s in spec.SECTIONS[1:])
        first = "client" if fresh else next((s for s in spec.SECTIONS if not progress[s]), None)
        target = f"/c/{client.token}/" + (f"s/{first}" if first else "summary")
        response = RedirectResponse(target, status_code=303)
        remember(request, response, lang)
        return response

    async def section_page(request: Request) -> Response:
        client = client_or_404(request)
        name = request.path_params["section"]
        if client is None or name not in spec.SPEC:
            return not_found(request)
        lang = lang_of(request, client.lang)
        if request.query_params.get("lang") in LANGUAGES and lang != client.lang:
            store.set_lang(client.token, lang)
        _, issues, progress = status_of(client.data, lang)
        shown = [i for i in issues if spec.section_of_path(i.path) == name] \
            if progress_started(client.data, name) else []
        page = walker(lang).page(name, client.data, shown)
        return render(request, "section.html", lang, client=client, page=page,
                      progress=progress, conflict=False)

    async def section_save(request: Request) -> Response:
        client = client_or_404(request)
        name = request.path_params["section"]
        if client is None or name not in spec.SPEC:
            return not_found(request)
        lang = lang_of(request, client.lang)
        autosave = request.headers.get("x-autosave") == "1"
        form = await form_of(request)
        if form is None:
            if autosave:
                return JSONResponse({"error": "csrf"}, status_code=403)
            return refused(request, lang)
        try:
            based_on = int(str(form.get("rev") or ""))
        except ValueError:
            based_on = -1
        action = str(form.get("action") or "")
        w = walker(lang)
        data = w.apply(name, client.data,
                       lambda k: None if form.get(k) is None else str(form.get(k)),
                       lambda k: [str(v) for v in form.getlist(k)], action)
        try:
            rev = store.save(client.token, data, based_on)
        except Conflict:
            fresh = store.get(client.token)
            assert fresh is not None
            message = Texts(lang).part("web", "conflict")
            if autosave:
                return JSONResponse({"conflict": True, "message": message, "rev": fresh.rev},
                                    status_code=409)
            _, issues, progress = status_of(fresh.data, lang)
            page = w.page(name, fresh.data, [])
            return render(request, "section.html", lang, status=409, client=fresh, page=page,
                          progress=progress, conflict=True)
        client.data, client.rev = data, rev
        _, issues, progress = status_of(data, lang)
        mine = [i for i in issues if spec.section_of_path(i.path) == name]
        page = w.page(name, data, mine)
        if autosave:
            return JSONResponse({
                "rev": rev,
                "applies": {f.name: f.applies for g in page.groups for f in g.fields},
                "groups": {g.key: g.visible for g in page.groups if g.key},
                "errors": {f.name: f.errors for g in page.groups for f in g.fields},
                "section_errors": page.errors,
                "progress": progress,
            })
        if mine or action:
            return render(request, "section.html", lang, status=200 if action else 422,
                          client=client, page=page, progress=progress, conflict=False)
        later = spec.SECTIONS[spec.SECTIONS.index(name) + 1:]
        nxt = next((s for s in later if not progress[s]), None)
        target = f"/c/{client.token}/" + (f"s/{nxt}" if nxt else "summary")
        return RedirectResponse(target, status_code=303)

    async def summary(request: Request) -> Response:
        client = client_or_404(request)
        if client is None:
            return not_found(request)
        lang = lang_of(request, client.lang)
        answers, issues, progress = status_of(client.data, lang)
        w = walker(lang)
        pages = [w.page(s, client.data) for s in spec.SECTIONS]
        problems = [(spec.section_of_path(i.path), issue_json(i)) for i in issues]
        return render(request, "summary.html", lang, client=client, pages=pages,
                      problems=problems, valid=answers is not None, progress=progress)

    async def answers_file(request: Request) -> Response:
        client = client_or_404(request)
        if client is None:
            return not_found(request)
        lang = lang_of(request, client.lang)
        answers, _ = check_data(client.data, config.library)
        if answers is None:
            return RedirectResponse(f"/c/{client.token}/summary", status_code=303)
        from ..questionnaire.yaml_out import commented_yaml

        text = commented_yaml(answers, config.library, lang, "answers.yaml")
        return Response(text, media_type="application/yaml; charset=utf-8", headers={
            "Content-Disposition": 'attachment; filename="answers.yaml"'})

    async def kit_file(request: Request) -> Response:
        client = client_or_404(request)
        if client is None:
            return not_found(request)
        answers, _ = check_data(client.data, config.library)
        if answers is None:
            return RedirectResponse(f"/c/{client.token}/summary", status_code=303)
        # the client's link leaves the consultant's notes out; the consultant's page keeps them
        body = await run_in_threadpool(partial(kit_zip, consultant_notes=is_consultant(request)),
                                       answers, config.library, config.formats)
        slug = answers.client.effective_slug()
        return Response(body, media_type="application/zip", headers={
            "Content-Disposition": f'attachment; filename="{slug}-kit.zip"'})

    # --- the JSON API ------------------------------------------------------------------------

    async def api_body(request: Request) -> str | Response:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            return JSONResponse({"error": "send the answers as Content-Type: application/json"},
                                status_code=415)
        raw = await request.body()
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return JSONResponse({"error": "the body is not UTF-8 text"}, status_code=400)

    async def api_validate(request: Request) -> Response:
        text = await api_body(request)
        if isinstance(text, Response):
            return text
        answers, issues = await run_in_threadpool(check_text, text, config.library)
        return JSONResponse({"valid": answers is not None,
                             "issues": [issue_json(i) for i in issues]})

    async def api_kits(request: Request) -> Response:
        from ..errors import UsageError
        from ..kit.generate import parse_formats

        text = await api_body(request)
        if isinstance(text, Response):
            return text
        try:
            formats = parse_formats(request.query_params.get("format") or config.formats)
        except UsageError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        answers, issues = await run_in_threadpool(check_text, text, config.library)
        if answers is None:
            return JSONResponse({"valid": False, "issues": [issue_json(i) for i in issues]},
                                status_code=422)
        body = await run_in_threadpool(kit_zip, answers, config.library, formats)
        slug = answers.client.effective_slug()
        return Response(body, media_type="application/zip", headers={
            "Content-Disposition": f'attachment; filename="{slug}-kit.zip"'})

    Handler = Callable[[Request], Awaitable[Response]]
    routes: list[tuple[str, Handler, list[str]]] = [
        ("/", home, ["GET"]),
        ("/static/{name}", static, ["GET"]),
        ("/consultant", consultant, ["GET"]),
        ("/consultant/clients", create_client, ["POST"]),
        ("/c/{token}", client_home, ["GET"]),
        ("/c/{token}/s/{section}", section_page, ["GET"]),
        ("/c/{token}/s/{section}", section_save, ["POST"]),
        ("/c/{token}/summary", summary, ["GET"]),
        ("/c/{token}/answers.yaml", answers_file, ["GET"]),
        ("/c/{token}/kit.zip", kit_file, ["GET"]),
        ("/api/answers/validate", api_validate, ["POST"]),
        ("/api/kits", api_kits, ["POST"]),
    ]
    app = Starlette(routes=[Route(p, h, methods=m) for p, h, m in routes])
    return BodyLimit(SecurityHeaders(app))


def progress_started(data: dict[str, Any], section: str) -> bool:
    """A section's problems are shown once it has answers (not on a first, empty visit)."""
    return any(k in data for k in spec.SECTION_KEYS[section] if k != "version")
