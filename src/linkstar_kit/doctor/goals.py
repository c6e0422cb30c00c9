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
            fix_en = ("Pin a KPI that drives it to a role that can move it: "
                      f"{', '.join(mine)}.")
            fix_zh = f"给能影响它的岗位 pin 一个驱动它的指标：{', '.join(mine)}。"
        else:
            other = _carriers(c, g.kpi, None)
            listed = ", ".join(other) if other else "finance, team_lead"
            fix_en = f"None of the roles in scope can carry it; add a role that can: {listed}."
            fix_zh = f"现有岗位都无法承担它，请增加能承担它的岗位：{listed}。"
        target = _v(c, g.target, g.unit)
        yield c.finding(
            "goal-without-driver", "error",
            (f"No selected KPI drives the goal {name} {target} by {g.by}: nobody in the team "
             "carries it, so nobody's work is steered towards it.", fix_en),
            (f"没有任何已选 KPI 驱动目标「{name} {target}（{g.by} 前）」：团队里没有人承担它，"
             "也就没有人的工作朝它发力。", fix_zh),
            Where(goal=g.kpi))


def _check_dates(c: Context) -> Iterator[Finding]:
    scope = c.answers.scope
    end = due_limit(scope.start, scope.horizon)
    period = {"month": ("month", "一个月"), "quarter": ("quarter", "一个季度"),
              "half_year": ("half year", "半年"), "year": ("year", "一年")}[scope.horizon]
    for g in c.answers.goals:
        if g.by <= end:
            continue
        name = c.kpi(g.kpi)
        yield c.finding(
            "goal-beyond-horizon", "warning",
            (f"The goal {name} is due {g.by.isoformat()}, after the goal period ends "
             f"({end.isoformat()}: one {period[0]} from {scope.start.isoformat()}): within the "
             "period it has no deadline, so the reviews cannot tell whether it is on track.",
             f"Set a milestone within the period (by {end.isoformat()} at the latest), or "
             "lengthen scope.horizon."),
            (f"目标「{name}」的截止日期是 {g.by.isoformat()}，晚于目标周期的结束日 "
             f"{end.isoformat()}（自 {scope.start.isoformat()} 起{period[1]}）：周期内没有截止点，"
             "复盘时无法判断进度是否正常。",
             f"在周期内设一个阶段性目标（最晚 {end.isoformat()}），或把 scope.horizon 调长。"),
            Where(goal=g.kpi))


