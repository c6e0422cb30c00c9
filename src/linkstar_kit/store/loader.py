"""`linkstar load KIT ACTUALS.csv`: validate a CSV of actuals, then upsert it in one transaction.

Every problem in the file is reported at once, each with its CSV row number (the header is row
1, as a spreadsheet shows it); when there is any, nothing is written, not even an empty store.
Rows are keyed on (period_start, role_key, kpi, platform, site_group): loading the same file
twice changes nothing, and a corrected value replaces the old one. `site_group` ("US", "MY/PH")
is needed only where a platform's line differs by site; a file without the column still loads.

Notes (the `annotation` column) are kept unless changed on purpose: an empty note cell keeps
the note already stored for that period (a corrected value keeps its explanation), a cell
holding only `-` removes it, and a row with a note and no value annotates the value already
stored (a row with neither is skipped). A load that changes a number a written review shows
(its period, or its trend window) names that review: `review_runs` counts the corrections, and
the re-run review says it was re-run on corrected data.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import math
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..digits import ascii_hint
from ..errors import InputError, Issue, UsageError, did_you_mean, display_path, excerpt
from ..periods import date_problem, period_of, periods_in
from ..units import MAX_ABS_VALUE, Accepted, percent_slip
from .schema import migrate_store, statements
from .tracking import ALL, COMPANY

SCHEMA_FILE = "data/schema.sql"
STORE_FILE = "data/kpi.sqlite"
COLUMNS = ("period_start", "period_end", "role_key", "kpi", "platform", "site_group", "value",
           "annotation", "source")
REQUIRED = ("period_start", "role_key", "kpi", "value")
HELPERS = ("kpi_name", "target")  # written into the template to help whoever fills it; ignored
# A year of daily actuals for 30 roles is ~6 MB; a bigger file is not what anyone meant to
# load, and it is refused before it is read whole (`/dev/zero` included).
MAX_CSV_BYTES = 16 * 1024 * 1024
# The kit's own schema is a few KB.
MAX_SCHEMA_BYTES = 2 * 1024 * 1024
# Seconds to wait for another writer (a second `load`) before saying the store is in use.
LOCK_TIMEOUT = 5.0


@dataclass
class LoadResult:
    store: Path
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_empty: int = 0
    annotated: int = 0
    # written reviews (`linkstar review`) that show a number this load changed
    affected_reviews: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"{self.inserted} new, {self.updated} updated, {self.unchanged} unchanged")
        if self.annotated:
            text += f", {self.annotated} notes added to stored values"
        if self.skipped_empty:
            text += f"; {self.skipped_empty} rows without a value skipped"
        return text


@dataclass(frozen=True)
class _Row:
    line: int  # the CSV row; 0 for a value computed from a report export
    period_start: str
    period_end: str
    role_key: str
    kpi: str
    platform: str
    site_group: str
    value: float | None  # None: a note for the value already stored
    annotation: str
    source: str
    frequency: str = "weekly"

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.period_start, self.role_key, self.kpi, self.platform, self.site_group)


def load_actuals(kit: Path | str, csv_path: Path | str) -> LoadResult:
    kit, csv_path = Path(kit), Path(csv_path)
    script, tracked = open_kit(kit)
    if not csv_path.exists():
        raise UsageError(f"{display_path(csv_path)}: no such file")
    if csv_path.is_dir():
        raise UsageError(f"{display_path(csv_path)} is a folder, expected a CSV file")
    rows, skipped = _parse(csv_path, tracked)
    return write_rows(kit, script, rows, skipped, csv_name=display_path(csv_path))


def open_kit(kit: Path) -> tuple[list[str], dict[Key, _Kpi]]:
    """The kit's schema script and what it tracks; UsageError when it is not a kit."""
    schema_file = kit / SCHEMA_FILE
    if not kit.is_dir():
        raise UsageError(f"{display_path(kit)} is not a kit folder")
    if not schema_file.is_file():
        raise UsageError(
            f"{display_path(schema_file)} is missing: generate the kit with the dashboards format "
            "(`linkstar generate ANSWERS -o KIT --format md,dashboards`) first")
    try:
        with schema_file.open("rb") as fh:
            raw = fh.read(MAX_SCHEMA_BYTES + 1)
        if len(raw) > MAX_SCHEMA_BYTES:
            raise UsageError(f"{display_path(schema_file)} is too large to be the kit's schema: "
                             "regenerate the kit to restore it")
        schema_text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{display_path(schema_file)} is not UTF-8 text (it was edited or "
                         "replaced): regenerate the kit to restore it") from None
    script = statements(schema_text)
    return script, _tracked(script, schema_file)


