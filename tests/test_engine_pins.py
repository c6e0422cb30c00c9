"""Tests that pin the engine: each one kills a mutation of engine/select.py or targets.py that
the rest of the suite let through (issue 13), and its docstring says what it protects.

Each was checked by applying its mutation by hand: the test fails with it, passes without.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from libfactory import answers, kpi, write_library
from linkstar_kit.answers.models import Answers
from linkstar_kit.engine.models import Selection
from linkstar_kit.engine.select import COUNTER_MIN_FIT, select
from linkstar_kit.library.loader import load_library


def family(rec: dict[str, Any], balance: str) -> dict[str, Any]:
    return {**rec, "balance": balance}


def run(tmp_path: Path, ans: dict[str, Any], kpis: list[dict], rules: list[dict] | None = None
        ) -> Selection:
    lib = load_library(base=write_library(tmp_path / "lib", kpis, rules))
    return select(Answers.model_validate(ans), lib)


def chosen(sel: Selection, key: str | None = None) -> list[str]:
    role = sel.roles[0] if key is None else sel.role(key)
    return [k.kpi for k in role.kpis]


def test_a_guard_never_displaces_a_kpi_stronger_than_the_one_it_guards(tmp_path: Path) -> None:
    """A counter metric joins beside the KPI it guards only in place of a weaker KPI (select.py,
    `_balance`: `max_victim_score=guarded.score`). Without the cap the guard of a modest pinned
    KPI pushes out the role's strongest KPI."""
    kpis = [
        family(kpi("strong", {"operations": 9}), "profit"),
        family(kpi("lead_one", {"operations": 8}, kind="lead"), "growth"),
        family(kpi("modest", {"operations": 3}, counter=["its_guard"]), "quality"),
        family(kpi("its_guard", {"operations": COUNTER_MIN_FIT}, kind="lead"), "risk"),
        kpi("gmv", {"finance": 5}, unit="currency"),
    ]
    sel = run(tmp_path, answers(roles=[{"role": "operations", "kpi_count": 3, "pin": ["modest"]}]),
              kpis)
    assert "strong" in chosen(sel)
    assert "its_guard" not in chosen(sel)
    assert sorted(chosen(sel)) == ["lead_one", "modest", "strong"]


def test_pins_raise_the_kpi_count(tmp_path: Path) -> None:
    """Four pins on a role whose default count is 3 give 4 KPIs, every pin kept (select.py:
    `count = max(count, min(len(entry.pin), MAX_KPIS))`); without it a pin is dropped."""
    kpis = [family(kpi(f"k{i}", {"operations": 9 - i}, kind="lead" if i % 2 else "lag"), f)
            for i, f in enumerate(("profit", "growth", "quality", "risk", "cash", "people"))]
    kpis.append(kpi("gmv", {"finance": 5}, unit="currency"))
    pins = ["k5", "k4", "k3", "k2"]
    sel = run(tmp_path, answers(team_size=6, roles=[{"role": "operations", "pin": pins}]), kpis)
    assert set(pins) <= set(chosen(sel))
    assert len(chosen(sel)) == 4


def test_covering_one_goal_never_uncovers_another(tmp_path: Path) -> None:
    """A goal's only driver is protected while the other goals are covered (select.py,
    `_cover_goals.protect_sole_drivers`): covering `goal_b` must take the place of a KPI that
    drives nothing, not of `drives_a`, the only driver of `goal_a`."""
    kpis = [
        family(kpi("strong", {"operations": 9}), "profit"),
        family(kpi("lead_one", {"operations": 8}, kind="lead"), "growth"),
        family(kpi("drives_a", {"operations": 3}, drives=["goal_a"]), "quality"),
        family(kpi("drives_b", {"operations": 1}, drives=["goal_b"]), "risk"),
        kpi("goal_a", {"finance": 5}, unit="currency"),
        kpi("goal_b", {"finance": 5}, unit="currency"),
    ]
    goals = [{"kpi": "goal_a", "target": 100, "by": "2026-03-31"},
             {"kpi": "goal_b", "target": 100, "by": "2026-03-31"}]
    sel = run(tmp_path, answers(goals=goals, roles=[{"role": "operations", "kpi_count": 3}]),
              kpis)
    assert {"drives_a", "drives_b"} <= set(chosen(sel))
    assert all(g.drivers for g in sel.goals), [(g.kpi, g.drivers) for g in sel.goals]
    assert not sel.warnings


