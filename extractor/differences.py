"""Finds a change stated with both of its levels: what there is now is what there was plus (or less) the change.

Only three tight forms are read, since a sentence often holds other levels and changes:
"8.946 người, tăng 214 đoàn viên so với đầu năm học (8.732 đoàn viên)", "1.250 suất; so với năm học
trước (1.080 suất) tăng 170 suất" and "tăng từ 94 phòng lên 118 phòng, tăng 24 phòng". All three
figures count one thing.
"""
from __future__ import annotations

import regex

from .balances import Balance
from .changes import change_sign
from .changes import cues as change_cues
from .relations import Finder, comparable

# "8.946 người, tăng 214 đoàn viên …": only a comma and the change word between the level and its change
_LEVEL_THEN_CHANGE = regex.compile(r"[^\S\n]*,?[^\S\n]*(?:\p{L}+[^\S\n]+){0,1}$")
# "… so với đầu năm học (" with no other figure: a year is allowed
_COMPARED = regex.compile(r"^[^\S\n]*[,;]?[^\S\n]*so với(?:[^;.()\d\n]|(?:19|20)\d\d){0,60}\([^\S\n]*$", regex.IGNORECASE)
# "…) tăng 170 suất", "…), số đoàn viên tăng 03 người"
_THEN_CHANGE = regex.compile(r"^[^\S\n]*\)[^\S\n]*,?[^\d;.\n()]{0,40}$")
_FROM_TO = regex.compile(r"^[^\S\n]*(?:\([^()\n]*\)[^\S\n]*)?(?:lên|xuống|xuống còn|lên đến)[^\S\n]*$", regex.IGNORECASE)
_FROM = regex.compile(r"(?<!\p{L})từ[^\S\n]*$", regex.IGNORECASE)
_AFTER_LEVEL = regex.compile(r"^[^\S\n]*,[^\S\n]*$")


def differences(finder: Finder) -> list[Balance]:
    f = finder.figures
    found = []
    for d, x in enumerate(f):
        if x.kind == "percent" or x.role != "actual" or d < 1 or not finder.is_change(d):
            continue
        sign = change_sign(finder.text, x)
        levels = _change_then_compared(finder, d) or _compared_then_change(finder, d) or _from_to(finder, d)
        if sign and levels and all(comparable(f[j], x) and f[j].role == "actual" for j in levels):
            before, now = levels
            plus, minus = ([before, d], []) if sign > 0 else ([before], [d])
            found.append(Balance(name="change", plus=plus, minus=minus, result=now))
    return found


def _between(finder: Finder, a: int, b: int) -> str:
    return finder.text[finder.figures[a].end:finder.figures[b].start]


def _change_then_compared(finder: Finder, d: int) -> tuple[int, int] | None:
    """"8.946 người, tăng 214 đoàn viên so với đầu năm học (8.732 đoàn viên)"."""
    if d + 1 >= len(finder.figures) or not _COMPARED.match(_between(finder, d, d + 1)):
        return None
    now = d - 1
    gap = _between(finder, now, d)
    level = change_cues().up.search(gap) or change_cues().down.search(gap)
    return (d + 1, now) if level and _LEVEL_THEN_CHANGE.match(gap[:level.start()]) else None


def _compared_then_change(finder: Finder, d: int) -> tuple[int, int] | None:
    """"1.250 suất; so với năm học trước (1.080 suất) tăng 170 suất"."""
    before, now = d - 1, d - 2
    if now < 0 or not (_THEN_CHANGE.match(_between(finder, before, d)) and _COMPARED.match(_between(finder, now, before))):
        return None
    return before, now


def _from_to(finder: Finder, d: int) -> tuple[int, int] | None:
    """"tăng từ 94 phòng lên 118 phòng, tăng 24 phòng"."""
    before, now = d - 2, d - 1
    f = finder.figures
    if before < 0 or not (_FROM.search(finder.text, max(0, f[before].start - 10), f[before].start)
            and _FROM_TO.match(_between(finder, before, now))):
        return None
    gap = _between(finder, now, d)
    level = change_cues().up.search(gap) or change_cues().down.search(gap)
    return (before, now) if level and _AFTER_LEVEL.match(gap[:level.start()]) else None
