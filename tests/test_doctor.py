"""The health check (`linkstar check`): each finding fires on a profile that has the problem
and stays quiet on a sound one. Small inline libraries keep the selection predictable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from libfactory import answers, kpi, write_library
from linkstar_kit.answers.models import Answers
from linkstar_kit.doctor import check, exit_status
from linkstar_kit.doctor.checks import is_placeholder, real_actions
from linkstar_kit.doctor.goals import due_limit
from linkstar_kit.doctor.render import health_section, render_text
from linkstar_kit.engine.select import select
from linkstar_kit.library.loader import load_library

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 1, 5)


# --- a sound profile -----------------------------------------------------------------------

def k(kid: str, roles: dict[str, float], balance: str, **kw: Any) -> dict[str, Any]:
    """A library KPI record with a balance, data sources and actions that can be overridden."""
    actions = kw.pop("actions", None)
    sources = kw.pop("data_sources", None)
    rec = kpi(kid, roles, **kw)
    rec["balance"] = balance
    if actions is not None:
        rec["actions"] = [{"en": a, "zh": a} if isinstance(a, str) else a for a in actions]
    if sources is not None:
        rec["data_sources"] = [{"system": s, "report": {"en": f"{s} report", "zh": f"{s} 报表"}}
                               for s in sources]
    return rec


def sound_kpis(**override: dict[str, Any]) -> list[dict[str, Any]]:
    """Four operations KPIs: two goals and two drivers, each guarded, lead and lag."""
    def house(op: str, value: float) -> list[dict[str, Any]]:
        return [{"op": op, "value": value, "kind": "house", "as_of": "2026-01-01",
                 "source": "LinkStar library default: test"}]

    recs = {
        "gmv": k("gmv", {"operations": 5}, "growth", unit="currency"),
        "net_margin": k("net_margin", {"operations": 4}, "profit"),
        "conversion_rate": k("conversion_rate", {"operations": 9}, "efficiency", kind="lead",
                             drives=["gmv"], counter=["net_margin"], targets=house(">=", 0.05)),
        "acos": k("acos", {"operations": 8}, "efficiency", kind="lead", direction="lower",
                  drives=["net_margin"], counter=["gmv"], targets=house("<=", 0.25)),
    }
    for kid, rec in override.items():
        recs[kid] = rec
    return list(recs.values())


def sound_answers(**over: Any) -> dict[str, Any]:
    base = answers(
        goals=[{"kpi": "gmv", "target": 1_000_000, "by": "2026-03-31", "baseline": 800_000},
               {"kpi": "net_margin", "target": 0.12, "by": "2026-03-31", "baseline": 0.09}],
        roles=[{"role": "operations", "kpi_count": 4}],
        systems={"erp": "lingxing", "bi": "metabase"},
        incentives={"linked_to_pay": True, "kpi_weight_percent": 30},
    )
    base.update(over)
    return base


def run(tmp_path: Path, ans: dict[str, Any] | None = None, kpis: list[dict] | None = None,
        user: Path | None = None, today: dt.date = TODAY) -> list[Any]:
    lib = load_library([user] if user else [],
                       base=write_library(tmp_path / "lib", kpis or sound_kpis()))
    return check(Answers.model_validate(ans or sound_answers()), lib, today=today)


def codes(findings: list[Any]) -> list[str]:
    return [f.code for f in findings]


def the(findings: list[Any], code: str) -> Any:
    hits = [f for f in findings if f.code == code]
    assert len(hits) == 1, codes(findings)
    return hits[0]


def test_sound_profile_has_no_findings(tmp_path: Path) -> None:
    findings = run(tmp_path)
    assert findings == []
    assert exit_status(findings, strict=True) == 0


# --- fit of the method ---------------------------------------------------------------------

def test_team_under_five(tmp_path: Path) -> None:
    f = the(run(tmp_path, sound_answers(team_size=4)), "team-too-small")
    assert f.severity == "warning" and "5" in f.message
    assert "team-too-small" not in codes(run(tmp_path / "b", sound_answers(team_size=5)))


def test_launch_stage(tmp_path: Path) -> None:
    f = the(run(tmp_path, sound_answers(stage="launch")), "stage-launch")
    assert f.severity == "warning"
    assert "stage-launch" not in codes(run(tmp_path / "b", sound_answers(stage="mature")))


# --- goals ---------------------------------------------------------------------------------

def test_goal_nobody_drives_is_an_error(tmp_path: Path) -> None:
    kpis = [*sound_kpis(), k("inventory_turnover", {"purchasing": 8}, "cash", unit="times")]
    ans = sound_answers(goals=[*sound_answers()["goals"],
                               {"kpi": "inventory_turnover", "target": 6, "by": "2026-03-31"}])
    findings = run(tmp_path, ans, kpis)
    f = the(findings, "goal-without-driver")
    assert f.severity == "error" and f.where.to_dict() == {"goal": "inventory_turnover"}
    assert "inventory_turnover (purchasing)" in f.fix  # names a KPI and the role that could carry it
    assert exit_status(findings) == 1
    assert findings[0].code == "goal-without-driver"  # errors first


def test_goal_due_after_the_horizon(tmp_path: Path) -> None:
    ans = sound_answers()
    ans["goals"][1]["by"] = "2026-12-31"
    f = the(run(tmp_path, ans), "goal-beyond-horizon")
    assert f.where.goal == "net_margin" and "2026-04-30" in f.message
    ans["goals"][1]["by"] = "2026-04-30"  # the quarter from 2026-01-05, to the end of its month
    assert "goal-beyond-horizon" not in codes(run(tmp_path / "b", ans))


def test_due_limit_is_the_goal_period_rounded_up_to_its_month_end() -> None:
    assert due_limit(dt.date(2026, 7, 1), "quarter") == dt.date(2026, 9, 30)
    assert due_limit(dt.date(2026, 1, 5), "quarter") == dt.date(2026, 4, 30)
    assert due_limit(dt.date(2026, 1, 1), "year") == dt.date(2026, 12, 31)
    assert due_limit(dt.date(2026, 11, 15), "month") == dt.date(2026, 12, 31)
    assert due_limit(dt.date(2026, 1, 31), "quarter") == dt.date(2026, 4, 30)


@pytest.mark.parametrize(("goal", "fragment"), [
    ({"kpi": "net_margin", "target": 0.6, "by": "2026-03-31"}, "40%"),
    ({"kpi": "net_margin", "target": 0.45, "by": "2026-03-31", "baseline": 0.5}, "40%"),
    ({"kpi": "net_margin", "target": 0.38, "by": "2026-03-31", "baseline": 0.05}, "33 points"),
    ({"kpi": "gmv", "target": 4_000_000, "by": "2026-03-31", "baseline": 800_000}, "400 %"),
    ({"kpi": "gmv", "target": 0, "by": "2026-03-31"}, "not above zero"),
    ({"kpi": "odr", "target": 0, "by": "2026-03-31"}, "exactly 0"),
])
def test_implausible_goal_targets(tmp_path: Path, goal: dict, fragment: str) -> None:
    kpis = sound_kpis(odr=k("odr", {"operations": 1}, "risk", direction="lower"))
    others = [g for g in sound_answers()["goals"] if g["kpi"] != goal["kpi"]]
    f = the(run(tmp_path, sound_answers(goals=[*others, goal]), kpis), "goal-target-implausible")
    assert f.where.goal == goal["kpi"] and fragment in f.message


def test_plausible_goal_targets_pass(tmp_path: Path) -> None:
    goals = [{"kpi": "gmv", "target": 3_000_000, "by": "2026-03-31", "baseline": 800_000},
             {"kpi": "net_margin", "target": 0.30, "by": "2026-03-31", "baseline": 0.09}]
    assert "goal-target-implausible" not in codes(run(tmp_path, sound_answers(goals=goals)))


def test_growth_rate_may_swing(tmp_path: Path) -> None:
    kpis = sound_kpis(gmv_growth=k("gmv_growth", {"operations": 1}, "growth"))
    goal = {"kpi": "gmv_growth", "target": 0.5, "by": "2026-03-31", "baseline": 0.2}
    findings = run(tmp_path, sound_answers(goals=[*sound_answers()["goals"], goal]), kpis)
    assert "goal-target-implausible" not in codes(findings)


def test_goal_worse_than_baseline(tmp_path: Path) -> None:
    ans = sound_answers()
    ans["goals"][1].update(target=0.08, baseline=0.09)
    f = the(run(tmp_path, ans), "goal-worse-than-baseline")
    assert f.where.goal == "net_margin" and "9%" in f.message


def test_goal_looser_than_the_platform_threshold(tmp_path: Path) -> None:
    official = {"platform": "amazon", "op": "<", "value": 0.01, "kind": "official",
                "source": "Amazon Seller Central help 200285170", "as_of": "2025-12-01"}
    kpis = sound_kpis(odr=k("odr", {"operations": 1}, "risk", direction="lower",
                            drives=["gmv"], targets=[official]))
    ans = sound_answers(goals=[*sound_answers()["goals"],
                               {"kpi": "odr", "target": 0.02, "by": "2026-03-31"}])
    f = the(run(tmp_path, ans, kpis), "goal-looser-than-official")
    assert "< 1%" in f.message and "200285170" in f.message
    ans["goals"][2]["target"] = 0.008
    assert "goal-looser-than-official" not in codes(run(tmp_path / "b", ans, kpis))
    ans["platforms"] = [{"id": "shopee"}]  # the Amazon threshold does not bind a Shopee seller
    ans["goals"][2]["target"] = 0.02
    assert "goal-looser-than-official" not in codes(run(tmp_path / "c", ans, kpis))


# --- alignment -----------------------------------------------------------------------------

def test_role_kpi_that_drives_no_goal(tmp_path: Path) -> None:
    kpis = sound_kpis(acos=k("acos", {"operations": 8}, "efficiency", kind="lead",
                             direction="lower", counter=["gmv"]))
    f = the(run(tmp_path, kpis=kpis), "kpi-drives-no-goal")
    assert f.severity == "warning" and f.where.to_dict() == {"role_key": "operations",
                                                             "kpi": "acos"}


def test_role_none_of_whose_kpis_drives_a_goal(tmp_path: Path) -> None:
    kpis = [*sound_kpis(),
            k("close_days", {"finance": 9}, "efficiency", kind="lead", unit="days",
              direction="lower"),
            k("payout_match", {"finance": 8}, "risk"),
            k("cash_cycle", {"finance": 7}, "cash", unit="days", direction="lower")]
    ans = sound_answers(roles=[{"role": "operations", "kpi_count": 4},
                               {"role": "finance", "kpi_count": 3}])
    findings = run(tmp_path, ans, kpis)
    f = the(findings, "role-drives-no-goal")
    assert f.where.to_dict() == {"role_key": "finance"} and "Close Days" in f.message
    assert "kpi-drives-no-goal" not in codes(findings)  # one finding for the role, not three


def test_a_goals_own_derived_measure_is_aligned(tmp_path: Path) -> None:
    kpis = sound_kpis(gmv=k("gmv", {"operations": 5}, "growth", unit="currency",
                            drives=["gmv_growth"]),
                      gmv_growth=k("gmv_growth", {"operations": 6}, "growth"))
    ans = sound_answers(roles=[{"role": "operations", "kpi_count": 5}])
    findings = run(tmp_path, ans, kpis)
    assert "kpi-drives-no-goal" not in codes(findings), codes(findings)


def test_alignment_follows_drives_transitively(tmp_path: Path) -> None:
    kpis = sound_kpis(
        acos=k("acos", {"operations": 8}, "efficiency", kind="lead", direction="lower",
               drives=["tacos"], counter=["gmv"]),
        tacos=k("tacos", {}, "profit", drives=["net_margin"]))
    assert "kpi-drives-no-goal" not in codes(run(tmp_path, kpis=kpis))


def test_a_cycle_in_drives_is_not_alignment(tmp_path: Path) -> None:
    kpis = sound_kpis(
        acos=k("acos", {"operations": 8}, "efficiency", kind="lead", direction="lower",
               drives=["cpc"], counter=["gmv"]),
        cpc=k("cpc", {}, "efficiency", drives=["acos"]))
    assert the(run(tmp_path, kpis=kpis), "kpi-drives-no-goal").where.kpi == "acos"


def test_a_guard_or_an_official_threshold_counts_as_aligned(tmp_path: Path) -> None:
    official = [{"platform": "amazon", "op": "<", "value": 0.01, "kind": "official",
                 "source": "Amazon Seller Central help 200285170", "as_of": "2025-12-01"}]
    kpis = sound_kpis(
        acos=k("acos", {"operations": 8}, "efficiency", kind="lead", direction="lower",
               drives=["net_margin"], counter=["ad_sales"]),
        ad_sales=k("ad_sales", {"operations": 7}, "growth", unit="currency"),
        odr=k("odr", {"operations": 6}, "risk", direction="lower", targets=official))
    ans = sound_answers(roles=[{"role": "operations", "kpi_count": 5, "exclude": ["gmv"],
                                "pin": ["ad_sales", "odr"]}])
    findings = run(tmp_path, ans, kpis)
    lib = load_library(base=tmp_path / "lib")
    chosen = {"ad_sales", "odr"}
    assert chosen <= {x.kpi for x in select(Answers.model_validate(ans), lib).roles[0].kpis}
    assert not [f for f in findings if f.code == "kpi-drives-no-goal" and f.where.kpi in chosen]


# --- pitfall 2: 3-5 KPIs ---------------------------------------------------------------------

def test_role_with_fewer_than_three_kpis(tmp_path: Path) -> None:
    kpis = [k("gmv", {"operations": 5}, "growth", unit="currency", counter=["net_margin"]),
            k("net_margin", {"operations": 4}, "profit", kind="lead", counter=["gmv"])]
    ans = sound_answers(roles=[{"role": "operations", "kpi_count": 3}])
    f = the(run(tmp_path, ans, kpis), "kpi-count")
    assert f.pitfall == 2 and "2" in f.message and f.where.role_key == "operations"


# --- pitfall 1: actions --------------------------------------------------------------------

def test_kpi_with_placeholder_actions_is_an_error(tmp_path: Path) -> None:
    kpis = sound_kpis(acos=k("acos", {"operations": 8}, "efficiency", kind="lead",
                             direction="lower", drives=["net_margin"], counter=["gmv"],
                             actions=[{"en": "TBD", "zh": "待定"}, {"en": "...", "zh": "…"}]))
    findings = run(tmp_path, kpis=kpis)
    f = the(findings, "kpi-without-actions")
    assert f.severity == "error" and f.pitfall == 1 and f.where.kpi == "acos"
    assert exit_status(findings) == 1


def test_kpi_with_one_real_action_is_a_warning(tmp_path: Path) -> None:
    kpis = sound_kpis(acos=k("acos", {"operations": 8}, "efficiency", kind="lead",
                             direction="lower", drives=["net_margin"], counter=["gmv"],
                             actions=["Cut bids on search terms with no orders",
                                      "cut bids on search terms  with no orders"]))
    f = the(run(tmp_path, kpis=kpis), "kpi-few-actions")
    assert f.severity == "warning" and f.pitfall == 1


def test_placeholders() -> None:
    for text in ("TBD", " tbd. ", "待定", "待补充", "...", "…", "-", "N/A", "同上", "", "  "):
        assert is_placeholder(text), text
    for text in ("Add a main-image video", "优化主图视频", "A/B test prices"):
        assert not is_placeholder(text), text
    assert real_actions(["Do X", "do  x", "TBD", "Do Y"]) == ["Do X", "Do Y"]


# --- scenario 2: gaming ---------------------------------------------------------------------

def test_efficiency_only_role(tmp_path: Path) -> None:
    kpis = [k("gmv", {}, "growth", unit="currency"), k("net_margin", {}, "profit"),
            k("acos", {"operations": 9}, "efficiency", kind="lead", direction="lower",
              drives=["net_margin"], counter=["ad_sales"]),
            k("roas", {"operations": 8}, "efficiency", unit="times", drives=["net_margin"],
              counter=["ad_sales"]),
            k("cpc", {"operations": 7}, "efficiency", kind="lead", unit="currency",
              direction="lower", drives=["acos", "gmv"], counter=["ad_sales"]),
            k("ad_sales", {}, "growth", unit="currency")]
    ans = sound_answers(roles=[{"role": "operations", "kpi_count": 3}])
    findings = run(tmp_path, ans, kpis)
    f = the(findings, "role-efficiency-only")
    assert f.scenario == 2 and f.where.to_dict() == {"role_key": "operations"}
    assert all(name in f.message for name in ("Acos", "Roas", "Cpc"))
    assert "counter-not-selected" not in codes(findings)  # the role finding says it once


def test_volume_only_role(tmp_path: Path) -> None:
    kpis = [k("gmv", {"operations": 9}, "growth", unit="currency"),
            k("sessions", {"operations": 8}, "growth", kind="lead", unit="count",
              drives=["gmv"]),
            k("ad_sales", {"operations": 7}, "growth", kind="lead", unit="currency",
              drives=["gmv"])]
    ans = sound_answers(goals=[sound_answers()["goals"][0]],
                        roles=[{"role": "operations", "kpi_count": 3}])
    f = the(run(tmp_path, ans, kpis), "role-volume-only")
    assert f.severity == "warning" and f.scenario == 2


def test_counter_metric_missing_from_the_role(tmp_path: Path) -> None:
    kpis = sound_kpis(
        conversion_rate=k("conversion_rate", {"operations": 9}, "efficiency", kind="lead",
                          drives=["gmv"], counter=["return_rate"]),
        return_rate=k("return_rate", {}, "quality", direction="lower"))
    f = the(run(tmp_path, kpis=kpis), "counter-not-selected")
    assert f.where.kpi == "conversion_rate" and "Return Rate" in f.message


def test_a_kpi_of_the_counters_balance_guards_too(tmp_path: Path) -> None:
    # net_margin (profit) is in the role: it guards conversion as well as gross margin would
    kpis = sound_kpis(
        conversion_rate=k("conversion_rate", {"operations": 9}, "efficiency", kind="lead",
                          drives=["gmv"], counter=["gross_margin"]),
        gross_margin=k("gross_margin", {}, "profit"))
    assert "counter-not-selected" not in codes(run(tmp_path, kpis=kpis))


# --- pitfalls 3 and 9: data ----------------------------------------------------------------

def test_kpi_the_clients_systems_cannot_feed(tmp_path: Path) -> None:
    kpis = sound_kpis(acos=k("acos", {"operations": 8}, "efficiency", kind="lead",
                             direction="lower", drives=["net_margin"], counter=["gmv"],
                             data_sources=["erp", "wms"]))
    ans = sound_answers(systems={"erp": "none", "bi": "metabase"})
    f = the(run(tmp_path, ans, kpis), "data-source-unavailable")
    assert f.pitfall == 3 and f.where.kpi == "acos" and "ERP" in f.message
    with_erp = run(tmp_path / "b", sound_answers(), kpis)
    assert "data-source-unavailable" not in codes(with_erp)


def test_kpi_kept_by_hand(tmp_path: Path) -> None:
    kpis = sound_kpis(acos=k("acos", {"operations": 8}, "efficiency", kind="lead",
                             direction="lower", drives=["net_margin"], counter=["gmv"],
                             data_sources=["manual"]))
    f = the(run(tmp_path, kpis=kpis), "data-source-manual")
    assert f.severity == "info" and f.pitfall == 3


def test_no_erp(tmp_path: Path) -> None:
    one = the(run(tmp_path, sound_answers(systems={"erp": "none", "bi": "metabase"})), "no-erp")
    assert one.severity == "info" and one.pitfall == 3
    two = sound_answers(systems={"erp": "none", "bi": "metabase"},
                        platforms=[{"id": "amazon"}, {"id": "shopee"}])
    f = the(run(tmp_path / "b", two), "no-erp")
    assert f.severity == "warning" and f.scenario == 3


def test_no_dashboard(tmp_path: Path) -> None:
    f = the(run(tmp_path, sound_answers(systems={"erp": "lingxing", "bi": "none"})),
            "no-dashboard")
    assert f.severity == "info" and f.pitfall == 9
    f = the(run(tmp_path / "b", sound_answers(systems={"erp": "none", "bi": "none"})),
            "no-dashboard")
    assert f.severity == "warning"
    f = the(run(tmp_path / "c", sound_answers(systems={"erp": "lingxing", "bi": "spreadsheet"})),
            "no-dashboard")
    assert "spreadsheet" in f.message


# --- pitfall 5: stale official thresholds ---------------------------------------------------

def stale_kpis(as_of: str) -> list[dict]:
    official = [{"platform": "amazon", "op": "<=", "value": 0.3, "kind": "official",
                 "source": "Amazon help page 123", "as_of": as_of}]
    return sound_kpis(acos=k("acos", {"operations": 8}, "efficiency", kind="lead",
                             direction="lower", drives=["net_margin"], counter=["gmv"],
                             targets=official))


def test_official_threshold_older_than_a_year(tmp_path: Path) -> None:
    f = the(run(tmp_path, kpis=stale_kpis("2024-11-30")), "official-target-stale")
    assert f.pitfall == 5 and f.where.to_dict() == {"kpi": "acos"} and "2024-11-30" in f.message
    assert "official-target-stale" not in codes(run(tmp_path / "b", kpis=stale_kpis("2025-01-05")))


def test_stale_is_relative_to_the_reference_date(tmp_path: Path) -> None:
    kpis = stale_kpis("2024-11-30")
    assert "official-target-stale" not in codes(run(tmp_path, kpis=kpis,
                                                    today=dt.date(2025, 11, 30)))
    assert "official-target-stale" in codes(run(tmp_path / "b", kpis=kpis,
                                                today=dt.date(2025, 12, 1)))


# --- pitfalls 7 and 8: pay ------------------------------------------------------------------

def test_kpis_carry_most_of_the_pay(tmp_path: Path) -> None:
    f = the(run(tmp_path, sound_answers(incentives={"linked_to_pay": True,
                                                    "kpi_weight_percent": 60})),
            "pay-weight-high")
    assert f.pitfall == 7 and "60" in f.message
    ok = sound_answers(incentives={"linked_to_pay": True, "kpi_weight_percent": 50})
    assert "pay-weight-high" not in codes(run(tmp_path / "b", ok))


def test_weight_without_link(tmp_path: Path) -> None:
    f = the(run(tmp_path, sound_answers(incentives={"linked_to_pay": False,
                                                    "kpi_weight_percent": 30})),
            "pay-weight-unlinked")
    assert f.severity == "info"


def role_without_soft_contributions(tmp_path: Path) -> Path:
    user = tmp_path / "house"
    user.mkdir(parents=True)
    YAML().dump([{"id": "operations", "name": {"en": "Operations", "zh": "运营"},
                  "mission": {"en": "Sell.", "zh": "卖货。"}, "soft_contributions": []}],
                user / "roles.yaml")
    return user


def test_pay_linked_and_no_room_for_soft_contributions(tmp_path: Path) -> None:
    user = role_without_soft_contributions(tmp_path)
    f = the(run(tmp_path, user=user), "soft-contributions-missing")
    assert f.pitfall == 8 and f.where.role_key == "operations"
    unlinked = sound_answers(incentives={"linked_to_pay": False, "kpi_weight_percent": 0})
    assert "soft-contributions-missing" not in codes(run(tmp_path / "b", unlinked, user=user))


# --- pitfall 10 -----------------------------------------------------------------------------

def test_no_quarterly_review(tmp_path: Path) -> None:
    f = the(run(tmp_path, sound_answers(review={"quarterly": False})), "no-quarterly-review")
    assert f.pitfall == 10 and f.severity == "warning"


# --- language, rendering -------------------------------------------------------------------

def test_findings_in_the_clients_language(tmp_path: Path) -> None:
    ans = sound_answers(client={"name": "测试", "language": "zh"}, review={"quarterly": False},
                        team_size=3)
    findings = run(tmp_path, ans)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in f.message + f.fix) for f in findings)
    assert the(findings, "no-quarterly-review").message.startswith("没有安排季度复盘")


def test_text_report_groups_by_severity(tmp_path: Path) -> None:
    kpis = [*sound_kpis(), k("inventory_turnover", {"purchasing": 8}, "cash", unit="times")]
    ans = sound_answers(goals=[*sound_answers()["goals"],
                               {"kpi": "inventory_turnover", "target": 6, "by": "2026-03-31"}],
                        systems={"erp": "lingxing", "bi": "none"}, review={"quarterly": False})
    out = render_text(run(tmp_path, ans, kpis), "en", title="a.yaml")
    assert out.startswith("a.yaml: 1 error, 1 warning, 1 note\n")
    assert out.index("ERRORS (1)") < out.index("WARNINGS (1)") < out.index("NOTES (1)")
    assert "goal-without-driver  goal inventory_turnover" in out
    assert "pitfall 10: launch and forget" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_health_section_is_deterministic_and_dated_by_scope_start(tmp_path: Path) -> None:
    lib = load_library(base=write_library(tmp_path / "lib", stale_kpis("2024-11-30")))
    ans = Answers.model_validate(sound_answers(review={"quarterly": False}))
    sel = select(ans, lib)
    md, appendix = health_section(ans, sel, lib, "en")
    assert md.startswith("## 8. Health check\n")
    assert "### Warnings (2)" in md
    # the finding codes and the fixes in the tool's words are for the consultant only
    assert "`official-target-stale`" in appendix and "official-target-stale" not in md
    assert appendix.startswith("## Appendix: notes for the consultant\n")
    assert (md, appendix) == health_section(ans, sel, lib, "en")
    later = Answers.model_validate(sound_answers(
        review={"quarterly": False}, scope={"level": "company", "start": "2025-06-01"},
        goals=[{"kpi": "gmv", "target": 1_000_000, "by": "2025-08-31"},
               {"kpi": "net_margin", "target": 0.12, "by": "2025-08-31"}]))
    assert "official-target-stale" not in health_section(later, select(later, lib), lib, "en")[1]
    zh, _ = health_section(ans, sel, lib, "zh")
    assert zh.startswith("## 8. 健康检查\n") and "### 警告 (2)" in zh


def test_sound_health_section_says_so(tmp_path: Path) -> None:
    lib = load_library(base=write_library(tmp_path / "lib", sound_kpis()))
    ans = Answers.model_validate(sound_answers())
    md, appendix = health_section(ans, select(ans, lib), lib, "en")
    assert "0 errors, 0 warnings, 0 notes" in md and "No findings." in md and "|" not in md
    assert appendix == ""


# --- the command ---------------------------------------------------------------------------

@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`linkstar ...` against an inline library instead of the shipped one."""
    from linkstar_kit import cli as cli_mod
    from linkstar_kit.library import loader

    lib = write_library(tmp_path / "lib", [*sound_kpis(),
                                           k("inventory_turnover", {"purchasing": 8}, "cash",
                                             unit="times")])
    monkeypatch.setattr(loader, "shipped_library_dir", lambda: lib)

    def invoke(ans: dict[str, Any], *args: str) -> int:
        path = tmp_path / "answers.yaml"
        YAML().dump(ans, path)
        return cli_mod.main(["check", str(path), "--today", "2026-01-05", *args])

    return invoke


