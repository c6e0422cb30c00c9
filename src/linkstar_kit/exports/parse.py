"""Numbers and dates as the platforms' exports write them.

Money comes with a currency sign or code and thousands separators (`$1,234.56`, `¥1,200`,
`£856.78`, `1.234,56 €`, `RM 1,020.00`), percentages with a sign (`12.5%`), dates in the
console's own way (`9/1/2026`, `2026-09-01`, `Sep 01, 2026`, `2026/09/01`, `01.09.2026`,
`2026\u5e749\u67081\u65e5`, with or without a time).

Two readings that could both be right are never guessed between silently. Whether `1,234` is a
thousand or one point two is decided for a whole column from the values that show it
(`1,234.50`, `12,5`); whether `03/04/2026` is March or April from the column's values that
cannot be either (`13/04/2026`) or from the mapping's `date_order`. A column that stays
ambiguous, or shows both, is refused with the values that make it so.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from ..digits import ascii_hint
from ..units import MAX_ABS_VALUE

EMPTY = frozenset({"", "-", "--", "—", "n/a", "na", "null", "none", "nan"})

# Currency signs and codes an export writes beside an amount (ISO codes of the platforms'
# sites, and the local signs their consoles print).
_SIGNS = "$¥￥£€₱₹₫฿₩₺₽"
_CODES = ("USD", "CAD", "MXN", "BRL", "GBP", "EUR", "SEK", "PLN", "TRY", "AED", "SAR", "INR",
          "JPY", "CNY", "RMB", "AUD", "SGD", "MYR", "RM", "THB", "PHP", "IDR", "RP", "VND",
          "TWD", "NT", "HKD", "KRW", "CHF", "NZD", "EGP", "ZAR", "US", "CA", "AU", "S", "R")
_AFFIX = re.compile(r"^(?:[" + re.escape(_SIGNS) + r"]|(?:" + "|".join(_CODES) + r")\$?)$",
                    re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_NUMBER = re.compile(r"^(?P<pre>[^\d.,\-+(]*?)\s*(?P<sign>[-+(]?)\s*(?P<pre2>[^\d.,\-+(]*?)\s*"
                     r"(?P<num>[\d][\d.,\s\u00a0\u202f\u2009']*|[.,]\d+)\s*(?P<close>\)?)\s*"
                     r"(?P<post>[^\d]*?)\s*(?P<trail>-?)$")


class ParseError(ValueError):
    """A cell that is not what its column declares; the message says what was expected."""


def is_empty(text: str) -> bool:
    return text.strip().lower() in EMPTY


def split_number(text: str) -> tuple[float, str, bool] | None:
    """(sign, digits with their separators, percent?) of a number cell; None if the text is not
    a number in any of the exports' ways."""
    t = text.strip()
    m = _NUMBER.match(t)
    if not m:
        return None
    pct = False
    for affix in (m["pre"], m["pre2"], m["post"]):
        a = affix.strip()
        if not a:
            continue
        if a == "%":
            pct = True
        elif not _AFFIX.match(a):
            return None
    negative = m["sign"] == "-" or bool(m["trail"]) or (m["sign"] == "(" and m["close"] == ")")
    if (m["sign"] == "(") != (m["close"] == ")"):
        return None
    body = _SPACES.sub("", m["num"])
    if not re.fullmatch(r"[\d.,]+", body) or not re.search(r"\d", body):
        return None
    return (-1.0 if negative else 1.0), body, pct


def money_affix(text: str) -> str:
    """The currency sign or code written beside an amount (`$`, `RM`, `€`), or ""."""
    m = _NUMBER.match(text.strip())
    if not m:
        return ""
    for affix in (m["pre"], m["pre2"], m["post"]):
        a = affix.strip()
        if a and a != "%":
            return a
    return ""


def decimal_evidence(body: str) -> str | None:
    """Which mark is the decimal one, if this value alone shows it: `.`, `,` or None."""
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        return "." if body.rfind(".") > body.rfind(",") else ","
    for mark, n in ((".", dots), (",", commas)):
        if n > 1:  # 1,234,567: grouping, so the other mark is the decimal one
            return "," if mark == "." else "."
        if n == 1:
            tail = body.rsplit(mark, 1)[1]
            head = body.split(mark, 1)[0]
            if len(tail) != 3 or head in ("", "0") or len(head) > 3:
                return mark  # 12,5 / 0.125 / 1234.567: not a thousands group
    return None


