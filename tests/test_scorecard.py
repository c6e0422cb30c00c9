"""The scorecard workbook: sheets, headers, RAG rules (evaluated in Python), validation, goals."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from linkstar_kit import catalog
from linkstar_kit.rag import Rag
from storekit import EXAMPLES, build_kit

openpyxl = pytest.importorskip("openpyxl")

CELL = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)")
GREEN, AMBER, RED = "C6EFCE", "FFEB9C", "FFC7CE"
COLOUR_OF_FILL = {GREEN: "green", AMBER: "amber", RED: "red"}


def evaluate(formula: str, value: Any) -> bool:
    """Evaluate the rule formulas the workbook uses (AND/NOT/ISNUMBER/TRUE and comparisons on
    the one cell they test) with `value` in that cell."""
    py = CELL.sub("__v", formula)
    py = (py.replace("ISNUMBER(", "_isnum(").replace("AND(", "_and(").replace("NOT(", "_not(")
          .replace("TRUE", "True"))
    assert re.fullmatch(r"[_a-z(),<>=.\deE+\-\sTrue]*", py), formula
    env = {"__v": value, "_isnum": lambda x: isinstance(x, (int, float)),
           "_and": lambda *a: all(a), "_not": lambda a: not a}
    if not isinstance(value, (int, float)):
        # comparisons on an empty cell never run: ISNUMBER guards every rule
        env["__v"] = float("nan")
        env["_isnum"] = lambda x: False
    return bool(eval(py, {"__builtins__": {}}, env))  # noqa: S307 - formulas we generated


@pytest.fixture(scope="module", params=[e.stem for e in EXAMPLES])
def kit(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    example = next(e for e in EXAMPLES if e.stem == request.param)
    return build_kit(example, tmp_path_factory.mktemp(example.stem) / "kit", formats=("xlsx",))


@pytest.fixture(scope="module")
def wb(kit: Path) -> Any:
    return openpyxl.load_workbook(kit / "scorecard" / "scorecard.xlsx")


def selection(kit: Path) -> dict[str, Any]:
    import json

    return json.loads((kit / "selection.json").read_text(encoding="utf-8"))


def rules_by_row(ws: Any) -> dict[int, list[tuple[str, str, str]]]:
    """{row: [(colour, formula, range)]} from the sheet's conditional formatting."""
    out: dict[int, list[tuple[str, str, str]]] = {}
    for cf in ws.conditional_formatting:
        rng = str(cf.sqref)
        row = int(CELL.match(rng).group(2))  # type: ignore[union-attr]
        for rule in cf.rules:
            colour = COLOUR_OF_FILL[rule.dxf.fill.fgColor.rgb[-6:]]
            out.setdefault(row, []).append((colour, rule.formula[0], rng))
    return out


def test_sheets_and_headers(kit: Path, wb: Any) -> None:
    sel = selection(kit)
    zh = sel["client"]["language"] == "zh"
    assert wb.sheetnames[:2] == (["总览", "公司目标"] if zh else ["Summary", "Goals"])
    assert len(wb.sheetnames) == 2 + len(sel["roles"])
    for name in wb.sheetnames[2:]:
        ws = wb[name]
        assert ws.freeze_panes is not None
        header = [c.value for c in ws[4]]
        assert header[0] == ("指标" if zh else "KPI")
        assert ("最新值" if zh else "Latest") in header
        assert header[-1] == ("备注（异常说明）" if zh else "Annotation")


def _tracked_rows(kit: Path) -> list[Any]:
    """What the kit tracks, from the answers it was built from (kit/answers.yaml)."""
    from linkstar_kit.answers import load_answers
    from linkstar_kit.library.loader import load_library
    from linkstar_kit.store.tracking import tracked

    library = load_library()
    answers = load_answers(_example(kit), library)
    return tracked(answers, _selection(kit), library)


def _example(kit: Path) -> Path:
    return max((e for e in EXAMPLES if kit.parent.name.startswith(e.stem)),
               key=lambda e: len(e.stem))


