"""Name one source of truth per KPI from what the client's systems can feed (method step 4)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .. import catalog
from ..answers.models import Answers
from ..library.models import DataSource, Kpi
from ..vocabulary import ERP_BRANDS


def erp_name(erp: str, lang: str) -> str:
    """A report's system as the documents name it: LingXing ERP, not `lingxing`."""
    brand = ERP_BRANDS.get(erp)
    if brand is None:
        # an ERP the list does not name: "the client's own", never "other ERP" as a name
        return catalog.text(lang, "systems.own_erp") if erp == "other" else "ERP"
    return catalog.text(lang, "systems.erp", brand=brand.zh if lang == "zh" else brand.en)


def finance_name(finance: str, lang: str) -> str:
    return catalog.text(lang, f"systems.finance.{finance}")


def available_systems(answers: Answers) -> set[str]:
    """The kinds of system the client's answers say it can feed. A helpdesk or CRM (`crm`) is
    never among them: the answers' `systems` name an ERP, an ads set-up, a finance tool and a
    BI tool, no helpdesk, so a helpdesk report would send the team to a tool it may not have;
    the platform's own report (else a manual log) is the source instead."""
    systems = {"platform", "ads", "finance", "manual", "social"}
    if answers.systems.erp != "none":
        systems |= {"erp", "wms"}
    if any("overseas_warehouse" in p.fulfillment for p in answers.platforms):
        systems.add("wms")
    return systems


# "(e.g. LingXing profit report)" names one ERP as an example; once the client's own ERP is
# named in front, the example would only mislead, so it goes.
_EXAMPLE = re.compile(r"\s*[（(](?:e\.g\.|如|例如)(?:[^（）()]|[（(][^（）()]*[）)])*[）)]")
_ERP_WORD = re.compile(r"^ERP\s*")


def erp_report(report: str) -> str:
    """An ERP report's name once the client's ERP is named in front of it."""
    out = _ERP_WORD.sub("", _EXAMPLE.sub("", report)).strip()
    return out[:1].upper() + out[1:] if out else report


def without_examples(report: str) -> str:
    """A report without its "(e.g. eDesk, Zendesk)": the client named no such tool, and a
    brand it does not use would only send the team looking for it."""
    return _EXAMPLE.sub("", report).strip() or report


def report_text(ds: DataSource, answers: Answers, lang: str) -> str:
    """A source as the documents print it: an ERP report under the client's own ERP (no other
    ERP named as an example), a finance report under its finance system, a helpdesk report
    without tool names the client never gave."""
    report = ds.report.get(lang)
    sep = catalog.text(lang, "punct.colon")
    if ds.system == "erp":
        erp = answers.systems.erp
        if erp == "none":  # a report the client cannot feed yet: name no ERP brand
            return without_examples(report)
        return f"{erp_name(erp, lang)}{sep}{erp_report(report)}"
    if ds.system == "finance":
        return f"{finance_name(answers.systems.finance, lang)}{sep}{report}"
    if ds.system in ("crm", "wms"):
        return without_examples(report)
    return report


def data_source_for(kpi: Kpi, answers: Answers, lang: str,
                    platforms: Sequence[str] | None = None,
                    names: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(system, text): the first of the KPI's sources the client can feed, most authoritative
    first, skipping reports of platforms the role (else the company) does not sell on. When
    that is a platform's own report and the role covers several platforms, each platform
    names its own (its report, else the generic one under the platform's name from `names`),
    so a Lazada shop is never sent to Shopee's console."""
    have = available_systems(answers)
    order = list(platforms if platforms is not None else answers.platform_ids())
    ful = {p.id: set(p.fulfillment) for p in answers.platforms}

    def fits(d: DataSource) -> bool:
        """A report of a fulfilment model the client uses on one of the platforms in `order`."""
        return d.fulfillment is None or any(
            not ful.get(p) or ful[p] & set(d.fulfillment)
            for p in (d.platforms or order) if p in order)

    usable = [d for d in kpi.data_sources if fits(d)
              and d.system in have and (d.platforms is None or set(d.platforms) & set(order))]
    # nothing the client can feed: still never name another platform's report, and a system
    # the client named no tool for (a helpdesk) only when the KPI has no other source
    mine = [d for d in kpi.data_sources if d.platforms is None or set(d.platforms) & set(order)]
    fallback = next((d for d in mine if d.system != "crm"),
                    mine[0] if mine else kpi.data_sources[0])
    ds = usable[0] if usable else fallback
    # a platform's report on a role of several platforms: each names its own (the generic
    # "platform's chat ratings" too, under each platform's name), never one for all
    if (ds.platforms is not None or ds.system == "platform") and len(order) > 1:
        parts: list[str] = []
        for p in order:
            own = next((d for d in usable if d.platforms is not None and p in d.platforms), None)
            if own is not None:
                text = report_text(own, answers, lang)
            else:
                # the generic report of the same kind, else the next source the client can feed
                # there (a creator tracker for Lazada beside Shopee's AMS report): every
                # platform the role holds the KPI on names where its number comes from
                generic = next((d for d in usable if d.platforms is None
                                and d.system == ds.system), None) \
                    or next((d for d in usable if d.platforms is None), None)
                if generic is None:
                    continue
                name = (names or {}).get(p, p)
                text = f"{name}{catalog.text(lang, 'punct.colon')}{report_text(generic, answers, lang)}"
            if text not in parts:
                parts.append(text)
        if len(parts) > 1:
            return ds.system, catalog.text(lang, "punct.semicolon").join(parts)
    return ds.system, report_text(ds, answers, lang)


def sources_by_platform(kpi: Kpi, answers: Answers, lang: str, platforms: Sequence[str]
                        ) -> dict[str, str]:
    """Each platform's own source of the KPI (a scorecard row per platform cites its own)."""
    return {p: data_source_for(kpi, answers, lang, [p])[1] for p in platforms}