def column_decimal(values: Iterable[str], declared: str | None) -> str:
    """The decimal mark of a column: the mapping's, else the one its values show; `.` when
    none shows either (every value is like `1,234` or `12`).

    ParseError when the values show both, or contradict the declared mark."""
    seen: dict[str, str] = {}
    for v in values:
        if "," not in v and "." not in v:
            continue  # no mark, no evidence
        parts = split_number(v)
        if parts is None:
            continue
        ev = decimal_evidence(parts[1])
        if ev and ev not in seen:
            seen[ev] = v.strip()
    if declared:
        other = "," if declared == "." else "."
        if other in seen:
            raise ParseError(f"`{seen[other]}` has `{other}` as its decimal mark, but the "
                             f"format says `{declared}`")
        return declared
    if len(seen) > 1:
        raise ParseError(f"the column mixes decimal marks (`{seen['.']}` and `{seen[',']}`)")
    return next(iter(seen), ".")


_PLAIN = re.compile(r"-?\d{1,15}(?:\.\d{1,15})?", re.ASCII)


def _foreign_digits(text: str, what: str) -> None:
    """ParseError for a cell typed with full-width or other non-ASCII digits: Python's float()
    and a pattern's digit class would read `９９` as 99 silently (digits.py)."""
    hint = ascii_hint(text)
    if hint is not None:
        raise ParseError(f"`{text.strip()[:40]}` is not {what} ({hint})")


def number(text: str, decimal: str = ".", *, percent: bool = False) -> float | None:
    """The value of a number cell (None when empty); a percent column gives a fraction
    (`12.5%` -> 0.125, and `12.5` in a percent column too)."""
    if decimal == "." and _PLAIN.fullmatch(text):  # most cells: no sign, group or currency
        return float(text) / 100 if percent else float(text)
    if is_empty(text):
        return None
    _foreign_digits(text, "a number")
    parts = split_number(text)
    if parts is None:
        raise ParseError(f"`{text.strip()[:40]}` is not a number")
    sign, body, pct = parts
    group = "," if decimal == "." else "."
    if body.count(decimal) > 1:
        raise ParseError(f"`{text.strip()[:40]}` has more than one decimal mark `{decimal}`")
    if group in body:
        head = body.split(decimal)[0]
        groups = head.split(group)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise ParseError(f"`{text.strip()[:40]}`: `{group}` does not group thousands here")
        body = body.replace(group, "")
    value = bounded(sign * float(body.replace(decimal, ".")), text)
    if pct and not percent:
        raise ParseError(f"`{text.strip()[:40]}` is a percentage where an amount was expected")
    return value / 100 if percent else value


def bounded(value: float, text: object) -> float:
    """`value`, or ParseError when it is not finite or past ±10^15 (units.MAX_ABS_VALUE): a
    typed cell of 1e308 units would otherwise be summed into every week it falls in."""
    if -MAX_ABS_VALUE <= value <= MAX_ABS_VALUE:  # every real cell (NaN fails both)
        return value
    if not math.isfinite(value):
        raise ParseError(f"`{str(text).strip()[:40]}` is not a finite number")
    if abs(value) > MAX_ABS_VALUE:
        raise ParseError(f"`{str(text).strip()[:40]}` is too large (a value lies within "
                         f"±{MAX_ABS_VALUE:,.0f})")
    return value


# --- dates --------------------------------------------------------------------------------------

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january", "januar", "jän", "jänner"), ("feb", "february", "februar"),
    ("mar", "march", "mär", "märz", "maerz"), ("apr", "april"), ("may", "mai"),
    ("jun", "june", "juni"), ("jul", "july", "juli"), ("aug", "august"),
    ("sep", "sept", "september"), ("oct", "october", "okt", "oktober"),
    ("nov", "november"), ("dec", "december", "dez", "dezember")), start=1) for m in names}
_TIME = (r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:AM|PM|am|pm))?"
         r"(?:Z|[+-]\d{2}:?\d{2}|\s*[A-Z]{2,5})?)?")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME + "$")
