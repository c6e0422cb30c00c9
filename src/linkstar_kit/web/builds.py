"""Kit builds for `linkstar serve`: one process pool, started with the server and shared by
every request, with a cap on the builds in progress.

A kit with PDFs takes seconds of CPU and a few hundred MB: building one per request in a pool
of its own (as the first server did) let a handful of requests exhaust the machine. Here
- at most `cap` builds run at once (default: the CPUs); a request past that gets `Busy`, which
  the app answers with 429 and Retry-After, rather than waiting in an unbounded queue;
- each build renders its PDFs one after another inside its worker (no pool within the pool);
- a request to the open API asks for at most MAX_WORK role entries × formats (a 22 KB body
  of 100 roles asked for every format was minutes of work); the consultant's kits, behind the
  consultant's token, are not capped that way;
- every temporary file a worker writes (fontconfig, matplotlib, WeasyPrint) goes under
  `<data>/tmp`, not the system's /tmp;
- a consultant's kit is built in the background and kept in `<data>/kits/` under the hash of
  what it was built from: a changed answer (or format list, or library) makes it stale.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import hashlib
import json
import multiprocessing
import os
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..answers.models import Answers
from ..library.loader import Library

# roles × formats of one request: the bundled examples ask for 3-6 roles × 6 formats
MAX_WORK = 60
RETRY_AFTER = 30           # seconds a refused request is told to wait

_LIBRARY: Library | None = None


class Busy(Exception):
    """Every build slot is taken."""


class TooBig(Exception):
    """More roles × formats than one request may ask for."""


def default_cap() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_work(answers: Answers, formats: list[str]) -> None:
    work = len(answers.roles) * len(formats)
    if work > MAX_WORK:
        raise TooBig(f"{len(answers.roles)} roles × {len(formats)} formats is {work} units of "
                     f"work; one request may ask for at most {MAX_WORK} (ask for fewer formats)")


def _init(library: Library, tmp: str) -> None:
    """A worker's start: the library once, its PDFs rendered in turn, its temp files in tmp."""
    global _LIBRARY
    _LIBRARY = library
    os.environ["LINKSTAR_PDF_WORKERS"] = "1"
    os.environ["TMPDIR"] = tmp
    os.environ.setdefault("MPLCONFIGDIR", os.path.join(tmp, "matplotlib"))
    tempfile.tempdir = tmp
    # WeasyPrint finds its C libraries (ldconfig, gcc) when it is imported, and fontconfig is
    # loaded once: both here, at the server's start, rather than in a client's first request
    with contextlib.suppress(Exception):
        import weasyprint  # noqa: F401

        from ..kit.fonts import _load

        _load()


def _ready(_: int) -> bool:
    return _LIBRARY is not None


def _build(answers: Answers, formats: list[str]) -> bytes:
    from .kits import kit_zip

    assert _LIBRARY is not None
    return kit_zip(answers, _LIBRARY, formats)


def kit_key(answers: Answers, formats: list[str], library: Library) -> str:
    """What a kit is built from: the answers, the formats and the library's version."""
    text = json.dumps([answers.model_dump(mode="json"), formats, library.version],
                      sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Job:
    key: str
    started: float
    future: cf.Future[bytes] | None = None
    error: str | None = None
    files: int = 0
    size: int = 0
    seconds: float = 0.0

    @property
    def running(self) -> bool:
        return self.future is not None and not self.future.done()


class Builder:
    def __init__(self, library: Library, data_dir: Path, cap: int | None = None) -> None:
        self.library = library
        self.cap = cap or default_cap()
        self.kits = data_dir / "kits"
        self.tmp = data_dir / "tmp"
        self._pool: cf.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._active = 0
        self._jobs: dict[str, Job] = {}
        self.last_seconds: float | None = None   # the last kit's build time: a progress gauge

    # --- the pool ---------------------------------------------------------------------------

    def start(self) -> cf.ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self.tmp.mkdir(parents=True, exist_ok=True)
                # spawn: the server runs threads, and forking a threaded process is unsafe
                self._pool = cf.ProcessPoolExecutor(
                    max_workers=self.cap, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init, initargs=(self.library, str(self.tmp)))
            return self._pool

    def warm(self) -> None:
        """Start the workers now (each loads the library and the renderers), not on the first
        request: spawning them holds the caller for seconds."""
        pool = self.start()
        list(pool.map(_ready, range(self.cap)))

    def stop(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    @property
    def active(self) -> int:
        return self._active

    def full(self) -> bool:
        """Every slot taken: a request can be refused before its answers are even read."""
        return self._active >= self.cap

    def submit(self, answers: Answers, formats: list[str]) -> cf.Future[bytes]:
        """A build in a free slot, or Busy."""
        pool = self.start()
        with self._lock:
            if self._active >= self.cap:
                raise Busy()
            self._active += 1
        try:
            future = pool.submit(_build, answers, formats)
        except BaseException:
            self._release(None)
            raise
        future.add_done_callback(self._release)
        return future

    def _release(self, _: Any) -> None:
        with self._lock:
            self._active -= 1

    # --- a consultant's kit, in the background -------------------------------------------

    def _paths(self, token: str) -> tuple[Path, Path]:
        return self.kits / f"{token}.zip", self.kits / f"{token}.json"

    def job(self, token: str, key: str) -> Job | None:
        """The build of this client's kit for `key`: running, done (kept on disk) or failed;
        None when there is none (never built, or built from other answers)."""
        job = self._jobs.get(token)
        if job is not None and job.key == key:
            if job.future is not None and job.future.done():
                self._finish(token, job)
            return job
        zipped, meta = self._paths(token)
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if info.get("key") != key or not zipped.exists():
            return None
        return Job(key, 0.0, files=int(info.get("files", 0)), size=zipped.stat().st_size,
                   seconds=float(info.get("seconds", 0)))

    def start_job(self, token: str, key: str, answers: Answers, formats: list[str]) -> Job:
        current = self.job(token, key)
        if current is not None and current.error is None:
            return current
        job = Job(key, time.monotonic())
        job.future = self.submit(answers, formats)
        self._jobs[token] = job
        return job

    def _finish(self, token: str, job: Job) -> None:
        from ..atomic import write_atomically

        assert job.future is not None
        future, job.future = job.future, None
        try:
            body = future.result()
        except Exception as exc:  # noqa: BLE001 - the build's failure is shown to the consultant
            job.error = str(exc) or type(exc).__name__
            return
        job.seconds = time.monotonic() - job.started
        self.last_seconds = job.seconds
        zipped, meta = self._paths(token)
        write_atomically(zipped, body)
        with zipfile.ZipFile(zipped) as z:
            job.files = len(z.namelist())
        job.size = len(body)
        write_atomically(meta, json.dumps({"key": job.key, "files": job.files,
                                           "seconds": round(job.seconds, 1)}))

    def kit_path(self, token: str, key: str) -> Path | None:
        job = self.job(token, key)
        if job is None or job.running or job.error:
            return None
        return self._paths(token)[0]

    def forget(self, token: str) -> None:
        self._jobs.pop(token, None)
        for p in self._paths(token):
            p.unlink(missing_ok=True)
