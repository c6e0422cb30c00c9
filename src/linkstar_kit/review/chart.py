"""A small trend chart per KPI: an SVG drawn here, element by element.

The chart carries no text: the KPI's name, its numbers and its status are in the table beside
it, in the kit's language (and in the image's alt text), so a Chinese document needs no CJK
font inside the SVG and the PDF shows everything. It shows the trend (oldest left), the target
as a dashed line (two for `between`), each point coloured by its status, the reviewed period's
point larger, and a ringed point where the value is an anomaly.

Why not matplotlib (which drew it before): a sparkline is a polyline, some circles and a dashed
line or two; matplotlib took about 25 ms a chart (a second for a 40-KPI review) to draw them,
this takes well under one. Deterministic: coordinates rounded to 0.01, so the same numbers give
the same bytes. A value a chart cannot scale (inf, nan, or past 1e300) is left out of the
drawing; the table beside it still shows it.
"""

from __future__ import annotations

import math

from ..rag import Rag

COLOURS = {"green": "#2e7d32", "amber": "#f9a825", "red": "#c62828", "none": "#546e7a"}
WIDTH, HEIGHT = 130, 40  # px: a table cell
PAD_X, PAD_Y = 4.0, 4.0
# Axis limits are computed with a 15 % pad: past this the arithmetic overflows to infinity.
FINITE_LIMIT = 1e300


def _ok(v: float | None) -> bool:
    return v is not None and math.isfinite(v) and abs(v) < FINITE_LIMIT


def _n(x: float) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def trend_svg(values: list[float | None], rag: Rag | None, anomaly: bool) -> bytes:
    points = [(i, v) for i, v in enumerate(values) if v is not None and _ok(v)]
    n = max(len(values), 2)
    targets: tuple[float, ...] = ()
    if rag is not None:
        raw = rag.target if isinstance(rag.target, tuple) else (rag.target,)
        targets = tuple(t for t in raw if _ok(t))
    span = [v for _, v in points] + list(targets)
    lo, hi = (min(span), max(span)) if span else (0.0, 1.0)
    pad = (hi - lo) * 0.15 or abs(hi) * 0.1 or 1.0
    lo, hi = lo - pad, hi + pad

    def x(i: float) -> float:
        return PAD_X + (WIDTH - 2 * PAD_X) * (i + 0.5) / n

    def y(v: float) -> float:
        return HEIGHT - PAD_Y - (HEIGHT - 2 * PAD_Y) * (v - lo) / (hi - lo)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}">']
    for t in targets:
        out.append(f'<line x1="{_n(x(-0.5))}" y1="{_n(y(t))}" x2="{_n(x(n - 0.5))}" '
                   f'y2="{_n(y(t))}" stroke="#78909c" stroke-width="0.8" '
                   'stroke-dasharray="3 2"/>')
    if points:
        line = " ".join(f"{_n(x(i))},{_n(y(v))}" for i, v in points)
        out.append(f'<polyline points="{line}" fill="none" stroke="#455a64" '
                   'stroke-width="1"/>')
        current = values[-1] is not None and points[-1][0] == len(values) - 1
        for k, (i, v) in enumerate(points):
            colour = COLOURS[rag.status(v)] if rag else COLOURS["none"]
            r = 2.7 if current and k == len(points) - 1 else 1.5
            out.append(f'<circle cx="{_n(x(i))}" cy="{_n(y(v))}" r="{r}" fill="{colour}"/>')
        if anomaly and current:
            i, v = points[-1]
            out.append(f'<circle cx="{_n(x(i))}" cy="{_n(y(v))}" r="4.6" fill="none" '
                       'stroke="#c62828" stroke-width="1"/>')
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("ascii")
