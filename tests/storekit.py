"""Kits for the store, dashboard and scorecard tests: built from the examples, template filled."""

from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
SCHEMAS = REPO.parent / "shared" / "reference" / "schemas"


def build_kit(example: Path, out: Path, formats: tuple[str, ...] = ("dashboards", "xlsx")) -> Path:
    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.kit.generate import generate_kit
    from linkstar_kit.library.loader import load_library

    library = load_library()
    answers = load_answers(example, library)
    generate_kit(answers, library, out, formats=list(formats))
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
