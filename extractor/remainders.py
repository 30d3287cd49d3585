"""Finds the rest of a whole the text first gave as a fraction.

"có 86/92 CĐCS trực thuộc tham gia vận động" and, later, "vẫn còn 6 CĐCS chưa tham gia vận động
Quỹ": the 6 that have not done it and the 86 that have make the 92. The rest is tied to the
fraction by the words of what was (not) done, so an unrelated "còn 2 CĐCS chưa ..." is left alone.
"""
from __future__ import annotations

from functools import cache

import regex

from . import rules
from .relations import Finder, Group, comparable

_REACH = 6000  # how far after the fraction its rest may be stated (a summary often restates it)
_WORD = regex.compile(r"\p{L}+")


class _Cues:
    def __init__(self) -> None:
        d = rules.data("relations")
        word = rules.whole_words
        self.fraction = regex.compile(rf"[^\S\n]*(?:/|{word(d['fraction_links'])})[^\S\n]*", regex.IGNORECASE)
        # "6 CĐCS chưa tham gia", "70 đoàn viên (3,6%) chưa tham gia đóng góp"
        self.not_done = regex.compile(rf"^(?:[^\d;.\n()]|\([^()\n]*\)){{0,25}}?{word(d['not_done_cues'])}"
                                      rf"(?P<done>(?:[^\S\n]+\p{{L}}+){{1,4}})", regex.IGNORECASE)
        self.stop = frozenset(w.lower() for w in d["restated_stop_words"])


@cache
def cues() -> _Cues:
    return _Cues()


def remainders(finder: Finder) -> list[Group]:
    f, text = finder.figures, finder.text
    found = []
    for a in range(len(f) - 1):
        b = a + 1
        if f[a].kind != "count" or f[b].kind != "count" or not cues().fraction.fullmatch(text[f[a].end:f[b].start]):
            continue
        done = _words(text[max(0, f[a].start - 50):f[a].start]) | _words(text[f[b].end:f[b].end + 50])
        for c in range(b + 1, len(f)):
            if f[c].start > f[b].end + _REACH:
                break
            if f[c].kind != "count" or not comparable(f[b], f[c]):
                continue
            m = cues().not_done.match(text[f[c].end:f[c].end + 60])
            if m and _words(m.group("done")) & done:
                found.append(Group(total=b, parts=[a, c], selection=False))
                break
    return found


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - cues().stop