def _selection(kit: Path) -> Any:
    from linkstar_kit.engine.models import Selection

    return Selection.model_validate({k: v for k, v in selection(kit).items() if k != "schema"})


def test_rag_rules_met_near_miss_missed(kit: Path, wb: Any) -> None:
    """For every KPI row with a target: a met, a near-miss and a missed value each make exactly
    the rule of their colour true, with the bands of the row's own target (official lines
    included: past one, red); every sheet's rules are the summary's."""
    rows = _tracked_rows(kit)
    summary = rules_by_row(wb.worksheets[0])
    checked = 0
    for i, t in enumerate(rows):
        rules = summary.get(5 + i)
        if t.is_goal or t.rag is None:
            continue
        assert rules and sorted(c for c, _, _ in rules) == ["amber", "green", "red"]
        if t.target is not None and t.target.plan:
            # judged against each period's own plan: coloured by the status the role's sheet
            # computes (test_plans checks that status), one word per colour
            words = {c: catalog.text(wb_lang(wb), f"scorecard.{c}") for c in ("green", "amber", "red")}
            assert {c: f for c, f, _ in rules} == {
                c: f'$G{5 + i}="{w}"' for c, w in words.items()}
            checked += 1
            continue
        for expected, value in probe_values(t.rag).items():
            truths = {c: evaluate(f, value) for c, f, _ in rules}
            assert [c for c, ok in truths.items() if ok] == [expected], (t.kpi, value, truths)
        assert not any(evaluate(f, None) for _, f, _ in rules)  # empty: no colour
        checked += 1
    assert checked > 0
    shapes = {tuple(CELL.sub("X", f) for _, f, _ in r) for r in summary.values()}
    # a team target from a goal's cascade colours each period by that period's own plan
    from linkstar_kit.kit.scorecard import rag_formulas

    for t in rows:
        for p in (t.target.plan or []) if t.target else []:
            rag = Rag.from_target(t.target.op, p.value)
            shapes.add(tuple(CELL.sub("X", f) for f in rag_formulas(rag, "X").values()))
    for ws in wb.worksheets[1:]:
        by_range: dict[str, list[str]] = {}
        for r in rules_by_row(ws).values():
            for _, f, rng in r:
                by_range.setdefault(rng, []).append(CELL.sub("X", f))
        for formulas in by_range.values():
            assert tuple(formulas) in shapes


def wb_lang(wb: Any) -> str:
    """The workbook's language, from its first header."""
    return "zh" if re.search(r"[\u4e00-\u9fff]", str(wb.worksheets[0].cell(row=4, column=1).value)) \
        else "en"


def probe_values(rag: Rag) -> dict[str, float]:
    """One met, one near-miss (when the target has an amber band) and one missed value."""
    t = rag.target
    if isinstance(t, tuple):
        lo, hi = t
        vals = {"green": (lo + hi) / 2, "amber": hi + 0.05 * abs(hi), "red": hi + 0.5 * abs(hi)}
    else:
        m = 0.05 * abs(t) or 1.0
        if rag.op in (">=", ">"):
            vals = {"green": t + m, "amber": t - m, "red": t - 4 * m}
        else:
            vals = {"green": t - m, "amber": t + m, "red": t + 4 * m}
    if not rag.has_amber or rag.status(vals["amber"]) != "amber":
        vals.pop("amber")  # past an official line at once, or a target of 0
    assert {rag.status(v) for v in vals.values()} == set(vals)
    return vals


def test_acos_example_rules(kit: Path, wb: Any) -> None:
    """The method's own example: ACoS <= 25 %: 25 % green, 26 % amber, 30 % red."""
    for ws in wb.worksheets[2:]:
        for row in range(5, ws.max_row + 1):
            if ws.cell(row=row, column=1).value and "ACoS" in str(ws.cell(row=row, column=1).value) \
                    and "TACoS" not in str(ws.cell(row=row, column=1).value):
                rules = rules_by_row(ws)[row]
                got = {v: [c for c, f, _ in rules if evaluate(f, v)] for v in (0.25, 0.26, 0.30)}
                assert got == {0.25: ["green"], 0.26: ["amber"], 0.30: ["red"]}
                return
    pytest.skip("no ACoS row in this example")


