"""A cache of validated libraries, so each run does not re-parse ~15 YAML files.

Parsing the library with positions (ruamel's round-trip loader) is most of a `--format md`
run's time. A library that validated is pickled under a key made of every library file's
bytes, the loader's own source and the versions of Python, pydantic and linkstar-kit: any
change to any of them is a miss, never a stale hit. Only valid libraries are cached, so
errors are always reported from the files themselves.

The cache lives in $LINKSTAR_CACHE_DIR, else $XDG_CACHE_HOME/linkstar-kit, else
~/.cache/linkstar-kit. LINKSTAR_CACHE=0 turns it off. A cache that cannot be read or written
is ignored: it only ever costs the time it was meant to save.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

FORMAT = b"linkstar-library-cache-1"
_CODE = ("models.py", "conditions.py", "loader.py", "cache.py")


def cache_dir() -> Path | None:
    if os.environ.get("LINKSTAR_CACHE", "1") == "0":
        return None
    explicit = os.environ.get("LINKSTAR_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "linkstar-kit"


def key(folders: Sequence[Path]) -> str | None:
    if cache_dir() is None:
        return None
    import pydantic

    from .. import __version__

    h = hashlib.sha256(FORMAT)
    for part in (__version__, pydantic.VERSION, sys.version):
        h.update(part.encode() + b"\0")
    here = Path(__file__).parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    for folder in folders:
        h.update(str(folder.resolve()).encode() + b"\0")
        if not folder.is_dir():
            h.update(b"<missing>")
            continue
        for f in sorted(folder.rglob("*.yaml")):
            h.update(str(f.relative_to(folder)).encode() + b"\0")
            h.update(f.read_bytes())
            h.update(b"\0")
    return h.hexdigest()


def read(k: str | None) -> Any | None:
    d = cache_dir()
    if k is None or d is None:
        return None
    try:
        with (d / f"{k}.pickle").open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # a missing, partial or incompatible cache is just a miss
        return None


def write(k: str | None, library: Any) -> None:
    d = cache_dir()
    if k is None or d is None:
        return
    try:
        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".lib-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(library, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, d / f"{k}.pickle")
    except OSError:
        pass
