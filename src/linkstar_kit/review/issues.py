"""The review's issues: raised from red KPIs and unannotated anomalies, and by the team in its
minutes; kept in the store.

The store's `review_issues` table is the review's own state (store/schema.py says how it is
read). A review of cadence C for period P:

1. raises one issue per role, KPI, platform and kind: a red KPI (its anomaly, if any, folded
   into the red issue's sentence), else an anomaly without an annotation;
2. reads the issues of the latest earlier review of C (period start before P's; `review_runs`
   knows it even when it raised none). An open one
   is carried over, with the review that first raised it, and states this period's value;
   it closes when its KPI is back on target (a red issue when the KPI is green, an anomaly's
   when the value is no longer an unannotated anomaly); an anomaly issue whose KPI has turned
   red becomes the red issue. A new anomaly after one closed is a new issue;
3. applies the chair's decisions (minutes.py): the latest decision on an issue is shown with
   it, and `solved` or `dropped` closes it. An issue the chair closed is not raised again
   while its condition lasts (the row is kept as `held`, not listed); once the KPI recovers,
   the next red week or anomaly is a new issue;
4. adds the team's own issues (raised in minutes) until the chair solves or drops them;
5. replaces its own rows in the table (open, closed, solved, dropped, held), in the run's one
   transaction. Re-running a review therefore gives the same list; rows of other reviews are
   never touched. Each closed issue is listed once, in the first review of C after it closed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from .minutes import CLOSING, Record, order_key
from .model import Issue, KpiRow, Period, Review

HELD = "held"


def previous_review(con: sqlite3.Connection, review: Review) -> str | None:
    """The latest earlier review of the same cadence (period start before P's), whether or
    not it raised an issue: every review is in `review_runs`, while a review that raised none
    has no row in `review_issues` (a store from before `review_runs` has its reviews there
    only, so both are read)."""
    p = review.period
    row = con.execute(
        "SELECT review_id FROM (SELECT review_id, period_start FROM review_runs"
        " WHERE cadence = ? AND period_start < ? UNION SELECT review_id, period_start"
        " FROM review_issues WHERE cadence = ? AND period_start < ?)"
        " ORDER BY period_start DESC LIMIT 1",
        (p.kind, p.start.isoformat(), p.kind, p.start.isoformat())).fetchone()
    return None if row is None else str(row[0])


def previous_rows(con: sqlite3.Connection, review: Review) -> tuple[str | None, list[Issue]]:
    """The latest earlier review of the same cadence (None: this is the first), and every row
    it wrote (none when it raised no issue)."""
    prev = previous_review(con, review)
    if prev is None:
        return None, []
    rows = con.execute(
        "SELECT role_key, kpi, platform, kind, owner, why, opened_in, status, decision "
        "FROM review_issues WHERE review_id = ? ORDER BY role_key, kpi, platform, kind",
        (prev,)).fetchall()
    return prev, [Issue(r[0], r[1], r[2], r[3], r[4], r[5], r[6], carried_over=True,
                          status=r[7], decision=r[8] or "") for r in rows]


def previous_open(con: sqlite3.Connection, review: Review) -> tuple[str | None, list[Issue]]:
    prev, rows = previous_rows(con, review)
    return prev, [i for i in rows if i.status == "open"]


def back_on_target(issue: Issue, k: KpiRow | None) -> bool:
    """A red KPI's issue closes when the KPI is green; an anomaly's when the value is no longer
    an unannotated anomaly (a red KPI's anomaly lives in its red issue)."""
    if k is None or k.value is None:
        return False  # not tracked at this cadence any more, or no number: leave it open
    if issue.kind == "red":
        return k.status == "green"
    return not (k.anomaly and not k.annotation)


def _since(opened_in: str) -> tuple[dt.date, int] | None:
    from ..periods import parse_period_id

    try:
        kind, (start, end) = parse_period_id(opened_in)
    except (ValueError, OverflowError):  # a row written by hand: every decision applies
        return None
    return order_key(Period(opened_in, kind, start, end))


def raise_issues(con: sqlite3.Connection, review: Review,
                 why_red: Callable[[KpiRow], str], why_anomaly: Callable[[KpiRow], str],
                 record: Record | None = None) -> list[Issue]:
    """Fill `review.issues` and `review.closed`; return the held rows (`record` writes them
    all once the files are ready)."""
    rec = record or Record()
    rid = review.period.id
    by_key = {k.key: k for k in review.kpis}
    new: dict[tuple[str, str, str, str], Issue] = {}
    for k in review.kpis:
        t = k.t
        if k.status == "red":
            new[(t.role_key, t.kpi, t.place, "red")] = Issue(
                t.role_key, t.kpi, t.place, "red", t.role_title, why_red(k), rid)
        elif k.anomaly and not k.annotation:
            new[(t.role_key, t.kpi, t.place, "anomaly")] = Issue(
                t.role_key, t.kpi, t.place, "anomaly", t.role_title, why_anomaly(k), rid)
    prev_id, earlier = previous_rows(con, review)
    open_: dict[tuple[str, str, str, str], Issue] = {}
    closed: dict[tuple[str, str, str, str], Issue] = {}
    held: list[Issue] = []
    for old in earlier:
        if old.status in (*CLOSING, HELD):
            # closed by the chair: not raised again while the condition lasts
            fresh = new.pop(old.key, None)
            if fresh is not None:
                held.append(Issue(*old.key, fresh.owner, fresh.why, old.opened_in, True,
                                  status=HELD, decision=old.decision))
            continue
        if old.status != "open":
            continue
        now = by_key.get(old.key[:3])
        fresh = new.pop(old.key, None)
        red_key = (*old.key[:3], "red")
        if fresh is None and old.kind == "anomaly" and red_key in new:
            # the anomaly's KPI is red now: one issue, the red one, raised when the anomaly was
            fresh = new.pop(red_key)
        if fresh is not None:
            fresh.opened_in, fresh.carried_over = old.opened_in, True
            cur = fresh
        else:
            cur = old
            if now is not None and now.value is not None:  # this period's value
                cur.why = why_red(now) if old.kind == "red" else why_anomaly(now)
            cur.decision = ""
        if cur.key in open_:
            continue
        # the chair's word first: an issue solved or dropped in the minutes is closed as such,
        # even when the KPI is back on target too
        d = rec.latest_decision(cur.id, _since(cur.opened_in))
        if d is not None:
            cur.decision = d.decision or cur.decision
            if d.status in CLOSING:
                cur.status = d.status
                closed.setdefault(cur.key, cur)
                continue
        if fresh is None and back_on_target(old, now):
            cur.status = "closed"
            closed.setdefault(cur.key, cur)
            continue
        open_[cur.key] = cur
    for key, iss in new.items():
        open_.setdefault(key, iss)
    order = {k.key: i for i, k in enumerate(review.kpis)}

    def sort(i: Issue) -> tuple[int, bool, tuple[str, str, str, str]]:
        return (order.get(i.key[:3], len(order)), i.kind != "red", i.key)

    team_open, team_closed = _team(rec, review, prev_id)
    review.issues = sorted(open_.values(), key=sort) + team_open
    review.closed = sorted(closed.values(), key=sort) + team_closed
    return held


def _team(rec: Record, review: Review, prev_id: str | None) -> tuple[list[Issue], list[Issue]]:
    """The team's own issues: the open ones, and those closed since the last review of this
    cadence (listed once). The last review's own meeting counts: its minutes are filled in
    after that review was written, so an issue closed there is news to this review, as a
    review's issue the chair closed there is (`raise_issues`). The first review of a cadence
    lists every one closed before it."""
    since = _since(prev_id) if prev_id else None
    order = {m.period.id: order_key(m.period) for m in rec.minutes}
    open_, closed = [], []
    for t in rec.team.values():
        iss = Issue("", t.kpi, "", "team", t.owner, t.text, t.raised_in, True, "team",
                    t.decision, t.status, t.id)
        if t.status == "open":
            open_.append(iss)
        elif t.closed_in and (since is None or order[t.closed_in] >= since):
            closed.append(iss)
    return open_, closed


def record(con: sqlite3.Connection, review: Review, held: list[Issue]) -> None:
    """Replace this review's rows (inside the caller's transaction)."""
    p = review.period
    con.execute("DELETE FROM review_issues WHERE review_id = ?", (p.id,))
    rows = [*review.issues, *review.closed, *held]
    for i in rows:
        if i.raised_by != "review":
            continue  # the team's issues live in team_issues (minutes.py)
        con.execute(
            "INSERT INTO review_issues (review_id, cadence, period_start, period_end,"
            " role_key, kpi, platform, kind, opened_in, status, owner, why, raised_by, decision)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (p.id, p.kind, p.start.isoformat(), p.end.isoformat(), i.role_key, i.kpi,
             i.platform, i.kind, i.opened_in, i.status, i.owner, i.why, i.raised_by, i.decision))
