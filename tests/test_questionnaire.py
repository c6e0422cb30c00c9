"""`linkstar init`: the questionnaire driven through prompt_toolkit's pipe input."""

from __future__ import annotations

import datetime as dt
import functools
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from libfactory import answers as base_answers
from libfactory import kpi, write_library
from linkstar_kit import cli
from linkstar_kit.answers.dump import normalise_answers
from linkstar_kit.answers.loader import load_answers, parse_answers
from linkstar_kit.answers.models import Answers
from linkstar_kit.library.loader import Library, load_library
from linkstar_kit.questionnaire import command
from linkstar_kit.questionnaire.flow import Questionnaire, parse_answer
from linkstar_kit.questionnaire.prompter import Prompter
from linkstar_kit.questionnaire.yaml_out import commented_yaml

ENTER, DOWN, SPACE, CTRL_C, CLEAR = "\r", "\x1b[B", " ", "\x03", "\x15"
TODAY = dt.date(2026, 11, 25)  # a Wednesday: the default start is Monday 2026-11-30


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("lib")
    kpis = [
        kpi("gmv", {"operations": 5, "team_lead": 5}, unit="currency"),
        kpi("net_margin", {"finance": 5, "team_lead": 4}),
        kpi("conversion_rate", {"operations": 4}, kind="lead", drives=["gmv"]),
        kpi("acos", {"operations": 3, "advertising": 5}, kind="lead", direction="lower",
            platforms=["amazon"], drives=["net_margin"]),
        kpi("inventory_turnover", {"purchasing": 5}, unit="times"),
        kpi("fba_only", {"logistics": 5}, platforms=["amazon"], fulfillment=["fba"]),
    ]
    return load_library(base=write_library(root, kpis))


@pytest.fixture(scope="module")
def shipped() -> Library:
    return load_library()


class Recorder(Prompter):
    """The real prompts, noting each question and every refusal the validation shows."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.refused: list[str] = []
        self.said: list[str] = []

    def _ask(self, question: Any) -> Any:
        try:
            return question.unsafe_ask()
        except (EOFError, KeyboardInterrupt):
            raise AssertionError(f"ran out of keys; asked: {self.asked[-8:]}; refused: "
                                 f"{self.refused}") from None

    def say(self, text: str = "", style: str = "") -> None:
        self.said.append(text)
        super().say(text, style)

    def text(self, message: str, *, default: str = "", validate: Any = None,
             instruction: str | None = None) -> str:
        self.asked.append(message)

        def check(value: str) -> bool | str:
            verdict = validate(value) if validate else True
            if verdict is not True:
                self.refused.append(str(verdict))
            return verdict

        return super().text(message, default=default, validate=check, instruction=instruction)

    def select(self, message: str, choices: Any, **kw: Any) -> Any:
        self.asked.append(message)
        return super().select(message, choices, **kw)

    def checkbox(self, message: str, choices: Any, *, checked: Any = (),
                 validate: Any = None) -> list[Any]:
        self.asked.append(message)

        def check(values: list[Any]) -> bool | str:
            verdict = validate(values) if validate else True
            if verdict is not True:
                self.refused.append(str(verdict))
            return verdict

        return super().checkbox(message, choices, checked=checked, validate=check)

    def confirm(self, message: str, *, default: bool) -> bool:
        self.asked.append(message)
        return super().confirm(message, default=default)


def keys(*parts: str) -> str:
    """Keystrokes; text is typed and submitted (y and n answer a yes/no question at once)."""
    return "".join(p if p in (ENTER, DOWN, SPACE, CTRL_C, "y", "n") or p.startswith("\x1b")
                   or p.endswith(ENTER) else p + ENTER for p in parts)


def R(text: str) -> str:  # noqa: N802
    """Replace the offered default (or a refused answer) with `text` and submit."""
    return CLEAR + text + ENTER


def enters(n: int) -> str:
    return ENTER * n


@functools.cache
def _default_bindings() -> Any:
    from prompt_toolkit.key_binding.defaults import load_key_bindings

    return load_key_bindings()


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A pipe standing in for the keyboard; closed input ends a run that asks too much."""
    # prompt_toolkit builds its default key bindings (emacs, vi, mouse: several hundred) afresh
    # for every prompt, a third of these tests' time; they are the same each time and keep no
    # prompt's state (their filters read the running application), so build them once.
    # test_questionnaire_pty.py runs the questionnaire in a real terminal, unpatched.
    import prompt_toolkit.application.application as application

    monkeypatch.setattr(application, "load_key_bindings", _default_bindings)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        def feed(text: str) -> None:
            inp.send_text(text)
            inp.close()
        yield feed


