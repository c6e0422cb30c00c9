"""Base measures from several files, and KPIs computed from them over periods.

Files are combined per platform, site and measure: the first file (in the order given) that
gives a measure for a platform and site on a day owns it; another file's value for the same
day is left out and said so (two exports of one report, or an ERP and the console both giving
sales, would otherwise count twice).

A KPI's value over a period is its `compute` expression over the period's sums (ratios of
sums, never means of daily ratios), and exists only when every measure it needs covers every
day of the period on every platform and site it is taken over: a week with three days of
sessions has no conversion rate, rather than a wrong one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..library.compute import Expr
from ..periods import periods
from .read import Extract, Span

Key = tuple[str, str]  # (platform, site)


def _days(span: Span) -> Iterable[dt.date]:
    a, b = span
    return (a + dt.timedelta(days=i) for i in range((b - a).days + 1))


@dataclass
class Pool:
    # (platform, site, measure) -> {span: (value, file)}
    values: dict[tuple[str, str, str], dict[Span, tuple[float, str]]] = field(
        default_factory=lambda: defaultdict(dict))
    # (platform, site, measure) -> {day: file}
    owner: dict[tuple[str, str, str], dict[dt.date, str]] = field(
        default_factory=lambda: defaultdict(dict))
    overlaps: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def add(self, ex: Extract) -> None:
        name = ex.recognised.name
        self.files.append(name)
        skipped: dict[tuple[str, str, str], str] = {}
        for (platform, site), spans in ex.data.items():
            for span, sums in spans.items():
                for measure, v in sums.items():
                    other = self._put(platform, site, measure, span, v, name)
                    if other is not None:
                        skipped.setdefault((platform, site, measure), other)
        # one note per earlier file and site, its measures listed: a report of the same days
        # loaded twice in one command overlaps on every measure at once
        grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for (platform, site, measure), other in sorted(skipped.items()):
            grouped[(platform, site, other)].append(measure)
        for (platform, site, other), measures in grouped.items():
            where = f"{platform} {site}".strip()
            self.overlaps.append(f"{name}: {', '.join(measures)} on {where} already given by "
                                 f"{other} for some of its days; those rows were left out")

    def _put(self, platform: str, site: str, measure: str, span: Span, v: float,
             name: str) -> str | None:
        """Add one value unless another file owns one of its days (then that file's name)."""
        k = (platform, site, measure)
        taken = self.owner[k]
        days = list(_days(span))
        other = next((taken[d] for d in days if d in taken), None)
        if other is not None:
            return other
        for d in days:
            taken[d] = name
        self.values[k][span] = (v, name)
        return None

    def add_stored(self, rows: Iterable[tuple[str, str, str, str, str, float, str]]) -> None:
        """Measures earlier loads stored, under this run's files: a day a file of this run
        gives is this run's (a corrected export replaces the one loaded before)."""
        for day, end, platform, site, measure, value, source in rows:
            try:
                span = (dt.date.fromisoformat(day), dt.date.fromisoformat(end))
            except ValueError:
                continue
            self._put(platform, site, measure, span, value, source)

    def new_rows(self, files: Iterable[str]) -> list[tuple[str, str, str, str, str, float, str]]:
        """The values this run's `files` gave, as the store keeps them."""
        names = set(files)
        return [(a.isoformat(), b.isoformat(), p, s, m, v, f)
                for (p, s, m), spans in sorted(self.values.items())
                for (a, b), (v, f) in sorted(spans.items()) if f in names]

    @property
    def keys(self) -> list[Key]:
        return sorted({(p, s) for p, s, _ in self.values})

    def measures(self, key: Key) -> set[str]:
        return {m for p, s, m in self.values if (p, s) == key}

    def covered(self) -> set[dt.date]:
        out: set[dt.date] = set()
        for days in self.owner.values():
            out.update(days)
        return out

    def sums(self, keys: Sequence[Key], measures: Iterable[str], start: dt.date,
             end: dt.date) -> tuple[dict[str, float], set[str]] | None:
        """Each measure summed over `keys` and the days start..end, with the files used; None
        when a measure misses a day there, or a span crosses the period's edge."""
        total: dict[str, float] = {}
        files: set[str] = set()
        days = list(_days((start, end)))
        for m in measures:
            acc = 0.0
            for p, s in keys:
                k = (p, s, m)
                owned = self.owner.get(k, {})
                if not all(d in owned for d in days):
                    return None
                spans = self.values[k]
                daily = [spans.get((d, d)) for d in days]
                if all(x is not None for x in daily):  # daily rows: no scan of the spans
                    for v, f in daily:  # type: ignore[misc]
                        acc += v
                        files.add(f)
                    continue
                for (a, b), (v, f) in spans.items():
                    if b < start or a > end:
                        continue
                    if a < start or b > end:
                        return None
                    acc += v
                    files.add(f)
            total[m] = acc
        return total, files

    def value(self, expr: Expr, keys: Sequence[Key], start: dt.date, end: dt.date
              ) -> tuple[float, set[str]] | None:
        got = self.sums(keys, expr.measures, start, end)
        if got is None:
            return None
        v = expr.evaluate(got[0])
        return None if v is None else (v, got[1])

    def full_periods(self, frequency: str, keys: Sequence[Key], measures: Iterable[str]
                     ) -> list[tuple[dt.date, dt.date]]:
        """The periods of `frequency` every measure covers on every key."""
        measures = list(measures)
        days = self.covered()
        if not days or not keys or not measures:
            return []
        out = []
        for a, b in periods(frequency, min(days), max(days)):
            if self.sums(keys, measures, a, b) is not None:
                out.append((a, b))
        return out
