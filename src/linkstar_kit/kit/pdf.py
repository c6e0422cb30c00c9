"""PDF documents: the KPI system and every role card, rendered from their HTML by WeasyPrint.

WeasyPrint is imported inside the functions that use it (it takes about a second to import,
and `--format md` or `linkstar --help` must not pay for it). PDFs are rendered in parallel,
one process per CPU core, the largest first so the cores finish together.

Rendering is sandboxed by `SandboxFetcher`: WeasyPrint may read `data:` URIs and files inside
the blueprint folders, nothing else (no network, no other files), whatever a blueprint or a
document refers to. A refused resource is left out with a warning; the PDF is still written.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..errors import LinkstarError
from .context import KitContext
from .files import KitFiles

PDF_SOURCES = ("kpi-system.html", "consultant/notes.html")
PDF_PREFIXES = ("roles/",)


class PdfError(LinkstarError):
    """WeasyPrint is missing or could not render a document."""


class FetchRefused(ValueError):
    """The renderer asked for a resource outside the sandbox."""


@dataclass(frozen=True)
class PdfJob:
    path: str  # kit path of the PDF
    html: str
    base_url: str  # relative URLs in the HTML resolve here
    roots: tuple[str, ...]  # folders whose files may be read

    @property
    def size(self) -> int:
        return len(self.html)


def _is_inside(path: Path, roots: Iterable[str]) -> bool:
    p = path.resolve()
    return any(p.is_relative_to(Path(r).resolve()) for r in roots)


def check_url(url: str, roots: Iterable[str]) -> str:
    """Return `url` if the sandbox allows it, else raise FetchRefused.

    Allowed: `data:` URIs and `file:` URLs of existing files inside `roots` (after resolving
    symbolic links and `..`). Everything else is refused, http(s) included.
    """
    from urllib.parse import unquote, urlsplit
    from urllib.request import url2pathname

    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "data":
        return url
    if scheme == "file":
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise FetchRefused(f"refused {url}: remote file URL")
        path = Path(url2pathname(unquote(parts.path)))
        if path.is_file() and _is_inside(path, roots):
            return url
        raise FetchRefused(f"refused {url}: only files inside the blueprint folders are read")
    raise FetchRefused(f"refused {url}: the PDF renderer fetches nothing from the network")


def make_fetcher(roots: Sequence[str]) -> Any:
    """A WeasyPrint URL fetcher that only serves what `check_url` allows."""
    from weasyprint.urls import URLFetcher

    class SandboxFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            try:
                check_url(url, roots)
            except FetchRefused:
                self.refused.append(url)
                raise
            return super().fetch(url, headers)

    return SandboxFetcher()


def render_pdf(job: PdfJob) -> tuple[str, bytes, int, list[str]]:
    """Render one job: (kit path, PDF bytes, page count, refused URLs). Runs in a worker."""
    import logging

    from weasyprint import HTML

    # WeasyPrint reports refused resources through logging; the caller reports them once.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = make_fetcher(job.roots)
    doc = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher).render()
    data = doc.write_pdf()
    return job.path, data, len(doc.pages), list(fetcher.refused)


def pdf_jobs(ctx: KitContext) -> list[PdfJob]:
    """One job per PDF of the kit: the KPI system and every role card."""
    from .html import html_documents

    jobs = []
    for path, doc in sorted(html_documents(ctx).items()):
        if path in PDF_SOURCES or path.startswith(PDF_PREFIXES):
            jobs.append(PdfJob(
                path=path[: -len(".html")] + ".pdf",
                html=doc.html,
                base_url=doc.base_dir.resolve().as_uri() + "/",
                roots=tuple(str(r) for r in doc.roots),
            ))
    return jobs


def default_workers() -> int:
    env = os.environ.get("LINKSTAR_PDF_WORKERS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.label = label
        self.enabled = total > 0 and bool(getattr(self.stream, "isatty", lambda: False)())
        self.start = time.monotonic()
        self._draw()

    def _draw(self, final: bool = False) -> None:
        if not self.enabled:
            return
        width = 24
        filled = round(width * self.done / self.total)
        bar = "█" * filled + "░" * (width - filled)
        secs = time.monotonic() - self.start
        self.stream.write(f"\r{self.label} {bar} {self.done}/{self.total} {secs:4.1f}s")
        if final:
            self.stream.write("\n")
        self.stream.flush()

    def advance(self) -> None:
        self.done += 1
        self._draw(final=self.done == self.total)

    def close(self) -> None:
        """End the line if rendering stopped early (an error message comes next)."""
        if self.enabled and self.done < self.total:
            self.stream.write("\n")
            self.stream.flush()

    def tick(self) -> None:
        """Redraw (the clock moves while a long document renders)."""
        if self.done < self.total:
            self._draw()


def render_all(jobs: Sequence[PdfJob], workers: int | None = None,
               on_done: Callable[[], None] | None = None,
               on_tick: Callable[[], None] | None = None) -> dict[str, tuple[bytes, int]]:
    """Render every job; {kit path: (PDF bytes, pages)}. Parallel when workers > 1.

    Raises PdfError naming the document when one fails, and reports refused fetches on stderr.
    """
    workers = default_workers() if workers is None else workers
    # Longest first: the KPI system document takes as long as several role cards.
    order = sorted(jobs, key=lambda j: (-j.size, j.path))
    results: dict[str, tuple[bytes, int]] = {}
    refused: set[str] = set()

    def collect(path: str, data: bytes, pages: int, bad: list[str]) -> None:
        results[path] = (data, pages)
        refused.update(bad)
        if on_done:
            on_done()

    check_glyphs(order)  # before WeasyPrint's import: a refusal costs nothing
    _check_weasyprint()
    n = min(workers, len(order))
    if n <= 1:
        for job in order:
            try:
                collect(*render_pdf(job))
            except Exception as exc:  # any renderer failure is reported with its document
                raise PdfError(f"could not render {job.path}: {exc}") from None
    else:
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        # Fork while this process is single-threaded: the workers start at once with WeasyPrint
        # already imported. Otherwise a fresh interpreter per worker (forking threads is unsafe).
        method = "fork" if _single_threaded() else "spawn"
        with ProcessPoolExecutor(max_workers=n,
                                 mp_context=multiprocessing.get_context(method)) as pool:
            futures = {pool.submit(render_pdf, job): job for job in order}
            pending = set(futures)
            while pending:
                done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                for fut in sorted(done, key=lambda f: futures[f].path):
                    job = futures[fut]
                    try:
                        collect(*fut.result())
                    except Exception as exc:
                        for f in pending:
                            f.cancel()
                        raise PdfError(f"could not render {job.path}: {exc}") from None
                if on_tick:
                    on_tick()
    for url in sorted(refused):
        print(f"warning: PDF rendering refused to fetch {url} (only files inside the "
              "blueprint folders are read)", file=sys.stderr)
    return results


def _single_threaded() -> bool:
    """True on Linux when this process runs one thread (C libraries' threads included)."""
    if not sys.platform.startswith("linux"):
        return False
    import threading

    try:
        return threading.active_count() == 1 and len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _check_weasyprint() -> None:
    try:
        import weasyprint  # noqa: F401
    except ImportError as exc:
        raise PdfError(
            f"PDF output needs WeasyPrint and its system libraries ({exc}). Run "
            "`sh scripts/setup.sh` in a clone, or install them: sudo apt-get install "
            "libpango-1.0-0 libpangoft2-1.0-0 "
            "libharfbuzz-subset0 fonts-noto-cjk; or leave pdf out: --format md,html,...") from None
    except OSError as exc:  # Pango or HarfBuzz missing: WeasyPrint fails while loading them
        raise PdfError(
            f"WeasyPrint cannot load its system libraries ({exc}). Install them: sudo apt-get "
            "install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk "
            "(`linkstar env` checks the set-up)") from None


def check_glyphs(jobs: Sequence[PdfJob]) -> None:
    """Refuse PDFs whose Chinese or basic Latin text no installed font can draw (they would hold
    empty boxes); warn about other characters no font has (an emoji, a rare script)."""
    from . import fonts as f

    try:
        installed = f.InstalledFonts()
    except f.FontconfigMissing as exc:
        raise PdfError(f"PDF output needs fontconfig ({exc}). Install it: "
                       f"{f.apt_install([f.FONTCONFIG_PACKAGE])}") from None
    chars: set[str] = set()
    for job in jobs:
        chars |= f.drawn_characters(job.html)
    missing = installed.missing(chars)
    if not missing:
        return
    cjk = [c for c in missing if f.is_cjk(c)]
    latin = [c for c in missing if c.isascii()]
    if cjk or latin:
        what = []
        if cjk:
            what.append(f"Chinese characters ({f.describe(cjk)})")
        if latin:
            what.append(f"Latin characters ({f.describe(latin)})")
        packages = ([f.CJK_PACKAGE] if cjk else []) + ([f.LATIN_PACKAGE] if latin else [])
        raise PdfError(
            f"no installed font has the {' and '.join(what)} of these PDFs: they would print "
            f"as empty boxes. Install {'a font' if len(packages) == 1 else 'fonts'} with "
            f"`{f.apt_install(packages)}` (`linkstar env` checks the set-up), or leave pdf out: "
            "--format md,html,ics,dashboards,xlsx. Nothing was written.")
    other = [c for c in missing if not f.is_cjk(c) and not c.isascii()]
    print(f"warning: no installed font has {f.describe(other)}: "
          f"{'it prints' if len(other) == 1 else 'they print'} as empty boxes in the PDFs. "
          "A font that has them fixes that (fonts-noto-core covers most scripts, "
          "fonts-noto-color-emoji emoji).", file=sys.stderr)


def write_pdf(ctx: KitContext, out: KitFiles) -> None:
    """kpi-system.pdf, roles/<key>.pdf and consultant/notes.pdf, from the HTML documents
    (built here if needed)."""
    jobs = pdf_jobs(ctx)
    progress = Progress(len(jobs), "rendering PDFs")
    try:
        results = render_all(jobs, on_done=progress.advance, on_tick=progress.tick)
    finally:
        progress.close()
    for path in sorted(results):
        out.add(path, results[path][0])
