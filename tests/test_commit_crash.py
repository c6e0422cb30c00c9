"""A kit survives a run killed while moving its files in (SIGKILL at every step of the move, and
of the recovery, and of an undo), and `--force` keeps its copies inside the kit only."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linkstar_kit.cli import main
from linkstar_kit.errors import KitConflictError
from linkstar_kit.kit import files as F

SRC = Path(__file__).resolve().parents[1] / "src"
META = {"client": "acme"}

# Run in a child process: commit version V of a small kit into KIT (or only recover KIT), dying
# by SIGKILL just before the KILL_AT-th file-system call that changes a folder (mkdir, rename,
# unlink, rmdir), and raising OSError on the FAIL_AT-th rename. Prints how many calls it made.
CHILD = r"""
import os, signal, sys
from pathlib import Path
from linkstar_kit.kit import files as F
kit, version, kill_at, fail_at, mode = Path(sys.argv[1]), sys.argv[2], *map(int, sys.argv[3:5]), sys.argv[5]
count = {"all": 0, "replace": 0}
def hook(name, real):
    def call(*a, **k):
        count["all"] += 1
        if count["all"] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        if name == "replace":
            count["replace"] += 1
            if count["replace"] == fail_at:
                raise OSError(28, "No space left on device")
        return real(*a, **k)
    return call
for name in ("mkdir", "replace", "unlink", "rmdir"):
    setattr(os, name, hook(name, getattr(os, name)))
from kitversions import kit_files
try:
    if mode == "commit":
        F.commit(kit, kit_files(version), {"client": "acme"})
    else:
        F.recover(kit)
except OSError:
    pass
print(count["all"])
"""

VERSIONS = r'''
from linkstar_kit.kit.files import KitFiles

def kit_files(version):
    """Three runs of a small kit: files change, appear (in new folders) and drop out."""
    out = KitFiles()
    out.add("answers.yaml", f"answers {version}\n")
    out.add("kpi-system.md", f"system {version}\n")
    out.add("roles/ops.md", f"ops {version}\n")
    if version == "v1":
        out.add("roles/finance.md", "finance v1\n")
    else:
        out.add("agendas/weekly/review.md", f"weekly {version}\n")
        out.add("roles/cs.md", f"cs {version}\n")
    return out
'''


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): (f"link:{os.readlink(p)}" if p.is_symlink() else
                                       hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(root.rglob("*")) if p.is_file() or p.is_symlink()} | {
        str(p.relative_to(root)) + "/": "dir" for p in root.rglob("*") if p.is_dir()}


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The versions module, and the kit after clean runs of v1, v1+v2, v1+v2+v3."""
    root = tmp_path_factory.mktemp("lab")
    (root / "kitversions.py").write_text(VERSIONS, encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        import kitversions  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(root))
    refs = {}
    kit = root / "ref"
    for v in ("v1", "v2", "v3"):
        F.commit(kit, kitversions.kit_files(v), META)
        refs[v] = tree(kit)
        shutil.copytree(kit, root / f"after-{v}", symlinks=True)
    return {"root": root, "refs": refs, "files": kitversions.kit_files}


def child(lab: dict[str, object], kit: Path, mode: str, kill_at: int = 0, fail_at: int = 0,
          version: str = "v2") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(lab["root"])])}
    return subprocess.run([sys.executable, "-c", CHILD, str(kit), version, str(kill_at),
                           str(fail_at), mode], env=env, capture_output=True, text=True,
                          timeout=60)


def fresh_v1(lab: dict[str, object], tmp_path: Path, name: str) -> Path:
    kit = tmp_path / name
    shutil.copytree(Path(str(lab["root"])) / "after-v1", kit, symlinks=True)
    return kit


