#!/bin/sh
# The checks CI runs: ruff, mypy, the docs site (mkdocs build --strict) and the test suite
# (arguments go to pytest, e.g. -m "not slow and not browser and not libreoffice" for the fast
# subset). Does its own set-up first (scripts/setup.sh). Runs all four and exits 1 if any of
# them failed.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
failed=""
echo "== ruff check src tests bench"
.venv/bin/ruff check src tests bench || failed="$failed ruff"
echo "== mypy"
.venv/bin/mypy || failed="$failed mypy"
echo "== mkdocs build --strict"
# into a temporary folder: the check is that the docs build (links, nav), not the site itself
site=$(mktemp -d)
.venv/bin/mkdocs build --strict --quiet --site-dir "$site" || failed="$failed mkdocs"
rm -rf "$site"
echo "== pytest"
# One worker process per core (pytest-xdist); every test writes only under its own tmp_path.
# -rs: why each skipped test was skipped (a missing tool, Ubuntu's missing Chromium deb, root).
.venv/bin/python -m pytest -n "${LINKSTAR_TEST_WORKERS:-auto}" -rs "$@" || failed="$failed pytest"
if [ -n "$failed" ]; then
  echo "FAILED:$failed" >&2
  exit 1
fi
echo "all checks passed (ruff, mypy, mkdocs, pytest)"
