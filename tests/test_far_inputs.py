"""Far dates, huge numbers and non-ASCII digits (issue 21): every such input ends in a message
or a result, never in an exception the CLI would call an internal error.

The date range (periods.FIRST_DATE..LAST_DATE) is checked where a date is read: the answers'
scope.start and goals' dates, an actual's period, `review --period`, `check --today`. Dates in
the range make a kit and a check; arithmetic from them never overflows (periods.shift,
add_months). Property tests (Hypothesis) feed dates from the whole of `datetime.date`, ids of
periods with any digits, and CSV cells with far dates and huge values.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkstar_kit import periods as P
from linkstar_kit.answers.loader import parse_answers
from linkstar_kit.cli import main
from linkstar_kit.digits import ascii_hint, ascii_spelling, has_foreign_digits
from linkstar_kit.errors import InputError, LinkstarError
from linkstar_kit.library.loader import Library, load_library

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = yaml.safe_load((REPO / "examples" / "amazon-us.yaml").read_text(encoding="utf-8"))
FEW = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
MANY = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))

any_date = st.dates(min_value=dt.date.min, max_value=dt.date.max)
# Dates near both ends of the range and of `datetime.date` itself, where arithmetic breaks.
edge_date = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(1, 3, 1)),
    st.dates(min_value=dt.date(1899, 11, 1), max_value=dt.date(1900, 2, 1)),
    st.dates(min_value=dt.date(2200, 11, 1), max_value=dt.date(2201, 2, 1)),
    st.dates(min_value=dt.date(9999, 10, 1), max_value=dt.date(9999, 12, 31)),
    any_date)
in_range = st.dates(min_value=P.FIRST_DATE, max_value=P.LAST_DATE)


@functools.lru_cache(maxsize=1)
def library() -> Library:
    return load_library()


def answers_text(start: dt.date, by: dt.date, horizon: str = "quarter") -> str:
    data = {**EXAMPLE, "scope": {**EXAMPLE["scope"], "start": start, "horizon": horizon},
            "goals": [{**EXAMPLE["goals"][0], "by": by}]}
    return yaml.safe_dump(data, allow_unicode=True)


# --- the range, at validation ----------------------------------------------------------------

@pytest.mark.parametrize("start", ["9990-06-01", "0001-01-01", "1899-12-31", "2201-01-01"])
def test_a_far_scope_start_is_refused_with_the_range(start: str) -> None:
    d = dt.date.fromisoformat(start)
    with pytest.raises(InputError) as exc:
        parse_answers(answers_text(d, d), "a.yaml", library())
    text = exc.value.render()
    assert f"scope.start: {start} is outside the dates linkstar-kit plans for (1900-01-01 to " \
           "2200-12-31)" in text
    assert f"goals[0].by: {start} is outside" in text


@FEW
@given(start=edge_date, by=edge_date, horizon=st.sampled_from(list(P.HORIZON_MONTHS)))
def test_any_dates_validate_or_are_refused_and_what_validates_makes_a_kit(
        start: dt.date, by: dt.date, horizon: str) -> None:
    """validate -> select -> generate (md, calendar, dashboards, workbook) -> check."""
    from linkstar_kit.doctor.checks import check
    from linkstar_kit.kit.generate import build_files

    try:
        answers = parse_answers(answers_text(start, by, horizon), "a.yaml", library())
    except InputError as exc:
        assert P.FIRST_DATE <= start <= P.LAST_DATE and P.FIRST_DATE <= by <= P.LAST_DATE \
            or "is outside the dates linkstar-kit plans for" in exc.render()
        return
    assert P.FIRST_DATE <= start <= P.LAST_DATE and P.FIRST_DATE <= by <= P.LAST_DATE
    files, selection = build_files(answers, library(), formats=["md", "ics", "dashboards", "xlsx"])
    assert files
    check(answers, library(), selection, today=start)


# --- the arithmetic ----------------------------------------------------------------------------

@MANY
@given(d=in_range, horizon=st.sampled_from(list(P.HORIZON_MONTHS)),
       frequency=st.sampled_from(list(P.FREQUENCIES)))
def test_arithmetic_from_any_date_in_range_never_overflows(d: dt.date, horizon: str,
                                                           frequency: str) -> None:
    first, last = P.goal_span(d, horizon)
    spans = P.periods(frequency, first, last)
    assert spans[0][0] <= first and spans[-1][1] >= last
    P.label(frequency, spans[0], "en")
    P.next_quarter_day(d, 28)
    P.next_month_day(d, 28)
    P.months_before(d, 24)


@MANY
@given(d=edge_date, n=st.integers(-10**6, 10**6))
def test_arithmetic_past_what_a_date_holds_is_a_message(d: dt.date, n: int) -> None:
    for f in (lambda: P.add_months(d, n), lambda: P.shift(d, n), lambda: P.horizon_end(d, "year"),
              lambda: P.period_of("quarterly", d), lambda: P.period_of("weekly", d)):
        try:
            f()
        except P.DateOutOfRange as exc:
            assert isinstance(exc, LinkstarError)
            assert "outside the dates linkstar-kit plans for (1900-01-01 to 2200-12-31)" in str(exc)


# --- review periods -----------------------------------------------------------------------------

FULL_WIDTH = "０１２３４５６７８９"
digit = st.sampled_from("0123456789" + FULL_WIDTH + "٠١٢٣")


@MANY
@given(year=st.text(digit, min_size=1, max_size=6), sep=st.sampled_from(["-", "－"]),
       kind=st.sampled_from(["", "W", "Q", "w"]), rest=st.text(digit, min_size=1, max_size=3))
def test_any_period_id_parses_in_range_or_says_why_once(year: str, sep: str, kind: str,
                                                        rest: str) -> None:
    text = f"{year}{sep}{kind}{rest}"
    try:
        frequency, (start, end) = P.parse_period_id(text)
    except ValueError as exc:
        message = str(exc)
        assert message and message.count(P.PERIOD_ID_HELP) <= 1
        if has_foreign_digits(text):
            assert f"did you mean `{ascii_spelling(text)}`?" in message
        return
    assert text.isascii()
    assert P.FIRST_DATE <= start <= end <= dt.date(2201, 1, 7)
    assert frequency in ("weekly", "monthly", "quarterly")


def test_full_width_digits_get_the_ascii_spelling() -> None:
    assert ascii_hint("２０２６－０９") == ("did you mean `2026-09`? Type digits as ASCII "
                                         "(half-width)")
    assert ascii_hint("2026-09") is None
    assert ascii_spelling("٢٠٢٦-Q٣") == "2026-Q3"
    with pytest.raises(ValueError, match="did you mean `2026-09`"):
        P.parse_period_id("２０２６-09")


@pytest.fixture(scope="module")
def loaded_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storekit import build_kit, filled_template

    tmp = tmp_path_factory.mktemp("loaded")
    kit = build_kit(REPO / "examples" / "amazon-us.yaml", tmp / "kit")
    assert main(["load", str(kit), str(filled_template(kit, tmp / "a.csv"))]) == 0
    return kit


@pytest.mark.parametrize(("period", "message"), [
    ("9999-12", "9999-12-01 is outside the dates linkstar-kit plans for"),
    ("0001-01", "0001-01-01 is outside the dates linkstar-kit plans for"),
    ("9999-W52", "9999-12-27 is outside the dates linkstar-kit plans for"),
    ("２０２６-09", "did you mean `2026-09`?"),
    ("abc", "expected an ISO week (2026-W39), a month (2026-09) or a quarter (2026-Q3)"),
])
def test_review_period_errors_say_it_once(loaded_kit: Path, capsys: pytest.CaptureFixture[str],
                                          period: str, message: str) -> None:
    capsys.readouterr()
    assert main(["review", str(loaded_kit), "--period", period]) == 1
    err = capsys.readouterr().err
    assert message in err and "internal error" not in err
    assert err.count("expected an ISO week") <= 1
    assert not (loaded_kit / "reviews").exists()


# --- the CSV of actuals ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storekit import build_kit

    return build_kit(REPO / "examples" / "amazon-us.yaml", tmp_path_factory.mktemp("k") / "kit",
                     ("dashboards",))


HEADER = "period_start,period_end,role_key,kpi,platform,value,annotation,source\n"


def load(kit: Path, tmp: Path, row: str) -> str:
    """`load` one row of net_margin (a monthly company goal); the problems it reports."""
    from linkstar_kit.store.loader import load_actuals

    f = tmp / "a.csv"
    f.write_text(HEADER + row + "\n", encoding="utf-8")
    try:
        load_actuals(kit, f)
    except InputError as exc:
        return exc.render()
    return ""


@pytest.mark.parametrize(("row", "message"), [
    ("9999-12-27,,_company,net_margin,,0.1,,", "period_start: 9999-12-27 is outside the dates"),
    ("0001-01-01,,_company,net_margin,,0.1,,", "period_start: 0001-01-01 is outside the dates"),
    ("2026-07-01,9999-12-31,_company,net_margin,,0.1,,", "period_end: 9999-12-31 is outside"),
    ("２０２６-07-01,,_company,net_margin,,0.1,,", "`２０２６-07-01` is not a date (did you mean "
     "`2026-07-01`? Type digits as ASCII (half-width))"),
    ("2026-07-01,,_company,net_margin,,０.１,,", "`０.１` is not a number (did you mean `0.1`?"),
    ("2026-07-01,,_company,net_margin,,1.8e308,,", "1.8e308 is too large (a value lies within "
     "±1,000,000,000,000,000)"),
    ("2026-07-01,,_company,net_margin,,-1e16,,", "-1e16 is too large"),
    ("2026-07-01,,_company,net_margin,,nan,,", "`nan` is not a number"),
    ("2026-07-01,,_company,net_margin,,inf,,", "`inf` is not a number"),
])
def test_csv_far_dates_huge_values_and_full_width_digits(kit: Path, tmp_path: Path, row: str,
                                                          message: str) -> None:
    assert message in load(kit, tmp_path, row)
    assert not (kit / "data" / "kpi.sqlite").exists()


cell_date = st.one_of(edge_date.map(dt.date.isoformat),
                      st.text(digit | st.sampled_from("-/."), max_size=12))
cell_value = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr),
                       st.text(digit | st.sampled_from("-+.eE%,"), max_size=12))


@FEW
@given(start=cell_date, end=st.one_of(st.just(""), cell_date), value=cell_value)
def test_any_csv_cells_load_or_are_reported(kit: Path, tmp_path_factory: pytest.TempPathFactory,
                                            start: str, end: str, value: str) -> None:
    import sqlite3

    tmp = tmp_path_factory.mktemp("csv")
    problems = load(kit, tmp, f"{start},{end},_company,net_margin,,{value},,")
    store = kit / "data" / "kpi.sqlite"
    if problems:
        assert "was not loaded" in problems
        return
    if not value.strip():
        return  # a row without a value is skipped, as the template's empty rows are
    con = sqlite3.connect(store)
    try:
        (v,) = con.execute("SELECT value FROM actuals WHERE period_start = ?", (start,)).fetchone()
        con.execute("DELETE FROM actuals")
        con.commit()
    finally:
        con.close()
    assert abs(v) <= 1e15 and start.isascii() and value.isascii()
    assert P.FIRST_DATE <= dt.date.fromisoformat(start) <= P.LAST_DATE


# --- the web API -----------------------------------------------------------------------------------

def test_api_kits_with_far_dates_is_a_4xx(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    import json

    from starlette.testclient import TestClient

    from linkstar_kit.web.app import Config, create_app

    app = create_app(Config(library=library(), data_dir=tmp_path / "data",
                            consultant_token="far-dates-test-token-0123456789abcdef"))
    data = json.loads((REPO / "examples" / "amazon-us.json").read_text(encoding="utf-8"))
    data["scope"]["start"] = "9990-06-01"
    with TestClient(app) as client:
        r = client.post("/api/kits?format=md", content=json.dumps(data),
                        headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert "is outside the dates linkstar-kit plans for" in r.text


def test_full_width_digits_in_answers_get_the_ascii_spelling() -> None:
    text = answers_text(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    text = text.replace("start: 2026-07-01", "start: ２０２６-07-01").replace(
        "team_size: 10", "team_size: １０")
    assert "２０２６" in text and "１０" in text
    with pytest.raises(InputError) as exc:
        parse_answers(text, "a.yaml", library())
    rendered = exc.value.render()
    assert "scope.start: not a valid date: invalid character in year; got '２０２６-07-01' (did you " \
           "mean `2026-07-01`? Type digits as ASCII (half-width))" in rendered
    assert "team_size: expected a whole number, got '１０' (did you mean `10`?" in rendered


@pytest.mark.parametrize("target", [1.7976931348623157e308, -1e300, 1e16])
def test_a_money_goal_past_a_quadrillion_is_refused_at_its_key(target: float) -> None:
    # The largest float validated, then `plan`, `check` and `explain` crashed splitting it into
    # cents (OverflowError: cannot convert float infinity to integer).
    data = {**EXAMPLE, "goals": [{"kpi": "gmv", "target": target, "by": dt.date(2026, 9, 30)}]}
    with pytest.raises(InputError) as exc:
        parse_answers(yaml.safe_dump(data, allow_unicode=True), "a.yaml", library())
    assert "goals[0].target: `gmv`: target must lie within ±1,000,000,000,000,000" \
        in exc.value.render()


def test_a_money_goal_of_a_trillion_plans_and_checks(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    data = {**EXAMPLE, "goals": [{"kpi": "gmv", "target": 1e15, "by": dt.date(2026, 9, 30)}]}
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["plan", str(path)]) == 0
    assert main(["check", str(path), "--today", "2026-07-01"]) in (0, 1)
    assert "internal error" not in capsys.readouterr().err


# --- report exports and load's options ------------------------------------------------------------

@pytest.mark.parametrize(("cell", "message"), [
    ("７/1/2026", "`７/1/2026` is not a date (did you mean `7/1/2026`?"),
    ("7/1/9999", "9999-07-01 is outside the dates linkstar-kit plans for"),
    ("1/1/0001", "0001-01-01 is outside the dates"),  # was read as 2001-01-01
    ("2200-12-31", ""),
])
def test_an_export_date_is_ascii_and_in_range(cell: str, message: str) -> None:
    from linkstar_kit.exports.parse import ParseError, date

    if not message:
        assert date(cell) == dt.date(2200, 12, 31)
        return
    with pytest.raises(ParseError) as exc:
        date(cell, "mdy")
    assert message in str(exc.value)
    assert date("9/1/26", "mdy") == dt.date(2026, 9, 1)  # a two-digit year is this century's


def test_an_export_number_is_ascii() -> None:
    from linkstar_kit.exports.parse import ParseError, number

    for cell in ("９９", "$３,250.30", "٩٩"):
        with pytest.raises(ParseError, match="Type digits as ASCII"):
            number(cell)
    assert number("99") == 99 and number("$3,250.30") == 3250.30


def bare_copy(kit: Path, tmp: Path) -> Path:
    """A copy of the module's kit without a store (other tests load into theirs)."""
    import shutil

    copy = tmp / "kit"
    shutil.copytree(kit, copy, ignore=shutil.ignore_patterns("kpi.sqlite*"))
    return copy


