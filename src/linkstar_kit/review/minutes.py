"""The meeting's minutes: `reviews/<ID>/minutes.yaml`, written by each review, filled in by the
chair, read by every later review of any cadence.

A review writes its minutes file beside `review.md`: the review's issues (each with an empty
`decision` and a `status` to set), the open to-dos (each with `done` to tick), and empty
`todos`, `new_issues`, `headlines` and `priorities` lists. The next review reads every earlier
minutes file, oldest meeting first, and builds the record from them alone (`Record`): the
to-dos with who and by when, the decisions, the team's own issues, the last meeting's
headlines and the quarter's priorities. Nothing of it is kept anywhere else: editing an
earlier minutes file and re-running a review is how the record is corrected, and the store's
tables (`review_todos`, `review_decisions`, `team_issues`, `review_notes`) are rebuilt from the
files on every run, in the transaction that writes the review's issues.

Every problem in every minutes file is reported at once, with file:line:column and the key
path (the answers file's reader, documents.py); a bad file is refused and nothing is written.

Meetings are ordered by the last day of their period, then by cadence (a month's review after
the weekly review of the week that ends the same day, the quarter's after the month's).
Ids: an issue the review raised is `role/kpi/platform/kind` (`ads/acos/amazon/red`; no
platform: `ads/acos/red`), a team issue `<review>/I<n>`, a to-do `<review>/T<n>`, numbered in
the order of the minutes that raised them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, did_you_mean, excerpt
from ..errors import Issue as Problem
from ..periods import FIRST_DATE, LAST_DATE
from .model import CADENCE_ORDER, Period

MINUTES = "minutes.yaml"
STATUSES = ("open", "solved", "dropped")
CLOSING = ("solved", "dropped")
TOP_KEYS = ("review", "issues", "open_todos", "todos", "new_issues", "headlines", "priorities")
ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "issues": ("id", "decision", "status"),
    "open_todos": ("id", "done"),
    "todos": ("text", "owner", "due"),
    "new_issues": ("text", "owner", "kpi"),
    "headlines": ("text", "owner"),
    "priorities": ("text", "owner", "on_track"),
}
# A minutes file is a page of text; more is not minutes.
MAX_MINUTES_NODES = 20_000
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def order_key(p: Period) -> tuple[dt.date, int]:
    """Meetings in the order they are held (see the module's docstring)."""
    return (p.end, CADENCE_ORDER[p.kind])


@dataclass
class Todo:
    id: str
    text: str
    owner: str
    due: dt.date | None
    raised_in: str
    done_in: str | None = None

    def status(self, period: Period) -> str:
        """open, done, or overdue: not done and due on or before the reviewed period's last
        day (a date the file states, so the same review always says the same)."""
        if self.done_in is not None:
            return "done"
        if self.due is not None and self.due <= period.end:
            return "overdue"
        return "open"


@dataclass
class TeamIssue:
    id: str
    text: str
    owner: str
    kpi: str
    raised_in: str
    status: str = "open"
    closed_in: str | None = None
    decision: str = ""


@dataclass(frozen=True)
class Decision:
    review_id: str
    issue_id: str
    decision: str
    status: str


@dataclass(frozen=True)
class Note:
    """A headline, or a quarterly priority (on_track set)."""

    review_id: str
    text: str
    owner: str
    on_track: bool | None = None


@dataclass
class Minutes:
    period: Period
    file: Path
    issues: list[tuple[str, str, str]] = field(default_factory=list)  # id, decision, status
    ticks: dict[str, bool] = field(default_factory=dict)
    todos: list[tuple[str, str, dt.date | None]] = field(default_factory=list)
    new_issues: list[tuple[str, str, str]] = field(default_factory=list)
    headlines: list[tuple[str, str]] = field(default_factory=list)
    priorities: list[tuple[str, str, bool]] | None = None


@dataclass
class Record:
    """What the meetings before one review recorded, in meeting order."""

    minutes: list[Minutes] = field(default_factory=list)
    todos: dict[str, Todo] = field(default_factory=dict)
    team: dict[str, TeamIssue] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    headlines: list[Note] = field(default_factory=list)       # the last meeting's
    priorities: list[Note] = field(default_factory=list)      # the latest set
    every_note: list[tuple[str, Note]] = field(default_factory=list)  # (kind, note), all

    @property
    def last(self) -> Minutes | None:
        return self.minutes[-1] if self.minutes else None

    def latest_decision(self, iid: str, since: tuple[dt.date, int] | None = None
                        ) -> Decision | None:
        """The last decision on `iid` recorded at or after the meeting `since`."""
        found = None
        for m in self.minutes:
            if since is not None and order_key(m.period) < since:
                continue
            for d in self.decisions:
                if d.review_id == m.period.id and d.issue_id == iid:
                    found = d
        return found

    def completion(self) -> tuple[int, int] | None:
        """(done, listed) of the to-dos the last meeting checked, None when it checked none."""
        last = self.last
        if last is None or not last.ticks:
            return None
        return sum(1 for v in last.ticks.values() if v), len(last.ticks)


# --- reading -----------------------------------------------------------------------------------

def minutes_files(reviews: Path, before: Period, parse: Callable[[str], Period],
                  untouched: Callable[[Path], bool] = lambda f: False
                  ) -> list[tuple[Period, Path]]:
    """The minutes of every meeting held before the review of `before`, oldest first. A file
    still as the review wrote it (`untouched`) records nothing: nobody filled it in, so its
    to-dos were not checked (not "0 done")."""
    out: list[tuple[Period, Path]] = []
    if not reviews.is_dir():
        return out
    for folder in reviews.iterdir():
        f = folder / MINUTES
        if folder.is_symlink() or not folder.is_dir() or not f.is_file() or f.is_symlink():
            continue
        try:
            p = parse(folder.name)
        except Exception:  # noqa: BLE001 - a folder that is not a review's: not minutes
            continue
        if p.id != folder.name or untouched(f):
            continue
        if order_key(p) < order_key(before):
            out.append((p, f))
    return sorted(out, key=lambda x: order_key(x[0]))


def read_record(files: list[tuple[Period, Path]], known_issues: Callable[[str], set[str] | None],
                kpis: set[str] | None = None) -> Record:
    """Read and check every minutes file, then build the record; every problem of every file
    is reported at once (InputError), and then nothing is applied.

    `known_issues(review_id)` gives the ids of the issues that review listed (from the store),
    or None when the store does not know that review (then any well-formed id is taken)."""
    from ..errors import display_path
    from ..fastyaml import load_plain
    from ..positioned import Document, load_document

    rec = Record()
    problems: list[Problem] = []
    for period, f in files:
        # libyaml first (a tenth of the time); positions only when there is a problem to show
        m: Minutes | None = None
        try:
            fast = Document(display_path(f), load_plain(f))
            found: list[Problem] = []
            m = _check(fast, period, f, rec, known_issues, found, kpis)
            if found:
                m = None
        except Exception:  # noqa: BLE001 - anything odd: the positioned reader decides
            m = None
        if m is None:
            try:
                doc = load_document(f, max_nodes=MAX_MINUTES_NODES)
            except InputError as exc:
                problems += exc.issues
                continue
            before = len(problems)
            m = _check(doc, period, f, rec, known_issues, problems, kpis)
            if len(problems) > before:
                continue
        if m is not None:
            _apply(rec, m)
    if problems:
        problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
        raise InputError(problems, title="the minutes cannot be read; nothing was written")
    return rec


def _check(doc: Any, period: Period, f: Path, rec: Record,
           known_issues: Callable[[str], set[str] | None], problems: list[Problem],
           kpis: set[str] | None = None) -> Minutes | None:
    data = doc.data
    if data is None:
        return Minutes(period, f)  # an emptied file records nothing
    if not isinstance(data, dict):
        problems.append(doc.issue((), "expected the minutes' keys (review, issues, open_todos, "
                                  "todos, new_issues, headlines, priorities)"))
        return None
    m = Minutes(period, f)
    for key in data:
        if key not in TOP_KEYS:
            problems.append(doc.issue((key,), f"unknown key `{excerpt(key)}`",
                                      did_you_mean(key, TOP_KEYS)
                                      or "expected " + ", ".join(TOP_KEYS), key=True))
    rid = data.get("review")
    if rid is not None and str(rid) != period.id:
        problems.append(doc.issue(("review",), f"says `{excerpt(rid)}`, but the file is in the "
                                  f"folder of {period.id}", f"write {period.id}, or move the file"))

    def items(key: str) -> list[tuple[int, dict[str, Any]]]:
        raw = data.get(key)
        if raw is None:
            return []
        if not isinstance(raw, list):
            problems.append(doc.issue((key,), "expected a list (`- ` items), or `[]`"))
            return []
        out = []
        for i, it in enumerate(raw):
            if not isinstance(it, dict):
                problems.append(doc.issue((key, i), "expected an item with "
                                          + ", ".join(ITEM_KEYS[key])))
                continue
            for k in it:
                if k not in ITEM_KEYS[key]:
                    problems.append(doc.issue((key, i, k), f"unknown key `{excerpt(k)}`",
                                              did_you_mean(k, ITEM_KEYS[key]) or "expected "
                                              + ", ".join(ITEM_KEYS[key]), key=True))
            out.append((i, it))
        return out

    def text(key: str, i: int, it: dict[str, Any], name: str, required: bool) -> str:
        v = it.get(name)
        if v is None or (isinstance(v, str) and not v.strip()):
            if required:
                problems.append(doc.issue((key, i, name) if name in it else (key, i),
                                          f"`{name}` is empty: write it"))
            return ""
        if isinstance(v, (bool, dict, list)):
            problems.append(doc.issue((key, i, name), "expected text"))
            return ""
        return str(v).strip()

    known = known_issues(period.id)
    open_team = {t.id for t in rec.team.values() if t.status == "open"}
    for i, it in items("issues"):
        iid = text("issues", i, it, "id", True)
        status = it.get("status", "open")
        if status is None:
            status = "open"
        if status not in STATUSES:
            problems.append(doc.issue(("issues", i, "status"), f"`{excerpt(status)}` is not a "
                                      "status", did_you_mean(str(status), STATUSES)
                                      or "expected open, solved or dropped"))
            continue
        decision = text("issues", i, it, "decision", False)
        if iid and iid not in open_team and known is not None and iid not in known:
            choices = sorted(known | open_team)
            problems.append(doc.issue(("issues", i, "id"), f"`{excerpt(iid)}` is not an issue "
                                      f"of the {period.id} review",
                                      did_you_mean(iid, choices) or "the file lists its issues"
                                      " as the review wrote them"))
            continue
        if iid:
            m.issues.append((iid, decision, str(status)))
    open_todos = {t.id for t in rec.todos.values() if t.done_in is None}
    for i, it in items("open_todos"):
        tid = text("open_todos", i, it, "id", True)
        done = it.get("done", False)
        if done is None:
            done = False
        if not isinstance(done, bool):
            problems.append(doc.issue(("open_todos", i, "done"), f"`{excerpt(done)}` is not "
                                      "true or false", "write done: true when it is done"))
            continue
        if tid and tid not in open_todos:
            problems.append(doc.issue(("open_todos", i, "id"), f"`{excerpt(tid)}` is not an open "
                                      "to-do", did_you_mean(tid, open_todos)))
            continue
        if tid:
            m.ticks[tid] = done
    for i, it in items("todos"):
        t, owner = text("todos", i, it, "text", True), text("todos", i, it, "owner", True)
        due = it.get("due")
        if isinstance(due, str) and _ISO_DAY.fullmatch(due.strip()):
            # a date written in quotes ('2026-07-10') is still the date the person meant
            try:
                due = dt.date.fromisoformat(due.strip())
            except ValueError:
                problems.append(doc.issue(("todos", i, "due"), f"`{excerpt(due)}` is not a "
                                          "day of the calendar", "check the month and the day"))
                continue
        if due is not None and not isinstance(due, dt.date):
            problems.append(doc.issue(("todos", i, "due"), f"`{excerpt(due)}` is not a date",
                                      "write YYYY-MM-DD, or leave `due` out"))
            continue
        if isinstance(due, dt.datetime):
            due = due.date()  # a time of day on a to-do's due date says nothing more
        if due is not None and not FIRST_DATE <= due <= LAST_DATE:
            problems.append(doc.issue(("todos", i, "due"), f"`{due.isoformat()}` is outside "
                                      f"{FIRST_DATE.year}-{LAST_DATE.year}",
                                      "write the day the to-do is due"))
            continue
        m.todos.append((t, owner, due))
    for i, it in items("new_issues"):
        kpi = text("new_issues", i, it, "kpi", False)
        if kpi and kpis is not None and kpi not in kpis:
            problems.append(doc.issue(("new_issues", i, "kpi"), f"`{excerpt(kpi)}` is not a KPI "
                                      "this kit tracks", did_you_mean(kpi, kpis)
                                      or "leave `kpi` out, or write a KPI id of the kit"))
            continue
        m.new_issues.append((text("new_issues", i, it, "text", True),
                             text("new_issues", i, it, "owner", True), kpi))
    for i, it in items("headlines"):
        m.headlines.append((text("headlines", i, it, "text", True),
                            text("headlines", i, it, "owner", False)))
    if data.get("priorities") is not None:
        m.priorities = []
        for i, it in items("priorities"):
            on = it.get("on_track", True)
            if not isinstance(on, bool):
                problems.append(doc.issue(("priorities", i, "on_track"), f"`{excerpt(on)}` is "
                                          "not true or false", "on track: true; off: false"))
                continue
            m.priorities.append((text("priorities", i, it, "text", True),
                                 text("priorities", i, it, "owner", True), on))
    return m


def _apply(rec: Record, m: Minutes) -> None:
    rid = m.period.id
    rec.minutes.append(m)
    for tid, done in m.ticks.items():
        if done and rec.todos[tid].done_in is None:
            rec.todos[tid].done_in = rid
    for n, (text, owner, due) in enumerate(m.todos, 1):
        tid = f"{rid}/T{n}"
        rec.todos[tid] = Todo(tid, text, owner, due, rid)
    for iid, decision, status in m.issues:
        before = rec.latest_decision(iid)
        # the template repeats an open issue's latest decision so the chair edits rather than
        # retypes: the same words, still open, are no new decision (a close always is)
        same = (status == "open" and before is not None
                and (before.decision, before.status) == (decision, "open"))
        if (decision or status != "open") and not same:
            rec.decisions.append(Decision(rid, iid, decision, status))
        team = rec.team.get(iid)
        if team is not None and team.status == "open":
            if decision:
                team.decision = decision
            if status in CLOSING:
                team.status, team.closed_in = status, rid
    for n, (text, owner, kpi) in enumerate(m.new_issues, 1):
        iid = f"{rid}/I{n}"
        rec.team[iid] = TeamIssue(iid, text, owner, kpi, rid)
    rec.headlines = [Note(rid, t, o) for t, o in m.headlines]
    rec.every_note += [("headline", n) for n in rec.headlines]
    if m.priorities is not None:
        rec.priorities = [Note(rid, t, o, on) for t, o, on in m.priorities]
        rec.every_note += [("priority", n) for n in rec.priorities]


# --- the store's copy ---------------------------------------------------------------------------

def store_record(con: Any, rec: Record) -> None:
    """Rebuild the store's minutes tables from `rec` (inside the caller's transaction)."""
    for table in ("review_todos", "review_decisions", "team_issues", "review_notes"):
        con.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    for t in rec.todos.values():
        con.execute("INSERT INTO review_todos (id, text, owner, due, raised_in, done_in) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (t.id, t.text, t.owner, t.due.isoformat() if t.due else None, t.raised_in,
                     t.done_in))
    seen: set[tuple[str, str]] = set()
    for d in rec.decisions:
        if (d.review_id, d.issue_id) in seen:
            con.execute("DELETE FROM review_decisions WHERE review_id = ? AND issue_id = ?",
                        (d.review_id, d.issue_id))
        seen.add((d.review_id, d.issue_id))
        con.execute("INSERT INTO review_decisions (review_id, issue_id, decision, status) "
                    "VALUES (?, ?, ?, ?)", (d.review_id, d.issue_id, d.decision, d.status))
    for ti in rec.team.values():
        con.execute("INSERT INTO team_issues (id, text, owner, kpi, raised_in, closed_in, status)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (ti.id, ti.text, ti.owner, ti.kpi, ti.raised_in, ti.closed_in, ti.status))
    positions: dict[tuple[str, str], int] = {}
    for kind, n in rec.every_note:
        pos = positions[(n.review_id, kind)] = positions.get((n.review_id, kind), 0) + 1
        con.execute("INSERT OR REPLACE INTO review_notes (review_id, kind, position, text, "
                    "owner, on_track) VALUES (?, ?, ?, ?, ?, ?)",
                    (n.review_id, kind, pos, n.text, n.owner,
                     None if n.on_track is None else int(n.on_track)))


# --- writing the template -----------------------------------------------------------------------

def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", " ", text)


@dataclass(frozen=True)
class TemplateIssue:
    id: str
    label: str     # owner, KPI and why, for the comment above the item
    decision: str  # the latest decision recorded, kept so the chair edits rather than retypes


def template(period: Period, tx: dict[str, Any], issues: Iterable[TemplateIssue],
             todos: Iterable[tuple[Todo, str]], priorities: list[Note]) -> str:
    """The minutes file a review writes for its meeting (see the module's docstring)."""
    lines = ["# " + _comment(h.replace("{id}", period.id)) for h in tx["header"]]
    lines += ["", f"review: {period.id}", "", "# " + _comment(tx["issues"])]
    items = list(issues)
    lines.append("issues:" if items else "issues: []")
    for it in items:
        lines += [f"# {_comment(it.label)}", f"- id: {_q(it.id)}",
                  f"  decision: {_q(it.decision)}", "  status: open"]
    lines += ["", "# " + _comment(tx["open_todos"])]
    todo_items = list(todos)
    lines.append("open_todos:" if todo_items else "open_todos: []")
    for t, label in todo_items:
        lines += [f"# {_comment(label)}", f"- id: {_q(t.id)}", "  done: false"]
    for key in ("todos", "new_issues", "headlines"):
        lines += ["", "# " + _comment(tx[key]), f"{key}: []"]
    if period.kind == "quarterly" or priorities:
        lines += ["", "# " + _comment(tx["priorities"])]
        if period.kind == "quarterly" or not priorities:
            lines.append("priorities: []")
        else:
            lines.append("priorities:")
            for p in priorities:
                lines += [f"- text: {_q(p.text)}", f"  owner: {_q(p.owner)}",
                          f"  on_track: {'true' if p.on_track else 'false'}"]
    return "\n".join(lines) + "\n"
