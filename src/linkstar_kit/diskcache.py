"""Pickles of parsed data files in the user's cache folder, keyed by what they were made from.

A command reads the same data files every run (the library, the text catalog, the holidays
of the client's country): parsing them cost about half of `linkstar generate --format md`
(issue 21). The parsed result is pickled under $XDG_CACHE_HOME/linkstar-kit (else
~/.cache/linkstar-kit) and read back when its key matches.

A key is a digest of the files' contents and of everything else the result depends on (the
package version, Python's, the package's modules' sizes and mtimes, so an edited model in a
source checkout never reads an old pickle into a new class). Contents, not sizes and mtimes:
a file rewritten within the file system's timestamp granularity, with the same size, would
otherwise be served stale; reading the bytes costs about a millisecond, parsing them is what
the cache saves. A cache that is missing, unreadable, stale or not writable is ignored: the
files are read as before. `LINKSTAR_NO_CACHE=1` turns caching off.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

CACHE_NAME = "linkstar-kit"
# A pickle from an older layout of these files is skipped, never misread.
FORMAT = 1
# Pickles kept per kind: a library edited ten times, or a test suite's temporary libraries,
# do not fill the folder.
KEEP = 8

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The folder of cached files, or None when caching is off."""
    if os.environ.get("LINKSTAR_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / CACHE_NAME
    home = os.path.expanduser("~")
    if home == "~" or not home:
        return None
    return Path(home) / ".cache" / CACHE_NAME


@functools.lru_cache(maxsize=1)
def code_stamp() -> str:
    """A digest of the package's version, Python's, and its modules' sizes and mtimes."""
    from . import __version__

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}|".encode())
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith(".py"):
                st = os.stat(os.path.join(dirpath, name))
                h.update(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


# A file larger than this is never hashed (the library's own readers refuse files over 2 MB
# with a message); such a result is simply not cached.
MAX_FILE_BYTES = 4 * 1024 * 1024


def files_key(files: Iterable[Path], *extra: str) -> str | None:
    """The key of a result made from `files` (and `extra`); None (do not cache) when one
    cannot be read, is not a regular file (a link to /dev/zero never ends) or is too large."""
    import stat

    h = hashlib.sha256(code_stamp().encode())
    for e in extra:
        h.update(f"\0{e}".encode())
    try:
        for f in files:
            st = os.stat(f)
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_BYTES:
                return None
            h.update(f"\0{f}\0".encode())
            with open(f, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                return None
            h.update(data)
    except OSError:
        return None
    return h.hexdigest()


def _path(directory: Path, kind: str, key: str) -> Path:
    return directory / f"{kind}-{key[:32]}.pickle"


def load(kind: str, key: str | None) -> Any | None:
    """The result stored under `key`, or None (missing, unreadable, another key)."""
    directory = cache_dir()
    if directory is None or key is None:
        return None
    try:
        with open(_path(directory, kind, key), "rb") as fh:
            stored_key, value = pickle.load(fh)
    except Exception:  # missing, truncated, from another version: read the files instead
        return None
    return value if stored_key == key else None


def store(kind: str, key: str | None, value: Any) -> None:
    """Keep `value` under `key`, atomically; a cache that cannot be written is no error."""
    directory = cache_dir()
    if directory is None or key is None:
        return
    from .atomic import write_atomically

    target = _path(directory, kind, key)
    try:
        write_atomically(target, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # read-only home, full disk, an unpicklable value: run uncached
        return
    try:
        olds = sorted((p for p in directory.glob(f"{kind}-*.pickle") if p != target),
                      key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in olds[KEEP - 1:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def cached(kind: str, files: Iterable[Path], build: Callable[[], T], *extra: str) -> T:
    """`build()`, or its pickle when `files` (and `extra`) are unchanged since it was stored."""
    key = files_key(files, *extra) if cache_dir() is not None else None
    value = load(kind, key)
    if value is None:
        value = build()
        store(kind, key, value)
    return value  # type: ignore[no-any-return]
