"""Other figures a link could have meant, for when the figures a rule chose disagree.

Rules link figures by the words around them, and words can point at more than one figure: "chiếm
53,3% tổng số CNVCLĐ" may mean the 18.540 of the opening sentence or the 10.262 women beside it.
Where the chosen figures disagree but another figure the same words could name agrees, the report
is read the way that fits, as a careful auditor gives the writer the benefit of the doubt. A figure
that was mistyped rarely fits another reading by chance, so slips are still found.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from .relations import Finder, counts_people, cues, same_noun, stop_words
from .sentences import clause_start


def _alike(finder: Finder, a: int, b: int) -> bool:
    """Of the same kind of quantity: kind, role, rate and noun ("người" and "đoàn viên" both count people;
    a table cell without a noun of its own may count anything its row does)."""
    x, y = finder.figures[a], finder.figures[b]
    if x.kind != y.kind or x.role != y.role or x.per != y.per:
        return False
    return (x.kind != "count" or not x.unit or not y.unit or same_noun(x.unit, y.unit)
            or counts_people(x.unit) and counts_people(y.unit))


def _usable(finder: Finder, k: int) -> bool:
    """Stated exactly: a hedged figure ("khoảng 14.500", "hơn 160") fits too many readings to vouch for one."""
    return finder.figures[k].qualifier == "exact" and not finder.is_change(k) and not finder.is_rate(k)


def bases(finder: Finder, part: int, base: int, percent: int) -> list[int]:
    """Wholes stated before the share (or in its sentence) that the part fits in."""
    f = finder.figures
    if f[percent].qualifier != "exact":
        return []  # "trên 30%" fits any larger share
    sentence = finder.layout.sentence_of(f[percent].start)
    here = _block(finder.text, f[percent].start)
    named = _named_words(finder, percent, f[base].unit)
    # beyond the share's own paragraph only a whole of another noun, or one the share names ("chiếm 34,4% số doanh
    # nghiệp được giám sát" and "đã giám sát 32 doanh nghiệp"): one of the same noun elsewhere may be the base said
    # again ("quản lý 86 CĐCS" and the table's "Tổng cộng | 86"), and where they differ that is the slip
    # … or one stated for the year the share's sentence names ("Năm 2027 có … 10 đồng chí …, chiếm 15,2% tổng số đoàn
    # viên" and "năm 2027 là 66 đoàn viên")
    year = set(_YEAR.findall(finder.text, sentence.start, f[percent].start))
    return [k for k in range(len(f)) if k not in (part, base, percent) and _alike(finder, k, base) and _usable(finder, k)
            and (f[k].start < f[percent].start or f[k].start < sentence.end) and f[k].value >= f[part].value
            and (_block(finder.text, f[k].start) == here or not same_noun(f[k].unit, f[base].unit)
                 or named and named <= set(_WORD.findall(finder.label(k)))
                 or year and year & set(_YEAR.findall(finder.text, clause_start(finder.text, f[k].start, ";.:()\n"), f[k].start)))]


_YEAR = regex.compile(r"(?<![\d/])(?:19|20)\d\d(?![\d/])")



_WORD = regex.compile(r"\p{L}+")


def _named_words(finder: Finder, percent: int, unit: str) -> set[str]:
    """The words a share gives its whole, but for its noun: "34,4% số doanh nghiệp được giám sát" → {giám, sát}."""
    m = cues().named_whole.match(finder.text, finder.figures[percent].end)
    if not m:
        return set()
    said = {w.lower() for w in _WORD.findall(m.group("noun").split(",")[0])}
    return said - {w.lower() for w in _WORD.findall(unit)} - stop_words()


def totals(finder: Finder, total: int, parts: list[int]) -> list[tuple[int, list[int]]]:
    """Other totals of the same noun in the parts' own paragraph or table ("Thu trong năm" above "Tổng nguồn"),
    each with the parts it would sum; or the first part as the whole of the others ("còn lại 258,5 triệu đồng;
    hỗ trợ … 233 triệu đồng; phần còn lại 25,5 triệu đồng"). Not further: a total said again elsewhere ("quản lý 86
    CĐCS" before the table's "Tổng cộng | 129") is the same quantity, and where the two differ that is the slip."""
    f = finder.figures
    largest = max(f[p].value for p in parts)
    blocks = {_block(finder.text, f[total].start), _block(finder.text, f[parts[0]].start)}
    others = [(k, parts) for k in range(len(f)) if k != total and k not in parts and _alike(finder, k, total)
              and _usable(finder, k) and f[k].value >= largest and _block(finder.text, f[k].start) in blocks]
    head, rest = parts[0], parts[1:]
    if len(rest) >= 2 and _usable(finder, head) and all(f[head].value > f[p].value for p in rest):
        others.append((head, rest))
    return others


_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")


def _block(text: str, pos: int) -> int:
    """Where the paragraph or table holding pos starts: after the last blank line before it."""
    starts = _block_starts(text)
    return starts[bisect_right(starts, pos) - 1]


@lru_cache(maxsize=4)
def _block_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _BLANK_LINE.finditer(text))]


def firsts(finder: Finder, first: int, second: int) -> list[int]:
    """Earlier figures of the same noun a restatement could be saying again."""
    if finder.figures[second].qualifier != "exact":
        return []
    return [k for k in range(second) if k != first and _alike(finder, k, second) and _usable(finder, k)]
