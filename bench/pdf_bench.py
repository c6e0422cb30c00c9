#!/usr/bin/env python3
"""How fast the documents come out: the full kit of the largest example, and its PDFs.

- the full kit (`linkstar generate`, every format) as a fresh process: what a user waits for;
- the PDF stage alone, rendered one after another in one process, then in parallel across
  processes (one per core): pages per second, and the speed-up.
Both PDF runs start from the same HTML with WeasyPrint already imported, so the comparison is
of rendering only. Each figure is the best of N runs (other work only ever adds time), and the
CPU that other processes took meanwhile is shown: on a busy machine the wall times, and the
speed-up above all, say more about the neighbours than about linkstar. The last line then
gives what the measured per-document CPU times make of the parallel run on idle cores.
Targets (issue 3): full kit for a 12-role client under 15 s on 2 cores; parallel PDFs at least
1.7x faster than one after another. Prints a table; asserts nothing.

    .venv/bin/python bench/pdf_bench.py [ANSWERS] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LINKSTAR = Path(sys.executable).with_name("linkstar")
DEFAULT = ROOT / "examples" / "multi-platform-30.yaml"


def own_cpu() -> float:
    """CPU seconds of this process and of its finished children (the PDF workers)."""
    a = resource.getrusage(resource.RUSAGE_SELF)
    b = resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def machine_busy() -> float:
    """CPU seconds every process on the machine has used since boot (Linux; 0 elsewhere)."""
    try:
        with open("/proc/stat") as fh:
            v = [int(x) for x in fh.readline().split()[1:]]
    except OSError:
        return 0.0
    return (sum(v) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def measure(fn: Callable[[], Any]) -> tuple[float, float, float, Any]:
    """(wall s, own CPU s, other processes' CPU s, result) of fn()."""
    b0, c0, t0 = machine_busy(), own_cpu(), time.perf_counter()
    result = fn()
    wall, mine = time.perf_counter() - t0, own_cpu() - c0
    return wall, mine, max(machine_busy() - b0 - mine, 0.0), result


def full_kit(answers: Path) -> Any:
    with tempfile.TemporaryDirectory(prefix="linkstar-bench-") as tmp:
        proc = subprocess.run([str(LINKSTAR), "generate", str(answers), "-o", f"{tmp}/kit"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"linkstar generate {answers} failed:\n{proc.stderr}")


def lpt_makespan(costs: list[float], workers: int) -> float:
    """Longest-first scheduling of the documents onto `workers` idle cores (what render_all
    does), from each document's measured CPU time."""
    load = [0.0] * workers
    for c in costs:  # already longest first
        load[load.index(min(load))] += c
    return max(load)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("answers", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT / "src"))
    from linkstar_kit.answers.loader import load_answers
    from linkstar_kit.engine.select import select
    from linkstar_kit.kit.blueprints import Blueprints
    from linkstar_kit.kit.context import KitContext
    from linkstar_kit.kit.pdf import default_workers, pdf_jobs, render_all, render_pdf
    from linkstar_kit.library.loader import load_library

    kit = min((measure(lambda: full_kit(args.answers)) for _ in range(args.runs)),
              key=lambda m: m[0])

    library = load_library()
    ans = load_answers(args.answers, library)
    ctx = KitContext(ans, select(ans, library), library, Blueprints())
    jobs = sorted(pdf_jobs(ctx), key=lambda j: (-j.size, j.path))  # render_all's order
    import weasyprint  # noqa: F401  # both runs start with it imported

    workers = max(2, default_workers())

    def sequential() -> tuple[int, list[float]]:
        pages, costs = 0, []
        for job in jobs:
            c0 = time.process_time()
            pages += render_pdf(job)[2]
            costs.append(time.process_time() - c0)
        return pages, costs

    seq = min((measure(sequential) for _ in range(args.runs)), key=lambda m: m[0])
    par = min((measure(lambda: render_all(jobs, workers=workers)) for _ in range(args.runs)),
              key=lambda m: m[0])
    pages, costs = seq[3]
    s, p = seq[0], par[0]
    idle = lpt_makespan(costs, workers)

    rows = [
        (f"full kit, every format ({args.answers.name}, {len(ctx.selection.roles)} roles)",
         kit, "target < 15 s" + ("  ok" if kit[0] < 15 else "  MISSED")),
        (f"PDFs one after another ({len(jobs)} documents, {pages} pages)", seq,
         f"{pages / s:.1f} pages/s"),
        (f"PDFs in parallel ({workers} processes)", par, f"{pages / p:.1f} pages/s"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'wall':>7}  {'cpu':>7}  {'others':>7}  note")
    for name, m, note in rows:
        print(f"{name:<{width}}  {m[0]:6.2f}s  {m[1]:6.2f}s  {m[2]:6.2f}s  {note}")
    print(f"{'speed-up, measured':<{width}}  {s / p:6.2f}x  {'':>7}  {'':>7}  "
          "target >= 1.7x" + ("  ok" if s / p >= 1.7 else "  MISSED"))
    print(f"{'speed-up on idle cores (from per-document CPU)':<{width}}  "
          f"{sum(costs) / idle:6.2f}x  {'':>7}  {'':>7}  "
          f"longest document {max(costs):.2f}s of {sum(costs):.2f}s")
    print(f"\nbest of {args.runs} runs; 'others' = CPU seconds other processes used meanwhile; "
          f"Python {sys.version.split()[0]}; {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