# The base measures report exports gave, per day (or span), platform and site: kept so that a
# later load (another site's files, next week's export) computes KPIs over everything loaded.
# Created by the first load of an export (a kit's schema.sql need not know it).
MEASURES_DDL = """CREATE TABLE IF NOT EXISTS measures (
  day       TEXT NOT NULL,
  day_end   TEXT NOT NULL,
  platform  TEXT NOT NULL,
  site      TEXT NOT NULL DEFAULT '',
  measure   TEXT NOT NULL,
  value     DOUBLE PRECISION NOT NULL,
  source    TEXT NOT NULL,
  PRIMARY KEY (day, day_end, platform, site, measure)
)"""

# (day, day_end, platform, site, measure, value, source)
MeasureRow = tuple[str, str, str, str, str, float, str]


def read_measures(kit: Path) -> list[MeasureRow]:
    """The measures earlier loads stored (none before the first export)."""
    store = kit / STORE_FILE
    if not store.is_file():
        return []
    try:
        con = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=LOCK_TIMEOUT)
        try:
            if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'measures'").fetchone():
                return []
            return [tuple(r) for r in con.execute(  # type: ignore[misc]
                "SELECT day, day_end, platform, site, measure, value, source FROM measures"
                " ORDER BY day, platform, site, measure")]
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise UsageError(_store_problem(store, exc)) from None


def write_rows(kit: Path, script: list[str], rows: list[_Row], skipped: int = 0,
               measures: list[MeasureRow] | None = None, csv_name: str = "") -> LoadResult:
    """The one place rows reach the store: all of them in one transaction, or none.
    `measures` replace what the store holds for their platform, site, measure and days."""
    store = kit / STORE_FILE
    if store.is_dir():
        raise UsageError(f"{display_path(store)} is a folder, not the kit's SQLite store: move "
                         "it away and load again")
    existed = store.exists()
    result = LoadResult(store=store, skipped_empty=skipped)
    try:
        _upsert(store, script, rows, result, measures, csv_name)
    except sqlite3.Error as exc:
        if not existed:
            with contextlib.suppress(OSError):
                store.unlink(missing_ok=True)
        raise UsageError(_store_problem(store, exc)) from None
    except BaseException:
        if not existed:
            with contextlib.suppress(OSError):
                store.unlink(missing_ok=True)
        raise
    return result


