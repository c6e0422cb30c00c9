"""Answers files stay valid across library versions: each bundled example of an earlier
release validates with this library or `linkstar migrate` carries it over, and `validate` says
which change refused a file (issue 20, item 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkstar_kit import cli
from linkstar_kit.answers.loader import load_answers
from linkstar_kit.answers.migrate import load_changes, migrate_file, plan
from linkstar_kit.library.loader import load_library, shipped_library_dir
from linkstar_kit.positioned import load_document

HISTORY = Path(__file__).parent / "fixtures" / "answers-history"
FILES = sorted(p for p in HISTORY.glob("*/*") if p.suffix in (".yaml", ".json"))


@pytest.fixture(scope="module")
def lib():
    return load_library()


@pytest.fixture(scope="module")
def changes():
    return load_changes([shipped_library_dir()])


def test_the_history_holds_every_earlier_release() -> None:
    # one folder per library version (and commit) whose bundled examples changed
    versions = {p.parent.name.split("-")[0] for p in FILES}
    assert {"2026.11.0", "2026.11.1", "2026.11.2", "2026.12.0", "2026.12.1"} <= versions
    assert len(FILES) >= 16


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_an_earlier_example_validates_or_migrates(path: Path, lib, changes, tmp_path: Path
                                                  ) -> None:
    text, edits = migrate_file(path, lib, changes)
    if edits:
        out = tmp_path / path.name
        out.write_text(text, encoding="utf-8")
        load_answers(out, lib)
    else:
        load_answers(path, lib)


def test_a_file_that_pinned_acos_on_shopee_migrates(tmp_path: Path, lib, changes, capsys
                                                    ) -> None:
    # validated with library 2026.11.0, when ACoS applied on any platform
    old = Path(__file__).parent / "fixtures" / "answers-migrate" / "shopee-acos.yaml"
    before = old.read_bytes()
    assert cli.main(["migrate", str(old), "-o", "-"]) == 0  # a preview writes nothing
    out = capsys.readouterr()
    assert "pin: [roas]          # the client's weekly report is in ACoS" in out.out
    assert out.out.startswith("# linkstar migrate: roles[1].pin[0]: `acos` -> `roas`")
    assert "`sell_through_rate` -> `sku_sell_rate`" in out.out
    assert old.read_bytes() == before and not old.with_name(old.name + ".bak").exists()
    migrated = tmp_path / "new.yaml"
    migrated.write_text(out.out, encoding="utf-8")
    answers = load_answers(migrated, lib)
    assert answers.roles[1].pin == ["roas"] and answers.roles[2].pin == ["sku_sell_rate"]


def test_every_change_names_kpis_the_library_has(lib, changes) -> None:
    assert changes
    for c in changes.values():
        for kid in (c.instead, c.renamed_to):
            assert kid is None or kid in lib.kpis, (c.kpi, kid)
        assert c.what.en and c.what.zh


OLD = """\
version: 1
client: {name: "Test Co", language: en}   # the client's name as they write it
scope: {level: company, start: 2026-01-05, horizon: quarter}
stage: growth
team_size: 12
platforms:
  - {id: shopee, sites: [MY]}
  - {id: amazon, sites: [US], fulfillment: [fbm]}
  - {id: temu, sites: [US], fulfillment: [platform_fulfillment]}
goals:
  - {kpi: gmv, target: 1000000, by: 2026-03-31}
roles:
  - role: advertising
    platforms: [shopee]
    pin: [acos]         # the client reads ACoS
  - role: purchasing
    platforms: [shopee]
    pin: [sell_through_rate, stockout_rate]
    exclude: [tacos]
  - role: operations
    platforms: [temu]
    pin: [cancellation_rate]
