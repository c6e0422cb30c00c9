"""HTML documents: every Markdown document of the kit, converted and laid out for print.

The Markdown is parsed with markdown-it-py with raw HTML switched off, so anything a client
typed (a client name like `<script>`) reaches the page as text, never as markup. The one piece
of markup the Markdown blueprints use on purpose, `<br>` inside a table cell, is turned into a
line break at token level (only where the template wrote it, not where typed text was escaped).

The page around the body comes from the `html` blueprint (cover, contents, print CSS). Every
value handed to that blueprint is already escaped HTML, so a branded copy of the layout cannot
reintroduce an injection by forgetting a filter.

The PDF writer reuses these documents: `html_documents(ctx)` builds them once per context.
"""

from __future__ import annotations

import base64
import functools
import html as htmlmod
import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .context import KitContext
from .files import KitFiles
from .markdown import markdown_documents

BLUEPRINT = "html"
LAYOUT = "document.html"
# Documents that get a full cover page and a contents page; the others (role cards, agendas)
# get a compact title band with their contents inline.
FULL_DOCUMENTS = ("kpi-system.md",)


@dataclass
class HtmlDocument:
    """One laid-out document: the HTML text plus what the PDF writer needs to render it."""

    path: str
    html: str
    base_dir: Path  # relative URLs left in the layout resolve here (inside the blueprint)
    roots: list[Path] = field(default_factory=list)  # folders the PDF renderer may read


# --- Markdown -> HTML body -----------------------------------------------------------------

