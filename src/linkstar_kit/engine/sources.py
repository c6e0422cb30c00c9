"""Name one source of truth per KPI from what the client's systems can feed (method step 4)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import catalog
from ..answers.models import Answers
from ..library.models import Kpi
from ..vocabulary import ERP_BRANDS


def erp_name(erp: str, lang: str) -> str:
    """A report's system as the documents name it: LingXing ERP, not `lingxing`."""
    brand = ERP_BRANDS.get(erp)
    if brand is None:
        return catalog.text(lang, "systems.other_erp") if erp == "other" else "ERP"
    return catalog.text(lang, "systems.erp", brand=brand.zh if lang == "zh" else brand.en)


def finance_name(finance: str, lang: str) -> str:
    return catalog.text(lang, f"systems.finance.{finance}")


def available_systems(answers: Answers) -> set[str]:
    systems = {"platform", "ads", "finance", "manual", "social", "crm"}
    if answers.systems.erp != "none":
        systems |= {"erp", "wms"}
    if any("overseas_warehouse" in p.fulfillment for p in answers.platforms):
        systems.add("wms")
    return systems


# "(e.g. LingXing profit report)" names one ERP as an example; once the client's own ERP is
# named in front, the example would only mislead, so it goes.
_EXAMPLE = re.compile(r"\s*[（(](?:e\.g\.|如|例如)[^（）()]*[）)]")
_ERP_WORD = re.compile(r"^ERP\s*")


def erp_report(report: str) -> str:
    """An ERP report's name once the client's ERP is named in front of it."""
    out = _ERP_WORD.sub("", _EXAMPLE.sub("", report)).strip()
    return out[:1].upper() + out[1:] if out else report


def data_source_for(kpi: Kpi, answers: Answers, lang: str,
                    platforms: Sequence[str] | None = None) -> tuple[str, str]:
    """(system, text): the first of the KPI's sources the client can feed, most authoritative
    first, skipping reports of platforms the role (else the company) does not sell on."""
    have = available_systems(answers)
    order = list(platforms if platforms is not None else answers.platform_ids())
    usable = [d for d in kpi.data_sources
              if d.system in have and (d.platforms is None or set(d.platforms) & set(order))]
    # nothing the client can feed: still never name another platform's report
    fallback = next((d for d in kpi.data_sources
                     if d.platforms is None or set(d.platforms) & set(order)), kpi.data_sources[0])
    ds = usable[0] if usable else fallback
    if ds.platforms is not None:
        # a platform's own report: name one per platform the role covers (Shopee Ads for the
        # Shopee shop, GMV Max for the TikTok one), still one source of truth per platform
        picks = []
        for p in order:
            own = next((d for d in usable if d.platforms is not None and p in d.platforms), None)
            if own is not None and own not in picks:
                picks.append(own)
        if len(picks) > 1:
            sep = catalog.text(lang, "punct.semicolon")
            return ds.system, sep.join(d.report.get(lang) for d in picks)
    report = ds.report.get(lang)
    sep = catalog.text(lang, "punct.colon")
    if ds.system == "erp":
        return ds.system, f"{erp_name(answers.systems.erp, lang)}{sep}{erp_report(report)}"
    if ds.system == "finance":
        return ds.system, f"{finance_name(answers.systems.finance, lang)}{sep}{report}"
    return ds.system, report
