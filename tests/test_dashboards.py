"""Dashboards: Grafana JSON against Grafana's schema, every panel query on a loaded store,
thresholds and units from the targets, and the tool-neutral definition."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from linkstar_kit.cli import main
from linkstar_kit.rag import Rag
from storekit import EXAMPLES, SCHEMAS, build_kit, filled_template

COLOURS = {"green": "green", "amber": "orange", "red": "red"}


@pytest.fixture(scope="module", params=[e.stem for e in EXAMPLES])
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kit per example, its template filled and loaded with `linkstar load`."""
    example = next(e for e in EXAMPLES if e.stem == request.param)
    root = tmp_path_factory.mktemp(example.stem)
    kit = build_kit(example, root / "kit")
    assert main(["load", str(kit), str(filled_template(kit, root / "actuals.csv"))]) == 0
    return kit


def grafana(kit: Path) -> dict[str, Any]:
    return json.loads((kit / "dashboards" / "grafana.json").read_text(encoding="utf-8"))


def neutral(kit: Path) -> dict[str, Any]:
    return YAML(typ="safe").load((kit / "dashboards" / "dashboard.yaml").read_text("utf-8"))


def test_examples_exist() -> None:
    assert {e.stem for e in EXAMPLES} >= {"amazon-us"}


def test_grafana_json_passes_the_schema(loaded: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = SCHEMAS / "grafana-dashboard.jsonschema.json"
    if not schema_file.is_file():
        pytest.skip(f"Grafana's dashboard schema is not at {schema_file} (shared/ beside the repo)")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(grafana(loaded)), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in errors[:5])


def test_every_panel_query_runs_on_the_loaded_store(loaded: Path) -> None:
    con = sqlite3.connect(loaded / "data" / "kpi.sqlite")
    ran = planned = 0
    try:
        for panel in grafana(loaded)["panels"]:
            for target in panel.get("targets", []):
                assert target["queryText"] == target["rawQueryText"]
                assert "$" not in target["queryText"]  # no macros: runs unchanged
                rows = con.execute(target["queryText"]).fetchall()
                if "FROM open_issues" in target["queryText"]:
                    assert target["queryType"] == "table"  # empty until `linkstar review` ran
                    continue
                assert rows, f"{panel['title']}: no data from {target['queryText']}"
                if "FROM status_by_period" in target["queryText"]:  # KPIs counted by status
                    assert all(isinstance(n, int) for r in rows for n in r[1:])
                    assert sum(n for r in rows for n in r[1:]) > 0
                    continue
                for time, value, *more in rows:
                    dt.datetime.fromisoformat(time.replace("Z", "+00:00"))
                    assert isinstance(value, float)
                    if "FROM goal_pace" in target["queryText"]:
                        # a goal: the plan to date and the pace code (pacing.py)
                        plan, code = more
                        assert isinstance(plan, float) and code in (0, 1, 2)
                    elif "JOIN target_plan" in target["queryText"]:
                        # a team's cascade target: the value's share of its period's plan
                        (of_plan,) = more
                        assert of_plan is None or isinstance(of_plan, float)
                        planned += 1
                    else:
                        assert not more
                ran += 1
    finally:
        con.close()
    assert ran > 0
    if "indie-store-launch" in str(loaded):  # a GMV goal: its teams carry its plan
        assert planned > 0


