"""Review agendas (timeboxed, owned, grounded in the method) and the review calendar (.ics)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from libfactory import answers, kpi, write_library
from linkstar_kit.answers.models import Answers
from linkstar_kit.engine.select import select
from linkstar_kit.kit.agendas import KINDS, build_agendas, render_agendas, timebox
from linkstar_kit.kit.blueprints import Blueprints, shipped_blueprints_dir
from linkstar_kit.kit.calendar import render_calendar, uid
from linkstar_kit.kit.context import KitContext
from linkstar_kit.kit.generate import build_files
from linkstar_kit.library.loader import Library, load_library

ROLES = [
    {"role": "operations", "key": "ops", "title": "Amazon 运营 *lead*", "headcount": 3},
    {"role": "customer_service", "key": "cs", "title": "客服 | after-sales", "headcount": 2},
    {"role": "finance", "key": "fin"},
]


def kpis() -> list[dict]:
    return [
        kpi("gmv", {"operations": 5, "team_lead": 10, "finance": 4}, unit="currency"),
        kpi("net_margin", {"finance": 10, "team_lead": 9}),
        kpi("conversion_rate", {"operations": 9}, kind="lead", drives=["gmv"]),
        kpi("sessions", {"operations": 8}, kind="lead", unit="count", drives=["gmv"]),
        kpi("acos", {"operations": 7, "advertising": 10}, kind="lead", direction="lower",
            counter=["ad_sales"], drives=["net_margin"],
            targets=[{"op": "<=", "value": 0.25, "kind": "method", "source": "LinkStar",
                      "as_of": "2026-01-01"}]),
        kpi("ad_sales", {"advertising": 2, "operations": 1}, unit="currency", drives=["gmv"]),
        kpi("odr", {"operations": 6, "customer_service": 10}, direction="lower",
            platforms=["amazon"],
            targets=[{"platform": "amazon", "op": "<", "value": 0.01, "kind": "official",
                      "source": "Amazon Seller Central help", "as_of": "2026-01-15"}]),
        kpi("response_h", {"customer_service": 9}, kind="lead", unit="hours", direction="lower"),
        kpi("csat", {"customer_service": 7}),
        kpi("reviews", {"customer_service": 6, "operations": 3}, kind="lead", unit="count"),
        kpi("gross_margin", {"finance": 9}, drives=["net_margin"]),
        kpi("cash_days", {"finance": 7}, kind="lead", unit="days", direction="lower"),
        kpi("invoice_lag", {"finance": 6}, kind="lead", unit="days", direction="lower"),
    ]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(base=write_library(tmp_path_factory.mktemp("lib") / "lib", kpis()))


def make_answers(lang: str = "en", tz: str = "Asia/Shanghai", start: str = "2026-07-01",
                 review: dict[str, Any] | None = None, roles: list[dict] | None = None,
                 horizon: str = "quarter", **over: Any) -> Answers:
    data = answers(client={"name": "Starriver 星河", "slug": "starriver", "language": lang,
                           "timezone": tz},
                   scope={"level": "company", "start": start, "horizon": horizon},
                   goals=[{"kpi": "gmv", "target": 1000000, "by": "2026-12-31"}],
                   roles=roles or ROLES, **over)
    if review is not None:
        data["review"] = review
    return Answers.model_validate(data)


def make_ctx(library: Library, blueprints: Blueprints | None = None, **kw: Any) -> KitContext:
    a = make_answers(**kw)
    return KitContext(a, select(a, library), library, blueprints or Blueprints())


def review(weekly: int = 60, monthly: int = 120, quarterly: int | bool = 180) -> dict[str, Any]:
    return {"weekly": {"weekday": "monday", "time": "10:00", "minutes": weekly},
            "monthly": {"day": 3, "time": "14:00", "minutes": monthly},
            "quarterly": (False if quarterly is False
                          else {"day": 10, "time": "14:00", "minutes": quarterly})}


def clock(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


# --- timebox -------------------------------------------------------------------------------

@pytest.mark.parametrize("total", [15, 16, 17, 29, 30, 45, 59, 60, 61, 89, 90, 97, 120, 179,
                                   180, 239, 479, 480])
@pytest.mark.parametrize("weights", [[4, 7, 7, 9, 9, 50, 8, 5], [1, 1, 1], [3, 97],
                                     [8, 8, 12, 12, 6, 25, 20, 6], [1] * 15])
def test_timebox_sums_exactly_and_gives_every_item_time(total: int, weights: list[int]) -> None:
    mins = timebox(weights, total)
    assert sum(mins) == total
    assert len(mins) == len(weights)
    assert min(mins) >= 1
    biggest = weights.index(max(weights))
    assert mins[biggest] == max(mins)


def test_timebox_is_proportional_and_uses_five_minute_blocks_when_it_can() -> None:
    assert timebox([1, 2, 3], 60) == [10, 20, 30]
    assert timebox([5, 5, 10, 5, 5, 60, 5], 90) == [5, 5, 10, 5, 5, 55, 5]
    assert all(m % 5 == 0 for m in timebox([4, 7, 7, 9, 9, 50, 8, 5], 120))
    # an odd length cannot use 5-minute blocks; the remainder lands deterministically
    assert timebox([1, 1, 1], 61) == [21, 20, 20]
    assert timebox([1, 1, 1], 61) == timebox([1, 1, 1], 61)


def test_timebox_refuses_what_cannot_fit() -> None:
    with pytest.raises(ValueError):
        timebox([1, 1, 1], 2)
    with pytest.raises(ValueError):
        timebox([], 60)


# --- agendas -------------------------------------------------------------------------------

@pytest.mark.parametrize("minutes", [15, 45, 61, 97, 480])
def test_agenda_minutes_add_up_to_the_meeting_length(library: Library, minutes: int) -> None:
    ctx = make_ctx(library, review=review(minutes, minutes, minutes))
    agendas = build_agendas(ctx)
    assert set(agendas) == set(KINDS)
    for kind, agenda in agendas.items():
        items = agenda.items
        assert sum(it.minutes for it in items) == minutes, kind
        assert all(it.minutes >= 1 for it in items)
        # the clock times chain without gaps from the start to the end of the meeting
        start = clock(items[0].start)
        assert items[0].start == ("10:00" if kind == "weekly" else "14:00")
        for a, b in zip(items, items[1:], strict=False):
            assert a.end == b.start
        for it in items:
            assert (clock(it.end) - clock(it.start)) % 1440 == it.minutes
        assert (clock(items[-1].end) - start) % 1440 == minutes % 1440


@pytest.mark.parametrize("minutes", [15, 45, 61, 480])
def test_markdown_table_minutes_add_up(library: Library, minutes: int) -> None:
    docs = render_agendas(make_ctx(library, review=review(minutes, minutes, minutes)))
    for path, text in docs.items():
        table = text.split("## Agenda\n", 1)[1].split("\n## ", 1)[0]
        rows = [r for r in table.splitlines() if r.startswith("| ") and r[2].isdigit()]
        assert len(rows) == (9 if "weekly" in path else 8), path
        assert sum(int(r.split("|")[3]) for r in rows) == minutes, path


def test_problem_solving_is_the_biggest_block(library: Library) -> None:
    many = [{"role": "operations", "key": f"ops-{i}", "title": f"Ops {i}"} for i in range(12)]
    for roles in (ROLES, many):
        agendas = build_agendas(make_ctx(library, roles=roles, review=review(90, 120, 180)))
        weekly = {it.key: it.minutes for it in agendas["weekly"].items}
        assert weekly["ids"] == max(weekly.values())
        monthly = {it.key: it.minutes for it in agendas["monthly"].items}
        assert monthly["causes"] == max(monthly.values())


def test_every_item_names_its_owner_role(library: Library) -> None:
    ctx = make_ctx(library)
    titles = ["Amazon 运营 *lead*", "客服 | after-sales"]
    for agenda in build_agendas(ctx).values():
        for it in agenda.items:
            assert it.owners and all(o.strip() for o in it.owners), (agenda.kind, it.key)
    weekly = {it.key: it for it in build_agendas(ctx)["weekly"].items}
    for key in ("account", "annotate", "commit"):
        for t in titles:
            assert t in weekly[key].owners
    # finance owns the data check, and money comes last in the outputs
    monthly = {it.key: it for it in build_agendas(ctx)["monthly"].items}
    fin_title = monthly["data_check"].owners[0]
    assert fin_title != "Amazon 运营 *lead*"
    assert weekly["outputs"].owners[-1] == fin_title
    # without a team lead role in the answers, the operations role chairs (issue 20: never
    # "Chair (team lead)" for a team that has none)
    assert weekly["ids"].owners == ["Amazon 运营 *lead*"]


def test_chair_without_lead_or_operations_is_the_scope_owner(library: Library) -> None:
    roles = [r for r in ROLES if r["role"] != "operations"]
    ctx = make_ctx(library, roles=roles)
    weekly = {it.key: it for it in build_agendas(ctx)["weekly"].items}
    assert weekly["ids"].owners == ["Business owner"]
    a = make_answers(roles=roles)
    a = a.model_copy(update={"scope": a.scope.model_copy(
        update={"level": "business_unit", "name": "EU unit"})})
    ctx = KitContext(a, select(a, library), library, Blueprints())
    assert build_agendas(ctx)["weekly"].chair == "Head of EU unit"


def test_two_operations_roles_leave_the_chair_to_the_owner(library: Library) -> None:
    """Lazada and Shopee managers are peers: neither chairs the other's review (issue 20)."""
    roles = ROLES + [{"role": "operations", "key": "ops-2", "title": "Shopee 运营",
                      "platforms": ["amazon"]}]
    weekly = build_agendas(make_ctx(library, roles=roles))["weekly"]
    assert weekly.chair == "Business owner"
    assert {it.key: it for it in weekly.items}["ids"].owners == ["Business owner"]