def _implausible(c: Context, kid: str, target: float, baseline: float | None,
                 unit: str, direction: str) -> tuple[str, str] | None:
    """(en, zh) reason when the target is implausible for the KPI, else None."""
    lo, hi = GOAL_BOUNDS.get(kid, (None, None))

    def v(x: float) -> str:
        return _v(c, x, unit)

    if hi is not None and target > hi:
        return (f"above {v(hi)}, beyond what sellers reach", f"高于 {v(hi)}，超出卖家能达到的水平")
    if lo is not None and target < lo:
        return (f"below {v(lo)}, not a sensible target", f"低于 {v(lo)}，不是合理的目标值")
    if unit == "ratio" and direction == "lower" and target <= 0:
        return ("exactly 0 %: a single bad case breaks it, so it is missed from day one",
                "恰好为 0%：出现一单就破线，从第一天起就注定达不成")
    if unit == "ratio" and direction == "higher" and target >= 1:
        return ("100 %: no room for a single miss", "100%：不允许任何一次失误")
    if unit != "ratio" and direction == "higher" and target <= 0:
        return ("not above zero", "不大于 0")
    if baseline is None:
        return None
    # Growth rates swing by tens of points from one period to the next: only their bounds apply.
    if unit == "ratio" and not kid.endswith("_growth") and abs(target - baseline) > MAX_RATE_SHIFT:
        shift = round(abs(target - baseline) * 100, 1)
        return (f"a move of {shift:g} points from the baseline {v(baseline)} in one period",
                f"一个周期内要比基线 {v(baseline)} 变动 {shift:g} 个百分点")
    if unit != "ratio" and baseline > 0 and direction == "higher" \
            and target > MAX_GROWTH_FACTOR * baseline:
        growth = round((target / baseline - 1) * 100)
        return (f"{growth} % growth over the baseline {v(baseline)} in one period",
                f"一个周期内比基线 {v(baseline)} 增长 {growth}%")
    if unit != "ratio" and baseline > 0 and direction == "lower" \
            and target < baseline / MAX_GROWTH_FACTOR:
        return (f"a cut to less than a quarter of the baseline {v(baseline)} in one period",
                f"一个周期内降到基线 {v(baseline)} 的四分之一以下")
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
            yield c.finding(
                "goal-target-implausible", "warning",
                (f"The goal {name} {target} is implausible: {why[0]}. A target nobody believes "
                 "in is ignored, and a typo here sets every driver's target wrong.",
                 "Check the number (rates are fractions: 0.15 means 15 %) and set a target the "
                 "team can reach within the period, with a baseline."),
                (f"目标「{name} {target}」不合理：{why[1]}。没人相信能达成的目标会被无视，"
                 "而这里的笔误会让所有驱动指标的目标都跟着出错。",
                 "核对数值（比率用小数：0.15 表示 15%），设定团队在周期内能达到的目标，并填写基线。"),
                Where(goal=g.kpi))
        if g.baseline is not None and (
                (kpi.direction == "higher" and g.target < g.baseline)
                or (kpi.direction == "lower" and g.target > g.baseline)):
            base = _v(c, g.baseline, unit)
            yield c.finding(
                "goal-worse-than-baseline", "warning",
                (f"The goal {name} {target} is worse than today's baseline {base}: the team "
                 "meets it by doing nothing.",
                 "Swap target and baseline if they were entered the wrong way round, or set a "
                 "target that improves on the baseline."),
                (f"目标「{name} {target}」比当前基线 {base} 还差：团队什么都不做也能达成。",
                 "如果目标和基线填反了请对调；否则设定一个优于基线的目标。"),
                Where(goal=g.kpi))
        for t in kpi.targets:
            if t.kind != "official" or isinstance(t.value, tuple):
                continue
            if t.platform is not None and t.platform not in mine:
                continue
            looser = ((t.op in ("<", "<=") and g.target > t.value)
                      or (t.op in (">", ">=") and g.target < t.value))
            if not looser:
                continue
            platform = c.platform(t.platform)
            limit = f"{t.op} {_v(c, t.value, unit)}"
            yield c.finding(
                "goal-looser-than-official", "warning",
                (f"The goal {name} {target} is looser than {platform}'s own threshold "
                 f"({limit}, {source_text(t.source, 'en')}): the team could meet the goal while the platform "
                 "penalises the account.",
                 f"Set the goal at least as strict as {limit}."),
                (f"目标「{name} {target}」比{platform}官方阈值"
                 f"（{limit}，{source_text(t.source, 'zh')}）还宽松："
                 "团队达成了目标，店铺却可能已经被平台处罚。",
                 f"把目标设得至少和 {limit} 一样严格。"),
                Where(goal=g.kpi))
            break


def goal_months(start: dt.date, by: dt.date) -> int:
    """Whole months from the scope's start to the goal's date (at least one)."""
    return max(1, round((by - start).days / 30.4))


def _check_stretch(c: Context) -> Iterator[Finding]:
    stage = c.answers.stage
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
            en = (f"{moved * 100:.3g} points in {months} month(s), where a {stage}-stage "
                  f"business moves about {room * 100:.3g}")
            zh = f"{months} 个月内变动 {moved * 100:.3g} 个百分点，而该阶段通常约 {room * 100:.3g} 个百分点"
        else:
            if kpi.unit not in ("currency", "count") or g.baseline <= 0:
                continue  # amounts grow; a score, a number of days or of turns does not
            factor = (1 + STAGE_MONTHLY_GROWTH[stage]) ** months
            ratio = g.target / g.baseline
            if 1 / factor <= ratio <= factor or ratio > MAX_GROWTH_FACTOR \
                    or ratio < 1 / MAX_GROWTH_FACTOR:
                continue
            en = (f"x{ratio:.2f} of the baseline in {months} month(s), where a {stage}-stage "
                  f"business reaches about x{factor:.2f}")
            zh = f"{months} 个月内达到基线的 {ratio:.2f} 倍，而该阶段通常约 {factor:.2f} 倍"
        name = c.kpi(g.kpi)
        yield c.finding(
            "goal-stretch", "warning",
            (f"The goal {name} is a stretch: {en}. The drivers' targets derived from it will "
             "be as hard.",
             "Keep it as a stretch goal on purpose, or spread it over a longer span."),
            (f"目标「{name}」偏激进：{zh}。由它推导出的驱动指标目标会同样难以达成。",
             "如确有意作为挑战目标可保留，否则拉长达成周期。"),
            Where(goal=g.kpi))


GOAL_CHECKS = (_check_drivers, _check_dates, _check_targets, _check_stretch)
