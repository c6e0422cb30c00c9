"""The quarterly review's suggestions, and the proposed answers file that carries them.

Per KPI, over its own reporting periods that lie inside the quarter:

- `fix_data`: some periods have no actual (it is reported, not judged, until the data flows);
- `replace_kpi`: the number never moved (the same value in every period, two or more);
- `raise_target`: green in every period: the target no longer stretches anyone; proposed, the
  worst value of the quarter (a level the team held every period);
- `lower_target`: red in every period: the target is out of reach as set; proposed, the
  quarter's best value.

Neither target change for an official platform line: a platform's threshold is not ours to
move; red, it stays on the issues list.

The answers file can say "replace": the KPI goes to the role's `exclude` (and out of `pin`).
Targets of role KPIs come from the library (or a house library), not from the answers: those
suggestions are written into the proposed file as comments for the consultant to act on.
"""

from __future__ import annotations

from collections.abc import Callable

from ..answers.dump import dump_answers
from ..answers.models import Answers
from ..rag import Rag
from .model import KpiRow, Period, Suggestion
from .store import Actual


def _inside(actuals: list[Actual], frequency: str, period: Period) -> list[Actual]:
    """The actuals of the KPI's own periods that belong to the quarter (periods.py)."""
    from ..periods import periods_in

    starts = {s for s, _ in periods_in(frequency, period.start, period.end)}
    return [a for a in actuals if a.start in starts]


def _count(frequency: str, period: Period) -> int:
    from ..periods import periods_in

    return len(periods_in(frequency, period.start, period.end))


def suggest(rows: list[KpiRow], actuals: dict[tuple[str, str, str], list[Actual]],
            period: Period, why: Callable[[str, KpiRow, dict[str, object]], str]
            ) -> list[Suggestion]:
    out: list[Suggestion] = []
    for k in rows:
        t = k.t
        group = t.site_group  # a row per group of sites where the line differs by site
        got = _inside(actuals.get(k.key, []), t.frequency, period)
        expected = max(_count(t.frequency, period), 1)
        values = [a.value for a in got]
        facts: dict[str, object] = {"n": len(values), "of": expected}
        if len(values) < expected:
            out.append(Suggestion(t.role_key, t.kpi, t.platform, "fix_data",
                                  why("fix_data", k, facts),
                                  site_group=group))
        if len(values) >= 2 and len(set(values)) == 1:
            facts["value"] = values[0]
            out.append(Suggestion(t.role_key, t.kpi, t.platform, "replace_kpi",
                                  why("replace_kpi", k, facts),
                                  site_group=group))
            continue
        rag: Rag | None = t.rag
        # A platform's own line is neither ours to raise nor to lower (see the docstring).
        official = t.target is not None and t.target.kind == "official"
        if rag is None or official or len(values) < expected or not values:
            continue
        statuses = {rag.status(v) for v in values}
        higher = t.target is not None and t.target.op in (">=", ">")
        if statuses == {"green"}:
            proposed = min(values) if higher else max(values)
            facts["value"] = proposed
            out.append(Suggestion(t.role_key, t.kpi, t.platform, "raise_target",
                                  why("raise_target", k, facts),
                                  proposed if t.target and t.target.op != "between" else None,
                                  site_group=group))
        elif statuses == {"red"} and t.target is not None:
            proposed = max(values) if higher else min(values)
            facts["value"] = proposed
            out.append(Suggestion(t.role_key, t.kpi, t.platform, "lower_target",
                                  why("lower_target", k, facts),
                                  proposed if t.target.op != "between" else None,
                                  site_group=group))
    return out


def proposed_answers(answers: Answers, suggestions: list[Suggestion], header: list[str],
                     comment: Callable[[Suggestion], str]) -> str:
    """The kit's answers with the suggestions that answers can carry applied, the others as
    comments; the consultant diffs it against answers.yaml and adopts what they agree with."""
    keys = answers.role_keys()
    replace: dict[str, list[str]] = {}
    for s in suggestions:
        if s.kind == "replace_kpi":
            replace.setdefault(s.role_key, [])
            if s.kpi not in replace[s.role_key]:
                replace[s.role_key].append(s.kpi)
    roles = []
    for r, key in zip(answers.roles, keys, strict=True):
        drop = replace.get(key, [])
        if drop:
            r = r.model_copy(update={
                "key": key,
                "pin": [k for k in r.pin if k not in drop],
                "exclude": list(r.exclude) + [k for k in drop if k not in r.exclude]})
        roles.append(r)
    text = dump_answers(answers.model_copy(update={"roles": roles}))
    lines = ["# " + h for h in header]
    lines += ["#   - " + comment(s) for s in suggestions]
    return "\n".join(lines) + "\n" + text
