"""Finds an amount the text gives as a count times a rate.

"tặng quà 241 chị, mỗi chị 200.000 đồng, tổng 48.200.000 đồng", "63 lượt x 500.000 đồng =
31.500.000 đồng", "215 đoàn viên, mức 750.000 đồng/người, thành tiền 161.250.000 đồng": count,
rate and total stand in one clause, in that order. A rate per two things ("đồng/người/tháng",
"mỗi dịp ... đồng/người") is multiplied by a number the text may not give (months, occasions):
then the total must be a whole multiple of count × rate.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from . import rules
from .relations import Finder

_TIMES_SIGN = regex.compile(r"(?<!\p{L})[x×][^\S\n]*$")  # "63 lượt x 500.000 đồng"
_CLAUSE_END = regex.compile(r"[;\n]|\.\s")
_MAX_TIMES = 24  # months of two years, occasions of a year: beyond this a multiple proves nothing


@dataclass
class Product:
    terms: list[tuple[int, int]]  # (count, rate) pairs: "10 nhà ... 60 triệu đồng/nhà, 02 nhà ... 30 triệu đồng/nhà"
    total: int
    times: bool  # a rate per two things: the total may be any whole multiple of count × rate
    amounts: list[int] = field(default_factory=list)  # items priced whole: "01 giải Nhất (5 triệu đồng)"


class _Cues:
    def __init__(self) -> None:
        d = rules.data("relations")
        word = rules.whole_words
        self.total = regex.compile(rf"(?:{word(d['product_total_cues'])}|=)[^\d;\n]{{0,25}}$", regex.IGNORECASE)
        self.times = regex.compile(word(d["product_times_cues"]), regex.IGNORECASE)


@cache
def cues() -> _Cues:
    return _Cues()


def products(finder: Finder) -> list[Product]:
    f, text = finder.figures, finder.text
    found = []
    for t, total in enumerate(f):
        if total.kind != "money" or _is_rate(finder, t) or not cues().total.search(text, max(0, total.start - 40), total.start):
            continue
        start = _clause_start(text, total.start)
        inside = list(finder.between(start, total.start))
        terms, counts = [], []
        for j in inside:
            if f[j].kind == "count" and f[j].role == total.role:  # not the quota "(chỉ tiêu 20 nhà)" among results
                counts.append(j)
            elif f[j].kind == "money" and _is_rate(finder, j):
                # the count at the rate's own bracket level: "255 cá nhân (trong đó 87 nữ, 41 cán bộ), mức ..." is 255;
                # a rate in brackets may also be of the count before them ("214 lượt (mức 250 nghìn đồng/lượt)")
                count = next((c for c in reversed(counts) if finder.bracketed(c) == finder.bracketed(j)), None)
                if count is None and finder.bracketed(j):
                    count = next((c for c in reversed(counts) if not finder.bracketed(c)), None)
                if count is not None:
                    terms.append((count, j))
                    counts = [c for c in counts if c > count]
        # "01 giải Nhất (5 triệu đồng), 01 giải Nhì (3 triệu đồng) và 02 giải Ba (mỗi giải 2 triệu đồng)": whole items
        amounts = [j for j in inside if f[j].kind == "money" and not any(j == r for _, r in terms) and j > 0
                   and f[j - 1].kind == "count" and finder.alone_in_brackets(j)]
        if not terms or any(f[j].kind == "money" and not any(j == r for _, r in terms) and j not in amounts
                            for j in inside if j > min([terms[0][0], *amounts])):
            continue  # another amount among the terms: not a plain product
        end = _CLAUSE_END.search(text, total.end)
        clause = text[start:end.start() if end else len(text)]
        times = any("/" in (f[r].per or "") or cues().times.search(f[r].per or "") for _, r in terms) \
            or bool(cues().times.search(clause))
        found.append(Product(terms=terms, total=t, times=times, amounts=amounts))
    return found


def _is_rate(finder: Finder, j: int) -> bool:
    """A price per unit, or an amount after a times sign ("63 lượt x 500.000 đồng")."""
    start = finder.figures[j].start
    return finder.is_unit_rate(j) or bool(_TIMES_SIGN.search(finder.text, max(0, start - 4), start))


def _clause_start(text: str, pos: int) -> int:
    ends = list(_CLAUSE_END.finditer(text, max(0, pos - 200), pos))
    return ends[-1].end() if ends else max(0, pos - 200)


def multiples(product: Product) -> range:
    return range(1, _MAX_TIMES + 1) if product.times else range(1, 2)
