"""Who or what a figure is about, in the text's own words.

Three places, tried in order: the figure a share verb points back to ("nữ là 10 người, chiếm
53%"), a label before the number ("Đảng viên: 13 người"), and the noun phrase after it ("80%
đoàn viên công đoàn là đảng viên"). Word boundaries come from `segment`.
"""
from __future__ import annotations

from functools import cache

import regex

from . import rules, segment
from .quantities import Quantity
from .sentences import Layout


_WINDOW = regex.compile(r"[^\S\n]*([\p{L}\p{M} ]*)")
_IS = regex.compile(r"[^\S\n]+là[^\S\n]+")


class _Words:
    def __init__(self) -> None:
        d = rules.data("subjects")
        alt = rules.alternation
        self.share = regex.compile(rf"(?<!\p{{L}})(?:{alt(d['share_links'])})[^\S\n]*$", regex.IGNORECASE)
        self.link = regex.compile(rf"(?:(?<!\p{{L}})(?:{alt(d['label_links'])})|:)[\s:]*$", regex.IGNORECASE)
        self.lead = regex.compile(rf"^(?:\s|[-–+•*,])*(?:(?:{alt(d['strip_leading'])})(?!\p{{L}})[\s:,]*)+", regex.IGNORECASE)
        self.trail = regex.compile(rf"(?:[\s:,]*(?<!\p{{L}})(?:{alt(d['strip_trailing'])}))+[\s:,]*$", regex.IGNORECASE)
        self.breaks = regex.compile("|".join(regex.escape(b) for b in d["clause_breaks"]))
        self.anchor = rules.cue_regex(d["anchors"])
        self.stops = {s.lower() for s in d["phrase_stops"]}
        self.stop_phrase = rules.cue_regex(d["phrase_stops"])
        self.is_word = regex.compile(r"^[\p{L}\p{M}][\p{L}\p{M}\s\-]*$")
        self.max_words = d["max_words"]


@cache
def _w() -> _Words:
    return _Words()


def _clean(phrase: str) -> str:
    w = _w()
    phrase = phrase.strip(" ,-–:")
    for _ in range(3):
        cleaned = w.trail.sub("", w.lead.sub("", phrase)).strip(" ,-–:\"“”'")
        if cleaned == phrase:
            break
        phrase = cleaned
    return phrase


def _left_label(text: str, sentence_start: int, q: Quantity) -> tuple[str, bool]:
    """The clause before the figure, and whether it ends with a link word (a label)."""
    w = _w()
    left = text[max(sentence_start, q.start - 160):q.start]  # a subject is never further away than this
    linked = bool(w.link.search(left, max(0, len(left) - 30)))
    left = w.link.sub("", left) if linked else left
    left = left.rstrip(" (")  # "quỹ xây dựng nông thôn mới (26,6 triệu đồng)"
    cut = max((m.end() for m in w.breaks.finditer(left)), default=0)
    clause = left[cut:]
    anchors = list(w.anchor.finditer(clause))
    if anchors and (named := _clean(clause[anchors[-1].end():])):
        return _last_words(named), linked
    if anchors and (spent_on := _clean(clause[:anchors[-1].start()])) and regex.search(r"\p{L}{2}", spent_on):
        # "thăm hỏi đoàn viên ốm đau, ... với tổng số tiền là: 24.700.000 đồng": what the money went to
        return _first_words(spent_on), linked
    for piece in reversed(clause.split(",")):
        cleaned = _clean(piece)
        if cleaned and regex.search(r"\p{L}{2}", cleaned):  # not a bare date such as "20/10"
            return _last_words(cleaned), linked
    # nothing but the anchor itself: "tổng kinh phí khoảng 132,4 triệu đồng"
    return (anchors[-1].group() if anchors else ""), linked


def _first_words(phrase: str, limit: int = 20) -> str:
    words = phrase.split()
    return phrase if len(words) <= limit else " ".join(words[:limit])


def _last_words(phrase: str) -> str:
    """At most `max_words` words from the end, cut at a word boundary (segmenting only long phrases)."""
    if len(phrase.split()) <= _w().max_words:
        return phrase
    tokens = segment.words(phrase)
    keep = _spans(phrase, tokens)[-_w().max_words:]
    return phrase[keep[0][0]:]


def _spans(phrase: str, tokens: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where each segmented word stands in the phrase, so subjects keep the text's own spacing."""
    spans, pos = [], 0
    for token in tokens:
        at = phrase.find(token, pos)
        if at < 0:
            break
        spans.append((at, at + len(token)))
        pos = at + len(token)
    return spans or [(0, len(phrase))]


def _phrase_after(text: str, pos: int, limit: int = 6) -> str:
    """Nouns right after `pos`, up to a stop word or punctuation ("đoàn viên công đoàn là ..." → "đoàn viên công đoàn")."""
    w = _w()
    window = _WINDOW.match(text, pos, pos + 60)
    phrase = window.group(1) if window else ""
    if stop := w.stop_phrase.search(phrase):
        phrase = phrase[:stop.start()]
    if len(phrase.split()) <= limit:  # short enough: no need to find word boundaries
        return phrase.strip()
    tokens = segment.words(phrase)
    end = 0
    for n, (token, (_, stop)) in enumerate(zip(tokens, _spans(phrase, tokens))):
        if token.lower() in w.stops or not w.is_word.match(token) or n >= limit:
            break
        end = stop
    return phrase[:end].strip()


def read(text: str, layout: Layout, quantities: list[Quantity]) -> list[str]:
    w = _w()
    subjects: list[str] = []
    for i, q in enumerate(quantities):
        sentence = layout.sentence_of(q.start)
        previous = i > 0 and quantities[i - 1].start >= sentence.start
        if previous and w.share.search(text, max(sentence.start, q.start - 25), q.start):
            subjects.append(subjects[-1])
            continue
        label, linked = _left_label(text, sentence.start, q)
        if q.kind == "count" and (m := _IS.match(text, q.end)):
            after = _phrase_after(text, m.end(), limit=3)
            if after:
                subjects.append(after)
                continue
        if label and (linked or q.kind == "money"):
            subjects.append(label)
        elif q.kind == "percent":
            subjects.append(_phrase_after(text, q.end) or label)
        elif q.kind == "count":
            subjects.append(_phrase_after(text, q.number_end) or q.unit)
        else:
            subjects.append(label)
    return subjects

