#!/bin/sh
# The checks CI runs: ruff, mypy and the test suite (arguments go to pytest, e.g.
# -m "not slow and not browser" for the fast subset). Does its own set-up first
# (scripts/setup.sh). Runs all three and exits 1 if any of them failed.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
failed=""
echo "== ruff check src tests bench"
.venv/bin/ruff check src tests bench || failed="$failed ruff"
echo "== mypy"
.venv/bin/mypy || failed="$failed mypy"
echo "== pytest"
# One worker process per core (pytest-xdist); every test writes only under its own tmp_path.
.venv/bin/python -m pytest -n "${LINKSTAR_TEST_WORKERS:-auto}" "$@" || failed="$failed pytest"
if [ -n "$failed" ]; then
  echo "FAILED:$failed" >&2
  exit 1
fi
echo "all checks passed (ruff, mypy, pytest)"
