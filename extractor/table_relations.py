"""Finds how a text table ties its cells together: total rows, share columns, ratio columns."""
from __future__ import annotations

import regex

from . import tables
from .balances import Balance
from .formulas import formula_rows
from .intervals import Interval, of
from .relations import Finder, Fraction, Group, comparable, cues, ratio


def table_relations(finder: Finder) -> tuple[list[Group], list[Fraction], list[list[int]], list[Balance]]:
    """In a text table: a total row against the rows above it; a numbered row against the deeper
    numbered rows under it; a row whose label gives a formula against the rows it names; a
    percentage column against the pair of columns whose ratio it gives in most rows, or against one
    column and its total row (so one wrong row stands out); a share column whose total row says 100."""
    groups: list[Group] = []
    fractions: list[Fraction] = []
    shares: list[list[int]] = []
    formulas: list[Balance] = []
    for grid in finder.grids:
        cells = [[finder.figure_in(span) for span in spans] for _, spans in grid.rows]
        labels = [tables.row_label(texts) for texts, _ in grid.rows]
        numbering = [" ".join(t for t in row_texts[:2]) for row_texts, _ in grid.rows]
        levels = [_level(row) for row in numbering]
        found, hundreds = _total_rows(finder, cells, labels, grid.header, levels, numbering)
        heads, head_fractions, head_hundreds = _parent_rows(finder, cells, grid.header, levels, labels)
        groups.extend(found + heads)
        fractions.extend(head_fractions)
        shares.extend(hundreds + head_hundreds)
        fractions.extend(_ratio_columns(finder, cells, labels))
        by_formula = formula_rows(finder, cells, labels, numbering)
        groups.extend(by_formula.groups)
        formulas.extend(by_formula.balances)
    return groups, fractions, shares, formulas


def _summed(header: list[str], col: int) -> bool:
    """A column of flows adds up; one of balances ("Tồn quỹ") or averages ("Thu nhập BQ (triệu đồng/tháng)") does not."""
    return col >= len(header) or not (cues().stock.search(header[col]) or cues().average_column.search(header[col]))


def _heads(levels: list[int | None], r: int) -> bool:
    return levels[r] is not None and r + 1 < len(levels) and levels[r + 1] is not None and levels[r + 1] > levels[r]


def _parent_rows(finder: Finder, cells: list[list[int | None]], header: list[str], levels: list[int | None],
                 labels: list[str]) -> tuple[list[Group], list[Fraction], list[list[int]]]:
    """"III | Chi trong năm | 83.100.000" heads "1 | …", "2 | …" under it, and "1 | Chi chăm lo |
    56.600.000" heads "1.1 | …", "1.2 | …": a numbered row is the sum of the next level's rows under it,
    unless one of them is only a part of it ("- Trong đó: …"). Where its share column says 100, the
    rows' shares make 100% and each is its amount over the heading row's."""
    found, fractions, hundreds = [], [], []
    for r, level in enumerate(levels):
        if not _heads(levels, r):
            continue
        under = []
        for p in range(r + 1, len(levels)):
            if levels[p] is None or levels[p] <= level:
                break
            under.append(p)
        under = _top_level(under, levels)
        if len(under) < 2 or any(cues().opening_parts.match(labels[p] + ":") for p in under):
            continue
        for col, total in enumerate(cells[r]):
            parts = [cells[p][col] if col < len(cells[p]) else None for p in under]
            if total is None or None in parts or finder.figures[total].kind == "percent" or not _summed(header, col):
                continue
            if all(comparable(finder.figures[total], finder.figures[j]) for j in parts):
                found.append(Group(total=total, parts=parts, selection=False))
        for col, hundred in enumerate(cells[r]):
            shares = [cells[p][col] if col < len(cells[p]) else None for p in under]
            if (hundred is None or finder.figures[hundred].kind != "percent" or finder.figures[hundred].value != 100
                    or None in shares or any(finder.figures[j].kind != "percent" for j in shares)):
                continue
            hundreds.append(shares)
            amount = next((c for c in range(col - 1, -1, -1) if cells[r][c] is not None and finder.figures[cells[r][c]].kind != "percent"
                           and all(c < len(cells[p]) and cells[p][c] is not None for p in under)), None)
            if amount is not None:
                fractions.extend(Fraction(part=cells[p][amount], base=cells[r][amount], percent=j) for p, j in zip(under, shares))
    return found, fractions, hundreds


_PERIOD = regex.compile(r"(?:năm[^\S\n]+)?(?:19|20)\d\d(?!\d)|quý|tháng|(?:6|sáu) tháng|đầu kỳ|cuối kỳ|đầu năm", regex.IGNORECASE)


