"""A validation problem as the web form says it: in the client's language, plain (no key
paths, no backticks, no "input should be ..."), beside the field it concerns.

The answers file's validation (`answers.loader`, `answers/checks.py`) words its problems for a
person editing a file: `linkstar validate` prints them with the key path. The form says the
same thing in the form's words: each problem is read back into a kind (required, a whole
number, at least N, a date, a currency code ...) and its numbers and suggestions, and the
kind's sentence comes from the catalog (`web.err.*`). A problem no kind matches keeps its
meaning: the English text without its code marks, or a plain "check this answer" in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import catalog
from ..errors import Issue

# (pattern on the English message, catalog key, the match's groups the sentence uses)
Rule = tuple["re.Pattern[str]", str]
_RULES: list[Rule] = [(re.compile(p), k) for p, k in (
    (r"^missing required key|^must not be empty|^needs at least one entry|^a value is required",
     "required"),
    (r"^expected a whole number|^input should be a valid integer", "whole_number"),
    (r"^expected a number|^input should be a (valid )?(number|finite number)", "number"),
    (r"greater than or equal to (?P<n>-?[\d.]+)", "at_least"),
    (r"less than or equal to (?P<n>-?[\d.]+)", "at_most"),
    (r"greater than (?P<n>-?[\d.]+)", "more_than"),
    (r"less than (?P<n>-?[\d.]+)", "less_than"),
    (r"^goal date (?P<by>\S+) is before scope\.start (?P<start>\S+)", "before_start"),
    (r"^expected a date|^not a valid date|date", "date"),
    (r"ISO 4217 currency code in capitals", "currency_form"),
    (r"^unknown ISO 4217 currency code", "currency"),
    (r"ISO 3166-1 market code|unknown country|unknown site", "site"),
    (r"24-hour time as HH:MM", "time"),
    (r"a-z, 0-9 and", "slug"),
    (r"IANA time zone|is a region, not a time zone", "timezone"),
    (r"^at most (?P<n>\d+) characters", "too_long"),
    (r"^at most (?P<n>\d+) entries", "too_many"),
    (r"one line of text", "one_line"),
    (r"is listed twice", "twice"),
    (r"already has a goal", "goal_twice"),
    (r"is a signed rate", "signed_rate"),
    (r"is a rate: ", "rate"),
    (r"a role needs at least one platform", "role_platforms"),
    (r"pinned KPIs, at most (?P<n>\d+)", "too_many_pins"),
    (r"both pinned and excluded", "pin_and_exclude"),
    (r"cannot apply to this role", "not_applicable"),
    (r"^unknown ", "unknown"),
    (r"^expected one of", "choice"),
)]
_SUGGESTED = re.compile(r"[`'\"]([^`'\"]+)[`'\"]")


def kind_of(issue: Issue) -> tuple[str, dict[str, str]]:
    """The problem's kind (a `web.err` key) and the values its sentence names."""
    for pattern, key in _RULES:
        m = pattern.search(issue.message)
        if m:
            return key, {k: v for k, v in m.groupdict().items() if v is not None}
    return "other", {}


def suggestions(issue: Issue) -> list[str]:
    """What the problem's "did you mean ..." proposes, as plain values."""
    hint = issue.hint or ""
    if "did you mean" not in hint:
        return []
    return _SUGGESTED.findall(hint.split("did you mean", 1)[1]) or [
        v.strip(" ?") for v in hint.split("did you mean", 1)[1].split(" or ") if v.strip(" ?")]


def plain_english(text: str) -> str:
    """An English problem without code marks: `x` -> x, and its first letter in capitals."""
    text = text.replace("`", "")
    return text[:1].upper() + text[1:]


def message(issue: Issue, lang: str, field_kind: str | None = None) -> str:
    """The problem as one plain sentence in `lang`, with its suggestion."""
    t: Callable[..., str] = lambda key, **f: catalog.text(lang, f"web.err.{key}", **f)  # noqa: E731
    key, values = kind_of(issue)
    if key == "required":
        key = {"multi": "required_pick", "choice": "required_choice", "date": "date",
               "int": "whole_number", "float": "number"}.get(field_kind or "", "required")
    if key == "number" and field_kind == "int":
        key = "whole_number"
    if key == "other":
        text = plain_english(issue.message) if lang == "en" else t("other")
    else:
        text = t(key, **values)
    close = suggestions(issue)
    if close:
        text += t("did_you_mean", values=t("or").join(close))
    return text
