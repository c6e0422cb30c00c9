"""Reviews are written as safely as kits (issue 21): reviews at once, a read-only store, a full
disk, an edited review file, a `reviews` link, an interrupted run, far periods and a value a
chart cannot scale: a message, never an internal error, and nothing half written."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from linkstar_kit.cli import main
from linkstar_kit.kit import files as F
from linkstar_kit.review.run import run_review
from linkstar_kit.store.loader import load_actuals
from reviewkit import write_actuals
from storekit import REPO, build_kit

EXAMPLE = REPO / "examples" / "amazon-us.yaml"
SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture(scope="module")
def base_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kit = build_kit(EXAMPLE, tmp_path_factory.mktemp("safe") / "kit", formats=("dashboards",))
    load_actuals(kit, write_actuals(kit, kit.parent / "a.csv", dt.date(2026, 6, 29),
                                    dt.date(2026, 9, 30)))
    return kit


@pytest.fixture
def kit(base_kit: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "kit"
    shutil.copytree(base_kit, dest)
    return dest


def store_rows(kit: Path) -> list[Any]:
    con = sqlite3.connect(kit / "data" / "kpi.sqlite")
    try:
        return con.execute("SELECT * FROM review_issues ORDER BY 1, 5, 6, 7, 8").fetchall()
    finally:
        con.close()


def test_three_reviews_at_once(kit: Path) -> None:
    cmd = [sys.executable, "-c", "import sys; from linkstar_kit.cli import main; "
           "sys.exit(main(sys.argv[1:]))", "review", str(kit), "--format", "md", "--period"]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    procs = [subprocess.Popen([*cmd, p], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for p in ("2026-W37", "2026-W38", "2026-W38")]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        assert "internal error" not in err
    assert (kit / "reviews/2026-W37/review.md").is_file()
    assert (kit / "reviews/2026-W38/review.md").is_file()


def test_a_read_only_store(kit: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    from linkstar_kit.review import store

    real = sqlite3.connect

    def read_only(path: Any, *a: Any, **k: Any) -> sqlite3.Connection:
        return real(f"file:{path}?mode=ro", *a, uri=True, **k)

    monkeypatch.setattr(store.sqlite3, "connect", read_only)
    before = store_rows(kit)
    assert main(["review", str(kit), "--period", "2026-W39"]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "no review was written" in err and "internal" not in err
    assert not (kit / "reviews").exists()
    assert store_rows(kit) == before


def test_a_full_disk_leaves_no_partial_folder(kit: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    real = os.replace
    calls = [0]

    def full(src: Any, dst: Any) -> None:
        calls[0] += 1
        if calls[0] == 3:  # the third file moved in: the disk fills up
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(F.os, "replace", full)
    before = store_rows(kit)
    manifest = (kit / "manifest.json").read_bytes()
    assert main(["review", str(kit), "--period", "2026-W39", "--format", "md,html"]) == 1
    err = capsys.readouterr().err
    assert "the disk is full: no review was written" in err and "internal" not in err
    assert not (kit / "reviews" / "2026-W39").exists()
    assert store_rows(kit) == before
    assert (kit / "manifest.json").read_bytes() == manifest
    assert not list(kit.glob(".linkstar-staging-*"))


def test_an_edited_review_is_kept_unless_forced(kit: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    run_review(kit, "2026-W39", "md")
    md = kit / "reviews/2026-W39/review.md"
    md.write_text(md.read_text(encoding="utf-8") + "\n我们的会议补充\n", encoding="utf-8")
    edited = md.read_bytes()
    assert main(["review", str(kit), "--period", "2026-W39", "--format", "md"]) == 1
    err = capsys.readouterr().err
    assert "reviews/2026-W39/review.md" in err and "--force" in err
    assert md.read_bytes() == edited
    assert main(["review", str(kit), "--period", "2026-W39", "--format", "md", "--force"]) == 0
    assert md.read_bytes() != edited
    copies = list((kit / ".linkstar-backup").rglob("review.md"))
    assert [c.read_bytes() for c in copies] == [edited]


def test_a_reviews_link_is_refused(kit: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (kit / "reviews").symlink_to(outside)
    assert main(["review", str(kit), "--period", "2026-W39"]) == 1
    err = capsys.readouterr().err
    # named as the kit's `reviews`, not as the folder it points to
    assert f"{kit / 'reviews'} is a link" in err and "elsewhere" not in err
    assert list(outside.iterdir()) == []


def test_load_and_review_finish_an_interrupted_run(kit: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["review", str(kit), "--period", "2026-W39", "--format", "md"],
                    ["load", str(kit), str(kit.parent.parent / "kit" / ".." / "a.csv")]):
        staging = kit / f"{F.STAGING_PREFIX}killed"
        (staging / "new" / "notes").mkdir(parents=True)
        (staging / "new" / "notes" / "extra.md").write_text("moved in\n", encoding="utf-8")
        (staging / F.JOURNAL).write_text(json.dumps({
            "schema": F.JOURNAL_SCHEMA, "direction": "forward", "paths": ["notes/extra.md"],
            "dirs": ["notes"]}), encoding="utf-8")
        if command[0] == "load":
            write_actuals(kit, kit.parent / "a.csv", dt.date(2026, 9, 21), dt.date(2026, 9, 27))
            command[2] = str(kit.parent / "a.csv")
        assert main(command) == 0
        assert "finished moving in the 1 files of a run that was interrupted" in \
            capsys.readouterr().err
        assert (kit / "notes/extra.md").read_text(encoding="utf-8") == "moved in\n"
        assert not staging.exists()
        shutil.rmtree(kit / "notes")


@pytest.mark.parametrize("period", ["9999-12", "0001-01", "9999-W52", "9999-Q4", "1899-12"])
def test_far_periods_are_a_message(kit: Path, period: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(kit), "--period", period]) == 1
    err = capsys.readouterr().err
    # periods.py bounds every date (1900-01-01 to 2200-12-31); the review keeps its own check
    # for the years its trend and goals reach
    assert ("outside the dates linkstar-kit plans for (1900-01-01 to 2200-12-31)" in err
            or "outside the years a review covers (1900 to 2200)" in err), err
    assert "internal" not in err


def test_a_huge_value_still_charts(kit: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`load` refuses a value past ±1e15, but a store written by another tool (or an older
    linkstar) may hold one: the chart skips what it cannot scale."""
    import sqlite3

    csv = kit.parent / "huge.csv"
    csv.write_text("period_start,period_end,role_key,kpi,platform,value,annotation,source\n"
                   "2026-09-21,2026-09-27,operations,sessions,,1.79e308,,\n", encoding="utf-8")
    assert main(["load", str(kit), str(csv)]) == 1
    con = sqlite3.connect(kit / "data" / "kpi.sqlite")
    with con:
        hit = con.execute("UPDATE actuals SET value = 1.79e308 WHERE role_key = 'operations' AND "
                          "kpi = 'sessions' AND period_start = '2026-09-21'").rowcount
    con.close()
    assert hit == 1
    assert main(["review", str(kit), "--period", "2026-W39", "--format", "html"]) == 0
    err = capsys.readouterr().err
    assert "internal" not in err
    assert '<img class="trend"' in (kit / "reviews/2026-W39/review.html").read_text("utf-8")