def test_chair_is_the_clients_team_lead_when_there_is_one(library: Library) -> None:
    roles = ROLES + [{"role": "team_lead", "key": "boss", "title": "总经理"}]
    weekly = build_agendas(make_ctx(library, roles=roles))["weekly"]
    assert weekly.chair == "总经理"
    assert {it.key: it for it in weekly.items}["ids"].owners == ["总经理"]


def test_weekly_follows_the_method(library: Library) -> None:
    weekly = build_agendas(make_ctx(library))["weekly"]
    keys = [it.key for it in weekly.items]
    # segue first; spikes annotated before anyone reads the scorecard; inputs before outputs;
    # then the Level 10 order: last week's to-dos, headlines, the issues list; commitments for
    # next week, then the wrap-up with a rating
    assert keys == ["segue", "annotate", "inputs", "outputs", "account", "headlines", "ids",
                    "commit", "conclude"]
    items = {it.key: it for it in weekly.items}
    assert "routine or exceptional" in items["annotate"].guide
    assert "issues list" in items["inputs"].guide
    lead_text = " ".join(p.text for p in items["inputs"].points)
    lag_text = " ".join(p.text for p in items["outputs"].points)
    assert "Conversion Rate" in lead_text and "Conversion Rate" not in lag_text
    assert "Acos ≤ 25%" in lead_text  # a one-platform role's targets carry no platform label
    assert "1 to 10" in items["conclude"].guide
    assert "one or two" in items["commit"].guide


