"""The closed vocabularies: every id list the answers file, the library and the rules share.

The answers models (answers/models.py), the library's records (library/models.py), the rule
conditions (library/loader.py), the questionnaire's choices (read off the answers models), the
check (doctor/) and the engine take their ids and limits from here. Adding an ERP, a BI tool or
a fulfilment model is one line in this file (plus its label in the texts a reader sees).

The Literal types stay spelled out (a type checker needs them static); the tuples beside them
are read off the Literals, so the two cannot drift.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

# --- the KPI count of a role (method step 3: 3-5 KPIs a role, no more) ---------------------------

MIN_KPIS = 3
MAX_KPIS = 5
# A role can pin at most as many KPIs as it may hold.
MAX_PINS = MAX_KPIS
KPI_COUNT_RANGE = f"{MIN_KPIS}-{MAX_KPIS}"

# --- fulfilment ---------------------------------------------------------------------------------

Fulfillment = Literal["fba", "fbm", "platform_fulfillment", "overseas_warehouse", "self_ship",
                      "dropship"]
FULFILLMENTS: tuple[str, ...] = get_args(Fulfillment)
# The models a platform runs itself, so a platform may not offer them; shipping yourself, an
# overseas warehouse or dropshipping work on any platform.
PLATFORM_RUN_FULFILLMENTS: tuple[str, ...] = ("fba", "fbm", "platform_fulfillment")

# --- the client's business ------------------------------------------------------------------------

Language = Literal["zh", "en"]
LANGUAGES: tuple[str, ...] = get_args(Language)
Stage = Literal["launch", "growth", "mature", "turnaround"]
STAGES: tuple[str, ...] = get_args(Stage)
ScopeLevel = Literal["company", "business_unit", "project"]
SCOPE_LEVELS: tuple[str, ...] = get_args(ScopeLevel)
# Goal periods; their length in months is periods.HORIZON_MONTHS.
Horizon = Literal["month", "quarter", "half_year", "year"]
HORIZONS: tuple[str, ...] = get_args(Horizon)
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)

# --- the client's systems -------------------------------------------------------------------------


class Brand(NamedTuple):
    """A product's name as sellers write it, in English and in Chinese."""

    en: str
    zh: str


Erp = Literal["none", "dianxiaomi", "mabang", "lingxing", "gerpgo", "eccang", "tongtool", "other"]
ERPS: tuple[str, ...] = get_args(Erp)
# Every ERP but `none` and `other`, by the name its users know it.
ERP_BRANDS: dict[str, Brand] = {
    "dianxiaomi": Brand("Dianxiaomi", "店小秘"),
    "mabang": Brand("Mabang", "马帮"),
    "lingxing": Brand("LingXing", "领星"),
    "gerpgo": Brand("Gerpgo", "积加"),
    "eccang": Brand("ECCANG", "易仓"),
    "tongtool": Brand("Tongtool", "通途"),
}
Ads = Literal["platform_console", "platform_api", "third_party_tool"]
ADS: tuple[str, ...] = get_args(Ads)
Finance = Literal["spreadsheet", "erp", "accounting_software"]
FINANCE: tuple[str, ...] = get_args(Finance)
Bi = Literal["none", "spreadsheet", "metabase", "superset", "grafana", "powerbi", "looker_studio",
             "feishu"]
BI: tuple[str, ...] = get_args(Bi)

if set(ERP_BRANDS) != set(ERPS) - {"none", "other"}:  # pragma: no cover - a developer's slip
    raise AssertionError("vocabulary: ERP_BRANDS must name every ERP of `Erp` but none/other")

# --- what rule conditions may compare against ------------------------------------------------------

# Vocabulary name (library/conditions.py FACTS) -> its ids.
RULE_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "fulfillment": FULFILLMENTS,
    "stage": STAGES,
    "scope": SCOPE_LEVELS,
    "horizon": HORIZONS,
    "erp": ERPS,
    "ads": ADS,
    "finance": FINANCE,
    "bi": BI,
    "language": LANGUAGES,
}


def one_of(ids: tuple[str, ...]) -> str:
    """`a | b | c`, the way the library's reference lists a vocabulary."""
    return " | ".join(ids)
