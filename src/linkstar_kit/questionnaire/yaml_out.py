"""The answers file the questionnaire writes: `dump_answers`' YAML with a comment on each field.

The values and their layout come from `answers.dump.dump_answers` (the same normalised form a
kit's answers.yaml has), so what `init` writes loads back unchanged; this module only adds the
comments, in the questionnaire's language (texts/<lang>.yaml). Closed vocabularies in the
comments are read from the answers models, never listed twice.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ..answers.dump import dump_answers, yaml_text
from ..answers.models import Answers, Client, PlatformEntry, Scope, Systems
from ..library.loader import Library
from .spec import choices_of
from .texts import Texts, catalog

COLUMN = 44

def _bar(values: list[Any]) -> str:
    return " | ".join(str(v) for v in values)


def commented_yaml(answers: Answers, library: Library, lang: str, file: str) -> str:
    """The answers as YAML with a comment on each field, in `lang`."""
    from ruamel.yaml import YAML

    t = Texts(lang)
    comments = catalog(lang)["comments"]

    def c(key: str, **fmt: Any) -> str:
        return t.part("comments", key, **fmt)

    vocab = {
        "client.language": _bar(choices_of(Client, "language")),
        "scope.level": _bar(choices_of(Scope, "level")),
        "scope.horizon": _bar(choices_of(Scope, "horizon")),
        "stage": _bar(choices_of(Answers, "stage")),
        "platforms.fulfillment": ", ".join(choices_of(PlatformEntry, "fulfillment")),
        **{f"systems.{n}": _bar(choices_of(Systems, n)) for n in ("erp", "ads", "finance", "bi")},
    }

    y = YAML(typ="rt")
    y.preserve_quotes = True
    doc = y.load(dump_answers(answers))
    doc.ca.comment = None
    doc.yaml_set_start_comment(c("header", file=file))

    def eol(mapping: Any, key: str, text: str) -> None:
        if key in mapping and text:
            # ruamel counts characters; a CJK character takes two columns on screen.
            value = mapping[key]
            wide = sum(1 for ch in value if unicodedata.east_asian_width(ch) in "WF") \
                if isinstance(value, str) else 0
            mapping.yaml_add_eol_comment(text, key, column=COLUMN - wide)

    def fields(mapping: Any, prefix: str) -> None:
        for key in list(mapping):
            name = f"{prefix}.{key}" if prefix else str(key)
            if name in comments and name not in ("client", "scope", "platforms", "goals", "roles",
                                           "systems", "review", "incentives"):
                eol(mapping, key, c(name, v=vocab.get(name, "")))

    for key in ("client", "scope", "platforms", "goals", "roles", "systems", "review",
                "incentives"):
        if key in doc:
            doc.yaml_set_comment_before_after_key(key, before=c(key), indent=0)
    fields(doc, "")
    for key in ("client", "scope", "systems", "review", "incentives"):
        if key in doc and hasattr(doc[key], "items"):
            fields(doc[key], key)

    def name_of(table: dict[str, Any], ident: str) -> str:
        rec = table.get(ident)
        return rec.name.get(lang) if rec is not None else ""

    for n, p in enumerate(doc.get("platforms") or []):
        eol(p, "id", name_of(library.platforms, p["id"]))
        if n == 0:
            for key in ("sites", "fulfillment"):
                eol(p, key, c(f"platforms.{key}", v=vocab.get(f"platforms.{key}", "")))
    currency = answers.client.currency
    for n, g in enumerate(doc.get("goals") or []):
        kpi = library.kpis.get(g["kpi"])
        name = kpi.name.get(lang) if kpi is not None else ""
        eol(g, "kpi", name)
        if kpi is not None and t.has("units", kpi.unit):
            eol(g, "target", t.part("units", kpi.unit, name=name, currency=currency))
        if n == 0:
            eol(g, "by", c("goals.by"))
            eol(g, "baseline", c("goals.baseline"))
    for n, r in enumerate(doc.get("roles") or []):
        eol(r, "role", name_of(library.roles, r["role"]))
        if n == 0:
            for key in ("key", "title", "headcount", "platforms", "kpi_count", "pin", "exclude"):
                eol(r, key, c(f"roles.{key}"))
    return yaml_text(doc)
