"""The in-memory kits of the bundled examples, built once per test run and shared.

test_golden, test_one_language and test_typography each read every example's kit (all five
text formats; the example's own language, or English and Chinese): built apart, that was the
same kit three times. Here a kit is built the first time a test asks for it and kept, for the
other test processes of the run (pytest-xdist workers) too, as a pickle under the run's own
folder (`LINKSTAR_TEST_SHARED`, made fresh by conftest.py for each run and removed after it,
so a kit never outlives the code that built it). A lock file makes the first process build
it while the others wait.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

# every format with a text or workbook output (the PDFs are tested on their own)
FORMATS = ["md", "html", "ics", "dashboards", "xlsx"]

_MEMO: dict[tuple[str, str | None], dict[str, bytes]] = {}


def _build(example: Path, language: str | None) -> dict[str, bytes]:
    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.kit.generate import build_files
    from linkstar_kit.library.loader import load_library

    library = load_library()
    files, _ = build_files(load_answers(example, library), library, formats=FORMATS,
                           language=language)
    return dict(files.files)


def example_files(example: Path, language: str | None = None) -> dict[str, bytes]:
    """{kit path: bytes} of `example`'s kit in `language` (None: the example's own), exactly
    what `build_files(..., formats=FORMATS, language=language)` returns."""
    if language is not None:
        from linkstar_kit.answers.loader import load_answers
        from linkstar_kit.library.loader import load_library

        if load_answers(example, load_library()).client.language == language:
            language = None  # the same kit: build_files then changes nothing
    key = (str(example.resolve()), language)
    if key in _MEMO:
        return dict(_MEMO[key])
    shared = os.environ.get("LINKSTAR_TEST_SHARED")
    if not shared:
        files = _build(example, language)
    else:
        import fcntl
        import hashlib

        folder = Path(shared) / "example-kits"
        folder.mkdir(parents=True, exist_ok=True)
        import linkstar_kit

        # the code's own place too: a run inside a copy of the repository builds its own
        name = hashlib.sha256(repr((key, linkstar_kit.__file__)).encode("utf-8")).hexdigest()[:24]
        path = folder / f"{name}.pickle"
        with open(folder / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if path.exists():
                files = pickle.loads(path.read_bytes())
            else:
                files = _build(example, language)
                tmp = path.with_suffix(".tmp")
                tmp.write_bytes(pickle.dumps(files))
                os.replace(tmp, path)
    _MEMO[key] = files
    return dict(files)
