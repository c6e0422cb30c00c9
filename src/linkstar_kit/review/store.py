"""Reading the kit's actuals store for a review, and the messages when it cannot be read.

The review reads `actuals` (written by `linkstar load`) and reads and writes `review_issues`
(its own state). A store loaded before the reviews existed has no `review_issues` table: the
review creates it. A store whose `actuals` table lacks a column the review needs was written by
a much older kit: that is said, with what to do, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError, display_path
from ..periods import date_problem
from ..store.loader import LOCK_TIMEOUT, STORE_FILE
from ..store.schema import ISSUES_DDL, statements
from ..store.tracking import PLACE_SQL
from ..units import MAX_ABS_VALUE

Key = tuple[str, str, str]  # role_key, kpi, place (platform, or platform@site group)
# Seconds a review waits for another review (or a load) to finish with the store.
REVIEW_LOCK_TIMEOUT = 120.0
NEEDED = ("period_start", "period_end", "role_key", "kpi", "platform", "value")


@dataclass(frozen=True)
class Actual:
    start: dt.date
    end: dt.date
    value: float
    annotation: str


def open_store(kit: Path) -> sqlite3.Connection:
    store = kit / STORE_FILE
    shown = display_path(store)
    if not store.is_file():
        raise UsageError(
            f"{display_path(kit)} has no actuals store ({shown}): load the numbers first with "
            f"`linkstar load {display_path(kit)} ACTUALS.csv` (start from "
            "scorecard/actuals-template.csv); nothing was written")
    try:
        con = sqlite3.connect(store, isolation_level=None, timeout=LOCK_TIMEOUT)
        cols = {r[1] for r in con.execute("PRAGMA table_info(actuals)")}
    except sqlite3.Error:
        raise UsageError(f"{shown} is not an SQLite database (it was replaced or damaged): "
                         "nothing was written; move it away and load the actuals again") from None
    if not cols:
        con.close()
        raise UsageError(f"{shown} has no `actuals` table: it was not written by `linkstar "
                         "load`; nothing was written")
    missing = [c for c in NEEDED if c not in cols]
    if missing:
        con.close()
        raise UsageError(
            f"{shown} was written by an older linkstar-kit: its actuals have no "
            f"{', '.join('`' + c + '`' for c in missing)} column; nothing was written. Move it "
            "away and load the actuals again with this version (`linkstar load`)")
    return con


def _place_sql(con: sqlite3.Connection) -> str:
    """The actuals' `place` (platform, and site group where there is one: tracking.py)."""
    cols = {r[1] for r in con.execute("PRAGMA table_info(actuals)")}
    return PLACE_SQL if "site_group" in cols else "platform"


def has_annotation(con: sqlite3.Connection) -> bool:
    return any(r[1] == "annotation" for r in con.execute("PRAGMA table_info(actuals)"))


def read_actuals(con: sqlite3.Connection, until: dt.date) -> dict[Key, list[Actual]]:
    """Every actual that ends on or before `until`, by row, oldest first."""
    note = "annotation" if has_annotation(con) else "''"
    place = _place_sql(con)  # a platform's site groups are rows of their own
    out: dict[Key, list[Actual]] = {}
    try:
        rows = con.execute(
            f"SELECT role_key, kpi, {place}, period_start, period_end, value, {note} "
            "FROM actuals WHERE period_end <= ? ORDER BY 1, 2, 3, period_start",
            (until.isoformat(),)).fetchall()
    except sqlite3.Error as exc:
        raise UsageError(f"the actuals store cannot be read ({exc}); nothing was written") from None
    for role, kpi, platform, start, end, value, annotation in rows:
        try:
            a = Actual(dt.date.fromisoformat(start), dt.date.fromisoformat(end), float(value),
                       annotation or "")
        except (TypeError, ValueError):
            continue  # not a row `load` writes; the review skips it rather than guess
        if not math.isfinite(a.value) or abs(a.value) > MAX_ABS_VALUE \
                or date_problem(a.start) or date_problem(a.end):
            continue  # neither (an infinity typed into the store broke the trend line)
        out.setdefault((role, kpi, platform), []).append(a)
    return out


def latest_start(con: sqlite3.Connection, keys: list[Key]) -> dt.date | None:
    """The latest period start among the actuals of `keys` (the default review's week)."""
    best: str | None = None
    place = _place_sql(con)
    for role, kpi, platform in keys:
        r = con.execute("SELECT MAX(period_start) FROM actuals WHERE role_key = ? AND kpi = ? "
                        f"AND {place} = ?", (role, kpi, platform)).fetchone()
        if r and r[0] and (best is None or r[0] > best):
            best = r[0]
    try:
        return dt.date.fromisoformat(best) if best else None
    except ValueError:
        return None


def ensure_issues_table(con: sqlite3.Connection) -> None:
    """The reviews' tables (inside the caller's transaction, so two reviews at once never
    both create them): created when missing, and a `review_issues` of a store written before
    the minutes existed gains their columns."""
    for stmt in statements(ISSUES_DDL):
        con.execute(stmt)
    cols = {r[1] for r in con.execute("PRAGMA table_info(review_issues)")}
    for col in ("raised_by TEXT NOT NULL DEFAULT 'review'", "decision TEXT NOT NULL DEFAULT ''"):
        if col.split()[0] not in cols:
            con.execute(f"ALTER TABLE review_issues ADD COLUMN {col}")


def begin(con: sqlite3.Connection, kit: Path) -> None:
    """Start the review's one write transaction; a store that cannot be written is said as
    `linkstar load` says it, and nothing is written."""
    try:
        # another review holds the store while it renders (a PDF takes seconds): wait for it
        con.execute(f"PRAGMA busy_timeout = {int(REVIEW_LOCK_TIMEOUT * 1000)}")
        con.execute("BEGIN IMMEDIATE")
        ensure_issues_table(con)
    except sqlite3.Error as exc:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise UsageError(store_problem(kit / STORE_FILE, exc)) from None


def store_problem(store: Path, exc: sqlite3.Error) -> str:
    """`load`'s message for a store it cannot write, said of a review."""
    from ..store.loader import _store_problem

    text = str(exc).lower()
    if "disk" in text and "full" in text:
        return "the disk is full: no review was written, and the store is unchanged"
    return (_store_problem(store, exc).replace("nothing was loaded", "no review was written")
            .replace("load again", "review again").replace("was not loaded", "no review was "
                                                           "written"))


def measure_pool(con: sqlite3.Connection) -> Any:
    """The base measures report exports gave (`linkstar load`'s `measures` table), as a Pool
    a KPI's `compute` runs on; None when no export was loaded."""
    from ..exports.pool import Pool

    if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'measures'").fetchone():
        return None
    rows = con.execute("SELECT day, day_end, platform, site, measure, value, source "
                       "FROM measures ORDER BY day, platform, site, measure").fetchall()
    if not rows:
        return None
    pool = Pool()
    pool.add_stored(rows)
    return pool
