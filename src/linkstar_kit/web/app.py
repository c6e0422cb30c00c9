"""`linkstar serve`'s web application (Starlette): the questionnaire for clients behind
unguessable links, the consultant's page behind a token, and a small JSON API.

Pages are rendered on the server and work without JavaScript; /static/app.js only saves as the
client types, shows the questions that apply and copies links. Security in one place:
- the consultant's page needs the consultant token (cookie set from `?token=`, then dropped
  from the address); a client's pages need the client's token, and an unknown one is a 404;
- every form carries a CSRF token matched against a SameSite cookie; the JSON API takes
  only `Content-Type: application/json` (a cross-site form cannot send it) and no cookie;
- bodies over MAX_BODY are refused (413) while they are read, and a body not sent within
  BODY_TIMEOUT seconds is refused (408) rather than holding a connection open;
- templates escape everything (Jinja2 autoescape), and a Content-Security-Policy allows only
  this server's own script; Referrer-Policy keeps a client's link out of other sites' logs;
- nothing is read or written from a path a request names: the files are the SQLite database
  and the consultants' kits (named by client token) in the data folder;
- kits are built in one shared process pool with a cap on builds at once (builds.py): past
  it, 429 with Retry-After; PDF on the open API needs the API token.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import secrets
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import (
    FileResponse,
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
from .builds import RETRY_AFTER, Builder, Busy, TooBig, check_work, kit_key
from .forms import Page, Walker
from .kits import check_data, check_text, issue_json
from .store import MAX_REV, Client, Conflict, Store

MAX_BODY = 512 * 1024       # an answers file of 20,000 values is far below this
BODY_TIMEOUT = 15.0         # seconds to send a request's body
_STATIC = Path(__file__).with_name("static")
_TEMPLATES = Path(__file__).with_name("templates")


@dataclass
class Config:
    library: Library
    data_dir: Path
    consultant_token: str
    # the API's kits without a token (PDF needs `api_token`); the consultant's kit is `kit_formats`
    formats: list[str] = field(default_factory=lambda: ["md", "html"])
    today: dt.date | None = None
    api_token: str | None = None
    kit_formats: list[str] | None = None     # default: every format `generate` writes
    build_cap: int | None = None             # kit builds at once (default: the CPUs)


# --- middleware -----------------------------------------------------------------------------

class BodyLimit:
    """Refuse a request body over `limit` bytes (by its Content-Length, or while it streams),
    or one that does not arrive within `timeout` seconds."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY, timeout: float = BODY_TIMEOUT
                 ) -> None:
        self.app = app
        self.limit = limit
        self.timeout = timeout

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
        complete = False

        async def limited() -> Message:
            nonlocal seen, complete
            if complete:
                # the body is in: what follows is the wait for a disconnect, which has no limit
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), self.timeout)
            except asyncio.TimeoutError:
                raise HTTPException(408, "the request body did not arrive in time") from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                complete = not message.get("more_body", False)
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


def _revision(text: Any) -> int:
    """A form's revision number, or -1 (no revision) when it is not one SQLite can hold."""
    s = str(text or "")
    if not (s.isascii() and s.isdigit() and len(s) <= 19):
        return -1
    n = int(s)
    return n if n <= MAX_REV else -1


# --- the application ------------------------------------------------------------------------

