"""Hostile and unlucky input (issue 12): each case once ended in a traceback, a wrong message or
a wrong exit status. Every one now ends in exit 0, or exit 1 with a short message, no traceback
and nothing written."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from linkstar_kit.cli import main
from linkstar_kit.store import loader as store_loader

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "amazon-us.yaml"
EXAMPLE_JSON = REPO / "examples" / "amazon-us.json"
HEADER = "period_start,period_end,role_key,kpi,platform,value,annotation,source\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def cli(*argv: str, env: dict[str, str] | None = None, **kw: object) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": str(REPO / "src"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "linkstar_kit.cli", *argv], env=full,
                          capture_output=True, **kw)  # type: ignore[call-overload]


def edited(tmp_path: Path, old: str, new: str, name: str = "a.yaml") -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    f = tmp_path / name
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    return f


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(list(argv), capsys)
    assert code == 1, (out, err)
    assert err.startswith("error: ")
    return err


# --- 1: valid-looking answers that crashed generate -----------------------------------------


@pytest.mark.parametrize(("old", "new", "path"), [
    ('title: "亚马逊运营"', 'title: "亚马逊\\x01运营"', "roles[0].title"),
    ('name: "星河跨境 Starriver Trading"', 'name: "星河\\nTrading"', "client.name"),
    ('name: "Amazon 美国站事业部"', 'name: "Amazon\\u2028US"', "scope.name"),
    ("  - role: purchasing", '  - role: "purch\\x1basing"', "roles[1].role"),
])
def test_control_characters_in_one_line_texts_are_refused_at_their_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, path: str) -> None:
    f = edited(tmp_path, old, new)
    out = tmp_path / "kit"
    err = refused(capsys, "generate", str(f), "-o", str(out), "--format", "md,html,ics,xlsx")
    assert f": {path}: must be one line of text without control characters" in err
    assert "\n" not in err.split(f"{path}: ")[1].rstrip("\n")  # the newline is shown escaped
    assert not out.exists()


@pytest.mark.slow
def test_every_writer_survives_control_characters_that_bypass_the_answers(tmp_path: Path) -> None:
    """Defence in depth: a name set through the API (or a house library's text) is not
    checked by the answers file's rules; no writer may crash or break its format on it."""
    from openpyxl import load_workbook

    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.kit.generate import generate_kit
    from linkstar_kit.library.loader import load_library

    lib = load_library()
    a = load_answers(EXAMPLE, lib)
    dirty = "a\x01b\nc\r\x0bd\u2028e\x7f\x85f"
    a.client.name = "星河" + dirty
    a.scope.name = "scope" + dirty
    a.roles[0].title = "运营" + dirty
    out = tmp_path / "kit"
    generate_kit(a, lib, out, formats=["md", "html", "ics", "dashboards", "xlsx"])
    ics = (out / "calendar" / "reviews.ics").read_bytes().decode("utf-8")
    assert "\x01" not in ics and "\x0b" not in ics
    assert all(line.endswith("\r") or not line for line in ics.split("\n")[:-1])
    for md in out.rglob("*.md"):
        for line in md.read_text(encoding="utf-8").splitlines():
            assert not any(c in line for c in "\x01\x0b\x7f\x85\u2028"), md
    wb = load_workbook(out / "scorecard" / "scorecard.xlsx")
    assert any("运营" in ws.title for ws in wb.worksheets)


# --- 2: time zones ----------------------------------------------------------------------------


def test_a_region_is_not_a_zone_and_the_files_other_problems_are_still_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = edited(tmp_path, "timezone: Asia/Shanghai", "timezone: Asia")
    f.write_text(f.read_text(encoding="utf-8").replace("stage: growth", "stage: grow"),
                 encoding="utf-8")
    err = refused(capsys, "validate", str(f))
    assert "2 problems" in err
    assert ("a.yaml:21:13: client.timezone: `Asia` is a region, not a time zone: name a city "
            "zone in it (did you mean `Asia/Shanghai`?)") in err
    assert "a.yaml:29:8: stage: expected one of" in err


@pytest.mark.parametrize(("zone", "expected"), [
    ("/".join(["a"] * 400), "client.timezone: at most 64 characters, got 'a/a/a/"),
    ("asia/shanghai", "unknown IANA time zone 'asia/shanghai' (did you mean `Asia/Shanghai`?)"),
    ("../../../etc/passwd", "unknown IANA time zone '../../../etc/passwd'"),
    ("Asia/", "`Asia` is a region"),
    ('""', "client.timezone: must not be empty"),
    # the zone folder's own entries: `localtime` made the calendar the machine's zone's
    ("localtime", "'localtime' is not a place's time zone"),
    ("Factory", "'Factory' is not a place's time zone"),
])
def test_anything_but_a_real_iana_zone_is_a_positioned_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], zone: str, expected: str) -> None:
    f = edited(tmp_path, "timezone: Asia/Shanghai", f"timezone: {zone}")
    err = refused(capsys, "validate", str(f))
    assert "a.yaml:21:13: " in err and expected in err
    assert len(err) < 400


