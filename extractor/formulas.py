"""Finds a line whose label says which numbered lines it is computed from.

Financial disclosures write the arithmetic into the label: "3. Tổng nguồn (1 + 2): 926.934.000
đồng", "D | Tồn quỹ cuối kỳ (A + B – C) | 88.449.000". Such a line is a sum of the lines it names,
or a balance when one is taken away. The formula's shape is data (patterns/relations.yaml,
`formula_terms`); a marker names the numbered line or row nearest to the formula: the rows right
under it when the next row bears the first marker ("B | TỔNG THU (I + II + III)" over "I | …"),
else the latest line above.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from . import rules
from .balances import Balance
from .relations import Finder, Group, comparable

_SIGNS = regex.compile(r"[+\-–−]")
_LINE_MARKER = regex.compile(r"[^\S\n]*(?P<marker>[IVX]+|\d{1,2}|[A-Ha-h])[.)][^\S\n]")


@cache
def _formula() -> regex.Pattern:
    marker = rules.data("relations")["formula_terms"]
    return regex.compile(rf"\(\s*(?P<terms>(?:{marker})(?:\s*[+\-–−]\s*(?:{marker}))+)\s*\)")


def _terms(m: regex.Match) -> tuple[list[str], list[str]]:
    """"(A + B – C)" → (["A", "B", "C"], ["+", "+", "-"])."""
    markers = [t.strip() for t in _SIGNS.split(m["terms"])]
    signs = ["+", *("+" if s == "+" else "-" for s in _SIGNS.findall(m["terms"]))]
    return markers, signs


def _named(markers: list[str], marker_of: Callable[[int], str | None], r: int, count: int) -> list[int] | None:
    """The rows the markers name: under row `r` when the next row bears the first marker, else above."""
    below = r + 1 < count and marker_of(r + 1) == markers[0]
    rows = []
    for marker in markers:
        span = range(r + 1, count) if below else range(r - 1, -1, -1)
        rows.append(next((p for p in span if marker_of(p) == marker), None))
    return None if None in rows or len(set(rows)) < len(rows) else rows


class Found:
    """A formula of sums only is a total and its parts; one that takes away is a balance."""

    def __init__(self) -> None:
        self.groups: list[Group] = []
        self.balances: list[Balance] = []

    def add(self, finder: Finder, figures: list[int], result: int, signs: list[str]) -> None:
        if not all(comparable(finder.figures[result], finder.figures[j]) for j in figures):
            return
        if "-" not in signs:
            self.groups.append(Group(total=result, parts=figures, selection=False))
        else:
            self.balances.append(Balance(name="formula", plus=[t for t, s in zip(figures, signs) if s == "+"],
                                         minus=[t for t, s in zip(figures, signs) if s == "-"], result=result))


def formula_rows(finder: Finder, cells: list[list[int | None]], labels: list[str],
                 numbering: list[str]) -> Found:
    """In a text table, each column of a formula row against the same column of the rows it names."""
    found = Found()
    for r, label in enumerate(labels):
        if not (m := _formula().search(label)):
            continue
        markers, signs = _terms(m)
        rows = _named(markers, lambda p: (numbering[p].split() or [None])[0], r, len(labels))
        if rows is None:
            continue
        for col, result in enumerate(cells[r]):
            terms = [cells[p][col] if col < len(cells[p]) else None for p in rows]
            if result is None or None in terms or finder.figures[result].kind == "percent":
                continue
            found.add(finder, terms, result, signs)
    return found


def formula_lines(finder: Finder) -> Found:
    """Outside tables: "3. Tổng nguồn (1 + 2): 926.934.000 đồng" against the first amount of the
    lines "1. …" and "2. …"; a named line without an amount of its own leaves the formula unread."""
    lines = finder.layout.lines
    text = finder.text

    def marker_of(p: int) -> str | None:
        m = _LINE_MARKER.match(text, lines[p].start, lines[p].end)
        return m["marker"] if m else None

    def value_of(p: int, after: int) -> int | None:
        return next((j for j in finder.between(after, lines[p].end)
                     if finder.figures[j].kind != "percent" and not finder.in_table(j)), None)

    found = Found()
    for r, line in enumerate(lines):
        if not (m := _formula().search(text, line.start, line.end)) or (result := value_of(r, m.end())) is None:
            continue
        markers, signs = _terms(m)
        rows = _named(markers, marker_of, r, len(lines))
        if rows is None:
            continue
        terms = [value_of(p, _LINE_MARKER.match(text, lines[p].start).end()) for p in rows]
        if None not in terms:
            found.add(finder, terms, result, signs)
    return found