def test_datasource_variable_rows_units_thresholds(loaded: Path) -> None:
    g, d = grafana(loaded), neutral(loaded)
    (var,) = g["templating"]["list"]
    assert (var["type"], var["query"], var["name"]) == (
        "datasource", "frser-sqlite-datasource", "datasource")
    rows = [p["title"] for p in g["panels"] if p["type"] == "row"]
    # the KPI sections, then the reviews' row (status by period, open issues) last
    assert rows == [s["title"] for s in d["sections"]] + [d["reviews"]["title"]]
    reviews = [p for p in g["panels"] if p["type"] != "row"][-2:]
    assert [(p["type"], p["title"]) for p in reviews] == [
        ("timeseries", d["reviews"]["panels"][0]["title"]),
        ("table", d["reviews"]["panels"][1]["title"])]
    panels = [p for p in g["panels"] if p["type"] != "row"][:-2]
    # each goal's pace has a panel of its own right after the goal's numbers
    paces = {i + 1: panels[i + 1] for i, p in enumerate(panels) if p["targets"][0]["rawQueryText"]
             .find("FROM goal_pace") >= 0 and not p.get("fieldConfig", {}).get("defaults", {})
             .get("mappings")}
    panels = [p for i, p in enumerate(panels) if i not in paces]
    # a cascade target's share of each period's plan has a panel of its own after the value's
    def is_share(p: dict[str, Any]) -> bool:
        return ("JOIN target_plan" in p["targets"][0]["rawQueryText"]
                and [t["id"] for t in p.get("transformations", [])] == ["filterFieldsByName"])

    values: list[dict[str, Any]] = []
    shares_of: dict[int, dict[str, Any]] = {}  # value panel's index -> {field: share panel}
    for p in panels:
        if is_share(p):
            field = p["transformations"][0]["options"]["include"]["names"][0]
            shares_of.setdefault(len(values) - 1, {})[field] = p
        else:
            values.append(p)
    panels = values
    model = [p for s in d["sections"] for p in s["panels"]]
    assert len(panels) == len(model)
    assert sum(map(len, shares_of.values())) == len(
        [s for p in model for s in p["series"] if s.get("of_plan")])
    assert len(paces) == len([p for p in model if p["id"].startswith("goal.")])
    for pace in paces.values():
        (mapping,) = pace["fieldConfig"]["defaults"]["mappings"]
        assert {o["color"] for o in mapping["options"].values()} == {"green", "orange", "red"}
        (keep,) = pace["transformations"]
        assert keep["id"] == "filterFieldsByName"
    for n, (gp, mp) in enumerate(zip(panels, model, strict=True)):
        assert gp["datasource"] == {"type": "frser-sqlite-datasource", "uid": "${datasource}"}
        assert all(t["datasource"]["uid"] == "${datasource}" for t in gp["targets"])
        unit = gp["fieldConfig"]["defaults"]["unit"]
        if mp["unit"] == "ratio":
            assert unit == "percentunit"
        if mp["unit"] == "currency":
            assert unit.startswith("currency")
        first = mp["series"][0]
        steps = gp["fieldConfig"]["defaults"]["thresholds"]["steps"]
        if mp["id"].startswith("goal."):
            # a goal is coloured by its pace (the panel after it), not by its final target
            assert [(x["value"], x["color"]) for x in steps] == [(None, "text")]
            continue
        assert [(x["value"], x["color"]) for x in steps] == expected_steps(first)
        overrides = {o["matcher"]["options"]["names"][0]: o["properties"][0]["value"]["steps"]
                     for o in gp["fieldConfig"]["overrides"]}
        for s in mp["series"]:
            if s.get("of_plan"):
                # judged per period against its own plan: its share of the plan is coloured,
                # met at 100 % (a stub month's 3 days against 3 days' plan)
                rag = Rag.from_target(s["target"]["op"], 1.0)
                share = shares_of[n][s["of_plan"]["field"]]["fieldConfig"]["defaults"]
                assert share["unit"] == "percentunit"
                assert [(x["value"], x["color"]) for x in share["thresholds"]["steps"]] \
                    == [(v, COLOURS[c]) for v, c in rag.steps()]
                assert s["of_plan"]["thresholds"] == rag.to_dict()
                assert sum(p["value"] for p in s["plan"]) > 0
                (hide,) = gp["transformations"]  # the value's panel leaves the share out
                assert hide["options"]["excludeByName"] == {s["of_plan"]["field"]: True}
        for s in mp["series"][1:]:
            if s["name"] in overrides:
                assert [(x["value"], x["color"]) for x in overrides[s["name"]]] == \
                    expected_steps(s)
            else:
                assert s["thresholds"] == first["thresholds"]


