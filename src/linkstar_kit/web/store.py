"""The clients and their drafts, in one SQLite file inside the data folder.

A draft is saved with the revision it was read at; a save from an older revision (another tab,
another device) is refused as a conflict instead of overwriting the newer answers silently.
Every query names its values as parameters; the only file opened is `<data>/linkstar-web.db`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DB_NAME = "linkstar-web.db"
# 32 random bytes, URL-safe: 43 characters. Anything else is not a token and is not looked up.
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS clients (
    token    TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    lang     TEXT NOT NULL,
    data     TEXT NOT NULL,
    rev      INTEGER NOT NULL,
    created  TEXT NOT NULL,
    updated  TEXT NOT NULL
)
"""
# Added after the first release: a database of an older server gains them on open.
_COLUMNS = {"submitted": "TEXT", "archived": "INTEGER NOT NULL DEFAULT 0"}
_FIELDS = "token, label, lang, data, rev, created, updated, submitted, archived"
# SQLite's INTEGER is 64-bit signed: a revision outside it is no revision of ours.
MAX_REV = 2**63 - 1


class Conflict(Exception):
    """The draft changed since the revision the save was based on."""

    def __init__(self, current: int) -> None:
        super().__init__(f"the draft is at revision {current}")
        self.current = current


@dataclass
class Client:
    token: str
    label: str
    lang: str
    data: dict[str, Any]
    rev: int
    created: str
    updated: str
    submitted: str | None = None    # when the client sent the answers (read-only since)
    archived: bool = False

    @property
    def status(self) -> str:
        """not_started, in_progress or submitted."""
        if self.submitted:
            return "submitted"
        return "in_progress" if self.rev > 1 else "not_started"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _client(row: Any) -> Client:
    return Client(row[0], row[1], row[2], json.loads(row[3]), row[4], row[5], row[6], row[7],
                  bool(row[8]))


class Store:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / DB_NAME
        with self._db():
            pass

    def _create(self, db: sqlite3.Connection) -> None:
        db.execute(_SCHEMA)
        have = {r[1] for r in db.execute("PRAGMA table_info(clients)")}
        for name, kind in _COLUMNS.items():
            if name not in have:
                db.execute(f"ALTER TABLE clients ADD COLUMN {name} {kind}")

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        # One connection per operation: requests run on several threads. A database deleted
        # while the server runs is created again (empty) rather than left as an empty file.
        fresh = not self.path.exists()
        if fresh:
            self.folder.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=5)
        try:
            with db:
                if fresh or not hasattr(self, "_ready"):
                    self._create(db)
                    self._ready = True
                yield db
        finally:
            db.close()

    def create(self, label: str, lang: str, data: dict[str, Any] | None = None) -> Client:
        token, now = new_token(), _now()
        body = data if data is not None else {"version": 1, "client": {"name": label,
                                                                        "language": lang}}
        with self._db() as db:
            db.execute("INSERT INTO clients (token, label, lang, data, rev, created, updated) "
                       "VALUES (?, ?, ?, ?, 1, ?, ?)",
                       (token, label, lang, json.dumps(body, ensure_ascii=False), now, now))
        return Client(token, label, lang, body, 1, now, now)

    def get(self, token: str) -> Client | None:
        if not TOKEN_RE.match(token):
            return None
        with self._db() as db:
            row = db.execute(f"SELECT {_FIELDS} FROM clients WHERE token = ?",
                             (token,)).fetchone()
        return None if row is None else _client(row)

    def all(self, archived: bool = False) -> list[Client]:
        with self._db() as db:
            rows = db.execute(f"SELECT {_FIELDS} FROM clients WHERE archived = ? "
                              "ORDER BY created, token", (int(archived),)).fetchall()
        return [_client(r) for r in rows]

    def save(self, token: str, data: dict[str, Any], based_on: int) -> int:
        """Store `data` if the draft is still at `based_on` and not submitted; the new revision,
        else Conflict. Data equal to the draft's is not saved again (the revision stays)."""
        if not 0 <= based_on <= MAX_REV:
            based_on = -1
        with self._db() as db:
            row = db.execute("SELECT rev, data, submitted FROM clients WHERE token = ?",
                             (token,)).fetchone()
            if row is None:
                raise KeyError(token)
            if row[0] == based_on and row[2] is None and json.loads(row[1]) == data:
                return int(row[0])
            cur = db.execute("UPDATE clients SET data = ?, rev = rev + 1, updated = ? "
                             "WHERE token = ? AND rev = ? AND submitted IS NULL",
                             (json.dumps(data, ensure_ascii=False), _now(), token, based_on))
            row = db.execute("SELECT rev FROM clients WHERE token = ?", (token,)).fetchone()
        if row is None:
            raise KeyError(token)
        if cur.rowcount != 1:
            raise Conflict(row[0])
        return int(row[0])

    def submit(self, token: str, based_on: int) -> bool:
        """Mark the answers sent (the link turns read-only); False when they changed since."""
        with self._db() as db:
            cur = db.execute("UPDATE clients SET submitted = ? WHERE token = ? AND rev = ? "
                             "AND submitted IS NULL", (_now(), token, based_on))
        return cur.rowcount == 1

    def reopen(self, token: str) -> None:
        """The consultant gives the link back to the client (for changes)."""
        with self._db() as db:
            db.execute("UPDATE clients SET submitted = NULL, rev = rev + 1 WHERE token = ?",
                       (token,))

    def archive(self, token: str, archived: bool = True) -> None:
        with self._db() as db:
            db.execute("UPDATE clients SET archived = ? WHERE token = ?",
                       (int(archived), token))

    def set_lang(self, token: str, lang: str) -> None:
        with self._db() as db:
            db.execute("UPDATE clients SET lang = ? WHERE token = ?", (lang, token))
