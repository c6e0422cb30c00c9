"""The scorecard workbook and the actuals template.

`scorecard/scorecard.xlsx` (openpyxl): a summary sheet, a goals sheet whose progress formulas
compute from the values entered, and one sheet per role. KPI rows run across the periods of the
scope's horizon (days, weeks, months or quarters by the KPI's frequency, one block per
frequency), with target, owner, data source, the latest value and an annotation column.
Red/amber/green conditional formatting follows each KPI's target operator (bands from
`rag.py`); value cells carry input validation (a ratio must lie in [0, 1]); headers are
frozen and written in the client's language.

`scorecard/actuals-template.csv`: the store's columns with one row per role, KPI and platform
for the first period, ready to fill in and `linkstar load`. `kpi_name` and `target` are there to
help whoever fills it; `load` ignores them.

Determinism: the workbook's created/modified properties are fixed to the scope's start, and the
zip is re-packed with fixed timestamps, so the same answers give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import catalog, fmt
from ..pacing import AT_RISK, GoalPlan, goal_plans
from ..periods import goal_span, period_of, period_shares, periods, share_label
from ..rag import Band, Rag
from ..store.loader import COLUMNS, HELPERS
from ..store.tracking import COMPANY, Tracked, tracked
from ..units import entry
from .context import KitContext
from .files import KitFiles

FREQ_ORDER = ("daily", "weekly", "monthly", "quarterly")
INPUT = "@"  # number format of an input column after the formulas (text, left unlocked)
FILLS = {"green": ("C6EFCE", "006100"), "amber": ("FFEB9C", "9C5700"), "red": ("FFC7CE", "9C0006")}




def _xml_text(value: str) -> str:
    """Text a worksheet can hold. The answers refuse control characters in names and titles,
    but a house library's text is not checked for them, and one would make openpyxl raise
    IllegalCharacterError: drop them here too."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _text_cell(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write a value that came from the answers or the library as what it is: a role title
    like `=HYPERLINK(...)` must stay text, never become a live formula."""
    if isinstance(value, str):
        value = _xml_text(value)
    cell = ws.cell(row=row, column=column, value=value)
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell

def _t(key: str, lang: str) -> str:
    return catalog.text(lang, f"scorecard.{key}")


# --- formulas -----------------------------------------------------------------------------------

def _num(v: float) -> str:
    return repr(float(v)) if not float(v).is_integer() else str(int(v))


def band_formula(band: Band, cell: str) -> str:
    """`AND(H5>=0.25,H5<=0.3)`; an open band is always true."""
    conds = [f"{cell}{op}{_num(v)}" for op, v in band.conditions()]
    return f"AND({','.join(conds)})" if conds else "TRUE"


def rag_formulas(rag: Rag, cell: str) -> dict[str, str]:
    """One mutually exclusive formula per colour, relative to `cell` (the range's top-left)."""
    g, a = band_formula(rag.green, cell), band_formula(rag.amber, cell)
    has = f"ISNUMBER({cell})"
    return {"green": f"AND({has},{g})",
            "amber": f"AND({has},{a},NOT({g}))",
            "red": f"AND({has},NOT({a}))"}


def status_formula(rag: Rag, cell: str, lang: str) -> str:
    g, a = band_formula(rag.green, cell), band_formula(rag.amber, cell)
    return (f'=IF(ISNUMBER({cell}),IF({g},"{_t("green", lang)}",IF({a},"{_t("amber", lang)}",'
            f'"{_t("red", lang)}")),"")')


def _has_plan(t: Tracked) -> bool:
    """A target from a goal's cascade, judged period by period against its own plan."""
    tg = t.target
    return tg is not None and bool(tg.plan) and tg.op in (">", ">=", "<", "<=")


def planned_status_formula(t: Tracked, cell: str, n: int, c: _Ctx) -> str | None:
    """A target from a goal's cascade: the latest value against the plan of the period it was
    entered for (a stub month against its days' plan), with the rule's near-miss band; None
    for any other target."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    from ..rag import NEAR_MISS

    tg = t.target
    if tg is None or not tg.plan or tg.op not in (">", ">=", "<", "<="):
        return None
    plist = periods(t.frequency, c.first, c.last)
    plan = {p.start: p.value for p in tg.plan}
    col = column_index_from_string("".join(ch for ch in cell if ch.isalpha()))
    a, b = get_column_letter(col - len(plist)), get_column_letter(col - 1)
    values = ",".join(_num(plan.get(p[0], 0)) for p in plist)
    p = f'LOOKUP(2,1/({a}{n}:{b}{n}<>""),{{{values}}})'
    up = tg.op in (">", ">=")
    green = f"{cell}{tg.op}{p}"
    amber = (f"{cell}>={p}-{_num(NEAR_MISS)}*ABS({p})" if up
             else f"{cell}<={p}+{_num(NEAR_MISS)}*ABS({p})")
    judged = (f'IF({green},"{_t("green", c.lang)}",IF({amber},'
              f'"{_t("amber", c.lang)}","{_t("red", c.lang)}"))')
    if any(q[0] not in plan for q in plist):
        # a period of the scope outside the goal's span (a project whose GMV goal ends on
        # 12-15 in a scope to 01-14) has no plan: no status, rather than an ordinary month's
        flags = ",".join("1" if q[0] in plan else "0" for q in plist)
        judged = f'IF(LOOKUP(2,1/({a}{n}:{b}{n}<>""),{{{flags}}})=0,"",{judged})'
    return f'=IF(ISNUMBER({cell}),{judged},"")'


NUMBER_FORMATS = {"ratio": "0.0%", "currency": "#,##0.00", "money_per_unit": "#,##0.00",
                  "count": "#,##0", "days": "0.0", "hours": "0.0", "times": "0.0",
                  "multiple": "0.00", "score": "0.0"}


# --- the workbook -------------------------------------------------------------------------------

@dataclass
class _Ctx:
    lang: str
    currency: str
    first: dt.date
    last: dt.date
    library: Any
    # a goal's value cells on the goals sheet, {kpi: {period start: 'Goals'!E5}}: a team row
    # carrying the company total reads them, so the number is typed once
    goal_cells: dict[str, dict[dt.date, str]] = field(default_factory=dict)
    # the store's actuals ((role_key, kpi, platform, site_group) -> period start -> value), into
    # the period cells of the copy `linkstar load` writes (scorecard-filled.xlsx)
    actuals: dict[tuple[str, str, str, str], dict[dt.date, float]] = field(default_factory=dict)


def _target_text(t: Tracked, c: _Ctx) -> str:
    return fmt.target(t.target, t.unit, c.lang, c.currency) if t.target else _t("no_target", c.lang)


def _baseline(v: float | None, t: Tracked, c: _Ctx) -> str:
    return fmt.value(v, t.unit, c.lang, c.currency) if v is not None else ""


def _style_header(ws: Any, row: int, ncols: int) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    fill = PatternFill("solid", fgColor="1F4E78")
    side = Side(style="thin", color="9BB7D4")
    for col in range(1, ncols + 1):
        cell = ws.cell(row=row, column=col)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=side)


def _rag_rules(ws: Any, rng: str, top_left: str, rag: Rag) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    for colour, formula in rag_formulas(rag, top_left).items():
        bg, fg = FILLS[colour]
        ws.conditional_formatting.add(rng, FormulaRule(
            formula=[formula], fill=PatternFill("solid", fgColor=bg, bgColor=bg),
            font=Font(color=fg)))


def _validation(ws: Any, rng: str, t: Tracked, c: _Ctx) -> None:
    """What may be typed for the KPI (units.py `entry`): a rate in [0, 1], a margin in
    [-1, 1], a change in [-1, 10], a count, an amount or a cost of 0 or more, a profit any
    number; the message says which, in the client's language."""
    from openpyxl.worksheet.datavalidation import DataValidation

    lib = c.library.kpis.get(t.kpi)
    ok, kind = entry(t.unit, t.signed, lib.balance if lib else None, t.direction,
                     lib.above_one if lib else False)
    if ok.low is not None and ok.high is not None:
        dv = DataValidation(type="decimal", operator="between", formula1=_num(ok.low),
                            formula2=_num(ok.high), allow_blank=True)
    elif ok.low is not None:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual",
                            formula1=_num(ok.low), allow_blank=True)
    else:
        dv = DataValidation(type="decimal", operator="between", formula1="-1000000000000",
                            formula2="1000000000000", allow_blank=True)
    msg = _t(_MESSAGES[kind], c.lang)
    dv.error, dv.errorTitle, dv.prompt = msg, _t("bad_value", c.lang), msg
    dv.showErrorMessage = True
    dv.add(rng)
    ws.add_data_validation(dv)


