"""Timeboxing: minutes shared out over agenda items, in integers, summing exactly."""

from __future__ import annotations

from collections.abc import Sequence


def timebox(weights: Sequence[int], total: int) -> list[int]:
    """Split `total` minutes over items in proportion to `weights`, summing exactly to `total`.

    Largest-remainder apportionment in integers (no float rounding, so the result is the same
    everywhere): floors first, then the leftover units to the largest remainders, earlier item
    first on a tie. Blocks of 5 minutes are used when the meeting length allows it without
    squeezing any item to zero; otherwise whole minutes. Every item gets at least one unit.
    """
    n = len(weights)
    if n == 0:
        raise ValueError("an agenda needs at least one item")
    if any(w <= 0 for w in weights):
        raise ValueError("item weights must be positive")
    if total < n:
        raise ValueError(f"{total} minutes cannot hold {n} items")
    if total % 5 == 0:
        alloc = _apportion(weights, total // 5)
        if min(alloc) > 0:
            return [a * 5 for a in alloc]
    alloc = _apportion(weights, total)
    for i in range(n):
        while alloc[i] == 0:  # take a minute from the largest item (first one on a tie)
            j = max(range(n), key=lambda k: (alloc[k], -k))
            alloc[j] -= 1
            alloc[i] += 1
    return alloc


def _apportion(weights: Sequence[int], units: int) -> list[int]:
    total_w = sum(weights)
    floors = [units * w // total_w for w in weights]
    rest = [units * w % total_w for w in weights]
    left = units - sum(floors)
    for i in sorted(range(len(weights)), key=lambda k: (-rest[k], k))[:left]:
        floors[i] += 1
    return floors


def hhmm(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
