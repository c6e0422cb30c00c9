"""Pay (pitfalls 7 and 8): KPIs as punishment, contributions numbers miss."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..findings import Finding, Where
from .placeholders import is_placeholder

MAX_PAY_WEIGHT = 50  # percent of variable pay tied to KPIs


def check_incentives(c: Context) -> Iterator[Finding]:
    inc = c.answers.incentives
    w = inc.kpi_weight_percent
    if inc.linked_to_pay and w > MAX_PAY_WEIGHT:
        yield c.finding("pay-weight-high", "warning", pitfall=7, w=w, max=MAX_PAY_WEIGHT,
                        all=c.text("nothing_left") if w >= 100 else "")
    if not inc.linked_to_pay and w > 0:
        yield c.finding("pay-weight-unlinked", "info", w=w)
    if not inc.linked_to_pay:
        return
    seen: set[str] = set()
    for r in c.selection.roles:
        role = c.library.roles.get(r.role)
        if role is None or r.role in seen:
            continue
        seen.add(r.role)
        real = [s for s in role.soft_contributions if not is_placeholder(s.get(c.lang))]
        if not real:
            yield c.finding("soft-contributions-missing", "warning", Where(role_key=r.key),
                            pitfall=8, name=role.name.get(c.lang))
