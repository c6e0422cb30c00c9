"""`linkstar load KIT FILE...` for report exports: the platforms' own downloads in, KPI values
per role, KPI, platform and period out, into the same store rows as the actuals CSV.

Each value is the KPI's `compute` expression over the period's sums (exports/pool.py), taken
over the platforms its row stands for: a row of one platform over every site the kit sells on
there, a row for every platform ("") over all the role's platforms. A row whose platforms or
sites the files do not all cover is left out, never filled with part of the business.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError, display_path
from ..exports.mapping import all_formats
from ..exports.pool import Key, Pool
from ..exports.read import Extract, Span
from ..exports.sold import KitSales, read_pool
from ..library.compute import parse as parse_expr
from ..library.loader import Library
from ..periods import periods
from ..units import Accepted
from .loader import (
    COLUMNS,
    LoadResult,
    MeasureRow,
    _parse,
    _Row,
    open_kit,
    read_measures,
    write_rows,
)
from .tracking import ALL, COMPANY


def kit_sales(kit: Path) -> KitSales:
    import json

    import yaml

    try:
        answers = yaml.safe_load((kit / "answers.yaml").read_text(encoding="utf-8")) or {}
        selection = json.loads((kit / "selection.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        raise UsageError(f"{display_path(kit)} has no readable answers.yaml and selection.json: "
                         "regenerate the kit") from None
    sites = {str(p["id"]): [str(s) for s in p.get("sites") or []]
             for p in answers.get("platforms") or []}
    roles = {str(r["key"]): [str(p) for p in r.get("platforms") or []]
             for r in selection.get("roles") or []}
    currency = str((answers.get("client") or {}).get("currency") or "USD")
    return KitSales(sites, roles, currency)


def _is_actuals_csv(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    first = head.splitlines()[0] if head else ""
    cols = {c.strip().lower() for c in first.split(",")}
    return {"period_start", "role_key"} <= cols and len(cols & set(COLUMNS)) >= 3


@dataclass
class FileReport:
    extract: Extract
    kpis: list[str] = field(default_factory=list)

    def line(self) -> str:
        ex = self.extract
        fmt = ex.recognised.format
        days = ex.days
        where = ", ".join(s for s in ex.sites if s) or ex.platform
        spans = [sp for by_span in ex.data.values() for sp in by_span]
        weeks = _full(spans, "weekly")
        months = _full(spans, "monthly")
        kpis = ", ".join(self.kpis) if self.kpis else "no KPI the kit tracks"
        return (f"{ex.recognised.name}: {fmt.name.en}, {where}, {len(days)} day"
                f"{'' if len(days) == 1 else 's'} -> {weeks} week{'' if weeks == 1 else 's'}, "
                f"{months} month{'' if months == 1 else 's'}: {kpis}{ex.recognised.guessed}")


def _full(spans: list[Span], frequency: str) -> int:
    """The periods the file's rows cover whole, each row inside one period (a report of a
    whole month is one month, and no week)."""
    if not spans:
        return 0
    n = 0
    for a, b in periods(frequency, min(s[0] for s in spans), max(s[1] for s in spans)):
        inside = {s[0] + dt.timedelta(days=i) for s in spans if a <= s[0] and s[1] <= b
                  for i in range((s[1] - s[0]).days + 1)}
        if len(inside) == (b - a).days + 1:
            n += 1
    return n


def load_files(kit: Path | str, files: Sequence[Path | str], library: Library, *,
               platform: str | None = None, site: Sequence[str] | str | None = None,
               mappings: Sequence[Path | str] = (), period: Span | None = None,
               fx: dict[str, float] | None = None) -> tuple[LoadResult, list[str]]:
    """Load actuals CSVs and report exports together; (result, lines saying what was read)."""
    kit = Path(kit)
    script, tracked = open_kit(kit)
    paths = [Path(f) for f in files]
    for p in paths:
        if not p.exists():
            raise UsageError(f"{display_path(p)}: no such file")
    csvs = [p for p in paths if p.is_file() and _is_actuals_csv(p)]
    exports = [p for p in paths if p not in csvs]
    rows: list[_Row] = []
    skipped = 0
    lines: list[str] = []
    measures: list[MeasureRow] = []
    if exports:
        sales = kit_sales(kit)
        pool, extracts = read_pool(exports, all_formats(mappings), sales, platform, site, period,
                                   fx)
        names = [ex.recognised.name for ex in extracts]
        measures = pool.new_rows(names)
        pool.add_stored(read_measures(kit))
        computed, used = _computed(pool, tracked, sales, library)
        rows.extend(computed)
        for ex in extracts:
            lines.append(FileReport(ex, sorted(used.get(ex.recognised.name, set()))).line())
        lines.extend(f"note: {o}" for o in pool.overlaps)
    by_key = {r.key: r for r in rows}
    for p in csvs:
        csv_rows, n = _parse(p, tracked)
        skipped += n
        for r in csv_rows:  # a value typed in the kit's CSV wins over a computed one
            computed_row = by_key.get(r.key)
            if r.value is None and computed_row is not None:
                # a note-only row annotates the value computed from the exports
                r = dataclasses.replace(computed_row, annotation=r.annotation)
            by_key[r.key] = r
    return write_rows(kit, script, list(by_key.values()), skipped, measures,
                      csv_name=", ".join(display_path(p) for p in csvs)), lines


def row_keys(role: str, platform: str, group: str, sales: KitSales) -> list[Key]:
    """The (platform, site) pairs a row's value is computed over (the module docstring): its
    platform's sites, or for a row of every platform the role's platforms (the company's
    row: all of them); a site group's row ("US", "MY/PH") its own sites only."""
    if platform != ALL:
        plats = [platform]
    elif role == COMPANY:
        plats = list(sales.sites)
    else:
        plats = sales.role_platforms.get(role) or list(sales.sites)
    in_group = set(group.split("/")) if group else None
    return [(p, s) for p in plats for s in (sales.sites.get(p) or [""])
            if in_group is None or s in in_group]