def test_a_kpi_added_to_cover_a_goal_gets_its_guard(tmp_path: Path) -> None:
    """The roles are balanced again after goal coverage (select.py, `select`: `_balance` after
    `_cover_goals`): a driver added for a goal brings its counter metric, in place of a KPI
    weaker than the driver."""
    kpis = [
        family(kpi("strong", {"operations": 9}), "profit"),
        family(kpi("lead_one", {"operations": 8}, kind="lead"), "profit"),
        family(kpi("middling", {"operations": 5.5}), "quality"),
        family(kpi("driver", {"operations": 4}, drives=["goal_a"], counter=["guard"]), "profit"),
        family(kpi("guard", {"operations": COUNTER_MIN_FIT}, kind="lead"), "cash"),
        kpi("goal_a", {"finance": 5}, unit="currency"),
    ]
    goals = [{"kpi": "goal_a", "target": 100, "by": "2026-03-31"}]
    sel = run(tmp_path, answers(team_size=6, goals=goals, roles=[{"role": "operations"}]), kpis)
    got = chosen(sel)
    assert "driver" in got and "guard" in got, got
    assert "middling" not in got


TARGET = {"op": ">=", "kind": "house", "source": "house default", "as_of": "2026-01-01"}


def test_a_rules_platform_target_stays_on_its_platform(tmp_path: Path) -> None:
    """A rule's `set_target` for one platform sets that platform's target only (targets.py,
    `resolve_targets`: `if st.platform not in (None, p): continue`)."""
    kpis = [kpi("rate", {"operations": 9}, targets=[{**TARGET, "value": 0.5}]),
            kpi("gmv", {"finance": 5}, unit="currency")]
    rules = [{"id": "amazon-line", "because": {"en": "because", "zh": "因为"},
              "when": "platforms contains amazon",
              "then": [{"effect": "set_target", "kpi": "rate", "platform": "amazon", "op": ">=",
                        "value": 0.9, "kind": "house", "source": "house rule",
                        "as_of": "2026-01-01"}]}]
    sel = run(tmp_path, answers(platforms=[{"id": "amazon", "sites": ["US"]},
                                           {"id": "shopee", "sites": ["SG"]}],
                                roles=[{"role": "operations", "kpi_count": 3}]), kpis, rules)
    (rate,) = [k for k in sel.roles[0].kpis if k.kpi == "rate"]
    by_platform = {t.platform: t.value for t in rate.targets}
    assert by_platform == {"amazon": 0.9, "shopee": 0.5}


def test_a_site_scoped_target_never_applies_to_a_site_outside_its_list(tmp_path: Path) -> None:
    """A library target for some sites of a platform (Amazon US only) is never the target of a
    site outside that list (targets.py, `_library_target`: the client's sites must be within
    the target's sites, not merely overlap them). A client on US and DE gets the US line only
    where it says US, and DE gets the platform's general line."""
    kpis = [kpi("rate", {"operations": 9}, direction="lower",
                targets=[{**TARGET, "op": "<=", "platform": "amazon", "sites": ["US"],
                          "value": 0.01, "kind": "official", "source": "Amazon US help page"},
                         {**TARGET, "op": "<=", "platform": "amazon", "value": 0.05}]),
            kpi("gmv", {"finance": 5}, unit="currency")]
    sel = run(tmp_path, answers(platforms=[{"id": "amazon", "sites": ["US", "DE"]}],
                                roles=[{"role": "operations", "kpi_count": 3}]), kpis)
    (rate,) = [k for k in sel.roles[0].kpis if k.kpi == "rate"]
    assert rate.targets

    def sites_of(t: Any) -> set[str] | None:  # None: every site of the platform
        s = getattr(t, "sites", None)
        return set(s) if s is not None else None

    for t in rate.targets:
        if t.value == 0.01:
            assert sites_of(t) is not None and sites_of(t) <= {"US"}, t
    de = [t for t in rate.targets if sites_of(t) is None or "DE" in (sites_of(t) or set())]
    assert de and all(t.value == 0.05 for t in de)
