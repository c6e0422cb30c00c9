"""`linkstar generate ANSWERS --history FILE...`: the client's own numbers as a `History`.

Baselines are computed the way loads are (exports/pool.py): over the whole periods of the
KPI's frequency the files cover, a ratio as a ratio of sums, an amount (GMV, sessions) as the
mean per period (what a period's target is compared with). Each is kept per platform and site,
per platform (when every site the client sells on there is covered) and for the company (when
every platform is).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..answers.models import Answers
from ..errors import UsageError
from ..history import Baseline, BaselineKey, History
from ..library.compute import parse as parse_expr
from ..library.loader import Library
from ..periods import periods
from .mapping import all_formats
from .pool import Key
from .read import Span
from .sold import KitSales, read_pool


def build_history(paths: Sequence[Path | str], answers: Answers, library: Library, *,
                  mappings: Sequence[Path | str] = (), platform: str | None = None,
                  site: Sequence[str] | str | None = None, period: Span | None = None,
                  fx: dict[str, float] | None = None) -> tuple[History, list[str]]:
    sales = KitSales({p.id: list(p.sites) for p in answers.platforms},
                     currency=answers.client.currency)
    pool, extracts = read_pool([Path(p) for p in paths], all_formats(mappings), sales,
                               platform, site, period, fx)
    days = pool.covered()
    if not days:
        raise UsageError("the history files hold no day with a value")
    lines = [f"{ex.recognised.name}: {ex.recognised.format.name.en}, "
             f"{', '.join(s for s in ex.sites if s) or ex.platform}, {len(ex.days)} days"
             f"{ex.recognised.guessed}" for ex in extracts]
    lines += [f"note: {o}" for o in pool.overlaps]

    have = set(pool.keys)
    scopes: list[tuple[str, str, list[Key]]] = [(p, s, [(p, s)]) for p, s in pool.keys if s]
    for p, sites in sales.sites.items():
        keys = [(p, s) for s in (sites or [""])]
        if set(keys) <= have:
            scopes.append((p, "", keys))
    every = [(p, s) for p, sites in sales.sites.items() for s in (sites or [""])]
    if every and set(every) <= have:
        scopes.append(("", "", every))

    from .. import units

    baselines: dict[BaselineKey, Baseline] = {}
    wrong: list[str] = []
    for kpi in library.kpis.values():
        if not kpi.compute:
            continue
        expr = parse_expr(kpi.compute)
        for p, s, keys in scopes:
            full = pool.full_periods(kpi.frequency, keys, expr.measures)
            if not full:
                continue
            totals: dict[str, float] = {}
            files: set[str] = set()
            for a, b in full:
                got = pool.sums(keys, expr.measures, a, b)
                assert got is not None
                for m, v in got[0].items():
                    totals[m] = totals.get(m, 0.0) + v
                files |= got[1]
            value = expr.evaluate(totals)
            if value is None:
                continue
            if kpi.aggregation == "sum":
                value /= len(full)
            accepted = units.accepted(kpi.unit, kpi.signed, kpi.above_one)
            if not accepted.holds(value):
                # a baseline of 4209 % for a return rate (more returns than units) set targets
                # from nonsense; the load of the same files refuses it too (store/exports.py)
                where = " ".join(x for x in (p, s) if x) or "every platform"
                wrong.append(f"{kpi.id} on {where}, {full[0][0].isoformat()}.."
                             f"{full[-1][1].isoformat()}: {kpi.compute} = {value:.6g} from "
                             + ", ".join(sorted(files)) + f", outside {accepted.describe()}")
                continue
            baselines[(kpi.id, p, s)] = Baseline(value, full[0][0], full[-1][1], len(full),
                                                 " + ".join(sorted(files)))

    if wrong:
        more = f"\n  ... and {len(wrong) - 10} more" if len(wrong) > 10 else ""
        raise UsageError("the history files give values their KPIs cannot take; nothing was "
                         "written (check those columns of the files):\n  "
                         + "\n  ".join(wrong[:10]) + more)
    by_key: dict[tuple[str, str], float] = {}
    for p, s in pool.keys:
        total = sum(v for v, _ in pool.values.get((p, s, "sales"), {}).values())
        if (p, s, "sales") in pool.values:
            by_key[(p, s)] = round(total, 2)
    months: dict[str, float] = {}
    if every and set(every) <= have:
        for a, b in periods("monthly", min(days), max(days)):
            got = pool.sums(every, ["sales"], a, b)
            if got is not None:
                months[f"{a:%Y-%m}"] = round(got[0]["sales"], 2)
    return History(start=min(days), end=max(days), baselines=baselines,
                   sales_by_platform_site=by_key, sales_by_month=months,
                   fixed_cost_share=None, sources=tuple(pool.files)), lines