@functools.cache
def _parser() -> Any:
    """One Markdown parser per process (it keeps no state between documents)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    # An image is a fetch: typed text must not be able to make the reader's browser (or the
    # PDF renderer) load anything. `![x](url)` then reads as "!" and a link.
    md.disable("image")
    md.core.ruler.before("text_join", "linkstar_br", _template_breaks)
    return md


def _template_breaks(state: Any) -> None:
    """`<br>` written by a blueprint becomes a line break; escaped `\\<br\\>` stays text.

    Runs before `text_join`, while characters escaped in the Markdown are still separate
    `text_special` tokens, so only literal template text is touched.
    """
    from markdown_it.token import Token

    for tok in state.tokens:
        if tok.type != "inline" or not tok.children:
            continue
        out: list[Any] = []
        for child in tok.children:
            if child.type == "text" and "<br>" in child.content:
                parts = child.content.split("<br>")
                for i, part in enumerate(parts):
                    if i:
                        out.append(Token("hardbreak", "br", 0))
                    if part:
                        t = Token("text", "", 0)
                        t.content = part
                        out.append(t)
            else:
                out.append(child)
        tok.children = out


@dataclass
class _Body:
    title: str = ""  # inline HTML of the first level-1 heading
    title_text: str = ""  # the same as plain text (running header, <title>)
    lead: str = ""  # inline HTML of the paragraph right after the title
    cover: str = ""  # HTML of a list right after the lead (the top goals), for the cover
    toc: list[dict[str, Any]] = field(default_factory=list)
    html: str = ""


def _inline_text(tok: Any) -> str:
    """Plain text of an inline token (for <title> and the running header)."""
    parts = []
    for c in tok.children or []:
        if c.type in ("text", "code_inline", "text_special"):
            parts.append(c.content)
        elif c.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def markdown_body(text: str, cover: bool = False) -> _Body:
    """Convert one Markdown document; pull out its title, lead paragraph and headings, and,
    for a document with a cover page, the list right after the lead (the KPI system's top
    goals: they belong on the cover)."""
    md = _parser()
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    body = _Body()

    # Title and lead paragraph move to the cover / title band.
    if len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        body.title = md.renderer.renderInline(tokens[1].children or [], md.options, env)
        body.title_text = _inline_text(tokens[1])
        tokens = tokens[3:]
        if len(tokens) >= 3 and tokens[0].type == "paragraph_open":
            body.lead = md.renderer.renderInline(tokens[1].children or [], md.options, env)
            tokens = tokens[3:]
            if cover and tokens and tokens[0].type == "bullet_list_open":
                end = next(i for i, tok in enumerate(tokens)
                           if tok.type == "bullet_list_close" and tok.level == tokens[0].level)
                body.cover = md.renderer.render(tokens[:end + 1], md.options, env)
                tokens = tokens[end + 1:]

    n = 0
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            n += 1
            anchor = f"sec-{n}"
            tok.attrSet("id", anchor)
            level = int(tok.tag[1])
            if level in (2, 3):
                inline = tokens[i + 1]
                body.toc.append({
                    "id": anchor, "level": level,
                    "html": md.renderer.renderInline(inline.children or [], md.options, env),
                })
        elif tok.type == "table_open":
            _classify_table(tokens, i)
        elif tok.type == "bullet_list_open":
            _task_list(tokens, i)
    body.html = md.renderer.render(tokens, md.options, env)
    return body


_NUMBER = re.compile(r"^[-+]?[\d.,]+ ?%?$")


def _classify_table(tokens: list[Any], start: int) -> None:
    """Class the table (`cols-N`; `kv` for an empty header row), size and align its columns.

    Fixed table layout keeps a table inside the page, but shares the width out evenly unless
    told otherwise; here each column gets a share from what it holds (average text length, and
    its longest unbreakable word as a floor), so a "#" column stays narrow and a column of
    actions gets room. The last column takes what is left. A column of plain numbers is set
    flush right.
    """
    rows: list[list[str]] = []
    cells: list[list[Any]] = []  # the th/td open tokens, row by row
    for tok in tokens[start + 1:]:
        if tok.type == "table_close":
            break
        if tok.type == "tr_open":
            rows.append([])
            cells.append([])
        elif tok.type in ("th_open", "td_open") and cells:
            cells[-1].append(tok)
        elif tok.type == "inline" and rows:
            rows[-1].append(tok.content)
    cols = len(cells[0]) if cells else 0
    classes = [f"cols-{cols}"]
    if rows and not any(c.strip() for c in rows[0]):
        classes.append("kv")
    tokens[start].attrSet("class", " ".join(classes))
    if cols < 2 or len(rows) < 2:
        return
    widths = column_widths(rows, cols)
    # An empty header row is hidden, so the first body row carries the widths.
    sized = cells[1] if "kv" in classes else cells[0]
    styles: dict[int, list[str]] = {id(c): [] for row in cells for c in row}
    for cell, w in zip(sized[:-1], widths[:-1], strict=False):
        styles[id(cell)].append(f"width: {w:.1f}%")
    for c in range(cols):
        body = [r[c].strip() for r in rows[1:] if c < len(r)]
        if any(body) and all(_NUMBER.match(v) for v in body if v):
            for row in cells:
                if c < len(row):
                    styles[id(row[c])].append("text-align: right")
    for row in cells:
        for cell in row:
            if styles[id(cell)]:
                cell.attrSet("style", "; ".join(styles[id(cell)]))


_CELL_MARKUP = re.compile(r"\*\*|<br>|\\")


@functools.cache
def _wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in "WF"


def _display_len(text: str) -> int:
    if text.isascii():  # no wide characters: the common case, and a hot path
        return len(text)
    return sum(2 if _wide(ch) else 1 for ch in text)


def _longest_word(text: str) -> int:
    """Longest run that cannot break: Latin words (CJK breaks between any two characters)."""
    if text.isascii():
        return max(map(len, text.split()), default=0)
    best = run = 0
    for ch in text:
        if ch.isspace():
            run = 0
        elif _wide(ch):
            run = 0
            best = max(best, 2)
        else:
            run += 1
            best = max(best, run)
    return best


# On A4 with the blueprint's margins one character of table text is about 1 % of the
# width, and a cell's padding about 2 %.
_CHAR_PCT, _PAD_PCT = 1.1, 2.0


def column_widths(rows: list[list[str]], cols: int) -> list[float]:
    """Percentages of the table width per column (summing to 100 minus the cells' padding)."""
    cells = [[_CELL_MARKUP.sub(" ", r[c]) if c < len(r) else "" for r in rows] for c in range(cols)]
    desire, floor = [], []
    for col in cells:
        body = col[1:] or col[:1]
        avg = sum(_display_len(x) for x in body) / len(body)
        desire.append(max(avg, 3.0) ** 0.6)
        word = max(_longest_word(x) for x in col)
        head = _display_len(col[0].strip())
        # room for its longest word or heading, and for a dozen characters of its usual text
        # (a Chinese KPI name breaks anywhere, but four characters a line reads badly)
        floor.append(min(max(word, head, min(avg, 12), 2), 12) * _CHAR_PCT + _PAD_PCT)
    total = 100.0
    if sum(floor) > total:
        floor = [f * total / sum(floor) for f in floor]
    share = [0.0] * cols
    free = set(range(cols))
    left = total
    while free:
        weight = sum(desire[c] for c in free)
        trial = {c: left * desire[c] / weight for c in free}
        low = [c for c in free if trial[c] < floor[c]]
        if not low:
            for c in free:
                share[c] = trial[c]
            break
        for c in low:
            share[c] = floor[c]
            left -= floor[c]
            free.discard(c)
    return [max(s - _PAD_PCT, 1.0) for s in share]


def _task_list(tokens: list[Any], start: int) -> None:
    """`- [ ] item` lists (the pitfalls checklist) print as check boxes."""
    items = []
    depth = 0
    for j in range(start + 1, len(tokens)):
        tok = tokens[j]
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and tok.type == "list_item_open":
            # list_item_open, paragraph_open, inline
            inline = tokens[j + 2] if j + 2 < len(tokens) else None
            if inline is None or inline.type != "inline" or not inline.children:
                return
            first = inline.children[0]
            if first.type != "text" or not first.content.startswith("[ ] "):
                return
            items.append((tok, first))
    if not items:
        return
    tokens[start].attrSet("class", "checklist")
    for li, first in items:
        li.attrSet("class", "task")
        first.content = first.content[4:]


# --- layout --------------------------------------------------------------------------------

_STYLE_BLOCK = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S | re.I)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)""")
_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc=)(["'])([^"']+)\2""", re.I)


