"""The one period arithmetic (linkstar_kit.periods): goal spans, reporting periods, review dates.

The goal span used to be computed three times and drifted: for a start on 2026-01-31 the
store (dashboard, workbook) ended the quarter on 04-29 while the questionnaire and the check
said 04-30. These tests pin the one answer and its properties.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkstar_kit.periods import (
    FREQUENCIES,
    HORIZON_MONTHS,
    add_months,
    goal_span,
    horizon_end,
    is_month_end,
    iso_week,
    label,
    month_end,
    months_before,
    next_monday,
    next_month_day,
    next_quarter_day,
    next_weekday,
    period_of,
    periods,
)

D = dt.date
dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2200, 12, 31))
horizons = st.sampled_from(sorted(HORIZON_MONTHS))


@pytest.mark.parametrize(("start", "horizon", "end"), [
    (D(2026, 1, 31), "quarter", D(2026, 4, 30)),   # the drift of issue 13: not 04-29
    (D(2026, 1, 5), "quarter", D(2026, 4, 4)),
    (D(2026, 7, 1), "quarter", D(2026, 9, 30)),
    (D(2026, 1, 1), "year", D(2026, 12, 31)),
    (D(2026, 3, 1), "quarter", D(2026, 5, 31)),    # eve 02-28 is a month end
    (D(2024, 3, 1), "month", D(2024, 3, 31)),      # leap year: eve 02-29
    (D(2024, 2, 29), "year", D(2025, 2, 28)),      # leap day: the next year starts 03-01
    (D(2026, 1, 30), "month", D(2026, 2, 28)),     # clamped to February
    (D(2024, 1, 31), "month", D(2024, 2, 29)),     # clamped to a leap February
    (D(2026, 12, 1), "quarter", D(2027, 2, 28)),   # across the year
    (D(2026, 8, 31), "half_year", D(2027, 2, 28)),
    (D(2026, 5, 31), "month", D(2026, 6, 30)),
])
def test_goal_span_examples(start: D, horizon: str, end: D) -> None:
    assert horizon_end(start, horizon) == end
    assert goal_span(start, horizon) == (start, end)


def test_add_months_clamps_and_goes_back() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)
    assert months_before(D(2028, 2, 29), 12) == D(2027, 2, 28)
    assert months_before(D(2026, 1, 15), 13) == D(2024, 12, 15)


def test_periods_and_labels() -> None:
    assert period_of("weekly", D(2026, 1, 1)) == (D(2025, 12, 29), D(2026, 1, 4))
    assert period_of("quarterly", D(2024, 2, 29)) == (D(2024, 1, 1), D(2024, 3, 31))
    assert iso_week(D(2026, 12, 31)) == 53 and iso_week(D(2027, 1, 4)) == 1
    week = period_of("weekly", D(2026, 1, 7))
    assert (label("weekly", week, "en"), label("weekly", week, "zh")) == ("W02 01-05", "第2周 01-05")
    q = period_of("quarterly", D(2026, 5, 5))
    assert (label("quarterly", q, "en"), label("quarterly", q, "zh")) == ("2026 Q2", "2026年Q2")
    m = period_of("monthly", D(2026, 5, 5))
    assert (label("monthly", m, "en"), label("monthly", m, "zh")) == ("2026-05", "2026年5月")
    with pytest.raises(ValueError, match="unknown frequency"):
        period_of("hourly", D(2026, 1, 1))


@pytest.mark.parametrize(("start", "weekday", "expect"), [
    ("2026-07-01", "wednesday", "2026-07-01"), ("2026-07-01", "tuesday", "2026-07-07"),
    ("2026-12-31", "friday", "2027-01-01")])
def test_next_weekday(start: str, weekday: str, expect: str) -> None:
    assert next_weekday(D.fromisoformat(start), weekday) == D.fromisoformat(expect)


def test_review_dates_cross_the_year() -> None:
    d = D(2026, 12, 20)
    assert next_month_day(d, 3) == D(2027, 1, 3)
    assert next_month_day(d, 20) == D(2026, 12, 20)
    assert next_month_day(D(2026, 1, 31), 28) == D(2026, 2, 28)
    assert next_quarter_day(d, 10) == D(2027, 1, 10)
    assert next_quarter_day(D(2026, 1, 10), 10) == D(2026, 1, 10)
    assert next_quarter_day(D(2026, 1, 11), 10) == D(2026, 4, 10)
    assert next_quarter_day(D(2026, 2, 1), 1) == D(2026, 4, 1)
    assert next_monday(D(2026, 1, 5)) == D(2026, 1, 5) and next_monday(D(2026, 1, 6)) == D(2026, 1, 12)


# --- properties ---------------------------------------------------------------------------------

@given(dates, horizons)
def test_span_is_the_horizons_months_from_the_start(start: D, horizon: str) -> None:
    n = HORIZON_MONTHS[horizon]
    end = horizon_end(start, horizon)
    assert start <= end
    # The span holds n whole months: at least 28 days each, at most 31.
    assert 28 * n - 3 <= (end - start).days + 1 <= 31 * n + 1
    # Its last month is the n-th month after the start's eve.
    eve = start - dt.timedelta(days=1)
    assert (end.year * 12 + end.month) - (eve.year * 12 + eve.month) == n


@given(dates, horizons)
def test_span_agrees_with_plain_month_addition_when_nothing_is_clamped(start: D, horizon: str) -> None:
    if 2 <= start.day <= 28:
        plain = add_months(start, HORIZON_MONTHS[horizon]) - dt.timedelta(days=1)
        assert horizon_end(start, horizon) == plain


@given(dates, horizons)
def test_a_span_from_the_first_is_calendar_months(start: D, horizon: str) -> None:
    first = start.replace(day=1)
    end = horizon_end(first, horizon)
    assert is_month_end(end)
    assert end == month_end(add_months(first, HORIZON_MONTHS[horizon] - 1))


@given(dates, dates, horizons)
def test_span_end_is_monotonic_in_the_start(a: D, b: D, horizon: str) -> None:
    a, b = sorted((a, b))
    assert horizon_end(a, horizon) <= horizon_end(b, horizon)


@given(dates, st.sampled_from(FREQUENCIES))
def test_period_contains_the_day_and_is_stable(d: D, frequency: str) -> None:
    first, last = period_of(frequency, d)
    assert first <= d <= last
    assert period_of(frequency, first) == (first, last) == period_of(frequency, last)
    if frequency == "weekly":
        assert first.weekday() == 0 and (last - first).days == 6
        assert iso_week(first) == iso_week(last)
    if frequency in ("monthly", "quarterly"):
        assert first.day == 1 and is_month_end(last)
    if frequency == "quarterly":
        assert first.month in (1, 4, 7, 10) and (last.month - first.month) == 2


@given(dates, dates, st.sampled_from(FREQUENCIES))
def test_periods_tile_the_days_without_gap_or_overlap(a: D, b: D, frequency: str) -> None:
    a, b = sorted((a, b))
    if (b - a).days > 800:
        b = a + dt.timedelta(days=800)
    ps = periods(frequency, a, b)
    assert ps[0][0] <= a and ps[-1][1] >= b
    for (_, last), (first, _) in zip(ps, ps[1:], strict=False):
        assert first == last + dt.timedelta(days=1)


@given(dates, st.integers(-240, 240))
def test_add_months_is_clamped_month_shift(d: D, n: int) -> None:
    moved = add_months(d, n)
    assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == n
    assert moved.day == min(d.day, month_end(moved).day)


@given(dates, st.sampled_from(["monday", "wednesday", "sunday"]), st.integers(1, 28))
def test_review_dates_are_the_first_on_or_after_the_start(d: D, weekday: str, day: int) -> None:
    w = next_weekday(d, weekday)
    assert 0 <= (w - d).days < 7 and w.strftime("%A").lower() == weekday
    m = next_month_day(d, day)
    assert m >= d and m.day == day and (m - d).days < 31
    q = next_quarter_day(d, day)
    assert q >= d and q.day == day and q.month in (1, 4, 7, 10) and (q - d).days < 92


# --- every user of a goal span agrees ----------------------------------------------------------

def test_the_dashboard_the_workbook_and_the_check_end_a_quarter_from_jan_31_on_apr_30() -> None:
    """The drift of issue 13: the store's copy ended this quarter on 04-29."""
    from pathlib import Path

    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.doctor.goals import due_limit
    from linkstar_kit.engine.select import select
    from linkstar_kit.kit.blueprints import Blueprints
    from linkstar_kit.kit.context import KitContext
    from linkstar_kit.kit.dashboards import model
    from linkstar_kit.kit.scorecard import build_workbook
    from linkstar_kit.library.loader import load_library

    library = load_library()
    example = Path(__file__).resolve().parents[1] / "examples" / "amazon-us.yaml"
    answers = load_answers(example, library)
    answers = answers.model_copy(update={"scope": answers.scope.model_copy(
        update={"start": D(2026, 1, 31), "horizon": "quarter"})})
    ctx = KitContext(answers, select(answers, library), library, Blueprints())
    assert model(ctx)["time"] == {"from": "2026-01-31", "to": "2026-04-30"}
    assert due_limit(D(2026, 1, 31), "quarter") == D(2026, 4, 30)
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(build_workbook(ctx)))
    texts = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any("2026-01-31 – 2026-04-30" in t for t in texts)
    assert not any("2026-04-29" in t for t in texts)
