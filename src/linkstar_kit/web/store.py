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


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


class Store:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / DB_NAME
        with self._db() as db:
            db.execute(_SCHEMA)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        # One connection per operation: requests run on several threads.
        db = sqlite3.connect(self.path, timeout=10)
        try:
            with db:
                yield db
        finally:
            db.close()

    def create(self, label: str, lang: str, data: dict[str, Any] | None = None) -> Client:
        token, now = new_token(), _now()
        body = data if data is not None else {"version": 1, "client": {"name": label,
                                                                        "language": lang}}
        with self._db() as db:
            db.execute("INSERT INTO clients VALUES (?, ?, ?, ?, 1, ?, ?)",
                       (token, label, lang, json.dumps(body, ensure_ascii=False), now, now))
        return Client(token, label, lang, body, 1, now, now)

    def get(self, token: str) -> Client | None:
        if not TOKEN_RE.match(token):
            return None
        with self._db() as db:
            row = db.execute("SELECT token, label, lang, data, rev, created, updated FROM clients "
                             "WHERE token = ?", (token,)).fetchone()
        if row is None:
            return None
        return Client(row[0], row[1], row[2], json.loads(row[3]), row[4], row[5], row[6])

    def all(self) -> list[Client]:
        with self._db() as db:
            rows = db.execute("SELECT token, label, lang, data, rev, created, updated FROM clients "
                              "ORDER BY created, token").fetchall()
        return [Client(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], r[6]) for r in rows]

    def save(self, token: str, data: dict[str, Any], based_on: int) -> int:
        """Store `data` if the draft is still at `based_on`; the new revision, else Conflict."""
        with self._db() as db:
            cur = db.execute("UPDATE clients SET data = ?, rev = rev + 1, updated = ? "
                             "WHERE token = ? AND rev = ?",
                             (json.dumps(data, ensure_ascii=False), _now(), token, based_on))
            row = db.execute("SELECT rev FROM clients WHERE token = ?", (token,)).fetchone()
        if row is None:
            raise KeyError(token)
        if cur.rowcount != 1:
            raise Conflict(row[0])
        return int(row[0])

    def set_lang(self, token: str, lang: str) -> None:
        with self._db() as db:
            db.execute("UPDATE clients SET lang = ? WHERE token = ?", (lang, token))
