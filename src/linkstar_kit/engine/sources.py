"""Name one source of truth per KPI from what the client's systems can feed (method step 4)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..answers.models import Answers
from ..library.models import Kpi
from ..vocabulary import ERP_BRANDS

# A report's system as the documents name it: 领星 ERP, not `lingxing`.
ERP_NAMES = {
    **{erp: (f"{b.en} ERP", f"{b.zh} ERP") for erp, b in ERP_BRANDS.items()},
    "other": ("Other ERP", "其他 ERP"),
}
FINANCE_NAMES = {
    "spreadsheet": ("Finance spreadsheet", "财务表格"),
    "erp": ("ERP finance module", "ERP 财务模块"),
    "accounting_software": ("Accounting software", "财务软件"),
}


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
            sep = "；" if lang == "zh" else "; "
            return ds.system, sep.join(d.report.get(lang) for d in picks)
    zh = lang == "zh"
    report = ds.report.get(lang)
    sep = "：" if zh else ": "
    if ds.system == "erp":
        en, cn = ERP_NAMES.get(answers.systems.erp, ("ERP", "ERP"))
        return ds.system, f"{cn if zh else en}{sep}{erp_report(report)}"
    if ds.system == "finance":
        en, cn = FINANCE_NAMES[answers.systems.finance]
        return ds.system, f"{cn if zh else en}{sep}{report}"
    return ds.system, report
