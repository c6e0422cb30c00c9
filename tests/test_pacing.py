"""Goal pacing (pacing.py) and hard platform lines (rag.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from linkstar_kit.engine.models import Line, ResolvedTarget
from linkstar_kit.pacing import GoalPlan, pace, paced, status
from linkstar_kit.rag import Rag

D = dt.date


def plan(aggregation: str, target: float, baseline: float | None = None, up: bool = True,
         frequency: str = "monthly") -> GoalPlan:
    return GoalPlan(kpi="k", up=up, target=target, baseline=baseline, aggregation=aggregation,
                    frequency=frequency, first=D(2026, 10, 1), last=D(2026, 12, 31))


def test_quarterly_gmv_on_plan_after_october_is_on_track() -> None:
    # without a cascade, a `sum` goal is planned by days: October carries 31 of 92 days
    gmv = plan("sum", 1_200_000)
    assert pace(gmv, {D(2026, 10, 1): 405_000}, D(2026, 10, 31)) == (
        "on_track", 404_347.826087, 405_000)
    assert pace(gmv, {D(2026, 10, 1): 400_000}, D(2026, 10, 31)).status == "at_risk"
    months = {D(2026, 10, 1): 400_000, D(2026, 11, 1): 380_000}
    assert pace(gmv, months, D(2026, 11, 30)) == ("at_risk", 795_652.173913, 780_000)
    months[D(2026, 12, 1)] = 290_000
    assert pace(gmv, months, D(2026, 12, 31)) == ("off_track", 1_200_000, 1_070_000)
    assert pace(gmv, {}, D(2026, 10, 31)).status == "no_data"


def test_rate_goal_follows_the_path_from_its_baseline() -> None:
    rate = plan("last", 0.15, baseline=0.09)
    # by days: October is 31 of the quarter's 92 days, so 0.09 + 0.06 * 31/92 after it
    assert pace(rate, {D(2026, 10, 1): 0.111}, D(2026, 10, 31)) == ("on_track", 0.110217391304,
                                                                     0.111)
    # at risk: within 10 % of the 2-point step (0.1082 .. 0.1102)
    assert pace(rate, {D(2026, 10, 1): 0.109}, D(2026, 10, 15)).status == "at_risk"
    assert pace(rate, {D(2026, 10, 1): 0.10}, D(2026, 10, 15)).status == "off_track"
    mean = plan("mean", 0.15, baseline=0.09)
    got = pace(mean, {D(2026, 10, 1): 0.11, D(2026, 11, 1): 0.13}, D(2026, 11, 30))
    assert got.status == "on_track" and got.plan_to_date == pytest.approx(0.12)


def test_a_goal_to_lower_is_on_track_below_its_plan() -> None:
    cost = plan("last", 0.20, baseline=0.30, up=False)
    assert pace(cost, {D(2026, 10, 1): 0.26}, D(2026, 10, 1)).status == "on_track"
    assert pace(cost, {D(2026, 10, 1): 0.269}, D(2026, 10, 1)).status == "at_risk"
    assert pace(cost, {D(2026, 10, 1): 0.29}, D(2026, 10, 1)).status == "off_track"


def test_past_an_official_line_is_red_never_amber() -> None:
    odr = ResolvedTarget(platform="amazon", op="<", value=0.01, kind="official", source="x",
                         line=Line(op="<", value=0.01))
    assert status(odr, 0.0105) == "red"
    assert status(odr, 0.01) == "red"
    assert status(odr, 0.009) == "green"
    assert status(odr, None) == "no_data"
    # a team target inside the line: amber between the target and the line, red past it
    team = Rag.from_target("<=", 0.008, ("<", 0.01))
    assert [team.status(v) for v in (0.007, 0.009, 0.0101)] == ["green", "amber", "red"]
    # without a line the 10 % near-miss band stays
    assert Rag.from_target("<", 0.01).status(0.0105) == "amber"


def test_a_range_line_holds_on_both_sides() -> None:
    dos = Rag.from_target("between", [28, 90], ("between", [28, 90]))
    assert [dos.status(v) for v in (0, 27, 28, 90, 91)] == ["red", "red", "green", "green", "red"]


def test_a_net_margin_goal_sets_the_contribution_margin_line() -> None:
    from linkstar_kit.answers.models import Answers
    from linkstar_kit.engine.select import select
    from linkstar_kit.library.loader import load_library

    library = load_library()
    answers = Answers.model_validate({
        "version": 1, "client": {"name": "Acme"},
        "scope": {"start": "2026-10-01", "horizon": "quarter"}, "stage": "growth",
        "team_size": 8, "platforms": [{"id": "amazon", "sites": ["US"]}],
        "goals": [{"kpi": "net_margin", "target": 0.15, "baseline": 0.08, "by": "2026-12-31"},
                  {"kpi": "operating_expense_ratio", "target": 0.12, "by": "2026-12-31"}],
        "roles": [{"role": "finance", "pin": ["contribution_margin"]}]})
    cm = next(k for r in select(answers, library).roles for k in r.kpis
              if k.kpi == "contribution_margin")
    (t,) = cm.targets
    assert (t.op, t.value, t.kind, t.derived_from) == (">=", 0.27, "goal", "net_margin")
    assert any(r.rule == "goal:net_margin" and r.effect == "set_target" for r in cm.reasons)


def test_a_rate_goal_to_date_is_its_ratio_of_sums_where_the_measures_exist() -> None:
    """Conversion over two weeks is the two weeks' units over their sessions, not the mean of
    the weekly rates; the mean only where the base measures do not cover every day."""
    cvr = GoalPlan(kpi="conversion_rate", up=True, target=0.15, baseline=0.09,
                   aggregation="mean", frequency="weekly", first=D(2026, 10, 5),
                   last=D(2026, 12, 27))
    weeks = {D(2026, 10, 5): 10 / 100, D(2026, 10, 12): 20 / 1000}   # units / sessions
    units = {D(2026, 10, 5) + dt.timedelta(days=i): (10 if i < 7 else 20) / 7 for i in range(14)}
    sessions = {d: (100 if d < D(2026, 10, 12) else 1000) / 7 for d in units}

    def ratio(first: dt.date, last: dt.date) -> float | None:
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        if not all(d in units for d in days):
            return None
        return sum(units[d] for d in days) / sum(sessions[d] for d in days)

    got = paced(cvr, weeks, D(2026, 10, 18), ratio)
    assert got.pace.actual_to_date == pytest.approx(30 / 1100)      # 0.0273, not 0.06
    assert (got.method, got.since, got.periods) == ("ratio_of_sums", D(2026, 10, 5), 2)
    assert pace(cvr, weeks, D(2026, 10, 18), ratio) == got.pace
    # no measures (an actuals CSV): the mean of the weeks, said so
    plain = paced(cvr, weeks, D(2026, 10, 18))
    assert plain.pace.actual_to_date == pytest.approx(0.06) and plain.method == "mean"
    # the measures miss a day of the third week: the mean of the three weeks
    weeks[D(2026, 10, 19)] = 0.05
    partial = paced(cvr, weeks, D(2026, 10, 25), ratio)
    assert partial.method == "mean" and partial.pace.actual_to_date == pytest.approx(0.17 / 3)
    # a level or a sum is not a rate: no method
    assert paced(plan("last", 0.15, baseline=0.09), {D(2026, 10, 1): 0.1},
                 D(2026, 10, 31), ratio).method is None