def _upsert(store: Path, script: list[str], rows: list[_Row], result: LoadResult,
            measures: list[MeasureRow] | None = None, csv_name: str = "") -> None:
    """Write `rows` (and `measures`) in one transaction: all of them or, on any error, none."""
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    missing: list[_Row] = []
    changed: list[_Row] = []
    con = sqlite3.connect(store, isolation_level=None, timeout=LOCK_TIMEOUT)
    try:
        con.execute("BEGIN IMMEDIATE")
        migrate_store(con)  # a store loaded before site groups: same rows, the new key
        for stmt in script:
            con.execute(stmt)
        if measures:
            _replace_measures(con, measures)
        for r in rows:
            old = con.execute(
                "SELECT period_end, value, annotation, source FROM actuals WHERE period_start = ?"
                " AND role_key = ? AND kpi = ? AND platform = ? AND site_group = ?",
                r.key).fetchone()
            note = r.annotation
            if note == REMOVE_NOTE:
                note = ""
            elif not note and old is not None:
                note = old[2]  # an empty cell keeps the stored note (and a computed value too)
            if r.value is None:
                if old is None:
                    missing.append(r)
                elif old[2] == note:
                    result.unchanged += 1
                else:
                    con.execute("UPDATE actuals SET annotation = ?, loaded_at = ? WHERE "
                                "period_start = ? AND role_key = ? AND kpi = ? AND platform = ?"
                                " AND site_group = ?", (note, now, *r.key))
                    result.annotated += 1
                    changed.append(r)
                continue
            if old == (r.period_end, r.value, note, r.source):
                result.unchanged += 1
                continue
            changed.append(r)
            con.execute(
                "INSERT INTO actuals (period_start, period_end, role_key, kpi, platform,"
                " site_group, value, annotation, source, loaded_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (period_start, role_key, kpi, platform, site_group) DO UPDATE SET"
                " period_end = excluded.period_end, value = excluded.value,"
                " annotation = excluded.annotation, source = excluded.source,"
                " loaded_at = excluded.loaded_at",
                (r.period_start, r.period_end, r.role_key, r.kpi, r.platform, r.site_group,
                 r.value, note,
                 r.source, now))
            if old is None:
                result.inserted += 1
            else:
                result.updated += 1
        if missing:
            raise InputError([Issue(csv_name, r.line, None, ("value",),
                                    "a note without a value, and nothing is stored for this "
                                    "period to annotate", "write the value too")
                              for r in missing],
                             title=f"{csv_name} was not loaded, nothing was written")
        result.affected_reviews = _affected_reviews(con, changed)
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            if con.in_transaction:
                con.execute("ROLLBACK")
        raise
    finally:
        con.close()


def _replace_measures(con: sqlite3.Connection, measures: list[MeasureRow]) -> None:
    """The new measures replace what the store held for their platform, site and measure over
    the days they span (one export of a period replaces an earlier export of it)."""
    con.execute(MEASURES_DDL)
    con.execute("CREATE INDEX IF NOT EXISTS measures_by_key ON measures (platform, site, measure,"
                " day)")
    ranges: dict[tuple[str, str, str], tuple[str, str]] = {}
    for day, end, platform, site, measure, _, _ in measures:
        k = (platform, site, measure)
        lo, hi = ranges.get(k, (day, end))
        ranges[k] = (min(lo, day), max(hi, end))
    con.executemany("DELETE FROM measures WHERE platform = ? AND site = ? AND measure = ?"
                    " AND day_end >= ? AND day <= ?",
                    [(*k, lo, hi) for k, (lo, hi) in sorted(ranges.items())])
    con.executemany("INSERT INTO measures VALUES (?, ?, ?, ?, ?, ?, ?)", measures)


# A note cell holding only this removes the stored note (an empty cell keeps it).
REMOVE_NOTE = "-"
# The review's trend reaches this many of a KPI's own periods back (review/model.py's TREND).
REVIEW_WINDOW = 13
_CADENCE = {"daily": 0, "weekly": 1, "monthly": 2, "quarterly": 3}


def _affected_reviews(con: sqlite3.Connection, changed: list[_Row]) -> list[str]:
    """The written reviews that show one of `changed`: the KPI is due at the review's cadence
    and the row lies in the review's period or its trend window. Their correction count goes
    up (inside the load's transaction)."""
    if not changed or con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                  "name = 'review_runs'").fetchone() is None:
        return []
    hit: list[str] = []
    for rid, cadence, start, end in con.execute(
            "SELECT review_id, cadence, period_start, period_end FROM review_runs "
            "ORDER BY period_end, review_id").fetchall():
        try:
            r_start, r_end = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        except (TypeError, ValueError):
            continue
        for row in changed:
            if _CADENCE.get(row.frequency, 2) > _CADENCE.get(cadence, 1):
                continue
            last = periods_in(row.frequency, r_start, r_end)[-1]  # the review's latest
            first = last[0]
            for _ in range(REVIEW_WINDOW - 1):
                first = period_of(row.frequency, first - dt.timedelta(days=1))[0]
            if first.isoformat() <= row.period_start <= last[0].isoformat():
                hit.append(rid)
                break
    if hit:
        con.executemany("UPDATE review_runs SET corrections = corrections + 1 "
                        "WHERE review_id = ?", [(r,) for r in hit])
    return hit


