"""The goal cascade (plans.py), partial periods (periods.period_shares), regional holidays
(workdays.py) and the links of a kit's calendar: issue 17 items 4-5 and issue 22."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from linkstar_kit.answers.models import Answers
from linkstar_kit.engine.models import GoalCascade, Selection
from linkstar_kit.engine.select import select
from linkstar_kit.history import History
from linkstar_kit.library.loader import Library, load_library
from linkstar_kit.pacing import goal_plans, platform_plans
from linkstar_kit.periods import ONE_DAY, goal_span, period_shares, share_label
from linkstar_kit.plans import allocate, goal_cascade

D = dt.date


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def answers(platforms: list[dict[str, Any]], *, start: str = "2026-07-01",
            horizon: str = "quarter", stage: str = "growth", level: str = "company",
            goals: list[dict[str, Any]] | None = None, roles: list[dict[str, Any]] | None = None,
            tz: str = "Asia/Shanghai", review: dict[str, Any] | None = None) -> Answers:
    end = goal_span(D.fromisoformat(start), horizon)[1].isoformat()
    data: dict[str, Any] = {
        "version": 1, "client": {"name": "Acme", "language": "en", "timezone": tz},
        "scope": {"level": level, "start": start, "horizon": horizon,
                  **({"name": "Q4 push"} if level != "company" else {})},
        "stage": stage, "team_size": 12, "platforms": platforms,
        "goals": goals if goals is not None else [{"kpi": "gmv", "target": 900000, "by": end}],
        "roles": roles or [{"role": "operations", "key": "ops-" + p["id"].replace("_", "-"),
                            "platforms": [p["id"]]} for p in platforms]
        + [{"role": "advertising"}, {"role": "finance"}],
    }
    if review:
        data["review"] = review
    return Answers.model_validate(data)


def cents(x: float) -> int:
    return round(x * 100)


def check_adds_up(c: GoalCascade, target: float) -> None:
    """Platforms add up to the company, sites to their platform, periods to the total: in
    cents, exactly."""
    assert sum(cents(p.value) for p in c.plan) == cents(target)
    for i, period in enumerate(c.plan):
        assert sum(cents(p.plan[i].value) for p in c.platforms) == cents(period.value)
        for p in c.platforms:
            if p.sites:
                assert sum(cents(s.plan[i].value) for s in p.sites) == cents(p.plan[i].value)
    assert sum(cents(p.total) for p in c.platforms) == cents(target)


PROFILES = {
    "lazada+shopee": dict(platforms=[{"id": "lazada", "sites": ["MY", "TH", "PH", "VN"]},
                                     {"id": "shopee", "sites": ["SG", "MY", "TH"]}]),
    "amazon+walmart+shopify+tiktok": dict(platforms=[
        {"id": "amazon", "sites": ["US", "CA"]}, {"id": "walmart", "sites": ["US"]},
        {"id": "shopify", "sites": ["US"]}, {"id": "tiktok_shop", "sites": ["US"]}],
        start="2026-09-14", horizon="half_year"),
    "single platform": dict(platforms=[{"id": "amazon", "sites": ["DE"]}], start="2027-01-04"),
    "launch": dict(platforms=[{"id": "shopify", "sites": ["US", "DE"]}], stage="launch",
                   start="2026-09-01"),
    "black friday project": dict(platforms=[{"id": "amazon", "sites": ["US"]},
                                            {"id": "shopify", "sites": ["US"]}],
                                 level="project", start="2026-10-01", horizon="quarter"),
}


@pytest.mark.parametrize("name", list(PROFILES))
def test_the_platforms_plans_add_up_to_the_company_plan(name: str, library: Library) -> None:
    a = answers(**PROFILES[name])  # type: ignore[arg-type]
    sel = select(a, library)
    [goal] = [g for g in sel.goals if g.kpi == "gmv"]
    assert goal.cascade is not None
    check_adds_up(goal.cascade, 900000)
    # the pacing plans (workbook, store, dashboards, documents) are the same numbers
    company = next(p for p in goal_plans(sel, library, a.scope.start) if p.kpi == "gmv")
    per_platform = [p for p in platform_plans(sel, library, a.scope.start) if p.kpi == "gmv"]
    steps = company.steps()
    assert steps[-1].plan == 900000
    if len(a.platforms) > 1:
        assert [p.platform for p in per_platform] == [p.id for p in a.platforms]
        for i, step in enumerate(steps):
            assert cents(sum(p.steps()[i].plan for p in per_platform)) == cents(step.plan)
    else:
        assert per_platform == []
    _teams_carry_their_share(sel, a)


def _teams_carry_their_share(sel: Selection, a: Answers) -> None:
    """A one-platform team carries its platform's share, named; a role on every platform the
    company total, shared; no GMV is counted twice."""
    goal = next(g for g in sel.goals if g.kpi == "gmv")
    assert goal.cascade is not None
    shares = {p.platform: p for p in goal.cascade.platforms}
    several = len(a.platforms) > 1
    for r in sel.roles:
        for k in r.kpis:
            if k.kpi != "gmv":
                continue
            if several and len(r.platforms) == 1:
                [t] = k.targets
                assert t.platform == r.platforms[0] and t.share is not None
                assert [x.value for x in t.plan or []] == [
                    x.value for x in shares[t.platform].plan]
            elif set(r.platforms) == {p.id for p in a.platforms}:
                [t] = k.targets
                assert t.platform is None and t.share is None
                assert [x.value for x in t.plan or []] == [x.value for x in goal.cascade.plan]


def test_the_history_splits_and_shapes_the_plan(library: Library) -> None:
    a = answers([{"id": "lazada", "sites": ["MY"]}, {"id": "shopee", "sites": ["MY", "SG"]}])
    history = History(
        start=D(2026, 4, 1), end=D(2026, 6, 30),
        sales_by_platform_site={("lazada", "MY"): 60000, ("shopee", "MY"): 30000,
                                ("shopee", "SG"): 10000, ("amazon", "US"): 99999},
        sales_by_month={"2025-07": 100000, "2025-08": 100000, "2025-09": 200000})
    c = goal_cascade(a, 1_000_000, D(2026, 9, 30), "monthly", history)
    assert (c.split, c.curve) == ("history", "history")
    assert [(p.platform, p.share) for p in c.platforms] == [("lazada", 0.6), ("shopee", 0.4)]
    assert [s.total for s in c.platforms[1].sites] == [300000, 100000]
    # last year's September sold twice August: so does this year's plan
    assert [p.value for p in c.plan] == [250000, 250000, 500000]
    check_adds_up(c, 1_000_000)
    # no history: even, and said so
    even = goal_cascade(a, 1_000_000, D(2026, 9, 30), "monthly")
    assert even.split == "even" and [p.share for p in even.platforms] == [0.5, 0.5]
    # a history of some sites only (Shopee SG's export not brought): SG's sales are unknown,
    # not zero, so the split is even and to be confirmed, never 0 % for SG
    partial = History(start=D(2026, 4, 1), end=D(2026, 6, 30),
                      sales_by_platform_site={("lazada", "MY"): 60000, ("shopee", "MY"): 30000})
    c = goal_cascade(a, 1_000_000, D(2026, 9, 30), "monthly", partial)
    assert c.split == "even" and [s.share for s in c.platforms[1].sites] == [0.25, 0.25]
    check_adds_up(c, 1_000_000)


def test_a_black_friday_project_plans_november_above_october(library: Library) -> None:
    a = answers([{"id": "amazon", "sites": ["US"]}], level="project", start="2026-10-01",
                horizon="quarter")
    c = goal_cascade(a, 900000, D(2026, 12, 31), "monthly")
    assert c.curve == "season" and "black_friday_cyber_monday" in c.events
    per_day = [p.value / p.days for p in c.plan]
    assert per_day[1] > per_day[0] and per_day[1] > 300000 / 30
    # a launch ramps up: the last month carries more than the first of the same length
    launch = goal_cascade(answers([{"id": "shopify", "sites": ["DE"]}], stage="launch",
                                  start="2026-03-01"), 300000, D(2026, 5, 31), "monthly")
    assert launch.curve == "launch" and launch.plan[2].value > 1.5 * launch.plan[0].value


def test_a_stub_month_carries_its_days_only() -> None:
    """The issue's quarter from 2027-01-04 ends 2027-04-03: April's 3 days get 3 days' plan,
    not a quarter of the goal."""
    a = answers([{"id": "amazon", "sites": ["DE"]}], start="2027-01-04")
    c = goal_cascade(a, 900000, D(2027, 4, 3), "monthly")
    assert c.curve == "days"  # no sale event for Amazon Germany in this quarter
    april = c.plan[-1]
    assert (april.start, april.days, april.full_days) == (D(2027, 4, 1), 3, 30)
    assert april.value == 30000  # 3 of the span's 90 days
    # 2026-07-06 to 10-05: October's 5 days hold Prime Big Deal Days (2 days at lift 2), so
    # they weigh 7 ordinary days of the span's 92 + 31 * 0.2 (back to school) + 2
    b = answers([{"id": "amazon", "sites": ["DE"]}], start="2026-07-06")
    october = goal_cascade(b, 1500000, D(2026, 10, 5), "monthly").plan[-1]
    assert october.days == 5
    assert october.value == pytest.approx(1500000 * 7 / (92 + 31 * 0.2 + 2), abs=0.01)


@pytest.mark.parametrize("first,last,frequency", [
    (D(2026, 1, 31), D(2026, 4, 30), "monthly"),    # starts on the 31st
    (D(2026, 3, 29), D(2026, 6, 28), "monthly"),    # starts and ends on the 29th / 28th
    (D(2027, 1, 30), D(2027, 4, 29), "monthly"),    # the 30th, through a 28-day February
    (D(2026, 7, 15), D(2026, 10, 14), "monthly"),   # mid-month to mid-month
    (D(2026, 7, 1), D(2026, 9, 30), "weekly"),      # mid-week to mid-week
    (D(2026, 9, 16), D(2026, 12, 15), "weekly"),
    (D(2026, 2, 27), D(2026, 5, 26), "quarterly"),
])
def test_period_shares_give_a_partial_period_its_days(first: D, last: D,
                                                      frequency: str) -> None:
    shares = period_shares(frequency, first, last)
    total = (last - first).days + 1
    assert sum(s.days for s in shares) == total
    assert sum(s.share for s in shares) == pytest.approx(1)
    for s in shares:
        assert s.share == pytest.approx(s.days / total)  # never more than its days' share
        assert s.partial == (s.days < s.full_days)
    assert shares[0].period[0] <= first <= shares[0].period[1]
    assert shares[-1].period[0] <= last <= shares[-1].period[1]
    # a season weight moves the shares, the days stay
    weighted = period_shares(frequency, first, last,
                             lambda d: 3.0 if d == last else 1.0)
    assert weighted[-1].share > shares[-1].share
    assert [w.days for w in weighted] == [s.days for s in shares]


def test_a_partial_period_is_named_by_its_days() -> None:
    [_, *_, april] = period_shares("monthly", D(2027, 1, 4), D(2027, 4, 3))
    assert share_label("monthly", april, "en") == "2027-04, 3 days"
    assert share_label("monthly", april, "zh") == "2027年4月（3 天）"
    full = period_shares("monthly", D(2027, 2, 1), D(2027, 2, 28))[0]
    assert share_label("monthly", full, "en") == "2027-02"


def test_allocate_keeps_every_cent() -> None:
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert sum(allocate(90000000, [31, 28.5, 31, 3.25])) == 90000000
    assert allocate(7, [0, 0]) == [4, 3]


# --- margin ----------------------------------------------------------------------------------

def _margin(a: Answers, library: Library, history: History | None = None) -> Any:
    sel = select(a, library, history=history)
    return next(k for r in sel.roles for k in r.kpis if k.kpi == "contribution_margin")


def test_a_margin_sits_above_net_margin_by_the_fixed_cost_share(library: Library) -> None:
    goals = [{"kpi": "net_margin", "target": 0.1, "by": "2026-09-30",
              "fixed_cost_share": 0.08}]
    cm = _margin(answers([{"id": "amazon", "sites": ["US"]}], goals=goals), library)
    [t] = cm.targets
    assert (t.op, t.value, t.derived_from) == (">=", 0.18, "net_margin")
    assert "fixed-cost share 0.08" in t.source
    # from the history's profit report
    goals[0].pop("fixed_cost_share")
    history = History(start=D(2026, 4, 1), end=D(2026, 6, 30), fixed_cost_share=0.06)
    cm = _margin(answers([{"id": "amazon", "sites": ["US"]}], goals=goals), library, history)
    assert cm.targets[0].value == 0.16
    # nobody knows it: set at kick-off, never the net margin itself
    cm = _margin(answers([{"id": "amazon", "sites": ["US"]}], goals=goals), library)
    assert cm.targets == []
    assert any("set at kick-off" in n for n in cm.notes)


def test_fixed_cost_share_belongs_to_a_net_margin_goal(library: Library) -> None:
    from linkstar_kit.answers.loader import answers_issues
    from linkstar_kit.positioned import parse_text

    text = ("version: 1\nclient: {name: Acme}\nscope: {start: 2026-07-01, horizon: quarter}\n"
            "stage: growth\nteam_size: 5\nplatforms: [{id: amazon}]\n"
            "goals: [{kpi: gmv, target: 100000, by: 2026-09-30, fixed_cost_share: 0.1}]\n"
            "roles: [{role: operations}]\n")
    _, issues = answers_issues(parse_text(text, "a.yaml"), library)
    assert any("fixed_cost_share" in str(i) and "net_margin" in str(i) for i in issues)


# --- regional holidays -----------------------------------------------------------------------

def test_london_and_kuala_lumpur_teams_skip_their_own_holidays() -> None:
    from linkstar_kit.workdays import Workdays

    easter_monday, ft_day = D(2027, 3, 29), D(2027, 2, 1)
    assert Workdays("GB", "GB-ENG").next_working(easter_monday) == easter_monday + ONE_DAY
    assert Workdays("GB", "GB-SCT").is_working(easter_monday)
    assert Workdays("GB").is_working(easter_monday)  # the national list alone misses it
    assert not Workdays("MY", "MY-14").is_working(ft_day)
    assert Workdays("MY").is_working(ft_day)


def test_subdivision_is_checked_with_a_did_you_mean() -> None:
    from pydantic import ValidationError

    from linkstar_kit.answers.models import Review

    assert Review.model_validate({"subdivision": "gb-eng"}).subdivision == "GB-ENG"
    for bad, hint in (("MY-KUL", "MY-14"), ("GB-EN", "GB-ENG"), ("XX-1", "country code")):
        with pytest.raises(ValidationError, match=hint):
            Review.model_validate({"subdivision": bad})
    with pytest.raises(ValidationError, match="not in country MY"):
        Review.model_validate({"country": "MY", "subdivision": "GB-ENG"})


def test_a_subdivision_by_name_or_country_alone_gets_its_code() -> None:
    """What a client types instead of the code: a name, the country alone, a code that is not
    there, the UK for GB."""
    from linkstar_kit.workdays import check_subdivision

    for bad, hint in (("MY-Kuala Lumpur", "`MY-14`"), ("England", "`GB-ENG`"),
                      ("Selangor", "`MY-10`"), ("UK-ENG", "`GB-ENG`"),
                      ("GB", "GB-ENG, GB-NIR, GB-SCT, GB-WLS"),
                      ("GB-XX", "GB has GB-ENG, GB-NIR, GB-SCT, GB-WLS"),
                      ("SG-01", "one national holiday list")):
        with pytest.raises(ValueError, match=hint):
            check_subdivision(bad)


def test_a_subdivision_of_another_country_than_the_zones_is_an_error(library: Library) -> None:
    """US-CA for a London team would make the meetings keep California's holidays; with
    review.country saying so, it is what the client wants."""
    from linkstar_kit.answers.checks import check_answers

    def problems(review: dict[str, Any]) -> list[str]:
        a = answers([{"id": "amazon", "sites": ["UK"]}], tz="Europe/London", review=review)
        return [f"{i.path} {i.message} {i.hint}" for i in check_answers(a, library)]

    (got,) = problems({"subdivision": "US-CA"})
    assert "('review', 'subdivision')" in got and "Europe/London is in GB" in got
    assert "GB-ENG" in got and "review.country: US" in got
    assert problems({"subdivision": "US-CA", "country": "US"}) == []
    assert problems({"subdivision": "GB-ENG"}) == []


def test_the_subdivision_defaults_from_an_unambiguous_zone_only() -> None:
    from linkstar_kit.workdays import client_country, client_subdivision

    melbourne = answers([{"id": "amazon", "sites": ["AU"]}], tz="Australia/Melbourne")
    assert client_subdivision(melbourne) == ("AU-VIC", True)
    london = answers([{"id": "amazon", "sites": ["UK"]}], tz="Europe/London")
    assert client_subdivision(london) == (None, False)
    given = answers([{"id": "amazon", "sites": ["UK"]}], tz="Europe/London",
                    review={"subdivision": "GB-SCT"})
    assert client_subdivision(given) == ("GB-SCT", False) and client_country(given) == "GB"


def test_check_notes_a_country_with_regional_holidays(library: Library) -> None:
    from linkstar_kit.doctor.checks import check as run_checks

    def codes(a: Answers) -> dict[str, str]:
        return {f.code: f.message for f in run_checks(a, library)}

    london = codes(answers([{"id": "amazon", "sites": ["UK"]}], tz="Europe/London"))
    assert "no-subdivision" in london and "GB-ENG" in london["no-subdivision"] + str(
        [f.fix for f in run_checks(answers([{"id": "amazon", "sites": ["UK"]}],
                                           tz="Europe/London"), library)
         if f.code == "no-subdivision"])
    melbourne = codes(answers([{"id": "amazon", "sites": ["AU"]}], tz="Australia/Melbourne"))
    assert "subdivision-from-zone" in melbourne and "AU-VIC" in melbourne["subdivision-from-zone"]
    shanghai = codes(answers([{"id": "amazon", "sites": ["US"]}]))
    assert "no-subdivision" not in shanghai and "subdivision-from-zone" not in shanghai
    # the note names the scope's regional holiday most subdivisions keep: a London quarter
    # from January 2027 has Easter Monday (England, Wales, Northern Ireland; not Scotland), a
    # Sydney one from September 2026 Labour Day on Monday 5 October (not in Victoria)
    spring = codes(answers([{"id": "amazon", "sites": ["UK"]}], tz="Europe/London",
                           start="2027-01-04"))
    assert "Easter Monday on 2027-03-29 (GB-ENG, GB-NIR, GB-WLS)" in spring["no-subdivision"]
    sydney = codes(answers([{"id": "amazon", "sites": ["AU"]}], tz="Australia/Sydney",
                           start="2026-09-07"))
    assert "on 2026-10-05 (AU-ACT, AU-NSW, AU-QLD, AU-SA)" in sydney["no-subdivision"]



@pytest.mark.parametrize("locale", [None, "C", "de_DE.UTF-8", "zh_CN.UTF-8"])
def test_the_regional_holidays_name_does_not_follow_the_machines_locale(
        monkeypatch: pytest.MonkeyPatch, locale: str | None) -> None:
    """The holidays package names a holiday in the locale's language when not told one: a
    fresh machine with no LANG printed German names into an English kit."""
    from linkstar_kit.workdays import regional_holiday

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    if locale:
        monkeypatch.setenv("LANG", locale)
    hit = regional_holiday("DE", D(2026, 11, 16), D(2026, 11, 20))
    assert hit is not None and hit[:2] == (D(2026, 11, 18), "Repentance and Prayer Day")

def test_a_london_teams_meetings_skip_easter_monday(library: Library, tmp_path: Any) -> None:
    """Weekly review on Mondays: Easter Monday 2027 moves to the Tuesday in England."""
    from linkstar_kit.kit.blueprints import Blueprints
    from linkstar_kit.kit.calendar import meeting_days
    from linkstar_kit.kit.context import KitContext

    def weekly(sub: str | None) -> dict[D, D]:
        a = answers([{"id": "amazon", "sites": ["UK"]}], tz="Europe/London", start="2027-03-01",
                    review={"subdivision": sub} if sub else None)
        ctx = KitContext(a, select(a, library), library, Blueprints())
        return dict(meeting_days(ctx)["weekly"])

    assert weekly("GB-ENG")[D(2027, 3, 29)] == D(2027, 3, 30)
    assert weekly("GB-SCT")[D(2027, 3, 29)] == D(2027, 3, 29)


# --- links in the calendar -------------------------------------------------------------------

@pytest.mark.parametrize("formats,want", [
    (["md", "ics"], "agendas/weekly-review.md"),
    (["md", "html", "ics"], "agendas/weekly-review.html"),
    (["ics"], None),
])
def test_calendar_links_to_agendas_the_kit_holds(formats: list[str], want: str | None,
                                                 library: Library) -> None:
    import re

    from linkstar_kit.kit.generate import build_files

    a = answers([{"id": "amazon", "sites": ["US"]}])
    files, _ = build_files(a, library, formats=formats)
    ics = files.files["calendar/reviews.ics"].decode("utf-8").replace("\r\n ", "")
    linked = set(re.findall(r"agendas/[a-z-]+\.(?:md|html)", ics))
    assert linked <= set(files.files)
    assert (want in linked) if want else not linked


# --- the store -------------------------------------------------------------------------------

def test_the_store_holds_the_same_plan_and_judges_a_stub_month_by_its_days(
        library: Library, tmp_path: Any) -> None:
    import sqlite3

    from linkstar_kit.kit.generate import generate_kit
    from linkstar_kit.store.loader import load_actuals

    a = answers([{"id": "lazada", "sites": ["MY"]}, {"id": "shopee", "sites": ["SG"]}],
                start="2027-01-04")
    kit = tmp_path / "kit"
    generate_kit(a, library, kit, formats=["dashboards"])
    goal = next(g for g in select(a, library).goals if g.kpi == "gmv")
    assert goal.cascade is not None
    april = goal.cascade.platforms[0].plan[-1]
    assert april.days == 3
    rows = tmp_path / "a.csv"
    rows.write_text(
        "period_start,period_end,role_key,kpi,platform,value,annotation,source\n"
        f"2027-04-01,2027-04-30,ops-lazada,gmv,lazada,{april.value},,\n"
        "2027-03-01,2027-03-31,ops-lazada,gmv,lazada,1000,,\n", encoding="utf-8")
    load_actuals(kit, rows)
    con = sqlite3.connect(kit / "data" / "kpi.sqlite")
    from ruamel.yaml import YAML

    board = YAML(typ="safe").load((kit / "dashboards" / "dashboard.yaml").read_text("utf-8"))
    (series,) = [s for sec in board["sections"] for p in sec["panels"] for s in p["series"]
                 if p["id"] == "ops-lazada.gmv"]
    try:
        plan = con.execute("SELECT platform, period_start, plan_to_date FROM goal_plan "
                           "WHERE kpi = 'gmv' ORDER BY period_start, platform").fetchall()
        status = dict(con.execute("SELECT period_start, status FROM kpi_status "
                                  "WHERE kpi = 'gmv' AND role_key = 'ops-lazada'").fetchall())
        shown = con.execute(series["sql"]).fetchall()
    finally:
        con.close()
    # the dashboard colours the value's share of its own period's plan: April's 3 days on plan
    # are at 100 %, not at 3 days out of an ordinary month
    assert [(t[:10], round(v, 2), round(r, 4)) for t, v, r in shown] == [
        ("2027-03-01", 1000, round(1000 / goal.cascade.platforms[0].plan[2].value, 4)),
        ("2027-04-01", april.value, 1.0)]
    assert series["thresholds"] is None and series["of_plan"]["thresholds"]["green"] == {
        "gte": 1.0}
    assert [p["days"] for p in series["plan"]] == [28, 28, 31, 3]
    by_period: dict[str, dict[str, float]] = {}
    for platform, start, to_date in plan:
        by_period.setdefault(start, {})[platform] = to_date
    assert len(by_period) == 4
    for start, rows_ in by_period.items():  # the platforms' plans add up in every period
        assert cents(rows_["lazada"] + rows_["shopee"]) == cents(rows_[""]), start
    # April's 3 days met their own plan: green, though far below an ordinary month's
    assert status == {"2027-04-01": "green", "2027-03-01": "red"}


# --- the workbook ----------------------------------------------------------------------------

def test_the_workbook_types_gmv_once_and_judges_each_period_by_its_plan(
        library: Library) -> None:
    import io

    openpyxl = pytest.importorskip("openpyxl")
    from linkstar_kit.kit.generate import build_files

    a = answers([{"id": "lazada", "sites": ["MY"]}, {"id": "shopee", "sites": ["SG"]}],
                start="2027-01-04",
                roles=[{"role": "operations", "key": "ops-lazada", "title": "Lazada operations",
                        "platforms": ["lazada"]},
                       {"role": "operations", "key": "ops-shopee", "title": "Shopee operations",
                        "platforms": ["shopee"]},
                       {"role": "advertising", "title": "Advertising"}])
    files, sel = build_files(a, library, formats=["xlsx"])
    wb = openpyxl.load_workbook(io.BytesIO(files.files["scorecard/scorecard.xlsx"]))
    goals = wb["Goals"]
    assert [goals.cell(row=4, column=i).value for i in range(5, 9)] == [
        "2027-01, 28 days", "2027-02", "2027-03", "2027-04, 3 days"]

    def gmv_row(sheet: str) -> list[Any]:
        ws = wb[sheet]
        return next([c.value for c in r] for r in ws.iter_rows()
                     if str(r[0].value or "").startswith("Gross Merchandise Value")
                     and r[5].value != "2027-01, 28 days")

    shared = gmv_row("Advertising")  # the company total: read from the goals sheet
    assert all(str(v).startswith("=IF('Goals'!$") for v in shared[5:9])
    lazada = gmv_row("Lazada operations")  # its own share, typed by its team
    assert lazada[1] == "Lazada" and lazada[5:9] == [None] * 4
    goal = next(g for g in sel.goals if g.kpi == "gmv")
    assert goal.cascade is not None
    april = goal.cascade.platforms[0].plan[-1].value
    # the status reads the plan of the period last entered, April's 3 days included
    assert f",{april:g}}}" in lazada[10] or f",{april}}}" in lazada[10]
    # the summary says the same (the role sheet's status, not a fixed band of an ordinary
    # month, which would call April's 3 days on plan "missed"), and the latest value is
    # coloured by that status on both sheets
    summary = next([c.value for c in r] for r in wb["Summary"].iter_rows(min_row=5)
                   if r[0].value == "Lazada operations"
                   and str(r[1].value).startswith("Gross Merchandise Value"))
    assert summary[6] == "=IF('Lazada operations'!K9=\"\",\"\",'Lazada operations'!K9)" \
        or ("'Lazada operations'!K" in summary[6] and "ISNUMBER" not in summary[6])
    ws = wb["Lazada operations"]
    latest_row = next(r[0].row for r in ws.iter_rows()
                      if str(r[0].value or "").startswith("Gross Merchandise Value")
                      and r[5].value != "2027-01, 28 days")
    rules = [rule.formula[0] for cf in ws.conditional_formatting
             if f"J{latest_row}" == str(cf.sqref) for rule in cf.rules]
    assert rules == [f'K{latest_row}="on target"', f'K{latest_row}="near miss"',
                     f'K{latest_row}="missed"']
    # a watch row names what it guards by the KPI's label, not its id
    titles = [str(r[1].value) for r in wb["Summary"].iter_rows(min_row=5) if r[1].value]
    assert not [x for x in titles if re.search(r"watch: [a-z]+_[a-z_]+\)", x)]


def test_a_review_judges_a_stub_month_by_its_days(library: Library) -> None:
    from linkstar_kit.pacing import period_rag

    a = answers([{"id": "lazada", "sites": ["MY"]}, {"id": "shopee", "sites": ["SG"]}],
                start="2027-01-04")
    sel = select(a, library)
    [t] = next(k for r in sel.roles if r.key == "ops-lazada" for k in r.kpis
               if k.kpi == "gmv").targets
    assert t.plan is not None
    april = t.plan[-1]
    rag = period_rag(t, april.start)
    assert rag is not None and rag.status(april.value) == "green"
    assert rag.status(april.value * 0.95) == "amber" and rag.status(april.value * 0.5) == "red"
    # against an ordinary month's plan the same 3 days would be red
    ordinary = period_rag(t, D(2027, 2, 1))
    assert ordinary is not None and ordinary.status(april.value) == "red"


def test_fixed_cost_share_is_above_zero() -> None:
    from pydantic import ValidationError

    from linkstar_kit.answers.models import Goal

    with pytest.raises(ValidationError):
        Goal.model_validate({"kpi": "net_margin", "target": 0.1, "by": "2026-09-30",
                             "fixed_cost_share": 0})


@pytest.mark.parametrize("formats", [["md", "ics"], ["md", "html", "ics", "xlsx", "dashboards"]])
def test_no_file_a_kit_names_is_missing(formats: list[str], library: Library) -> None:
    """Every kit path a document or the calendar names (agendas/weekly-review.html,
    scorecard/scorecard.xlsx ...) is a file of that kit."""
    import re

    from linkstar_kit.kit.generate import build_files

    a = answers([{"id": "amazon", "sites": ["US"]}])
    files, _ = build_files(a, library, formats=formats)
    path = re.compile(r"\b(?:agendas|roles|scorecard|calendar|dashboards|data)/[\w.-]+"
                      r"\.(?:md|html|pdf|xlsx|csv|ics|yaml|json|sql|sqlite)\b")
    for name, data in files.files.items():
        if not name.endswith((".md", ".html", ".ics")):
            continue
        text = data.decode("utf-8").replace("\r\n ", "")
        named = set(path.findall(text)) - {"data/kpi.sqlite"}  # made by `linkstar load`
        assert named <= set(files.files), (name, named - set(files.files))


def test_the_plans_notes_read_as_one_paragraph_in_each_language(library: Library) -> None:
    """English sentences spaced, Chinese ones run on after 。 (no stray space)."""
    from linkstar_kit.kit.plan_table import plan_table

    a = answers([{"id": "amazon", "sites": ["US", "CA"]}, {"id": "tiktok_shop", "sites": ["US"]}],
                start="2028-02-29")
    goal = next(g for g in select(a, library).goals if g.kpi == "gmv")
    zh = plan_table(goal, {}, "zh", "USD")["notes_text"]
    en = plan_table(goal, {}, "en", "USD")["notes_text"]
    assert "。 " not in zh and "。时间分布" in zh and "2028年2月（1 天）" in zh
    assert ". Over time" in en and "2028-02, 1 day;" in en  # not "1 days"


def test_a_period_past_the_goal_has_no_plan_to_be_judged_by(library: Library) -> None:
    """A Black Friday project whose GMV goal ends on 12-15 in a scope to 01-14: January's
    actuals have no plan (not an ordinary month's, which would be November's peak)."""
    import io

    openpyxl = pytest.importorskip("openpyxl")
    from linkstar_kit.kit.generate import build_files

    a = answers([{"id": "amazon", "sites": ["US"]}, {"id": "walmart", "sites": ["US"]}],
                start="2026-10-15", level="project",
                goals=[{"kpi": "gmv", "target": 2000000, "by": "2026-12-15"}])
    files, sel = build_files(a, library, formats=["xlsx"])
    wb = openpyxl.load_workbook(io.BytesIO(files.files["scorecard/scorecard.xlsx"]))
    ws = wb["ops-amazon"] if "ops-amazon" in wb.sheetnames else wb.worksheets[2]
    row = next([c.value for c in r] for r in ws.iter_rows()
               if str(r[0].value or "").startswith("Gross Merchandise Value")
               and r[5].value != "2026-10, 17 days")
    status = row[10]
    goal = next(g for g in sel.goals if g.kpi == "gmv")
    assert goal.cascade is not None and len(goal.cascade.plan) == 3  # Oct, Nov, Dec 1-15
    assert '{1,1,1,0})=0,""' in status  # January: no status
    assert f"{goal.cascade.platforms[0].plan[1].value}" in status
    # January's slot is 0 in the three plan lookups (and the flags): never a month's plan
    assert status.count(",0})") == 4


def test_the_dashboard_shows_a_value_past_the_goal_without_a_share(library: Library,
                                                                   tmp_path: Any) -> None:
    import sqlite3

    from ruamel.yaml import YAML

    from linkstar_kit.kit.generate import generate_kit
    from linkstar_kit.store.loader import load_actuals

    a = answers([{"id": "amazon", "sites": ["US"]}, {"id": "walmart", "sites": ["US"]}],
                start="2026-10-15", level="project",
                goals=[{"kpi": "gmv", "target": 2000000, "by": "2026-12-15"}])
    kit = tmp_path / "kit"
    generate_kit(a, library, kit, formats=["dashboards"])
    rows = tmp_path / "a.csv"
    rows.write_text(
        "period_start,period_end,role_key,kpi,platform,value,annotation,source\n"
        "2026-12-01,2026-12-31,ops-amazon,gmv,amazon,300000,,\n"
        "2027-01-01,2027-01-31,ops-amazon,gmv,amazon,90000,,\n", encoding="utf-8")
    load_actuals(kit, rows)
    board = YAML(typ="safe").load((kit / "dashboards" / "dashboard.yaml").read_text("utf-8"))
    (series,) = [s for sec in board["sections"] for p in sec["panels"] for s in p["series"]
                 if p["id"] == "ops-amazon.gmv"]
    con = sqlite3.connect(kit / "data" / "kpi.sqlite")
    try:
        shown = con.execute(series["sql"]).fetchall()
    finally:
        con.close()
    december = series["plan"][-1]
    assert (december["start"], december["days"]) == ("2026-12-01", 15)
    assert [(t[:10], v, r if r is None else round(r, 4)) for t, v, r in shown] == [
        ("2026-12-01", 300000, round(300000 / december["value"], 4)),
        ("2027-01-01", 90000, None)]  # January: the value, no plan to share


def test_linkstar_plan_with_the_kits_history_prints_the_kits_plan(tmp_path, capsys) -> None:
    """`linkstar plan --history` splits by the same shares as the kit made with it (it used to
    take no history and print an even split beside a kit split 48/52)."""
    import json
    from pathlib import Path

    from linkstar_kit.cli import main

    root = Path(__file__).parent.parent
    fix = root / "tests" / "fixtures" / "exports"
    hist = [str(fix / "shopify-us-2026-09.csv"), str(fix / "shopify-de-2026-09.csv"),
            "--site", "US=shopify-us-2026-09.csv", "--site", "DE=shopify-de-2026-09.csv",
            "--fx", "EUR=1.08"]
    answers = str(root / "examples" / "indie-store-launch.yaml")
    kit = tmp_path / "kit"
    assert main(["generate", answers, "-o", str(kit), "--format", "dashboards",
                 "--history", *hist]) == 0
    capsys.readouterr()
    (goal,) = [g for g in json.loads((kit / "selection.json").read_text(encoding="utf-8"))
               ["goals"] if g["kpi"] == "gmv"]
    sites = [s for p in goal["cascade"]["platforms"] for s in p["sites"]]
    assert {round(s["share"], 4) for s in sites} == {0.4849, 0.5151}
    for args in (["--history", *hist], ["--history", str(kit / "history.json")]):
        assert main(["plan", answers, *args]) == 0
        out = capsys.readouterr().out
        for s in sites:
            for period in s["plan"]:
                assert f"USD {period['value']:,}" in out
        assert "48.49%" in out and "confirm the split" not in out


def test_a_review_shows_the_periods_own_plan_as_the_target(tmp_path, capsys) -> None:
    """A cascaded GMV target is judged by the period's own plan (September of a launch ramp:
    USD 28,920.94); the review showed the typical month (USD 50,000) beside that status."""
    import json
    from pathlib import Path

    from linkstar_kit.cli import main

    root = Path(__file__).parent.parent
    fix = root / "tests" / "fixtures" / "exports"
    kit = tmp_path / "kit"
    assert main(["generate", str(root / "examples" / "indie-store-launch.yaml"), "-o", str(kit),
                 "--format", "md,dashboards"]) == 0
    assert main(["load", str(kit), str(fix / "shopify-us-2026-09.csv"),
                 str(fix / "shopify-de-2026-09.csv"), "--site", "US=shopify-us-2026-09.csv",
                 "--site", "DE=shopify-de-2026-09.csv", "--fx", "EUR=1.08"]) == 0
    sel = json.loads((kit / "selection.json").read_text(encoding="utf-8"))
    (t,) = next(k for r in sel["roles"] if r["key"] == "operations" for k in r["kpis"]
                if k["kpi"] == "gmv")["targets"]
    september = t["plan"][0]
    assert september["start"] == "2026-09-01" and september["value"] != t["value"]
    capsys.readouterr()
    assert main(["review", str(kit), "--period", "2026-09", "--format", "md"]) == 0
    got = json.loads((kit / "reviews" / "2026-09" / "review.json").read_text(encoding="utf-8"))
    (row,) = [k for k in got["kpis"] if k["role_key"] == "operations" and k["kpi"] == "gmv"]
    assert row["target"]["value"] == september["value"]
    md = (kit / "reviews" / "2026-09" / "review.md").read_text(encoding="utf-8")
    shown = f"≥ USD {september['value']:,}"
    assert shown in md and f"≥ USD {t['value']:,}" not in md


def test_a_rate_goal_starts_its_path_at_the_historys_baseline(library: Library) -> None:
    """A conversion goal of 10 % by the quarter's end, the history at 8.44 %: the path starts
    there (it was 10 % from the first week, off track from day one, and the baseline '–')."""
    from linkstar_kit.history import Baseline

    a = answers([{"id": "amazon", "sites": ["US"]}],
                goals=[{"kpi": "conversion_rate", "target": 0.10, "by": "2026-09-30"},
                       {"kpi": "gmv", "target": 900000, "by": "2026-09-30"}])
    q2 = (D(2026, 4, 6), D(2026, 6, 28))
    history = History(*q2, baselines={("conversion_rate", "", ""): Baseline(0.0844, *q2, 12),
                                       ("gmv", "", ""): Baseline(300000.0, *q2, 3)})
    sel = select(a, library, history=history)
    cvr, gmv = sel.goals
    # a sum's baseline is the history's month (300,000) over the goal's 3 months
    assert cvr.baseline == 0.0844 and gmv.baseline == 900000
    plan = next(p for p in goal_plans(sel, library, D(2026, 7, 1)) if p.kpi == "conversion_rate")
    first = plan.steps()[0].plan
    assert 0.0844 < first < 0.09
    # a sum's path still starts at 0: July's plan is July's share of the goal
    gmv_plan = next(p for p in goal_plans(sel, library, D(2026, 7, 1)) if p.kpi == "gmv")
    assert gmv_plan.steps()[0].plan == gmv.cascade.plan[0].value
    # an answer's own baseline wins over the history's
    a.goals[0].baseline = 0.09
    assert select(a, library, history=history).goals[0].baseline == 0.09


def test_a_gmv_goal_takes_its_baseline_from_the_history(tmp_path, capsys) -> None:
    """`generate --history` and `linkstar plan --history`: the company GMV goal's baseline is
    the history's GMV per month over the goal's months (Amazon's Q2 business report: USD
    276,653.15 for a quarter), shown in the goals table and the plan's notes with where it
    comes from; a partial period counts by its days."""
    import json
    from pathlib import Path

    from linkstar_kit.cli import main

    root = Path(__file__).parent.parent
    report = root / "tests" / "fixtures" / "exports" / "amazon-business-report-q2.csv"
    answers_file = tmp_path / "gmv.yaml"
    answers_file.write_text(
        "version: 1\n"
        "client: {name: GMV, slug: gmv, language: en, currency: USD, timezone: Asia/Shanghai}\n"
        "scope: {level: business_unit, name: Amazon US, start: 2026-07-01, horizon: quarter}\n"
        "stage: growth\nteam_size: 10\n"
        "platforms: [{id: amazon, sites: [US], fulfillment: [fba]}]\n"
        "goals: [{kpi: gmv, target: 400000, by: 2026-09-30}]\n"
        "roles: [{role: operations, pin: [acos, gmv]}, {role: purchasing}]\n",
        encoding="utf-8")
    kit = tmp_path / "kit"
    assert main(["generate", str(answers_file), "-o", str(kit), "--format", "md",
                 "--history", str(report)]) == 0
    sel = json.loads((kit / "selection.json").read_text(encoding="utf-8"))
    (fact,) = [b for b in sel["baselines"] if b["kpi"] == "gmv" and b["platform"] is None]
    (goal,) = sel["goals"]
    assert fact["periods"] == 3 and goal["baseline"] == round(fact["value"] * 3, 2) == 276653.15
    md = (kit / "kpi-system.md").read_text(encoding="utf-8")
    assert "| Gross Merchandise Value (GMV) | USD 400,000 | USD 276,653.15 | 2026-09-30 |" in md
    note = ("Baseline USD 276,653.15 → goal USD 400,000: the recent actual, USD 92,217.72 a "
            "month on average (2026-04-01 to 2026-06-30), over the goal's 3 months.")
    assert note in md
    capsys.readouterr()
    for history in ([str(report)], [str(kit / "history.json")]):
        assert main(["plan", str(answers_file), "--history", *history]) == 0
        assert note in capsys.readouterr().out
    assert main(["plan", str(answers_file), "--lang", "zh", "--history", str(report)]) == 0
    assert ("基线 USD 276,653.15 → 目标 USD 400,000：近期实际每月平均 USD 92,217.72（2026-04-01 至 "
            "2026-06-30），按目标的 3 个月计。") in capsys.readouterr().out
    # without a history: no baseline, none made up
    assert main(["plan", str(answers_file)]) == 0
    assert "Baseline" not in capsys.readouterr().out


def test_a_partial_span_counts_its_periods_by_their_days() -> None:
    from linkstar_kit.plans import history_total, span_periods

    assert span_periods("monthly", D(2026, 7, 1), D(2026, 9, 30)) == 3
    n = span_periods("monthly", D(2027, 1, 4), D(2027, 4, 3))
    assert n == pytest.approx(28 / 31 + 1 + 1 + 3 / 30)
    assert history_total(100.0, "monthly", D(2027, 1, 4), D(2027, 4, 3)) == round(100 * n, 2)


def test_the_store_judges_no_period_past_a_gmv_goal_and_a_rate_by_its_final_value(
        library: Library, tmp_path: Any) -> None:
    """kpi_status past the goal's `by` (a GMV goal ending 12-15, in a scope to 01-14): January
    has no plan, so no target and status none, as in the workbook and the review (it was
    judged by an ordinary month's plan); the company's own GMV row is judged by the company's
    plan per month (it was judged by the goal's total, red every month); a conversion goal by
    the same day judges a later week by its final value."""
    import sqlite3

    from linkstar_kit.kit.generate import generate_kit
    from linkstar_kit.review.run import run_review
    from linkstar_kit.store.loader import load_actuals

    a = answers([{"id": "amazon", "sites": ["US"]}, {"id": "walmart", "sites": ["US"]}],
                start="2026-10-15", level="project",
                goals=[{"kpi": "gmv", "target": 2000000, "by": "2026-12-15"},
                       {"kpi": "conversion_rate", "target": 0.12, "by": "2026-12-15"}])
    kit = tmp_path / "kit"
    generate_kit(a, library, kit, formats=["dashboards"])
    goal = next(g for g in select(a, library).goals if g.kpi == "gmv")
    assert goal.cascade is not None
    november = goal.cascade.plan[1]
    rows = tmp_path / "a.csv"
    rows.write_text(
        "period_start,period_end,role_key,kpi,platform,value,annotation,source\n"
        f"2026-11-01,2026-11-30,_company,gmv,,{november.value},,\n"
        "2027-01-01,2027-01-31,_company,gmv,,500000,,\n"
        "2026-12-01,2026-12-31,ops-amazon,gmv,amazon,300000,,\n"
        "2027-01-01,2027-01-31,ops-amazon,gmv,amazon,90000,,\n"
        "2027-01-04,2027-01-10,_company,conversion_rate,,0.09,,\n", encoding="utf-8")
    load_actuals(kit, rows)
    con = sqlite3.connect(kit / "data" / "kpi.sqlite")
    try:
        got = {(r, k, s): (lo, st) for r, k, s, lo, st in con.execute(
            "SELECT role_key, kpi, period_start, target_low, status FROM kpi_status")}
    finally:
        con.close()
    assert got[("_company", "gmv", "2026-11-01")] == (november.value, "green")
    assert got[("_company", "gmv", "2027-01-01")] == (None, "none")
    assert got[("ops-amazon", "gmv", "2027-01-01")] == (None, "none")
    assert got[("ops-amazon", "gmv", "2026-12-01")][0] == \
        goal.cascade.platforms[0].plan[-1].value                     # December's 15 days
    assert got[("_company", "conversion_rate", "2027-01-04")] == (0.12, "red")
    # the review says the same: January's GMV has no target
    data = run_review(kit, "2027-01", "md").data
    (row,) = [k for k in data["kpis"] if k["role_key"] == "ops-amazon" and k["kpi"] == "gmv"]
    assert (row["target"], row["status"]) == (None, "no_target")