def test_check_command_sound(cli: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(sound_answers()) == 0
    out = capsys.readouterr().out
    assert "0 errors, 0 warnings, 0 notes" in out and "No findings." in out


def test_check_command_exit_status_and_json(cli: Any, capsys: pytest.CaptureFixture[str]) -> None:
    ans = sound_answers(goals=[*sound_answers()["goals"],
                               {"kpi": "inventory_turnover", "target": 6, "by": "2026-03-31"}])
    assert cli(ans, "--json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data[0] == {
        "code": "goal-without-driver", "severity": "error", "pitfall": None, "scenario": None,
        "where": {"goal": "inventory_turnover"}, "message": data[0]["message"],
        "fix": data[0]["fix"]}
    assert set(data[0]) == {"code", "severity", "pitfall", "scenario", "where", "message", "fix"}


def test_check_command_strict(cli: Any, capsys: pytest.CaptureFixture[str]) -> None:
    ans = sound_answers(review={"quarterly": False})
    assert cli(ans) == 0
    assert "no-quarterly-review" in capsys.readouterr().out
    assert cli(ans, "--strict") == 1
    info_only = sound_answers(systems={"erp": "lingxing", "bi": "none"})
    assert cli(info_only, "--strict") == 0


def test_check_command_with_a_house_library(cli: Any, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    house = tmp_path / "house"
    (house / "kpis").mkdir(parents=True)
    YAML().dump([k("acos", {"operations": 8}, "efficiency", kind="lead", direction="lower",
                   drives=["net_margin"], counter=["gmv"],
                   actions=[{"en": "TBD", "zh": "待定"}, {"en": "TODO", "zh": "待补充"}])],
                house / "kpis" / "house.yaml")
    assert cli(sound_answers(), "--library", str(house), "--lang", "zh") == 1
    out = capsys.readouterr().out
    assert "kpi-without-actions" in out and "没有任何具体的改善动作" in out


def test_check_command_bad_answers(cli: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(sound_answers(stage="booming")) == 1
    err = capsys.readouterr().err
    assert "stage" in err and "Traceback" not in err


# --- the article's example -----------------------------------------------------------------

def test_the_articles_amazon_example_has_no_errors() -> None:
    from linkstar_kit.answers.loader import load_answers

    lib = load_library()
    ans = load_answers(ROOT / "examples" / "amazon-us.yaml", lib)
    findings = check(ans, lib, today=ans.scope.start)
    assert [f for f in findings if f.severity == "error"] == [], codes(findings)
    assert exit_status(findings) == 0


def test_generate_adds_the_health_section(tmp_path: Path) -> None:
    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.kit.generate import build_files

    lib = load_library()
    ans = load_answers(ROOT / "examples" / "amazon-us.yaml", lib)
    files, _ = build_files(ans, lib, formats=["md"])
    text = files.files["consultant/notes.md"].decode()
    assert "## 1. 健康检查" in text and "## 5. 各项检查结果的处理方法" in text
    # the client's document carries neither the health check nor the consultant's appendix
    client = files.files["kpi-system.md"].decode()
    assert "健康检查" not in client and "顾问" not in client
    again, _ = build_files(ans, lib, formats=["md"])
    assert again.files["consultant/notes.md"] == files.files["consultant/notes.md"]


def test_headcounts_above_team_size_are_flagged(tmp_path) -> None:
    from linkstar_kit.answers.models import Answers
    from linkstar_kit.doctor import check
    from linkstar_kit.library.loader import load_library

    data = {"version": 1, "client": {"name": "X"}, "scope": {"start": "2026-01-05"},
            "stage": "growth", "team_size": 6,
            "platforms": [{"id": "amazon"}],
            "goals": [{"kpi": "gmv", "target": 1000000, "by": "2026-03-31"}],
            "roles": [{"role": "operations", "headcount": 4}, {"role": "purchasing", "headcount": 3}]}
    codes = [f.code for f in check(Answers.model_validate(data), load_library())]
    assert "headcount-exceeds-team" in codes
    data["team_size"] = 7
    codes = [f.code for f in check(Answers.model_validate(data), load_library())]
    assert "headcount-exceeds-team" not in codes


def test_a_fulfillment_model_the_platform_does_not_run_is_flagged() -> None:
    from linkstar_kit.answers.models import Answers
    from linkstar_kit.doctor import check
    from linkstar_kit.library.loader import load_library

    data = {"version": 1, "client": {"name": "X"}, "scope": {"start": "2026-01-05"},
            "stage": "growth", "team_size": 8,
            "platforms": [{"id": "shopee", "fulfillment": ["fba"]}],
            "goals": [{"kpi": "gmv", "target": 1000000, "by": "2026-03-31"}],
            "roles": [{"role": "operations"}]}
    assert "fulfillment-not-offered" in [f.code for f in check(Answers.model_validate(data),
                                                                load_library())]
    data["platforms"] = [{"id": "shopee", "fulfillment": ["self_ship"]}]
    assert "fulfillment-not-offered" not in [f.code for f in check(Answers.model_validate(data),
                                                                    load_library())]


def test_kpis_without_a_target_are_listed_for_kick_off() -> None:
    from linkstar_kit.answers.models import Answers
    from linkstar_kit.doctor import check
    from linkstar_kit.library.loader import load_library

    data = {"version": 1, "client": {"name": "X"}, "scope": {"start": "2026-01-05"},
            "stage": "growth", "team_size": 8, "platforms": [{"id": "amazon"}],
            "goals": [{"kpi": "net_margin", "target": 0.1, "by": "2026-03-31"}],
            "roles": [{"role": "operations", "pin": ["gmv_growth"]}]}
    found = [f for f in check(Answers.model_validate(data), load_library())
             if f.code == "targets-to-set"]
    assert found and found[0].severity == "info" and "GMV growth" in found[0].message


def test_a_month_long_project_needs_no_quarterly_review() -> None:
    from linkstar_kit.answers.models import Answers
    from linkstar_kit.doctor import check
    from linkstar_kit.library.loader import load_library

    data = {"version": 1, "client": {"name": "X"},
            "scope": {"level": "project", "name": "Black Friday", "start": "2026-11-01",
                      "horizon": "month"},
            "stage": "growth", "team_size": 8, "platforms": [{"id": "amazon"}],
            "goals": [{"kpi": "gmv", "target": 500000, "by": "2026-11-30"}],
            "roles": [{"role": "operations"}], "review": {"quarterly": False}}
    codes = [f.code for f in check(Answers.model_validate(data), load_library())]
    assert "no-quarterly-review" not in codes
    data["scope"] = {"level": "company", "start": "2026-11-01"}
    codes = [f.code for f in check(Answers.model_validate(data), load_library())]
    assert "no-quarterly-review" in codes


# --- issue 10: a goal's stretch for the stage, the monthly review after the close ----------------

def test_a_goal_moving_further_than_the_stage_allows_is_a_stretch(tmp_path: Path) -> None:
    ans = sound_answers(stage="growth")
    ans["goals"][1].update(baseline=0.08, target=0.15)  # +7 points in a quarter
    f = the(run(tmp_path, ans), "goal-stretch")
    assert f.severity == "warning" and f.where.goal == "net_margin" and "7 points" in f.message
    ans["goals"][1].update(baseline=0.09, target=0.15)  # +6: within 2 points a month
    assert "goal-stretch" not in codes(run(tmp_path / "b", ans))
    ans["goals"][0].update(baseline=500_000, target=1_000_000)  # x2 in a quarter
    assert the(run(tmp_path / "c", ans), "goal-stretch").where.goal == "gmv"


def test_monthly_review_before_the_close_is_flagged(tmp_path: Path) -> None:
    close = k("month_end_close_days", {"finance": 5}, "efficiency", unit="days",
              direction="lower", targets=[{"op": "<=", "value": 10, "kind": "house",
                                           "as_of": "2026-01-01",
                                           "source": "LinkStar library default: test"}])
    kpis = [*sound_kpis(), close]
    ans = sound_answers(review={"monthly": {"day": 3}})
    f = the(run(tmp_path, ans, kpis), "review-before-close")
    assert f.severity == "warning" and "10 working days" in f.message
    ans = sound_answers(review={"monthly": {"day": 15}})
    assert "review-before-close" not in codes(run(tmp_path / "b", ans, kpis))
