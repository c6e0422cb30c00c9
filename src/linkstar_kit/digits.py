"""ASCII digits only, in every number, date and period a person types.

Python reads any Unicode decimal digit as a digit: `int("２０２６")` is 2026, `float("１２３")`
is 123.0, and a regular expression's `\\d` matches `٣`. A value typed with an input method's
full-width digits would then be read silently, or refused by one reader and accepted by
another. The kit reads ASCII only, and where a value is ASCII but for its digits (and the
full-width forms of `- . : % /` that come with them) it says so with the ASCII spelling as a
did-you-mean.
"""

from __future__ import annotations

import unicodedata


def has_foreign_digits(text: str) -> bool:
    """Whether `text` holds a digit or a full-width form that is not ASCII."""
    if text.isascii():  # nearly every cell of an export: decided in C, no loop
        return False
    return any(not c.isascii() and (c.isdigit() or "\uff01" <= c <= "\uff5e") for c in text)


def ascii_spelling(text: str) -> str:
    """`text` with full-width forms (NFKC) and every other decimal digit in ASCII."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(c)) if not c.isascii() and c.isdecimal() else c
                   for c in folded)


def ascii_hint(text: str) -> str | None:
    """"did you mean `2026-09`? ..." for a value typed with non-ASCII digits, else None."""
    if not has_foreign_digits(text):
        return None
    return f"did you mean `{ascii_spelling(text.strip())}`? Type digits as ASCII (half-width)"