# --- 3: reader tracebacks -----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("a.yaml", "&a [*a]\n", "a.yaml:1:1: [0]: an alias refers to a value that contains it"),
    ("a.json", "[" * 1500 + "]" * 1500, "nested more than 64 levels deep"),
    ("a.yaml", "a: " + "[" * 100 + "]" * 100 + "\n", "a.yaml:1:"),
    ("a.json", '{"version": ' + "1" * 5000 + "}",
     "a.json:1:13: version: `1111111111"),
    ("a.yaml", "version: 1\nteam_size: !!float abc\n",
     "a.yaml:2:12: team_size: `abc` cannot be read as its tag `!!float` says: expected a number"),
    ("a.yaml", "version: 1\nteam_size: !!bool maybe\n", "expected true or false"),
    ("a.yaml", "\x00", "not valid YAML"),
    ("a.yaml", "- [\n", "not valid YAML"),
])
def test_readers_report_instead_of_crashing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            name: str, text: str, expected: str) -> None:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    err = refused(capsys, "validate", str(f))
    assert expected in err
    assert len(err) < 500


def test_a_deeply_nested_manifest_in_an_existing_kit_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = tmp_path / "kit"
    kit.mkdir()
    manifest = '{"files": ' + "[" * 5000 + "]" * 5000 + "}"
    (kit / "manifest.json").write_text(manifest, encoding="utf-8")
    err = refused(capsys, "generate", str(EXAMPLE), "-o", str(kit), "--format", "md")
    assert "manifest.json is not a linkstar manifest" in err
    assert sorted(p.name for p in kit.iterdir()) == ["manifest.json"]
    assert (kit / "manifest.json").read_text(encoding="utf-8") == manifest


# --- 4: a closed pipe -------------------------------------------------------------------------


def test_a_reader_that_goes_away_ends_the_listing_quietly() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "linkstar_kit.cli", "library", "list"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait() == 0
    assert "Broken pipe" not in err and "Traceback" not in err and "Exception" not in err


# --- 5: load ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storekit import build_kit

    return build_kit(EXAMPLE, tmp_path_factory.mktemp("kit") / "kit", formats=("dashboards",))


