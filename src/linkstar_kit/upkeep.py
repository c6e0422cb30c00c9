"""What `linkstar load` does to the kit besides loading: it first finishes a run that was
killed while moving files in (as `generate` and `review` do), and after the load it writes
`scorecard/scorecard-filled.xlsx`, the kit's workbook with the store's actuals in it.

A top-level module, above both the store (which `load` writes) and the kit's file writer and
workbook (which depend on the store), so that neither subpackage imports the other back.

`linkstar load` writes it after every load, so the owner's workbook is never empty: the same
sheets, formulas and colours as `scorecard/scorecard.xlsx` (which stays the blank the kit
generated), with every loaded number in its period's cell. It is moved in by the kit's
crash-safe commit and listed in the kit's manifest: once someone edits it, it is left alone
(and said so); move it away to get a fresh copy at the next load.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from .errors import LinkstarError, display_path

FILLED = "scorecard/scorecard-filled.xlsx"
BLANK = "scorecard/scorecard.xlsx"


def finish_interrupted(kit: Path) -> str | None:
    """A run killed while moving its files into `kit`, finished (or undone) first."""
    from .kit.files import finish_interrupted as finish

    return finish(kit)


def write_filled_workbook(kit: Path, store: Path) -> str:
    """Write FILLED from the store; return the line that says what happened (or why not)."""
    if not (kit / BLANK).is_file():
        return ""  # a kit generated without the xlsx format has no workbook to fill
    from .kit.blueprints import Blueprints
    from .kit.context import KitContext
    from .kit.files import KitFiles, commit, read_manifest, sha256
    from .kit.scorecard import build_workbook
    from .review.run import _kit_inputs, _kit_meta

    target = kit / FILLED
    try:
        manifest = read_manifest(kit) or {}
        if target.exists():
            entry = manifest.get(FILLED)
            if entry is None or entry.get("sha256") != sha256(target.read_bytes()):
                return (f"{display_path(target)} was edited since `load` wrote it: left as it "
                        "is (move it away to get a fresh copy with every number loaded)")
        answers, selection, library = _kit_inputs(kit, [], None)
        actuals = _actuals(store)
        data = build_workbook(KitContext(answers, selection, library, Blueprints()), actuals)
        files = KitFiles()
        files.add(FILLED, data)
        commit(kit, files, _kit_meta(kit))
    except (LinkstarError, OSError, sqlite3.Error) as exc:
        return f"{display_path(target)} was not written: {exc}"
    return f"wrote {display_path(target)}: the kit's workbook with every number loaded"


def _actuals(store: Path) -> dict[tuple[str, str, str, str], dict[dt.date, float]]:
    """(role_key, kpi, platform, site_group) -> period start -> value."""
    con = sqlite3.connect(store)
    try:
        rows = con.execute("SELECT role_key, kpi, platform, site_group, period_start, value "
                           "FROM actuals ORDER BY period_start").fetchall()
    finally:
        con.close()
    out: dict[tuple[str, str, str, str], dict[dt.date, float]] = {}
    for role, kpi, platform, group, start, value in rows:
        try:
            out.setdefault((role, kpi, platform, group), {})[dt.date.fromisoformat(start)] = \
                float(value)
        except (TypeError, ValueError):
            continue
    return out
