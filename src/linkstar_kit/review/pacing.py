"""A company goal's pace: where it should be by now (plan to date) and whether it is there.

One function, `goal_pace`, so that the review follows the kit's one pacing module when it
lands (w/numbers); until then the rule is stated here:

- plan to date: the straight line from the goal's baseline on `scope.start` to its target on
  `by`, read on the reviewed period's last day (the target itself when there is no baseline, or
  once `by` has passed);
- status: the actual to date against the plan to date with the goal's own operator, through
  the kit's one RAG definition (store/rag.py): green = on_track, amber (within 10 % of the
  plan) = at_risk, red = off_track; no actual yet = no_data.
"""

from __future__ import annotations

import datetime as dt

from ..store.rag import Rag

STATUS = {"green": "on_track", "amber": "at_risk", "red": "off_track"}


def plan_to_date(start: dt.date, by: dt.date, baseline: float | None, target: float,
                 on: dt.date) -> float:
    if baseline is None or on >= by:
        return target
    span = (by - start).days + 1
    done = min(max((on - start).days + 1, 0), span)
    return float(f"{baseline + (target - baseline) * done / span:.12g}")


def goal_pace(op: str, start: dt.date, by: dt.date, baseline: float | None, target: float,
              on: dt.date, actual: float | None) -> tuple[float, str]:
    """(plan to date, on_track | at_risk | off_track | no_data)."""
    plan = plan_to_date(start, by, baseline, target, on)
    if actual is None:
        return plan, "no_data"
    if op == "between":  # a goal is one number; a band is read as "at least its low end"
        op = ">="
    return plan, STATUS[Rag.from_target(op, plan).status(actual)]
