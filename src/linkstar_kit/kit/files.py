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
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import write_atomically
from ..errors import KitConflictError, UsageError, display_path
from ..jsontext import pretty

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


# A manifest lists a kit's files (a few KB); more than this is no manifest, and a manifest that
# is a link to `/dev/zero` must not be read whole.
MAX_MANIFEST_BYTES = 8 * 1024 * 1024


def _manifest_text(f: Path) -> str:
    from ..positioned import read_bounded

    data = read_bounded(f, MAX_MANIFEST_BYTES)
    if data is None:
        raise ValueError("too large for a manifest")
    return data.decode("utf-8")


def read_manifest(kit: Path) -> dict[str, dict[str, object]] | None:
    f = kit / MANIFEST
    if not f.exists():
        return None
    try:
        data = json.loads(_manifest_text(f))
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


def _backup_root(kit: Path) -> Path:
    """The backup folder, refused when it (or a folder on the way) is a link: a copy of a
    person's file must land inside the kit, never wherever a planted link points."""
    root = kit / BACKUP_DIR
    if root.is_symlink() or (root.exists() and not root.is_dir()):
        what = "a link" if root.is_symlink() else "not a folder"
        raise KitConflictError(
            f"{display_path(root)} is {what}: the copies of replaced files are kept only in a "
            f"real folder inside the kit. Remove it and run again; nothing was written.")
    return root


def _backup(kit: Path, paths: list[str]) -> None:
    """Copy `paths` into a new .linkstar-backup/<UTC time>/ folder (made here, so no link)."""
    root = _backup_root(kit)
    root.mkdir(exist_ok=True)
    _backup_root(kit)  # still a real folder after mkdir
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    n, out = 1, root / stamp
    while True:
        try:
            out.mkdir()  # fails on anything already there, a dangling link included
            break
        except FileExistsError:  # two runs in one second keep both sets of copies
            n += 1
            out = root / f"{stamp}-{n}"
    for p in paths:
        dest = out / p
        for parent in reversed(Path(p).parents[:-1]):
            (out / parent).mkdir(exist_ok=True)
        shutil.copy2(kit / p, dest)


def commit(kit: Path, files: KitFiles, meta: dict[str, Any], *, force: bool = False) -> list[str]:
    """Move a complete run into `kit`. Returns the backed-up paths (edited files under --force).

    Every check happens before the first byte is written, with the kit locked against other
    runs. An earlier run that was killed while moving its files in is finished first (see
    `recover`). The run is staged in a hidden folder inside the kit (same file system, so moves
    are atomic renames) with a journal, then moved in; the manifest goes last. If anything
    fails the kit is put back as it was; if the process dies, the next run finishes the move.
    """
    if kit.exists() and not kit.is_dir():
        raise UsageError(f"{display_path(kit)} exists and is not a folder")
    kit.parent.mkdir(parents=True, exist_ok=True)
    try:
        kit.mkdir()
        created = True
    except FileExistsError:
        created = False
    try:
        with _locked(kit):
            recover(kit)
            return _commit_locked(kit, files, meta, force=force)
    except BaseException:
        if created:
            shutil.rmtree(kit, ignore_errors=True)
        raise


def _commit_locked(kit: Path, files: KitFiles, meta: dict[str, Any], *, force: bool) -> list[str]:
    manifest = read_manifest(kit)
    if manifest is None and any(kit.iterdir()) and not force:
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
    backed_up = clobbered + foreign
    if backed_up:
        _backup_root(kit)
    # Earlier runs' entries stay listed while their files are unchanged; this run's moves
    # touch only its own paths, so the manifest can be settled before anything moves.
    body = {"schema": "linkstar/manifest@1", **meta,
            "files": _manifest_entries(kit, files, manifest, edited)}
    manifest_bytes = pretty(body).encode()

    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=kit))
    try:
        for p in files:
            target = staging / "new" / p
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files.files[p])
        (staging / "new" / MANIFEST).write_bytes(manifest_bytes)
        if backed_up:
            _backup(kit, backed_up)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    paths = [*files, MANIFEST]
    new_dirs = sorted({str(d) for p in paths for d in Path(p).parents[:-1]
                       if not (kit / d).exists()}, key=lambda d: (d.count("/"), d))
    journal = {"schema": JOURNAL_SCHEMA, "direction": "forward", "paths": paths, "dirs": new_dirs}
    try:
        # From here on a killed run is finished by the next one (see `recover`).
        write_atomically(staging / JOURNAL, json.dumps(journal, indent=1).encode())
        _move(kit, staging, paths, forward=True)
    except BaseException:
        if (staging / JOURNAL).exists():
            # Undo in the open, so that a kill while undoing is finished by the next run too.
            write_atomically(staging / JOURNAL, json.dumps({**journal, "direction": "back"},
                                                           indent=1).encode())
            _move(kit, staging, paths, forward=False)
            _remove_dirs(kit, new_dirs)
        (staging / JOURNAL).unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    (staging / JOURNAL).unlink()
    shutil.rmtree(staging, ignore_errors=True)
    return backed_up


# --- moving a staged run in, and finishing one that was interrupted ---------------------------
#
# Each path p of a run is in one of three states, and every step is one atomic rename:
#   A  staging/new/p present, kit/p the old file (or absent)        nothing done yet
#   B  staging/new/p present, kit/p absent, staging/old/p present   the old file moved aside
#   C  staging/new/p absent, kit/p the new file                     done
# Forward goes A -> B -> C, back goes C -> B -> A, and the state can be read from the disk, so
# a run killed at any moment can be finished (or, if it was undoing, undone) from its journal.