# year, month and day marks of a Chinese console's dates (2026 nian 9 yue 1 ri)
_CJK = re.compile("^(\\d{4})\u5e74(\\d{1,2})\u6708(\\d{1,2})\u65e5" + _TIME + "$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})" + _TIME + "$")
_NAMED = re.compile(r"^(?:[A-Za-z]{2,9},?\s+)?([A-Za-zäÄ]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})" + _TIME + "$")
_NAMED_DMY = re.compile(r"^(\d{1,2})\.?\s+([A-Za-zäÄ]{3,9})\.?,?\s+(\d{4})" + _TIME + "$")
_RANGE = re.compile(r"^(.+?)\s+(?:-|–|to|bis|\u81f3|~)\s+(.+)$")


def _mk(y: int, m: int, d: int, text: str) -> dt.date:
    try:
        day = dt.date(y, m, d)
    except ValueError:
        raise ParseError(f"`{text[:40]}` is not a date of the calendar") from None
    return _in_range(day)


def _in_range(d: dt.date) -> dt.date:
    """`d`, or ParseError past the dates a kit plans for (a `9999` typed for `2026` would
    otherwise make weeks and months past what a date holds)."""
    from ..periods import date_problem

    problem = date_problem(d)
    if problem is not None:
        raise ParseError(problem)
    return d


def numeric_order(values: Iterable[str], declared: str | None) -> str:
    """`mdy` or `dmy` for a column of `03/04/2026`-style dates: the mapping's, checked against
    the values, else what the values show. ParseError when they show both, or nothing and the
    mapping says nothing (`03/04/2026` alone could be March or April)."""
    first = second = None
    for v in values:
        m = _NUMERIC.match(v.strip())
        if not m or m[2] == ".":  # 01.09.2026 is always day first
            continue
        a, b = int(m[1]), int(m[3])
        if a > 12 and first is None:
            first = v.strip()
        if b > 12 and second is None:
            second = v.strip()
    if first and second:
        raise ParseError(f"the column mixes day-first `{first}` and month-first `{second}` dates")
    shown = "dmy" if first else "mdy" if second else None
    if declared in ("mdy", "dmy"):
        if shown and shown != declared:
            raise ParseError(f"`{first or second}` is "
                             f"{'day' if shown == 'dmy' else 'month'}-first, but the format "
                             f"says {'month' if declared == 'mdy' else 'day'}-first")
        return declared
    if shown is None:
        return ""  # undecided: only an error if such a date actually occurs
    return shown


def date(value: object, order: str = "") -> dt.date:
    """A date cell (a string, or a date / datetime a spreadsheet reader gave)."""
    if isinstance(value, dt.datetime):
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(value)
    text = str(value).strip()
    _foreign_digits(text, "a date")
    if m := _YMD.match(text) or _CJK.match(text):
        return _mk(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _NUMERIC.match(text):
        # `9/1/26` is 2026; a year written with four digits is that year (`0001` stays 1)
        a, b, y = int(m[1]), int(m[3]), int(m[4]) + (2000 if len(m[4]) == 2 else 0)
        if m[2] == "." or order == "dmy":
            return _mk(y, b, a, text)
        if order == "mdy":
            return _mk(y, a, b, text)
        raise ParseError(f"`{text[:40]}` could be day-first or month-first (set the field's "
                         "date_order: mdy or dmy)")
    if m := _NAMED.match(text):
        mon = _MONTHS.get(m[1].lower())
        if mon:
            return _mk(int(m[3]), mon, int(m[2]), text)
    if m := _NAMED_DMY.match(text):
        mon = _MONTHS.get(m[2].lower())
        if mon:
            return _mk(int(m[3]), mon, int(m[1]), text)
    raise ParseError(f"`{text[:40]}` is not a date (expected e.g. 2026-09-01, 9/1/2026, "
                     "Sep 01, 2026 or 2026/09/01)")


def date_range(value: object, order: str = "") -> tuple[dt.date, dt.date]:
    """A date, or a range `2026-09-01 - 2026-09-07` (a report's one-line period), as a span."""
    text = str(value).strip() if not isinstance(value, dt.date) else ""
    if text and (m := _RANGE.match(text)):
        try:
            a, b = date(m[1], order), date(m[2], order)
        except ParseError:
            pass
        else:
            if b < a:
                raise ParseError(f"`{text[:60]}` ends before it starts")
            return a, b
    d = date(value, order)
    return d, d