def test_value_cells_are_validated(wb: Any) -> None:
    ratio_rules = 0
    for ws in wb.worksheets[2:]:
        dvs = ws.data_validations.dataValidation
        assert dvs
        for dv in dvs:
            assert dv.type == "decimal" and dv.showErrorMessage
            if dv.operator == "between" and (dv.formula1, dv.formula2) == ("0", "1"):
                ratio_rules += 1
                cell = str(dv.sqref).split(":")[0]
                assert ws[cell].number_format == "0.0%"
    assert ratio_rules > 0


def test_summary_links_to_role_sheets(wb: Any) -> None:
    summary = wb.worksheets[0]
    refs = [c.value for c in summary["F"][4:] if c.value]
    assert refs and all(str(v).startswith("=IF('") for v in refs)
    names = set(wb.sheetnames)
    for v in refs:
        sheet = re.match(r"=IF\('([^']+)'!", v).group(1)  # type: ignore[union-attr]
        assert sheet in names


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_workbook_is_deterministic(example: Path) -> None:
    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.engine.select import select
    from linkstar_kit.kit.blueprints import Blueprints
    from linkstar_kit.kit.context import KitContext
    from linkstar_kit.kit.scorecard import build_workbook
    from linkstar_kit.library.loader import load_library

    library = load_library()
    answers = load_answers(example, library)
    ctx = KitContext(answers, select(answers, library), library, Blueprints())
    a = build_workbook(ctx)
    # the same bytes as the example's kit built apart, in a context of its own and maybe in
    # another test process (kitcache.py: the kit the golden and language tests read)
    from kitcache import FORMATS, example_files

    assert "xlsx" in FORMATS
    b = example_files(example)["scorecard/scorecard.xlsx"]
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as z:
        core = z.read("docProps/core.xml").decode()
        assert {i.date_time[:3] for i in z.infolist()} == {
            (answers.scope.start.year, answers.scope.start.month, answers.scope.start.day)}
    assert f"{answers.scope.start.isoformat()}T00:00:00Z" in core


def _split_args(text: str) -> list[str]:
    args, depth, quoted, cur = [], 0, False, ""
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
        if ch == "," and depth == 0 and not quoted:
            args.append(cur)
            cur = ""
        else:
            cur += ch
    return [*args, cur]


def _to_python(text: str) -> str:
    """IF/IFERROR/AND/NOT/ISNUMBER as lazy Python expressions (Excel's IF is lazy too)."""
    out, i = "", 0
    while i < len(text):
        m = re.match(r"(IFERROR|ISNUMBER|IF|AND|OR|NOT|ABS)\(", text[i:])
        if not m:
            out += text[i]
            i += 1
            continue
        start = i + len(m.group(0))
        depth, j = 1, start
        while depth:
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            j += 1
        args = [_to_python(a) for a in _split_args(text[start:j - 1])]
        name = m.group(1)
        if name == "IF":
            out += f"(({args[1]}) if ({args[0]}) else ({args[2] if len(args) > 2 else 'False'}))"
        elif name == "IFERROR":
            out += f"_iferror(lambda: ({args[0]}), lambda: ({args[1]}))"
        elif name == "AND":
            out += "(" + " and ".join(f"({x})" for x in args) + ")"
        elif name == "OR":
            out += "(" + " or ".join(f"({x})" for x in args) + ")"
        elif name == "ABS":
            out += f"abs({args[0]})"
        elif name == "NOT":
            out += f"(not ({args[0]}))"
        else:
            out += f"_isnum({args[0]})"
        i = j
    return out


