#!/usr/bin/env python3
"""The weekly review's speed (issue 18): a 12-role kit with 52 weeks of actuals, reviewed
week after week with the minutes filled in, as a team runs it.

Prints the median wall and CPU time (user + sys: on a shared machine, what the command costs)
of fresh `linkstar review` processes for the 52nd week: Markdown alone and Markdown + HTML
with a trend chart per KPI (target < 1 s each, issue 21), with eight earlier
meetings' minutes to read (to-dos, decisions, team issues, headlines). Asserts nothing.
`BENCH_PROFILE=1` adds an in-process cProfile of the md,html run (the top 15 by cumulative time).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import LINKSTAR, RUNS, fresh_all, review_kit  # noqa: E402


def _no_aliases_dumper() -> type:
    import yaml

    class NoAliases(yaml.SafeDumper):
        def ignore_aliases(self, data: object) -> bool:
            return True

    return NoAliases


def minutes_history(kit: Path, last_week: str) -> None:
    """Eight weekly meetings before `last_week`, each with its minutes filled in."""
    import yaml

    from linkstar_kit.periods import parse_period_id, period_id
    from linkstar_kit.review.run import run_review

    dumper = _no_aliases_dumper()
    _, (start, _) = parse_period_id(last_week)
    import datetime as dt

    weeks = [period_id("weekly", start - dt.timedelta(weeks=n)) for n in range(8, 0, -1)]
    for i, week in enumerate(weeks):
        run_review(kit, week, "md")
        f = kit / "reviews" / week / "minutes.yaml"
        m = yaml.safe_load(f.read_text(encoding="utf-8"))
        for j, issue in enumerate(m["issues"]):
            if j % 3 == 0:
                issue["decision"] = f"decided in {week}"
        for j, todo in enumerate(m["open_todos"]):
            todo["done"] = j % 2 == 0
        m["todos"] = [{"text": f"to-do {k} of {week}", "owner": "Ops", "due": start}
                      for k in range(3)]
        m["new_issues"] = [{"text": f"team issue of {week}", "owner": "Lead"}] if i % 2 else []
        m["headlines"] = [{"text": f"news of {week}", "owner": "Ops"}]
        # as a person writes them: no `&id001` anchors for the repeated due date (which
        # PyYAML's dumper adds, and which send the reader to its slower positioned path)
        f.write_text(yaml.dump(m, Dumper=dumper, allow_unicode=True, sort_keys=False),
                     encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        kit, week, n_actuals = review_kit(Path(tmp))
        minutes_history(kit, week)
        rows = []
        for fmts, target in (("md", "1 s"), ("md,html", "1 s")):
            t, c, m = fresh_all([str(LINKSTAR), "review", str(kit), "--period", week,
                                 "--format", fmts])
            rows.append((f"review --format {fmts} ({n_actuals} actuals, 8 minutes files)",
                         f"{t:.3f} s", f"{c:.3f} s", f"{m:.0f} MiB", f"< {target}"))
        width = max(len(r[0]) for r in rows)
        print(f"{'what':<{width}}  {'wall':>8}  {'CPU':>8}  {'peak':>8}  target")
        for name, tm, cpu, mem, target in rows:
            print(f"{name:<{width}}  {tm:>8}  {cpu:>8}  {mem:>8}  {target}")
        print(f"\n{RUNS} runs per fresh process; Python {sys.version.split()[0]}; "
              f"{os.cpu_count()} cores")
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats

            from linkstar_kit.review.run import run_review

            prof = cProfile.Profile()
            prof.runcall(run_review, kit, week, "md,html")
            pstats.Stats(prof).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