def _asset(ref: str, folders: list[Path], root: Path) -> str | None:
    """A relative reference to a file inside the blueprint folder, as a data: URI."""
    if ":" in ref or ref.startswith(("/", "#")):
        return None  # absolute, data: or fragment: left alone (the PDF fetcher judges it)
    base_root = root.resolve()
    for folder in folders:
        p = (folder / ref).resolve()
        if p.is_file() and p.is_relative_to(base_root):
            mime = mimetypes.guess_type(p.name)[0] or "application/octet-stream"
            if p.suffix == ".woff2":
                mime = "font/woff2"
            data = base64.b64encode(p.read_bytes()).decode("ascii")
            return f"data:{mime};base64,{data}"
    return None


def inline_assets(layout: str, blueprint: Path) -> str:
    """Make the page self-contained: a logo or font next to the layout becomes a data: URI.

    Only `url(...)` inside <style> and `src` of <img> are touched: neither can come from typed
    text, which is escaped before it reaches the layout.
    """
    folders = [blueprint / "templates", blueprint]

    def css(m: re.Match[str]) -> str:
        def one(u: re.Match[str]) -> str:
            data = _asset(u.group(2), folders, blueprint)
            return f'url("{data}")' if data else u.group(0)

        return m.group(1) + _CSS_URL.sub(one, m.group(2)) + m.group(3)

    def img(m: re.Match[str]) -> str:
        data = _asset(htmlmod.unescape(m.group(3)), folders, blueprint)
        return f"{m.group(1)}{m.group(2)}{data}{m.group(2)}" if data else m.group(0)

    return _IMG_SRC.sub(img, _STYLE_BLOCK.sub(css, layout))


def _e(value: object) -> str:
    return htmlmod.escape(str(value), quote=True)


def _doc_class(path: str) -> str:
    if path == "kpi-system.md":
        return "kpi-system"
    if path.startswith("roles/"):
        return "role-card"
    if path.startswith("agendas/"):
        return "agenda"
    if path.startswith("consultant/"):
        return "consultant-notes"
    return "other"


def page_context(ctx: KitContext, path: str, body: _Body) -> dict[str, Any]:
    """What the layout sees: every string is escaped HTML already."""
    view = ctx.view
    t = view["t"]
    scope = view["scope"]
    scope_text = f"{scope['level']}: {scope['name']}"
    return {
        "lang": view["lang"],
        "html_lang": view["html_lang"],
        "kind": "document" if path in FULL_DOCUMENTS else "card",
        "doc": _doc_class(path),
        "path": _e(path),
        "title": body.title or _e(path),
        "title_text": _e(body.title_text or path),
        "lead": body.lead,
        "cover": body.cover,
        "client": _e(view["client"]["name"]),
        "scope": _e(scope_text),
        "date": _e(scope["start"]),
        "end": _e(scope.get("end", "")),
        "horizon": _e(scope["horizon"]),
        "labels": {
            "prepared_for": _e(t["prepared_for"]),
            "scope": _e(t["scope"]),
            "date": _e(t["start"]),
            "end": _e(t["ends"]),
            "top_goals": _e(t["top_goals"]),
            "horizon": _e(t["horizon"]),
            "generated_by": _e(t["generated_by"]),
            "library": _e(t["library"]),
            "contents": _e(t["contents"]),
            # CSS, not HTML: the catalog's value is a CSS `content` expression as written
            "page_counter": t["page_counter"],
        },
        "generator": _e(f"{view['generator']['name']} {view['generator']['version']}"),
        "library": _e(view["generator"].get("library", "")),
        "toc": body.toc,
        "body": body.html,
    }


def render_document(ctx: KitContext, path: str, markdown_text: str) -> HtmlDocument:
    """One Markdown document -> a full HTML page through the `html` blueprint."""
    body = markdown_body(markdown_text, cover=path in FULL_DOCUMENTS)
    page = page_context(ctx, path, body)
    files = ctx.blueprints.render(BLUEPRINT, {"page": page}, [LAYOUT])
    blueprint = ctx.blueprints.find(BLUEPRINT)
    html = inline_assets(files[LAYOUT], blueprint)
    if not html.endswith("\n"):
        html += "\n"
    return HtmlDocument(path=path[: -len(".md")] + ".html", html=html,
                        base_dir=blueprint / "templates",
                        roots=[p.resolve() for p in ctx.blueprints.search])


def html_documents(ctx: KitContext) -> dict[str, HtmlDocument]:
    """{kit path: document} for every Markdown document; built once per kit."""
    if ctx.rendered.html is None:
        markdown = markdown_documents(ctx)
        docs = {}
        for path in sorted(markdown):
            if path.endswith(".md"):
                doc = render_document(ctx, path, markdown[path])
                docs[doc.path] = doc
        ctx.rendered.html = docs
    return ctx.rendered.html


def write_html(ctx: KitContext, out: KitFiles) -> None:
    for path, doc in html_documents(ctx).items():
        out.add(path, doc.html)