def test_weekly_markdown_has_the_annotation_step_and_client_roles(library: Library) -> None:
    md = render_agendas(make_ctx(library))["agendas/weekly-review.md"]
    assert "Annotate the spikes before judging them" in md
    assert "## Annotation log" in md
    assert "## Issues list" in md
    # the client's titles, escaped for Markdown and table cells
    assert "Amazon 运营 \\*lead\\*" in md
    assert "客服 \\| after-sales" in md
    assert "every Monday, 10:00 (Asia/Shanghai)" in md


def test_monthly_covers_deviations_causes_fixes_and_pairs(library: Library) -> None:
    monthly = build_agendas(make_ctx(library))["monthly"]
    keys = [it.key for it in monthly.items]
    assert keys.index("data_check") < keys.index("inputs") < keys.index("outputs") \
        < keys.index("causes") < keys.index("fixes")
    pairs = {it.key: it for it in monthly.items}["pairs"]
    assert any("Acos ↔ Ad Sales" in p.text for p in pairs.points)


def test_quarterly_reviews_the_kpis_themselves(library: Library) -> None:
    quarterly = build_agendas(make_ctx(library))["quarterly"]
    items = {it.key: it for it in quarterly.items}
    keys = list(items)
    for key in ("goals", "voice", "fit", "targets", "contributions", "priorities"):
        assert key in items
    # the people who carry the KPIs speak before anything is changed
    assert keys.index("voice") < keys.index("fit") < keys.index("targets")
    assert any("Odr" in p.text and "official" in p.text and "2026-01-15" in p.text
               for p in items["targets"].points)
    assert items["contributions"].points, "contributions that numbers miss are listed"
    md = render_agendas(make_ctx(library))["agendas/quarterly-review.md"]
    assert "## KPI decisions" in md
    # one row per role and KPI; the title a client typed is escaped, not turned into italics
    assert "| Amazon 运营 \\*lead\\* | " in md and "| | | |" in md