_MESSAGES = {"ratio": "ratio_msg", "ratio_above_one": "ratio_above_one_msg",
             "margin": "margin_msg", "change": "signed_msg",
             "amount": "amount_msg", "profit": "profit_msg", "count": "count_msg"}


def _unlock(ws: Any, rng: str) -> None:
    """Input cells stay editable once the sheet is protected."""
    from openpyxl.styles import Protection
    from openpyxl.utils.cell import range_boundaries

    lo_col, lo_row, hi_col, hi_row = range_boundaries(rng if ":" in rng else f"{rng}:{rng}")
    for r in range(lo_row, hi_row + 1):
        for col in range(lo_col, hi_col + 1):
            ws.cell(row=r, column=col).protection = Protection(locked=False)


def _protect(ws: Any) -> None:
    """Protect the formulas and labels (no password: it guards against slips, not people);
    sorting, filtering and resizing stay allowed."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False
    ws.protection.autoFilter = False
    ws.protection.sort = False


Column = tuple[str, Callable[[Tracked], Any], float]


def _period_heads(freq: str, c: _Ctx) -> list[str]:
    """The period columns' headings; a partial first or last period says its days."""
    return [share_label(freq, s, c.lang) for s in period_shares(freq, c.first, c.last)]


def _planned_cells(ws: Any, n: int, first_p: int, plist: list[Any], t: Tracked,
                   c: _Ctx) -> bool:
    """A target from a goal's cascade: each period cell judged against that period's own plan
    (a stub month against its days' plan); the company total, shared by a team, read from
    the goals sheet rather than typed twice. False when the row has no plan."""
    from openpyxl.utils import get_column_letter

    tg = t.target
    if tg is None or not tg.plan or tg.op not in (">", ">=", "<", "<="):
        return False
    plan = {p.start: p.value for p in tg.plan}
    shared = c.goal_cells.get(t.kpi) if tg.share is None else None
    for i, p in enumerate(plist, start=first_p):
        cell = f"{get_column_letter(i)}{n}"
        if shared and p[0] in shared:
            from openpyxl.styles import Protection

            ws[cell] = f'=IF({shared[p[0]]}="","",{shared[p[0]]})'
            ws[cell].protection = Protection(locked=True)  # read from the goals sheet: typed once
        if p[0] in plan:
            _rag_rules(ws, cell, cell, Rag.from_target(tg.op, plan[p[0]]))
    return True