def _store_problem(store: Path, exc: sqlite3.Error) -> str:
    """What a failed write to the store means for the person who ran `load`."""
    shown = display_path(store)
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return (f"{shown} is in use by another program (a dashboard, or another `linkstar "
                "load`): nothing was loaded; try again when it is done")
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return (f"{shown} is not an SQLite database (it was replaced or damaged): nothing was "
                "loaded; move it away and load again to start a new store")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return (f"cannot write {shown}: the kit folder or the store is read-only: nothing was "
                "loaded; make it writable and load again")
    if "disk" in text and "full" in text:
        return f"the disk is full: nothing was loaded into {shown}"
    return f"{shown} could not be written ({excerpt(exc, 200)}): nothing was loaded"


# --- what the kit tracks ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Kpi:
    frequency: str
    unit: str
    low: float | None = None    # the values the unit accepts (units.py)
    high: float | None = None


Key = tuple[str, str, str, str]  # role_key, kpi, platform, site_group


def _tracked(script: list[str], schema_file: Path) -> dict[Key, _Kpi]:
    mem = sqlite3.connect(":memory:")
    try:
        for stmt in script:
            mem.execute(stmt)
        cols = [r[1] for r in mem.execute("PRAGMA table_info(targets)").fetchall()]
        group = "site_group" if "site_group" in cols else "''"  # a kit generated before them
        rows = mem.execute(f"SELECT role_key, kpi, platform, {group}, frequency, unit,"
                           " accepted_low, accepted_high FROM targets ORDER BY sort_order"
                           ).fetchall()
    except sqlite3.Error as exc:
        raise UsageError(f"{display_path(schema_file)} does not run on SQLite ({exc}); "
                         "regenerate the kit to restore it") from None
    finally:
        mem.close()
    return {(r, k, p, g): _Kpi(f, u, lo, hi) for r, k, p, g, f, u, lo, hi in rows}


# --- the CSV -----------------------------------------------------------------------------------

def _read_text(path: Path) -> str:
    file = display_path(path)
    try:
        with path.open("rb") as f:
            data = f.read(MAX_CSV_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{file} cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_CSV_BYTES:
        raise UsageError(f"{file} is larger than {MAX_CSV_BYTES // (1024 * 1024)} MB: load the "
                         "actuals in smaller files (one a month, say)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
    # Excel on a Chinese Windows saves CSV as GBK: read as GB 18030 (GBK's superset) only a
    # file that is no UTF-8 at all and reads as Chinese. A UTF-8 file with a stray byte (one
    # character pasted from a Windows-1252 program) decodes as GBK too, but wrongly: its
    # a Chinese note would come out as other, wrong ideographs, so it is refused at the byte instead.
    if not _near_utf8(data):
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            if _reads_as_chinese(text):
                return text
    line = data.count(b"\n", 0, bad) + 1
    column = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
    byte = data[bad]
    guess = bytes([byte]).decode("cp1252", "replace")
    seen = f" (`{guess}` in Windows-1252)" if guess.isprintable() and guess != "\ufffd" else ""
    if _near_utf8(data):
        message = (f"byte 0x{byte:02X}{seen} at byte {bad + 1} of the file is not UTF-8, while "
                   "the rest of the file is: retype that character, or save the file as CSV UTF-8")
    else:
        message = (f"byte 0x{byte:02X}{seen} at byte {bad + 1} of the file is neither UTF-8 nor "
                   "GBK text: save the file as CSV UTF-8")
    raise InputError([Issue(file, line, column, ("encoding",), message)],
                     title=f"{file} was not loaded, nothing was written")


def _near_utf8(data: bytes) -> bool:
    """Whether `data` is UTF-8 but for a few stray bytes: most of its non-ASCII bytes form
    valid UTF-8 sequences. GBK Chinese is almost never valid UTF-8 for long."""
    text = data.decode("utf-8", "surrogateescape")
    stray = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    good = sum(len(c.encode("utf-8")) for c in text if ord(c) > 0x7F and not "\udc80" <= c <= "\udcff")
    return good > 0 and good >= 4 * stray


def _reads_as_chinese(text: str) -> bool:
    """Whether `text` reads as a Chinese spreadsheet's: every non-ASCII character is a CJK
    ideograph or punctuation, a full-width form or a general symbol, and two ideographs stand
    together somewhere (a word). Latin text with a Windows-1252 `ü` before a letter decodes as
    GBK too, but as lone ideographs among Latin letters."""
    chars = [c for c in text if ord(c) > 0x7F]
    allowed = all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"
                  or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
                  or "\u2000" <= c <= "\u27bf" or c == "\ufeff" for c in chars)
    return allowed and _WORD.search(text) is not None


_WORD = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]{2}")


