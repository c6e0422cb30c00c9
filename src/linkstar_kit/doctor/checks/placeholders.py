"""Actions that are not actions: placeholders a house library may hold (pitfall 1).

The words are recognised in either language, whatever the client's language: they are
detection data, not sentences the tool says (the Han-text test allows this file for that).
"""

from __future__ import annotations

import re

_PLACEHOLDER_WORDS = {
    "tbd", "tbc", "tba", "todo", "to do", "fixme", "n/a", "na", "none", "null", "nil", "xxx",
    "x", "action", "placeholder", "lorem ipsum", "same as above", "see above",
    "待定", "待补充", "待填写", "待完善", "待确认", "暂无", "无", "略", "同上", "见上", "占位",
}


def is_placeholder(text: str) -> bool:
    """An action that is not one: empty, punctuation only, or a stand-in like TBD / 待定."""
    s = text.strip()
    if not any(ch.isalnum() for ch in s):
        return True
    core = re.sub(r"[\s\W_]+", " ", s.lower()).strip()
    return core in _PLACEHOLDER_WORDS or s.lower().strip(" .。!！?？") in _PLACEHOLDER_WORDS


def real_actions(actions: list[str]) -> list[str]:
    """Distinct actions that say something (placeholders and repeats removed)."""
    out: list[str] = []
    seen: set[str] = set()
    for a in actions:
        key = " ".join(a.lower().split())
        if is_placeholder(a) or key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out
