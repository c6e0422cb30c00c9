"""The scorecard workbook and the actuals template.

`scorecard/scorecard.xlsx` (openpyxl): a summary sheet, a goals sheet whose progress formulas
compute from the values entered, and one sheet per role. KPI rows run across the periods of the
scope's horizon (days, weeks, months or quarters by the KPI's frequency, one block per
frequency), with target, owner, data source, the latest value and an annotation column.
Red/amber/green conditional formatting follows each KPI's target operator (bands from
`store/rag.py`); value cells carry input validation (a ratio must lie in [0, 1]); headers are
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
from dataclasses import dataclass
from typing import Any

from .. import catalog, fmt
from ..periods import goal_span, label, period_of, periods
from ..store.loader import COLUMNS, HELPERS
from ..store.rag import Band, Rag
from ..store.tracking import COMPANY, Tracked, tracked
from .context import KitContext
from .files import KitFiles

FREQ_ORDER = ("daily", "weekly", "monthly", "quarterly")
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


NUMBER_FORMATS = {"ratio": "0.0%", "currency": "#,##0.00", "money_per_unit": "#,##0.00",
                  "count": "#,##0", "days": "0.0", "hours": "0.0", "times": "0.0", "score": "0.0"}


# --- the workbook -------------------------------------------------------------------------------

@dataclass
class _Ctx:
    lang: str
    currency: str
    first: dt.date
    last: dt.date
    library: Any


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


def _validation(ws: Any, rng: str, unit: str, lang: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if unit == "ratio":
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="1",
                            allow_blank=True)
        msg = _t("ratio_msg", lang)
    elif unit in ("count", "days", "hours", "times", "score"):
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                            allow_blank=True)
        msg = _t("count_msg", lang)
    else:
        dv = DataValidation(type="decimal", operator="between", formula1="-1000000000000",
                            formula2="1000000000000", allow_blank=True)
        msg = _t("number_msg", lang)
    dv.error, dv.errorTitle, dv.prompt = msg, _t("bad_value", lang), msg
    dv.showErrorMessage = True
    dv.add(rng)
    ws.add_data_validation(dv)


Column = tuple[str, Callable[[Tracked], Any], float]


def _block(ws: Any, row: int, freq: str, items: list[Tracked], fixed: list[Column], c: _Ctx,
           after: Sequence[tuple[str, Callable[[Any, Any, Any], Any], float, str | None]]
           ) -> tuple[int, dict[tuple[str, str, str], str], tuple[int, int]]:
    """A header row and one row per item: fixed columns, one per period, `Latest`, then `after`.

    Returns the next free row, {(role_key, kpi, platform): address of its Latest cell} and the
    (row, column) of the first value cell (for freezing panes)."""
    from openpyxl.utils import get_column_letter

    plist = periods(freq, c.first, c.last)
    heads = [h for h, _, _ in fixed] + [label(freq, p, c.lang) for p in plist] + [
        _t("latest", c.lang)] + [h for h, _, _, _ in after]
    for i, h in enumerate(heads, start=1):
        ws.cell(row=row, column=i, value=h)
    _style_header(ws, row, len(heads))
    ws.row_dimensions[row].height = 30
    first_p = len(fixed) + 1
    last_p = first_p + len(plist) - 1
    latest_col = last_p + 1
    latest: dict[tuple[str, str, str], str] = {}
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
        latest[(t.role_key, t.kpi, t.platform)] = f"{lc}{n}"
        for j, (_, fn2, _, nf) in enumerate(after, start=latest_col + 1):
            cell = ws.cell(row=n, column=j, value=fn2(t, f"{lc}{n}", n))
            if nf:
                cell.number_format = nf
        _validation(ws, f"{a}{n}:{b}{n}", t.unit, c.lang)
        if t.rag is not None:
            _rag_rules(ws, f"{a}{n}:{lc}{n}", f"{a}{n}", t.rag)
    widths = [w for _, _, w in fixed] + [11] * len(plist) + [11] + [w for _, _, w, _ in after]
    for i, w in enumerate(widths, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, w)
    return row + len(items) + 2, latest, (row + 1, first_p)


_TRAILING = " ,;:·-–—/&_"


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


def build_workbook(ctx: KitContext) -> bytes:
    from openpyxl import Workbook

    answers, lang = ctx.answers, ctx.lang
    first, last = goal_span(answers.scope.start, answers.scope.horizon)
    c = _Ctx(lang, answers.client.currency, first, last, ctx.library)
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
    latest: dict[tuple[str, str, str], str] = {}

    def pname(t: Tracked) -> str:
        return t.platform_label(ctx.library, lang)

    # goals sheet
    gs = wb.create_sheet(_sheet_title(_t("goals", lang), taken))
    _heading(gs, f"{answers.client.name} · {_t('goals', lang)}", scope_line)
    goal_info = {g.kpi: g for g in ctx.selection.goals}
    r = 4
    freeze: tuple[int, int] | None = None
    for freq, items in _by_frequency(goals):
        def progress(t: Tracked, cell: str, n: int) -> str:
            g = goal_info[t.kpi]
            tv, b = _num(g.target), (_num(g.baseline) if g.baseline is not None else None)
            if g.resolved_target.op in ("<", "<="):  # the engine's decision, not the direction
                expr = f"({b}-{cell})/({b}-{tv})" if b is not None else f"{tv}/{cell}"
            else:
                expr = f"({cell}-{b})/({tv}-{b})" if b is not None else f"{cell}/{tv}"
            return f'=IF(ISNUMBER({cell}),IFERROR({expr},""),"")'

        fixed: list[Column] = [
            (_t("kpi", lang), lambda t: t.title(lang), 30),
            (_t("target", lang), lambda t: _target_text(t, c), 12),
            (_t("baseline", lang), lambda t: _baseline(goal_info[t.kpi].baseline, t, c), 10),
            (_t("by", lang), lambda t: goal_info[t.kpi].by, 11),
        ]
        after = [(_t("progress", lang), progress, 11, "0%"),
                 (_t("status", lang), lambda t, cell, n: status_formula(t.rag, cell, lang)
                  if t.rag else "", 10, None),
                 (_t("annotation", lang), lambda t, cell, n: None, 36, None)]
        r, got, pos = _block(gs, r, freq, items, fixed, c, after)
        latest.update(got)
        freeze = freeze or pos
    if freeze:
        gs.freeze_panes = gs.cell(row=freeze[0], column=freeze[1])

    # one sheet per role
    role_sheet: dict[str, str] = {}
    for role_key, items in by_role.items():
        title = items[0].role_title
        ws = wb.create_sheet(_sheet_title(title, taken))
        role_sheet[role_key] = ws.title
        _heading(ws, f"{title} · {_t('scorecard', lang)}", scope_line)
        r, freeze = 4, None
        for freq, group in _by_frequency(items):
            fixed = [
                (_t("kpi", lang), lambda t: t.title(lang), 30),
                (_t("platform", lang), pname, 10),
                (_t("target", lang), lambda t: _target_text(t, c), 14),
                (_t("owner", lang), lambda t: t.role_title, 12),
                (_t("data_source", lang), lambda t: t.data_source, 28),
            ]
            after = [(_t("status", lang), lambda t, cell, n: status_formula(t.rag, cell, lang)
                      if t.rag else "", 10, None),
                     (_t("annotation", lang), lambda t, cell, n: None, 36, None)]
            r, got, pos = _block(ws, r, freq, group, fixed, c, after)
            latest.update(got)
            freeze = freeze or pos
        if freeze:
            ws.freeze_panes = ws.cell(row=freeze[0], column=freeze[1])

    # summary
    _heading(summary, f"{answers.client.name} · {_t('scorecard', lang)}", scope_line)
    heads = [_t("owner", lang), _t("kpi", lang), _t("platform", lang), _t("frequency", lang),
             _t("target", lang), _t("latest", lang), _t("status", lang), _t("data_source", lang)]
    for i, h in enumerate(heads, start=1):
        summary.cell(row=4, column=i, value=h)
    _style_header(summary, 4, len(heads))
    for n, t in enumerate(rows, start=5):
        sheet = gs.title if t.role_key == COMPANY else role_sheet[t.role_key]
        ref = latest[(t.role_key, t.kpi, t.platform)]
        values = [t.role_title, t.title(lang), pname(t), _t(t.frequency, lang),
                  _target_text(t, c), f"=IF('{sheet}'!{ref}=\"\",\"\",'{sheet}'!{ref})", None,
                  t.data_source]
        for i, v in enumerate(values, start=1):
            if i == 6:  # the one formula of the row: the latest value from the role's sheet
                summary.cell(row=n, column=i, value=v)
            else:
                _text_cell(summary, n, i, v)
        summary.cell(row=n, column=6).number_format = NUMBER_FORMATS.get(t.unit, "General")
        if t.rag is not None:
            summary.cell(row=n, column=7, value=status_formula(t.rag, f"F{n}", lang))
            _rag_rules(summary, f"F{n}", f"F{n}", t.rag)
    for letter, w in zip("ABCDEFGH", (14, 32, 10, 9, 14, 11, 10, 40), strict=True):
        summary.column_dimensions[letter].width = w
    summary.freeze_panes = "C5"

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
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
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
        w.writerow([p0.isoformat(), p1.isoformat(), t.role_key, t.kpi, t.platform, "", "",
                    t.data_source, t.title(lang), target])
    # The BOM lets Excel open the UTF-8 file with its Chinese text intact; `load` accepts it.
    return "\ufeff" + buf.getvalue()


def write_scorecard(ctx: KitContext, out: KitFiles) -> None:
    out.add("scorecard/scorecard.xlsx", build_workbook(ctx))
    out.add("scorecard/actuals-template.csv", actuals_template(ctx))
