"""Finds percentages that state a change between two figures the text gives.

"tăng từ 6,2 triệu đồng (năm 2018) lên 8,9 triệu đồng (năm 2023), tăng 43,5%" and
"thành lập mới 37 CĐCS, vượt 23,3% so với chỉ tiêu (30 CĐCS)" say how far one figure is above
(or below) another; the audit reads them as part/base − 100%.
"""
from __future__ import annotations

from functools import cache

import regex

from . import rules
from .models import Figure
from .relations import Fraction, comparable, compared_level
from .relations import cues as relation_cues
from .sentences import Layout

_AND = regex.compile(r"(?<!\p{L})và(?!\p{L})")


class _Cues:
    def __init__(self) -> None:
        d = rules.data("relations")
        word = rules.whole_words
        self.up = regex.compile(rf"{word(d['increase_words'])}[^\S\n]*$", regex.IGNORECASE)
        self.down = regex.compile(rf"{word(d['decrease_words'])}[^\S\n]*$", regex.IGNORECASE)
        self.start = regex.compile(rf"{word(d['change_from'])}[^\S\n]*$", regex.IGNORECASE)
        # "từ 6,2 triệu đồng/người/tháng (năm 2018) lên": an aside in brackets may hold a year
        self.end = regex.compile(rf"^(?:[^\d;\n()]|\([^()\n]{{0,30}}\)){{0,60}}?{word(d['change_to'])}[^\S\n]*$", regex.IGNORECASE)
        # "tăng 256 tỷ đồng (+6,3%)", "tăng 2.140 suất, tương đương tăng 13,0%"
        self.amount_share = regex.compile(rf"[^\S\n]*\([^\S\n]*[+−-]?[^\S\n]*|[^\S\n]*,[^\S\n]*{word(d['change_share_links'])}"
                                          rf"(?:[^\S\n]+{word(d['increase_words'] + d['decrease_words'])})?[^\S\n]+", regex.IGNORECASE)
        # "…; như vậy so với cùng kỳ, … tăng 1.830 lượt": a comparison between a level and its change
        self.compared = rules.cue_regex(d['compared_to'])
        # "tăng 343 suất, tức 9,8% so với 3.503 suất", "bằng 15,2% so với mức 3,007 tỷ đồng": the base right after
        self.next_base = regex.compile(rf"[^\S\n]*{word(d['compared_to'])}(?:[^\S\n]+mức)?[^\S\n]*", regex.IGNORECASE)
        # "so với chỉ tiêu (30 CĐCS)", "so với năm 2023 (1.867.150.000 đồng)": the base in brackets
        # … and "tăng 1,35 triệu đồng (18,2%) so với năm 2018 (7.400.000 đồng)", "so với cùng kỳ (năm 2024 thu …",
        # "vượt 2,5% kế hoạch (kế hoạch 5.620.000.000 đồng)"
        self.bracketed_base = regex.compile(rf"^\)?[^\S\n]*(?:{word(d['compared_to'])}|{word(d['plan_bases'])})[^()\n;.]{{0,40}}"
                                            rf"\((?:[^()\d\n]|(?:19|20)\d\d(?!\d)){{0,30}}$", regex.IGNORECASE)


@cache
def cues() -> _Cues:
    return _Cues()


def changes(text: str, figures: list[Figure], layout: Layout) -> list[Fraction]:
    found = []
    for p, f in enumerate(figures):
        if f.kind != "percent" or p == 0:
            continue
        if (sign := change_sign(text, f)) and (pair := _from_to(text, figures, layout, p)
                                              or _against_bracket(text, figures, layout, p)):
            part, base = pair
            # "tăng 92.655.400 đồng, tương ứng tăng 6,5% so với năm 2024 (1.436,2 triệu đồng)": the part is
            # the change itself, the percentage its ratio to the base
            found.append(Fraction(part=part, base=base, percent=p, change=0 if change_sign(text, figures[part]) else sign))
        elif fraction := _change_amount(text, figures, layout, p):
            found.append(fraction)
    return found