"""


def _old(tmp_path: Path, text: str = OLD, name: str = "old.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_validate_names_the_change_and_the_command(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    old = _old(Path("."))
    assert cli.main(["validate", str(old)]) == 1
    err = capsys.readouterr().err
    assert "roles[0].pin[0]: KPI `acos` no longer applies here since library 2026.12.0" in err
    assert "ROAS" in err and f"`linkstar migrate {old}` puts `roas` in its place" in err
    assert "puts `sku_sell_rate` in its place" in err
    assert "puts `temu_stocking_order_on_time_full_rate` in its place" in err


def test_migrate_rewrites_what_changed_and_keeps_the_rest(tmp_path: Path, capsys) -> None:
    old = _old(tmp_path)
    out = tmp_path / "new.yaml"
    assert cli.main(["migrate", str(old), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "roles[0].pin[0]: `acos` -> `roas`" in said and "4 changes" in said
    new = out.read_text(encoding="utf-8")
    assert "pin: [roas]         # the client reads ACoS" in new  # comments and layout kept
    assert "pin: [sku_sell_rate, stockout_rate]" in new
    assert "exclude: []" in new  # excluding a KPI the role cannot hold says nothing: dropped
    assert "pin: [temu_stocking_order_on_time_full_rate]" in new
    assert "  - {id: shopee, sites: [MY]}" in new
    assert old.read_text(encoding="utf-8") == OLD  # -o leaves the original alone
    assert cli.main(["validate", str(out)]) == 0
    # a second run has nothing to do
    assert cli.main(["migrate", str(out)]) == 0
    assert "nothing to migrate" in capsys.readouterr().out


def test_migrate_in_place_keeps_the_original(tmp_path: Path) -> None:
    old = _old(tmp_path)
    assert cli.main(["migrate", str(old)]) == 0
    assert (tmp_path / "old.yaml.bak").read_text(encoding="utf-8") == OLD
    assert "pin: [roas]" in old.read_text(encoding="utf-8")
    # a backup already there is never overwritten
    old.write_text(OLD, encoding="utf-8")
    assert cli.main(["migrate", str(old)]) == 1
    assert old.read_text(encoding="utf-8") == OLD


def test_migrate_never_overwrites_an_output(tmp_path: Path) -> None:
    old = _old(tmp_path)
    out = tmp_path / "new.yaml"
    out.write_text("mine", encoding="utf-8")
    assert cli.main(["migrate", str(old), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "mine"


def test_a_file_still_invalid_after_migration_writes_nothing(tmp_path: Path, capsys) -> None:
    old = _old(tmp_path, OLD.replace("stage: growth", "stage: growht"))
    out = tmp_path / "new.yaml"
    assert cli.main(["migrate", str(old), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "still invalid after migration" in err and "stage" in err
    assert not out.exists()


def test_migrate_a_json_file(tmp_path: Path, lib, changes) -> None:
    data = {"version": 1, "client": {"name": "Test Co", "language": "en"},
            "scope": {"level": "company", "start": "2026-01-05", "horizon": "quarter"},
            "stage": "growth", "team_size": 12,
            "platforms": [{"id": "lazada", "sites": ["MY"]}],
            "goals": [{"kpi": "gmv", "target": 1000000, "by": "2026-03-31"}],
            "roles": [{"role": "advertising", "pin": ["acos"], "exclude": ["roas"]}]}
    old = _old(tmp_path, json.dumps(data), "old.json")
    text, edits = migrate_file(old, lib, changes)
    # the replacement is excluded by the client: the pin is dropped rather than overruled
    assert [(e.path, e.new) for e in edits] == [(("roles", 0, "pin", 0), None)]
    assert json.loads(text)["roles"][0] == {"role": "advertising", "pin": [], "exclude": ["roas"]}


def test_a_kpi_that_still_applies_is_left_alone(tmp_path: Path, lib, changes) -> None:
    doc = load_document(_old(tmp_path, OLD.replace("platforms: [shopee]\n    pin: [acos]",
                                                   "platforms: [amazon]\n    pin: [acos]")))
    edits = plan(doc.data, lib, changes)
    assert ("roles", 0, "pin", 0) not in [e.path for e in edits]