def create_app(config: Config) -> ASGIApp:
    import jinja2

    from ..kit.generate import parse_formats

    store = Store(config.data_dir)
    builder = Builder(config.library, config.data_dir, config.build_cap)
    kit_formats = config.kit_formats or parse_formats(None)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.update(local=_local_time, utc=lambda iso: _local_time(iso, "UTC"),
                       elapsed=lambda job: int(time.monotonic() - job.started),
                       size=_size)
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
        values.setdefault("summary_errors", [])
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

    def message_page(request: Request, lang: str, status: int, key: str) -> HTMLResponse:
        t = Texts(lang)
        return render(request, "message.html", lang, status=status,
                      title=t.part("web", f"{key}_title"), text=t.part("web", f"{key}_text"))

    def refused(request: Request, lang: str) -> HTMLResponse:
        return message_page(request, lang, 403, "csrf")

    def is_consultant(request: Request) -> bool:
        sent = request.cookies.get("consultant", "")
        return bool(sent) and hmac.compare_digest(sent.encode(),
                                                  config.consultant_token.encode())

    def walker(lang: str) -> Walker:
        return Walker(config.library, lang, config.today)

    def status_of(data: dict[str, Any], lang: str) -> tuple[Any, list[Any], dict[str, bool]]:
        answers, issues = check_data(data, config.library)
        return answers, issues, walker(lang).progress(data, issues)

    def back_to_summary(request: Request) -> bool:
        return request.query_params.get("back") == "summary"

    def summary_errors(page: Page, base: str = "") -> list[tuple[str, str, str]]:
        """The error summary's entries: a link to each field with a problem, then the
        section's own problems."""
        out = [(f"{base}#{f.id}", f.label, e) for g in page.groups if g.visible
               for f in g.fields if f.applies for e in f.errors]
        out += [(f"{base}#section-errors", "", e) for e in page.errors]
        return out

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

    def denied(request: Request, lang: str) -> Response:
        return message_page(request, lang, 403, "denied")

    async def consultant(request: Request) -> Response:
        lang = lang_of(request)
        token = request.query_params.get("token")
        if token is not None:
            if not hmac.compare_digest(token.encode(), config.consultant_token.encode()):
                return denied(request, lang)
            # The token leaves the address bar (and the history) at once.
            response = RedirectResponse("/consultant", status_code=303)
            response.set_cookie("consultant", token, httponly=True, samesite="strict")
            remember(request, response, lang)
            return response
        if not is_consultant(request):
            return denied(request, lang)
        archived = request.query_params.get("archived") == "1"
        rows = []
        for c in store.all(archived=archived):
            answers, issues, progress = status_of(c.data, lang)
            entered = c.data.get("client", {}).get("name") if isinstance(
                c.data.get("client"), dict) else None
            rows.append({"client": c, "valid": answers is not None, "issues": len(issues),
                         "done": sum(progress.values()), "link": f"/c/{c.token}",
                         "entered": entered if isinstance(entered, str) else None,
                         "status": c.status})
        return render(request, "consultant.html", lang, rows=rows, archived=archived,
                      base=str(request.base_url).rstrip("/"), total=len(spec.SECTIONS),
                      label_error=None)

    async def create_client(request: Request) -> Response:
        lang = lang_of(request)
        if not is_consultant(request):
            return PlainTextResponse("forbidden", status_code=403)
        form = await form_of(request)
        if form is None:
            return refused(request, lang)
        label = " ".join(str(form.get("label") or "").split())[:200]
        client_lang = str(form.get("language") or lang)
        if client_lang not in LANGUAGES:
            client_lang = lang
        if not label:
            # said as every form here says it: an error summary linking to the field
            text = Texts(lang).part("web", "label_required")
            return render(request, "consultant.html", lang, status=422, rows=[],
                          archived=False, base=str(request.base_url).rstrip("/"),
                          total=len(spec.SECTIONS), label_error=text,
                          summary_errors=[("#new-label", "", text)])
        store.create(label, client_lang)
        return RedirectResponse("/consultant", status_code=303)

    def kit_of(c: Client) -> tuple[Any, str | None]:
        """The client's answers and the key of their kit (None while they are not valid)."""
        answers, _ = check_data(c.data, config.library)
        return answers, (kit_key(answers, kit_formats, config.library)
                         if answers is not None else None)

    async def consultant_op(request: Request) -> Response:
        lang = lang_of(request)
        if not is_consultant(request):
            return denied(request, lang)
        c = store.get(request.path_params["token"])
        op = request.path_params["op"]
        if c is None or op not in ("reopen", "archive", "unarchive", "kit"):
            return not_found(request)
        form = await form_of(request)
        if form is None:
            return refused(request, lang)
        if op == "reopen":
            store.reopen(c.token)
        elif op in ("archive", "unarchive"):
            store.archive(c.token, op == "archive")
        else:
            answers, key = kit_of(c)
            if answers is None or key is None:
                return RedirectResponse(f"/consultant/c/{c.token}/kit", status_code=303)
            try:
                await run_in_threadpool(builder.start_job, c.token, key, answers, kit_formats)
            except Busy:
                response = render(request, "kit.html", lang, status=429, client=c, job=None,
                                  busy=True, formats=kit_formats, valid=True, last=None)
                response.headers["Retry-After"] = str(RETRY_AFTER)
                return response
            return RedirectResponse(f"/consultant/c/{c.token}/kit", status_code=303)
        back = "/consultant?archived=1" if op == "unarchive" else "/consultant"
        return RedirectResponse(back, status_code=303)

    async def consultant_kit(request: Request) -> Response:
        lang = lang_of(request)
        if not is_consultant(request):
            return denied(request, lang)
        c = store.get(request.path_params["token"])
        if c is None:
            return not_found(request)
        answers, key = kit_of(c)
        job = builder.job(c.token, key) if key else None
        return render(request, "kit.html", lang, client=c, job=job, busy=False,
                      formats=kit_formats, valid=answers is not None,
                      last=builder.last_seconds)

    async def consultant_file(request: Request) -> Response:
        lang = lang_of(request)
        if not is_consultant(request):
            return denied(request, lang)
        c = store.get(request.path_params["token"])
        if c is None or request.path_params["name"] not in ("answers.yaml", "kit.zip"):
            return not_found(request)
        answers, key = kit_of(c)
        if answers is None or key is None:
            return RedirectResponse(f"/consultant/c/{c.token}/kit", status_code=303)
        slug = answers.client.effective_slug()
        if request.path_params["name"] == "answers.yaml":
            from ..questionnaire.yaml_out import commented_yaml

            text = commented_yaml(answers, config.library, answers.client.language,
                                  "answers.yaml")
            return Response(text, media_type="application/yaml; charset=utf-8", headers={
                "Content-Disposition": f'attachment; filename="{slug}-answers.yaml"'})
        path = builder.kit_path(c.token, key)
        if path is None:
            return RedirectResponse(f"/consultant/c/{c.token}/kit", status_code=303)
        return FileResponse(path, media_type="application/zip",
                            filename=f"{slug}-kit.zip")

    def client_or_404(request: Request) -> Client | None:
        return store.get(request.path_params["token"])

    def not_found(request: Request) -> Response:
        return message_page(request, lang_of(request), 404, "not_found")

    def done_url(c: Client) -> str:
        return f"/c/{c.token}/done"

    async def client_home(request: Request) -> Response:
        client = client_or_404(request)
        if client is None:
            return not_found(request)
        lang = lang_of(request, client.lang)
        if client.submitted:
            target = done_url(client)
        else:
            _, _, progress = status_of(client.data, lang)
            # A new link starts at the first section (its defaults are for the client to see).
            fresh = not any(progress_started(client.data, s) for s in spec.SECTIONS[1:])
            first = "client" if fresh else next((s for s in spec.SECTIONS if not progress[s]),
                                                None)
            target = f"/c/{client.token}/" + (f"s/{first}" if first else "summary")
        response = RedirectResponse(target, status_code=303)
        remember(request, response, lang)
        return response

    def section_view(request: Request, lang: str, client: Client, name: str,
                     data: dict[str, Any], issues: list[Any], progress: dict[str, bool],
                     status: int = 200, conflict: bool = False, focus: bool = True
                     ) -> Response:
        page = walker(lang).page(name, data, issues)
        return render(request, "section.html", lang, status=status, client=client, page=page,
                      progress=progress, conflict=conflict, back=back_to_summary(request),
                      summary_errors=summary_errors(page) if focus else [])

    async def section_page(request: Request) -> Response:
        client = client_or_404(request)
        name = request.path_params["section"]
        if client is None or name not in spec.SPEC:
            return not_found(request)
        if client.submitted:
            return RedirectResponse(done_url(client), status_code=303)
        lang = lang_of(request, client.lang)
        if request.query_params.get("lang") in LANGUAGES and lang != client.lang:
            store.set_lang(client.token, lang)
        _, issues, progress = status_of(client.data, lang)
        shown = [i for i in issues if spec.section_of_path(i.path) == name] \
            if progress_started(client.data, name) else []
        # a revisit shows the problems beside their fields; the summary at the top is for a
        # failed save (it takes the focus)
        return section_view(request, lang, client, name, client.data, shown, progress,
                            focus=False)

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
        if client.submitted:
            if autosave:
                return JSONResponse({"submitted": True,
                                     "message": Texts(lang).part("web", "read_only")},
                                    status_code=409)
            return RedirectResponse(done_url(client), status_code=303)
        based_on = _revision(form.get("rev"))
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
            message_text = Texts(lang).part("web", "conflict")
            if autosave:
                return JSONResponse({"conflict": True, "message": message_text,
                                     "rev": fresh.rev}, status_code=409)
            _, issues, progress = status_of(fresh.data, lang)
            return section_view(request, lang, fresh, name, fresh.data, [], progress,
                                status=409, conflict=True)
        client.data, client.rev = data, rev
        _, issues, progress = status_of(data, lang)
        mine = [i for i in issues if spec.section_of_path(i.path) == name]
        if action and name == "goals":
            # a goal just added (or moved up by a removal) and still empty is not an error yet
            goals = data.get("goals") or []
            mine = [i for i in mine if not (len(i.path) > 1 and isinstance(i.path[1], int)
                                            and i.path[1] < len(goals) and not goals[i.path[1]])]
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
                          client=client, page=page, progress=progress, conflict=False,
                          back=back_to_summary(request),
                          summary_errors=[] if action else summary_errors(page))
        later = spec.SECTIONS[spec.SECTIONS.index(name) + 1:]
        # a "change" from the summary returns there
        nxt = None if back_to_summary(request) else next((s for s in later if not progress[s]),
                                                          None)
        target = f"/c/{client.token}/" + (f"s/{nxt}" if nxt else "summary")
        return RedirectResponse(target, status_code=303)

    def answer_pages(lang: str, data: dict[str, Any]) -> list[Page]:
        w = walker(lang)
        return [w.page(s, data) for s in spec.SECTIONS]

    def problems_of(lang: str, data: dict[str, Any], issues: list[Any]
                    ) -> list[tuple[str, str, str]]:
        """Each problem of the draft as (link to its field, section name, plain message)."""
        w = walker(lang)
        out = []
        for s in spec.SECTIONS:
            mine = [i for i in issues if spec.section_of_path(i.path) == s]
            if mine:
                page = w.page(s, data, mine)
                out += [(f"s/{s}{href}", label, text)
                        for href, label, text in summary_errors(page)]
        return out

    async def summary(request: Request) -> Response:
        client = client_or_404(request)
        if client is None:
            return not_found(request)
        if client.submitted:
            return RedirectResponse(done_url(client), status_code=303)
        lang = lang_of(request, client.lang)
        answers, issues, progress = status_of(client.data, lang)
        return render(request, "summary.html", lang, client=client,
                      pages=answer_pages(lang, client.data),
                      problems=problems_of(lang, client.data, issues),
                      valid=answers is not None, progress=progress, summary_page=True)

    async def submit(request: Request) -> Response:
        client = client_or_404(request)
        if client is None:
            return not_found(request)
        lang = lang_of(request, client.lang)
        form = await form_of(request)
        if form is None:
            return refused(request, lang)
        answers, _ = check_data(client.data, config.library)
        if not client.submitted and (answers is None or not store.submit(
                client.token, _revision(form.get("rev")))):
            # not valid, or changed in another tab since the summary was shown: show it again
            return RedirectResponse(f"/c/{client.token}/summary", status_code=303)
        return RedirectResponse(done_url(client), status_code=303)

    async def done(request: Request) -> Response:
        client = client_or_404(request)
        if client is None:
            return not_found(request)
        if not client.submitted:
            return RedirectResponse(f"/c/{client.token}/summary", status_code=303)
        lang = lang_of(request, client.lang)
        zone = client.data.get("client", {}).get("timezone") if isinstance(
            client.data.get("client"), dict) else None
        return render(request, "done.html", lang, client=client,
                      pages=answer_pages(lang, client.data), when=client.submitted,
                      zone=zone if isinstance(zone, str) else "UTC")

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

    def api_authorised(request: Request) -> bool:
        if not config.api_token:
            return False
        sent = request.headers.get("authorization", "")
        return hmac.compare_digest(sent.encode(), f"Bearer {config.api_token}".encode())

    async def api_kits(request: Request) -> Response:
        from ..errors import LinkstarError, UsageError

        text = await api_body(request)
        if isinstance(text, Response):
            return text
        try:
            formats = parse_formats(request.query_params.get("format") or config.formats)
        except UsageError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        if "pdf" in formats and not api_authorised(request):
            return JSONResponse({"error": "PDF kits on the API need the server's API token: "
                                          "start `linkstar serve --api-token ...` and send "
                                          "`Authorization: Bearer <token>`; or ask for "
                                          "?format=md,html"}, status_code=403)

        def busy() -> Response:
            return JSONResponse({"error": f"{builder.cap} kits are being built; try again "
                                          "shortly"}, status_code=429,
                                headers={"Retry-After": str(RETRY_AFTER)})

        if builder.full():
            return busy()       # before the answers are read: a refusal costs nothing
        answers, issues = await run_in_threadpool(check_text, text, config.library)
        if answers is None:
            return JSONResponse({"valid": False, "issues": [issue_json(i) for i in issues]},
                                status_code=422)
        try:
            check_work(answers, formats)
            future = await run_in_threadpool(builder.submit, answers, formats)
        except Busy:
            return busy()
        except TooBig as exc:
            return JSONResponse({"error": str(exc)}, status_code=413)
        try:
            body = await asyncio.wrap_future(future)
        except LinkstarError as exc:  # answers that validate yet cannot make a kit: say why
            return JSONResponse({"error": str(exc)}, status_code=422)
        except Exception as exc:  # noqa: BLE001 - a build's failure, said to the caller
            return JSONResponse({"error": f"the kit could not be built: {exc}"},
                                status_code=500)
        slug = answers.client.effective_slug()
        return Response(body, media_type="application/zip", headers={
            "Content-Disposition": f'attachment; filename="{slug}-kit.zip"'})

    # --- failures ------------------------------------------------------------------------------

    async def database_down(request: Request, exc: Exception) -> Response:
        lang = lang_of(request)
        if request.url.path.startswith("/api/") or request.headers.get("x-autosave") == "1":
            return JSONResponse({"error": "the answers database cannot be used right now"},
                                status_code=503, headers={"Retry-After": "60"})
        response = message_page(request, lang, 503, "db")
        response.headers["Retry-After"] = "60"
        return response

    async def gone(request: Request, exc: Exception) -> Response:
        # the client went away mid-body: nobody to answer, nothing to log
        return Response(status_code=400)

    Handler = Callable[[Request], Awaitable[Response]]
    routes: list[tuple[str, Handler, list[str]]] = [
        ("/", home, ["GET"]),
        ("/static/{name}", static, ["GET"]),
        ("/consultant", consultant, ["GET"]),
        ("/consultant/clients", create_client, ["POST"]),
        ("/consultant/c/{token}/kit", consultant_kit, ["GET"]),
        ("/consultant/c/{token}/{op}", consultant_op, ["POST"]),
        ("/consultant/c/{token}/files/{name:str}", consultant_file, ["GET"]),
        ("/c/{token}", client_home, ["GET"]),
        ("/c/{token}/s/{section}", section_page, ["GET"]),
        ("/c/{token}/s/{section}", section_save, ["POST"]),
        ("/c/{token}/summary", summary, ["GET"]),
        ("/c/{token}/submit", submit, ["POST"]),
        ("/c/{token}/done", done, ["GET"]),
        ("/api/answers/validate", api_validate, ["POST"]),
        ("/api/kits", api_kits, ["POST"]),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # the one build pool, started with the server (in a thread: spawning takes seconds);
        # a pool that cannot start leaves the questionnaire up, and the kit pages say why
        try:
            await run_in_threadpool(builder.warm)
        except Exception as exc:  # noqa: BLE001 - any failure to start workers
            print(f"warning: the kit builders did not start ({exc}); kits will be built on "
                  "demand", file=sys.stderr, flush=True)
            builder.stop()
        try:
            yield
        finally:
            builder.stop()

    app = Starlette(routes=[Route(p, h, methods=m) for p, h, m in routes],
                    exception_handlers={sqlite3.Error: database_down, ClientDisconnect: gone},
                    lifespan=lifespan)
    app.state.builder = builder
    return BodyLimit(SecurityHeaders(app))


def _local_time(iso: str | None, zone: str) -> str:
    """A stored UTC time as a reader of `zone` reads it: 2026-07-01 18:05 (Asia/Shanghai)."""
    import zoneinfo

    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(iso).astimezone(zoneinfo.ZoneInfo(zone))
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return iso
    return f"{moment:%Y-%m-%d %H:%M} ({zone})"


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{max(1, round(n / 1000))} kB"


def progress_started(data: dict[str, Any], section: str) -> bool:
    """A section's problems are shown once it has answers (not on a first, empty visit)."""
    return any(k in data for k in spec.SECTION_KEYS[section] if k != "version")