def run(library: Library, lang: str, typed: str, feed: Any,
        defaults: dict[str, Any] | None = None) -> tuple[Answers | None, Recorder]:
    rec = Recorder()
    feed(typed)
    q = Questionnaire(library, lang, rec, defaults=defaults, today=TODAY)
    return q.run(), rec


# A full run that accepts every default and types only what has none.
# client: name, slug, language, currency, timezone
# scope: level, start, horizon, stage, team size, SKUs, categories
# goals: KPI (gmv), target, by, baseline, another goal?
# platforms: pick (amazon), sites, fulfillment
# roles: pick (operations), headcount, title
# systems x4, review keep?, incentives linked?, summary -> write
DEFAULT_RUN = keys("Acme Trading", enters(4), enters(4), "12", enters(2),
                   enters(1), "1000000", enters(3), enters(3), enters(3),
                   enters(4), enters(2), enters(1))


def test_defaults_only_what_has_none_is_typed(library: Library, terminal: Any) -> None:
    answers, rec = run(library, "en", DEFAULT_RUN, terminal)
    assert answers is not None
    assert answers.client.name == "Acme Trading"
    assert answers.client.effective_slug() == "acme-trading"
    assert answers.client.language == "en" and answers.client.timezone == "UTC"
    assert answers.scope.level == "company" and answers.scope.start == dt.date(2026, 11, 30)
    assert answers.scope.horizon == "quarter" and answers.stage == "growth"
    assert answers.team_size == 12 and answers.sku_count is None
    assert [p.id for p in answers.platforms] == ["amazon"]
    assert [(g.kpi, g.target, g.by) for g in answers.goals] == [
        ("gmv", 1000000, dt.date(2027, 2, 28))]
    assert [r.role for r in answers.roles] == ["operations"]
    assert rec.refused == []
    # the method's order
    order = [next(i for i, m in enumerate(rec.asked) if word in m) for word in
             ("Client name", "cover", "Top goal 1", "sell on", "roles", "ERP", "review cadence",
              "pay")]
    assert order == sorted(order)


def test_written_file_is_commented_and_valid(library: Library, terminal: Any,
                                              tmp_path: Path) -> None:
    answers, _ = run(library, "zh", DEFAULT_RUN, terminal)
    assert answers is not None
    text = commented_yaml(answers, library, "zh", "acme.yaml")
    assert text.startswith("# linkstar-kit 问卷答案")
    assert "# 显示在每份文档上" in text and "# 指标gmv：金额（USD）" in text
    assert "# company | business_unit | project" in text
    loaded = parse_answers(text, "acme.yaml", library)
    assert loaded == normalise_answers(answers)
    assert answers.client.timezone == "Asia/Shanghai"  # the zh default


