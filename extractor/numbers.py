"""Reads the value of a number as Vietnamese reports write it (digits or words)."""
from __future__ import annotations

from functools import cache

from . import rules


class NotANumber(ValueError):
    pass


def read_digits(literal: str, *, kind: str, scaled: bool) -> float:
    """`.` groups thousands and `,` marks decimals, unless the English convention is evident.

    A lone `,` before exactly three digits groups thousands in a count or an unscaled money
    amount (`1,500 người`, `250,000 đồng`) but not before a scale word (`2,607 tỷ`); a lone
    `.` before three digits groups thousands (`1.250 triệu`) except in a percentage (`2.5%`).
    """
    dots, commas = literal.count("."), literal.count(",")
    if dots and commas:
        decimal = "," if literal.rfind(",") > literal.rfind(".") else "."
        group = "." if decimal == "," else ","
        return float(literal.replace(group, "").replace(decimal, "."))
    if not dots and not commas:
        return float(literal)
    sep = "." if dots else ","
    head, *groups = literal.split(sep)
    if len(groups) > 1:
        if all(len(g) == 3 for g in groups):
            return float(head + "".join(groups))
        raise NotANumber(literal)
    tail = groups[0]
    thousands = len(tail) == 3 and head.lstrip("0") != "" and kind != "percent"
    if sep == "," and scaled:  # "2,607 tỷ đồng" is a decimal
        thousands = False
    return float(head + tail) if thousands else float(f"{head}.{tail}")


@cache
def _words() -> dict:
    data = rules.data("numbers")
    return {
        "digits": data["digit_words"],
        "tens": set(data["tens_words"]),
        "ten": set(data["ten_words"]),
        "zero_tens": set(data["zero_tens_words"]),
        "scales": data["scales"],
        "alone": set(data["ambiguous_alone"]),
    }


def spelled_vocabulary() -> list[str]:
    w = _words()
    return [*w["digits"], *w["tens"], *w["ten"], *w["zero_tens"], *w["scales"]]


def read_spelled(words: list[str], alone: bool = False) -> int:
    """`hai mươi lăm` → 25, `một trăm linh năm` → 105, `ba nghìn` → 3000."""
    w = _words()
    words = [x.lower() for x in words]
    if len(words) == 1 and words[0] in w["alone"] and not alone:
        raise NotANumber(words[0])
    total = group = 0
    pending: int | None = None  # a digit said, waiting for its multiplier; "không trăm" is 0 hundreds, not 100
    seen_digit = previous_digit = False
    for word in words:
        if word in w["digits"]:
            if previous_digit:
                raise NotANumber(" ".join(words))
            pending = w["digits"][word]
            seen_digit = previous_digit = True
            continue
        previous_digit = False
        if word in w["ten"]:
            group += 10
            seen_digit = True
        elif word in w["tens"]:
            group += (1 if pending is None else pending) * 10
            pending = None
        elif word in w["zero_tens"]:
            continue
        elif word == "trăm":
            group += (1 if pending is None else pending) * 100
            pending = None
        elif word in w["scales"]:
            amount = group + (pending or 0)
            total += (amount if amount or pending is not None else 1) * w["scales"][word]
            group, pending = 0, None
        else:
            raise NotANumber(word)
    if not seen_digit:
        raise NotANumber(" ".join(words))
    return total + group + (pending or 0)