def _records(text: str, file: str) -> list[list[str]]:
    """The CSV's rows; a row the csv module cannot read (a cell over its 131,072-character
    limit, a NUL byte) is refused with its row number."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[list[str]] = []
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            if text.count('"') % 2 and _ends_in_quote(text):
                # the csv module closes a quote left open at the end: a file cut mid-note
                # loaded its last row with half a note
                raise InputError([Issue(file, len(records), None, ("row",), "the file ends "
                                        "inside a quoted cell (a double quote never closed): "
                                        "it looks cut short; save or download it again")],
                                 title=f"{file} was not loaded, nothing was written") from None
            return records
        except csv.Error as exc:
            row = len(records) + 1
            reason = str(exc)
            if "field larger than field limit" in reason:
                reason = (f"a cell longer than {csv.field_size_limit():,} characters "
                          "(an unclosed double quote?)")
            raise InputError([Issue(file, row, None, ("row",), "cannot be read: "
                                    f"{excerpt(reason, 120)}")],
                             title=f"{file} was not loaded, nothing was written") from None
        records.append(rec)


def _ends_in_quote(text: str) -> bool:
    """Whether a strict reading of the CSV runs out inside a quoted cell."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


# ASCII digits only (digits.py): `\d` alone would read full-width `２０２６` as a year.
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$", re.ASCII)


