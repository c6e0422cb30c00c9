"""The review's issues: raised from red KPIs and unannotated anomalies, kept in the store.

The store's `review_issues` table is the review's own state (store/schema.py says how it is
read). A review of cadence C for period P:

1. reads the open issues of the latest earlier review of C (period start before P's);
2. closes each one whose KPI is back on target now (`back_on_target`), and carries the
   others over, with the review that first raised them;
3. adds its own: each red KPI, and each anomaly without an annotation;
4. replaces its own rows in the table with the result (open ones, and the closed ones as
   closed), in one transaction. Re-running a review therefore gives the same list; rows of
   other reviews are never touched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .model import Issue, KpiRow, Review


def previous_open(con: sqlite3.Connection, review: Review) -> tuple[str | None, list[Issue]]:
    p = review.period
    row = con.execute("SELECT review_id FROM review_issues WHERE cadence = ? AND period_start < ?"
                      " ORDER BY period_start DESC LIMIT 1",
                      (p.kind, p.start.isoformat())).fetchone()
    if row is None:
        return None, []
    rows = con.execute(
        "SELECT role_key, kpi, platform, kind, owner, why, opened_in FROM review_issues "
        "WHERE review_id = ? AND status = 'open' ORDER BY role_key, kpi, platform, kind",
        (row[0],)).fetchall()
    return row[0], [Issue(r[0], r[1], r[2], r[3], r[4], r[5], r[6], carried_over=True)
                    for r in rows]


def back_on_target(issue: Issue, k: KpiRow | None) -> bool:
    """A red KPI's issue closes when the KPI is green; an anomaly's when the KPI is no longer
    an unannotated anomaly and not red (a red one stays on the list as its red issue)."""
    if k is None:
        return False  # a KPI the kit no longer tracks at this cadence: leave its issue open
    if issue.kind == "red":
        return k.status == "green"
    return k.status in ("green", "no_target") and not (k.anomaly and not k.annotation)


def raise_issues(con: sqlite3.Connection, review: Review,
                 why_red: Callable[[KpiRow], str], why_anomaly: Callable[[KpiRow], str]) -> None:
    """Fill `review.issues` and `review.closed` (`record` writes them once the files are)."""
    rid = review.period.id
    by_key = {k.key: k for k in review.kpis}
    new: dict[tuple[str, str, str, str], Issue] = {}
    for row in review.kpis:
        k, t = row, row.t
        if k.status == "red":
            new[(t.role_key, t.kpi, t.place, "red")] = Issue(
                t.role_key, t.kpi, t.place, "red", t.role_title, why_red(k), rid)
        if k.anomaly and not k.annotation:
            new[(t.role_key, t.kpi, t.place, "anomaly")] = Issue(
                t.role_key, t.kpi, t.place, "anomaly", t.role_title, why_anomaly(k), rid)
    _, carried = previous_open(con, review)
    open_: list[Issue] = []
    closed: list[Issue] = []
    for old in carried:
        now = by_key.get(old.key[:3])
        fresh = new.pop(old.key, None)
        if fresh is not None:
            fresh.opened_in, fresh.carried_over = old.opened_in, True
            open_.append(fresh)
        elif back_on_target(old, now):
            closed.append(old)
        else:
            open_.append(old)
    open_ += list(new.values())
    order = {k.key: i for i, k in enumerate(review.kpis)}

    def sort(i: Issue) -> tuple[int, bool, tuple[str, str, str, str]]:
        return (order.get(i.key[:3], len(order)), i.kind != "red", i.key)

    review.issues = sorted(open_, key=sort)
    review.closed = sorted(closed, key=sort)


def record(con: sqlite3.Connection, review: Review) -> None:
    p = review.period
    con.execute("BEGIN IMMEDIATE")
    try:
        con.execute("DELETE FROM review_issues WHERE review_id = ?", (p.id,))
        for status, items in (("open", review.issues), ("closed", review.closed)):
            for i in items:
                con.execute(
                    "INSERT INTO review_issues (review_id, cadence, period_start, period_end,"
                    " role_key, kpi, platform, kind, opened_in, status, owner, why)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (p.id, p.kind, p.start.isoformat(), p.end.isoformat(), i.role_key, i.kpi,
                     i.platform, i.kind, i.opened_in, status, i.owner, i.why))
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