def expected_steps(series: dict[str, Any]) -> list[tuple[float | None, str]]:
    """A series' Grafana steps: from its target's RAG bands, or plain text without a target."""
    if series["target"] is None or series.get("of_plan"):
        return [(None, "text")]
    line = series["target"].get("line")
    rag = Rag.from_target(series["target"]["op"], series["target"]["value"],
                          (line["op"], line["value"]) if line else None)
    steps = [(v, COLOURS[c]) for v, c in rag.steps()]
    assert len({c for _, c in steps}) >= 2
    return steps


def test_metabase_superset_get_a_note_not_a_file(loaded: Path) -> None:
    answers = YAML(typ="safe").load((loaded / "answers.yaml").read_text(encoding="utf-8"))
    bi = (answers.get("systems") or {}).get("bi", "none")
    targets = neutral(loaded)["targets"]
    assert targets["grafana"] == "dashboards/grafana.json"
    if bi in ("metabase", "superset"):
        assert "data/kpi.sqlite" in targets[bi]
    assert sorted(p.name for p in (loaded / "dashboards").iterdir()) == [
        "dashboard.yaml", "grafana.json"]


def test_goals_come_first(loaded: Path) -> None:
    d = neutral(loaded)
    assert d["sections"][0]["id"] == "goals"
    selection = json.loads((loaded / "selection.json").read_text(encoding="utf-8"))
    assert [p["kpi"] for p in d["sections"][0]["panels"]] == [g["kpi"] for g in
                                                              selection["goals"]]
    assert [s["role_key"] for s in d["sections"][1:]] == [r["key"] for r in selection["roles"]]
    for s, role in zip(d["sections"][1:], selection["roles"], strict=True):
        carried = [p["kpi"] for p in s["panels"] if "watch_for" not in p]
        assert carried == [k["kpi"] for k in role["kpis"]]
        # counter metrics the role does not carry follow as watch panels, each guarding one
        for p in s["panels"][len(carried):]:
            assert p["watch_for"] in carried and p["kpi"] not in carried


def test_neutral_panels_carry_what_a_bi_tool_needs(loaded: Path) -> None:
    con = sqlite3.connect(loaded / "data" / "kpi.sqlite")
    try:
        for section in neutral(loaded)["sections"]:
            for p in section["panels"]:
                assert p["title"]["en"] and p["title"]["zh"]
                assert p["unit"] and p["direction"] and p["frequency"] and p["owner"]["title"]
                for s in p["series"]:
                    assert con.execute(s["sql"]).fetchall()
                    if s["target"] is not None:
                        th = s["of_plan"]["thresholds"] if s.get("of_plan") else s["thresholds"]
                        assert set(th) == {"green", "amber", "red"}
    finally:
        con.close()


def test_outputs_are_deterministic(loaded: Path, request: pytest.FixtureRequest) -> None:
    """A second build, in memory, gives the bytes the fixture's build wrote (one build less
    than building twice here: the module's kit is the first)."""
    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.kit.generate import build_files
    from linkstar_kit.library.loader import load_library

    example = next(e for e in EXAMPLES if e.stem == request.node.callspec.params["loaded"])
    library = load_library()
    answers = load_answers(example, library)
    b, _ = build_files(answers, library, formats=["dashboards", "xlsx"])
    for path in ("data/schema.sql", "dashboards/dashboard.yaml", "dashboards/grafana.json",
                 "scorecard/actuals-template.csv", "scorecard/scorecard.xlsx"):
        assert (loaded / path).read_bytes() == b.files[path], path


def test_heavy_imports_stay_off_the_help_path() -> None:
    import subprocess
    import sys

    code = ("import sys; import linkstar_kit.cli as c; c.build_parser(); "
            "print(any(m.startswith(('grafana_foundation_sdk', 'openpyxl')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
