"""The file writer: every kit file passes through here.

It owns the no-loss rules of outputs.md: files a person edited since they were generated are
never overwritten without `--force` (and even then a copy is kept), files the kit did not write
are never touched, and nothing reaches the kit folder until every file has been rendered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

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
        return {e["path"]: e for e in data["files"]}
    except (ValueError, KeyError, TypeError):
        raise UsageError(f"{display_path(f)} is not a linkstar manifest; move it away or "
                         "choose another output folder") from None


def edited_files(kit: Path, manifest: dict[str, dict[str, object]]) -> list[str]:
    """Files listed in the manifest whose bytes changed since they were written."""
    out = []
    for path, entry in sorted(manifest.items()):
        f = kit / path
        if f.exists() and sha256(f.read_bytes()) != entry.get("sha256"):
            out.append(path)
    return out


def commit(kit: Path, files: KitFiles, meta: dict[str, str], *, force: bool = False) -> list[str]:
    """Move a complete run into `kit`. Returns the backed-up paths (edited files under --force).

    Order of safety: every check happens before the first byte is written; files are staged in a
    temporary folder beside the kit and moved in with atomic renames; the manifest goes last, so
    an interrupted run is detected as "edited" next time rather than silently overwritten.
    """
    manifest = read_manifest(kit) if kit.exists() else None
    if kit.exists() and not kit.is_dir():
        raise UsageError(f"{display_path(kit)} exists and is not a folder")
    if manifest is None and kit.exists() and any(kit.iterdir()) and not force:
        raise KitConflictError(
            f"{display_path(kit)} is not empty and holds no linkstar manifest: refusing to write "
            "into it. Choose an empty folder, or pass --force to add the kit beside its files.")
    manifest = manifest or {}
    edited = edited_files(kit, manifest) if manifest else []
    clobbered = [p for p in files if p in edited]
    if clobbered and not force:
        raise KitConflictError(
            "these kit files were edited since they were generated; refusing to overwrite them "
            "(pass --force to regenerate; the edited copies are then kept in "
            f"{BACKUP_DIR}/):", clobbered)
    foreign = [p for p in files if p not in manifest and (kit / p).exists()
               and (kit / p).read_bytes() != files.files[p]]
    if foreign and not force:
        raise KitConflictError(
            "these files exist but were not written by linkstar; refusing to overwrite them "
            f"(pass --force to replace them; copies are then kept in {BACKUP_DIR}/):", foreign)

    kit.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{kit.name}.", dir=kit.parent))
    try:
        for p in files:
            target = staging / p
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files.files[p])
        kit.mkdir(parents=True, exist_ok=True)
        backed_up = clobbered + foreign
        if backed_up:
            stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            for p in backed_up:
                dest = kit / BACKUP_DIR / stamp / p
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(kit / p, dest)
        for p in files:
            (kit / p).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / p, kit / p)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    # Entries of earlier runs that this run did not rewrite (say, PDFs after a `--format md`
    # run) stay listed while their bytes are still the ones written.
    entries = {p: e for p, e in manifest.items() if p not in files.files and (kit / p).exists()
               and p not in edited}
    for p in files:
        data = files.files[p]
        entries[p] = {"path": p, "sha256": sha256(data), "bytes": len(data)}
    body = {"schema": "linkstar/manifest@1", **meta,
            "files": [entries[p] for p in sorted(entries)]}
    write_atomically(kit / MANIFEST, (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode())
    return backed_up