def test_quarterly_is_omitted_when_opted_out(library: Library) -> None:
    ctx = make_ctx(library, review=review(quarterly=False))
    docs = render_agendas(ctx)
    assert sorted(docs) == ["agendas/monthly-review.md", "agendas/weekly-review.md"]
    cal = Calendar.from_ical(render_calendar(ctx))
    assert sorted({str(e["UID"]) for e in cal.walk("VEVENT")}) == [
        uid("starriver", "monthly"), uid("starriver", "weekly")]


def test_chinese_agendas_read_as_chinese(library: Library) -> None:
    docs = render_agendas(make_ctx(library, lang="zh"))
    weekly = docs["agendas/weekly-review.md"]
    assert weekly.startswith("# 周会 · Starriver 星河")
    assert "异常波动先标注，再评判" in weekly
    assert "每周一 10:00（Asia/Shanghai）" in weekly
    assert "## 问题清单" in weekly
    assert "Annotate" not in weekly and "Owner" not in weekly
    quarterly = docs["agendas/quarterly-review.md"]
    assert "指标承担者先发言" in quarterly and "目标重设" in quarterly
    assert "数字里看不到的贡献" in quarterly
    assert "1、4、7、10 月" in quarterly


def test_agendas_are_deterministic(library: Library) -> None:
    assert render_agendas(make_ctx(library)) == render_agendas(make_ctx(library))


def test_a_user_blueprint_overrides_the_agendas(library: Library, tmp_path: Path) -> None:
    user = tmp_path / "bp"
    shutil.copytree(shipped_blueprints_dir() / "agendas", user / "agendas")
    weekly = user / "agendas" / "{{cookiecutter.out}}" / "agendas" / "weekly-review.md"
    weekly.write_text("BRANDED\n" + weekly.read_text(encoding="utf-8"), encoding="utf-8")
    docs = render_agendas(make_ctx(library, blueprints=Blueprints(user)))
    assert docs["agendas/weekly-review.md"].startswith("BRANDED")


# --- calendar ------------------------------------------------------------------------------

def events(ics: bytes) -> dict[str, Any]:
    """Each series' master event (not its moved occurrences)."""
    cal = Calendar.from_ical(ics)
    return {str(e["UID"]).split("-review.")[0]: e for e in cal.walk("VEVENT")
            if "RECURRENCE-ID" not in e}


def held(ics: bytes) -> dict[str, list[dt.date]]:
    """{series: the days its meetings are held}: the rule expanded up to UNTIL, with each
    occurrence moved by an override (RECURRENCE-ID) where there is one, as a calendar client
    shows them."""
    from dateutil.rrule import rrulestr

    cal = Calendar.from_ical(ics)
    out: dict[str, list[dt.date]] = {}
    for name, master in events(ics).items():
        start = master.decoded("DTSTART")
        rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=start)
        moved = {e.decoded("RECURRENCE-ID"): e.decoded("DTSTART") for e in cal.walk("VEVENT")
                 if "RECURRENCE-ID" in e and str(e["UID"]) == str(master["UID"])}
        days = list(rule)
        assert set(moved) <= set(days), "an override must name an occurrence of the rule"
        out[name] = [moved.get(d, d).date() for d in days]
    return out


