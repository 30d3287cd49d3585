"""The interval a reported value stands for, after rounding and hedges (as XBRL Calculations 1.1).

"53%" stands for [52.5, 53.5); "132,4 triệu đồng" for 132.35–132.45 triệu; "khoảng" widens an
interval, "trên" opens it above, "dưới" below; a range "từ 10 đến 15" is [10, 15].
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import regex

from . import rules
from .models import Figure

_LAST = regex.compile(r"(\d+(?:[.,]\d+)*)(?:[^\S\n]*(nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L}))?", regex.IGNORECASE)


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __mul__(self, other: "Interval") -> "Interval":  # both non-negative, as every reported value is
        return Interval(self.lo * other.lo, self.hi * other.hi)

    def meets(self, other: "Interval") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def gap(self, other: "Interval") -> float:
        """How far apart two intervals are (0 when they meet)."""
        return max(0.0, other.lo - self.hi, self.lo - other.hi)

    def __str__(self) -> str:
        if self.lo == self.hi:
            return _fmt(self.lo)
        hi = "∞" if math.isinf(self.hi) else _fmt(self.hi)
        return f"[{_fmt(self.lo)}; {hi}]"


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "∞"
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",")


@cache
def _approx() -> float:
    return float(rules.data("relations")["tolerance"]["approx"])


@cache
def _scales() -> dict[str, int]:
    return {k.lower(): v for k, v in rules.data("numbers")["scales"].items()}


def rounding(f: Figure) -> float:
    """Half a unit of the last digit printed, in the figure's own unit (đồng for money).

    In "2 tỷ 592 triệu đồng" the last number printed is 592 triệu: ±0,5 triệu. Without a scale word
    the value tells how the digits were read: "412,4" under "(triệu đồng)" is 412,4 triệu, ±0,05
    triệu; "88.958.000 đồng" is written to the đồng."""
    numbers = list(_LAST.finditer(f.text))
    if not numbers or f.kind == "count":
        return 0.0
    literal, scale_word = numbers[-1].group(1), (numbers[-1].group(2) or "").lower()
    readings = []  # (the digits as a number, decimals printed)
    if literal.count(",") == 1:  # "4,500,000" is English thousands, no decimal reading
        readings.append((float(literal.replace(".", "").replace(",", ".")), len(literal.rsplit(",", 1)[1])))
    elif f.kind == "percent" and "." in literal:
        readings.append((float(literal), len(literal.rsplit(".", 1)[1])))
    readings.append((float(literal.replace(".", "").replace(",", "")), 0))
    if scale_word:
        scale = _scales().get(scale_word, 1)
        decimals = next((d for printed, d in readings if math.isclose(printed * scale, f.value, rel_tol=1e-9)), 0)
        return 0.5 * 10 ** (-decimals) * scale
    for printed, decimals in readings:
        scale = f.value / printed if printed else 0.0
        if scale >= 1 and math.isclose(scale, 10 ** round(math.log10(scale)), rel_tol=1e-6):
            return 0.0 if f.kind == "money" and scale < 1.5 and not decimals else 0.5 * 10 ** (-decimals) * round(scale)
    return 0.0


def of(f: Figure) -> Interval:
    r = rounding(f)
    lo, hi = f.value - r, (f.value_max if f.value_max is not None else f.value) + r
    if f.qualifier == "approx":
        lo, hi = lo * (1 - _approx()), hi * (1 + _approx())
    elif f.qualifier in ("over", "at_least"):
        hi = math.inf
    elif f.qualifier in ("under", "at_most"):
        lo = 0.0
    return Interval(max(lo, 0.0), hi)
