"""scripts/setup.sh on machines it cannot see here: system packages missing, root or not,
apt-get failing, Python without venv's pip bootstrap. apt-get, dpkg-query, id and sudo are
stand-ins on PATH; every case ends before a virtual environment would be made."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE = ("libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fonts-dejavu-core "
        "poppler-utils libatomic1 curl jq")
PKGS = BASE + " chromium chromium-driver"  # Debian's; Ubuntu has Chromium only as a snap
LOCK = "-o DPkg::Lock::Timeout=600"

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def _tool(folder: Path, name: str, body: str) -> None:
    f = folder / name
    f.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    f.chmod(f.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


@pytest.fixture
def machine(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A copy of the set-up script in an empty project, and stand-ins for the system's tools."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup.sh", project / "scripts" / "setup.sh")
    fake = tmp_path / "bin"
    fake.mkdir()
    log = tmp_path / "apt.log"
    _tool(fake, "dpkg-query",
          'case " $FAKE_INSTALLED " in *" $3 "*) printf "install ok installed";; '
          '*) printf "unknown ok not-installed"; exit 1;; esac')
    # FAKE_LOCKED: how many runs find the package lists' lock held by another apt (as apt says it)
    locked = tmp_path / "locked"
    _tool(fake, "apt-get", f'echo "apt-get $*" >> {log}; '
          f'n=$(cat {locked} 2>/dev/null || echo "${{FAKE_LOCKED:-0}}"); '
          f'if [ "$n" -gt 0 ]; then echo $((n - 1)) > {locked}; '
          'echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 7 (apt-get)" >&2; '
          'exit 100; fi; '
          'case " $* " in *" update "*) ;; *) exit "${{FAKE_APT_STATUS:-0}}";; esac')
    _tool(fake, "id", 'echo "$FAKE_UID"')
    _tool(fake, "sudo", "exit 1")  # sudo wants a password
    os_release = tmp_path / "os-release"
    os_release.write_text('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n', encoding="utf-8")
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}", "FAKE_INSTALLED": "",
           "FAKE_UID": "1000", "PYTHON": sys.executable, "LINKSTAR_OS_RELEASE": str(os_release)}
    return project, log, env


def _run(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", "scripts/setup.sh"], cwd=project, env=env, text=True,
                          capture_output=True, timeout=60)


def test_without_root_the_exact_apt_get_command_is_printed(machine) -> None:
    project, log, env = machine
    env["FAKE_INSTALLED"] = "fonts-dejavu-core poppler-utils chromium-driver"
    r = _run(project, env)
    assert r.returncode == 1
    want = ("libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk libatomic1 curl jq "
            "chromium")
    assert f"sudo apt-get update && sudo apt-get install -y {want}\n" in r.stderr
    assert not log.exists() and not (project / ".venv").exists()


def test_as_root_apt_get_installs_what_is_missing(machine) -> None:
    project, log, env = machine
    env.update(FAKE_UID="0", FAKE_APT_STATUS="100")  # a failing install stops the set-up
    r = _run(project, env)
    assert r.returncode == 1
    assert log.read_text(encoding="utf-8").splitlines() == [
        f"apt-get {LOCK} update -qq", f"apt-get {LOCK} install -y -qq {PKGS}"]
    assert f"apt-get could not install: {PKGS}" in r.stderr
    assert not (project / ".venv").exists()


def test_a_python_without_ensurepip_names_the_venv_package(machine, tmp_path: Path) -> None:
    project, log, env = machine
    env["FAKE_INSTALLED"] = PKGS
    python = tmp_path / "bin" / "python-no-venv"
    # this Python cannot import ensurepip, as on Debian without python3-venv
    _tool(python.parent, python.name,
          f'case "$*" in *ensurepip*) exit 1;; esac; exec {sys.executable} "$@"')
    env["PYTHON"] = str(python)
    r = _run(project, env)
    assert r.returncode == 1
    ver = f"{sys.version_info[0]}.{sys.version_info[1]}"
    same = subprocess.run(["python3", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                          capture_output=True, text=True).stdout.strip() == ver
    pkg = "python3-venv" if same else f"python{ver}-venv"
    assert f"sudo apt-get install -y {pkg}\n" in r.stderr


def test_everything_installed_needs_no_apt_get(machine) -> None:
    project, log, env = machine
    env["FAKE_INSTALLED"] = PKGS
    env["PYTHON"] = "python-that-does-not-exist"
    r = _run(project, env)  # stops at the missing Python, after the package check
    assert r.returncode == 1 and "no python-that-does-not-exist on PATH" in r.stderr
    assert not log.exists()


def test_on_ubuntu_no_chromium_deb_is_asked_for(machine, tmp_path: Path) -> None:
    """Ubuntu's chromium deb only installs the snap, which a container cannot run: the set-up
    installs the rest and says the browser test needs LINKSTAR_CHROMIUM there."""
    project, log, env = machine
    (tmp_path / "os-release").write_text('NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n'
                                         'ID_LIKE=debian\n', encoding="utf-8")
    env.update(FAKE_UID="0", FAKE_APT_STATUS="100")
    r = _run(project, env)
    assert r.returncode == 1
    assert log.read_text(encoding="utf-8").splitlines()[-1] == f"apt-get {LOCK} install -y -qq {BASE}"
    assert "LINKSTAR_CHROMIUM" in r.stderr


def test_apt_get_waits_for_another_apt_holding_the_lists_lock(machine) -> None:
    """DPkg::Lock::Timeout does not cover the lists lock `apt-get update` takes (apt gives up at
    once there): the set-up says it waits, retries, and goes on when the lock is free."""
    project, log, env = machine
    env.update(FAKE_UID="0", FAKE_LOCKED="2", FAKE_APT_STATUS="100")
    r = _run(project, env)
    assert log.read_text(encoding="utf-8").splitlines() == [
        f"apt-get {LOCK} update -qq"] * 3 + [f"apt-get {LOCK} install -y -qq {PKGS}"]
    assert r.stderr.count("another apt or dpkg process holds a lock: waiting for it") == 1
    assert "Could not get lock" not in r.stderr  # the retried failures are not shown
    assert r.returncode == 1 and f"apt-get could not install: {PKGS}" in r.stderr


def test_apt_get_gives_up_when_the_lock_is_never_released(machine) -> None:
    project, log, env = machine
    env.update(FAKE_UID="0", FAKE_LOCKED="1000", LINKSTAR_APT_LOCK_WAIT="2")
    r = _run(project, env)
    assert r.returncode == 1
    lock = "-o DPkg::Lock::Timeout=2"
    assert log.read_text(encoding="utf-8").splitlines() == [f"apt-get {lock} update -qq"] * 2
    assert "still holds a lock after 2 s" in r.stderr
    assert "E: Could not get lock /var/lib/apt/lists/lock" in r.stderr  # apt's own words, once
    assert f"apt-get could not install: {PKGS}" in r.stderr and not (project / ".venv").exists()


def test_a_lock_wait_that_is_not_a_number_is_refused(machine) -> None:
    project, log, env = machine
    env.update(FAKE_UID="0", LINKSTAR_APT_LOCK_WAIT="ten")
    r = _run(project, env)
    assert r.returncode == 1 and "LINKSTAR_APT_LOCK_WAIT is a number of seconds" in r.stderr
    assert not log.exists()