def test_each_answer_is_validated_by_the_file_rules(library: Library, terminal: Any) -> None:
    typed = keys(
        "", "Acme", R("Bad Slug"), R("acme"), ENTER, R("usd"), R("Mars/Olympus"),
        R("Asia/Shanghai"),
        ENTER, R("2026-02-30"), R("2026-12-01"), enters(2), "many", R("0"), R("12"), "-3",
        R(""), ENTER,
        DOWN + ENTER, "15", R("-5"), R("15%"), R("2026-11-01"), R("2027-02-28"), "0.08",
        ENTER, ENTER,                                    # no fixed-cost share; no more goals
        enters(3), enters(3), enters(4), enters(2), ENTER)
    answers, rec = run(library, "en", typed, terminal)
    assert answers is not None
    refused = "\n".join(rec.refused)
    assert "an answer is needed here" in refused                      # empty client name
    assert "a-z, 0-9 and `-`" in refused                              # slug pattern
    assert "unknown IANA time zone 'Mars/Olympus'" in refused
    assert "expected a whole number, got 'many'" in refused
    assert "`net_margin` is a rate" in refused and "did you mean 0.15?" in refused
    assert "before scope.start 2026-12-01" in refused
    assert len(rec.refused) == 10
    assert answers.client.currency == "USD"       # typed in small letters, read as a code
    assert answers.goals[0].kpi == "net_margin" and answers.goals[0].target == 0.15
    assert answers.goals[0].baseline == 0.08
    assert answers.goals[0].by == dt.date(2027, 2, 28)  # the default after the refusal
    assert answers.team_size == 12


def test_conditional_questions(library: Library, terminal: Any) -> None:
    # a business unit has a name; two platforms ask sites and fulfillment each and each role
    # which of them it covers.
    typed = keys(
        "Acme", enters(4),
        DOWN + ENTER, "Amazon US BU", enters(3), "12", enters(2),
        enters(1), "1000000", enters(3),
        DOWN * 2 + SPACE + ENTER,             # amazon stays checked, ebay added
        "us, de", SPACE + ENTER,              # amazon: sites, FBA
        "", ENTER,                            # ebay: no sites, no fulfillment
        DOWN + SPACE + ENTER,                 # operations and advertising
        "y", ENTER,                           # operations per platform, advertising not
        R("3"), "Amazon 运营",                # operations on amazon
        "", "",                               # operations on ebay
        "", "", DOWN + SPACE + ENTER,         # advertising: amazon only
        enters(4), enters(2), ENTER)
    answers, rec = run(library, "en", typed, terminal)
    assert answers is not None, rec.refused
    assert answers.scope.level == "business_unit" and answers.scope.name == "Amazon US BU"
    assert [(p.id, p.sites, p.fulfillment) for p in answers.platforms] == [
        ("amazon", ["US", "DE"], ["fba"]), ("ebay", [], [])]
    ops_amazon, ops_ebay, ads = answers.roles
    assert (ops_amazon.role, ops_amazon.key, ops_amazon.headcount, ops_amazon.title,
            ops_amazon.platforms) == ("operations", "operations-amazon", 3, "Amazon 运营",
                                      ["amazon"])
    assert (ops_ebay.key, ops_ebay.headcount, ops_ebay.platforms) == (
        "operations-ebay", 1, ["ebay"])
    assert (ads.role, ads.platforms) == ("advertising", ["amazon"])
    assert "Operations (store / marketplace manager) (eBay): headcount" in rec.asked
    assert sum("which platforms does this role work on" in m for m in rec.asked) == 1


def test_company_scope_asks_no_name_and_one_platform_no_role_platforms(
        library: Library, terminal: Any) -> None:
    _, rec = run(library, "en", DEFAULT_RUN, terminal)
    assert not any("business unit or project" in m for m in rec.asked)
    assert not any("which platforms does this role" in m for m in rec.asked)


