"""Property-based tests of the readers (issue 12): whatever the file holds, reading it ends in
the answers, or in the project's own error (a message and exit 1) - never in another
exception. And answers that do validate always make a kit.

Example counts are kept modest so the suite stays fast; `FUZZ_DEEP=1` runs more.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkstar_kit.answers.loader import load_answers, parse_answers
from linkstar_kit.answers.models import known_zones
from linkstar_kit.errors import LinkstarError
from linkstar_kit.library.loader import Library, load_library

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_YAML = (REPO / "examples" / "amazon-us.yaml").read_text(encoding="utf-8")
EXAMPLE_JSON = (REPO / "examples" / "amazon-us.json").read_text(encoding="utf-8")
EXAMPLE_30 = (REPO / "examples" / "multi-platform-30.yaml").read_text(encoding="utf-8")

# The suite's runs are reproducible (derandomized); FUZZ_DEEP=1 explores afresh, at length.
_DEEP = bool(os.environ.get("FUZZ_DEEP"))
FUZZ = settings(max_examples=2000 if _DEEP else 60, deadline=None, derandomize=not _DEEP,
                database=None,  # nothing written into the checkout
                suppress_health_check=list(HealthCheck))


def _examples(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default * 10 if _DEEP else default)))


@functools.lru_cache(maxsize=1)
def library() -> Library:
    return load_library()


def read(text: str, name: str) -> None:
    """Parse answers text; only the project's errors may come out."""
    try:
        parse_answers(text, name, library(), json_syntax=name.endswith(".json"))
    except LinkstarError as exc:
        assert exc.render().strip()


def read_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / f"a{suffix}"
        f.write_bytes(data)
        try:
            load_answers(f, library())
        except LinkstarError as exc:
            message = exc.render()
            assert message.strip() and len(message) < 60 * 500


# --- the answers reader ----------------------------------------------------------------------


@pytest.mark.slow
@FUZZ
@given(st.text(max_size=400), st.sampled_from(["a.yaml", "a.json"]))
def test_any_text(text: str, name: str) -> None:
    read(text, name)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".yaml", ".json", ".yml", ""]))
def test_any_bytes(data: bytes, suffix: str) -> None:
    read_file(data, suffix)


