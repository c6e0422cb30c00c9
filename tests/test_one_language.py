"""One language a document (issue 10, item 8): every text a kit holds is in the kit's language.

Every text output (Markdown, HTML, the calendar, the dashboards, the workbook's strings) of the
bundled examples, in both languages, and of synthetic profiles, is scanned for the other
language's script or words. The client's own names (client, scope, role titles) are theirs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kitcache import FORMATS as SHARED_FORMATS
from kitcache import example_files
from langscan import client_words, foreign, shown, workbook_strings
from linkstar_kit.answers.loader import load_answers
from linkstar_kit.answers.models import Answers
from linkstar_kit.kit.generate import build_files
from linkstar_kit.library.loader import load_library

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (REPO / "examples").glob("*.yaml"))
FORMATS = ["md", "html", "ics", "dashboards", "xlsx"]
TEXT = (".md", ".html", ".ics", ".json", ".yaml", ".sql", ".csv")
# Not documents: the kit's own inputs and machine data, in the tool's language by design
NOT_DOCUMENTS = ("answers.yaml", "selection.json", "manifest.json", "data/")
LIBRARY = load_library()


def _proper() -> tuple[str, ...]:
    """Names Chinese sellers write in Latin letters: platforms, sites, tools."""
    names = [p.name.en for p in LIBRARY.platforms.values()]
    names += ["Seller Central", "Seller Center", "Brand Analytics", "Business Reports",
              "Looker Studio", "Power BI", "Google Analytics", "Amazon Ads"]
    return tuple(sorted(set(names), key=len, reverse=True))


def scan(answers: Answers, lang: str, built: dict[str, bytes] | None = None
         ) -> dict[str, list[str]]:
    """{file: passages in the other language} for the kit of `answers` in `lang` (`built`:
    that kit's files, already built). Library text is scanned too: a target's source and
    window are bilingual where they are prose."""
    if built is None:
        files, _ = build_files(answers, LIBRARY, formats=FORMATS, language=lang)
        built = files.files
    own = client_words(answers)
    found: dict[str, list[str]] = {}
    for path in sorted(built):
        if path.startswith(NOT_DOCUMENTS):
            continue
        data = built[path]
        if path.endswith(".xlsx"):
            texts = workbook_strings(data)
        elif path.endswith(TEXT):
            texts = [shown(path, data.decode("utf-8"))]
        else:
            continue
        hits = [h for t in texts for h in foreign(t, lang, own, _proper())]
        if hits:
            found[path] = sorted(set(hits))[:8]
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_bundled_examples_speak_one_language(example: Path, lang: str) -> None:
    answers = load_answers(example, LIBRARY)
    assert FORMATS == SHARED_FORMATS
    assert scan(answers, lang, example_files(example, lang)) == {}


def _synthetic(lang: str, **over: Any) -> Answers:
    base: dict[str, Any] = {
        "version": 1,
        "client": {"name": "Acme", "language": lang, "currency": "EUR",
                   "timezone": "Europe/Berlin"},
        "scope": {"level": "company", "start": "2026-01-05", "horizon": "quarter"},
        "stage": "growth", "team_size": 9, "sku_count": 120, "categories": ["home"],
        "platforms": [{"id": "amazon", "sites": ["DE"], "fulfillment": ["fba"]},
                      {"id": "ebay", "sites": ["DE"], "fulfillment": ["self_ship"]}],
        "systems": {"erp": "none", "ads": "platform_console", "finance": "spreadsheet",
                    "bi": "none"},
        "goals": [{"kpi": "net_margin", "target": 0.15, "baseline": 0.08, "by": "2026-03-31"}],
        "roles": [{"role": "operations"}, {"role": "advertising"}, {"role": "finance"},
                  {"role": "customer_service"}],
        "review": {"quarterly": False},
        "incentives": {"linked_to_pay": True, "kpi_weight_percent": 100},
    }
    base.update(over)
    return Answers.model_validate(base)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_synthetic_profile_with_findings_speaks_one_language(lang: str) -> None:
    """No ERP, no BI, pay at 100 %, no quarterly review: many findings and open points."""
    assert scan(_synthetic(lang), lang) == {}


def test_the_scanner_sees_the_drifts_of_issue_10() -> None:
    """The scan is not blind: the two sentences issue 10 quotes are caught, and the client's
    own names are not."""
    assert foreign("Contribution margin · 贡献利润率", "en", [])
    assert foreign("亚马逊：Amazon has published no IPI threshold for this", "zh", [])
    assert not foreign("星河跨境 Starriver Trading · KPI reviews", "en", ["星河跨境 Starriver Trading"])
    assert not foreign("ACoS ≤ 25%，数据来源：Amazon Seller Central 广告报表", "zh", [],
                       ("Amazon",))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_synthetic_profile_on_every_platform_speaks_one_language(lang: str) -> None:
    """Six platforms (one on a fulfilment model it does not run), an ERP, a BI tool without an
    import format, launch stage, a team too small: other findings, other words."""
    plats = [{"id": "temu", "sites": ["US"], "fulfillment": ["self_ship"]},
             {"id": "aliexpress", "sites": ["ES"], "fulfillment": ["overseas_warehouse"]},
             {"id": "lazada", "sites": ["MY"], "fulfillment": ["platform_fulfillment"]},
             {"id": "walmart", "sites": ["US"], "fulfillment": ["self_ship"]},
             {"id": "shopify", "sites": ["US"], "fulfillment": ["dropship"]},
             {"id": "tiktok_shop", "sites": ["US"], "fulfillment": ["fbm"]}]
    answers = _synthetic(lang, platforms=plats, stage="launch", team_size=3,
                         systems={"erp": "lingxing", "ads": "third_party_tool",
                                  "finance": "erp", "bi": "metabase"})
    assert scan(answers, lang) == {}
