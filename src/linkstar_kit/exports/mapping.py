"""Mapping files: how one report export's columns feed the base measures.

One YAML file per format, in a vocabulary close to Frictionless Table Schema: `fields`, each
with a `name`, the header `titles` the consoles write (English and, where the console exports
them, Chinese or German), a `type` (date, number, integer, money, percent, string), the
`decimal_char` when the console fixes it, and the base `measure` it adds to. A format names the
platform it implies, the column holding the day (`date_field`) and, optionally, the site
(`site_field`), and cites the public page or sample its columns were taken from (`source`).

The shipped formats live in `exports/formats/`; a consultant's own (`--mapping FILE`) is
validated the same way, every problem reported with its file, line and column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from ..errors import InputError, Issue, LinkstarError
from ..library.compute import MEASURES
from ..library.models import Text

Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
FieldType = Literal["date", "number", "integer", "money", "percent", "string"]


def _check_measure(m: str | None) -> str | None:
    if m is not None and m not in MEASURES:
        from ..errors import did_you_mean

        hint = did_you_mean(m, MEASURES)
        raise ValueError(f"unknown base measure `{m}`" + (f" ({hint})" if hint else "")
                         + "; known: " + ", ".join(MEASURES))
    return m


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Model):
    """Rows a measure counts: those whose `field` is (`in`) or is not (`not_in`) one of
    `values` (compared without case and surrounding spaces)."""

    field: Name
    in_: list[str] = Field(default=[], alias="in")
    not_in: list[str] = []

    @model_validator(mode="after")
    def _one(self) -> Condition:
        if bool(self.in_) == bool(self.not_in):
            raise ValueError("give exactly one of `in` and `not_in`")
        return self

    def holds(self, value: str) -> bool:
        v = value.strip().casefold()
        if self.in_:
            return v in {x.strip().casefold() for x in self.in_}
        return v not in {x.strip().casefold() for x in self.not_in}


class FieldSpec(_Model):
    name: Name
    titles: Annotated[list[Annotated[str, Field(min_length=1, max_length=200)]],
                      Field(min_length=1)]
    type: FieldType = "string"
    required: bool = True
    measure: str | None = None
    # the row's value of this field is multiplied by another field's before it is summed
    # (a line's price × its quantity; a percentage × the page views it is a share of)
    multiply_by: Name | None = None
    # returns written as negative amounts count as positive refunds
    absolute: bool = False

    decimal_char: Literal[".", ","] | None = None
    date_order: Literal["mdy", "dmy"] | None = None
    # the order a console writes on a site, used only when the file's own dates do not show
    # it (a week of 06/07/2026 ... 12/07/2026): TikTok Shop writes day-first in Southeast Asia
    date_order_by_site: dict[Annotated[str, Field(pattern=r"^[A-Z]{2}$")],
                             Literal["mdy", "dmy"]] = {}
    when: Condition | None = None
    description: str | None = None

    @field_validator("measure")
    @classmethod
    def _known_measure(cls, m: str | None) -> str | None:
        return _check_measure(m)


class CountSpec(_Model):
    """A measure that counts the distinct values of a field (an order export's orders)."""

    measure: str
    distinct: Name
    when: Condition | None = None

    @field_validator("measure")
    @classmethod
    def _known_measure(cls, m: str) -> str:
        return _check_measure(m) or m


class Source(_Model):
    url: Annotated[str, Field(pattern=r"^https://")]
    seen: str  # where and how the columns were seen (a help page, a public sample's file)
    as_of: str | None = None


class Format(_Model):
    id: Name
    name: Text
    platform: Name | None = None
    source: Annotated[list[Source], Field(min_length=1)]
    date_field: Name | None = None
    site_field: Name | None = None
    fields: Annotated[list[FieldSpec], Field(min_length=1)]
    counts: list[CountSpec] = []
    note: str | None = None

    @model_validator(mode="after")
    def _references(self) -> Format:
        names = [f.name for f in self.fields]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ValueError(f"field `{sorted(dup)[0]}` is declared twice")
        # One column, one field: a title two fields list made both read the same column
        # (units read the sessions column, and the load said nothing)
        taken: dict[str, str] = {}
        for f in self.fields:
            for t in dict.fromkeys(norm(t) for t in f.titles):
                if t in taken:
                    raise ValueError(f"fields `{taken[t]}` and `{f.name}` both list the title "
                                     f"`{t}`: each column belongs to one field")
                taken[t] = f.name
        refs: list[tuple[str, str | None]] = [("date_field", self.date_field),
                                              ("site_field", self.site_field)]
        for f in self.fields:
            refs.append((f"{f.name}.multiply_by", f.multiply_by))
            refs.append((f"{f.name}.when", f.when.field if f.when else None))
        for c in self.counts:
            refs += [(f"counts {c.measure}", c.distinct),
                     (f"counts {c.measure}.when", c.when.field if c.when else None)]
        for where, ref in refs:
            if ref is not None and ref not in names:
                raise ValueError(f"{where} names `{ref}`, which is not a field; fields: "
                                 + ", ".join(names))
        if self.date_field and next(f for f in self.fields if f.name == self.date_field
                                    ).type != "date":
            raise ValueError(f"date_field `{self.date_field}` must have type `date`")
        if not any(f.measure for f in self.fields) and not self.counts:
            raise ValueError("no field feeds a measure: give at least one `measure`")
        return self

    @property
    def measures(self) -> list[str]:
        out = [f.measure for f in self.fields if f.measure] + [c.measure for c in self.counts]
        return list(dict.fromkeys(out))

    @property
    def required(self) -> list[FieldSpec]:
        return [f for f in self.fields if f.required]


def norm(title: str) -> str:
    """A header as compared: NFKC, stray spaces trimmed and collapsed, dashes unified, case
    folded (`Sessions – Total ` is `sessions - total`)."""
    t = unicodedata.normalize("NFKC", title).replace("\ufeff", "")
    t = re.sub(r"[\u2010-\u2015\u2212]", "-", t)
    t = re.sub(r"\s+", " ", t).strip()
    return t.casefold()


_ADAPTER: TypeAdapter[Format] | None = None


def _adapter() -> TypeAdapter[Format]:
    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(Format)
    return _ADAPTER


def load_format(path: Path | str) -> Format:
    """One mapping file, validated; InputError with file:line:column for each problem.

    Read with libyaml first (fast); read again with positions only to report a problem."""
    from pydantic import ValidationError

    from ..fastyaml import FastPathUnavailable, load_plain
    from ..positioned import load_document
    from ..validation import validate

    try:
        plain = load_plain(Path(path))
        if isinstance(plain, dict):
            return _adapter().validate_python(plain)
    except (FastPathUnavailable, ValidationError, LinkstarError, OSError):
        pass  # the positioned reader says what is wrong, where
    doc = load_document(path)
    if not isinstance(doc.data, dict):
        raise InputError([doc.issue((), "expected a mapping file: id, name, platform, source, "
                                    "date_field, fields")], title=f"{doc.file} is not a format")
    fmt, issues = validate(doc, doc.data, _adapter(), (), Format)  # type: ignore[arg-type]
    if issues or fmt is None:
        raise InputError(issues, title=f"{doc.file} is not a valid export mapping")
    return fmt


def shipped_dir() -> Path:
    return Path(__file__).parent / "formats"


_SHIPPED: list[Format] | None = None


def shipped_formats() -> list[Format]:
    """The shipped formats, in file-name order (read once)."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = [load_format(p) for p in sorted(shipped_dir().glob("*.yaml"))]
    return list(_SHIPPED)


def all_formats(extra: Sequence[Path | str] = ()) -> list[Format]:
    """A consultant's mappings first (they win a tie), then the shipped ones."""
    mine = [load_format(p) for p in extra]
    ids = {f.id for f in mine}
    issues = [Issue(str(p), None, None, ("id",), f"format id `{f.id}` is given twice")
              for p, f in zip(extra, mine, strict=True) if [g.id for g in mine].count(f.id) > 1]
    if issues:
        raise InputError(issues[:1], title="two mappings share an id")
    return mine + [f for f in shipped_formats() if f.id not in ids]
