"""What the client's own history says, in the form the engine reads it.

This is the contract between the report readers (`linkstar_kit.exports`: platform and ERP
exports in, base measures per day, platform and site) and their consumers: the targets
(`engine/targets.py`: baselines and calibrated targets) and the goal cascade (`pacing.py`:
platform shares, the client's own months, the fixed-cost share). The readers build a
`History`; `select(..., history=...)` and the plans take it; with no history (None) every
consumer falls back to what the answers alone allow, and says so.

Plain data only: no reader, no library, no rendering lives here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

# (kpi id, platform id or "" for company-wide, site code or "" for every site of the platform)
BaselineKey = tuple[str, str, str]


@dataclass(frozen=True)
class Baseline:
    """A KPI's value over the history window, computed from the base measures the way the
    library's formula says (sums first, then the ratio)."""

    value: float
    start: dt.date
    end: dt.date
    periods: int  # whole periods of the KPI's frequency the window covers
    source: str = ""  # the report(s) it came from, as the documents name them


@dataclass(frozen=True)
class History:
    """The client's own numbers over a window (usually the last quarter)."""

    start: dt.date
    end: dt.date
    baselines: Mapping[BaselineKey, Baseline] = field(default_factory=dict)
    # Sales (the GMV base measure, in the client's currency) per (platform, site) over the
    # window: the shares a company GMV goal is split by.
    sales_by_platform_site: Mapping[tuple[str, str], float] = field(default_factory=dict)
    # Company sales per calendar month, "YYYY-MM": the client's own season.
    sales_by_month: Mapping[str, float] = field(default_factory=dict)
    # Fixed costs ÷ sales, from a profit report, when the history has one.
    fixed_cost_share: float | None = None
    # The files read, in the order given (names only: no paths of the consultant's machine).
    sources: tuple[str, ...] = ()

    def baseline(self, kpi: str, platform: str | None = None, site: str | None = None
                 ) -> Baseline | None:
        """The most specific baseline known: (kpi, platform, site), then the platform's, then
        the company's."""
        for key in ((kpi, platform or "", site or ""), (kpi, platform or "", ""), (kpi, "", "")):
            if key in self.baselines:
                return self.baselines[key]
        return None


# --- history.json: the facts a kit was made from (no file paths), so that a re-generation and
# the reviews read the same baselines --------------------------------------------------------

HISTORY_SCHEMA = "linkstar/history@1"


def history_to_json(h: History) -> dict[str, object]:
    return {
        "schema": HISTORY_SCHEMA,
        "start": h.start.isoformat(), "end": h.end.isoformat(),
        "sources": list(h.sources),
        "baselines": [
            {"kpi": k, "platform": p or None, "site": s or None, "value": round(b.value, 6),
             "start": b.start.isoformat(), "end": b.end.isoformat(), "periods": b.periods,
             "source": b.source}
            for (k, p, s), b in sorted(h.baselines.items())],
        "sales_by_platform_site": [
            {"platform": p, "site": s or None, "sales": round(v, 2)}
            for (p, s), v in sorted(h.sales_by_platform_site.items())],
        "sales_by_month": {m: round(v, 2) for m, v in sorted(h.sales_by_month.items())},
        "fixed_cost_share": h.fixed_cost_share,
    }


def history_from_json(data: Mapping[str, object]) -> History:
    """The inverse of `history_to_json`; ValueError (KeyError, TypeError) on a damaged file."""
    if data.get("schema") != HISTORY_SCHEMA:
        raise ValueError(f"not a {HISTORY_SCHEMA} file")
    d = dt.date.fromisoformat
    baselines = {}
    for b in data["baselines"]:  # type: ignore[attr-defined]
        baselines[(b["kpi"], b["platform"] or "", b["site"] or "")] = Baseline(
            float(b["value"]), d(b["start"]), d(b["end"]), int(b["periods"]), b["source"])
    shares = {(x["platform"], x["site"] or ""): float(x["sales"])
              for x in data["sales_by_platform_site"]}  # type: ignore[attr-defined]
    fcs = data.get("fixed_cost_share")
    return History(
        start=d(str(data["start"])), end=d(str(data["end"])), baselines=baselines,
        sales_by_platform_site=shares,
        sales_by_month={str(k): float(v) for k, v in
                        data["sales_by_month"].items()},  # type: ignore[attr-defined]
        fixed_cost_share=None if fcs is None else float(fcs),  # type: ignore[arg-type]
        sources=tuple(str(s) for s in data["sources"]))  # type: ignore[attr-defined]
