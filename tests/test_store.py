"""The actuals store: RAG bands, periods, and `linkstar load` (validation, one transaction, upsert)."""

from __future__ import annotations

import datetime as dt
import math
import shutil
import sqlite3
from pathlib import Path

import pytest

from linkstar_kit.cli import main
from linkstar_kit.errors import InputError, UsageError
from linkstar_kit.periods import goal_span, period_of, periods
from linkstar_kit.rag import Rag
from linkstar_kit.store.loader import load_actuals
from storekit import EXAMPLES, build_kit, filled_template

D = dt.date


# --- RAG ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("op", "target", "met", "near", "missed"), [
    (">=", 0.25, [0.25, 0.3], [0.24, 0.225], [0.2249, 0.1]),
    (">", 0.25, [0.2501, 1.0], [0.25, 0.23], [0.2, 0.0]),
    ("<=", 0.25, [0.25, 0.0], [0.26, 0.275], [0.2751, 0.9]),
    ("<", 0.01, [0.0099, 0.0], [0.01, 0.011], [0.0111, 0.5]),
    ("between", [30, 60], [30, 45, 60], [27, 29.9, 60.1, 66], [26.9, 66.1, 0]),
    (">=", 400, [400], [360, 399], [359.9]),
])
def test_rag_bands(op: str, target: object, met: list[float], near: list[float],
                   missed: list[float]) -> None:
    rag = Rag.from_target(op, target)
    assert [rag.status(v) for v in met] == ["green"] * len(met)
    assert [rag.status(v) for v in near] == ["amber"] * len(near)
    assert [rag.status(v) for v in missed] == ["red"] * len(missed)


@pytest.mark.parametrize(("op", "target"), [
    (">=", 0.25), (">", 0.25), ("<=", 0.25), ("<", 0.01), ("between", [30, 60]), ("<=", 0),
    (">", 0), (">=", 1_000_000)])
def test_grafana_steps_agree_with_status(op: str, target: object) -> None:
    """Grafana colours a value by the last step whose value it reaches: same as `status`."""
    rag = Rag.from_target(op, target)
    steps = rag.steps()
    assert steps[0][0] is None
    assert [v for v, _ in steps[1:]] == sorted(v for v, _ in steps[1:])  # ascending

    def grafana(v: float) -> str:
        colour = steps[0][1]
        for value, c in steps[1:]:
            if v >= value:  # type: ignore[operator]
                colour = c
        return colour

    edges = {b for band in (rag.green, rag.amber) for b in (band.low, band.high) if b is not None}
    probes = {0.0, -1.0, 1e9}
    for e in edges:
        for d in (0.0, 1e-9, 0.001, 0.05, 0.5, 5.0):
            probes |= {e + d * max(abs(e), 1), e - d * max(abs(e), 1)}
        probes |= {math.nextafter(e, math.inf), math.nextafter(e, -math.inf)}
    for v in sorted(probes):
        assert grafana(v) == rag.status(v), (op, target, v)


def test_zero_target_has_no_amber_band() -> None:
    rag = Rag.from_target("<=", 0)
    assert (rag.status(0), rag.status(0.001)) == ("green", "red")


# --- periods ------------------------------------------------------------------------------------

def test_periods_by_frequency() -> None:
    assert period_of("weekly", D(2026, 7, 1)) == (D(2026, 6, 29), D(2026, 7, 5))
    assert period_of("monthly", D(2026, 2, 10)) == (D(2026, 2, 1), D(2026, 2, 28))
    assert period_of("quarterly", D(2026, 11, 30)) == (D(2026, 10, 1), D(2026, 12, 31))
    assert period_of("daily", D(2026, 1, 5)) == (D(2026, 1, 5), D(2026, 1, 5))
    first, last = goal_span(D(2026, 1, 5), "quarter")
    assert last == D(2026, 4, 4)
    months = periods("monthly", first, last)
    assert [m[0].month for m in months] == [1, 2, 3, 4]
    weeks = periods("weekly", first, last)
    assert weeks[0][0] == D(2026, 1, 5) and all(w[0].weekday() == 0 for w in weeks)


# --- loading -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    example = next(e for e in EXAMPLES if e.stem == "amazon-us")
    return build_kit(example, tmp_path_factory.mktemp("kit") / "kit")