def _mutate(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            break
        i = data.draw(st.integers(0, len(text) - 1))
        j = data.draw(st.integers(i, min(len(text), i + 40)))
        op = data.draw(st.sampled_from(["delete", "insert", "duplicate", "replace", "swap"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + data.draw(st.text(max_size=20)) + text[i:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "replace":
            text = text[:i] + data.draw(st.sampled_from(ODD_SCALARS)) + text[j:]
        else:
            k = data.draw(st.integers(0, len(text) - 1))
            chars = list(text)
            chars[i], chars[k] = chars[k], chars[i]
            text = "".join(chars)
    return text


@FUZZ
@given(st.data(), st.sampled_from([("a.yaml", EXAMPLE_YAML), ("a.json", EXAMPLE_JSON),
                                   ("a.yaml", EXAMPLE_30)]))
def test_mutated_valid_files(data: st.DataObject, source: tuple[str, str]) -> None:
    name, text = source
    read(_mutate(text, data), name)


ODD_SCALARS = [
    "~", "null", "", "!!float abc", "!!int ''", "!!bool maybe", "!!null x", "!!timestamp x",
    "!!str", "0x1F", "0o17", "0b101", "1_000", ".nan", "-.inf", "1e400", "-0", "2026-02-30",
    "2026-13-01", "2026-01-01T25:00:00", "2026-01-01 10:00:00 +08:00", "'x'", '"\\u0001"',
    '"\\ud800"', '"\\ud83d\\ude00"', "9" * 5000, "*a", "&a x", "!!binary aGk=", "!!set {a, b}",
    "!!omap [a: 1]", "{a: b}", "[1, [2, [3]]]", "yes", "No", "off", "'" + "x" * 300 + "'",
    "!!python/name:os.system", "!custom x", "<<: *a", '"\\t"', '"\\n"', '"a\\u2028b"', "%",
    "@x", "`x`", "- x", "? x", "|", ">-", "'''", "\"", "#", "\ufeff", "\x00", "\x85", "\t",
    "１２", "٣", "Ⅻ", "0.1.2", "+1", ".5", "5.", "1,5", "15%", "-", "--- x", "...",
]


@st.composite
def _nested(draw: Any) -> str:
    depth = draw(st.integers(0, 90))
    inner = draw(st.sampled_from(ODD_SCALARS))
    opening = "".join(draw(st.sampled_from(["[", "{a: "])) for _ in range(depth))
    closing = "".join("]" if c == "[" else "}" for c in reversed(opening.replace("{a: ", "{")))
    return opening + inner + closing


@pytest.mark.slow
@FUZZ
@given(st.data())
def test_odd_and_nested_values_at_any_key(data: st.DataObject) -> None:
    """Replace one value of a valid file by an odd scalar, possibly deep in lists and maps,
    with an anchor defined earlier so that aliases have something to refer to."""
    lines = EXAMPLE_YAML.splitlines()
    spots = [i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    i = data.draw(st.sampled_from(spots))
    key = lines[i].split(": ", 1)[0]
    lines[i] = f"{key}: {data.draw(_nested())}"
    lines.insert(data.draw(st.integers(0, i)), data.draw(st.sampled_from(
        ["", "x-anchor: &a [1, 2]", "x-self: &a [*a]", "x-map: &a {b: 1}"])))
    read("\n".join(lines) + "\n", "a.yaml")


# --- valid answers make a kit ----------------------------------------------------------------

ONE_LINE = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))
DATES = st.dates(dt.date(2000, 1, 1), dt.date(2098, 1, 1))


@st.composite
def valid_answers(draw: Any) -> dict[str, Any]:
    lib = library()
    text = st.one_of(st.text(ONE_LINE, min_size=1, max_size=120),
                     st.sampled_from(["星河跨境", "<b>x</b> & 'y' | *z*", "=HYPERLINK(\"x\")",
                                      "# heading", "a\\b", "{{ x }}", "{% raw %}", "😀‍🔥",
                                      "\u202eevil", "x" * 120, " padded ", "[x](y)"]))
    start = draw(DATES)
    platforms = draw(st.lists(st.sampled_from(sorted(lib.platforms)), min_size=1, max_size=4,
                              unique=True))
    # goal KPIs that apply on any platform, so that most drawn files are valid
    any_platform = sorted(k.id for k in lib.kpis.values() if not k.platforms)
    goals = []
    pool = any_platform if draw(st.integers(0, 3)) else sorted(lib.kpis)  # some may not fit
    for kpi in draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True)):
        unit = lib.kpis[kpi].unit
        target = draw(st.floats(0, 1) if unit == "ratio" else
                      st.floats(-1e9, 1e9, allow_nan=False) | st.integers(0, 10**9))
        goal: dict[str, Any] = {"kpi": kpi, "target": target,
                                "by": str(start + dt.timedelta(days=draw(st.integers(0, 800))))}
        if draw(st.booleans()):
            goal["baseline"] = target
        goals.append(goal)
    roles = []
    for role in draw(st.lists(st.sampled_from(sorted(lib.roles)), min_size=1, max_size=4)):
        entry: dict[str, Any] = {"role": role}
        if draw(st.booleans()):
            entry["title"] = draw(text).strip()[:120] or "x"
        if draw(st.booleans()):
            entry["headcount"] = draw(st.integers(1, 10000))
        if draw(st.booleans()):
            entry["kpi_count"] = draw(st.integers(3, 5))
        if draw(st.integers(0, 3)) == 0:
            entry["pin"] = draw(st.lists(st.sampled_from(sorted(k.id for k in lib.kpis_for(
                role=role))), max_size=2, unique=True))
        if draw(st.booleans()) and len(platforms) > 1:
            entry["platforms"] = draw(st.lists(st.sampled_from(platforms), min_size=1,
                                               unique=True))
        roles.append(entry)
    level = draw(st.sampled_from(["company", "business_unit", "project"]))
    scope: dict[str, Any] = {"level": level, "start": str(start),
                             "horizon": draw(st.sampled_from(["month", "quarter", "half_year",
                                                              "year"]))}
    if level != "company" or draw(st.booleans()):
        scope["name"] = draw(text)[:200]
    clock = st.from_regex(r"([01]\d|2[0-3]):[0-5]\d", fullmatch=True)
    review = {"weekly": {"weekday": draw(st.sampled_from(["monday", "wednesday", "sunday"])),
                         "time": draw(clock), "minutes": draw(st.integers(15, 480))},
              "monthly": {"day": draw(st.integers(1, 28)), "time": draw(clock),
                          "minutes": draw(st.integers(15, 480))},
              "quarterly": draw(st.just(False) | st.fixed_dictionaries({
                  "day": st.integers(1, 28), "time": clock, "minutes": st.integers(15, 480)}))}
    return {
        "version": 1,
        "client": {"name": draw(text)[:200], "language": draw(st.sampled_from(["zh", "en"])),
                   "currency": draw(st.sampled_from(["USD", "CNY", "EUR", "JPY"])),
                   "timezone": draw(st.sampled_from(sorted(known_zones())))},
        "scope": scope,
        "stage": draw(st.sampled_from(["launch", "growth", "mature", "turnaround"])),
        "team_size": draw(st.integers(1, 100000)),
        "categories": draw(st.lists(st.sampled_from(sorted(lib.categories)), max_size=3,
                                    unique=True)),
        "platforms": [{"id": p, "sites": draw(st.lists(st.sampled_from(["US", "GB", "DE", "SG",
                                                                        "MY", "JP"]),
                                                         max_size=3, unique=True))}
                      for p in platforms],
        "goals": goals,
        "roles": roles,
        "review": review,
        "incentives": {"linked_to_pay": draw(st.booleans()),
                       "kpi_weight_percent": draw(st.integers(0, 100))},
    }


@pytest.mark.slow
@settings(FUZZ, max_examples=_examples("FUZZ_GENERATE_EXAMPLES", 25))
@given(valid_answers(), st.sampled_from(["json", "yaml"]))
def test_valid_answers_always_make_a_kit(raw: dict[str, Any], syntax: str) -> None:
    from linkstar_kit.answers.dump import dump_answers
    from linkstar_kit.answers.models import Answers
    from linkstar_kit.kit.generate import generate_kit

    lib = library()
    if syntax == "json":
        text, name = json.dumps(raw, ensure_ascii=len(str(raw)) % 2 == 0, indent=1), "a.json"
    else:
        text, name = dump_answers(Answers.model_validate(raw)), "a.yaml"
    try:
        answers = parse_answers(text, name, lib, json_syntax=name.endswith(".json"))
    except LinkstarError:
        return  # refused with a message (a KPI that does not fit a role, say)
    from linkstar_kit.doctor.checks import check
    from linkstar_kit.doctor.render import render_text
    from linkstar_kit.engine.explain import explain, render_explanation

    assert render_explanation(explain(answers, lib))  # `linkstar explain`
    assert render_text(check(answers, lib), answers.client.language)  # `linkstar check`
    out = Path(tempfile.mkdtemp()) / "kit"
    try:
        result = generate_kit(answers, lib, out, formats=["md", "html", "ics", "dashboards",
                                                         "xlsx"])
        assert result.files
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


# --- the actuals CSV reader --------------------------------------------------------------------


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storekit import build_kit

    return build_kit(REPO / "examples" / "amazon-us.yaml",
                     tmp_path_factory.mktemp("fuzzkit") / "kit", formats=("dashboards", "xlsx"))


@pytest.fixture(scope="module")
def template(kit: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    from storekit import filled_template

    dest = tmp_path_factory.mktemp("csv") / "filled.csv"
    return filled_template(kit, dest).read_text(encoding="utf-8")


def load(kit: Path, data: bytes) -> None:
    from linkstar_kit.store.loader import load_actuals

    (kit / "data" / "kpi.sqlite").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "a.csv"
        f.write_bytes(data)
        try:
            load_actuals(kit, f)
        except LinkstarError as exc:
            assert exc.render().strip()
            assert not (kit / "data" / "kpi.sqlite").exists()  # nothing written


@FUZZ
@given(st.binary(max_size=600))
def test_any_csv_bytes(kit: Path, data: bytes) -> None:
    load(kit, b"period_start,period_end,role_key,kpi,platform,value,annotation,source\n" + data)
    load(kit, data)


@FUZZ
@given(st.data())
def test_mutated_valid_csv(kit: Path, template: str, data: st.DataObject) -> None:
    text = template
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(text) - 1))
        j = data.draw(st.integers(i, min(len(text), i + 30)))
        insert = data.draw(st.sampled_from(["", ",", '"', "\n", "\r", "4,5", "1e999", "nan",
                                            "-0", "２", "\x00", "15%", "2026-02-30", "\ufeff",
                                            "x" * 200, '"a,b"', "\t", ";"])
                           | st.text(max_size=10))
        text = text[:i] + insert + text[j:]
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    load(kit, text.encode(encoding, "replace"))


# --- the command line --------------------------------------------------------------------------

WORDS = ["generate", "validate", "explain", "check", "library", "list", "show", "load",
         str(REPO / "examples" / "amazon-us.yaml"), str(REPO / "examples" / "amazon-us.json"),
         "/dev/null", "missing.yaml", ".", "--format", "md", "md,ics", "pdfx", "--lang", "zh",
         "en", "xx", "--role", "operations", "--json", "--strict", "-o", "out", "--force",
         "--library", "--blueprints", "acos", "--platform", "amazon", "--help", "--version",
         "-", "--", "=", "", "\x01x", "星河"]
# A command line cannot carry a NUL byte (the API refuses it as a file name, tested above).
ARG = st.text(st.characters(blacklist_characters="\x00"), max_size=12)


@settings(FUZZ, max_examples=_examples("FUZZ_CLI_EXAMPLES", 40))
@given(st.lists(st.sampled_from(WORDS) | ARG, max_size=6))
def test_every_command_line_ends_in_0_or_1(argv: list[str]) -> None:
    """Any command line (but `init`, which asks at a terminal, and pdf, which is slow) ends
    in exit status 0 or 1 with no traceback."""
    import contextlib
    import io

    from linkstar_kit.cli import main

    if "init" in argv:
        return
    err = io.StringIO()
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # generate writes to output/ by default
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                try:
                    code = main(argv)
                except SystemExit as exc:  # argparse: --help, --version, a bad option
                    code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os.chdir(cwd)
    assert code in (0, 1), (argv, err.getvalue())
    assert "Traceback" not in err.getvalue()
    assert "internal error" not in err.getvalue(), (argv, err.getvalue())
