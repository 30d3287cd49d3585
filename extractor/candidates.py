"""Finds the numbers that could be figures: digit strings and spelled-out numbers.

Nothing here knows what a number measures; a candidate is only where a number stands and
how it was written. Numbers inside blocked ranges (dates, codes, furniture) are dropped.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cache

import regex
from pydantic import BaseModel

from . import numbers, rules
from .normalise import Prepared

_DIGITS = regex.compile(r"(?<![\p{L}\d.,])(?<!\p{L}-)\d+(?:[.,]\d+)*(?!\d)")


class Candidate(BaseModel):
    start: int
    end: int
    literal: str
    spelled_value: int | None = None  # set when the number is written in words


@cache
def _spelled() -> regex.Pattern:
    words = rules.alternation(numbers.spelled_vocabulary())
    scales = rules.alternation(list(rules.data("numbers")["scales"]))
    # "Hai trăm mười sáu triệu, chín trăm bốn mươi bảy nghìn, bốn trăm sáu mươi đồng"
    gap = rf"(?:(?<=(?:{scales})),)?\s+"
    return regex.compile(rf"(?<!\p{{L}})(?:{words})(?:{gap}(?:{words}))*(?!\p{{L}})", regex.IGNORECASE)


def find(prepared: Prepared) -> list[Candidate]:
    text = prepared.text
    found: list[Candidate] = []
    for m in _DIGITS.finditer(text):
        if not prepared.is_blocked(m.start(), m.end()):
            found.append(Candidate(start=m.start(), end=m.end(), literal=m.group()))
    taken = [c.start for c in found]
    for m in _spelled().finditer(text):
        nearby = bisect_left(taken, m.start())
        if prepared.is_blocked(m.start(), m.end()) or any(
                s < m.end() and m.start() < e for s, e in ((c.start, c.end) for c in found[max(nearby - 1, 0):nearby + 1])):
            continue
        spelled = _longest_reading(m.group()) or _alone_before_noun(text, m)
        if spelled:
            literal, value = spelled
            found.append(Candidate(start=m.start(), end=m.start() + len(literal), literal=literal, spelled_value=value))
    return sorted(found, key=lambda c: c.start)


def _longest_reading(phrase: str) -> tuple[str, int] | None:
    """`hai năm` is 2 then a noun, not a number: keep the longest prefix that reads as one."""
    words = [w.rstrip(",") for w in regex.findall(r"\S+", phrase)]
    for n in range(len(words), 0, -1):
        try:
            value = numbers.read_spelled(words[:n])
        except numbers.NotANumber:
            continue
        literal = phrase[: regex.search(regex.escape(words[n - 1]), phrase, pos=_offset(phrase, words, n - 1)).end()]
        return literal, value
    return None


def _offset(phrase: str, words: list[str], index: int) -> int:
    pos = 0
    for word in words[:index]:
        pos = phrase.index(word, pos) + len(word)
    return pos


@cache
def _alone() -> tuple[set[str], regex.Pattern, regex.Pattern]:
    data = rules.data("numbers")
    units = rules.data("units")
    noun = regex.compile(rf"[^\S\n]+(?:{rules.alternation(units['counted_nouns'])})(?!\p{{L}})", regex.IGNORECASE)
    after = regex.compile(rf"(?:{rules.whole_words(data['not_after_alone'])}|\d)[^\S\n]+$", regex.IGNORECASE)
    return set(data["alone_before_noun"]), noun, after


def _alone_before_noun(text: str, m: regex.Match) -> tuple[str, int] | None:
    """"gồm năm đồng chí" is 5, "trong năm người lao động" is a year: "năm" alone only before a noun."""
    words, noun, after = _alone()
    word = m.group().split()[0]
    if word.lower() not in words or not noun.match(text, m.start() + len(word)) or after.search(text, max(0, m.start() - 20), m.start()):
        return None
    return word, numbers.read_spelled([word], alone=True)
