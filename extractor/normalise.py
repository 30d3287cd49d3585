"""NFC text plus the stretches where no figure may start (furniture, dates, codes, measures).

Offsets are never shifted: what is left out is marked as a blocked range, not deleted,
so `text[start:end]` stays true for every record.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import cache

import regex
from pydantic import BaseModel

from . import rules


class Prepared(BaseModel):
    doc: str
    text: str
    blocked: list[tuple[int, int]]

    def is_blocked(self, start: int, end: int) -> bool:
        i = bisect_right(self.blocked, (start, float("inf"))) - 1
        for s, e in self.blocked[max(i, 0): i + 2]:
            if s < end and start < e:
                return True
        return False


@cache
def _patterns() -> tuple[list[regex.Pattern], list[regex.Pattern], list[regex.Pattern]]:
    data = rules.data("exclusions")
    counted = f"(?i:{rules.alternation(rules.data('units')['counted_nouns'])})"
    spans = [regex.compile(p.replace("{counted}", counted), regex.VERSION1) for p in data["regexes"].values()]
    lines = [regex.compile(p, regex.VERSION1) for p in data["furniture_lines"]]
    blocks = [regex.compile(p, regex.VERSION1) for p in data["furniture_blocks"]]
    return spans, lines, blocks


def blocked_ranges(text: str) -> list[tuple[int, int]]:
    spans, lines, blocks = _patterns()
    found: list[tuple[int, int]] = []
    pos = 0
    in_block = False  # inside "Tin liên quan" and the like, until a blank line
    short = rules.data("exclusions")["furniture_max_length"]
    for line in text.split("\n"):
        in_block = (in_block and bool(line.strip())) or any(p.search(line) for p in blocks)
        if in_block or len(line) <= short and any(p.search(line) for p in lines):
            found.append((pos, pos + len(line)))
        pos += len(line) + 1
    for p in spans:
        found.extend(m.span() for m in p.finditer(text) if m.end() > m.start())
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def prepare(doc: str, text: str) -> Prepared:
    text = unicodedata.normalize("NFC", text)
    return Prepared(doc=doc, text=text, blocked=blocked_ranges(text))
