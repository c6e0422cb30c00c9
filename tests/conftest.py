"""Shared test setup. Keep this minimal: other test modules add their own fixtures here."""

from __future__ import annotations

import sys
from pathlib import Path

# Run from a source checkout even when the package is not installed into the venv.
_SRC = Path(__file__).resolve().parents[1] / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

# Tests get a library cache of their own, so they neither read nor leave one in $HOME.
import os  # noqa: E402
import tempfile  # noqa: E402

os.environ.setdefault("LINKSTAR_CACHE_DIR", tempfile.mkdtemp(prefix="linkstar-test-cache-"))
