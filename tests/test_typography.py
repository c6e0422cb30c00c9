"""Units and typography as sellers write them (issue 20, item 4): in a Chinese kit a multiple
(ROAS, MER, LTV:CAC, creator or promotion ROI) is 倍 and only turnover is 次; comparisons are
≤ ≥, never ASCII <= >=; and no Markdown table cell shows an escaped `\\>`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kitcache import FORMATS as SHARED_FORMATS
from kitcache import example_files
from langscan import workbook_strings
from linkstar_kit import fmt
from linkstar_kit.answers.loader import load_answers, parse_answers
from linkstar_kit.kit.generate import build_files
from linkstar_kit.library.loader import load_library

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (REPO / "examples").glob("*.yaml"))
LIBRARY = load_library()
MULTIPLES = {k.id for k in LIBRARY.kpis.values() if k.unit == "multiple"}
# a number followed by a unit word: `≥ 3 次`, `4 倍`
_NUMBER_UNIT = re.compile(r"\d(?:[\d,.]*)\s?(次|倍)")
_ASCII_COMPARISON = re.compile(r"(?<![<>=!])(<=|>=)(?!=)")
_CODE = re.compile(r"`[^`\n]*`|https?://\S+")
# "(library default, LinkStar library default: ...)": a target's kind, then its source opening
# with the same words
_SAID_TWICE = re.compile(r"(library default|指标库默认值)[,，]\s*LinkStar \1")


def _kit(answers: Any, lang: str, built: dict[str, bytes] | None = None) -> dict[str, str]:
    """The texts of the kit's Markdown, dashboard spec and workbook (`built`: the kit's files,
    already built with these formats among others)."""
    if built is None:
        files, _ = build_files(answers, LIBRARY, formats=["md", "dashboards", "xlsx"],
                               language=lang)
        built = files.files
    out: dict[str, str] = {}
    for path in sorted(built):
        data = built[path]
        if path.endswith(".md") or path == "dashboards/dashboard.yaml":
            out[path] = data.decode("utf-8")
        elif path.endswith(".xlsx"):
            out[path] = "\n".join(workbook_strings(data))
    return out


def _mentions(line: str, name: str) -> bool:
    """`name` in `line` as a word of its own (MER, not the MER inside an id like 6MERBAL)."""
    return bool(name) and re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])",
                                    line) is not None


def problems(texts: dict[str, str], lang: str) -> list[str]:
    """What a seller would correct: an escaped `\\>`, ASCII <= >= in Chinese, 次 on a line
    about a multiple (or 倍 on a line about turnover)."""
    names = {k.id: {k.name.zh, *(n for n in [k.short] if n)} for k in LIBRARY.kpis.values()}
    found: list[str] = []
    for path, text in texts.items():
        for n, line in enumerate(text.splitlines(), 1):
            where = f"{path}:{n}: {line.strip()[:120]}"
            if path.endswith(".md") and "\\>" in line:
                found.append(f"escaped >: {where}")
            if _SAID_TWICE.search(line):
                found.append(f"label said twice: {where}")
            if lang != "zh":
                continue
            if path.endswith(".yaml") and re.match(r"\s*(op|order):", line) \
                    or path.endswith(".xlsx") and line.startswith("="):
                continue  # an operator for a BI tool or a spreadsheet formula, not prose
            prose = _CODE.sub("", line)
            if _ASCII_COMPARISON.search(prose):
                found.append(f"ASCII comparison: {where}")
            units = set(_NUMBER_UNIT.findall(prose))
            if not units:
                continue
            about = {kid for kid, ns in names.items() if any(_mentions(line, n) for n in ns)}
            turns = {k for k in about if LIBRARY.kpis[k].unit == "times"}
            if "次" in units and about & MULTIPLES and not turns:
                found.append(f"次 for a multiple: {where}")
            if "倍" in units and "inventory_turnover" in about and not about & MULTIPLES:
                found.append(f"倍 for turnover: {where}")
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_bundled_examples_write_units_as_sellers_do(example: Path, lang: str) -> None:
    answers = load_answers(example, LIBRARY)
    # the kit test_one_language reads (kitcache.py): its formats include these three
    assert {"md", "dashboards", "xlsx"} <= set(SHARED_FORMATS)
    assert problems(_kit(answers, lang, example_files(example, lang)), lang) == []


SHOPIFY = """\
version: 1
client: {name: "Fjord Goods", language: zh, currency: USD, timezone: Europe/Berlin}
scope: {level: company, start: 2026-09-01, horizon: quarter}
stage: growth
team_size: 8
categories: [sports_outdoors]
platforms:
  - {id: shopify, sites: [US], fulfillment: [overseas_warehouse]}
goals:
  - {kpi: gmv, target: 150000, by: 2026-11-30}
  - {kpi: ltv_cac_ratio, target: 3, baseline: 2, by: 2026-11-30}
roles:
  - {role: team_lead}
  - {role: advertising, pin: [roas, marketing_efficiency_ratio]}
  - {role: purchasing, pin: [inventory_turnover]}
"""


def test_multiples_are_bei_and_turns_ci_in_a_chinese_kit() -> None:
    answers = parse_answers(SHOPIFY, "shopify.yaml", LIBRARY)
    texts = _kit(answers, "zh")
    assert problems(texts, "zh") == []
    system = texts["kpi-system.md"]
    assert "3 倍" in system  # the LTV:CAC goal
    assert fmt.value(3, "multiple", "zh") == "3 倍" and fmt.value(4, "times", "zh") == "4 次"
    assert fmt.value(3, "multiple", "en") == "3×"


def test_the_scan_sees_what_sellers_correct() -> None:
    bad = {"kpi-system.md": "| LTV:CAC | ≥ 3 次 |\n| 库存周转率 | ≥ 4 次 |\n目标 <= 5%\n"
                            "| 准时送达率 | \\> 97% |\n"
                            "- Lazada：**≤ 4%**（指标库默认值，LinkStar 指标库默认值：两家大型平台）"}
    found = problems(bad, "zh")
    assert [f.split(":")[0] for f in found] == ["次 for a multiple", "ASCII comparison",
                                                "escaped >", "label said twice"]


def test_a_target_in_a_table_cell_is_not_escaped() -> None:
    assert fmt.md_cell("> 97%") == "> 97%"
    assert fmt.md_cell("a | b") == "a \\| b"
    assert fmt.md_text("> quote") == "\\> quote"  # outside a cell a leading > is a quote