def test_calendar_parses_with_three_series_in_the_clients_zone(library: Library) -> None:
    ctx = make_ctx(library)
    ics = render_calendar(ctx)
    cal = Calendar.from_ical(ics)
    tzs = cal.walk("VTIMEZONE")
    assert [str(t["TZID"]) for t in tzs] == ["Asia/Shanghai"]
    ev = events(ics)
    assert sorted(ev) == ["monthly", "quarterly", "weekly"]
    rr = {k: e["RRULE"].to_ical().decode() for k, e in ev.items()}
    # every series ends with the review of the scope's last week, month and quarter (the
    # scope ends 2026-09-30): the quarter is reviewed once, after it ends
    assert rr == {"weekly": "FREQ=WEEKLY;UNTIL=20261005T020000Z;BYDAY=MO",
                  "monthly": "FREQ=MONTHLY;UNTIL=20261015T060000Z;BYMONTHDAY=15",
                  "quarterly": "FREQ=MONTHLY;UNTIL=20261010T060000Z;INTERVAL=3;BYMONTHDAY=10"}
    for e in ev.values():
        assert e["DTSTART"].params["TZID"] == "Asia/Shanghai"
    # scope starts Wednesday 2026-07-01: first Monday, the 15th after the scope's first month
    # (July is reviewed in August, never July 15th, before a month of data), and the
    # quarterly review after the scope's quarter, on the next quarter month's 10th
    starts = {k: e.decoded("DTSTART") for k, e in ev.items()}
    assert starts["weekly"].replace(tzinfo=None) == dt.datetime(2026, 7, 6, 10, 0)
    assert starts["monthly"].replace(tzinfo=None) == dt.datetime(2026, 8, 15, 14, 0)
    assert starts["quarterly"].replace(tzinfo=None) == dt.datetime(2026, 10, 10, 14, 0)
    # 10:00 in Shanghai is 02:00 UTC
    assert starts["weekly"].astimezone(dt.timezone.utc) == dt.datetime(
        2026, 7, 6, 2, 0, tzinfo=dt.timezone.utc)
    durations = {k: e.decoded("DURATION") for k, e in ev.items()}
    assert durations == {"weekly": dt.timedelta(minutes=60),
                         "monthly": dt.timedelta(minutes=120),
                         "quarterly": dt.timedelta(minutes=180)}
    assert b"\r\nBEGIN:VTIMEZONE\r\n" in ics


def test_quarterly_recurrence_lands_on_quarter_months(library: Library) -> None:
    from dateutil.rrule import rrulestr

    ics = render_calendar(make_ctx(library, start="2026-07-15", horizon="year"))
    q = events(ics)["quarterly"]
    start = q.decoded("DTSTART")
    assert start.replace(tzinfo=None) == dt.datetime(2026, 10, 10, 14, 0)
    rule = rrulestr(q["RRULE"].to_ical().decode(), dtstart=start)
    # after each calendar quarter the scope runs in; the year ends 2027-07-14, so the last
    # one, after it, reviews the quarter it ends in
    assert [d.date() for d in rule] == [dt.date(2026, 10, 10), dt.date(2027, 1, 10),
                                        dt.date(2027, 4, 10), dt.date(2027, 7, 10),
                                        dt.date(2027, 10, 10)]
    # 2026-10-10 is a Saturday and 2027-04-10 too: held the Monday after, as is 2027-07-10
    # and the Sunday 2027-10-10
    assert held(ics)["quarterly"] == [dt.date(2026, 10, 12), dt.date(2027, 1, 11),
                                      dt.date(2027, 4, 12), dt.date(2027, 7, 12),
                                      dt.date(2027, 10, 11)]
    # the scope starts on the 15th: July is reviewed on August 15th, not on its first day
    assert events(ics)["monthly"].decoded("DTSTART").date() == dt.date(2026, 8, 15)


def test_berlin_first_meetings_move_off_saturdays_and_holidays(library: Library) -> None:
    """The issue's dates: 2026-10-03 (a Saturday and German Unity Day) and 2026-10-10 (a
    Saturday) for a team in Berlin from October; 2026-01-10 from January."""
    rv = review()
    ics = render_calendar(make_ctx(library, tz="Europe/Berlin", start="2026-09-01", review=rv))
    # September is reviewed on 2026-10-03, a Saturday and German Unity Day: the Monday after
    assert held(ics)["monthly"][0] == dt.date(2026, 10, 5)
    ics = render_calendar(make_ctx(library, tz="Europe/Berlin", start="2026-10-01", review=rv))
    days = held(ics)
    assert days["monthly"][0] == dt.date(2026, 11, 3)   # after October, the scope's first month
    # the quarterly review meets after the scope's quarter: 2027-01-10 is a Sunday
    assert days["quarterly"] == [dt.date(2027, 1, 11)]
    ics = render_calendar(make_ctx(library, tz="Europe/Berlin", start="2026-01-01", review=rv))
    assert held(ics)["quarterly"][0] == dt.date(2026, 4, 10)
    from linkstar_kit.workdays import Workdays

    berlin = Workdays("DE")
    for series, ds in held(ics).items():
        assert all(berlin.is_working(d) for d in ds), series


