"""Launch and forget (pitfall 10): the KPI system itself is reviewed every quarter."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..findings import Finding


def check_review(c: Context) -> Iterator[Finding]:
    a = c.answers
    # a project of a month or two ends before a quarter comes round: nothing to review then
    short_project = a.scope.level == "project" and a.scope.horizon == "month"
    if a.review.quarterly is False and not short_project:
        yield c.finding("no-quarterly-review", "warning", pitfall=10)