def compute(formula: str, cells: dict[str, Any]) -> Any:
    """Evaluate a generated formula with the given cell values, as Excel would."""
    body = CELL.sub(lambda m: f"__c[{m.group(0)!r}]", formula.lstrip("="))
    body = _to_python(body).replace("<>", "!=")

    def iferror(a: Any, b: Any) -> Any:
        try:
            return a()
        except (ArithmeticError, TypeError):
            return b()

    env = {"__builtins__": {}, "__c": cells, "_iferror": iferror, "abs": abs,
           "_isnum": lambda x: isinstance(x, (int, float))}
    return eval(body, env)  # noqa: S307 - formulas we generated


def test_goal_pace_formula_is_pacing_rule(kit: Path, wb: Any) -> None:
    """Each goal's pace cell computes, for any actual and plan to date, what pacing.py says."""
    from linkstar_kit.answers import load_answers
    from linkstar_kit.kit.scorecard import pace_formula
    from linkstar_kit.library.loader import load_library
    from linkstar_kit.pacing import goal_plans

    sel = selection(kit)
    zh = sel["client"]["language"] == "zh"
    words = {"on_track": "进度正常", "at_risk": "有风险", "off_track": "落后", "no_data": "暂无数据"} \
        if zh else {"on_track": "on track", "at_risk": "at risk", "off_track": "off track",
                    "no_data": "no data"}
    library = load_library()
    start = load_answers(_example(kit), library).scope.start
    plans = goal_plans(_selection(kit), library, start)
    ws = wb.worksheets[1]
    formulas = [c.value for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=IF(OR(NOT(ISNUMBER(")]
    assert len(formulas) == len(sel["goals"])
    for plan in plans:
        formula = pace_formula(plan, "A1", "B1", "zh" if zh else "en")
        for step in plan.steps():
            # met exactly, inside the at-risk band, past it, far ahead (both directions)
            gap = step.plan - step.bound
            for actual in (step.plan, step.plan - gap / 2, step.bound - gap - 1,
                           step.plan + gap + 1):
                want = plan.judge(actual, step)
                assert compute(formula, {"A1": actual, "B1": step.plan}) == words[want], (
                    plan.kpi, actual, step)
        assert compute(formula, {"A1": "", "B1": 1.0}) == words["no_data"]


def test_sheet_names_are_cut_on_a_word_boundary_and_unique() -> None:
    """Excel's 31 characters: "Advertising (PPC and paid media" was cut mid-phrase (issue 10)."""
    from linkstar_kit.kit.scorecard import _sheet_title

    taken: set[str] = set()
    first = _sheet_title("Advertising (PPC and paid media)", taken)
    assert first == "Advertising"
    second = _sheet_title("Advertising (PPC and paid media, second team)", taken)
    assert second == "Advertising (2)"
    long = _sheet_title("Walmart, Shopify & TikTok Channel Manager", taken)
    assert long == "Walmart, Shopify & TikTok" and len(long) <= 31
    zh = _sheet_title("亚马逊北美站广告投放与站外推广及达人合作运营专员岗位说明书与绩效考核细则", taken)
    assert len(zh) == 31
    assert all(len(t) <= 31 for t in taken) and len(taken) == 4


def test_watch_rows_name_the_guarded_kpi_not_its_id(kit: Path, wb: Any) -> None:
    """Issue 20: "净利率（监控：gmv_growth）" named the guarded KPI by its id."""
    ids = {k["kpi"] for r in selection(kit)["roles"] for k in r["kpis"]}
    ids |= set(re.findall(r'"kpi": "([a-z0-9_]+)"', (kit / "selection.json").read_text("utf-8")))
    watch = re.compile(r"[（(](?:watch|监控)[:：] ?([^)）]+)[)）]")
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_col=1, max_col=2):
            for cell in row:
                m = watch.search(str(cell.value or ""))
                if m:
                    seen += 1
                    assert m.group(1) not in ids and not re.fullmatch(r"[a-z0-9_]+", m.group(1)), \
                        (ws.title, cell.value)
    watches = sum(1 for r in selection(kit)["roles"] for k in r["kpis"] for c in k["counter"]
                  if c not in {x["kpi"] for x in r["kpis"]})
    assert seen or not watches


def test_validation_bounds_and_text_per_unit() -> None:
    """A margin is a fraction in [-1, 1], a cost or an amount >= 0, a change in [-1, 10],
    each with its own message."""
    from linkstar_kit import catalog
    from linkstar_kit.units import entry

    margin_ok, kind = entry("ratio", True, "profit", "higher")
    assert (margin_ok.low, margin_ok.high, kind) == (-1.0, 1.0, "margin")
    assert entry("ratio", True, "growth", "higher")[1] == "change"
    assert entry("currency", False, "growth", "lower")[0].low == 0.0   # nCAC, CAC, CPC
    assert entry("currency", False, "profit", "higher")[0].low is None  # a profit may be a loss
    assert entry("count")[0].low == 0.0 and entry("ratio")[0].high == 1.0
    margin = catalog.text("en", "scorecard.margin_msg")
    assert "100 %" in margin and "1000" not in margin


def test_margin_and_ncac_cells_are_bounded(tmp_path: Path) -> None:
    example = next(e for e in EXAMPLES if e.stem == "indie-store-launch")
    kit = build_kit(example, tmp_path / "kit", formats=("xlsx",))
    wb = openpyxl.load_workbook(kit / "scorecard" / "scorecard.xlsx")
    found: dict[str, tuple[str, str | None, str | None]] = {}
    for ws in wb.worksheets[1:]:
        for dv in ws.data_validations.dataValidation:
            first = str(dv.sqref).split(":")[0]
            row = int(re.sub(r"[A-Z]+", "", first))
            title = str(ws.cell(row=row, column=1).value or "")
            found[title] = (dv.operator, dv.formula1, dv.formula2)
    margins = [v for k, v in found.items() if "margin" in k.lower() and "watch" not in k]
    assert margins and all(v == ("between", "-1", "1") for v in margins), found
    ncac = [v for k, v in found.items() if "nCAC" in k]
    assert ncac and all(v[:2] == ("greaterThanOrEqual", "0") for v in ncac), found


def test_formula_cells_are_protected_and_inputs_open(wb: Any) -> None:
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password  # a guard against slips, not a lock
    for ws in wb.worksheets[1:]:
        inputs = 0
        for dv in ws.data_validations.dataValidation:
            for rng in str(dv.sqref).split():
                for row in ws[rng]:
                    for cell in row:
                        if isinstance(cell.value, str) and cell.value.startswith("="):
                            # a team's share of a company total read from the goals sheet:
                            # typed once there, so locked here
                            assert cell.protection.locked is True, (ws.title, cell.coordinate)
                            continue
                        assert cell.protection.locked is False, (ws.title, cell.coordinate)
                        inputs += 1
        assert inputs
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    assert cell.protection.locked, (ws.title, cell.coordinate)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_watched_kpis_source_names_platforms_as_the_document_does(lang: str) -> None:
    """A watch row (a counter KPI the role does not carry) cites the role's own platforms'
    reports, each platform by its name in the document's language, never its id: a Lazada
    operations role is not sent to Shopee's console, and no row reads `tiktok_shop:`."""
    from linkstar_kit.answers import load_answers
    from linkstar_kit.engine.select import select
    from linkstar_kit.library.loader import load_library
    from linkstar_kit.store.tracking import tracked

    library = load_library()
    alternatives = "|".join(library.platforms)
    ids = re.compile(rf"(?<![A-Za-z_])({alternatives})[:：]")
    root = Path(__file__).parents[1] / "examples"
    for name in ("lazada-shopee-sea.yaml", "multi-platform-30.yaml"):
        answers = load_answers(root / name, library)
        answers = answers.model_copy(update={"client": answers.client.model_copy(
            update={"language": lang})})
        rows = tracked(answers, select(answers, library), library)
        assert [r.data_source for r in rows if ids.search(r.data_source)] == []
        if name.startswith("lazada"):
            lazada = {r.kpi: r.data_source for r in rows
                      if r.role_key == "ops-lazada" and r.watch_for}
            assert lazada and not any("Shopee" in s for s in lazada.values()), lazada
