"""The documents' fixed wording in one language: the `labels` section of the text catalog.

The words themselves live in catalog/<lang>.yaml (`labels.*`, and `pitfalls` which the
health check names too); this is the name the templates and the questionnaire know them by
(`t.kpi`, `t.weekdays.monday`, `t.pitfall_list`, ...).
"""

from __future__ import annotations

from typing import Any

from .. import catalog


def labels(lang: str) -> dict[str, Any]:
    out = catalog.section(lang, "labels")
    out["pitfall_list"] = [p["checklist"] for p in catalog.items(lang, "pitfalls")]
    return out