STAGING_PREFIX = ".linkstar-staging-"
JOURNAL = "journal.json"
JOURNAL_SCHEMA = "linkstar/journal@1"


def _move(kit: Path, staging: Path, paths: list[str], *, forward: bool) -> None:
    for p in (paths if forward else reversed(paths)):
        new, old, dest = staging / "new" / p, staging / "old" / p, kit / p
        if forward:
            if not os.path.lexists(new):
                continue  # C
            if os.path.lexists(dest) and not os.path.lexists(old):
                old.parent.mkdir(parents=True, exist_ok=True)
                os.replace(dest, old)  # A -> B
            for parent in reversed(Path(p).parents[:-1]):
                with contextlib.suppress(FileExistsError):
                    (kit / parent).mkdir()
            os.replace(new, dest)  # B -> C
        else:
            if not os.path.lexists(new):
                if not os.path.lexists(dest):
                    continue
                new.parent.mkdir(parents=True, exist_ok=True)
                os.replace(dest, new)  # C -> B
            if os.path.lexists(old):
                os.replace(old, dest)  # B -> A


def _remove_dirs(kit: Path, dirs: list[str]) -> None:
    """Folders a run made, deepest first, if they are empty again."""
    for d in sorted(dirs, key=lambda d: (-d.count("/"), d)):
        with contextlib.suppress(OSError):
            (kit / d).rmdir()


def _read_journal(f: Path) -> dict[str, Any]:
    try:
        data = json.loads(f.read_text(encoding="utf-8"))
        ok = (isinstance(data, dict) and data.get("schema") == JOURNAL_SCHEMA
              and data.get("direction") in ("forward", "back")
              and isinstance(data.get("paths"), list) and isinstance(data.get("dirs"), list)
              and all(isinstance(p, str) and p and not p.startswith("/")
                      and ".." not in Path(p).parts for p in data["paths"] + data["dirs"]))
    except (OSError, ValueError, RecursionError):
        ok = False
    if not ok:
        raise UsageError(f"{display_path(f)} is not a journal of an interrupted linkstar run; "
                         f"move its folder {display_path(f.parent)} away and run again")
    return data  # type: ignore[no-any-return]


def recover(kit: Path) -> str | None:
    """Finish (or finish undoing) a run that was killed while moving its files into `kit`, and
    remove staging folders that hold no journal (a run killed before its move began). Says what
    it did in one line on stderr and returns that line; None when there was nothing to do."""
    finished: list[tuple[str, int]] = []
    leftovers = 0
    for staging in sorted(kit.glob(STAGING_PREFIX + "*")):
        if staging.is_symlink() or not staging.is_dir():
            continue
        journal = staging / JOURNAL
        if os.path.lexists(journal):
            data = _read_journal(journal)
            paths: list[str] = data["paths"]
            for p in paths:
                linked = _linked_component(kit, p)
                if linked:
                    raise KitConflictError(
                        f"cannot finish an interrupted run in {display_path(kit)}: {linked} is a "
                        "link; the kit writes only real files and folders. Remove the link and "
                        "run again.")
            forward = data["direction"] == "forward"
            _move(kit, staging, paths, forward=forward)
            if not forward:
                _remove_dirs(kit, data["dirs"])
            journal.unlink()
            finished.append((data["direction"], len(paths)))
        else:
            leftovers += 1
        shutil.rmtree(staging, ignore_errors=True)
    if not finished and not leftovers:
        return None
    done = []
    for direction, n in finished:
        done.append(f"finished moving in the {n} files of a run that was interrupted"
                    if direction == "forward" else
                    "put back the kit as it was before a run that failed and was interrupted")
    if leftovers:
        done.append(f"removed {leftovers} staging folder{'s' if leftovers > 1 else ''} an "
                    "interrupted run left")
    line = f"recovered {display_path(kit)}: " + "; ".join(done)
    print(line, file=sys.stderr)
    return line


def _linked_component(kit: Path, p: str) -> str | None:
    parts = Path(p).parts
    for i in range(1, len(parts) + 1):
        if (kit.joinpath(*parts[:i])).is_symlink():
            return str(Path(*parts[:i]))
    return None


@contextlib.contextmanager
def _locked(kit: Path) -> Iterator[None]:
    """Hold an exclusive lock on the kit folder: two runs never move files into it at once, and
    a run never takes another's staging folder for a leftover. Released when the process ends."""
    try:
        import fcntl
    except ImportError:  # not on a POSIX system: no lock
        yield
        return
    fd = os.open(kit, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another linkstar run to finish writing {display_path(kit)}",
                  file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _manifest_client(kit: Path) -> str | None:
    try:
        data = json.loads(_manifest_text(kit / MANIFEST))
    except (OSError, ValueError, RecursionError):
        return None
    client = data.get("client") if isinstance(data, dict) else None
    return client if isinstance(client, str) else None


def new_manifest(files: KitFiles, meta: dict[str, Any]) -> bytes:
    """The manifest a first run of these files into an empty folder writes (a kit as a zip)."""
    body = {"schema": "linkstar/manifest@1", **meta,
            "files": [{"path": p, "sha256": sha256(files.files[p]), "bytes": len(files.files[p])}
                      for p in sorted(files.files)]}
    return pretty(body).encode()


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


def finish_interrupted(kit: Path) -> str | None:
    """`recover` under the kit's lock: what `load` and `review` do first, so that a run killed
    while moving its files in is finished (or undone) before they read or write the kit."""
    if not kit.is_dir() or kit.is_symlink():
        return None
    with _locked(kit):
        return recover(kit)
