#!/bin/sh
# The checks CI runs: ruff, mypy and the test suite (arguments go to pytest). Does its own
# set-up first (scripts/setup.sh). Runs all three and exits 1 if any of them failed.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
failed=""
echo "== ruff check src tests bench"
.venv/bin/ruff check src tests bench || failed="$failed ruff"
echo "== mypy"
.venv/bin/mypy || failed="$failed mypy"
echo "== pytest"
.venv/bin/python -m pytest "$@" || failed="$failed pytest"
if [ -n "$failed" ]; then
  echo "FAILED:$failed" >&2
  exit 1
fi
echo "all checks passed (ruff, mypy, pytest)"
