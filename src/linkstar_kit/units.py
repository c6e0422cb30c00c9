"""What a value of each unit may be: one table read by the answers (goal targets and
baselines), the CSV loader, the store's targets table and the workbook's data validation.

    ratio                 0 .. 1        a fraction: 0.15 is 15 %
    ratio, above_one      0 .. 10       a cost over sales, returns over sales: 1.2 is 120 %
    ratio, signed: true   -1 .. 10      a growth, uplift, variance or margin: -0.12 is a 12 % fall
    currency              any number    money; a loss is negative
    money_per_unit        0 or more
    count, days, hours, times, multiple, score   0 or more

Nothing falls by more than 100 % (-1); a signed ratio is capped at +1000 % so that `15` typed
for 15 % is caught, as it is for a plain ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

SIGNED_RATIO_LOW, SIGNED_RATIO_HIGH = -1.0, 10.0
# No KPI's value comes near a quadrillion (10^15); a larger one is a slip (a pasted id, an
# exponent typed by mistake), and beyond it sums, plans in cents and trend lines would lose
# every digit that matters or overflow to infinity. It bounds every unit, money included.
MAX_ABS_VALUE = 1e15


@dataclass(frozen=True)
class Accepted:
    low: float | None
    high: float | None

    def holds(self, v: float) -> bool:
        return (self.low is None or v >= self.low) and (self.high is None or v <= self.high)

    def describe(self) -> str:
        """`[0, 1]`, `>= 0`, `[-10, 10]`, `any number`: for messages."""
        if self.low is not None and self.high is not None:
            return f"[{_n(self.low)}, {_n(self.high)}]"
        if self.low is not None:
            return f">= {_n(self.low)}"
        return "any number"


def _n(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


def accepted(unit: str, signed: bool = False, above_one: bool = False) -> Accepted:
    if unit == "ratio":
        if signed:
            return Accepted(SIGNED_RATIO_LOW, SIGNED_RATIO_HIGH)
        return Accepted(0.0, SIGNED_RATIO_HIGH if above_one else 1.0)
    if unit == "currency":
        return Accepted(None, None)
    return Accepted(0.0, None)


def percent_slip(value: float, ok: Accepted) -> float | None:
    """`value / 100` when a ratio's `value` outside `ok` reads as a percentage typed as a
    number (15 for 15 %; for a ratio that may pass 100 %, 250 for 250 %), else None."""
    signed = ok.low is not None and ok.low < 0
    top = ok.high if ok.high is not None and not signed else 1.0
    return value / 100 if top < abs(value) <= 100 * top else None


def problem(unit: str, signed: bool, value: float, kpi: str, name: str,
            above_one: bool = False) -> tuple[str, str | None] | None:
    """(message, hint) when `value` is not a value of the unit; `name` is the field
    (target, baseline, value)."""
    ok = accepted(unit, signed, above_one)
    if ok.holds(value) and abs(value) <= MAX_ABS_VALUE:
        return None
    if ok.holds(value):
        return (f"`{kpi}`: {name} must lie within ±{MAX_ABS_VALUE:,.0f}, got {value:.6g}",
                None)
    meant = percent_slip(value, ok) if unit == "ratio" else None
    hint = f"did you mean {_n(round(meant, 10))}?" if meant is not None else None
    if unit == "ratio" and signed:
        return (f"`{kpi}` is a signed rate: {name} must be a fraction in {ok.describe()} "
                f"(-0.12 means a 12 % fall), got {_n(value)}", hint)
    if unit == "ratio" and above_one:
        return (f"`{kpi}` is a rate: {name} must be a fraction in {ok.describe()} (0.15 means "
                f"15 %, 1.2 means 120 %), got {_n(value)}", hint)
    if unit == "ratio":
        return (f"`{kpi}` is a rate: {name} must be a fraction in {ok.describe()} (0.15 means "
                f"15 %), got {_n(value)}", hint)
    return f"`{kpi}` is in {unit}: {name} must be {ok.describe()}, got {_n(value)}", None


# What a person typing a number into the scorecard is held to: narrower than `accepted`, which
# stays the loader's and the answers' rule. A margin (a signed ratio that measures profit, up
# is good) cannot exceed 100 % of sales nor fall below -100 % as the workbook tracks it; money
# that is sales or a cost is never negative (only a profit may be).
Entry = tuple[Accepted, str]  # bounds, and the kind of value for the input message


def entry(unit: str, signed: bool = False, balance: str | None = None,
          direction: str | None = None, above_one: bool = False) -> Entry:
    """(bounds, kind) of a value entered for a KPI; kind is one of ratio, ratio_above_one,
    margin, change, amount, profit, count (catalog `scorecard.<kind>_msg`)."""
    if unit == "ratio":
        if not signed:
            if above_one:
                return accepted(unit, False, True), "ratio_above_one"
            return Accepted(0.0, 1.0), "ratio"
        if balance == "profit" and direction == "higher":
            return Accepted(-1.0, 1.0), "margin"
        return accepted(unit, signed), "change"
    if unit in ("currency", "money_per_unit"):
        if unit == "currency" and balance == "profit":
            return Accepted(None, None), "profit"
        return Accepted(0.0, None), "amount"
    return Accepted(0.0, None), "count"
