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
