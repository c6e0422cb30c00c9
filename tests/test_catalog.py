"""The text catalog: both languages say the same things, and no Python file speaks prose.

Issue 13: every user-facing sentence lives in catalog/<lang>.yaml, looked up by key. These
tests fail when a key, a list item or a `{placeholder}` exists in one language only (a
Chinese kit would raise, or print an English gap), and when Chinese text creeps back into a
Python file under src/.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest

from linkstar_kit import catalog

SRC = Path(__file__).resolve().parents[1] / "src" / "linkstar_kit"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _shape(node: Any, path: str = "") -> dict[str, Any]:
    """{dotted key: the set of placeholders} for every sentence; lists keyed by index."""
    out: dict[str, Any] = {}
    if isinstance(node, dict):
        for k, v in node.items():
            out.update(_shape(v, f"{path}.{k}" if path else str(k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.update(_shape(v, f"{path}[{i}]"))
    elif isinstance(node, str):
        out[path] = {f for _, f, _, _ in string.Formatter().parse(node) if f is not None}
    else:
        out[path] = type(node).__name__  # not a sentence: caught below
    return out


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    en = _shape(catalog._tree("en"))
    zh = _shape(catalog._tree("zh"))
    assert sorted(set(en) - set(zh)) == [], "keys only in en.yaml"
    assert sorted(set(zh) - set(en)) == [], "keys only in zh.yaml"
    differ = {k: (en[k], zh[k]) for k in en if en[k] != zh[k]}
    assert differ == {}, "placeholders differ between en.yaml and zh.yaml"


def test_every_value_is_text() -> None:
    for lang in catalog.LANGS:
        odd = {k: v for k, v in _shape(catalog._tree(lang)).items() if isinstance(v, str)}
        assert odd == {}, f"{lang}.yaml holds non-text values (quote them): {odd}"


def test_each_language_is_written_in_its_script() -> None:
    en = {k: v for k, v in _flat(catalog._tree("en")).items() if HAN.search(v)}
    assert en == {}, "Chinese in en.yaml"
    # a Chinese sentence with letters is fine (ACoS, FBA, KPI): one with no Han at all and
    # several English words is an untranslated copy
    zh = {k: v for k, v in _flat(catalog._tree("zh")).items()
          if not HAN.search(v)
          and len(re.findall(r"[A-Za-z]{3,}", re.sub(r"\{\w*\}", "", v))) >= 3}
    assert zh == {}, "English sentences in zh.yaml"


def _flat(node: Any, path: str = "") -> dict[str, str]:
    if isinstance(node, dict):
        return {k2: v2 for k, v in node.items() for k2, v2 in _flat(v, f"{path}.{k}").items()}
    if isinstance(node, list):
        return {k2: v2 for i, v in enumerate(node) for k2, v2 in _flat(v, f"{path}[{i}]").items()}
    return {path: str(node)}


def test_lookup_fills_placeholders_and_names_a_missing_key() -> None:
    assert catalog.text("zh", "agenda.weekly.title") == "周会"
    assert catalog.text("en", "agenda.all_roles", n=5) == "all 5 roles, one by one"
    with pytest.raises(catalog.CatalogKeyError, match="weekly"):
        catalog.text("en", "agenda.nope.title")
    # a section is a copy: a caller changing it does not change the next lookup
    catalog.section("en", "labels")["kpi"] = "changed"
    assert catalog.text("en", "labels.kpi") == "KPI"


# Python files that may still hold Han characters, each with the reason. Anything else under
# src/ with Chinese text fails: the words belong in catalog/<lang>.yaml.
ALLOWED = {
    # brand names in both scripts are data about the brand, not sentences (领星 is a name)
    "vocabulary.py": "ERP brand names as the brands write them",
    # placeholder actions recognised in a house library in either language (detection data)
    "doctor/checks/placeholders.py": "placeholder words recognised in library text",
    # a regex that strips "(e.g. ...)" from a report name in either language (detection)
    "engine/sources.py": "regex recognising the Chinese for 'e.g.' in library text",
    # a sample of glyphs to test whether a font can draw Chinese
    "kit/fonts.py": "CJK glyph sample for font detection",
    # a docstring example of a name with no Latin letters
    "answers/models.py": "docstring example of a Chinese client name",
}


def test_no_python_file_under_src_holds_chinese_text() -> None:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        n = len(HAN.findall(path.read_text(encoding="utf-8")))
        if n and rel not in ALLOWED:
            found[rel] = n
    assert found == {}, "Chinese text in Python files: move it to catalog/<lang>.yaml"


def test_the_allowlist_has_no_stale_entries() -> None:
    stale = [rel for rel in ALLOWED
             if not (SRC / rel).exists() or not HAN.search((SRC / rel).read_text("utf-8"))]
    assert stale == []


def test_blueprints_hold_no_language_branch_and_no_chinese() -> None:
    """Templates get their words from the catalog through the view: a `lang == "zh"` branch
    or a Chinese sentence in a blueprint is a second home for a text."""
    root = SRC.parents[1] / "blueprints"
    found = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        if HAN.search(text) or re.search(r"lang\s*==\s*['\"]zh['\"]", text):
            found[path.relative_to(root).as_posix()] = True
    assert found == {}