@pytest.fixture()
def fresh(kit: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "kit"
    shutil.copytree(kit, dest)
    (dest / "data" / "kpi.sqlite").unlink(missing_ok=True)
    return dest


def csv_file(tmp_path: Path, *rows: str, name: str = "a.csv") -> Path:
    f = tmp_path / name
    f.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return f


GOOD_ROW = "2026-06-29,,operations,acos,amazon,0.2,,"


def test_a_cell_over_the_csv_modules_limit_is_a_row_problem(
        fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = csv_file(tmp_path, GOOD_ROW, f'2026-07-06,,operations,acos,amazon,0.2,"{"x" * 140_000}",')
    err = refused(capsys, "load", str(fresh), str(f))
    assert "a.csv:3: row: cannot be read: a cell longer than 131,072 characters" in err
    assert len(err) < 400
    assert not (fresh / "data" / "kpi.sqlite").exists()


def test_a_csv_cut_inside_a_quoted_note_is_refused(
        fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the csv module closed the quote at the end: the row loaded with half its note
    f = tmp_path / "a.csv"
    f.write_text(HEADER + GOOD_ROW + '\n2026-07-06,,operations,acos,amazon,0.2,"Prime Day, th',
                 encoding="utf-8")
    err = refused(capsys, "load", str(fresh), str(f))
    assert "a.csv:3: row: the file ends inside a quoted cell (a double quote never closed)" in err
    assert not (fresh / "data" / "kpi.sqlite").exists()
    # a lone inch mark in an unquoted note is not a quote left open
    f.write_text(HEADER + '2026-06-29,,operations,acos,amazon,0.2,screen 5" wide,\n',
                 encoding="utf-8")
    assert run(["load", str(fresh), str(f)], capsys)[0] == 0


@pytest.mark.parametrize(("row", "expected"), [
    ("2026-06-29,,operations,acos,amazon,0.2,late, then ok,",
     'a.csv:2: row: 9 cells where the header has 8 (a text with a comma needs double quotes'),
    ("2026-06-29,,operations,acos,amazon,0.2",
     "a.csv:2: row: 6 cells where the header has 8"),
    ('2026-06-29,,operations,acos,amazon,"4,5",,',
     "a.csv:2: value: `4,5` is not a number (did you mean 4.5? A point marks decimals)"),
    ('2026-06-29,,operations,acos,amazon,"0,25",,',
     "(did you mean 0.25? A point marks decimals)"),
    ('2026-06-29,,_company,net_margin,,"1,234",,',
     "`1,234` is not a number (write 1234 or 1.234: no thousands separators"),
    ('2026-06-29,,operations,acos,amazon,"1,234,567",,',
     "(did you mean 1234567? No thousands separators)"),
    ("2026-06-29,,operations,acos,amazon,1 234,,", "`1 234` is not a number"),
])
def test_rows_that_do_not_line_up_and_grouped_numbers_are_refused(
        fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str,
        expected: str) -> None:
    f = csv_file(tmp_path, row)
    err = refused(capsys, "load", str(fresh), str(f))
    assert expected in err
    assert not (fresh / "data" / "kpi.sqlite").exists()


def test_a_store_that_is_not_a_database_is_left_alone(
        fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = fresh / "data" / "kpi.sqlite"
    store.write_bytes(b"not a database at all, but 100 bytes of someone's notes" * 2)
    before = store.read_bytes()
    err = refused(capsys, "load", str(fresh), str(csv_file(tmp_path, GOOD_ROW)))
    assert "kpi.sqlite is not an SQLite database" in err and "move it away" in err
    assert store.read_bytes() == before


def test_a_locked_store_is_a_message(fresh: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    f = csv_file(tmp_path, GOOD_ROW)
    assert main(["load", str(fresh), str(f)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(store_loader, "LOCK_TIMEOUT", 0.05)
    holder = sqlite3.connect(fresh / "data" / "kpi.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        f2 = csv_file(tmp_path, GOOD_ROW.replace("0.2", "0.3"), name="b.csv")
        err = refused(capsys, "load", str(fresh), str(f2))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "kpi.sqlite is in use by another program" in err


def test_a_read_only_store_is_a_message(fresh: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    f = csv_file(tmp_path, GOOD_ROW)
    assert main(["load", str(fresh), str(f)]) == 0
    capsys.readouterr()
    real = sqlite3.connect

    def read_only(path: object, **kw: object) -> sqlite3.Connection:
        # what SQLite does in a folder the user may not write to (root ignores chmod)
        if str(path).endswith("kpi.sqlite"):
            return real(f"file:{path}?mode=ro", uri=True, **kw)  # type: ignore[arg-type]
        return real(path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(store_loader.sqlite3, "connect", read_only)
    err = refused(capsys, "load", str(fresh), str(csv_file(tmp_path, GOOD_ROW.replace(
        "0.2", "0.3"), name="b.csv")))
    assert "cannot write" in err and "read-only" in err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes to read-only folders")
def test_a_read_only_kit_folder_is_a_message(fresh: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = fresh / "data"
    data.chmod(0o555)
    try:
        err = refused(capsys, "load", str(fresh), str(csv_file(tmp_path, GOOD_ROW)))
    finally:
        data.chmod(0o755)
    assert "read-only" in err


def test_a_schema_that_is_not_utf8_is_a_message(fresh: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    schema = fresh / "data" / "schema.sql"
    schema.write_bytes(schema.read_bytes() + b"\n-- \xff\xfe\n")
    err = refused(capsys, "load", str(fresh), str(csv_file(tmp_path, GOOD_ROW)))
    assert "schema.sql is not UTF-8 text" in err and "regenerate the kit" in err


def test_a_device_or_a_huge_csv_is_refused_unread(fresh: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_loader, "MAX_CSV_BYTES", 1000)
    f = csv_file(tmp_path, *[GOOD_ROW] * 50)
    err = refused(capsys, "load", str(fresh), str(f))
    assert "a.csv is larger than" in err
    if Path("/dev/zero").exists():
        assert "larger than" in refused(capsys, "load", str(fresh), "/dev/zero")


# --- 8: size ------------------------------------------------------------------------------------


def test_a_huge_value_is_refused_quickly_and_never_echoed_whole(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = edited(tmp_path, 'name: "星河跨境 Starriver Trading"', 'name: "' + "x" * 1_500_000 + '"')
    err = refused(capsys, "validate", str(f))
    assert "client.name: at most 200 characters, got 'xxxx" in err
    assert "…' (1,500,000 characters)" in err and len(err) < 300


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "big.yaml"
    f.write_text("# " + "x" * (3 * 1024 * 1024) + "\n", encoding="utf-8")
    assert "larger than 2 MB" in refused(capsys, "validate", str(f))
    if Path("/dev/zero").exists():
        assert "larger than 2 MB" in refused(capsys, "validate", "/dev/zero")


def test_absurd_lists_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = edited(tmp_path, "categories: [home_kitchen]",
               "categories: [" + ",".join(["a"] * 30_000) + "]")
    assert "more than 20,000 values" in refused(capsys, "validate", str(f))
    f = edited(tmp_path, "categories: [home_kitchen]",
               "categories: [" + ",".join(["home_kitchen"] * 300) + "]")
    err = refused(capsys, "validate", str(f))
    assert "categories: at most 200 entries, got 300" in err
    assert "... and " in err and err.count("\n") < 60  # 300 duplicates, 50 shown


def test_unknown_keys_and_hints_show_an_excerpt(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    f = edited(tmp_path, "stage: growth", "stage: growth\n? " + "k" * 100_000 + "\n: 1")
    err = refused(capsys, "validate", str(f))
    assert "unknown key `kkkk" in err and len(err) < 400


# --- 9: output encodings ------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ("explain", str(EXAMPLE), "--role", "purchasing"),
    ("check", str(EXAMPLE)),
    ("library", "show", "acos"),
])
@pytest.mark.slow
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "latin-1"},
                                 {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}])
def test_a_terminal_without_utf8_gets_escapes_not_a_traceback(argv: tuple[str, ...],
                                                              env: dict[str, str]) -> None:
    proc = cli(*argv, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    assert b"Traceback" not in proc.stderr and b"UnicodeEncodeError" not in proc.stderr
    assert b"\\u" in proc.stdout  # the Chinese text, escaped


# --- 10: exit statuses, BOM, positions --------------------------------------------------------


def test_no_command_is_an_error_with_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([], capsys)
    assert code == 1 and out == ""
    assert err.startswith("usage: linkstar") and "error: a command is required" in err
    code, out, err = run(["library"], capsys)
    assert code == 1 and "error: `library` needs a command" in err


def test_a_bad_option_is_exit_1() -> None:
    proc = cli("generate", "--no-such-option")
    assert proc.returncode == 1 and b"error: " in proc.stderr


def test_a_bom_is_accepted_in_json_as_in_yaml(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    for src in (EXAMPLE, EXAMPLE_JSON):
        f = tmp_path / f"bom{src.suffix}"
        f.write_bytes(b"\xef\xbb\xbf" + src.read_bytes())
        code, out, _ = run(["validate", str(f)], capsys)
        assert code == 0 and "valid (3 roles" in out


def test_a_bad_date_is_reported_at_its_key(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    f = edited(tmp_path, "by: 2026-09-30", "by: 2026-02-30")
    err = refused(capsys, "validate", str(f))
    assert "a.yaml:44:9: goals[0].by: not a valid date" in err and "(top level)" not in err
    f = edited(tmp_path, "start: 2026-07-01", "start: !!float abc")
    err = refused(capsys, "validate", str(f))
    assert "scope.start: `abc` cannot be read as its tag `!!float` says" in err
    assert "date" not in err


def test_an_unexpected_failure_is_still_a_message(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import linkstar_kit.commands.validate as validate_mod

    def boom(_: object) -> int:
        raise ZeroDivisionError("x" * 10_000)

    monkeypatch.delenv("LINKSTAR_DEBUG", raising=False)
    monkeypatch.setattr(validate_mod, "cmd_validate", boom)
    err = refused(capsys, "validate", str(EXAMPLE))
    assert "internal error (ZeroDivisionError: xxx" in err and len(err) < 500


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # generate's default output folder is relative: never write into the repository
    monkeypatch.chdir(tmp_path)
    yield


def test_readme_promises_exit_1_for_every_error() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "exit status 1" in readme and "exit status 2" not in readme
    assert "130" in readme  # an interrupt, documented


# --- a house library (--library) is read with the same bounds --------------------------------


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("kpis/deep.yaml", "kpis: " + "[" * 500 + "]" * 500 + "\n", "nested more than 64 levels"),
    ("kpis/self.yaml", "&a [*a]\n", "an alias refers to a value that contains it"),
    ("kpis/bomb.yaml", "\n".join(['a: &a ["x","x","x","x","x","x","x","x","x"]'] + [
        f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for n, p in zip("bcdefgh", "abcdefg",
                                                                      strict=True)]) + "\n",
     "more than 100,000 values once aliases are expanded"),
    ("kpis/tag.yaml", "kpis:\n  - id: x\n    name: !!float abc\n",
     "kpis/tag.yaml:3:11: kpis[0].name: `abc` cannot be read as its tag `!!float` says"),
])
@pytest.mark.slow
def test_a_hostile_house_library_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              name: str, content: str, expected: str) -> None:
    f = tmp_path / "house" / name
    f.parent.mkdir(parents=True)
    f.write_text(content, encoding="utf-8")
    err = refused(capsys, "validate", str(EXAMPLE), "--library", str(tmp_path / "house"))
    assert expected in err


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_library_file_that_never_ends_is_refused_unread(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "roles.yaml").symlink_to("/dev/zero")
    err = refused(capsys, "validate", str(EXAMPLE), "--library", str(tmp_path / "house"))
    assert "roles.yaml: (top level): larger than 2 MB" in err


def test_an_option_value_is_never_echoed_whole(capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(capsys, "explain", str(EXAMPLE), "--role", "x" * 10_000 + "\x1b[31m")
    assert "no role entry with key `xxx" in err and len(err) < 450
    err = refused(capsys, "library", "show", "\x1b[31mred")
    assert "unknown KPI `\\x1b[31mred`" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_manifest_that_never_ends_is_refused_unread(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "manifest.json").symlink_to("/dev/zero")
    err = refused(capsys, "generate", str(EXAMPLE), "-o", str(kit), "--format", "md")
    assert "manifest.json is not a linkstar manifest" in err


def test_a_typed_number_too_long_to_convert_is_handed_to_validation() -> None:
    from linkstar_kit.questionnaire.flow import parse_answer

    assert parse_answer("9" * 5000, "int") == "9" * 5000  # once a ValueError in the event loop
    assert parse_answer("1,000", "int") == 1000
    assert parse_answer("9" * 400, "float") == float("inf")  # refused later: not finite


def test_text_in_another_encoding_is_named(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.yaml"
    f.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("utf-16"))
    assert "a.yaml: (top level): UTF-16 text: save it as UTF-8" in refused(capsys, "validate",
                                                                            str(f))
    f.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    assert "a.yaml:2: (top level): not UTF-8 text (invalid continuation byte at byte 87)" in refused(
        capsys, "validate", str(f))


def test_a_nul_in_a_file_name_is_a_message() -> None:
    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.errors import InputError

    with pytest.raises(InputError, match="not a valid file name"):
        load_answers("a\x00.yaml")


@pytest.mark.parametrize("data", [b"\x00\x91\xff binary", "client: {name: caf\xe9}\n".encode("latin-1")])
def test_migrate_names_a_file_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               data: bytes) -> None:
    # migrate read the text before the checked reader: UnicodeDecodeError, an internal error
    f = tmp_path / "a.yaml"
    f.write_bytes(data)
    err = refused(capsys, "migrate", str(f), "-o", "-")
    assert "(top level): not UTF-8 text" in err and "internal error" not in err
    assert f.read_bytes() == data and not (tmp_path / "a.yaml.bak").exists()
    # a folder is there but is no answers file ("no such file" before)
    assert refused(capsys, "migrate", str(tmp_path)).strip().endswith(": not a file")


def test_serve_on_a_port_in_use_or_a_host_that_is_not_here_is_a_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # uvicorn logged the failure and exited 3 after the consultant's address was printed
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run(["serve", "--port", str(port), "--data", str(tmp_path / "d")],
                             capsys)
    assert code == 1 and out == ""
    assert err.startswith(f"error: cannot listen on 127.0.0.1:{port}: ")
    code, out, err = run(["serve", "--host", "a..b", "--data", str(tmp_path / "d")], capsys)
    assert code == 1 and out == ""
    assert err.startswith("error: --host a..b: not an address or name of this machine")


def test_a_site_column_naming_a_site_the_kit_does_not_sell_on_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # rows of `XX` were kept apart and never counted: exit 0, "no KPI the kit tracks"
    from storekit import build_kit

    kit = build_kit(REPO / "examples" / "amazon-eu-fbm.yaml", tmp_path / "kit", ("dashboards",))
    src = (REPO / "docs" / "mappings" / "house-erp-2026-09.csv").read_text(encoding="utf-8")
    bad = tmp_path / "erp.csv"
    bad.write_text(src.replace(";DE;", ";XX;"), encoding="utf-8")
    err = refused(capsys, "load", str(kit), str(bad), "--mapping",
                  str(REPO / "docs" / "mappings" / "house-erp.yaml"))
    assert "erp.csv: its site column names `XX`, and the kit sells on amazon in DE, FR, IT, " \
           "ES only" in err
    assert not (kit / "data" / "kpi.sqlite").exists()


def test_a_mapping_whose_fields_share_a_title_is_refused(tmp_path: Path) -> None:
    # `units` listing the sessions column's title read that column: sessions loaded as units
    from linkstar_kit.errors import InputError
    from linkstar_kit.exports.mapping import load_format

    text = (REPO / "docs" / "mappings" / "house-erp.yaml").read_text(encoding="utf-8")
    old = 'titles: ["销量", "Units"]'
    assert old in text
    f = tmp_path / "m.yaml"
    f.write_text(text.replace(old, 'titles: ["Units", "访客数 "]'), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_format(f)
    assert "fields `sessions` and `units` both list the title `访客数`" in exc.value.render()


def test_an_export_with_a_read_column_twice_is_refused(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # the first `Sessions - Total` was read and the second ignored, silently
    from storekit import build_kit

    kit = build_kit(EXAMPLE, tmp_path / "kit", ("dashboards",))
    lines = (REPO / "tests" / "fixtures" / "exports" / "amazon-business-report-q3.csv"
             ).read_text(encoding="utf-8-sig").splitlines()
    f = tmp_path / "report.csv"
    f.write_text("\n".join([lines[0] + ",Sessions - Total", *(ln + ",5" for ln in lines[1:])]),
                 encoding="utf-8")
    err = refused(capsys, "load", str(kit), str(f))
    assert "report.csv:1:10: Sessions - Total: the column appears again as column 14" in err
    assert not (kit / "data" / "kpi.sqlite").exists()


@pytest.mark.parametrize("spec", ["", ",", " , "])
def test_generate_with_no_format_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            spec: str) -> None:
    # `--format ""` wrote a kit of answers.yaml and manifest.json: "wrote 2 files ... ()"
    err = refused(capsys, "generate", str(EXAMPLE), "-o", str(tmp_path / "kit"), "--format", spec)
    assert "--format names no format: choose from md, html, pdf, ics, dashboards, xlsx" in err
    assert not (tmp_path / "kit").exists()


def test_init_output_dash(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    # `-o -` wrote a file named `-` in the working folder and said "wrote -"
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["init", "--example", "amazon-us", "-o", "-"], capsys)
    assert code == 0 and out == EXAMPLE.read_text(encoding="utf-8")
    assert "the questionnaire writes a file" in refused(capsys, "init", "--lang", "en", "-o", "-")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc")
def test_a_file_that_cannot_be_made_is_named_not_its_temporary(
        capsys: pytest.CaptureFixture[str]) -> None:
    # the message named `.x.yaml.h0_rntu_.tmp`, the temporary file beside it
    err = refused(capsys, "init", "--example", "amazon-us", "-o", "/proc/self/x.yaml")
    assert err.strip().endswith(": /proc/self/x.yaml") and ".tmp" not in err


def test_a_workbook_whose_first_sheet_is_empty_says_so(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # "the file is empty" was said of a workbook whose report was on its second sheet
    import openpyxl

    from storekit import build_kit

    kit = build_kit(EXAMPLE, tmp_path / "kit", ("dashboards",))
    book = openpyxl.Workbook()
    book.active.append(["Date", "Sessions - Total"])
    book.create_sheet("Notes", 0)
    book.save(tmp_path / "report.xlsx")
    err = refused(capsys, "load", str(kit), str(tmp_path / "report.xlsx"))
    assert "report.xlsx: its first sheet `Notes` is empty, and a report is read from the first " \
           "sheet (the workbook has `Notes`, `Sheet`)" in err


def test_an_export_value_its_kpi_cannot_take_is_refused(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # 99999 returns of 3 units: the return rate was dropped in silence, exit 0 and "no KPI the
    # kit tracks" for every file of the load
    from storekit import build_kit

    kit = build_kit(REPO / "examples" / "shopee-tiktok.yaml", tmp_path / "kit", ("dashboards",))
    exports = REPO / "tests" / "fixtures" / "exports"
    my = (exports / "tiktok-my-2026-09.csv").read_text(encoding="utf-8")
    old = "2609012000001,Completed,KS-01,Knife Set,3,0,"
    assert old in my
    (tmp_path / "tiktok-my.csv").write_text(my.replace(old, old[:-2] + "99999,"),
                                            encoding="utf-8")
    files = [tmp_path / "tiktok-my.csv", exports / "tiktok-th-2026-09.csv",
             exports / "tiktok-us-2026-09.csv"]
    err = refused(capsys, "load", str(kit), *map(str, files), "--site", "MY=tiktok-my.csv",
                  "--site", "TH=tiktok-th-2026-09.csv", "--site", "US=tiktok-us-2026-09.csv",
                  "--fx", "MYR=0.21", "--fx", "THB=0.028")
    assert "the exports give values their KPIs cannot take; nothing was written" in err
    assert "return_rate, 2026-09-01..2026-09-30: returned_units / units = " in err
    assert "outside [0, 10]" in err  # a return rate may pass 100 % (returns of earlier sales)
    assert not (kit / "data" / "kpi.sqlite").exists()
    # the same files as history: a baseline of 4209 % set the targets
    err = refused(capsys, "generate", str(REPO / "examples" / "shopee-tiktok.yaml"), "-o",
                  str(tmp_path / "hist"), "--format", "md", "--history", *map(str, files),
                  "--site", "MY=tiktok-my.csv", "--site", "TH=tiktok-th-2026-09.csv", "--site",
                  "US=tiktok-us-2026-09.csv", "--fx", "MYR=0.21", "--fx", "THB=0.028")
    assert "the history files give values their KPIs cannot take; nothing was written" in err
    assert "return_rate on tiktok_shop MY, 2026-09-01..2026-09-30: returned_units / units = " \
           "120.659 from tiktok-my.csv, outside [0, 10]" in err
    assert not (tmp_path / "hist").exists()
