"""The questionnaire's wording, read from one data file per language (texts/en.yaml, zh.yaml):
the terminal questionnaire, the web pages and the answers file's comments all read it. KPI,
role and platform names come from the library; ERP brands from `vocabulary.py`; stage, scope
and weekday names from the documents' labels in `kit/labels.py`."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ..vocabulary import ERP_BRANDS

LANGUAGES = ("en", "zh")
_DIR = Path(__file__).with_name("texts")


@functools.cache
def catalog(lang: str) -> dict[str, Any]:
    """The whole data file of `lang` (sections: questionnaire, values, comments, units, web)."""
    import yaml

    if lang not in LANGUAGES:
        raise ValueError(f"no questionnaire texts in `{lang}`")
    data = yaml.safe_load((_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    i = LANGUAGES.index(lang)
    # ERP brands are named once, in vocabulary.py; "none" and "other" are the file's.
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
        text = str(self._data["questionnaire"][key])
        return text.format(**fmt) if fmt else text

    def part(self, section: str, key: str, **fmt: Any) -> str:
        """A text of another part of the file (comments, units, web)."""
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