def test_from_file_answers_are_the_defaults(library: Library, terminal: Any) -> None:
    data = base_answers(
        client={"name": "Test Co", "language": "en", "currency": "EUR", "timezone": "Europe/Berlin"},
        scope={"level": "project", "name": "Black Friday", "start": "2026-10-01",
               "horizon": "month"},
        sku_count=40,
        platforms=[{"id": "amazon", "sites": ["DE"], "fulfillment": ["fba"]}, {"id": "ebay"}],
        goals=[{"kpi": "net_margin", "target": 0.12, "by": "2026-10-31", "baseline": 0.1},
               {"kpi": "gmv", "target": 50000, "by": "2026-10-31"}],
        roles=[{"role": "operations", "key": "ops-de", "headcount": 2, "platforms": ["amazon"],
                "pin": ["acos"]}, {"role": "finance", "title": "CFO"}],
        review={"weekly": {"weekday": "tuesday", "time": "09:00", "minutes": 45},
                "quarterly": False},
        incentives={"linked_to_pay": True, "kpi_weight_percent": 25},
    )
    previous = Answers.model_validate(data)
    defaults = normalise_answers(previous).model_dump(mode="json", exclude_none=True)
    # Every question answered with Enter: the same answers come back.
    typed = keys(enters(5), enters(8),                   # client, scope
                 enters(5), enters(4), ENTER,            # two goals (net margin: its fixed
                                                         # cost share), no more
                 enters(5),                              # platforms
                 enters(1), ENTER, enters(4), enters(3),  # roles (ops: not split, its pin)
                 enters(4), enters(4), ENTER)            # systems, review (Berlin: the region
                                                         # first), incentives; write
    answers, rec = run(library, "en", typed, terminal, defaults=defaults)
    assert answers is not None, rec.refused
    assert normalise_answers(answers) == normalise_answers(previous)


def test_summary_lets_a_section_be_changed(library: Library, terminal: Any) -> None:
    # At the summary pick "Change: Top goals" (write, client, scope, goals: three down), and
    # set another target; then write.
    typed = DEFAULT_RUN[:-1] + keys(DOWN * 3 + ENTER, ENTER, R("2000000"), enters(3), ENTER)
    answers, rec = run(library, "en", typed, terminal)
    assert answers is not None
    assert answers.goals[0].target == 2000000
    assert sum(1 for s in rec.said if s.startswith("── Summary")) == 2


def test_a_goal_can_be_added_and_removed(library: Library, terminal: Any) -> None:
    typed = keys("Acme", enters(4), enters(4), "12", enters(2),
                 ENTER, "1000000", enters(2), "y",       # gmv, then another goal
                 DOWN + ENTER, "0.2", enters(3), ENTER,    # net_margin (by, baseline,
                                                           # fixed-cost share)
                 enters(3), enters(3), enters(4), enters(2),
                 DOWN * 3 + ENTER,                         # change goals
                 enters(4),                                # gmv as it was
                 DOWN * 2 + ENTER,                         # net_margin: remove
                 ENTER, ENTER)                             # no more goals; write
    answers, rec = run(library, "en", typed, terminal)
    assert answers is not None, rec.refused
    assert [g.kpi for g in answers.goals] == ["gmv"]


def test_a_goal_kpi_twice_is_refused(library: Library, terminal: Any) -> None:
    typed = keys("Acme", enters(4), enters(4), "12", enters(2),
                 ENTER, "1000000", enters(2), "y",
                 ENTER,                                   # gmv again: refused
                 DOWN + ENTER, "0.2", enters(3), ENTER,
                 enters(3), enters(3), enters(4), enters(2), ENTER)
    answers, rec = run(library, "en", typed, terminal)
    assert answers is not None
    assert any("KPI `gmv` already has a goal" in s for s in rec.said)
    assert [g.kpi for g in answers.goals] == ["gmv", "net_margin"]


def test_quit_at_the_summary_returns_nothing(library: Library, terminal: Any) -> None:
    typed = DEFAULT_RUN[:-1] + keys(DOWN * 9 + ENTER)
    answers, _ = run(library, "en", typed, terminal)
    assert answers is None


def test_review_and_incentives_when_not_the_defaults(library: Library, terminal: Any) -> None:
    typed = keys("Acme", enters(4), enters(4), "12", enters(2),
                 ENTER, "1000000", enters(3), enters(3), enters(3), enters(4),
                 "n", DOWN + ENTER, R("9:30"), R("09:30"), enters(4), "n",   # review
                 "y", R("35"),                                               # incentives
                 ENTER)
    answers, rec = run(library, "en", typed, terminal)
    assert answers is not None
    assert answers.review.weekly.weekday == "tuesday" and answers.review.weekly.time == "09:30"
    assert answers.review.quarterly is False
    assert answers.incentives.linked_to_pay and answers.incentives.kpi_weight_percent == 35
    assert any('did you mean "09:30"?' in r for r in rec.refused)