def test_an_export_with_full_width_digits_or_far_dates_is_not_loaded(
        kit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = bare_copy(kit, tmp_path)
    src = (REPO / "tests" / "fixtures" / "exports" / "amazon-business-report-q3.csv").read_text(
        encoding="utf-8-sig")
    for name, text, message in [
            ("fw.csv", src.replace("99,4,98", "９９,4,98", 1), "`９９` is not a number"),
            ("far.csv", src.replace("7/1/2026", "7/1/9999", 1), "9999-07-01 is outside")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        capsys.readouterr()
        assert main(["load", str(kit), str(tmp_path / name)]) == 1
        err = capsys.readouterr().err
        assert message in err and "internal error" not in err
        assert not (kit / "data" / "kpi.sqlite").exists()


@pytest.mark.parametrize(("option", "message"), [
    (["--period", "0001-01-01..0001-01-31"], "--period 0001-01-01..0001-01-31: 0001-01-01 is "
     "outside the dates"),
    (["--period", "2026-09-01..2226-09-30"], "2226-09-30 is outside the dates"),
    (["--period", "9999-12-01..9999-12-31"], "--period 9999-12-01..9999-12-31: 9999-12-01 is"),
    (["--period", "２０２６-09-01..2026-09-30"], "did you mean `2026-09-01..2026-09-30`?"),
    (["--period", "x" * 5000], "--period xxxxxxxxxx"),
    (["--fx", "EUR=１"], "--fx EUR=１: did you mean `EUR=1`?"),
    (["--fx", "EUR=1e-320"], "--fx EUR=1e-320: expected CURRENCY=RATE"),
])
def test_load_options_out_of_range_or_not_ascii(kit: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                option: list[str], message: str) -> None:
    kit = bare_copy(kit, tmp_path)
    report = REPO / "tests" / "fixtures" / "exports" / \
        "amazon-business-report-by-child-item-2026-09.csv"
    capsys.readouterr()
    assert main(["load", str(kit), str(report), *option]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err) < 300
    assert not (kit / "data" / "kpi.sqlite").exists()


@pytest.mark.parametrize(("column", "value"), [(4, 1e308), (12, 1e300), (2, -1e16)])
def test_a_typed_workbook_cell_past_a_quadrillion_is_not_loaded(
        kit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], column: int,
        value: float) -> None:
    # A number cell of an XLSX export skipped the text parser's checks: 1e308 units loaded
    # with exit 0 into the store's measures.
    import csv

    import openpyxl

    kit = bare_copy(kit, tmp_path)
    src = REPO / "tests" / "fixtures" / "exports" / "amazon-business-report-q3.csv"
    with src.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.active.cell(2, column).value = value
    book.save(tmp_path / "report.xlsx")
    capsys.readouterr()
    assert main(["load", str(kit), str(tmp_path / "report.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "is too large (a value lies within ±1,000,000,000,000,000)" in err
    assert not (kit / "data" / "kpi.sqlite").exists()


@pytest.mark.parametrize("value", ["1e308 * 10", "-1e308 * 10", "1e300"])
def test_a_store_value_no_load_writes_is_skipped_by_review(
        kit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    # An infinity typed into the store by hand (sqlite3's 1e308 * 10) crashed the Markdown
    # sparkline of a KPI with a trend: internal error (ValueError: cannot convert float NaN
    # to integer)
    import sqlite3

    kit = bare_copy(kit, tmp_path)
    assert main(["load", str(kit), str(REPO / "docs" / "data" / "amazon-us-actuals.csv")]) == 0
    con = sqlite3.connect(kit / "data" / "kpi.sqlite")
    with con:
        assert con.execute(f"UPDATE actuals SET value = {value} WHERE kpi = 'acos' AND "
                           "period_start IN ('2026-09-14', '2026-09-21')").rowcount == 2
    con.close()
    capsys.readouterr()
    assert main(["review", str(kit), "--period", "2026-W39", "--format", "md,html"]) == 0
    assert "internal error" not in capsys.readouterr().err
    md = (kit / "reviews" / "2026-W39" / "review.md").read_text(encoding="utf-8")
    assert "inf" not in md.lower().replace("info", "")


@pytest.mark.parametrize(("typed", "meant"), [("１０:００", "10:00"), ("10：00", "10:00"),
                                              ("٩:٣٠", "09:30"), ("9.30", "09:30")])
def test_a_meeting_time_with_other_digits_is_said_in_ascii(typed: str, meant: str) -> None:
    # the did-you-mean for `１０:００` was "10:００": the minutes kept their full-width digits
    data = {**EXAMPLE, "review": {"weekly": {"weekday": "monday", "time": typed,
                                             "minutes": 60}}}
    text = yaml.safe_dump(data, allow_unicode=True)
    with pytest.raises(InputError) as exc:
        parse_answers(text, "a.yaml", library())
    assert f"review.weekly.time: must be a 24-hour time as HH:MM, such as \"10:00\"; got " \
           f"'{typed}' (did you mean \"{meant}\"?)" in exc.value.render()


def test_a_period_whose_every_store_value_is_unreadable_says_so(
        kit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    kit = bare_copy(kit, tmp_path)
    assert main(["load", str(kit), str(REPO / "docs" / "data" / "amazon-us-actuals.csv")]) == 0
    con = sqlite3.connect(kit / "data" / "kpi.sqlite")
    with con:
        con.execute("UPDATE actuals SET value = 1e300")
    con.close()
    capsys.readouterr()
    assert main(["review", str(kit), "--period", "2026-W39"]) == 1
    err = capsys.readouterr().err
    assert "the store's 8 rows for 2026-W39 hold no value a load writes" in err
    assert not (kit / "reviews").exists()
