"""Red / amber / green from a target: one definition every output shares.

Green means the target is met, exactly as its operator says (`>=`, `>`, `<=`, `<`, `between`).
Amber is the near-miss band: the value misses the target by at most NEAR_MISS (10 %) of the
target value itself (for `between`, of the bound that is missed). Red is everything else.

    >= 0.25  green: v >= 0.25    amber: 0.225 <= v < 0.25    red: v < 0.225
    <= 0.25  green: v <= 0.25    amber: 0.25 < v <= 0.275    red: v > 0.275
    between [30, 60]  green: 30..60    amber: 27..30 or 60..66    red: outside 27..66

A target of 0 has no amber band (10 % of nothing), except that for a strict operator
(`> 0`, `< 0`) the boundary value itself counts as a near miss.

Hard lines. Where a platform publishes a line (a target of kind `official`, or a team target
that sits inside one: the engine records it as `ResolvedTarget.line`), a value past the line is
red, never amber: amber is the whole stretch between the team's own target and the line (not
the 10 % band), and when the target is the line itself there is no amber at all. ODR `< 1 %`
(Amazon): 1.05 % is red. A `between` line holds on both sides.

The dashboard definition, the Grafana thresholds, the store's `kpi_status` view and the
workbook's conditional formatting are all derived from `Rag`, so they cannot disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

NEAR_MISS = 0.10


def _tidy(x: float) -> float:
    """0.16499999999999998 -> 0.165: band edges as a person would write them."""
    return float(f"{x:.12g}")


@dataclass(frozen=True)
class Band:
    """An interval; open ends are None."""

    low: float | None = None
    low_inclusive: bool = True
    high: float | None = None
    high_inclusive: bool = True

    def holds(self, v: float) -> bool:
        if self.low is not None and (v < self.low or (v == self.low and not self.low_inclusive)):
            return False
        return not (self.high is not None
                    and (v > self.high or (v == self.high and not self.high_inclusive)))

    def conditions(self) -> list[tuple[str, float]]:
        """[(">=", 0.25), ("<=", 0.3)]: the comparisons that define the band."""
        out = []
        if self.low is not None:
            out.append((">=" if self.low_inclusive else ">", self.low))
        if self.high is not None:
            out.append(("<=" if self.high_inclusive else "<", self.high))
        return out

    def to_dict(self) -> dict[str, float]:
        names = {">=": "gte", ">": "gt", "<=": "lte", "<": "lt"}
        return {names[op]: v for op, v in self.conditions()}

    def boundaries(self) -> list[float]:
        """The smallest values at which `holds` may change, scanning upwards."""
        out = []
        if self.low is not None:
            out.append(self.low if self.low_inclusive else math.nextafter(self.low, math.inf))
        if self.high is not None:
            out.append(math.nextafter(self.high, math.inf) if self.high_inclusive else self.high)
        return out


@dataclass(frozen=True)
class Rag:
    op: str
    target: float | tuple[float, float]
    green: Band
    amber: Band  # includes green: the first band that holds wins

    @classmethod
    def from_target(cls, op: str, value: Any, line: tuple[str, Any] | None = None) -> Rag:
        """The bands of `op value`; `line` = (op, value) of the platform's official line the
        target rests on, which the amber band never crosses."""
        if op == "between":
            lo, hi = float(value[0]), float(value[1])
            rag = cls(op, (lo, hi), Band(lo, True, hi, True),
                      Band(_tidy(lo - NEAR_MISS * abs(lo)), True,
                           _tidy(hi + NEAR_MISS * abs(hi)), True))
        else:
            t = float(value)
            m = NEAR_MISS * abs(t)
            if op in (">=", ">"):
                rag = cls(op, t, Band(low=t, low_inclusive=op == ">="), Band(low=_tidy(t - m)))
            elif op in ("<=", "<"):
                rag = cls(op, t, Band(high=t, high_inclusive=op == "<="),
                          Band(high=_tidy(t + m)))
            else:
                raise ValueError(f"unknown target operator {op!r}")
        return rag if line is None else rag._within(_line_band(*line))

    def _within(self, line: Band) -> Rag:
        """Past the line is red: green is cut at the line (a team target looser than the line
        cannot make a value past it green) and amber is the stretch inside the line short of
        the target."""
        return Rag(self.op, self.target, _intersect(self.green, line), line)

    @property
    def has_amber(self) -> bool:
        return self.amber != self.green

    def status(self, v: float) -> str:
        if self.green.holds(v):
            return "green"
        if self.amber.holds(v):
            return "amber"
        return "red"

    def steps(self) -> list[tuple[float | None, str]]:
        """Grafana-style steps: (None, base colour), then (value, colour) for value >= step.

        Derived from `status` itself, so a strict operator gets its boundary right (the step
        sits on the next representable float)."""
        points = sorted(set(self.green.boundaries() + self.amber.boundaries()))
        steps: list[tuple[float | None, str]] = [(None, self.status(-math.inf))]
        for p in points:
            s = self.status(p)
            if s != steps[-1][1]:
                steps.append((p, s))
        return steps

    def to_dict(self) -> dict[str, Any]:
        return {"green": self.green.to_dict(), "amber": self.amber.to_dict(), "red": "otherwise"}

    # --- the store's targets table keeps the bands as four numbers ---------------------------
    def columns(self) -> dict[str, float | int | None]:
        """The bands as the store's columns; `amber_*_open` = 1 when the bound itself is out
        (a strict official line: `< 1 %` makes 1 % red)."""
        return {"target_low": self.green.low, "target_high": self.green.high,
                "amber_low": self.amber.low, "amber_high": self.amber.high,
                "amber_low_open": int(not self.amber.low_inclusive),
                "amber_high_open": int(not self.amber.high_inclusive)}


def _line_band(op: str, value: Any) -> Band:
    """The values that stay inside an official line."""
    if op == "between":
        return Band(float(value[0]), True, float(value[1]), True)
    v = float(value)
    if op in (">=", ">"):
        return Band(low=v, low_inclusive=op == ">=")
    if op in ("<=", "<"):
        return Band(high=v, high_inclusive=op == "<=")
    raise ValueError(f"unknown line operator {op!r}")


def _intersect(a: Band, b: Band) -> Band:
    low, low_inc = a.low, a.low_inclusive
    if b.low is not None and (low is None or b.low > low or (b.low == low and not b.low_inclusive)):
        low, low_inc = b.low, b.low_inclusive
    high, high_inc = a.high, a.high_inclusive
    if b.high is not None and (high is None or b.high < high
                               or (b.high == high and not b.high_inclusive)):
        high, high_inc = b.high, b.high_inclusive
    return Band(low, low_inc, high, high_inc)


def rag_of(target: Any) -> Rag:
    """The bands of a resolved target (engine/models.py ResolvedTarget), its official line
    included."""
    line = (target.line.op, target.line.value) if target.line is not None else None
    return Rag.from_target(target.op, target.value, line)