def _block(ws: Any, row: int, freq: str, items: list[Tracked], fixed: list[Column], c: _Ctx,
           after: Sequence[tuple[str, Callable[[Any, Any, Any], Any], float, str | None]]
           ) -> tuple[int, dict[tuple[str, str, str, str], str], tuple[int, int]]:
    """A header row and one row per item: fixed columns, one per period, `Latest`, then `after`.

    Returns the next free row, {(role_key, kpi, platform): address of its Latest cell} and the
    (row, column) of the first value cell (for freezing panes)."""
    from openpyxl.utils import get_column_letter

    plist = periods(freq, c.first, c.last)
    heads = [h for h, _, _ in fixed] + _period_heads(freq, c) + [
        _t("latest", c.lang)] + [h for h, _, _, _ in after]
    for i, h in enumerate(heads, start=1):
        ws.cell(row=row, column=i, value=h)
    _style_header(ws, row, len(heads))
    ws.row_dimensions[row].height = 30
    first_p = len(fixed) + 1
    last_p = first_p + len(plist) - 1
    latest_col = last_p + 1
    latest: dict[tuple[str, str, str, str], str] = {}
    for n, t in enumerate(items, start=row + 1):
        for i, (_, fn, _) in enumerate(fixed, start=1):
            _text_cell(ws, n, i, fn(t))
        a, b = get_column_letter(first_p), get_column_letter(last_p)
        lc = get_column_letter(latest_col)
        ws.cell(row=n, column=latest_col,
                value=f'=IFERROR(LOOKUP(2,1/({a}{n}:{b}{n}<>""),{a}{n}:{b}{n}),"")')
        number_format = NUMBER_FORMATS.get(t.unit, "General")
        for col in range(first_p, latest_col + 1):
            ws.cell(row=n, column=col).number_format = number_format
        latest[t.key] = f"{lc}{n}"
        for j, (_, fn2, _, nf) in enumerate(after, start=latest_col + 1):
            cell = ws.cell(row=n, column=j, value=fn2(t, f"{lc}{n}", n))
            if nf:
                cell.number_format = nf
        _validation(ws, f"{a}{n}:{b}{n}", t, c)
        _unlock(ws, f"{a}{n}:{b}{n}")
        for j, (_, _, _, nf) in enumerate(after, start=latest_col + 1):
            if nf == INPUT:  # an input column after the formulas (the annotation)
                _unlock(ws, f"{get_column_letter(j)}{n}")
        _fill(ws, n, first_p, plist, c.actuals.get(t.key))
        if _planned_cells(ws, n, first_p, plist, t, c):
            if t.rag is not None and after:
                # the latest value against its own period's plan (a stub month's 3 days, not
                # an ordinary month's), as the status column beside it says
                _status_rules(ws, f"{lc}{n}", f"{get_column_letter(latest_col + 1)}{n}", c.lang)
        elif t.rag is not None:
            _rag_rules(ws, f"{a}{n}:{lc}{n}", f"{a}{n}", t.rag)
    widths = [w for _, _, w in fixed] + [11] * len(plist) + [11] + [w for _, _, w, _ in after]
    for i, w in enumerate(widths, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, w)
    return row + len(items) + 2, latest, (row + 1, first_p)


