"""Finds a breakdown given with shares whose whole the text stated before it.

"Kết quả theo nguồn: đoàn viên đóng góp 1.268.300.000 đồng (54,1%); doanh nghiệp ủng hộ
803.200.000 đồng (34,2%); các nhà hảo tâm 275.000.000 đồng (11,7%)." names no base: the whole is
the 2.346.500.000 đồng of an earlier sentence. The base is the earlier figure that most of the
shares fit, as with a table's ratio column, so one altered item stands out against the others;
when the shares make 100% (or the items make the base) the items are the whole breakdown.
"""
from __future__ import annotations

import regex

from . import intervals
from .models import Figure
from .relations import LIST_LINE, OVERLAPPING, Finder, Fraction, Group, comparable, compared_level, cues, ratio, same_noun

_REACH = 2500  # how far back (characters) the whole may have been stated
_BETWEEN_ITEMS = 300
_LIST_REACH = 800  # how far before a list's opening line its total may stand


def breakdowns(finder: Finder, resolved: set[int]) -> tuple[list[Group], list[Fraction]]:
    """Runs of "amount (share)" items not already read against a base (`resolved` percentages)."""
    groups: list[Group] = []
    fractions: list[Fraction] = []
    for run in _runs(finder, resolved):
        base = _base(finder, run)
        if base is None:
            continue
        if _whole(finder.figures, run, base):
            groups.append(Group(total=base, parts=[i for i, _ in run], selection=False, shares=dict(run)))
        else:
            fractions.extend(Fraction(part=i, base=base, percent=p) for i, p in run)
    return groups, fractions


def _runs(finder: Finder, resolved: set[int]) -> list[list[tuple[int, int]]]:
    f, text = finder.figures, finder.text
    pairs = [(i, p) for i in range(len(f)) if f[i].kind != "percent" and not finder.is_rate(i)
             and (p := finder.share_of(i, own_base=False)) is not None and p not in resolved]
    runs: list[list[tuple[int, int]]] = []
    for i, p in pairs:
        last = runs[-1][-1] if runs else None
        if (last and comparable(f[last[0]], f[i]) and f[i].start - f[last[1]].end < _BETWEEN_ITEMS
                and not _sentence_break(text[f[last[1]].end:f[i].start])):
            runs[-1].append((i, p))
        else:
            runs.append([(i, p)])
    return [r for r in runs if len(r) >= 2]


def _hundred(f: list[Figure], run: list[tuple[int, int]]) -> bool:
    return sum((intervals.of(f[p]) for _, p in run), intervals.Interval(0.0, 0.0)).meets(intervals.Interval(100.0, 100.0))


def _sentence_break(gap: str) -> bool:
    """Items of one breakdown run on with ";" or list lines, not across a full stop."""
    return bool(regex.search(r"[.!?](?:\s|$)", gap))  # "…, chiếm 40,7%.\n\nXét theo lĩnh vực, …" too


def _base(finder: Finder, run: list[tuple[int, int]]) -> int | None:
    """The earlier figure that the most shares fit: at least two, and at least 60% of the items."""
    f = finder.figures
    first = f[run[0][0]].start
    best, best_key = None, (0, False)
    nearest = None  # of a pair, the nearest earlier figure larger than both items may be fitted by one share only
    for j in range(run[0][0] - 1, -1, -1):
        b = f[j]
        if b.start < first - _REACH:
            break
        if (b.kind == "percent" or not comparable(f[run[0][0]], b) or finder.is_rate(j) or not b.value
                or compared_level(finder.text, b) or b.role == "target" != f[run[0][0]].role and finder.bracketed(j)):
            continue  # "giảm 0,6% so với năm 2025 (12.427 triệu đồng)": the level compared with, not the whole;
            # "đạt 106,8% dự toán (1 tỷ đồng)": a plan is no whole of what was done
        fits = sum(1 for i, p in run if intervals.of(f[p]).meets(ratio(intervals.of(f[i]), intervals.of(b))))
        key = (fits, _whole(f, run, j))  # of two the shares fit alike, the one the items add up to
        if key > best_key:
            best, best_key = j, key
        if nearest is None and all(b.value > f[i].value for i, _ in run):
            nearest = (j, fits)
    if len(run) == 2:
        # two items whose shares make 100%, or that add up to it, break down the nearest larger figure before them
        # ("… thu 3.612.480.000 đồng, chiếm 62,7%; … thu 2.146.320.000 đồng, chiếm 37,3%") if one share fits it;
        # two candidates' votes ("96 phiếu, đạt 49,48%", "79 phiếu, đạt 40,72%") are no breakdown
        fitting = nearest and nearest[1] and (_hundred(f, run) or _whole(f, run, nearest[0]))
        return nearest[0] if fitting else None
    return best if best_key[0] >= max(2, 0.6 * len(run)) else None


