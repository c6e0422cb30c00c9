"""The agenda data model: items with owners, guides, points and their computed timebox."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ... import catalog
from .timebox import hhmm, timebox


@dataclass
class Point:
    """A line under an agenda item: `who` (a role title or a goal) and what it is about."""

    who: str
    text: str


@dataclass
class Item:
    key: str
    title: str
    owners: list[str]
    guide: str
    weight: int
    points: list[Point] = field(default_factory=list)
    minutes: int = 0
    start: str = ""
    end: str = ""

    def __post_init__(self) -> None:
        self.owners = list(dict.fromkeys(self.owners))  # the chair may also hold a role


@dataclass
class Agenda:
    kind: str
    title: str
    when: str
    time: str
    minutes: int
    chair: str
    purpose: str
    items: list[Item]
    prepare: list[str]
    rules: list[str]

    everyone: list[str] = field(default_factory=list)

    def owner_short(self, item: Item, lang: str) -> str:
        """The owner as the agenda table shows it: a long "every role" list is summarised."""
        sep = catalog.text(lang, "punct.list")
        if len(self.everyone) > 4 and set(self.everyone) <= set(item.owners):
            extra = [o for o in item.owners if o not in self.everyone]
            semi = catalog.text(lang, "punct.semicolon")
            return "".join(e + semi for e in extra) + catalog.text(
                lang, "agenda.all_roles", n=len(self.everyone))
        return sep.join(item.owners)

    def as_view(self, lang: str) -> dict[str, Any]:
        sep = catalog.text(lang, "punct.list")
        return {
            "kind": self.kind, "title": self.title, "when": self.when, "time": self.time,
            "minutes": self.minutes, "chair": self.chair, "purpose": self.purpose,
            "prepare": self.prepare, "rules": self.rules,
            "items": [{"n": i + 1, "key": it.key, "title": it.title, "minutes": it.minutes,
                       "start": it.start, "end": it.end, "owners": it.owners,
                       "owner": sep.join(it.owners), "owner_short": self.owner_short(it, lang),
                       "guide": it.guide,
                       "points": [{"who": p.who, "text": p.text} for p in it.points]}
                      for i, it in enumerate(self.items)],
        }

    def outline(self, lang: str) -> str:
        """Plain-text outline (calendar descriptions): one line per item."""
        return "\n".join(
            catalog.text(lang, "agenda.outline_line", n=i, start=it.start, end=it.end,
                         minutes=it.minutes, title=it.title, who=self.owner_short(it, lang))
            for i, it in enumerate(self.items, 1))


def schedule(items: list[Item], total: int, time: str) -> None:
    """Give each item its minutes and its clock times, starting at `time` (HH:MM)."""
    minutes = timebox([it.weight for it in items], total)
    h, m = (int(x) for x in time.split(":"))
    clock = h * 60 + m
    for it, mins in zip(items, minutes, strict=True):
        it.minutes = mins
        it.start = hhmm(clock)
        clock += mins
        it.end = hhmm(clock)