_TRAILING = " ,;:·-–—/&_"


def _fill(ws: Any, row: int, first_col: int, plist: list[tuple[dt.date, dt.date]],
          values: dict[dt.date, float] | None) -> None:
    """The loaded actuals into a row's period cells (by the period's first day)."""
    if not values:
        return
    for col, p in enumerate(plist, start=first_col):
        if p[0] in values:
            ws.cell(row=row, column=col, value=values[p[0]])


def _cut(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut on a word boundary (issue 10: "Advertising
    (PPC and paid media" was cut mid-phrase): at the last space that fits, dropping a
    parenthesis left open. Text without spaces (Chinese) is cut between characters."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit + 1)
    if space <= 0:
        return text[:limit].rstrip(_TRAILING) or text[:limit]
    cut = text[:space].rstrip(_TRAILING)
    if cut.count("(") > cut.count(")"):
        cut = cut[:cut.rfind("(")].rstrip(_TRAILING)
    if cut.count("（") > cut.count("）"):
        cut = cut[:cut.rfind("（")].rstrip(_TRAILING)
    return cut or text[:limit]


def _sheet_title(name: str, taken: set[str]) -> str:
    bad = '[]:*?/\\'
    # An apostrophe would break the summary's 'Sheet'!A1 references: use the typographic one.
    base = "".join("_" if ch in bad else ch for ch in _xml_text(name)).replace("'", "’")
    base = base.strip() or "Sheet"
    title, n = _cut(base, 31), 1
    while title.lower() in taken:
        n += 1
        suffix = f" ({n})"
        title = _cut(base, 31 - len(suffix)) + suffix
    taken.add(title.lower())
    return title


def _heading(ws: Any, text: str, sub: str) -> None:
    from openpyxl.styles import Font

    _text_cell(ws, 1, 1, text).font = Font(bold=True, size=14)
    _text_cell(ws, 2, 1, sub).font = Font(italic=True, color="595959")


def _by_frequency(items: list[Tracked]) -> list[tuple[str, list[Tracked]]]:
    out = []
    for f in FREQ_ORDER:
        group = [t for t in items if t.frequency == f]
        if group:
            out.append((f, group))
    return out


def _row_title(t: Tracked, lang: str, library: Any = None) -> str:
    """A KPI's title; a watch row says it is one and names the KPI it guards (its name in the
    client's language, never its id)."""
    if not t.watch_for:
        return t.title(lang)
    guarded = library.kpis.get(t.watch_for) if library is not None else None
    name = guarded.label(lang) if guarded is not None else t.watch_for
    return (f"{t.title(lang)}（{_t('watch', lang)}：{name}）" if lang == "zh"
            else f"{t.title(lang)} ({_t('watch', lang)}: {name})")


def _status_rules(ws: Any, rng: str, status_cell: str, lang: str) -> None:
    """`rng` coloured by the RAG word in `status_cell` (a target judged against each period's
    own plan, which one fixed band cannot colour)."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    for colour in ("green", "amber", "red"):
        bg, fg = FILLS[colour]
        ws.conditional_formatting.add(rng, FormulaRule(
            formula=[f'{status_cell}="{_t(colour, lang)}"'],
            fill=PatternFill("solid", fgColor=bg, bgColor=bg), font=Font(color=fg)))


def _pace_rules(ws: Any, cell: str, lang: str) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    for status, colour in (("on_track", "green"), ("at_risk", "amber"), ("off_track", "red")):
        bg, fg = FILLS[colour]
        ws.conditional_formatting.add(cell, FormulaRule(
            formula=[f'{cell}="{_t(status, lang)}"'],
            fill=PatternFill("solid", fgColor=bg, bgColor=bg), font=Font(color=fg)))


def pace_formula(plan: GoalPlan, to_date: str, plan_cell: str, lang: str) -> str:
    """The goal's pace from its actual to date and its plan to date (pacing.py's rule: on
    track when the plan is met, at risk within AT_RISK of the plan's step, else off track)."""
    origin = plan.origin()
    step = f"ABS({plan_cell}-{_num(origin)})" if origin is not None else _num(abs(plan.target))
    ge, bound = (">=", f"{plan_cell}-{_num(AT_RISK)}*{step}") if plan.up else (
        "<=", f"{plan_cell}+{_num(AT_RISK)}*{step}")
    return (f'=IF(OR(NOT(ISNUMBER({to_date})),NOT(ISNUMBER({plan_cell}))),"{_t("no_data", lang)}",'
            f'IF({to_date}{ge}{plan_cell},"{_t("on_track", lang)}",'
            f'IF({to_date}{ge}{bound},"{_t("at_risk", lang)}","{_t("off_track", lang)}")))')


def _goal_block(ws: Any, row: int, freq: str, items: list[Tracked], c: _Ctx,
                goal_info: dict[str, Any], plans: dict[str, GoalPlan]
                ) -> tuple[int, dict[tuple[str, str, str, str], str], dict[str, str], tuple[int, int]]:
    """Two rows a goal: the values entered, period by period, and under them the plan to date
    (pacing.py); then the latest value, the actual to date, the plan to date at the latest
    period entered, the progress towards the goal and its pace."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    lang = c.lang
    plist = periods(freq, c.first, c.last)
    fixed = [(_t("kpi", lang), 30), (_t("target", lang), 12), (_t("baseline", lang), 10),
             (_t("by", lang), 11)]
    after = [(_t("latest", lang), 11), (_t("to_date", lang), 12), (_t("plan", lang), 12),
             (_t("progress", lang), 11), (_t("pace", lang), 11), (_t("annotation", lang), 36)]
    heads = [h for h, _ in fixed] + _period_heads(freq, c) + [h for h, _ in after]
    for i, h in enumerate(heads, start=1):
        ws.cell(row=row, column=i, value=h)
    _style_header(ws, row, len(heads))
    ws.row_dimensions[row].height = 30
    first_p, last_p = len(fixed) + 1, len(fixed) + len(plist)
    col = {name: get_column_letter(last_p + 1 + i) for i, name in enumerate(
        ("latest", "to_date", "plan", "progress", "pace"))}
    a, b = get_column_letter(first_p), get_column_letter(last_p)
    latest: dict[tuple[str, str, str, str], str] = {}
    paced: dict[str, str] = {}
    n = row + 1
    for t in items:
        g, plan = goal_info[t.kpi], plans.get(t.kpi)
        _text_cell(ws, n, 1, t.title(lang))
        _text_cell(ws, n, 2, _target_text(t, c))
        _text_cell(ws, n, 3, _baseline(g.baseline, t, c))
        _text_cell(ws, n, 4, dt.date.fromisoformat(g.by))
        number_format = NUMBER_FORMATS.get(t.unit, "General")
        values, planned = f"{a}{n}:{b}{n}", f"{a}{n + 1}:{b}{n + 1}"
        cells = {"latest": f'=IFERROR(LOOKUP(2,1/({values}<>""),{values}),"")'}
        agg = plan.aggregation if plan else "last"
        cells["to_date"] = (f'=IF(COUNT({values})=0,"",SUM({values}))' if agg == "sum" else
                            f'=IF(COUNT({values})=0,"",AVERAGE({values}))' if agg == "mean"
                            else f"={col['latest']}{n}")
        cells["plan"] = f'=IFERROR(LOOKUP(2,1/({values}<>""),{planned}),"")'
        td = f"{col['to_date']}{n}"
        tv = _num(g.target)
        bl = _num(g.baseline) if g.baseline is not None else None
        if g.resolved_target.op in ("<", "<="):  # the engine's decision, not the direction
            expr = f"({bl}-{td})/({bl}-{tv})" if bl is not None else f"{tv}/{td}"
        else:
            expr = f"({td}-{bl})/({tv}-{bl})" if bl is not None else f"{td}/{tv}"
        if agg == "sum":
            expr = f"{td}/{tv}"
        cells["progress"] = f'=IF(ISNUMBER({td}),IFERROR({expr},""),"")'
        if plan is not None:
            cells["pace"] = pace_formula(plan, td, f"{col['plan']}{n}", lang)
        for name, formula in cells.items():
            ws[f"{col[name]}{n}"] = formula
        for cl in range(first_p, last_p + 4):
            ws.cell(row=n, column=cl).number_format = number_format
            ws.cell(row=n + 1, column=cl).number_format = number_format
        ws[f"{col['progress']}{n}"].number_format = "0%"
        _validation(ws, values, t, c)
        _unlock(ws, values)
        _unlock(ws, f"{get_column_letter(last_p + len(after))}{n}")  # the annotation
        _fill(ws, n, first_p, plist, c.actuals.get(t.key))
        _pace_rules(ws, f"{col['pace']}{n}", lang)
        # the plan row: the plan to date at the end of each period of the goal's span
        label_cell = _text_cell(ws, n + 1, 1, f"  ↳ {_t('plan_row', lang)}")
        label_cell.font = Font(italic=True, color="595959")
        steps = {s.period[0]: s.plan for s in plan.steps()} if plan else {}
        for i, p in enumerate(plist, start=first_p):
            if p[0] in steps:
                cell = ws.cell(row=n + 1, column=i, value=steps[p[0]])
                cell.font = Font(italic=True, color="595959")
        latest[t.key] = td
        paced[t.kpi] = f"{col['pace']}{n}"
        c.goal_cells[t.kpi] = {p[0]: f"'{ws.title}'!${get_column_letter(i)}${n}"
                               for i, p in enumerate(plist, start=first_p)}
        n += 2
    widths = [w for _, w in fixed] + [11] * len(plist) + [w for _, w in after]
    for i, w in enumerate(widths, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, w)
    return n + 1, latest, paced, (row + 1, first_p)


def build_workbook(ctx: KitContext, actuals: dict[tuple[str, str, str, str], dict[dt.date, float]]
                   | None = None) -> bytes:
    from openpyxl import Workbook

    answers, lang = ctx.answers, ctx.lang
    first, last = goal_span(answers.scope.start, answers.scope.horizon)
    c = _Ctx(lang, answers.client.currency, first, last, ctx.library, actuals=actuals or {})
    rows = tracked(answers, ctx.selection, ctx.library)
    goals = [t for t in rows if t.role_key == COMPANY]
    by_role: dict[str, list[Tracked]] = {}
    for t in rows:
        if t.role_key != COMPANY:
            by_role.setdefault(t.role_key, []).append(t)

    wb = Workbook()
    taken: set[str] = set()
    summary = wb.active
    summary.title = _sheet_title(_t("summary", lang), taken)
    sep = catalog.text(lang, "punct.colon")
    scope_line = (f"{_t('period_of', lang)}{sep}{first.isoformat()} – {last.isoformat()} · "
                  + _t("legend", lang))
    latest: dict[tuple[str, str, str, str], str] = {}

    def pname(t: Tracked) -> str:
        return t.platform_label(ctx.library, lang)

    # goals sheet
    gs = wb.create_sheet(_sheet_title(_t("goals", lang), taken))
    _heading(gs, f"{answers.client.name} · {_t('goals', lang)}", scope_line)
    plans = {p.kpi: p for p in goal_plans(ctx.selection, ctx.library, answers.scope.start)}
    goal_info = {g.kpi: g for g in ctx.selection.goals}
    pace_cells: dict[str, str] = {}
    r = 4
    freeze: tuple[int, int] | None = None
    for freq, items in _by_frequency(goals):
        r, got, paced, pos = _goal_block(gs, r, freq, items, c, goal_info, plans)
        latest.update(got)
        pace_cells.update(paced)
        freeze = freeze or pos
    if freeze:
        gs.freeze_panes = gs.cell(row=freeze[0], column=freeze[1])
    _protect(gs)

    # one sheet per role
    role_sheet: dict[str, str] = {}
    for role_key, items in by_role.items():
        title = items[0].role_title
        ws = wb.create_sheet(_sheet_title(title, taken))
        role_sheet[role_key] = ws.title
        _heading(ws, f"{title} · {_t('scorecard', lang)}", scope_line)
        r, freeze = 4, None
        for freq, group in _by_frequency(items):
            fixed: list[Column] = [
                (_t("kpi", lang), lambda t: _row_title(t, lang, ctx.library), 30),
                (_t("platform", lang), pname, 10),
                (_t("target", lang), lambda t: _target_text(t, c), 14),
                (_t("owner", lang), lambda t: t.role_title, 12),
                (_t("data_source", lang), lambda t: t.data_source, 28),
            ]
            after = [(_t("status", lang), lambda t, cell, n: (
                          planned_status_formula(t, cell, n, c) or status_formula(t.rag, cell, lang))
                      if t.rag else "", 10, None),
                     (_t("annotation", lang), lambda t, cell, n: None, 36, INPUT)]
            r, got, pos = _block(ws, r, freq, group, fixed, c, after)
            latest.update(got)
            freeze = freeze or pos
        if freeze:
            ws.freeze_panes = ws.cell(row=freeze[0], column=freeze[1])
        _protect(ws)

    # summary
    _heading(summary, f"{answers.client.name} · {_t('scorecard', lang)}", scope_line)
    heads = [_t("owner", lang), _t("kpi", lang), _t("platform", lang), _t("frequency", lang),
             _t("target", lang), _t("latest", lang), _t("status", lang), _t("data_source", lang)]
    for i, h in enumerate(heads, start=1):
        summary.cell(row=4, column=i, value=h)
    _style_header(summary, 4, len(heads))
    for n, t in enumerate(rows, start=5):
        sheet = gs.title if t.role_key == COMPANY else role_sheet[t.role_key]
        ref = latest[t.key]
        values = [t.role_title, _row_title(t, lang, ctx.library), pname(t), _t(t.frequency, lang),
                  _target_text(t, c), f"=IF('{sheet}'!{ref}=\"\",\"\",'{sheet}'!{ref})", None,
                  t.data_source]
        for i, v in enumerate(values, start=1):
            if i == 6:  # the one formula of the row: the latest value from the role's sheet
                summary.cell(row=n, column=i, value=v)
            else:
                _text_cell(summary, n, i, v)
        summary.cell(row=n, column=6).number_format = NUMBER_FORMATS.get(t.unit, "General")
        if t.is_goal and t.kpi in pace_cells:  # a goal: its pace, not its latest value
            summary.cell(row=n, column=7, value=f"='{sheet}'!{pace_cells[t.kpi]}")
            _pace_rules(summary, f"G{n}", lang)
        elif t.rag is not None and _has_plan(t) and t.role_key in role_sheet:
            # judged against the plan of the period the latest value is for, as on the role's
            # sheet: its status cell, beside the latest value
            from openpyxl.utils import column_index_from_string, get_column_letter

            col = "".join(ch for ch in ref if ch.isalpha())
            status = f"{get_column_letter(column_index_from_string(col) + 1)}{ref[len(col):]}"
            summary.cell(row=n, column=7,
                         value=f"=IF('{sheet}'!{status}=\"\",\"\",'{sheet}'!{status})")
            _status_rules(summary, f"F{n}", f"$G{n}", lang)
        elif t.rag is not None:
            summary.cell(row=n, column=7, value=status_formula(t.rag, f"F{n}", lang))
            _rag_rules(summary, f"F{n}", f"F{n}", t.rag)
    for letter, w in zip("ABCDEFGH", (14, 32, 10, 9, 14, 11, 10, 40), strict=True):
        summary.column_dimensions[letter].width = w
    summary.freeze_panes = "C5"
    _protect(summary)  # the summary only reads the other sheets: nothing to type here

    stamp = dt.datetime.combine(answers.scope.start, dt.time(0, 0))
    wb.properties.creator = "linkstar-kit"
    wb.properties.lastModifiedBy = "linkstar-kit"
    wb.properties.title = _xml_text(f"{answers.client.name} · {_t('scorecard', lang)}")
    wb.properties.created = stamp
    wb.properties.modified = stamp
    return _save(wb, stamp)


def _save(wb: Any, stamp: dt.datetime) -> bytes:
    """Save without openpyxl's "modified = now", then re-pack the zip with fixed timestamps."""
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    fixed = io.BytesIO()
    # A zip entry's date holds the years 1980 to 2107 only: clamp a plan's date outside them.
    when = ((1980, 1, 1) if stamp.year < 1980 else (2107, 12, 31) if stamp.year > 2107
            else (stamp.year, stamp.month, stamp.day)) + (0, 0, 0)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, src.read(info.filename))
    return fixed.getvalue()


# --- the CSV template ---------------------------------------------------------------------------

def actuals_template(ctx: KitContext) -> str:
    lang = ctx.lang
    start = ctx.answers.scope.start
    cur = ctx.answers.client.currency
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*COLUMNS, *HELPERS])
    for t in tracked(ctx.answers, ctx.selection, ctx.library):
        p0, p1 = period_of(t.frequency, start)
        target = fmt.target(t.target, t.unit, lang, cur) if t.target else ""
        w.writerow([p0.isoformat(), p1.isoformat(), t.role_key, t.kpi, t.platform,
                    t.site_group, "", "", t.data_source, t.title(lang), target])
    # The BOM lets Excel open the UTF-8 file with its Chinese text intact; `load` accepts it.
    return "\ufeff" + buf.getvalue()


def write_scorecard(ctx: KitContext, out: KitFiles) -> None:
    out.add("scorecard/scorecard.xlsx", build_workbook(ctx))
    out.add("scorecard/actuals-template.csv", actuals_template(ctx))
