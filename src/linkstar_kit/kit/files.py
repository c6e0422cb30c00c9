"""The file writer: every kit file passes through here.

It owns the no-loss rules of outputs.md: files a person edited since they were generated are
never overwritten without `--force` (and even then a copy is kept), files the kit did not write
are never touched, and nothing reaches the kit folder until every file has been rendered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import write_atomically
from ..errors import KitConflictError, UsageError, display_path

MANIFEST = "manifest.json"
BACKUP_DIR = ".linkstar-backup"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class KitFiles:
    """The files of one run, in memory until `commit`."""

    files: dict[str, bytes] = field(default_factory=dict)

    def add(self, path: str, content: str | bytes) -> None:
        if path in self.files:
            raise ValueError(f"two writers produced {path}")
        if path.startswith("/") or ".." in Path(path).parts:
            raise ValueError(f"kit paths are relative: {path}")
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.files))


def read_manifest(kit: Path) -> dict[str, dict[str, object]] | None:
    f = kit / MANIFEST
    if not f.exists():
        return None
    try:
        data = json.loads(f.read_text(encoding="utf-8"))
        entries = {e["path"]: e for e in data["files"]}
        if not all(isinstance(p, str) and p and not p.startswith("/") and ".." not in Path(p).parts
                   and isinstance(e.get("sha256"), str) for p, e in entries.items()):
            raise ValueError("bad entry")
        return entries
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        # RecursionError: JSON nested 1,000+ deep is no manifest either
        raise UsageError(f"{display_path(f)} is not a linkstar manifest; move it away or "
                         "choose another output folder") from None


def edited_files(kit: Path, manifest: dict[str, dict[str, object]]) -> list[str]:
    """Files listed in the manifest whose bytes changed since they were written."""
    out = []
    for path, entry in sorted(manifest.items()):
        f = kit / path
        if f.is_file() and not f.is_symlink() and sha256(f.read_bytes()) != entry.get("sha256"):
            out.append(path)
    return out


def _check_paths(kit: Path, files: KitFiles) -> None:
    """Refuse, before anything is written, paths that cannot be written inside the kit: a file
    where a folder is needed, a folder where a file goes, or a link leading out of the kit."""
    problems: list[str] = []
    for p in files:
        parts = Path(p).parts
        for i in range(1, len(parts) + 1):
            here = kit.joinpath(*parts[:i])
            last = i == len(parts)
            if here.is_symlink():
                problems.append(f"{p}: {Path(*parts[:i])} is a link; the kit writes only real "
                                "files and folders")
                break
            if not here.exists():
                break
            if last and here.is_dir():
                problems.append(f"{p}: a folder stands where this file goes")
            elif not last and not here.is_dir():
                problems.append(f"{p}: {Path(*parts[:i])} is a file where a folder is needed")
                break
    if problems:
        raise KitConflictError("cannot write the kit; nothing was written:", problems)


def _backup_dir(kit: Path) -> Path:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    base = kit / BACKUP_DIR / stamp
    n, out = 1, base
    while out.exists():  # two runs in one second keep both sets of copies
        n += 1
        out = base.with_name(f"{stamp}-{n}")
    return out


def commit(kit: Path, files: KitFiles, meta: dict[str, Any], *, force: bool = False) -> list[str]:
    """Move a complete run into `kit`. Returns the backed-up paths (edited files under --force).

    Every check happens before the first byte is written. Files are staged in a hidden folder
    inside the kit (same file system, so moves are atomic renames), the files they replace are
    moved aside, and if anything fails the kit is put back as it was. The manifest goes last.
    """
    if kit.exists() and not kit.is_dir():
        raise UsageError(f"{display_path(kit)} exists and is not a folder")
    manifest = read_manifest(kit) if kit.exists() else None
    if manifest is None and kit.exists() and any(kit.iterdir()) and not force:
        raise KitConflictError(
            f"{display_path(kit)} is not empty and holds no linkstar manifest: refusing to write "
            "into it. Choose an empty folder, or pass --force to add the kit beside its files.")
    client = meta.get("client")
    if manifest is not None and not force:
        previous = _manifest_client(kit)
        if previous and client and previous != client:
            raise KitConflictError(
                f"{display_path(kit)} holds the kit of another client (`{previous}`, this one is "
                f"`{client}`): refusing to write over it. Choose another folder (-o), or pass "
                "--force.")
    manifest = manifest or {}
    edited = edited_files(kit, manifest) if manifest else []
    clobbered = [p for p in files if p in edited]
    if clobbered and not force:
        raise KitConflictError(
            "these kit files were edited since they were generated; refusing to overwrite them "
            "(pass --force to regenerate; the edited copies are then kept in "
            f"{BACKUP_DIR}/):", clobbered)
    _check_paths(kit, files)
    foreign = [p for p in files if p not in manifest and (kit / p).exists()
               and (kit / p).read_bytes() != files.files[p]]
    if foreign and not force:
        raise KitConflictError(
            "these files exist but were not written by linkstar; refusing to overwrite them "
            f"(pass --force to replace them; copies are then kept in {BACKUP_DIR}/):", foreign)

    created = not kit.exists()
    kit.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".linkstar-staging-", dir=kit))
    moved_aside: list[str] = []
    placed: list[str] = []
    made_dirs: list[Path] = []
    try:
        for p in files:
            target = staging / "new" / p
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files.files[p])
        backed_up = clobbered + foreign
        if backed_up:
            dest_root = _backup_dir(kit)
            for p in backed_up:
                dest = dest_root / p
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(kit / p, dest)
        for p in files:
            dest = kit / p
            for parent in reversed(dest.relative_to(kit).parents[:-1]):
                d = kit / parent
                if not d.exists():
                    d.mkdir()
                    made_dirs.append(d)
            if dest.exists():
                aside = staging / "old" / p
                aside.parent.mkdir(parents=True, exist_ok=True)
                os.replace(dest, aside)
                moved_aside.append(p)
            os.replace(staging / "new" / p, dest)
            placed.append(p)
        body = {"schema": "linkstar/manifest@1", **meta,
                "files": _manifest_entries(kit, files, manifest, edited)}
        write_atomically(kit / MANIFEST,
                         (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode())
    except BaseException:
        # put the kit back as it was: new files out, replaced files back, new folders gone
        for p in placed:
            (kit / p).unlink(missing_ok=True)
        for p in moved_aside:
            os.replace(staging / "old" / p, kit / p)
        for d in reversed(made_dirs):
            with contextlib.suppress(OSError):
                d.rmdir()
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            shutil.rmtree(kit, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return backed_up


def _manifest_client(kit: Path) -> str | None:
    try:
        data = json.loads((kit / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    client = data.get("client") if isinstance(data, dict) else None
    return client if isinstance(client, str) else None


def _manifest_entries(kit: Path, files: KitFiles, manifest: dict[str, dict[str, object]],
                      edited: list[str]) -> list[dict[str, object]]:
    # Entries of earlier runs that this run did not rewrite (say, PDFs after a `--format md`
    # run) stay listed while their bytes are still the ones written.
    entries = {p: e for p, e in manifest.items() if p not in files.files and (kit / p).exists()
               and p not in edited}
    for p in files:
        data = files.files[p]
        entries[p] = {"path": p, "sha256": sha256(data), "bytes": len(data)}
    return [entries[p] for p in sorted(entries)]
