"""Health checks of the company goals: someone carries each one, and each one is SMART.

What "not SMART" means here (step 2 of the method, "net margin to 15 % by the end of Q3"):

- Time-bound: the goal's `by` falls within the goal period. The period runs `horizon` months
  (month 1, quarter 3, half year 6, year 12) from `scope.start`, rounded up to the end of the
  month it ends in, so "start 2026-07-01, quarter" ends 2026-09-30 and "start 2026-01-05,
  quarter" ends 2026-04-30.
- Achievable: the target is plausible for the KPI. A target is implausible when
  * it lies outside the KPI's sensible range in `GOAL_BOUNDS` (e.g. net margin above 40 %,
    inventory turns above 24 a year, GMV growth above 300 %);
  * it is exactly 0 for a "lower is better" rate (ODR 0 %: one bad order breaks it) or exactly
    100 % for a "higher is better" rate, or not above 0 for a count or an amount to grow;
  * given a baseline, it moves a rate by more than 25 percentage points, multiplies an amount
    by more than 4 (growth above 300 %) or cuts it to less than a quarter, within one period.
- Relevant: a target worse than its baseline, or looser than the platform's own official
  threshold for the KPI, is flagged too (the document would show the goal, not the threshold).

These bounds are deliberately wide: they catch typos and wishes, not ambition. A consultant
who knows the client better ignores the warning.

- A stretch for the stage: a goal with a baseline that moves further than the business's
  stage makes plausible within the goal's span. A rate may move STAGE_RATE_SHIFT points a
  month (growth: 2, so a net margin from 8 % to 15 % in a quarter, +7 points, is a stretch);
  an amount (money, a count) may grow STAGE_MONTHLY_GROWTH a month, compounded (growth:
  10 %, a third in a quarter). Growth rates themselves are left to their bounds above.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import catalog
from ..fmt import value as fmt_value
from ..library.models import source_text
from ..periods import horizon_end, month_end
from .context import Context
from .findings import Finding, Where

# Plausible goal targets (lowest, highest), inclusive; None leaves that side open.
GOAL_BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "net_margin": (-0.5, 0.40),
    "gross_margin": (0.0, 0.85),
    "contribution_margin": (-0.3, 0.60),
    "gmv_growth": (-0.5, 3.0),
    "inventory_turnover": (0.5, 24.0),
    "order_defect_rate": (None, 0.05),
    "stockout_rate": (None, 0.5),
    "acos": (0.02, 1.0),
    "tacos": (0.01, 0.6),
}
# How far a goal plausibly moves a month, by stage: rate points, and an amount's growth.
STAGE_RATE_SHIFT = {"launch": 0.03, "growth": 0.02, "mature": 0.01, "turnaround": 0.03}
STAGE_MONTHLY_GROWTH = {"launch": 0.30, "growth": 0.10, "mature": 0.03, "turnaround": 0.05}
MAX_RATE_SHIFT = 0.25  # percentage points (as a fraction) a rate may move in one period
MAX_GROWTH_FACTOR = 4.0  # target / baseline: more than 300 % growth


def due_limit(start: dt.date, horizon: str) -> dt.date:
    """The latest `by` a goal may have: the goal period's end, rounded up to its month's end
    (a goal "by the end of April" fits a quarter from 2026-01-05, which ends 04-04)."""
    return month_end(horizon_end(start, horizon))


def _v(c: Context, v: float, unit: str) -> str:
    return fmt_value(v, unit, c.lang, c.answers.client.currency)


def _carriers(c: Context, goal: str, roles: set[str] | None) -> list[str]:
    """`kpi (role)` for up to three KPIs that are or drive `goal`, best fit first; only for the
    given roles when `roles` is set."""
    out = []
    for k in c.library.kpis.values():
        if k.id != goal and goal not in k.drives:
            continue
        fits = {r: w for r, w in k.roles.items() if w > 0 and (roles is None or r in roles)}
        if fits:
            best = max(sorted(fits), key=lambda r: fits[r])
            out.append((-fits[best], k.id, f"{k.id} ({best})"))
    return [text for *_, text in sorted(out)[:3]]


def _check_drivers(c: Context) -> Iterator[Finding]:
    role_ids = {r.role for r in c.answers.roles}
    for g in c.selection.goals:
        if g.drivers:
            continue
        name = c.kpi(g.kpi)
        mine = _carriers(c, g.kpi, role_ids)
        if mine:
            fix = c.text("driver_fix_pin", carriers=", ".join(mine))
        else:
            other = _carriers(c, g.kpi, None)
            fix = c.text("driver_fix_role",
                         carriers=", ".join(other) if other else "finance, team_lead")
        yield c.finding("goal-without-driver", "error", Where(goal=g.kpi), name=name,
                        target=_v(c, g.target, g.unit), by=g.by, fix=fix)


def _check_dates(c: Context) -> Iterator[Finding]:
    scope = c.answers.scope
    end = due_limit(scope.start, scope.horizon)
    period = c.text(f"period.{scope.horizon}")
    for g in c.answers.goals:
        if g.by <= end:
            continue
        yield c.finding("goal-beyond-horizon", "warning", Where(goal=g.kpi), name=c.kpi(g.kpi),
                        by=g.by.isoformat(), end=end.isoformat(), period=period,
                        start=scope.start.isoformat())


def _implausible(c: Context, kid: str, target: float, baseline: float | None,
                 unit: str, direction: str) -> str | None:
    """The reason, in the client's language, when the target is implausible, else None."""
    lo, hi = GOAL_BOUNDS.get(kid, (None, None))

    def v(x: float) -> str:
        return _v(c, x, unit)

    if hi is not None and target > hi:
        return c.text("implausible.above", v=v(hi))
    if lo is not None and target < lo:
        return c.text("implausible.below", v=v(lo))
    if unit == "ratio" and direction == "lower" and target <= 0:
        return c.text("implausible.zero")
    if unit == "ratio" and direction == "higher" and target >= 1:
        return c.text("implausible.full")
    if unit != "ratio" and direction == "higher" and target <= 0:
        return c.text("implausible.not_positive")
    if baseline is None:
        return None
    # Growth rates swing by tens of points from one period to the next: only their bounds apply.
    if unit == "ratio" and not kid.endswith("_growth") and abs(target - baseline) > MAX_RATE_SHIFT:
        shift = round(abs(target - baseline) * 100, 1)
        return c.text("implausible.shift", shift=f"{shift:g}", v=v(baseline))
    if unit != "ratio" and baseline > 0 and direction == "higher" \
            and target > MAX_GROWTH_FACTOR * baseline:
        growth = round((target / baseline - 1) * 100)
        return c.text("implausible.growth", growth=growth, v=v(baseline))
    if unit != "ratio" and baseline > 0 and direction == "lower" \
            and target < baseline / MAX_GROWTH_FACTOR:
        return c.text("implausible.cut", v=v(baseline))
    return None