def _computed(pool: Pool, tracked: dict[tuple[str, str, str, str], Any], sales: KitSales,
              library: Library) -> tuple[list[_Row], dict[str, set[str]]]:
    rows: list[_Row] = []
    used: dict[str, set[str]] = {}
    wrong: list[str] = []
    have = set(pool.keys)
    for (role, kpi_id, platform, group), info in tracked.items():
        kpi = library.kpis.get(kpi_id)
        if kpi is None or not kpi.compute:
            continue
        expr = parse_expr(kpi.compute)
        keys = row_keys(role, platform, group, sales)
        if not keys or not set(keys) <= have:
            continue
        accepted = Accepted(info.low, info.high)
        for a, b in pool.full_periods(info.frequency, keys, expr.measures):
            got = pool.value(expr, keys, a, b)
            if got is None:
                continue
            value, files = got
            if not accepted.holds(value):
                # never dropped in silence: a return count above the units sold gave a return
                # rate of 30 and the load said "no KPI the kit tracks" (exit 0)
                where = "" if platform == ALL else f" on {platform}" + (f" {group}" if group
                                                                          else "")
                wrong.append(f"{role} · {kpi_id}{where}, {a.isoformat()}..{b.isoformat()}: "
                             f"{kpi.compute} = {value:.6g} from " + ", ".join(sorted(files))
                             + f", outside {accepted.describe()}")
                continue
            rows.append(_Row(0, a.isoformat(), b.isoformat(), role, kpi_id, platform, group,
                             round(value, 6), "", " + ".join(sorted(files)), info.frequency))
            for f in files:
                used.setdefault(f, set()).add(kpi_id)
    if wrong:
        shown = list(dict.fromkeys(wrong))
        more = f"\n  ... and {len(shown) - 10} more" if len(shown) > 10 else ""
        raise UsageError("the exports give values their KPIs cannot take; nothing was written "
                         "(check those columns of the files):\n  " + "\n  ".join(shown[:10])
                         + more)
    return rows, used
