"""Paragraph and sentence boundaries, by regex: fast enough to run over every document."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

# A sentence ends at . ! ? … followed by a blank and not inside a number ("8.000.000").
_SENTENCE_END = regex.compile(r"[.!?…]+\s+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class Layout:
    """Where each line and sentence of a text starts and ends."""

    def __init__(self, text: str):
        self.text = text
        self.lines: list[Span] = []
        pos = 0
        for line in text.split("\n"):
            self.lines.append(Span(pos, pos + len(line)))
            pos += len(line) + 1
        self.sentences: list[Span] = []
        for line in self.lines:
            start = line.start
            for m in _SENTENCE_END.finditer(text, line.start, line.end):
                self.sentences.append(Span(start, m.end()))
                start = m.end()
            self.sentences.append(Span(start, line.end))
        self._line_starts = [s.start for s in self.lines]
        self._sentence_starts = [s.start for s in self.sentences]

    def line_index(self, pos: int) -> int:
        return bisect_right(self._line_starts, pos) - 1

    def line_of(self, pos: int) -> Span:
        return self.lines[self.line_index(pos)]

    def sentence_of(self, pos: int) -> Span:
        return self.sentences[bisect_right(self._sentence_starts, pos) - 1]


def clause_start(text: str, pos: int, breaks: str, floor: int = 0) -> int:
    """Where the clause holding pos starts: just after the last of `breaks` before it, not before `floor`."""
    return max(floor, *(text.rfind(c, floor, pos) + 1 for c in breaks))