def test_parse_answer() -> None:
    assert parse_answer(" 15% ", "float") == 0.15
    assert parse_answer("1,000,000", "float") == 1000000
    assert parse_answer("0.2", "float") == 0.2
    assert parse_answer("abc", "float") == "abc"
    assert parse_answer("", "int") is None
    assert parse_answer("1,200", "int") == 1200
    assert parse_answer("us, de、jp", "sites") == ["US", "DE", "JP"]


# --- the command ---------------------------------------------------------------------------


def test_without_a_terminal_it_points_to_examples(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    out = tmp_path / "a.yaml"
    assert cli.main(["init", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "not one" in err and "--example" in err and "linkstar validate" in err
    assert "amazon-us" in err and "Traceback" not in err
    assert not out.exists()


def test_example_is_copied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "client.yaml"
    assert cli.main(["init", "--example", "amazon-us", "-o", str(out)]) == 0
    assert out.read_bytes() == (command.examples_dir() / "amazon-us.yaml").read_bytes()
    assert "linkstar validate" in capsys.readouterr().out


def test_unknown_example_and_existing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["init", "--example", "amazon-uss", "-o", str(tmp_path / "x.yaml")]) == 1
    err = capsys.readouterr().err
    assert "unknown example `amazon-uss`" in err and "did you mean `amazon-us`" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    out = tmp_path / "keep.yaml"
    out.write_text("mine\n", encoding="utf-8")
    assert cli.main(["init", "--example", "amazon-us", "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine\n"


def test_examples_are_valid_answers(shipped: Library) -> None:
    names = command.example_files()
    assert {"amazon-us", "shopee-tiktok", "multi-platform-30"} <= set(names)
    for path in names.values():
        load_answers(path, shipped)


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch, library: Library) -> None:
    monkeypatch.setattr(command, "_interactive", lambda: True)
    import linkstar_kit.library.loader as loader

    monkeypatch.setattr(loader, "load_library", lambda extra=(): library)


def test_init_writes_the_file(tty: None, terminal: Any, tmp_path: Path, library: Library,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    out = tmp_path / "sub" / "acme.yaml"
    terminal(ENTER + DEFAULT_RUN)   # the language question first: English
    assert cli.main(["init", "-o", str(out)]) == 0
    assert load_answers(out, library).client.name == "Acme Trading"
    assert out.read_text(encoding="utf-8").startswith("# linkstar-kit answers")
    assert [p.name for p in out.parent.iterdir()] == ["acme.yaml"]


def test_ctrl_c_writes_nothing(tty: None, terminal: Any, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "acme.yaml"
    terminal(keys("Acme", enters(4), enters(4), CTRL_C))
    assert cli.main(["init", "--lang", "en", "-o", str(out)]) == 130
    assert "nothing was written" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_not_overwritten_without_asking(tty: None, terminal: Any,
                                                         tmp_path: Path,
                                                         library: Library) -> None:
    out = tmp_path / "acme.yaml"
    out.write_text("mine\n", encoding="utf-8")
    other = tmp_path / "other.yaml"
    terminal(DEFAULT_RUN + keys("n", str(other)))   # do not overwrite; write elsewhere
    assert cli.main(["init", "--lang", "en", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert load_answers(other, library).team_size == 12


def test_from_file_amends_in_place_after_asking(tty: None, terminal: Any, tmp_path: Path,
                                                library: Library) -> None:
    src = tmp_path / "client.yaml"
    previous = Answers.model_validate(base_answers())
    src.write_text(commented_yaml(normalise_answers(previous), library, "en", "client.yaml"),
                   encoding="utf-8")
    typed = keys(enters(5), enters(4), R("20"), enters(2),    # team size 12 -> 20
                 enters(4), ENTER, enters(3), enters(3), enters(4), enters(2), ENTER, "y")
    terminal(typed)
    assert cli.main(["init", "--from", str(src)]) == 0
    amended = load_answers(src, library)
    assert amended.team_size == 20
    assert amended.model_copy(update={"team_size": 12}) == normalise_answers(previous)


def test_help_does_not_import_questionary() -> None:
    code = ("import sys; from linkstar_kit import cli; cli.build_parser(); "
            "print('questionary' in sys.modules, 'prompt_toolkit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_pin_left_without_a_platform_can_be_dropped(library: Library, terminal: Any) -> None:
    data = base_answers(platforms=[{"id": "amazon"}, {"id": "ebay"}],
                        roles=[{"role": "operations", "pin": ["acos"]}])
    defaults = Answers.model_validate(data).model_dump(mode="json", exclude_none=True)
    typed = keys(enters(5), enters(7), enters(5), enters(5),
                 ENTER, ENTER, enters(2), SPACE + ENTER,  # not split; operations on ebay
                 ENTER,                                  # keep the acos pin: refused
                 SPACE + ENTER,                          # drop it
                 enters(4), enters(2), ENTER)
    answers, rec = run(library, "en", typed, terminal, defaults=defaults)
    assert answers is not None, rec.refused
    assert answers.roles[0].platforms == ["ebay"] and answers.roles[0].pin == []
    assert any("KPI `acos` cannot apply to this role" in s for s in rec.refused)


def test_example_to_a_json_file(tmp_path: Path, shipped: Library,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    import linkstar_kit.library.loader as loader

    monkeypatch.setattr(loader, "load_library", lambda extra=(): shipped)
    out = tmp_path / "client.json"
    assert cli.main(["init", "--example", "shopee-tiktok", "-o", str(out)]) == 0
    assert load_answers(out, shipped) == load_answers(
        command.examples_dir() / "shopee-tiktok.yaml", shipped)


def test_amending_an_example_with_enter_only_changes_nothing(terminal: Any,
                                                            shipped: Library) -> None:
    # Two operations teams (one per platform), pins, an exclusion: all kept, in their order.
    library = shipped
    previous = load_answers(command.examples_dir() / "shopee-tiktok.yaml", library)
    defaults = previous.model_dump(mode="json", exclude_none=True)
    answers, rec = run(library, previous.client.language, ENTER * 400, terminal,
                       defaults=defaults)
    assert answers is not None, rec.refused
    assert rec.refused == []
    assert normalise_answers(answers) == previous


def test_from_a_bad_file_is_an_error_not_a_traceback(tty: None, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nclient: {name: X}\nteam_size: many\n", encoding="utf-8")
    assert cli.main(["init", "--from", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "invalid answers" in err and "team_size" in err and "Traceback" not in err
    assert cli.main(["init", "--from", str(bad), "--example", "amazon-us"]) == 1
    assert "either --example or --from" in capsys.readouterr().err


def test_without_a_terminal_in_chinese(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert cli.main(["init", "--lang", "zh"]) == 1
    err = capsys.readouterr().err
    assert "标准输入不是终端" in err and "linkstar init --example" in err


def test_a_region_or_an_absurd_zone_is_asked_again(library: Library, terminal: Any) -> None:
    """`Asia` (a folder of the zone database) once crashed the prompt's event loop, and a
    400-part name recursed: both are refused with the file's message and asked again."""
    typed = keys("Acme Trading", enters(3), R("Asia"), R("/".join(["a"] * 400)),
                 R("Asia/Shanghai"), enters(4), "12", enters(2), enters(1), "1000000",
                 enters(3), enters(3), enters(3), enters(4), enters(2), enters(1))
    answers, rec = run(library, "en", typed, terminal)
    assert answers is not None and answers.client.timezone == "Asia/Shanghai"
    assert len(rec.refused) == 2
    assert "`Asia` is a region, not a time zone" in rec.refused[0]
    assert "did you mean `Asia/Shanghai`?" in rec.refused[0]
    assert "at most 64 characters" in rec.refused[1] and len(rec.refused[1]) < 200
