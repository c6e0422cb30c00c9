"""The parsed-data cache (diskcache.py, library/cache.py): used when nothing changed, never
when anything did, ignored when unreadable, and off with LINKSTAR_NO_CACHE."""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
from pathlib import Path

import pytest

from linkstar_kit import diskcache
from linkstar_kit.errors import InputError
from linkstar_kit.library import loader
from linkstar_kit.library.loader import load_library, shipped_library_dir


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LINKSTAR_NO_CACHE", raising=False)
    return tmp_path / "cache" / "linkstar-kit"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    shutil.copytree(shipped_library_dir(), lib)
    return lib


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the library was read from its files."""
    calls: list[int] = []
    real = loader._load

    def counting(*args: object, **kwargs: object) -> loader.Library:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_load", counting)
    return calls


def pickles(cache: Path, kind: str = "library") -> list[Path]:
    return sorted(cache.glob(f"{kind}-*.pickle"))


def test_second_load_comes_from_the_cache_and_equals_the_first(cache: Path, library: Path,
                                                               reads: list[int]) -> None:
    first = load_library(base=library)
    assert len(pickles(cache)) == 1 and len(reads) == 1
    second = load_library(base=library)
    assert len(reads) == 1  # not read again
    assert second is not first
    assert second.meta == first.meta and second.kpis == first.kpis
    assert second.roles == first.roles and second.platforms == first.platforms
    assert [r.rule for r in second.rules] == [r.rule for r in first.rules]
    assert [r.condition for r in second.rules] == [r.condition for r in first.rules]


def test_an_edited_file_of_the_same_size_is_read_again(cache: Path, library: Path,
                                                       reads: list[int]) -> None:
    load_library(base=library)
    f = library / "library.yaml"
    text = f.read_text(encoding="utf-8")
    stat = f.stat()
    version = load_library(base=library).version
    new = version[:-1] + ("7" if version[-1] != "7" else "8")
    edited = text.replace(f'version: "{version}"', f'version: "{new}"', 1)
    assert len(edited.encode()) == len(text.encode()) and edited != text
    f.write_text(edited, encoding="utf-8")
    # the same size and modification time: only the contents tell the change
    import os

    os.utime(f, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    lib = load_library(base=library)
    assert len(reads) == 2
    assert lib.version == new


def test_a_new_kpi_file_is_seen(cache: Path, library: Path, reads: list[int]) -> None:
    before = load_library(base=library)
    kpi_file = sorted((library / "kpis").glob("*.yaml"))[0]
    copy = library / "kpis" / "zz_copy.yaml"
    copy.write_text(kpi_file.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="duplicate id"):
        load_library(base=library)
    copy.unlink()
    assert load_library(base=library).kpis == before.kpis
    assert len(reads) >= 3  # the broken library was read with positions, never cached


def test_an_invalid_library_is_never_stored(cache: Path, library: Path) -> None:
    (library / "roles.yaml").write_text("- id: 1\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_library(base=library)
    assert pickles(cache) == []


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(("other-key", 42))])
def test_an_unreadable_or_foreign_pickle_is_ignored(cache: Path, library: Path,
                                                    reads: list[int], damage: bytes) -> None:
    first = load_library(base=library)
    (path,) = pickles(cache)
    path.write_bytes(damage)
    again = load_library(base=library)
    assert len(reads) == 2 and again.kpis == first.kpis
    assert pickle.loads(path.read_bytes())[1].kpis == first.kpis  # rewritten whole


def test_off_with_the_environment_variable(cache: Path, library: Path, reads: list[int],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKSTAR_NO_CACHE", "1")
    load_library(base=library)
    load_library(base=library)
    assert len(reads) == 2 and not cache.exists()


def test_an_unwritable_cache_is_no_error(tmp_path: Path, library: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_library(base=library).kpis


def test_old_pickles_are_pruned(cache: Path) -> None:
    for i in range(diskcache.KEEP + 3):
        diskcache.store("thing", f"{i:02d}" + "0" * 62, i)
    assert len(pickles(cache, "thing")) == diskcache.KEEP
    assert diskcache.load("thing", f"{diskcache.KEEP + 2:02d}" + "0" * 62) == diskcache.KEEP + 2


def test_catalog_and_holidays_match_their_sources(cache: Path) -> None:
    import holidays

    from linkstar_kit.catalog import _DIR, _read
    from linkstar_kit.workdays import holidays_of, subdivisions_of, supported_countries

    path = _DIR / "en.yaml"
    assert diskcache.cached("catalog", [path], lambda: _read(path)) == _read(path)
    assert diskcache.cached("catalog", [path], lambda: {"stale": True}) == _read(path)
    holidays_of.cache_clear()
    subdivisions_of.cache_clear()
    assert supported_countries() == frozenset(holidays.list_supported_countries())
    table = holidays.country_holidays("GB", subdiv="ENG", years=2026)
    assert holidays_of("GB", "ENG", 2026) == {d: str(n) for d, n in table.items()}
    holidays_of.cache_clear()
    assert holidays_of("GB", "ENG", 2026)[dt.date(2026, 4, 6)] == "Easter Monday"  # from disk
    assert "GB-ENG" in subdivisions_of("GB") and subdivisions_of("XX") == []


def test_a_file_that_never_ends_or_is_too_large_is_not_hashed(tmp_path: Path) -> None:
    """A library file linked to /dev/zero is refused by the loader with a message; the cache
    must not read it first (it once hashed it until the memory ran out)."""
    from linkstar_kit import diskcache

    ok = tmp_path / "ok.yaml"
    ok.write_text("a: 1\n", encoding="utf-8")
    assert diskcache.files_key([ok]) is not None
    if Path("/dev/zero").exists():
        endless = tmp_path / "endless.yaml"
        endless.symlink_to("/dev/zero")
        assert diskcache.files_key([ok, endless]) is None
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (diskcache.MAX_FILE_BYTES + 1))
    assert diskcache.files_key([ok, big]) is None