@pytest.fixture()
def fresh(kit: Path, tmp_path: Path) -> Path:
    """A copy of the kit without a store."""
    dest = tmp_path / "kit"
    shutil.copytree(kit, dest)
    (dest / "data" / "kpi.sqlite").unlink(missing_ok=True)
    return dest


def dump(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return (con.execute("SELECT * FROM actuals ORDER BY 1, 2, 3, 4, 5").fetchall()
                + con.execute("SELECT * FROM targets ORDER BY 1, 2, 3").fetchall())
    finally:
        con.close()


def test_generate_does_not_create_the_store(kit: Path) -> None:
    assert (kit / "data" / "schema.sql").is_file()
    assert not (kit / "data" / "kpi.sqlite").exists()


def test_load_filled_template_then_again_changes_nothing(fresh: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    csv_file = filled_template(fresh, tmp_path / "actuals.csv")
    rows = len(csv_file.read_text(encoding="utf-8").splitlines()) - 1
    assert main(["load", str(fresh), str(csv_file)]) == 0
    assert f"{rows} new" in capsys.readouterr().out
    db = fresh / "data" / "kpi.sqlite"
    before = dump(db)
    assert len([r for r in before if len(r) == 10]) == rows  # actuals: 10 columns
    assert main(["load", str(fresh), str(csv_file)]) == 0
    assert f"0 new, 0 updated, {rows} unchanged" in capsys.readouterr().out
    assert dump(db) == before  # loaded_at included: nothing changed


def test_upsert_replaces_a_corrected_value(fresh: Path, tmp_path: Path) -> None:
    csv_file = filled_template(fresh, tmp_path / "actuals.csv")
    load_actuals(fresh, csv_file)
    text = csv_file.read_text(encoding="utf-8").splitlines()
    header, first = text[0].split(","), text[1].split(",")
    first[header.index("value")] = "0.5"
    first[header.index("annotation")] = "Prime Day"
    fixed = tmp_path / "fix.csv"
    fixed.write_text("\n".join([text[0], ",".join(first)]) + "\n", encoding="utf-8")
    result = load_actuals(fresh, fixed)
    assert (result.inserted, result.updated) == (0, 1)
    con = sqlite3.connect(fresh / "data" / "kpi.sqlite")
    got = con.execute("SELECT value, annotation FROM actuals WHERE period_start = ? AND "
                      "role_key = ? AND kpi = ?", (first[0], first[2], first[3])).fetchone()
    con.close()
    assert got == (0.5, "Prime Day")


BAD = """period_start,period_end,role_key,kpi,platform,value,annotation,source
2026-06-29,2026-07-05,operations,acos,amazon,0.2,,
2026-06-29,2026-07-05,operations,acoss,amazon,0.2,,
2026-06-29,2026-07-05,ops,acos,amazon,0.2,,
2026-06-29,2026-07-05,operations,acos,amazon,abc,,
2026-07-06,2026-07-12,operations,acos,amazon,25,,
2026-07-01,2026-07-07,operations,acos,amazon,0.2,,
2026-06-29,2026-07-05,operations,acos,amazon,0.21,,
"""


def test_bad_rows_are_refused_with_row_numbers(fresh: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_actuals(fresh, bad)
    by_line = {i.line: i for i in err.value.issues}
    assert set(by_line) == {3, 4, 5, 6, 7, 8}
    assert "unknown KPI `acoss`" in by_line[3].message and "acos" in (by_line[3].hint or "")
    assert "unknown role `ops`" in by_line[4].message
    assert "`abc` is not a number" in by_line[5].message
    # ACoS may pass 100 % (ads that cost more than they sold), not 2500 %
    assert "outside [0, 10]" in by_line[6].message and by_line[6].hint == "did you mean 0.25?"
    assert "does not fit `acos`, which is weekly" in by_line[7].message
    assert "duplicate row" in by_line[8].message and "row 2" in by_line[8].message
    assert not (fresh / "data" / "kpi.sqlite").exists()  # nothing half-loaded, not even a file


def test_an_acos_above_100_percent_loads_and_a_conversion_rate_above_it_does_not(
        fresh: Path, tmp_path: Path) -> None:
    """ACoS is ad spend over the sales the ads brought: 1.2 (120 %) when they cost more than
    they sold, common in a launch week; a conversion rate is a share and stops at 100 %."""
    f = tmp_path / "a.csv"
    f.write_text("period_start,period_end,role_key,kpi,platform,value,annotation,source\n"
                 "2026-06-29,2026-07-05,operations,acos,amazon,1.2,launch week,\n",
                 encoding="utf-8")
    assert load_actuals(fresh, f).inserted == 1
    con = sqlite3.connect(fresh / "data" / "kpi.sqlite")
    assert con.execute("SELECT value FROM actuals WHERE kpi = 'acos'").fetchone() == (1.2,)
    assert con.execute("SELECT accepted_low, accepted_high FROM targets WHERE kpi = 'acos' "
                       "LIMIT 1").fetchone() == (0.0, 10.0)
    high = con.execute("SELECT accepted_high FROM targets WHERE kpi = 'conversion_rate' "
                       "LIMIT 1").fetchone()
    con.close()
    assert high in (None, (1.0,))


def test_a_bad_file_leaves_an_existing_store_untouched(fresh: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    load_actuals(fresh, filled_template(fresh, tmp_path / "actuals.csv"))
    db = fresh / "data" / "kpi.sqlite"
    before = dump(db)
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD.replace(",abc,", ",0.3,"), encoding="utf-8")
    assert main(["load", str(fresh), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert "bad.csv:3: kpi: unknown KPI `acoss`" in err
    assert dump(db) == before


def test_kpi_of_another_role_and_wrong_platform(fresh: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("period_start,role_key,kpi,platform,value\n"
                   "2026-06-29,customer-service,acos,amazon,0.2\n"
                   "2026-06-29,operations,acos,shopee,0.2\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_actuals(fresh, bad)
    msgs = [i.message for i in err.value.issues]
    assert "not tracked for role `customer-service`" in msgs[0]
    assert "platform `shopee` is not tracked" in msgs[1]


def test_lenient_but_exact_inputs(fresh: Path, tmp_path: Path) -> None:
    """Excel habits: GBK encoding, a BOM, 2026/6/29 dates, 20% for a ratio, a blank end date,
    a blank platform when the KPI has one platform only; empty values are skipped."""
    text = ("period_start,period_end,role_key,kpi,platform,value,annotation,source\n"
            "2026/6/29,,operations,acos,,20%,大促周,广告后台\n"
            "2026-07-06,,operations,acos,amazon,,,\n")
    f = tmp_path / "gbk.csv"
    f.write_bytes(text.encode("gb18030"))
    result = load_actuals(fresh, f)
    assert (result.inserted, result.skipped_empty) == (1, 1)
    con = sqlite3.connect(fresh / "data" / "kpi.sqlite")
    row = con.execute("SELECT period_start, period_end, platform, value, annotation FROM actuals"
                      ).fetchone()
    con.close()
    assert row == ("2026-06-29", "2026-07-05", "amazon", 0.2, "大促周")


def test_unknown_and_missing_columns(fresh: Path, tmp_path: Path) -> None:
    f = tmp_path / "cols.csv"
    f.write_text("period_start,role_key,kpi,valeu\n2026-06-29,operations,acos,0.2\n",
                 encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_actuals(fresh, f)
    text = err.value.render()
    assert "unknown column `valeu`" in text and "missing column `value`" in text


def test_kit_without_schema(tmp_path: Path) -> None:
    (tmp_path / "kit").mkdir()
    f = tmp_path / "a.csv"
    f.write_text("period_start,role_key,kpi,value\n", encoding="utf-8")
    with pytest.raises(UsageError, match="schema.sql is missing"):
        load_actuals(tmp_path / "kit", f)


def test_load_is_a_registered_command(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["load", "--help"])
    assert "ACTUALS.csv" in capsys.readouterr().out


def test_each_unit_accepts_its_range(fresh: Path, tmp_path: Path) -> None:
    """A month that shrinks can be entered (GMV growth, a signed ratio); a count or a number
    of days cannot be negative; a plain ratio stays within [0, 1] (units.py)."""
    rows = tmp_path / "units.csv"
    rows.write_text(
        "period_start,period_end,role_key,kpi,platform,value,annotation,source\n"
        "2026-07-01,2026-07-31,operations,gmv_growth,,-0.12,,\n"
        "2026-07-01,2026-07-31,operations,contribution_margin,,-0.03,,\n"
        "2026-06-29,2026-07-05,purchasing,days_of_supply,,-4,,\n"
        "2026-06-29,2026-07-05,customer-service,order_defect_rate,amazon,-0.01,,\n"
        "2026-07-01,2026-07-31,operations,gmv_growth,,-1.5,,\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_actuals(fresh, rows)
    by_line = {i.line: i.message for i in err.value.issues}
    assert set(by_line) == {4, 5, 6}
    assert "outside >= 0" in by_line[4]
    assert "outside [0, 1]" in by_line[5]
    assert "outside [-1, 10]" in by_line[6] and "signed" in by_line[6]


def test_store_paces_goals_and_keeps_official_lines(fresh: Path, tmp_path: Path) -> None:
    """goal_pace: the store's net margin goal (9 % -> 15 % over the quarter) against the plan
    pacing.py wrote; kpi_status: ODR past Amazon's 1 % is red, not amber."""
    rows = tmp_path / "pace.csv"
    rows.write_text(
        "period_start,period_end,role_key,kpi,platform,value,annotation,source\n"
        "2026-07-01,2026-07-31,_company,net_margin,,0.111,,\n"
        "2026-08-01,2026-08-31,_company,net_margin,,0.125,,\n"
        "2026-06-29,2026-07-05,customer-service,order_defect_rate,amazon,0.0105,,\n",
        encoding="utf-8")
    load_actuals(fresh, rows)
    con = sqlite3.connect(fresh / "data" / "kpi.sqlite")
    try:
        pace = con.execute("SELECT period_start, plan_to_date, actual_to_date, status "
                           "FROM goal_pace ORDER BY period_start").fetchall()
        odr = con.execute("SELECT status FROM kpi_status WHERE kpi = 'order_defect_rate'"
                          ).fetchall()
    finally:
        con.close()
    # the path by days: July is 31 of the quarter's 92 days, August 62 of them
    assert pace == [("2026-07-01", 0.110217391304, 0.111, "on_track"),
                    ("2026-08-01", 0.130434782609, 0.125, "off_track")]
    assert odr == [("red",)]


# --- decoding: UTF-8, or GBK only when the file is no UTF-8 at all (issue 21) -----------------

NOTE_ROW = "2026-07-01,,_company,net_margin,,0.1,{note},finance\n"
CSV_HEADER = "period_start,period_end,role_key,kpi,platform,value,annotation,source\n"


def _note(kit: Path) -> str:
    con = sqlite3.connect(kit / "data" / "kpi.sqlite")
    try:
        return str(con.execute("SELECT annotation FROM actuals").fetchone()[0])
    finally:
        con.close()


def test_utf8_with_one_stray_byte_is_refused_at_that_byte(fresh: Path, tmp_path: Path) -> None:
    """促销 in UTF-8, then one Windows-1252 byte: decoding the whole file as GBK would store
    淇冮攢; it is refused, naming the line, the byte and what it is in Windows-1252."""
    f = tmp_path / "stray.csv"
    f.write_bytes(CSV_HEADER.encode() + NOTE_ROW.format(note="促销 caf").encode()
                  .replace(b"caf", b"caf\xe9"))
    with pytest.raises(InputError) as err:
        load_actuals(fresh, f)
    text = err.value.render()
    offset = len(CSV_HEADER.encode()) + len("2026-07-01,,_company,net_margin,,0.1,促销 caf".encode())
    assert (f"stray.csv:2:{offset - len(CSV_HEADER) + 1}: encoding: byte 0xE9 (`é` in "
            f"Windows-1252) at byte {offset + 1} of the file is not UTF-8") in text
    assert not (fresh / "data" / "kpi.sqlite").exists()


def test_gbk_is_read_only_when_it_reads_as_chinese(fresh: Path, tmp_path: Path) -> None:
    f = tmp_path / "gbk.csv"
    f.write_bytes((CSV_HEADER + NOTE_ROW.format(note="促销")).encode("gb18030"))
    load_actuals(fresh, f)
    assert _note(fresh) == "促销"
    # Latin text saved as Windows-1252: `Mü` decodes as GBK (an ideograph), yet is refused
    latin = tmp_path / "latin.csv"
    latin.write_bytes((CSV_HEADER + NOTE_ROW.format(note="Müller")).encode("cp1252"))
    with pytest.raises(InputError, match=r"byte 0xFC \(`ü` in Windows-1252\) .* neither UTF-8 "
                                         "nor GBK"):
        load_actuals(fresh, latin)
    assert _note(fresh) == "促销"


# --- site groups (issue 20) ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    example = next(e for e in EXAMPLES if e.stem == "tiktok-walmart-mixed")
    return build_kit(example, tmp_path_factory.mktemp("mixed") / "kit")


def test_a_row_per_site_group_where_the_line_differs_by_site(mixed: Path, tmp_path: Path) -> None:
    """TikTok Shop US and MY, Walmart US and CA: each group is tracked, in the template, the
    store and the workbook."""
    import csv

    template = list(csv.DictReader(
        (mixed / "scorecard" / "actuals-template.csv").read_text("utf-8-sig").splitlines()))
    groups = {(r["role_key"], r["kpi"], r["platform"], r["site_group"]) for r in template}
    assert ("customer-service", "message_response_rate", "tiktok_shop", "US") in groups
    assert ("customer-service", "message_response_rate", "tiktok_shop", "MY") in groups
    assert ("customer-service", "message_response_rate", "walmart", "CA") in groups
    # a group without a line yet is still a row (set at kick-off)
    assert ("logistics", "late_dispatch_rate", "tiktok_shop", "MY") in groups
    dest = tmp_path / "kit"
    shutil.copytree(mixed, dest)
    csv_file = filled_template(dest, tmp_path / "actuals.csv")
    load_actuals(dest, csv_file)
    con = sqlite3.connect(dest / "data" / "kpi.sqlite")
    try:
        got = set(con.execute("SELECT role_key, kpi, platform, site_group FROM kpi_status"))
    finally:
        con.close()
    assert ("customer-service", "message_response_rate", "walmart", "CA") in got
    assert ("customer-service", "message_response_rate", "walmart", "US") in got
    wb = pytest.importorskip("openpyxl").load_workbook(mixed / "scorecard" / "scorecard.xlsx")
    labels = {str(c.value) for c in wb.worksheets[0]["C"] if c.value}  # the summary's platform
    assert {"TikTok Shop US", "TikTok Shop MY", "Walmart Marketplace US",
            "Walmart Marketplace CA"} <= labels, labels


def test_a_blank_or_unknown_site_group_is_refused_with_the_groups(mixed: Path,
                                                                   tmp_path: Path) -> None:
    dest = tmp_path / "kit"
    shutil.copytree(mixed, dest)
    bad = tmp_path / "bad.csv"
    start = "2026-07-06"
    bad.write_text("period_start,role_key,kpi,platform,value\n"
                   f"{start},customer-service,message_response_rate,walmart,0.9\n",
                   encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_actuals(dest, bad)
    text = str(exc.value)
    assert "site group" in text and "`US`" in text and "`CA`" in text


def test_a_store_from_before_site_groups_is_migrated(kit: Path, tmp_path: Path) -> None:
    """An existing store keyed without site_group keeps every number and loads again."""
    dest = tmp_path / "kit"
    shutil.copytree(kit, dest)
    db = dest / "data" / "kpi.sqlite"
    con = sqlite3.connect(db)
    con.executescript("""
        CREATE TABLE actuals (
          period_start TEXT NOT NULL, period_end TEXT NOT NULL, role_key TEXT NOT NULL,
          kpi TEXT NOT NULL, platform TEXT NOT NULL DEFAULT '', value DOUBLE PRECISION NOT NULL,
          annotation TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',
          loaded_at TEXT NOT NULL, PRIMARY KEY (period_start, role_key, kpi, platform));
        INSERT INTO actuals VALUES ('2020-01-06', '2020-01-12', 'old', 'gmv', '', 5.0, 'kept',
                                    'hand', '2020-01-13T00:00:00+00:00');
        CREATE VIEW kpi_status AS SELECT * FROM actuals;
    """)
    con.close()
    csv_file = filled_template(dest, tmp_path / "actuals.csv")
    load_actuals(dest, csv_file)
    con = sqlite3.connect(db)
    try:
        cols = [r[1] for r in con.execute("PRAGMA table_info(actuals)")]
        old = con.execute("SELECT site_group, value, annotation FROM actuals "
                          "WHERE role_key = 'old'").fetchall()
        pk = [r[1] for r in con.execute("PRAGMA table_info(actuals)") if r[5]]
    finally:
        con.close()
    assert "site_group" in cols and old == [("", 5.0, "kept")]
    assert pk == ["period_start", "role_key", "kpi", "platform", "site_group"]
