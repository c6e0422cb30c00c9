"""The questionnaire's wording: the `questionnaire` and `web` sections of the text catalog
(catalog/<lang>.yaml), read by the terminal questionnaire, the web pages and the answers file's
comments alike. KPI, role and platform names come from the library; ERP brands from
`vocabulary.py`; stage, scope and weekday names from the documents' labels (`labels.*`)."""

from __future__ import annotations

import functools
from typing import Any

from .. import catalog as text_catalog
from ..vocabulary import ERP_BRANDS

LANGUAGES = text_catalog.LANGS


@functools.cache
def catalog(lang: str) -> dict[str, Any]:
    """The questionnaire's part of the catalog in `lang` (questions, values, comments, units,
    prompts) and the web pages' (web)."""
    data = text_catalog.section(lang, "questionnaire")
    data["web"] = text_catalog.section(lang, "web")
    i = LANGUAGES.index(lang)
    # ERP brands are named once, in vocabulary.py; "none" and "other" are the catalog's.
    erp = data["values"]["erp"]
    data["values"]["erp"] = {"none": erp["none"],
                             **{k: (b.en, b.zh)[i] for k, b in ERP_BRANDS.items()},
                             "other": erp["other"]}
    return dict(data)


class Texts:
    """The questionnaire's words in one language."""

    def __init__(self, lang: str) -> None:
        from ..kit.labels import labels

        self.lang = lang
        self._data = catalog(lang)
        self._labels = labels(lang)

    def __call__(self, key: str, **fmt: Any) -> str:
        text = str(self._data["questions"][key])
        return text.format(**fmt) if fmt else text

    def part(self, section: str, key: str, **fmt: Any) -> str:
        """A text of another part (comments, units, prompts, web)."""
        text = str(self._data[section][key])
        return text.format(**fmt) if fmt else text

    def has(self, section: str, key: str) -> bool:
        return key in self._data.get(section, {})

    def value(self, kind: str, value: str, **fmt: Any) -> str:
        """A closed-vocabulary value as a person reads it (stage, weekday, ERP ...)."""
        text = self._data["values"].get(kind, {}).get(value)
        if text is not None:
            return str(text).format(**fmt) if fmt else str(text)
        if kind == "weekday":
            return str(self._labels["weekdays"].get(value, value))
        return str(self._labels.get(value, value))