def _change_amount(text: str, figures: list[Figure], layout: Layout, p: int) -> Fraction | None:
    """"4.318 tỷ đồng, tăng 256 tỷ đồng (+6,3%)", "19 vụ ..., giảm 7 vụ (26,9%) so với năm 2023": the
    percentage of a change amount is of the level before the change."""
    d = p - 1
    amount = figures[d]
    if d > 0 and _in_brackets(text, amount) and _alike(figures[d - 1], amount) \
            and cues().amount_share.fullmatch(text[text.find(")", amount.end) + 1:figures[p].start]) \
            and change_sign(text, figures[d - 1]):
        return Fraction(part=d - 1, base=d, percent=p)  # "tăng 37 hoạt động (năm 2025 là 375 hoạt động), tương đương 9,9%"
    if amount.kind == "percent" or not cues().amount_share.fullmatch(text[amount.end:figures[p].start]):
        return None
    sign = change_sign(text, amount)
    if sign and p + 1 < len(figures) and _alike(amount, figures[p + 1]) and (
            cues().bracketed_base.match(text[figures[p].end:figures[p + 1].start])
            or cues().next_base.fullmatch(text[figures[p].end:figures[p + 1].start])):
        return Fraction(part=d, base=p + 1, percent=p)  # "tăng 1,35 triệu đồng (18,2%) so với năm 2018 (7.400.000 đồng)"
    sentence = layout.sentence_of(amount.start)
    # "12.648 đoàn viên (nữ 7.392 đoàn viên, chiếm 58,4%), tăng 341 đoàn viên (2,8%)": a breakdown in
    # brackets is not the level that changed; a compared level ("so với năm 2023 (9 vụ)") is
    level = next((j for j in range(d - 1, -1, -1) if figures[j].start >= sentence.start
                  and figures[j].kind != "percent" and comparable(figures[j], amount)
                  and not (_in_brackets(text, figures[j]) and not compared_level(text, figures[j]))), None)
    if not sign or level is None:
        return None
    opened = text.rfind("(", sentence.start, figures[level].start)
    if opened >= 0 and ")" not in text[opened:figures[level].start] \
            and relation_cues().compared_level.search(text, max(sentence.start, opened - 90), opened + 1) \
            or cues().start.search(text, max(0, figures[level].start - 12), figures[level].start):
        # "So với năm 2023 (9 vụ), số vụ giảm 2 vụ (22,2%)": of the 9; "từ 25.000 đồng lên 28.000 đồng/suất, tăng
        # 3.000 đồng, tương đương tăng 12%": of the level it rose from
        return Fraction(part=d, base=level, percent=p)
    # "Năm 2023 … 4.650 lượt CNLĐ tham gia; như vậy so với cùng kỳ, … tăng 1.830 lượt, tương đương 39,4%": a
    # comparison between the level and its change leaves open whether the level is the one before or after it
    unsure = bool(cues().compared.search(text, figures[level].end, amount.start))
    return Fraction(part=d, base=level, percent=p, change_of_base=sign, level_unsure=unsure)


def change_sign(text: str, f: Figure) -> int:
    """+1 for a figure right after "tăng", −1 right after "giảm", else 0."""
    head = text[max(0, f.start - 20):f.start]
    return 1 if cues().up.search(head) else -1 if cues().down.search(head) else 0


def _from_to(text: str, figures: list[Figure], layout: Layout, p: int) -> tuple[int, int] | None:
    """"từ A lên B, tăng P%" in the percentage's sentence."""
    sentence = layout.sentence_of(figures[p].start)
    for b in range(p - 1, 0, -1):
        a = b - 1
        if figures[a].start < sentence.start:
            return None
        fa, fb = figures[a], figures[b]
        if (fa.kind != "percent" and comparable(fa, fb) and cues().start.search(text, max(0, fa.start - 12), fa.start)
                and cues().end.match(text[fa.end:fb.start])):
            # "từ 15.000 đồng (2018) lên 20.000 đồng (2020) và 25.000 đồng từ 2022, tăng 66,7%": the last level
            later = [c for c in range(b + 1, p) if comparable(figures[c], fb) and ";" not in text[fb.end:figures[c].start]
                     and _AND.search(text, fb.end, figures[c].start)]
            return (later[-1] if later else b), a
    return None


def _against_bracket(text: str, figures: list[Figure], layout: Layout, p: int) -> tuple[int, int] | None:
    """"37 CĐCS, vượt 23,3% so với chỉ tiêu (30 CĐCS)": the figure the clause is about against the one in
    brackets; asides in brackets before the percentage are skipped ("2.346.500.000 đồng (Bằng chữ: ...),
    đạt 117,3% kế hoạch (kế hoạch 2.000.000.000 đồng), tăng 14,2% so với năm 2023 (2.054.800.000 đồng)")."""
    if p + 1 >= len(figures) or not cues().bracketed_base.match(text[figures[p].end:figures[p + 1].start]):
        return None
    base = figures[p + 1]
    closing = text.find(")", base.end)
    if p + 2 < len(figures) and closing >= 0 and figures[p + 2].start < closing:
        return None  # "tăng 18,9% so với năm 2023 (47 lượt, 108.500.000 đồng)": which of them is the base is not said
    sentence = layout.sentence_of(figures[p].start)
    candidates = []
    for j in range(p - 1, -1, -1):
        part = figures[j]
        if part.start < sentence.start or ";" in text[part.end:figures[p].start]:
            break
        if part.kind != "percent" and not _in_brackets(text, part) and _alike(part, base) \
                and not (part.role == "target" and base.role == "actual"):
            candidates.append(j)  # "thu được 14.176.950.000 đồng/kế hoạch 13.600.000.000 đồng, …": not the plan
    # "712.800.000 đồng, bình quân khoảng 70.500 đồng/đoàn viên/tháng, tăng 4,6% so với năm 2023 (681,2 triệu
    # đồng)": the amount, not its rate, is what the bracket compares
    same_rate = [j for j in candidates if figures[j].per == base.per]
    return ((same_rate or candidates)[0], p + 1) if candidates else None


def _alike(a: Figure, b: Figure) -> bool:
    """Comparable, or the same amount once with its rate and once without ("8,65 triệu đồng/người/tháng"
    against "năm 2019 (7,57 triệu đồng)")."""
    return comparable(a, b) or a.kind == b.kind == "money" and None in (a.per, b.per)


def _in_brackets(text: str, f: Figure) -> bool:
    opened = text.rfind("(", 0, f.start)
    return opened >= 0 and ")" not in text[opened:f.start] and "\n" not in text[opened:f.start]
