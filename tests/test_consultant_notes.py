"""The client's documents and the consultant's notes are apart (issue 20), in both languages."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from linkstar_kit import catalog
from linkstar_kit.answers.loader import load_answers
from linkstar_kit.answers.models import Answers
from linkstar_kit.kit.generate import build_files
from linkstar_kit.library.loader import Library, load_library

ROOT = Path(__file__).resolve().parents[1]


@cache
def library() -> Library:
    return load_library()


def md_files(answers: Answers) -> dict[str, str]:
    files, _ = build_files(answers, library(), formats=["md"])
    return {p: b.decode("utf-8") for p, b in files.files.items() if p.endswith(".md")}


@pytest.mark.parametrize("example", ["indie-store-launch", "temu-aliexpress"])
def test_notes_hold_what_the_client_documents_do_not(example: str) -> None:
    answers = load_answers(ROOT / "examples" / f"{example}.yaml", library())
    lang = answers.client.language
    docs = md_files(answers)
    notes = docs.pop("consultant/notes.md")
    t = catalog.Catalog(lang)
    heads = [t(f"notes.heads.{k}") for k in ("health", "warnings", "open", "assumed")]
    for h in heads:
        assert h in notes
    assert notes.splitlines()[0] == t("notes.title", client=answers.client.name)
    consultant_only = [t("doctor.heading").removeprefix("## 8. "), t("doctor.appendix.heading"),
                       t("notes.heads.appendix").removeprefix("## 5. "), "`targets-to-set`",
                       t("doctor.appendix.intro")]
    for path, text in docs.items():  # the KPI system, the role cards, the agendas
        for words in consultant_only:
            assert words not in text, (path, words)


def _answers(**over: Any) -> Answers:
    data: dict[str, Any] = {
        "version": 1, "client": {"name": "Test Co", "language": "en"},
        "scope": {"level": "company", "start": "2026-04-01", "horizon": "quarter"},
        "stage": "growth", "team_size": 12,
        "platforms": [{"id": "shopee", "sites": ["MY"]}],
        "goals": [{"kpi": "gmv", "target": 500000, "by": "2026-06-30"}],
        "roles": [{"role": "operations", "title": "Shop Manager"},
                  {"role": "customer_service"}],
    }
    data.update(over)
    return Answers.model_validate(data)


def test_what_was_assumed_lists_the_defaults_filled_in() -> None:
    notes = md_files(_answers())["consultant/notes.md"]
    assumed = notes.split(catalog.text("en", "notes.heads.assumed"))[1]
    assert catalog.text("en", "questionnaire.questions.erp") in assumed
    assert "no fulfilment model named" in assumed  # shopee listed without one
    given = md_files(_answers(systems={"erp": "mabang", "ads": "platform_console",
                                       "finance": "spreadsheet", "bi": "none"}))
    after = given["consultant/notes.md"].split(catalog.text("en", "notes.heads.assumed"))[1]
    assert catalog.text("en", "questionnaire.questions.erp") not in after


def test_the_chair_is_named_from_the_answers() -> None:
    weekly = md_files(_answers())["agendas/weekly-review.md"]
    assert "Chair (team lead)" not in weekly and "| Chair | Shop Manager |" in weekly
    lead = md_files(_answers(roles=[{"role": "team_lead", "title": "Country Head"},
                                    {"role": "operations"}]))["agendas/weekly-review.md"]
    assert "| Chair | Country Head |" in lead
