"""ISO 4217 currency codes a business is paid in: the active codes of the standard's list
(ISO 4217 amendment 179, 2025), without fund codes, precious metals, testing and "no
currency" codes (BOV CHE CHW CLF COU MXV USN UYI UYW, XAG XAU XBA-XBD XDR XPD XPT XSU XTS XUA
XXX), which no KPI target is kept in. A code withdrawn from the list (HRK, ZWL, SLL, ANG,
CUC) is refused like any other unknown code.
"""

from __future__ import annotations

import difflib

CODES = frozenset((
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP",
    "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
    "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
    "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
    "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
    "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
    "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
    "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
))

# What people write for a currency that is not its code: the renminbi's everyday names, the
# offshore yuan's market code, and a few others sellers use.
ALIASES = {"RMB": "CNY", "CNH": "CNY", "YUAN": "CNY", "NTD": "TWD", "NT": "TWD",
           "UKP": "GBP", "STG": "GBP", "EURO": "EUR", "EUROS": "EUR", "US": "USD",
           "USDOLLAR": "USD", "YEN": "JPY", "RUR": "RUB", "HRK": "EUR", "ANG": "XCG",
           "ZWL": "ZWG", "SLL": "SLE"}
# The currencies of the platforms' marketplaces, tried first when a typo is close to several.
COMMON = ("USD", "EUR", "CNY", "GBP", "JPY", "HKD", "SGD", "AUD", "CAD", "MYR", "THB", "VND",
          "PHP", "IDR", "MXN", "BRL", "KRW", "TWD", "AED", "SAR", "PLN", "TRY", "CHF", "SEK")


def suggest(code: str) -> list[str]:
    """The codes a mistyped `code` most likely meant (at most two), best first."""
    key = code.strip().upper().replace(" ", "").replace("$", "")
    if key in ALIASES:
        return [ALIASES[key]]
    if len(key) > 8:
        return []
    close = difflib.get_close_matches(key, sorted(CODES), n=4, cutoff=0.6)
    return sorted(close, key=lambda c: c not in COMMON)[:2]
