"""Actuals for the review tests: weeks (and the months, days and quarters inside them) of
numbers for every row a kit tracks, made by a rule per row so each test knows what to expect."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from linkstar_kit.periods import period_of, periods
from linkstar_kit.store.schema import statements

Row = dict[str, Any]
ValueFn = Callable[[Row, int, dt.date], "float | None | tuple[float, str]"]


def tracked_rows(kit: Path) -> list[Row]:
    mem = sqlite3.connect(":memory:")
    mem.row_factory = sqlite3.Row
    for stmt in statements((kit / "data" / "schema.sql").read_text(encoding="utf-8")):
        mem.execute(stmt)
    rows = [dict(r) for r in mem.execute("SELECT * FROM targets ORDER BY sort_order")]
    mem.close()
    return rows


def green(row: Row, i: int) -> float:
    """A value that meets the row's target, with a small steady wiggle (+-2 %)."""
    wiggle = 1 + 0.02 * ((i % 3) - 1)
    op, lo, hi = row["op"], row["target_low"], row["target_high"]
    if op in (">=", ">"):
        base = lo * 1.2 if lo else 1.0
    elif op in ("<=", "<"):
        base = hi * 0.8 if hi else 0.0
    elif op == "between":
        base = (lo + hi) / 2
    else:
        base = 0.3 if row["unit"] == "ratio" else 50.0
    v = base * wiggle
    return min(v, 1.0) if row["unit"] == "ratio" else v


def default_value(row: Row, i: int, start: dt.date) -> float:
    return green(row, i)


def write_actuals(kit: Path, dest: Path, first: dt.date, last: dt.date,
                  value: ValueFn = default_value) -> Path:
    """Every row's periods (its own frequency) inside first..last, valued by `value`
    (None leaves the period out; a (value, note) pair adds an annotation)."""
    out = []
    for row in tracked_rows(kit):
        spans = [p for p in periods(row["frequency"], first, last)
                 if p[0] >= first and p[1] <= last]
        for i, (s, e) in enumerate(spans):
            v = value(row, i, s)
            if v is None:
                continue
            note = ""
            if isinstance(v, tuple):
                v, note = v
            out.append({"period_start": s.isoformat(), "period_end": e.isoformat(),
                        "role_key": row["role_key"], "kpi": row["kpi"],
                        "platform": row["platform"], "site_group": row.get("site_group", ""),
                        "value": repr(float(v)),
                        "annotation": note, "source": ""})
    with dest.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["period_start", "period_end", "role_key", "kpi",
                                           "platform", "site_group", "value", "annotation",
                                           "source"])
        w.writeheader()
        w.writerows(out)
    return dest


def week(d: dt.date) -> tuple[dt.date, dt.date]:
    return period_of("weekly", d)
