"""Read one export (CSV or XLSX), recognise its format by its columns, and sum its rows into
base measures per day (or per the one span a dateless report covers), platform and site.

Encodings: UTF-8 with or without a byte-order mark, and UTF-16 with one. A file in another
encoding (Excel on a Chinese Windows saves GBK, on a German one Windows-1252) is read in that
encoding only when its header then matches a known format, so the guess is checked, never
silent; otherwise it is refused with what to do.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Issue, UsageError, display_path, excerpt
from . import parse
from .currency import currencies_of, site_currency
from .mapping import FieldSpec, Format, norm

MAX_BYTES = 64 * 1024 * 1024  # a year of order lines of a busy shop is ~30 MB
HEADER_SCAN = 10              # rows a report may put above its header (a title, a period)
MAX_ISSUES = 20

Cell = object  # str from a CSV; str, float, int, bool, date or datetime from a workbook
Span = tuple[dt.date, dt.date]


@dataclass
class Recognised:
    """A file whose columns matched a format."""

    path: Path
    file: str            # as messages name it
    name: str            # the file's name, as the store's source column keeps it
    format: Format
    header_row: int      # 0-based index into rows
    columns: dict[str, int]  # field name -> column index
    rows: list[list[Cell]]
    encoding: str = "utf-8"  # the reading its header proved (cp1252, gb18030: a checked guess)

    @property
    def guessed(self) -> str:
        """What to add to the file's line when its encoding was a checked guess, else ""."""
        label = {"cp1252": "Windows-1252", "gb18030": "GBK"}.get(self.encoding)
        return f" (read as {label}: save it as CSV UTF-8 to be sure)" if label else ""


@dataclass
class Extract:
    """The measures one file gives: {(platform, site): {span: {measure: sum}}}."""

    recognised: Recognised
    platform: str
    data: dict[tuple[str, str], dict[Span, dict[str, float]]] = field(default_factory=dict)
    rows: int = 0

    @property
    def sites(self) -> list[str]:
        return sorted({s for _, s in self.data})

    @property
    def days(self) -> set[dt.date]:
        out: set[dt.date] = set()
        for spans in self.data.values():
            for a, b in spans:
                out.update(a + dt.timedelta(days=i) for i in range((b - a).days + 1))
        return out


# --- reading the table --------------------------------------------------------------------------

def _read_bytes(path: Path) -> bytes:
    file = display_path(path)
    if not path.exists():
        raise UsageError(f"{file}: no such file")
    if path.is_dir():
        raise UsageError(f"{file} is a folder, expected a report export (CSV or XLSX)")
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{file} cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise UsageError(f"{file} is larger than {MAX_BYTES // (1024 * 1024)} MB: export a "
                         "shorter period (a quarter at a time)")
    return data