def test_china_national_day_by_zone_and_by_answer(library: Library) -> None:
    from linkstar_kit.workdays import Workdays

    rv = review()
    china = Workdays("CN")
    assert china.holiday(dt.date(2026, 10, 3)) is not None
    # September's review falls on 10-03, in the National Day holiday: moved past it
    ics = render_calendar(make_ctx(library, tz="Asia/Shanghai", start="2026-09-01", review=rv))
    first = held(ics)["monthly"][0]
    assert first > dt.date(2026, 10, 3) and china.is_working(first)
    assert all(china.is_working(d) for ds in held(ics).values() for d in ds)
    # a team in Berlin meeting on China's calendar says so in the answers
    ics = render_calendar(make_ctx(library, tz="Europe/Berlin", start="2026-09-01",
                                   review={**rv, "country": "CN"}))
    assert held(ics)["monthly"][0] == first


def test_every_series_ends_with_the_scope(library: Library) -> None:
    ics = render_calendar(make_ctx(library, start="2026-10-01"))
    days = held(ics)
    end = dt.date(2026, 12, 31)
    # one review after the end for the last week, month and quarter; the quarterly one only
    # after the scope's quarter, never inside it
    assert days["weekly"][-1] > end and days["weekly"][-2] <= end
    assert days["monthly"][-1] > end and days["monthly"][-2] <= end
    assert days["quarterly"] == [dt.date(2027, 1, 11)]


def test_calendar_is_byte_identical_and_uids_stable(library: Library) -> None:
    one = render_calendar(make_ctx(library))
    two = render_calendar(make_ctx(library))
    assert one == two
    uids = [str(e["UID"]) for e in Calendar.from_ical(one).walk("VEVENT")]
    assert len(set(uids)) == 3
    assert all("starriver" in u for u in uids)
    # a changed meeting length changes the event, not its identity
    other = render_calendar(make_ctx(library, review=review(45, 90, 240)))
    assert [str(e["UID"]) for e in Calendar.from_ical(other).walk("VEVENT")] == uids
    assert other != one
    stamps = {e["DTSTAMP"].to_ical() for e in Calendar.from_ical(one).walk("VEVENT")}
    assert stamps == {b"20260701T000000Z"}


def test_calendar_description_is_the_agenda_outline(library: Library) -> None:
    ctx = make_ctx(library, lang="zh")
    ev = events(render_calendar(ctx))
    weekly = build_agendas(ctx)["weekly"]
    assert str(ev["weekly"]["SUMMARY"]) == "周会 · Starriver 星河"
    desc = str(ev["weekly"]["DESCRIPTION"])
    for it in weekly.items:
        assert f"{it.start}–{it.end}（{it.minutes} 分钟）{it.title}" in desc
        assert "、".join(it.owners) in desc
    assert "agendas/weekly-review.html" in desc


def test_time_zone_with_daylight_saving(library: Library) -> None:
    ctx = make_ctx(library, tz="America/New_York", start="2026-01-05")
    ics = render_calendar(ctx)
    cal = Calendar.from_ical(ics)
    tz = cal.walk("VTIMEZONE")[0]
    assert str(tz["TZID"]) == "America/New_York"
    assert tz.walk("DAYLIGHT") and tz.walk("STANDARD")
    start = events(ics)["weekly"].decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=-5)
    # the first weekly review meets after the scope's first week (Monday 5 January)
    assert start.replace(tzinfo=None) == dt.datetime(2026, 1, 12, 10, 0)


def test_generate_writes_agendas_and_calendar(library: Library) -> None:
    a = make_answers()
    files, _ = build_files(a, library, formats=["md", "ics"])
    for path in ("agendas/weekly-review.md", "agendas/monthly-review.md",
                 "agendas/quarterly-review.md", "calendar/reviews.ics"):
        assert path in files.files
    again, _ = build_files(a, library, formats=["md", "ics"])
    assert again.files == files.files


def test_a_large_team_gets_a_readable_owner_column(library: Library) -> None:
    many = [{"role": "operations", "key": f"ops-{i}", "title": f"Ops {i}"} for i in range(12)]
    ctx = make_ctx(library, roles=many, review=review(45, 120, 240))
    weekly = build_agendas(ctx)["weekly"]
    account = {it.key: it for it in weekly.items}["account"]
    assert account.owners == [f"Ops {i}" for i in range(12)]  # every role is still named
    assert weekly.owner_short(account, "en") == "all 12 roles, one by one"
    md = render_agendas(ctx)["agendas/weekly-review.md"]
    assert "| all 12 roles, one by one |" in md
    assert "**Owner**: " + ", ".join(f"Ops {i}" for i in range(12)) in md
    assert sum(it.minutes for it in weekly.items) == 45


