"""The sale calendar: moving dates from rules, events kept by region, platform and span."""

from __future__ import annotations

import datetime as dt

from linkstar_kit.season import load_calendar, months_of

D = dt.date


def ids(occ):
    return [o.event.id for o in occ]


def test_black_friday_is_the_day_after_thanksgiving():
    cal = load_calendar()
    occ = cal.occurrences(D(2026, 11, 1), D(2026, 11, 30), regions={"north_america"})
    bf = next(o for o in occ if o.event.id == "black_friday_cyber_monday")
    assert (bf.start, bf.end) == (D(2026, 11, 27), D(2026, 11, 30))  # Friday to Cyber Monday
    bf27 = next(o for o in cal.occurrences(D(2027, 11, 1), D(2027, 11, 30), regions={"europe"})
                if o.event.id == "black_friday_cyber_monday")
    assert bf27.start == D(2027, 11, 26)


def test_an_april_to_june_sea_scope_has_the_double_days_and_no_black_friday():
    cal = load_calendar()
    regions = cal.regions_of(["MY", "PH"])
    assert regions == {"southeast_asia"}
    got = ids(cal.occurrences(D(2027, 4, 1), D(2027, 6, 30), regions=regions,
                              platforms={"lazada", "shopee"}))
    assert {"double_4", "double_5", "double_6", "payday_sale"} <= set(got)
    assert not {"black_friday_cyber_monday", "double_11", "double_12", "prime_day"} & set(got)


def test_prime_day_only_for_amazon_and_ramadan_and_cny_from_the_holiday_tables():
    cal = load_calendar()
    july = (D(2026, 7, 1), D(2026, 7, 31))
    assert "prime_day" in ids(cal.occurrences(*july, regions={"north_america"}, platforms={"amazon"}))
    assert "prime_day" not in ids(cal.occurrences(*july, regions={"north_america"},
                                                  platforms={"walmart"}))
    spring = cal.occurrences(D(2027, 1, 1), D(2027, 3, 31), regions={"southeast_asia"})
    ram = next(o for o in spring if o.event.id == "ramadan")
    assert D(2027, 2, 5) <= ram.start <= D(2027, 2, 12)  # Ramadan 1448 begins about 8 Feb 2027
    cny = next(o for o in spring if o.event.id == "chinese_new_year")
    assert cny.start <= D(2027, 2, 6) <= cny.end


def test_an_occurrence_counts_its_days_inside_a_span_and_months_of_a_span():
    cal = load_calendar()
    bf = next(o for o in cal.occurrences(D(2026, 11, 1), D(2026, 12, 31), regions={"europe"})
              if o.event.id == "black_friday_cyber_monday")
    assert bf.days_in(D(2026, 11, 1), D(2026, 11, 29)) == 3
    assert bf.days_in(D(2026, 12, 1), D(2026, 12, 31)) == 0
    assert months_of(D(2027, 1, 4), D(2027, 4, 3)) == [D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 1),
                                                        D(2027, 4, 1)]


def test_the_payday_sale_runs_from_the_25th_to_the_last_day_of_each_month():
    # the payday falls on the last working days of the month: a fixed 5-day window left the
    # 30th and 31st out and ran a February sale into March
    cal = load_calendar()
    occ = [o for o in cal.occurrences(D(2027, 1, 1), D(2027, 12, 31), regions={"southeast_asia"})
           if o.event.id == "payday_sale"]
    spans = {o.start.month: (o.start, o.end) for o in occ if o.start.year == 2027}
    assert spans[1] == (D(2027, 1, 25), D(2027, 1, 31))    # a 31-day month: to the 31st
    assert spans[2] == (D(2027, 2, 25), D(2027, 2, 28))    # February: never into March
    assert spans[4] == (D(2027, 4, 25), D(2027, 4, 30))
    leap = next(o for o in cal.occurrences(D(2028, 2, 1), D(2028, 2, 29),
                                           regions={"southeast_asia"})
                if o.event.id == "payday_sale")
    assert (leap.start, leap.end) == (D(2028, 2, 25), D(2028, 2, 29))
    march_first = cal.occurrences(D(2027, 3, 1), D(2027, 3, 1), regions={"southeast_asia"})
    assert "payday_sale" not in ids(march_first)
    # a December sale ends on the 31st: no day of it is dated in the next year
    dec = next(o for o in cal.occurrences(D(2026, 12, 1), D(2026, 12, 31),
                                          regions={"southeast_asia"})
               if o.event.id == "payday_sale" and o.start.month == 12)
    assert (dec.start, dec.end) == (D(2026, 12, 25), D(2026, 12, 31))
    assert dec.days_in(D(2026, 12, 1), D(2026, 12, 31)) == 7


def test_a_calendar_refuses_a_month_end_window_with_a_length_too():
    import pytest

    from linkstar_kit.season import parse_calendar

    bad = {"regions": {"southeast_asia": ["MY"]},
           "events": [{"id": "x", "name": {"en": "x", "zh": "x"}, "regions": ["southeast_asia"],
                       "when": {"monthly_day": 25, "days": 5, "until": "month_end"}}]}
    with pytest.raises(ValueError, match="until"):
        parse_calendar(bad)
