"""The currency a site's exports count in, and the rates a consultant books with.

A kit counts money in one currency (`client.currency`). An export of a site that sells in
another (Amazon UK in GBP beside a USD kit, Shopee Malaysia in MYR) is converted with the rate
given as `--fx GBP=1.27` (one GBP in the kit's currency, the rate the client books with); without
one it is refused, never summed with dollars as if it were dollars.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import UsageError

# ISO 3166 site code -> ISO 4217 currency of the platforms' consoles there.
SITE_CURRENCY = {
    "US": "USD", "CA": "CAD", "MX": "MXN", "BR": "BRL", "UK": "GBP", "GB": "GBP", "IE": "EUR",
    "DE": "EUR", "FR": "EUR", "IT": "EUR", "ES": "EUR", "NL": "EUR", "BE": "EUR", "AT": "EUR",
    "PL": "PLN", "SE": "SEK", "TR": "TRY", "AE": "AED", "SA": "SAR", "EG": "EGP", "IN": "INR",
    "JP": "JPY", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "MY": "MYR", "TH": "THB", "PH": "PHP",
    "VN": "VND", "ID": "IDR", "TW": "TWD", "KR": "KRW", "CN": "CNY", "HK": "HKD", "ZA": "ZAR",
    "CL": "CLP", "CO": "COP", "PE": "PEN", "AR": "ARS", "CZ": "CZK", "HU": "HUF", "RO": "RON",
}


def fx_option(values: Sequence[str] | None) -> dict[str, float]:
    """`--fx GBP=1.27` (repeatable) as {currency: rate}."""
    from ..digits import ascii_hint
    from ..errors import excerpt

    rates: dict[str, float] = {}
    for v in values or []:
        if (hint := ascii_hint(v)) is not None:  # float() reads `１.２７` as 1.27
            raise UsageError(f"--fx {excerpt(v)}: {hint}")
        code, sep, rate = v.partition("=")
        code = code.strip().upper()
        try:
            value = float(rate)
        except ValueError:
            value = -1.0
        # A rate under 10^-9 (`1e-320`) would turn every amount into nothing; no currency
        # pair of the platforms' sites is that far apart (VND or IDR to USD is about 10^-4).
        if not sep or len(code) != 3 or not (code.isascii() and code.isalpha()) \
                or not 1e-9 <= value <= 1e9:
            raise UsageError(f"--fx {excerpt(v)}: expected CURRENCY=RATE, one unit of the "
                             "currency in the kit's currency (e.g. --fx GBP=1.27)")
        rates[code] = value
    return rates


def rate_for(site: str, kit_currency: str, rates: dict[str, float], file: str) -> float:
    """The factor that turns the site's money into the kit's currency."""
    cur = SITE_CURRENCY.get(site.upper()) if site else None
    if cur is None or cur == kit_currency:
        return 1.0
    if cur in rates:
        return rates[cur]
    raise UsageError(f"{file}: amounts on {site} are in {cur} and the kit counts in "
                     f"{kit_currency}: give the rate you book with, --fx {cur}=RATE (one {cur} in "
                     f"{kit_currency})")


# What a sign or code written beside an amount can mean. `$` alone is any dollar (and the
# peso signs of Mexico and the Philippines' consoles write it too), `¥` the yen or the yuan:
# such a sign rules out only the currencies it cannot be.
_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "CLP", "COP",
                      "ARS", "BRL"})
AFFIX_CURRENCIES: dict[str, frozenset[str]] = {
    "$": _DOLLARS, "US$": frozenset({"USD"}), "US": frozenset({"USD"}),
    "CA$": frozenset({"CAD"}), "CA": frozenset({"CAD"}), "AU$": frozenset({"AUD"}),
    "AU": frozenset({"AUD"}), "S$": frozenset({"SGD"}), "S": frozenset({"SGD"}),
    "R$": frozenset({"BRL"}), "NT$": frozenset({"TWD"}), "NT": frozenset({"TWD"}),
    "R": frozenset({"ZAR"}), "RM": frozenset({"MYR"}), "RP": frozenset({"IDR"}),
    "RMB": frozenset({"CNY"}), "¥": frozenset({"JPY", "CNY"}), "￥": frozenset({"JPY", "CNY"}),
    "£": frozenset({"GBP"}), "€": frozenset({"EUR"}), "₱": frozenset({"PHP"}),
    "₹": frozenset({"INR"}), "₫": frozenset({"VND"}), "฿": frozenset({"THB"}),
    "₩": frozenset({"KRW"}), "₺": frozenset({"TRY"}), "₽": frozenset({"RUB"}),
}


def currencies_of(affix: str) -> frozenset[str] | None:
    """The currencies a sign or code beside an amount (or a currency column's value) can be;
    None when it names none this table knows (nothing is then ruled out)."""
    a = affix.strip().upper()
    if a in AFFIX_CURRENCIES:
        return AFFIX_CURRENCIES[a]
    if len(a) == 3 and a.isalpha() and (a in SITE_CURRENCY.values() or a in {"CHF", "RUB"}):
        return frozenset({a})
    if a.endswith("$") and a[:-1] in AFFIX_CURRENCIES:
        return AFFIX_CURRENCIES[a[:-1]]
    return None


def site_currency(site: str) -> str | None:
    return SITE_CURRENCY.get(site.upper()) if site else None