def _whole(f: list[Figure], run: list[tuple[int, int]], base: int) -> bool:
    shares = sum((intervals.of(f[p]) for _, p in run), intervals.Interval(0.0, 0.0))
    items = sum((intervals.of(f[i]) for i, _ in run), intervals.Interval(0.0, 0.0))
    return shares.meets(intervals.Interval(100.0, 100.0)) or items.meets(intervals.of(f[base]))


def listed(finder: Finder, found: list[Group]) -> list[Group]:
    """"Kết quả theo từng năm:" and a list of items, one line each: the items break down the last
    figure of their noun stated before the list, at least as large as each item and not itself a part
    of a breakdown already `found` ("146 căn nhà ... tổng kinh phí 5,466 tỷ đồng")."""
    f, text, lines = finder.figures, finder.text, finder.layout.lines
    taken = {j for g in found for j in [*g.parts, *g.members]}
    groups = []
    for n, line in enumerate(lines):
        if not line.end > line.start or not cues().list_opener.search(text, line.start, line.end):
            continue
        opener = finder.layout.sentence_of(line.end - 1).start  # "... 5,466 tỷ đồng. Kết quả theo từng năm:"
        items = []
        for item in lines[n + 1:]:
            if not LIST_LINE.match(text[item.start:item.end]):
                break
            items.append(_items(finder, item.start, item.end, asides=True))
        if len(items) < 2 or not all(items):
            continue
        for first in items[0]:
            parts = [j for item in items for j in item if f[j].kind == f[first].kind and same_noun(f[j].unit, f[first].unit)]
            if len({_item_of(items, j) for j in parts}) < len(items) or taken & set(parts):
                continue  # every item must give one of these, and the list must not be another total's parts
            shares = [s for j in parts if (s := finder.share_of(j)) is not None]
            if len(shares) == len(parts) and sum(f[s].value for s in shares) > OVERLAPPING:
                continue  # "Ông A: 52 phiếu, đạt 94,5%; Bà B: 49 phiếu, đạt 89,1%; …": votes of candidates, not parts
            totals = [j for j in _earlier_totals(finder, parts, opener, taken) if finder.whole_share(j) is None]
            if totals and all(g.total != totals[0] for g in groups):  # "11 cuộc, chiếm 78,6%" is itself a part
                group = Group(total=totals[0], parts=parts, selection=False)
                # "- FDI kết nạp 4.731 đoàn viên, chiếm 46,2%;": each item's share is of that whole
                group.shares = {j: s for j in parts if (s := finder.share_of(j, own_base=False)) is not None}
                groups.append(group)
    return groups


def led(finder: Finder, found: list[Group]) -> list[Group]:
    """A sentence led by "Xét theo nguồn", "Về kinh phí", or closed by "… còn lại", "các … khác"
    breaks down a total of its noun stated before it: "tặng 48.650 suất quà … Xét theo nguồn trao
    tặng, LĐLĐ tỉnh trao 6.200 suất; …; CĐCS trao 27.400 suất; 5.200 suất còn lại do doanh nghiệp
    trao." Of the earlier figures of that noun, the one the items add up to is the total; when none
    fits, the nearest."""
    f, text = finder.figures, finder.text
    taken = {j for g in found for j in [*g.parts, *g.members]}
    used = taken | {g.total for g in found}
    groups = []
    for sentence in finder.layout.sentences:
        items = _items(finder, sentence.start, sentence.end)
        if len(items) < 2 or used & set(items):
            continue
        first = items[0]
        parts = [j for j in items if f[j].kind == f[first].kind and same_noun(f[j].unit, f[first].unit)]
        lead = cues().breakdown_lead.match(text, sentence.start, f[first].start)
        rest = _complete(finder, parts) and ";" in text[sentence.start:sentence.end]
        if len(parts) < (2 if rest else 3) or not (lead or rest):
            continue
        if any(cues().stock.search(finder.label(j)) for j in parts):
            continue  # "tồn đầu năm 4.350.000 đồng, thu 9.200.000 đồng, chi 6.000.000 đồng, số dư còn lại …": a balance
        if cues().parts_cue.search(text, f[parts[0]].end, f[parts[1]].start):
            # "c) Doanh nghiệp trao: 1.150 suất, trị giá 690 triệu đồng; trong đó A 300 suất, B 250 suất, … khác 600
            # suất": the first item is the whole of the others
            groups.append(Group(total=parts[0], parts=parts[1:], selection=not rest))
            taken.update(parts[1:])
            used.update(parts)
            continue
        totals = _earlier_totals(finder, parts, sentence.start, set())  # a part elsewhere may be this whole ("nữ 241 người")
        items_sum = sum((intervals.of(f[j]) for j in parts), intervals.Interval(0.0, 0.0))
        total = next((j for j in totals if items_sum.meets(intervals.of(f[j]))), None)
        if total is None:
            fallback = _named_in(finder, totals, text[sentence.start:f[first].start]) + [k for k in totals if k not in taken]
            total = fallback[0] if fallback else None
        if total is not None:
            group = Group(total=total, parts=parts, selection=False)
            # "Về trình độ, có 64 người trên đại học (5,1%), 712 người … (57,1%)": shares of that whole
            group.shares = {j: s for j in parts if (s := finder.share_of(j, own_base=False)) is not None}
            groups.append(group)
            taken.update(parts)
            used.update(parts)
    return groups


