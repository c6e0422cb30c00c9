"""Kits for the store, dashboard and scorecard tests: built from the examples, template filled."""

from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
SCHEMAS = REPO.parent / "shared" / "reference" / "schemas"


def _generate(example: Path, out: Path, formats: tuple[str, ...]) -> None:
    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.kit.generate import generate_kit
    from linkstar_kit.library.loader import load_library

    library = load_library()
    answers = load_answers(example, library)
    generate_kit(answers, library, out, formats=list(formats))


def build_kit(example: Path, out: Path, formats: tuple[str, ...] = ("dashboards", "xlsx")) -> Path:
    """`linkstar generate` of `example` into `out`. A kit of the same example and formats is
    generated once per test run (the store, review, dashboard and scorecard tests start from
    the same few) and copied: the copy holds the same files, manifest included. The pristine
    kits are kept in the run's shared folder (conftest.py), for the other workers too."""
    import os
    import shutil

    shared = os.environ.get("LINKSTAR_TEST_SHARED")
    if not shared or (out.exists() and any(out.iterdir())):
        _generate(example, out, formats)
        return out
    import fcntl
    import hashlib

    import linkstar_kit

    key = repr((str(example.resolve()), formats, linkstar_kit.__file__))
    folder = Path(shared) / "kit-folders"
    folder.mkdir(parents=True, exist_ok=True)
    pristine = folder / hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    with open(f"{pristine}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one process generates, the others wait
        if not pristine.is_dir():
            staging = Path(f"{pristine}.new")
            shutil.rmtree(staging, ignore_errors=True)
            _generate(example, staging / "kit", formats)
            os.replace(staging, pristine)
    shutil.copytree(pristine / "kit", out, symlinks=True, dirs_exist_ok=True)
    return out


def sample_value(unit: str, i: int) -> str:
    """A plausible value per unit, varied by row so that statuses differ."""
    if unit == "ratio":
        return f"{(0.05 + 0.07 * i) % 1:.4f}"
    return str(10 + 7 * i)


def filled_template(kit: Path, dest: Path) -> Path:
    """The kit's actuals template with a value in every row."""
    import sqlite3

    from linkstar_kit.store.schema import statements

    mem = sqlite3.connect(":memory:")
    for stmt in statements((kit / "data" / "schema.sql").read_text(encoding="utf-8")):
        mem.execute(stmt)
    units = {(r, k, p): u for r, k, p, u in
             mem.execute("SELECT role_key, kpi, platform, unit FROM targets")}
    mem.close()
    with (kit / "scorecard" / "actuals-template.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows, "the template has rows"
    for i, row in enumerate(rows):
        row["value"] = sample_value(units[(row["role_key"], row["kpi"], row["platform"])], i)
    with dest.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return dest