def test_load_fills_a_copy_of_the_workbook(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    kit = build_kit(EXAMPLE, tmp_path / "kit")  # dashboards and xlsx
    blank = (kit / "scorecard/scorecard.xlsx").read_bytes()
    csv = write_actuals(kit, tmp_path / "a.csv", dt.date(2026, 6, 29), dt.date(2026, 9, 30))
    assert main(["load", str(kit), str(csv)]) == 0
    assert "scorecard-filled.xlsx: the kit's workbook with every number loaded" in \
        capsys.readouterr().out
    filled = kit / "scorecard/scorecard-filled.xlsx"
    wb = load_workbook(filled)
    ws = wb["亚马逊运营"]
    values = [float(c.value) for row in ws.iter_rows() for c in row
              if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]
    con = sqlite3.connect(kit / "data" / "kpi.sqlite")
    stored = [v for (v,) in con.execute("SELECT value FROM actuals WHERE role_key = "
                                        "'operations'")]
    con.close()
    assert sorted(values) == pytest.approx(sorted(stored))  # each number in its period's cell
    assert (kit / "scorecard/scorecard.xlsx").read_bytes() == blank
    first = filled.read_bytes()
    assert main(["load", str(kit), str(csv)]) == 0  # the same numbers: the same bytes
    assert filled.read_bytes() == first
    filled.write_bytes(first + b"\0")                # someone's edit is left alone
    assert main(["load", str(kit), str(csv)]) == 0
    assert "was edited since `load` wrote it" in capsys.readouterr().out
    assert filled.read_bytes() == first + b"\0"