def _example_ctx(name: str, lang: str | None = None) -> KitContext:
    from linkstar_kit.answers.loader import load_answers

    lib = load_library()
    a = load_answers(Path(__file__).resolve().parents[1] / "examples" / f"{name}.yaml", lib)
    return KitContext(a, select(a, lib, language=lang), lib, Blueprints())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_meeting_reviews_its_own_cadence(lang: str) -> None:
    """Issue 10, item 5: the weekly agenda reviews the weekly (and daily) KPIs, the monthly the
    monthly ones and the month's weekly trend, the quarterly the quarterly KPIs. The cadence is
    the KPI's frequency id, whatever the document's language."""
    ctx = _example_ctx("multi-platform-30", lang)
    agendas = build_agendas(ctx)
    by_freq: dict[str, set[str]] = {}
    for r in ctx.view["roles"]:
        for k in r["kpis"]:
            by_freq.setdefault(k["frequency_id"], set()).add(k["short"])
    assert by_freq.get("weekly") and by_freq.get("monthly") and by_freq.get("quarterly")

    def shown(kind: str, keys: tuple[str, ...]) -> str:
        items = [it for it in agendas[kind].items if it.key in keys]
        return "\n".join(p.text for it in items for p in it.points)

    weekly = shown("weekly", ("inputs", "outputs"))
    monthly_only = by_freq["monthly"] - by_freq["weekly"] - by_freq.get("daily", set())
    assert all(k not in weekly for k in monthly_only if not any(
        k in w for w in by_freq["weekly"]))
    assert all(k in weekly for k in by_freq["weekly"])
    monthly = shown("monthly", ("inputs", "outputs"))
    assert all(k in monthly for k in by_freq["monthly"])
    trend = "weekly trend" if lang == "en" else "每周走势"
    assert trend in monthly
    quarterly = shown("quarterly", ("results",))
    assert all(k in quarterly for k in by_freq["quarterly"])


@pytest.mark.parametrize(("start", "first_month_review"), [
    ("2026-07-01", dt.date(2026, 8, 3)),    # a whole first month: reviewed in August
    ("2026-07-02", dt.date(2026, 8, 3)),    # its 3rd is past: still August, not July 3rd
    ("2026-07-03", dt.date(2026, 8, 3)),    # starts on the review day: not that same day
    ("2026-12-20", dt.date(2027, 1, 4)),    # across the year (01-03 is a Sunday)
])
def test_the_first_monthly_review_meets_after_the_first_month(
        library: Library, start: str, first_month_review: dt.date) -> None:
    """The monthly review never meets inside the scope's first month (it would review the
    month before the KPI system existed, with no month of data), as the quarterly one meets
    after the first quarter; each agenda names its first meeting, the calendar's."""
    from linkstar_kit.kit.calendar import meeting_days

    ctx = make_ctx(library, start=start, review=review())
    days = held(render_calendar(ctx))
    from linkstar_kit.periods import period_of

    first = dt.date.fromisoformat(start)
    assert days["monthly"][0] == first_month_review
    assert days["monthly"][0] > period_of("monthly", first)[1]
    assert days["quarterly"][0] > period_of("quarterly", first)[1]
    # the weekly one after the scope's first week, and within the week after it
    assert period_of("weekly", first)[1] < days["weekly"][0]
    assert days["weekly"][0] <= period_of("weekly", first)[1] + dt.timedelta(days=7 + 4)
    from linkstar_kit.kit.agendas.render import render_agendas

    agendas = render_agendas(ctx)
    for series, ds in days.items():
        assert ds[0] == meeting_days(ctx)[series][0][1]
        assert f"first meeting {ds[0].isoformat()}" in agendas[f"agendas/{series}-review.md"]
    assert "after the scope's first month |" in agendas["agendas/monthly-review.md"]
    assert "after the scope's first week |" in agendas["agendas/weekly-review.md"]
    zh = render_agendas(make_ctx(library, lang="zh", start=start, review=review()))
    assert (f"首次 {days['monthly'][0].isoformat()}（体系运行的第一个月结束后） |"
            in zh["agendas/monthly-review.md"])
