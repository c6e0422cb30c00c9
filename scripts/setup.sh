#!/bin/sh
# Set-up shared by scripts/example.sh and scripts/test.sh (idempotent; POSIX sh, no make):
# 1. system packages WeasyPrint needs, a CJK font, the PDF tools and Chromium for the tests,
#    installed with apt-get when root or with password-less sudo, else the exact command is
#    printed (exit 1);
# 2. a virtual environment .venv/ with linkstar-kit (editable) and its test tools, reinstalled
#    only when pyproject.toml changed since the last set-up.
set -eu
cd "$(dirname "$0")/.."

say() { echo "setup: $*" >&2; }

PY=${PYTHON:-python3}
if ! command -v "$PY" >/dev/null 2>&1; then
  say "no $PY on PATH. Install Python 3.10 or newer: sudo apt-get install -y python3 python3-venv"
  exit 1
fi
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  say "linkstar-kit needs Python 3.10 or newer; $PY is $("$PY" -V 2>&1)"
  exit 1
fi

# Pango and HarfBuzz's subsetter for WeasyPrint (without the subsetter PDFs take ~5x longer),
# Noto CJK for Chinese, DejaVu for the few symbols Noto CJK lacks, poppler for the PDF tests,
# libatomic1 for Playwright's driver (its bundled Node needs libatomic.so.1, absent from a
# minimal Debian 12), Chromium (and its driver) for the web questionnaire's browser test: the
# system's browser, which Playwright drives; no browser is downloaded. curl and jq for the docs'
# examples that use them (tests/test_docs.py skips an example whose tools are missing).
PKGS="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fonts-dejavu-core poppler-utils libatomic1 curl jq"
BROWSER_PKGS="chromium chromium-driver"
# Ubuntu ships Chromium only as a snap (its deb is a stand-in that calls snapd, which a container
# or a minimal install does not run), so there the browser test is skipped unless
# LINKSTAR_CHROMIUM names a Chromium executable.
OS_RELEASE=${LINKSTAR_OS_RELEASE:-/etc/os-release}
os_id=$( [ -r "$OS_RELEASE" ] && . "$OS_RELEASE" && echo "${ID:-}" ) || os_id=""
if [ "$os_id" = ubuntu ]; then
  say "Ubuntu has no Chromium deb (only a snap): the browser test is skipped unless" \
      "LINKSTAR_CHROMIUM names a Chromium executable"
else
  PKGS="$PKGS $BROWSER_PKGS"
fi
# Debian and Ubuntu ship venv's pip bootstrap (ensurepip) in a package of its own.
VENV_PKG=""
if [ ! -x .venv/bin/python ] && ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  ver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  if [ "$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "$ver" ]; then
    VENV_PKG=python3-venv
  else
    VENV_PKG=python$ver-venv
  fi
fi

# apt_waiting SECONDS COMMAND...: run an apt-get command (its output hidden, its errors shown),
# and while it fails only because another process holds an apt lock, say so once and retry it
# every 2 seconds for up to SECONDS. (LC_ALL=C on the command keeps apt's message in English.)
apt_waiting() {
  limit=$1; shift
  waited=0
  while :; do
    if err=$("$@" 2>&1 >/dev/null); then
      return 0
    fi
    case $err in
      *"Could not get lock"*)
        if [ "$waited" -lt "$limit" ]; then
          [ "$waited" -gt 0 ] || say "another apt or dpkg process holds a lock: waiting for it" \
            "(up to $limit s)"
          sleep 2
          waited=$((waited + 2))
          continue
        fi
        say "another apt or dpkg process still holds a lock after $limit s" ;;
    esac
    printf '%s\n' "$err" >&2
    return 1
  done
}

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $p"
  done
  [ -z "$VENV_PKG" ] || missing="$missing $VENV_PKG"
elif [ -n "$VENV_PKG" ]; then
  say "$PY cannot create a virtual environment (no ensurepip); install Python's venv module"
  exit 1
else
  say "not a Debian/Ubuntu system: install Pango, the HarfBuzz subset library and a CJK font" \
      "yourself; '.venv/bin/linkstar env' then says what is missing"
fi
missing=${missing# }

if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    say "these system packages are missing: $missing"
    say "run this (as root, or with sudo), then run this command again:"
    echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
    exit 1
  fi
  say "installing system packages: $missing"
  # Wait (up to LINKSTAR_APT_LOCK_WAIT seconds, 10 minutes by default) for another apt or dpkg
  # process to release its lock, instead of failing at once: a fresh machine often runs
  # apt-daily or unattended-upgrades at boot. DPkg::Lock::Timeout makes apt wait for dpkg's
  # locks, but not for the package lists' lock that `apt-get update` takes (nor the download
  # cache's): on those apt gives up at once with "Could not get lock", so apt_waiting retries.
  wait_s=${LINKSTAR_APT_LOCK_WAIT:-600}
  case $wait_s in ''|*[!0-9]*) say "LINKSTAR_APT_LOCK_WAIT is a number of seconds, not '$wait_s'"; exit 1 ;; esac
  # shellcheck disable=SC2086  # the package list is meant to split into words
  if ! { apt_waiting "$wait_s" $SUDO env LC_ALL=C apt-get -o DPkg::Lock::Timeout="$wait_s" update -qq \
         && apt_waiting "$wait_s" $SUDO env LC_ALL=C DEBIAN_FRONTEND=noninteractive \
              apt-get -o DPkg::Lock::Timeout="$wait_s" install -y -qq $missing; }; then
    say "apt-get could not install: $missing"
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c '' 2>/dev/null; then
  rm -rf .venv
  if ! "$PY" -m venv .venv; then
    rm -rf .venv
    say "could not create .venv with $PY; on Debian/Ubuntu install python3-venv"
    exit 1
  fi
fi
# Reinstall only when the project's metadata changed since the last set-up.
stamp=.venv/.linkstar-setup
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  say "installing linkstar-kit and its test tools into .venv/"
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
# Compile the package's modules ahead: where PYTHONDONTWRITEBYTECODE is set (CI images,
# containers), Python never writes them itself and every command would compile ~130 modules
# again (~0.2 s a run). compileall only compiles what changed since; a module edited later is
# still read from its source (Python checks each cached file against it). A module that does
# not compile is left to the tests to report.
[ ! -d src ] || .venv/bin/python -m compileall -q src >/dev/null 2>&1 || true
