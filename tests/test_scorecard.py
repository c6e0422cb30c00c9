"""The scorecard workbook: sheets, headers, RAG rules (evaluated in Python), validation, goals."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from linkstar_kit.store.rag import Rag
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


def test_rag_rules_met_near_miss_missed(wb: Any) -> None:
    """For every KPI row with a target: a met, a near-miss and a missed value each make exactly
    the rule of their colour true."""
    checked = 0
    for ws in wb.worksheets:
        for row, rules in rules_by_row(ws).items():
            assert sorted(c for c, _, _ in rules) == ["amber", "green", "red"]
            rag = rag_of_row(ws, row, rules)
            for expected, value in probe_values(rag).items():
                truths = {c: evaluate(f, value) for c, f, _ in rules}
                assert [c for c, ok in truths.items() if ok] == [expected], (
                    ws.title, row, value, truths)
            assert not any(evaluate(f, None) for _, f, _ in rules)  # empty: no colour
            checked += 1
    assert checked > 0


def rag_of_row(ws: Any, row: int, rules: list[tuple[str, str, str]]) -> Rag:
    """Rebuild the row's target from its green rule (the formulas are what Excel will use)."""
    green = next(f for c, f, _ in rules if c == "green")
    conds = re.findall(r"[A-Z]+\d+(>=|<=|>|<)(-?[\d.]+(?:[eE][+-]?\d+)?)", green)
    if len(conds) == 2:
        return Rag.from_target("between", [float(conds[0][1]), float(conds[1][1])])
    op, v = conds[0]
    return Rag.from_target(op, float(v))


def probe_values(rag: Rag) -> dict[str, float]:
    """One met, one near-miss and one missed value for this target."""
    t = rag.target
    if isinstance(t, tuple):
        lo, hi = t
        return {"green": (lo + hi) / 2, "amber": hi + 0.05 * abs(hi), "red": hi + 0.5 * abs(hi)}
    m = 0.05 * abs(t) or 1.0
    if rag.op in (">=", ">"):
        vals = {"green": t + m, "amber": t - m, "red": t - 4 * m}
    else:
        vals = {"green": t - m, "amber": t + m, "red": t + 4 * m}
    if t == 0:
        vals.pop("amber")
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


def test_goals_progress_formulas(kit: Path, wb: Any) -> None:
    sel = selection(kit)
    ws = wb.worksheets[1]
    header = [c.value for c in ws[4]]
    progress_col = header.index("完成进度" if sel["client"]["language"] == "zh" else "Progress")
    latest_col = progress_col - 1
    rows = [r for r in ws.iter_rows(min_row=5) if r[0].value]
    goal_rows = [r for r in rows if r[progress_col].value and str(r[progress_col].value)
                 .startswith("=IF(ISNUMBER(")]
    assert len(goal_rows) >= 1
    for r in goal_rows:
        latest = r[latest_col]
        assert str(latest.value).startswith("=IFERROR(LOOKUP(2,1/(")
        assert latest.coordinate in r[progress_col].value


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
    a, b = build_workbook(ctx), build_workbook(ctx)
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
        m = re.match(r"(IFERROR|ISNUMBER|IF|AND|NOT)\(", text[i:])
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

    env = {"__builtins__": {}, "__c": cells, "_iferror": iferror,
           "_isnum": lambda x: isinstance(x, (int, float))}
    return eval(body, env)  # noqa: S307 - formulas we generated


def test_goal_progress_and_status_compute_from_entered_values(kit: Path, wb: Any) -> None:
    sel = selection(kit)
    zh = sel["client"]["language"] == "zh"
    ws = wb.worksheets[1]
    goals = {g["name"]["zh" if zh else "en"]: g for g in sel["goals"]}
    from linkstar_kit.library.loader import load_library

    library = load_library()
    checked = 0
    kpi_head = "指标" if zh else "KPI"
    for row in ws.iter_rows(min_row=4):
        if row[0].value == kpi_head:  # each frequency block has its own header row
            col = {c.value: i for i, c in enumerate(row)}
            latest_i = col["最新值" if zh else "Latest"]
            progress_i = col["完成进度" if zh else "Progress"]
            status_i = col["状态" if zh else "Status"]
            continue
        name = str(row[0].value or "").split(" · ")[0]
        if name not in goals:
            continue
        g = goals[name]
        lookup = re.search(r"\(([A-Z]+\d+):([A-Z]+\d+)<>\"\"\)", row[latest_i].value)
        assert lookup, row[latest_i].value
        first_period, last_period = lookup.group(1), lookup.group(2)
        assert (first_period, last_period) == (row[4].coordinate, row[latest_i - 1].coordinate)
        baseline, target = g["baseline"], g["target"]
        lower = library.kpis[g["kpi"]].direction == "lower"
        for entered in (target, target * 0.5 or 1.0, target * 1.5 or 2.0):
            got = compute(row[progress_i].value, {row[latest_i].coordinate: entered})
            if baseline is not None and baseline != target:
                want = ((baseline - entered) / (baseline - target) if lower
                        else (entered - baseline) / (target - baseline))
            elif baseline is None and target:
                want = target / entered if lower else entered / target
            else:
                continue
            assert got == pytest.approx(want)
        if baseline is not None:
            # at the baseline no progress, at the target all of it
            assert compute(row[progress_i].value, {row[latest_i].coordinate: baseline}) == 0
            assert compute(row[progress_i].value, {row[latest_i].coordinate: target}) == 1
        # meeting the target exactly shows as met; the empty cell shows nothing
        met = compute(row[status_i].value, {row[latest_i].coordinate: g["target"]})
        assert met == ("达标" if zh else "on target")
        assert compute(row[status_i].value, {row[latest_i].coordinate: ""}) == ""
        assert compute(row[progress_i].value, {row[latest_i].coordinate: ""}) == ""
        checked += 1
    assert checked == len(sel["goals"])



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
