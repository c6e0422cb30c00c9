"""The engine decides a goal's target once; every writer reads it (issue 13).

A keep-in-range KPI (days of supply) with a goal from 30 to 60 days must read `>= 60` in the
documents, the selection, the store, the dashboard and the workbook. store/tracking.py used
to re-derive the operator from the KPI's direction and wrote `<= 60` in the last three.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from linkstar_kit.answers.loader import load_answers
from linkstar_kit.kit.generate import generate_kit
from linkstar_kit.library.loader import Library, load_library
from linkstar_kit.store.schema import statements

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "amazon-us.yaml"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def kit_with_goal(library: Library, tmp: Path, baseline: float, target: float, lang: str) -> Path:
    answers = load_answers(EXAMPLE, library)
    goal = answers.goals[0].model_copy(update={"kpi": "days_of_supply", "target": target,
                                               "baseline": baseline, "by": dt.date(2026, 9, 30)})
    answers = answers.model_copy(update={
        "goals": [goal], "client": answers.client.model_copy(update={"language": lang})})
    assert library.kpis["days_of_supply"].direction == "range"
    generate_kit(answers, library, tmp, formats=["md", "dashboards", "xlsx"])
    return tmp


def goal_ops(kit: Path) -> dict[str, Any]:
    """The goal's operator as each output states it."""
    sel = json.loads((kit / "selection.json").read_text("utf-8"))
    mem = sqlite3.connect(":memory:")
    for stmt in statements((kit / "data" / "schema.sql").read_text("utf-8")):
        mem.execute(stmt)
    store = mem.execute("SELECT DISTINCT op FROM targets WHERE kpi = 'days_of_supply'").fetchall()
    dash = YAML(typ="safe").load((kit / "dashboards" / "dashboard.yaml").read_text("utf-8"))
    dash_ops = {s["target"]["op"] for sec in dash["sections"] for p in sec["panels"]
                for s in p["series"] if p["kpi"] == "days_of_supply" and s.get("target")}
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO((kit / "scorecard" / "scorecard.xlsx").read_bytes()))
    cells = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and "60" in c.value and c.value[:1] in "≤≥"}
    docs = "".join(p.read_text("utf-8") for p in kit.rglob("*.md"))
    return {"selection": sel["goals"][0]["resolved_target"]["op"],
            "store": {op for (op,) in store}, "dashboard": dash_ops, "workbook": cells,
            "docs_up": "≥ 60" in docs, "docs_down": "≤ 60" in docs}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_keep_in_range_goal_raised_reads_at_least_everywhere(library: Library, tmp_path: Path,
                                                              lang: str) -> None:
    ops = goal_ops(kit_with_goal(library, tmp_path / "kit", 30, 60, lang))
    assert ops["selection"] == ">="
    assert ops["store"] == {">="}
    assert ops["dashboard"] == {">="}
    assert ops["workbook"] and all(v.startswith("≥") for v in ops["workbook"])
    assert ops["docs_up"] and not ops["docs_down"]


def test_a_keep_in_range_goal_lowered_reads_at_most_everywhere(library: Library,
                                                               tmp_path: Path) -> None:
    ops = goal_ops(kit_with_goal(library, tmp_path / "kit", 90, 60, "en"))
    assert ops["selection"] == "<="
    assert ops["store"] == {"<="}
    assert ops["dashboard"] == {"<="}
    assert ops["workbook"] and all(v.startswith("≤") for v in ops["workbook"])
    assert ops["docs_down"] and not ops["docs_up"]
