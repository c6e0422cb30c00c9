"""Shared test setup. Keep this minimal: other test modules add their own fixtures here."""

from __future__ import annotations

import sys
from pathlib import Path

# Run from a source checkout even when the package is not installed into the venv.
_SRC = Path(__file__).resolve().parents[1] / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

# The parsed-data cache (diskcache.py) of this test process: a fresh folder, never the user's,
# so a test never reads a pickle another checkout wrote; commands the tests start inherit it.
import atexit  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="linkstar-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)
os.environ.pop("LINKSTAR_NO_CACHE", None)

# What the test processes of one run share (kitcache.py): made by the first process that loads
# this file (pytest's main process; its xdist workers inherit the variable), removed after it.
if "LINKSTAR_TEST_SHARED" not in os.environ:
    os.environ["LINKSTAR_TEST_SHARED"] = tempfile.mkdtemp(prefix="linkstar-test-shared-")
    atexit.register(shutil.rmtree, os.environ["LINKSTAR_TEST_SHARED"], ignore_errors=True)

# Property tests (hypothesis): reproducible runs, no example database left in the checkout, no
# per-example deadline (the machine is shared; timing is not what these tests check).
try:
    from hypothesis import settings
except ImportError:  # pragma: no cover - hypothesis is a dev extra
    pass
else:
    settings.register_profile("linkstar", database=None, deadline=None, derandomize=True)
    settings.load_profile("linkstar")
