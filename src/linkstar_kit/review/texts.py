"""The review's wording: one data file per language (texts/en.yaml, texts/zh.yaml), same keys."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent / "texts"


@functools.cache
def texts(lang: str) -> dict[str, Any]:
    import yaml

    with (HERE / f"{lang}.yaml").open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert isinstance(data, dict)
    return data