def _named_in(finder: Finder, totals: list[int], lead: str) -> list[int]:
    """Figures whose own words the lead repeats ("Trình độ chuyên môn của lao động nữ:" → "nữ 241 người")."""
    said = set(regex.findall(r"\p{L}+", lead.lower()))
    own = [set(regex.findall(r"\p{L}+", finder.label(j))) - set(regex.findall(r"\p{L}+", finder.figures[j].unit.lower()))
           for j in totals]
    return [j for j, words in zip(totals, own) if words & said]


def led_shares(finder: Finder, resolved: set[int]) -> list[list[int]]:
    """Shares with no count, of a list that names its last class as the rest or runs from the
    lowest band to the highest, make 100%: "chăn nuôi (chiếm 42%), trồng trọt (27%), kinh doanh
    dịch vụ nhỏ (21%), mục đích khác (10%)", "dưới 30 tuổi: 42%; từ 30 đến 45 tuổi: 45%; trên 45 tuổi: 13%"."""
    f = finder.figures
    lists = []
    for sentence in finder.layout.sentences:
        shares = [p for p in finder.between(sentence.start, sentence.end) if f[p].kind == "percent"]
        if (len(shares) >= 3 and not resolved & set(shares) and not _items(finder, sentence.start, sentence.end)
                and f[shares[0]].role == "actual" and _complete(finder, shares)):
            lists.append(shares)
    return lists


def _complete(finder: Finder, items: list[int]) -> bool:
    """The last item is the rest ("… khác 8 người", "5.200 suất còn lại"), or the items are bands
    from "dưới …" to "trên …"."""
    f, text = finder.figures, finder.text
    before = [text[max(0, f[j].start - 40):f[j].start].rsplit(";", 1)[-1] for j in items]
    return finder.is_rest(items[-1]) or bool(cues().lowest_band.search(before[0]) and cues().highest_band.search(before[-1]))


def _items(finder: Finder, start: int, end: int, asides: bool = False) -> list[int]:
    """The amounts and counts an item gives: no share, rate, change or ratio ("55/57 phiếu"); bracketed ones only
    in a list of lines."""
    f = finder.figures
    return [j for j in finder.between(start, end) if f[j].kind != "percent" and not finder.is_rate(j)
            and not finder.is_change(j) and not finder.in_ratio(j) and (asides or not finder.bracketed(j))]


def _earlier_totals(finder: Finder, parts: list[int], before: int, taken: set[int]) -> list[int]:
    """Figures of the parts' noun stated before `before` (nearest first) that can be their whole:
    no rate, change, aside or table cell, and at least as large as each part."""
    f, text = finder.figures, finder.text
    first = f[parts[0]]
    return [j for j in range(min(parts) - 1, -1, -1) if before - _LIST_REACH <= f[j].start < before
            and f[j].kind == first.kind and same_noun(f[j].unit, first.unit)
            and j not in taken and not finder.is_rate(j) and not finder.is_change(j) and not finder.bracketed(j)
            and not finder.in_table(j) and "|" not in text[finder.layout.line_of(f[j].start).start:f[j].start]
            and f[j].value >= max(f[k].value for k in parts)]


def _item_of(items: list[list[int]], j: int) -> int:
    return next(n for n, item in enumerate(items) if j in item)