def _csv_rows(text: str) -> list[list[Cell]]:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    # the delimiter the header uses most: German Excel writes `;`, "Unicode text" a tab
    delim = max((",", ";", "\t"), key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    rows: list[list[Cell]] = []
    try:
        for rec in reader:
            rows.append(list(rec))
    except csv.Error as exc:
        raise ValueError(f"row {len(rows) + 1} cannot be read as CSV ({exc})") from None
    return rows


def _xlsx_rows(path: Path) -> list[list[Cell]]:
    from python_calamine import CalamineWorkbook  # heavy-ish: only when a workbook is read

    book = CalamineWorkbook.from_path(str(path))
    if not book.sheet_names:
        return []
    rows: list[list[Cell]] = [list(r) for r in
                              book.get_sheet_by_index(0).to_python(skip_empty_area=False)]
    if len(book.sheet_names) > 1 and not any(_text(c).strip() for r in rows for c in r):
        # said as such: "the file is empty" of a workbook whose report is on another sheet
        names = ", ".join(f"`{excerpt(n, 30)}`" for n in book.sheet_names[:5])
        first = excerpt(book.sheet_names[0], 30)
        raise UsageError(f"{display_path(path)}: its first sheet `{first}` is empty, and a "
                         f"report is read from the first sheet (the workbook has {names}): move "
                         "the report's sheet to the front, or save it alone")
    return rows


def _is_workbook(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_export(path: Path | str, formats: Sequence[Format]) -> Recognised:
    """Read `path` and recognise its format; UsageError/InputError with what to do if not."""
    path = Path(path)
    file = display_path(path)
    data = _read_bytes(path)
    if _is_workbook(data):
        try:
            rows = _xlsx_rows(path)
        except UsageError:
            raise
        except Exception as exc:  # calamine raises its own error types for damaged books
            raise UsageError(f"{file} is not a readable workbook ({str(exc)[:120]})") from None
        return _recognise(path, rows, formats)
    if b"\x00" in data and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise UsageError(f"{file} is not a text export (it holds binary data): export the "
                         "report as CSV or XLSX")
    candidates: list[tuple[str, str]] = []
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            candidates.append(("utf-16", data.decode("utf-16")))
        except UnicodeDecodeError:
            raise UsageError(f"{file} starts as UTF-16 text but is not: save it as "
                             "\"CSV UTF-8\" and load it again") from None
    else:
        try:
            candidates.append(("utf-8", data.decode("utf-8-sig")))
        except UnicodeDecodeError:
            for enc in ("gb18030", "cp1252"):
                try:
                    candidates.append((enc, data.decode(enc)))
                except UnicodeDecodeError:
                    continue
    if not candidates:
        raise UsageError(f"{file} is not UTF-8 text: save it as \"CSV UTF-8\" and load it again")
    found: list[Recognised] = []
    last: Exception | None = None
    for enc, text in candidates:
        try:
            rec = _recognise(path, _csv_rows(text), formats)
            rec.encoding = enc
            found.append(rec)
        except (InputError, UsageError, ValueError) as exc:
            last = exc
            if enc in ("utf-8", "utf-16"):
                break
    if len(found) == 1 or (found and len({_seen(r) for r in found}) == 1):
        # one reading, or several that agree on every cell the format reads (an ASCII header
        # and numbers): the guess cannot change what is loaded
        return found[0]
    if candidates and candidates[0][0] not in ("utf-8", "utf-16"):
        raise UsageError(f"{file} is not UTF-8 text, and no other encoding gives the columns of "
                         "a known report: save it as \"CSV UTF-8\" and load it again")
    if isinstance(last, ValueError) and not isinstance(last, (InputError, UsageError)):
        raise UsageError(f"{file}: {last}")
    assert last is not None
    raise last


def _seen(rec: Recognised) -> tuple[object, ...]:
    """Every cell the format reads, as one value to compare readings by."""
    idx = sorted(rec.columns.values())
    return (rec.format.id, rec.header_row,
            tuple(tuple(str(r[i]) if i < len(r) else "" for i in idx) for r in rec.rows))


def _header_titles(row: list[Cell]) -> list[str]:
    return [norm(str(c)) if c is not None else "" for c in row]


def _match(fmt: Format, titles: list[str]) -> dict[str, int]:
    """Each field's column: its first title (in the mapping's order) the header has."""
    where: dict[str, int] = {}
    for i, t in enumerate(titles):
        where.setdefault(t, i)
    cols: dict[str, int] = {}
    for f in fmt.fields:
        for t in f.titles:
            if norm(t) in where:
                cols[f.name] = where[norm(t)]
                break
    return cols


def _recognise(path: Path, rows: list[list[Cell]], formats: Sequence[Format]) -> Recognised:
    file = display_path(path)
    best: tuple[int, int, Format, int, dict[str, int]] | None = None
    nearest: tuple[int, Format, dict[str, int]] | None = None
    for i, row in enumerate(rows[:HEADER_SCAN]):
        titles = _header_titles(row)
        if not any(titles):
            continue
        for order, fmt in enumerate(formats):
            cols = _match(fmt, titles)
            have = sum(1 for f in fmt.required if f.name in cols)
            if have == len(fmt.required):
                score = (len(cols), -order)
                if best is None or score > (best[0], best[1]):
                    best = (score[0], score[1], fmt, i, cols)
            elif nearest is None or have > nearest[0]:
                nearest = (have, fmt, cols)
    if best is not None:
        _, _, fmt, i, cols = best
        return Recognised(path, file, path.name, fmt, i, cols, rows)
    if not rows or not any(_header_titles(rows[0])):
        raise InputError([Issue(file, 1, None, (), "the file is empty: expected a report "
                                "export with a header row")], title=f"{file} was not loaded")
    lines = [f"{file} is not a known report export: its columns match none of the formats "
             "this tool reads:"]
    lines += [f"  {f.name.en} ({f.id})" for f in formats]
    if nearest is not None and nearest[0] > 0:
        have, fmt, cols = nearest
        missing = [f.titles[0] for f in fmt.required if f.name not in cols]
        lines.append(f"nearest: {fmt.name.en}, which also needs the columns "
                     + ", ".join(f"`{m}`" for m in missing))
    lines.append("for another export, write a mapping file and give it with --mapping FILE "
                 "(docs/exports.md)")
    raise UsageError("\n".join(lines))


# --- rows into measures ------------------------------------------------------------------------

def _text(c: Cell) -> str:
    if c is None:
        return ""
    if isinstance(c, float) and c.is_integer():
        return str(int(c))
    return str(c)


def extract(rec: Recognised, platform: str, site: str,
            period: Span | None = None) -> Extract:
    """The file's rows summed per (platform, site) and day; a report without a date column
    is one span, `period` (the days the consultant exported it for)."""
    fmt, cols, file = rec.format, rec.columns, rec.file
    body = rec.rows[rec.header_row + 1:]
    issues: list[Issue] = []
    by_name = {f.name: f for f in fmt.fields}
    header = rec.rows[rec.header_row]

    def issue(line: int, f: FieldSpec, message: str) -> None:
        if len(issues) < MAX_ISSUES:
            title = str(header[cols[f.name]]).strip()
            issues.append(Issue(file, line, cols[f.name] + 1, (title,), message))

    def column(f: FieldSpec) -> list[str]:
        i = cols[f.name]
        return [_text(r[i]) for r in body if i < len(r) and isinstance(r[i], str)]

    titles = _header_titles(header)
    decimals: dict[str, str] = {}
    orders: dict[str, str] = {}
    for f in fmt.fields:
        if f.name not in cols:
            continue
        again = [i for i, t in enumerate(titles) if t == titles[cols[f.name]]][1:]
        if again:  # the first was read and the other ignored: which is right is not guessed
            issue(rec.header_row + 1, f, f"the column appears again as column {again[0] + 1}: "
                  "keep one of them and load the file again")
            continue
        try:
            if f.type in ("number", "integer", "money", "percent"):
                decimals[f.name] = parse.column_decimal(column(f), f.decimal_char)
            elif f.type == "date":
                orders[f.name] = (parse.numeric_order(column(f), f.date_order)
                                  or f.date_order_by_site.get(site.upper(), ""))
        except parse.ParseError as exc:
            issue(rec.header_row + 1, f, str(exc))
    if issues:
        raise InputError(issues, title=f"{file} was not loaded, nothing was written")

    if fmt.date_field is None and period is None:
        raise UsageError(f"{file} ({fmt.name.en}) has no date column: say which days it covers "
                         "with --period START..END (e.g. --period 2026-09-01..2026-09-30)")
    date_f = by_name[fmt.date_field] if fmt.date_field else None
    site_f = by_name[fmt.site_field] if fmt.site_field and fmt.site_field in cols else None

    width = len(header)
    currency_f = by_name["currency"] if "currency" in cols else None
    money_fs = [f for f in fmt.fields if f.type == "money" and f.name in cols]
    warned: set[str] = set()
    ambiguous = False
    out = Extract(rec, platform)
    distinct: dict[tuple[tuple[str, str], Span, str], set[str]] = defaultdict(set)
    for n, row in enumerate(body, start=rec.header_row + 2):
        if not any(_text(c).strip() for c in row):
            continue

        def cell(name: str, row: list[Cell] = row) -> Cell:
            i = cols.get(name)
            return row[i] if i is not None and i < len(row) else None

        try:
            if date_f is not None:
                raw = cell(date_f.name)
                if raw is None or (isinstance(raw, str) and parse.is_empty(raw)):
                    continue  # a total line under the days
                span = parse.date_range(raw, orders.get(date_f.name, ""))
            else:
                assert period is not None
                span = period
        except parse.ParseError as exc:
            assert date_f is not None
            if "day-first or month-first" in str(exc):
                if ambiguous:  # one cause for the whole column: said once
                    continue
                ambiguous = True
            issue(n, date_f, str(exc))
            continue
        where_site = site
        if site_f is not None:
            code = _text(cell(site_f.name)).strip().upper()
            if code:
                where_site = code
        if len(row) < width and any(i >= len(row) for i in cols.values()):
            # a CSV cut short (a download or a copy that stopped): the last row lacks its
            # cells, and summing what is left would load a day with half its measures
            first = next(f for f in fmt.fields if f.name in cols and cols[f.name] >= len(row))
            issue(n, first, f"the row has {len(row)} cells and the header {width}: the file "
                  "looks cut short; download the report again")
            continue
        if not _same_currency(row, cols, where_site, currency_f, money_fs, warned,
                              issue, n, rec.name):
            continue
        key = (platform, where_site)
        sums = out.data.setdefault(key, {}).setdefault(span, {})
        values: dict[str, float | None] = {}
        bad = False
        for f in fmt.fields:
            if f.name not in cols or f.type in ("date", "string"):
                continue
            raw = cell(f.name)
            try:
                if isinstance(raw, (int, float)) and not isinstance(raw, bool):
                    v: float | None = parse.bounded(float(raw), raw)
                else:
                    v = parse.number(_text(raw), decimals.get(f.name, "."),
                                     percent=f.type == "percent")
                if v is not None and f.type == "integer" and not float(v).is_integer():
                    raise parse.ParseError(f"`{_text(raw)}` is not a whole number")
            except parse.ParseError as exc:
                issue(n, f, str(exc))
                bad = True
                continue
            values[f.name] = v
        if bad:
            continue
        out.rows += 1
        for f in fmt.fields:
            if not f.measure or f.name not in cols:
                continue
            if f.when is not None and not f.when.holds(_text(cell(f.when.field))):
                continue
            v = values.get(f.name)
            if v is None:
                continue
            if f.multiply_by is not None:
                w = values.get(f.multiply_by)
                if w is None:
                    continue
                v *= w
            if f.absolute:
                v = abs(v)
            sums[f.measure] = sums.get(f.measure, 0.0) + v
        for c in fmt.counts:
            if c.when is not None and not c.when.holds(_text(cell(c.when.field))):
                continue
            value = _text(cell(c.distinct)).strip()
            if value:
                distinct[(key, span, c.measure)].add(value)
    if issues:
        raise InputError(issues, title=f"{file} was not loaded, nothing was written")
    for (key, span, measure), seen in distinct.items():
        out.data[key][span][measure] = float(len(seen))
    for c in fmt.counts:  # a day without a counted row counts zero, not "unknown"
        for spans in out.data.values():
            for sums in spans.values():
                sums.setdefault(c.measure, 0.0)
    return out


def _same_currency(row: list[Cell], cols: dict[str, int], site: str,
                   currency_f: FieldSpec | None, money_fs: list[FieldSpec], warned: set[str],
                   issue: Callable[[int, FieldSpec, str], None], line: int, name: str
                   ) -> bool:
    """False (with an issue, once per column) when a row's money is written in another
    currency than its site sells in: a UK report loaded as US, a euro export in a dollar
    kit. The --fx rates convert a site's own currency; money in another one would be summed
    as if it were that site's."""
    want = site_currency(site)
    if want is None:
        return True
    ok = True
    for f in ([currency_f] if currency_f is not None else []) + money_fs:
        i = cols[f.name]
        raw = row[i] if i < len(row) else None
        if not isinstance(raw, str) or not raw.strip():
            continue
        mark = raw.strip() if f is currency_f else parse.money_affix(raw)
        if not mark:
            continue
        can = currencies_of(mark)
        if can is None or want in can:
            continue
        ok = False
        if f.name not in warned:
            warned.add(f.name)
            what = (f"the report counts in {mark}" if f is currency_f
                    else f"`{raw.strip()[:40]}` is in {next(iter(can))}" if len(can) == 1
                    else f"`{raw.strip()[:40]}` is written with `{mark}`")
            issue(line, f, f"{what}, and the file "
                  f"is loaded for {site}, which sells in {want}: if it is another site's "
                  f"report, say which with --site CODE={name}")
    return ok