def _check_targets(c: Context) -> Iterator[Finding]:
    mine = set(c.answers.platform_ids())
    for g in c.answers.goals:
        kpi = c.library.kpis.get(g.kpi)
        if kpi is None:
            continue
        name, unit = c.kpi(g.kpi), kpi.unit
        target = _v(c, g.target, unit)
        why = _implausible(c, g.kpi, g.target, g.baseline, unit, kpi.direction)
        if why is not None:
            yield c.finding("goal-target-implausible", "warning", Where(goal=g.kpi),
                            name=name, target=target, why=why)
        if g.baseline is not None and (
                (kpi.direction == "higher" and g.target < g.baseline)
                or (kpi.direction == "lower" and g.target > g.baseline)):
            yield c.finding("goal-worse-than-baseline", "warning", Where(goal=g.kpi),
                            name=name, target=target, base=_v(c, g.baseline, unit))
        for t in kpi.targets:
            if t.kind != "official" or isinstance(t.value, tuple):
                continue
            if t.platform is not None and t.platform not in mine:
                continue
            looser = ((t.op in ("<", "<=") and g.target > t.value)
                      or (t.op in (">", ">=") and g.target < t.value))
            if not looser:
                continue
            yield c.finding("goal-looser-than-official", "warning", Where(goal=g.kpi),
                            name=name, target=target, platform=c.platform(t.platform),
                            limit=f"{t.op} {_v(c, t.value, unit)}",
                            source=source_text(t.source, c.lang))
            break


def goal_months(start: dt.date, by: dt.date) -> int:
    """Whole months from the scope's start to the goal's date (at least one)."""
    return max(1, round((by - start).days / 30.4))


def _check_stretch(c: Context) -> Iterator[Finding]:
    stage = c.answers.stage
    stage_word = catalog.text(c.lang, f"labels.{stage}")
    for g in c.answers.goals:
        kpi = c.library.kpis.get(g.kpi)
        if kpi is None or g.baseline is None or g.kpi.endswith("_growth"):
            continue
        months = goal_months(c.answers.scope.start, g.by)
        if kpi.unit == "ratio":
            room = STAGE_RATE_SHIFT[stage] * months
            moved = abs(g.target - g.baseline)
            if moved <= room + 1e-9 or moved > MAX_RATE_SHIFT:  # the latter: implausible
                continue
            why = c.text("stretch.rate", moved=f"{moved * 100:.3g}", months=months,
                         stage=stage_word, room=f"{room * 100:.3g}")
        else:
            if kpi.unit not in ("currency", "count") or g.baseline <= 0:
                continue  # amounts grow; a score, a number of days or of turns does not
            factor = (1 + STAGE_MONTHLY_GROWTH[stage]) ** months
            ratio = g.target / g.baseline
            if 1 / factor <= ratio <= factor or ratio > MAX_GROWTH_FACTOR \
                    or ratio < 1 / MAX_GROWTH_FACTOR:
                continue
            why = c.text("stretch.amount", ratio=f"{ratio:.2f}", months=months,
                         stage=stage_word, factor=f"{factor:.2f}")
        yield c.finding("goal-stretch", "warning", Where(goal=g.kpi), name=c.kpi(g.kpi),
                        why=why)


GOAL_CHECKS = (_check_drivers, _check_dates, _check_targets, _check_stretch)
