"""Golden files: every text output of the bundled examples, kept in tests/golden/<example>/.

tests/test_golden.py compares a fresh in-memory kit with them byte for byte. When a change of
output is intended, rewrite them with the one command

    make golden        (or: .venv/bin/python tests/goldenkit.py)

and review `git diff tests/golden`: it shows exactly what changed, file by file.

Binary outputs (the PDFs, the workbook) and manifest.json (which holds the workbook's digest,
and so would follow openpyxl's version) are not golden files.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in (".yaml", ".json"))
FORMATS = ["md", "html", "ics", "dashboards", "xlsx"]
BINARY = (".xlsx", ".pdf")
SKIP = ("manifest.json",)


def golden_name(example: Path) -> str:
    """amazon-us.yaml and amazon-us.json describe the same client: one golden folder."""
    return example.stem


def render(example: Path) -> dict[str, bytes]:
    """{kit path: bytes} for every text output of the example's kit."""
    src = REPO / "src"
    if str(src) not in sys.path:
        sys.path.insert(0, str(src))
    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.kit.generate import build_files
    from linkstar_kit.library.loader import load_library

    library = load_library()
    files, _ = build_files(load_answers(example, library), library, formats=FORMATS)
    return {p: files.files[p] for p in files if not p.endswith(BINARY) and p not in SKIP}


def stored(name: str) -> dict[str, bytes]:
    root = GOLDEN / name
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def update() -> list[str]:
    """Rewrite tests/golden from the current code; the folders written."""
    written = []
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for example in EXAMPLES:
        name = golden_name(example)
        if name in written:
            continue
        for path, data in render(example).items():
            dest = GOLDEN / name / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        written.append(name)
    return written


if __name__ == "__main__":
    for name in update():
        print(f"wrote {GOLDEN.relative_to(REPO)}/{name}/")
    print("review the change with: git diff --stat tests/golden")
