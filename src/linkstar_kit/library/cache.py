"""A cache of the validated library, so a command does not parse ~30 YAML files each run.

Reading and validating the shipped library took about a quarter of `linkstar generate --format
md` (issue 21): libyaml parsing its files, then pydantic and the reference checks. A library
that loaded without a problem is pickled (`diskcache`), keyed by the contents of every *.yaml
under each of its folders (sale_events.yaml too, which the checks read) and the pydantic
version; a library with a problem is never stored, so every problem is still reported from
the files with its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import diskcache

if TYPE_CHECKING:
    from .loader import Library

KIND = "library"


def library_key(folders: Sequence[Path]) -> str | None:
    """The digest of everything a library loaded from `folders` depends on; None when a
    folder cannot be read (the loader then reports it)."""
    import pydantic

    files: list[Path] = []
    try:
        for folder in folders:
            folder = folder.resolve()
            if not folder.is_dir():
                return None
            files += sorted(folder.rglob("*.yaml"))
    except OSError:
        return None
    return diskcache.files_key(files, pydantic.VERSION, *map(str, folders))


def read_cached(folders: Sequence[Path]) -> tuple[object | None, str | None]:
    """(what the cache holds for `folders` or None, the key to store it under); the loader
    checks that it is a Library (this module imports nothing of the loader's)."""
    if diskcache.cache_dir() is None:
        return None, None
    key = library_key(folders)
    return diskcache.load(KIND, key), key


def write_cached(key: str | None, lib: Library) -> None:
    diskcache.store(KIND, key, lib)
