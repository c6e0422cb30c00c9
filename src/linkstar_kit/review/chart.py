"""A small trend chart per KPI: SVG drawn with matplotlib (Agg backend, SVG output).

The chart carries no text: the KPI's name, its numbers and its status are in the table beside
it, in the kit's language, so a Chinese document needs no CJK font inside the SVG and the PDF
shows everything. It shows the trend (oldest left), the target as a dashed line (a band for
`between`), each point coloured by its status, the reviewed period's point larger, and a
ringed point where the value is an anomaly.

Deterministic: `svg.hashsalt` fixed, no metadata date, so the same numbers give the same bytes.
"""

from __future__ import annotations

import functools
import io
import math
from typing import Any

from ..store.rag import Rag

COLOURS = {"green": "#2e7d32", "amber": "#f9a825", "red": "#c62828", "none": "#546e7a"}
SIZE = (1.8, 0.55)  # inches: a table cell
# Axis limits are computed with a 15 % pad: past this the arithmetic overflows to infinity.
FINITE_LIMIT = 1e300


@functools.cache
def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update({"svg.hashsalt": "linkstar", "svg.fonttype": "path",
                                "path.simplify": False})
    from matplotlib.figure import Figure

    return Figure


def trend_svg(values: list[float | None], rag: Rag | None, anomaly: bool) -> bytes:
    figure_cls = _pyplot()
    fig = figure_cls(figsize=SIZE, dpi=72)
    ax = fig.add_axes((0.02, 0.08, 0.96, 0.84))
    ax.set_axis_off()
    # A value past what a chart can scale (1.8e308 loads as a number, inf does not) is left
    # out of the drawing; the table beside it still shows it.
    values = [v if v is not None and math.isfinite(v) and abs(v) < FINITE_LIMIT else None
              for v in values]
    xs = [i for i, v in enumerate(values) if v is not None]
    ys = [v for v in values if v is not None]
    n = max(len(values), 2)
    ax.set_xlim(-0.6, n - 0.4)
    lo_hi = list(ys)
    if rag is not None:
        targets = rag.target if isinstance(rag.target, tuple) else (rag.target,)
        for tv in targets:
            ax.axhline(tv, color="#78909c", linewidth=0.8, linestyle=(0, (3, 2)))
        lo_hi += [v for v in targets if math.isfinite(v) and abs(v) < FINITE_LIMIT]
    if lo_hi:
        lo, hi = min(lo_hi), max(lo_hi)
        pad = (hi - lo) * 0.15 or abs(hi) * 0.1 or 1.0
        ax.set_ylim(lo - pad, hi + pad)
    if ys:
        ax.plot(xs, ys, color="#455a64", linewidth=1.0)
        colours = [COLOURS[rag.status(v)] if rag else COLOURS["none"] for v in ys]
        sizes = [9.0] * len(ys)
        last_is_current = values[-1] is not None
        if last_is_current:
            sizes[-1] = 30.0
        ax.scatter(xs, ys, s=sizes, c=colours, zorder=3, linewidths=0)
        if anomaly and last_is_current:
            ax.scatter([xs[-1]], [ys[-1]], s=90.0, facecolors="none", edgecolors="#c62828",
                       linewidths=1.0, zorder=4)
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None},
                transparent=True)
    return buf.getvalue()