def settle(lab: dict[str, object], kit: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Recover in this process: the kit must be exactly v1 or v2, with nothing left over; and
    the next run (v3) must go through. Returns which version the recovery left."""
    refs: dict[str, dict[str, str]] = lab["refs"]  # type: ignore[assignment]
    had_staging = any(kit.glob(F.STAGING_PREFIX + "*"))
    line = F.recover(kit)
    err = capsys.readouterr().err
    assert (line is not None) == had_staging
    if line:
        assert err == line + "\n" and line.startswith("recovered ")
    now = tree(kit)
    found = [v for v in ("v1", "v2") if now == refs[v]]
    assert found, f"neither the old kit nor the new one: {sorted(now)}"
    F.commit(kit, lab["files"]("v3"), META)  # type: ignore[operator]
    assert tree(kit) == refs["v3"]
    return found[0]


@pytest.mark.slow
def test_a_kill_at_any_step_of_the_move_leaves_the_old_kit_or_the_new(
        lab: dict[str, object], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calls = int(child(lab, fresh_v1(lab, tmp_path, "count"), "commit").stdout)
    assert calls > 20  # staging, journal, one or two renames per file, clean-up
    outcomes = []
    for k in range(1, calls + 1):
        kit = fresh_v1(lab, tmp_path, f"kill-{k}")
        r = child(lab, kit, "commit", kill_at=k)
        assert r.returncode == -9, (k, r.stderr)
        if k % 3 == 0 and any(kit.glob(F.STAGING_PREFIX + "*")):
            # and the recovery itself killed a step or two in
            r = child(lab, kit, "recover", kill_at=1 + k % 4)
            assert r.returncode in (0, -9), r.stderr
        outcomes.append(settle(lab, kit, capsys))
    # kills before the journal leave the old kit, kills after it the new one
    assert outcomes[0] == "v1" and outcomes[-1] == "v2"
    assert outcomes == sorted(outcomes)


@pytest.mark.slow
def test_a_kill_while_undoing_a_failed_run_is_undone_by_the_next(
        lab: dict[str, object], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fail_at in (2, 5, 8):  # the renames after the journal's own
        undo = child(lab, fresh_v1(lab, tmp_path, f"count-{fail_at}"), "commit", fail_at=fail_at)
        assert undo.returncode == 0
        kit = fresh_v1(lab, tmp_path, f"undone-{fail_at}")
        assert child(lab, kit, "commit", fail_at=fail_at).returncode == 0
        assert tree(kit) == lab["refs"]["v1"]  # type: ignore[index]
        calls = int(undo.stdout)
        for k in range(calls - 12, calls + 1, 3):
            kit = fresh_v1(lab, tmp_path, f"undo-{fail_at}-{k}")
            r = child(lab, kit, "commit", kill_at=k, fail_at=fail_at)
            assert r.returncode == -9, r.stderr
            assert settle(lab, kit, capsys) == "v1"


def test_the_next_generate_finishes_an_interrupted_move(tmp_path: Path, lab: dict[str, object],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Through the command: a half-moved kit is finished, not refused as edited."""
    answers = Path(__file__).resolve().parents[1] / "examples" / "amazon-us.yaml"
    kit = tmp_path / "kit"
    assert main(["generate", str(answers), "-o", str(kit), "--format", "md"]) == 0
    en = tmp_path / "en"
    assert main(["generate", str(answers), "-o", str(en), "--format", "md", "--lang", "en"]) == 0
    capsys.readouterr()
    # a run to English killed halfway: stage it as `commit` would, and move half of it
    staging = kit / (F.STAGING_PREFIX + "test")
    paths = sorted(p for p in F.read_manifest(en) or {}) + [F.MANIFEST]
    for p in paths:
        (staging / "new" / p).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(en / p, staging / "new" / p)
    (staging / F.JOURNAL).write_text(json.dumps(
        {"schema": F.JOURNAL_SCHEMA, "direction": "forward", "paths": paths, "dirs": []}))
    F._move(kit, staging, paths[: len(paths) // 2], forward=True)
    (kit / ".linkstar-staging-old").mkdir()  # and an older run's leftover
    assert main(["generate", str(answers), "-o", str(kit), "--format", "md", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"recovered {kit}: finished moving in the {len(paths)} files")
    assert "removed 1 staging folder" in err
    assert not list(kit.glob(".linkstar-staging-*"))
    assert tree(kit) == tree(en)


def test_force_never_writes_its_backup_through_a_link(tmp_path: Path, lab: dict[str, object]) -> None:
    kit = fresh_v1(lab, tmp_path, "kit")
    (kit / "roles" / "ops.md").write_text("my notes\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (kit / F.BACKUP_DIR).symlink_to(outside)
    before = tree(kit)
    with pytest.raises(KitConflictError, match=r"\.linkstar-backup is a link"):
        F.commit(kit, lab["files"]("v2"), META, force=True)  # type: ignore[operator]
    assert tree(kit) == before and not any(outside.iterdir())
    # a real backup folder whose dated folder is a planted link: a new folder is made beside it
    (kit / F.BACKUP_DIR).unlink()
    (kit / F.BACKUP_DIR).mkdir()
    import datetime as dt

    for s in range(-1, 3):
        stamp = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=s)).strftime("%Y%m%dT%H%M%SZ")
        (kit / F.BACKUP_DIR / stamp).symlink_to(outside)
    assert F.commit(kit, lab["files"]("v2"), META, force=True) == ["roles/ops.md"]  # type: ignore[operator]
    assert not any(outside.iterdir())
    kept = [p for p in (kit / F.BACKUP_DIR).rglob("ops.md")]
    assert [p.read_text(encoding="utf-8") for p in kept] == ["my notes\n"]


def test_force_refuses_a_backup_link_through_the_command(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    answers = Path(__file__).resolve().parents[1] / "examples" / "amazon-us.yaml"
    kit = tmp_path / "kit"
    assert main(["generate", str(answers), "-o", str(kit), "--format", "md"]) == 0
    (kit / "kpi-system.md").write_text("edited\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (kit / ".linkstar-backup").symlink_to(outside)
    capsys.readouterr()
    assert main(["generate", str(answers), "-o", str(kit), "--format", "md", "--force"]) == 1
    err = capsys.readouterr().err
    assert "is a link" in err and "Traceback" not in err
    assert not any(outside.iterdir())
    assert (kit / "kpi-system.md").read_text(encoding="utf-8") == "edited\n"


def test_a_second_run_waits_for_the_first(lab: dict[str, object], tmp_path: Path) -> None:
    """Two runs never move files into one kit at once (nor take the other's staging folder for
    a leftover): the second waits for the lock the first holds."""
    import fcntl

    kit = fresh_v1(lab, tmp_path, "kit")
    fd = os.open(kit, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # the first run, holding the kit
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(lab["root"])])}
        second = subprocess.Popen([sys.executable, "-c", CHILD, str(kit), "v2", "0", "0", "commit"],
                                  env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert second.stderr is not None
        line = second.stderr.readline()
        assert line == f"waiting for another linkstar run to finish writing {kit}\n"
        assert second.poll() is None and tree(kit) == lab["refs"]["v1"]  # type: ignore[index]
    finally:
        os.close(fd)  # the first run ends
    second.communicate(timeout=60)  # and closes its pipes
    assert second.returncode == 0
    assert tree(kit) == lab["refs"]["v2"]  # type: ignore[index]