def _date(text: str) -> dt.date | None:
    m = _DATE.match(text.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _date_issue(text: str, what: str) -> tuple[dt.date | None, str | None, str | None]:
    """(date, None, None), or (None, message, hint) for a cell that is no date in range."""
    d = _date(text)
    if d is None:
        message = f"`{excerpt(text)}` is not a date" if text else f"missing {what}"
        return None, message, ascii_hint(text) or "write YYYY-MM-DD"
    problem = date_problem(d)
    if problem is not None:
        return None, problem, None
    return d, None, None


_PLAIN_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$", re.ASCII)
_TOO_LARGE = f"a value lies within ±{MAX_ABS_VALUE:,.0f}"


def _number(text: str, unit: str) -> tuple[float | None, str | None]:
    """(value, hint): a plain number (`1234.5`, `-0.2`, `15%` for a ratio) or None.

    One rule, no guessing: a point is the decimal mark and nothing groups digits. A comma is
    refused, never dropped, since `4,5` may be 4.5 (a decimal comma) or 45; the hint offers
    what it most likely meant."""
    t = text.strip()
    pct = t.endswith("%")
    if pct:
        t = t[:-1].strip()
    hint = ascii_hint(t)
    if hint is not None:
        return None, hint
    if "," in t or " " in t:
        digits = t.replace(",", "").replace(" ", "")
        grouped = re.fullmatch(r"[-+]?\d{1,3}([, ]\d{3})+(\.\d+)?", t)
        decimal = re.fullmatch(r"([-+]?\d+),(\d+)", t)
        if decimal and grouped:  # 1,234: a thousand or one point something
            hint = (f"write {digits} or {decimal[1]}.{decimal[2]}: no thousands separators, "
                    "a point for decimals")
        elif decimal:
            hint = f"did you mean {decimal[1]}.{decimal[2]}? A point marks decimals"
        elif grouped:
            hint = f"did you mean {digits}? No thousands separators"
        return None, hint
    if not _PLAIN_NUMBER.match(t):
        return None, None
    v = float(t)
    if not math.isfinite(v) or abs(v) > MAX_ABS_VALUE:
        return None, _TOO_LARGE
    if pct:
        if unit != "ratio":
            return None, None
        v /= 100
    return v, None


def _parse(path: Path, tracked: dict[Key, _Kpi]) -> tuple[list[_Row], int]:
    file = display_path(path)
    issues: list[Issue] = []

    def bad(line: int, column: str, message: str, hint: str | None = None) -> None:
        issues.append(Issue(file, line, None, (column,), message, hint))

    records = _records(_read_text(path), file)
    if not records or not any(c.strip() for c in records[0]):
        raise InputError([Issue(file, 1, None, (), "the file is empty: expected a header row "
                                "with " + ", ".join(COLUMNS))], title=f"{file} was not loaded")
    header = [c.strip().lower() for c in records[0]]
    known = set(COLUMNS) | set(HELPERS)
    for c in header:
        if c and c not in known:
            bad(1, excerpt(c), f"unknown column `{excerpt(c)}`", did_you_mean(c, COLUMNS)
                or "expected " + ", ".join(COLUMNS))
    for c in REQUIRED:
        if c not in header:
            bad(1, c, f"missing column `{c}`")
    dup_cols = {c for c in header if c and header.count(c) > 1}
    for c in sorted(dup_cols):
        bad(1, excerpt(c), f"column `{excerpt(c)}` appears twice")
    if issues:
        raise InputError(issues, title=f"{file} was not loaded")
    idx = {c: header.index(c) for c in COLUMNS if c in header}

    roles = {r for r, _, _, _ in tracked}
    kpis_of: dict[str, set[str]] = {}
    platforms_of: dict[tuple[str, str], list[str]] = {}
    groups_of: dict[tuple[str, str, str], list[str]] = {}
    for r, k, p, g in tracked:
        kpis_of.setdefault(r, set()).add(k)
        if p not in platforms_of.setdefault((r, k), []):
            platforms_of[(r, k)].append(p)
        groups_of.setdefault((r, k, p), []).append(g)
    all_kpis = {k for _, k, _, _ in tracked}

    rows: list[_Row] = []
    seen: dict[tuple[str, str, str, str, str], int] = {}
    skipped = 0
    width = len(header)
    for n, rec in enumerate(records[1:], start=2):
        if not any(c.strip() for c in rec):
            continue
        # A row must line up with the header: an unquoted comma in an annotation shifts every
        # cell after it, and a short row leaves its meaning to guesswork.
        if len(rec) != width:
            bad(n, "row", f"{len(rec)} cells where the header has {width}",
                "a text with a comma needs double quotes around it, as in \"late, then OK\""
                if len(rec) > width else "every row needs one cell per column, empty or not")
            continue

        def cell(name: str, rec: list[str] = rec) -> str:
            i = idx.get(name)
            return rec[i].strip() if i is not None and i < len(rec) else ""

        before = len(issues)
        role, kpi, platform = cell("role_key"), cell("kpi"), cell("platform")
        if not role:
            bad(n, "role_key", "missing role key")
            continue
        if role not in roles:
            bad(n, "role_key", f"unknown role `{excerpt(role)}`",
                did_you_mean(role, roles) or "known: " + ", ".join(sorted(roles)))
            continue
        if not kpi:
            bad(n, "kpi", "missing KPI")
            continue
        if kpi not in kpis_of[role]:
            if kpi in all_kpis:
                bad(n, "kpi", f"KPI `{kpi}` is not tracked for role `{role}`",
                    "its KPIs: " + ", ".join(sorted(kpis_of[role])))
            else:
                bad(n, "kpi", f"unknown KPI `{excerpt(kpi)}`", did_you_mean(kpi, kpis_of[role])
                    or did_you_mean(kpi, all_kpis) or "the role's KPIs: "
                    + ", ".join(sorted(kpis_of[role])))
            continue
        allowed = platforms_of[(role, kpi)]
        if platform not in allowed:
            if platform == ALL and len(allowed) == 1:
                platform = allowed[0]  # one platform only: a blank cell can only mean it
            else:
                shown = ", ".join(f"`{p}`" if p else "empty (all platforms)" for p in allowed)
                what = f"platform `{excerpt(platform)}`" if platform else "an empty platform"
                who = "the company goal" if role == COMPANY else f"role `{role}`"
                bad(n, "platform", f"{what} is not tracked for `{kpi}` of {who}",
                    f"expected {shown}")
                continue
        group, groups = cell("site_group"), groups_of[(role, kpi, platform)]
        if group not in groups:
            if not group and len(groups) == 1:
                group = groups[0]  # one site group only: a blank cell can only mean it
            else:
                shown = ", ".join(f"`{g}`" if g else "empty (every site)" for g in groups)
                what = f"site group `{excerpt(group)}`" if group else "an empty site group"
                bad(n, "site_group", f"{what} is not tracked for `{kpi}` on `{platform}`",
                    f"expected {shown}")
                continue
        info = tracked[(role, kpi, platform, group)]

        raw = cell("value")
        note_only = not raw and bool(cell("annotation"))
        if not raw and not note_only:
            skipped += 1
            continue
        value, hint = (None, None) if note_only else _number(raw, info.unit)
        if note_only:
            pass  # a note for the stored value (checked against the store when written)
        elif value is None:
            bad(n, "value", f"{excerpt(raw)} is too large" if hint == _TOO_LARGE
                else f"`{excerpt(raw)}` is not a number", hint)
        elif not Accepted(info.low, info.high).holds(value):
            what = Accepted(info.low, info.high).describe()
            if info.unit == "ratio":
                signed = info.low is not None and info.low < 0
                meant = percent_slip(value, Accepted(info.low, info.high))
                hint = f"did you mean {meant:g}?" if meant is not None else None
                kind = ("a signed ratio (-0.12 means a 12 % fall)" if signed
                        else "a ratio (a fraction, 0.15 means 15 %, 1.2 means 120 %)"
                        if (info.high or 1.0) > 1 else "a ratio (a fraction, 0.15 means 15 %)")
                bad(n, "value", f"{excerpt(raw)} is outside {what}: `{kpi}` is {kind}", hint)
            else:
                bad(n, "value", f"{excerpt(raw)} is outside {what}: `{kpi}` is in {info.unit}")

        start_text, end_text = cell("period_start"), cell("period_end")
        start, problem, hint = _date_issue(start_text, "period start")
        end, end_problem, end_hint = _date_issue(end_text, "period end") if end_text else \
            (None, None, None)
        if start is None:
            bad(n, "period_start", problem or "", hint)
        elif end_problem is not None:
            bad(n, "period_end", end_problem, end_hint)
        else:
            expected = period_of(info.frequency, start)
            if expected[0] != start or (end is not None and end != expected[1]):
                shown = f"{start}..{end}" if end else str(start)
                bad(n, "period_start", f"period {shown} does not fit `{kpi}`, which is "
                    f"{info.frequency} ({_FREQ_HINT[info.frequency]})",
                    f"the {info.frequency} period around it is {expected[0]}..{expected[1]}")
            else:
                end = expected[1]
        if len(issues) > before or (value is None and not note_only) or start is None \
                or end is None:
            continue
        row = _Row(n, start.isoformat(), end.isoformat(), role, kpi, platform, group, value,
                   cell("annotation"), cell("source"), info.frequency)
        if row.key in seen:
            bad(n, "period_start", "duplicate row: same period, role, KPI, platform and site "
                f"group as row {seen[row.key]}")
            continue
        seen[row.key] = n
        rows.append(row)
    if issues:
        raise InputError(issues, title=f"{file} was not loaded, nothing was written")
    return rows, skipped


_FREQ_HINT = {
    "daily": "one day: period_end = period_start",
    "weekly": "Monday to Sunday",
    "monthly": "the 1st to the last day of a month",
    "quarterly": "a calendar quarter, from Jan 1, Apr 1, Jul 1 or Oct 1",
}