def _total_rows(finder: Finder, cells: list[list[int | None]], labels: list[str], header: list[str],
                levels: list[int | None], numbering: list[str]) -> tuple[list[Group], list[list[int]]]:
    """A total row sums the rows above it, but not a column of balances ("Tồn đầu năm", "Số dư"),
    whose total row repeats the first or last, nor an opening balance row above "Cộng thu". A
    numbered "III | Tổng chi" over "1 | …", "2 | …" heads the rows under it (`_parent_rows`)."""
    found, hundreds = [], []
    for r, label in enumerate(labels):
        if not cues().table_total.match(label) or _heads(levels, r):
            continue
        above, stocks = [], []
        for p in range(r - 1, -1, -1):
            if cues().table_total.match(labels[p]) or not any(c is not None for c in cells[p]):
                break  # a previous total or a section row ("B | Phần thu") bounds the parts
            (stocks if cues().stock.search(labels[p]) and not cues().sources.search(label) else above).append(p)
        above = _top_level(above, levels)
        periods = all(_PERIOD.match(numbering[p].strip()) for p in above)
        for col, total in enumerate(cells[r]):
            if total is None or not _summed(header, col) or col < len(header) and periods and cues().level.search(header[col]):
                continue  # "Cộng 3 năm" of "Đoàn viên cuối kỳ" is the last year's level, not a sum
            parts = _column_parts(finder, cells, above, stocks, col, total)
            if len(parts) < 2 or not all(comparable(finder.figures[total], finder.figures[j]) for j in parts):
                continue
            if finder.figures[total].kind != "percent":
                found.append(Group(total=total, parts=parts, selection=False))
            elif finder.figures[total].value == 100:  # "Tổng cộng | 405 | 100": the rows' shares make 100%
                hundreds.append(parts)
    return found, hundreds


def _column_parts(finder: Finder, cells: list[list[int | None]], above: list[int], stocks: list[int], col: int,
                  total: int) -> list[int]:
    """The cells a total row sums in one column: the opening balance row ("Số dư năm trước chuyển sang")
    only where the total holds it, as "Cộng" of a table of the sources used does."""
    def column(rows: list[int]) -> list[int]:
        return [cells[p][col] for p in sorted(rows) if col < len(cells[p]) and cells[p][col] is not None]

    def fits(rows: list[int]) -> bool:
        return bool(rows) and sum((of(finder.figures[j]) for j in rows), Interval(0.0, 0.0)).meets(of(finder.figures[total]))

    parts, with_stock = column(above), column(above + stocks)
    return with_stock if len(with_stock) > len(parts) and fits(with_stock) and not fits(parts) else parts


def _ratio_columns(finder: Finder, cells: list[list[int | None]], labels: list[str]) -> list[Fraction]:
    width = max(len(row) for row in cells)
    column = lambda c: [row[c] if c < len(row) else None for row in cells]  # noqa: E731
    totals = [r for r, label in enumerate(labels) if cues().table_total.match(label)]
    found = []
    for p in range(width):
        shares = column(p)
        if sum(1 for i in shares if i is not None and finder.figures[i].kind == "percent") < 2:
            continue
        best = None
        for a in range(width):
            bases = [(column(b), set()) for b in range(width) if len({a, b, p}) == 3]
            # "Số đoàn viên | Tỷ lệ (%)" with "Tổng cộng | 405 | 100": each row's share of the column total
            bases += [([cells[r][a]] * len(cells), set(totals)) for r in totals if a < len(cells[r]) and cells[r][a] is not None]
            for base, skip in bases if a != p else []:
                rows = [(x, y, z) for r, (x, y, z) in enumerate(zip(column(a), base, shares)) if r not in skip
                        and None not in (x, y, z) and x != y and finder.figures[y].value and finder.figures[z].kind == "percent"
                        and finder.figures[z].value_max is None]  # "Mức ưu đãi | 5% – 15%": a range is no share
                fits = sum(1 for x, y, z in rows
                           if of(finder.figures[z]).meets(ratio(of(finder.figures[x]), of(finder.figures[y]))))
                if len(rows) >= 2 and fits >= max(2, 0.6 * len(rows)) and (best is None or fits > best[0]):
                    best = (fits, rows)
        if best:
            found.extend(Fraction(part=x, base=y, percent=z) for x, y, z in best[1])
    return found


_NUMBERING = [
    (regex.compile(r"^\s*[IVX]+[.)]?(?:\s|$)"), 1),         # "I. Số dư năm 2023 chuyển sang"
    (regex.compile(r"^\s*[A-H][.)]?(?:\s|$)"), 0),         # "C | Tổng chi" over "1 | Lương, phụ cấp"
    (regex.compile(r"^\s*\d+\.\d+[.)]?(?:\s|$)"), 3),       # "3.1. Chăm lo, thăm hỏi"
    (regex.compile(r"^\s*\d+[.)]?(?:\s|$)"), 2),             # "1. Đoàn phí công đoàn", "1 | Lương ..."
    (regex.compile(r"^\s*[-–+•*](?:\s|$)"), 4),               # "- Lãi tiền gửi ngân hàng"
]


def _level(row: str) -> int | None:
    """How deep a table row sits by its numbering: A. > I. > 1. > 3.1. > "-" items; None when unnumbered."""
    return next((level for pattern, level in _NUMBERING if pattern.match(row)), None)


def _top_level(rows: list[int], levels: list[int | None]) -> list[int]:
    """The rows a total sums when the table nests sub-items under items ("II. Thu trong năm" over "1.",
    "2.", "3." over "- ..."): the shallowest numbered level among them, or all rows if none is numbered."""
    numbered = [levels[p] for p in rows if levels[p] is not None]
    if not numbered:
        return rows
    return [p for p in rows if levels[p] == min(numbered)]
