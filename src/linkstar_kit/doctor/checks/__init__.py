"""The health check: answers + selection + library -> findings.

One module per theme (fit, goals, alignment, kpis, gaming, data, targets, platforms, pay,
review); each `check_*` function looks at one thing the method cares about and yields findings in the
language of the selection. They run in a fixed order, so the same input always gives the same
list. Decisions worth knowing (they are the product's reading of the method, see
`reference/method.md`):

- Alignment (FAQ: "align with the level above"). A goal is driven when a selected KPI is the
  goal KPI or names it in `drives` (as the engine counts drivers). A role KPI is aligned when
  it is a goal, drives an aligned KPI (the library's `drives` graph, followed transitively),
  measures a goal's outcome from another angle (the goal drives it directly, on the same
  balance: GMV -> GMV growth), carries a platform's official threshold (that is a licence to
  operate: every goal needs the account alive), or guards an aligned KPI of the same role as
  one of its `counter` metrics.
  A role none of whose KPIs is aligned gets one finding for the role, not one per KPI.
- Gaming (the article's scenario 2, "sales up, profit down"). A role is one-sided when every
  KPI it holds pulls the same way: all efficiency/cash (ACoS, ROAS, CPC: met by spending and
  selling less) or all growth (met by buying sales at a loss). Otherwise a KPI with `counter`
  metrics is guarded when the role holds one of them, or another KPI of the same balance as
  one of them (GMV guards ACoS as well as GMV growth does).
- Actions (pitfall 1). The library model requires two actions per KPI, so an empty list cannot
  load; what can is a placeholder ("TBD" in either language, "...", "-") or the same action
  twice, typically in a house library (checks/placeholders.py). A KPI with no real action is
  an error, with one a warning.
- Data (pitfalls 3 and 9). A KPI is fed when one of its data sources is a system the client
  has (`engine.sources.available_systems`). No ERP leaves every number to be exported by hand
  from each platform; no BI tool (or only spreadsheets) means no dashboard.
- Pay (pitfalls 7 and 8). More than 50 % of variable pay on KPIs turns them into punishment.
  When KPIs feed pay, what keeps contributions numbers miss in the review is the role's list
  of `soft_contributions` in the library (the role card shows it, the review weighs it): a
  role with none has no such room.
- Goals (SMART, step 2) are checked in `doctor/goals.py`.

Every sentence is catalog data (`doctor.findings.<code>` in catalog/<lang>.yaml).
- Pitfalls 4 (annotate anomalies) and 6 (involve the people who carry the KPIs) are about how
  the system is run, not how it is built: the agendas cover them and no finding can see them.
"""

from __future__ import annotations

import datetime as dt

from ...answers.models import Answers
from ...engine.models import Selection
from ...library.loader import Library
from ..context import Check, Context
from ..findings import Finding, sort_findings
from ..goals import GOAL_CHECKS
from .alignment import aligned, check_alignment
from .data import check_data
from .fit import check_fit
from .gaming import check_gaming
from .kpis import check_actions, check_kpi_count
from .pay import check_incentives
from .placeholders import is_placeholder, real_actions
from .platforms import check_platform_measures
from .review import (
    check_review,
    check_review_after_close,
    check_subdivision,
    close_working_days,
)
from .targets import check_open_targets, check_stale_targets

__all__ = ["aligned", "check", "close_working_days", "is_placeholder", "real_actions"]


def check(answers: Answers, library: Library, selection: Selection | None = None, *,
          today: dt.date | None = None, language: str | None = None) -> list[Finding]:
    """Every finding about `answers`, errors first.

    `selection` is the engine's result for these answers (computed when not given); `today` is
    the reference date for staleness (default: today's date; the kit document passes
    `scope.start` so that it stays reproducible).
    """
    from ...engine.select import select

    if selection is None:
        selection = select(answers, library, language=language)
    ctx = Context(answers, selection, library, language or selection.client.language,
                  today or dt.date.today())
    findings: list[Finding] = []
    checks: tuple[Check, ...] = (
        check_fit, *GOAL_CHECKS, check_alignment, check_kpi_count, check_actions,
        check_gaming, check_data, check_stale_targets, check_open_targets,
        check_platform_measures, check_incentives, check_review, check_review_after_close,
        check_subdivision)
    for run in checks:
        findings.extend(run(ctx))
    return sort_findings(findings)
