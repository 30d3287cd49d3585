"""Checks a report against itself: parts against totals, shares against their counts and 100%,
products against count × rate, balances against their flows, restatements against each other.

The relations come from the finders: `relations` (groups, fractions, shares), `bases`,
`breakdowns`, `table_relations`, `changes`, `remainders`, `products`, `balances`, `restatements`.
Every comparison is between intervals (see `intervals`), so rounding and hedges never raise a
false alarm, and an incomplete list ("…") can only be found inconsistent when its listed items
alone already exceed the total.
"""
from __future__ import annotations

from . import intervals, readings
from .balances import Balance, balances
from .bases import named_bases, sentence_bases, sibling_bases
from .breakdowns import breakdowns, led, led_shares, listed
from .changes import changes
from .differences import differences
from .formulas import formula_lines
from .intervals import Interval
from .models import Figure, FigureRef, Finding
from .products import Product, multiples, products
from .relations import OVERLAPPING, Finder, Group
from .remainders import remainders, rests_of_shares
from .restatements import restatements
from .table_relations import table_relations

HUNDRED = Interval(100.0, 100.0)


def _refs(figures: list[Figure], indices: list[int]) -> list[FigureRef]:
    return [FigureRef(start=figures[i].start, end=figures[i].end, text=figures[i].text) for i in indices]


def _sum(figures: list[Figure], indices: list[int]) -> Interval:
    return _sum_of([intervals.of(figures[i]) for i in indices])


def _verdict(expected: Interval, reported: Interval, open_ended: bool = False) -> str:
    if open_ended:
        return "undecidable" if reported.hi >= expected.lo else "inconsistent"
    return "consistent" if expected.meets(reported) else "inconsistent"


def _finding(doc, check, figures, indices, expected: Interval, reported: Interval, verdict, message) -> Finding:
    return Finding(doc=doc, check=check, verdict=verdict, figures=_refs(figures, indices),
                   expected=str(expected), reported=str(reported), difference=intervals._fmt(expected.gap(reported)),
                   message=message)


def _parts_total(doc: str, f: list[Figure], total: int, parts: list[int], open_ended: bool) -> Finding:
    expected, reported = _sum(f, parts), intervals.of(f[total])
    if open_ended:
        expected = Interval(expected.lo, float("inf"))
    verdict = _verdict(expected, reported)
    if open_ended and verdict == "consistent":
        verdict = "undecidable"
    items = " + ".join(f[i].text for i in parts)
    listed = _sum(f, parts)
    message = {
        "consistent": f"Tổng các phần ({items}) khớp với tổng số «{f[total].text}».",
        "inconsistent": (f"Riêng các khoản được nêu ({items}) đã cộng lại {listed}, vượt tổng số «{f[total].text}»."
                         if open_ended else f"Tổng các phần ({items}) là {expected}, không khớp với tổng số «{f[total].text}»."),
        "undecidable": f"Danh sách kết thúc bằng «…» nên tổng các khoản nêu ra ({expected}) chỉ là cận dưới; không kết luận được so với «{f[total].text}».",
    }[verdict]
    return _finding(doc, "parts_total", f, [total, *parts], expected, reported, verdict, message)


def _part_exceeds(doc: str, f: list[Figure], total: int, part: int) -> Finding | None:
    t, p = intervals.of(f[total]), intervals.of(f[part])
    if p.lo <= t.hi:
        return None
    return _finding(doc, "part_exceeds_total", f, [total, part], Interval(0.0, t.hi), p, "inconsistent",
                    f"Một phần «{f[part].text}» lớn hơn cả tổng số «{f[total].text}».")


def _percent_of_base(doc: str, f: list[Figure], part: int, base: int, percent: int, change: int = 0,
                     change_of_base: int = 0) -> Finding:
    a, b, p = intervals.of(f[part]), intervals.of(f[base]), intervals.of(f[percent])
    if change_of_base:  # the level before the change: base − part after a rise, base + part after a fall
        b = Interval(max(b.lo - a.hi, 0.0), b.hi - a.lo) if change_of_base > 0 else b + a
    expected = Interval(100 * a.lo / b.hi if b.hi else 0.0, 100 * a.hi / b.lo if b.lo else float("inf"))
    if change:  # "tăng 43,5%": how far part is above base; "giảm 12%": how far below
        expected = Interval(expected.lo - 100, expected.hi - 100) if change > 0 else Interval(100 - expected.hi, 100 - expected.lo)
    verdict = _verdict(expected, p)
    ratio = f"{f[part].text} / {f[base].text}"
    message = (f"Tỷ lệ «{f[percent].text}» khớp với {ratio} ({expected}%)." if verdict == "consistent"
               else f"Tỷ lệ «{f[percent].text}» không khớp: {ratio} = {expected}%.")
    return _finding(doc, "percent_of_base", f, [percent, part, base], expected, p, verdict, message)


def _shares(doc: str, f: list[Figure], percents: list[int]) -> Finding:
    reported = _sum(f, percents)
    verdict = _verdict(HUNDRED, reported)
    items = " + ".join(f[i].text for i in percents)
    message = (f"Các tỷ lệ {items} cộng lại khớp 100%." if verdict == "consistent"
               else f"Các tỷ lệ {items} cộng lại {reported}%, lẽ ra là 100%.")
    return _finding(doc, "shares_100", f, percents, HUNDRED, reported, verdict, message)


def _product(doc: str, f: list[Figure], product: Product) -> Finding:
    each = _sum_of([intervals.of(f[c]) * intervals.of(f[r]) for c, r in product.terms])
    whole = _sum(f, product.amounts)
    reported = intervals.of(f[product.total])
    fits = [k for k in multiples(product) if (each * Interval(k, k) + whole).meets(reported)]
    items = " + ".join([f[a].text for a in product.amounts] + [f"{f[c].text} × {f[r].text}" for c, r in product.terms])
    if fits and fits[0] > 1:
        message = f"«{f[product.total].text}» bằng {fits[0]} lần {items} (mức tính theo từng kỳ, từng dịp)."
    elif fits:
        message = f"«{f[product.total].text}» khớp với {items}."
    else:
        message = f"«{f[product.total].text}» không khớp với {items} = {each + whole}" \
            + (" (kể cả khi nhân theo số kỳ, số dịp)." if product.times else ".")
    expected = (each * Interval(fits[0], fits[0]) if fits else each) + whole
    figures = [product.total, *product.amounts, *[i for term in product.terms for i in term]]
    return _finding(doc, "product", f, figures, expected, reported, "consistent" if fits else "inconsistent", message)


def _balance(doc: str, f: list[Figure], balance: Balance) -> Finding:
    """Without the opening balance stated, what is left is at least what came in less what went out."""
    plus, minus = _sum(f, balance.plus), _sum(f, balance.minus)
    expected = Interval(max(plus.lo - minus.hi, 0.0), max(plus.hi - minus.lo, 0.0))
    reported = intervals.of(f[balance.result])
    verdict = _verdict(expected, reported)
    if verdict == "inconsistent" and not balance.opening_stated and reported.lo > expected.hi:
        verdict = "undecidable"
    formula = " + ".join(f[i].text for i in balance.plus) + "".join(f" − {f[i].text}" for i in balance.minus)
    message = {"consistent": f"«{f[balance.result].text}» khớp với {formula}.",
               "inconsistent": f"«{f[balance.result].text}» không khớp: {formula} = {expected}.",
               "undecidable": f"«{f[balance.result].text}» lớn hơn {formula} = {expected}; số dư đầu kỳ không được nêu "
                              "nên không kết luận được."}[verdict]
    return _finding(doc, "balance", f, [balance.result, *balance.plus, *balance.minus], expected, reported, verdict, message)


def _sum_of(values: list[Interval]) -> Interval:
    return sum(values, Interval(0.0, 0.0))


def _restated(doc: str, f: list[Figure], first: int, second: int) -> Finding:
    a, b = intervals.of(f[first]), intervals.of(f[second])
    verdict = _verdict(a, b)
    message = (f"«{f[second].text}» nêu lại đúng «{f[first].text}»." if verdict == "consistent"
               else f"«{f[second].text}» ({b}) không khớp với «{f[first].text}» ({a}) mà nó nêu lại.")
    return _finding(doc, "restated", f, [first, second], a, b, verdict, message)


def audit(doc: str, text: str, figures: list[Figure]) -> list[Finding]:
    finder = Finder(text, figures)
    findings: list[Finding] = []
    table_groups, table_fractions, table_shares, table_formulas = table_relations(finder)
    by_formula = formula_lines(finder)
    groups = finder.groups() + table_groups + by_formula.groups + remainders(finder)
    fractions = finder.fractions() + table_fractions + named_bases(finder) + changes(text, figures, finder.layout)
    resolved = {p for g in groups for p in g.shares.values()} | {fr.percent for fr in fractions}
    more_groups, more_fractions = breakdowns(finder, resolved)
    more_groups += listed(finder, groups + more_groups)
    more_groups += led(finder, groups + more_groups)
    resolved |= {p for g in more_groups for p in g.shares.values()} | {fr.percent for fr in more_fractions}
    more_fractions += sibling_bases(finder, fractions + more_fractions, resolved)
    resolved |= {fr.percent for fr in more_fractions}
    more_fractions += sentence_bases(finder, resolved)
    more_groups += rests_of_shares(finder, fractions + more_fractions)
    unique: dict[tuple[int, tuple[int, ...]], Group] = {}
    for g in groups + more_groups:
        unique.setdefault((g.total, tuple(g.parts)), g)  # found by two rules: one finding
    all_groups = list(unique.values())
    for g in all_groups:
        wholes = [h.total for h in all_groups if g.total in h.parts]
        findings.extend(_group_findings(doc, figures, finder, g, wholes))
    # a share a breakdown already read against its total ("- FDI kết nạp 4.731 đoàn viên, chiếm 46,2%;"): one finding
    read: set[tuple[int, int, int, int, int]] = {(j, g.total, p, 0, 0) for g in all_groups for j, p in g.shares.items()}
    for fr in fractions + more_fractions:
        if figures[fr.percent].role == "target" and figures[fr.part].role == "actual":
            continue  # "phấn đấu tỷ lệ đoàn viên đạt trên 98%": a goal says nothing about today's counts
        if (key := (fr.part, fr.base, fr.percent, fr.change, fr.change_of_base)) in read:
            continue  # found by two rules ("đạt 52/100 căn, bằng 52,0% mục tiêu"): one finding
        read.add(key)
        checks = [_percent_of_base(doc, figures, fr.part, base, fr.percent, fr.change, change_of_base)
                  for base in [fr.base, *fr.alternatives]
                  for change_of_base in ([fr.change_of_base, 0] if fr.level_unsure else [fr.change_of_base])]
        found = next((c for c in checks if c.verdict == "consistent"), checks[0])
        if found.verdict == "inconsistent" and not fr.change and not fr.change_of_base:
            found = _or_other(found, (_percent_of_base(doc, figures, fr.part, k, fr.percent)
                                      for k in readings.bases(finder, fr.part, fr.base, fr.percent)))
        findings.append(found)
    findings.extend(_shares(doc, figures, percents) for percents in table_shares + led_shares(finder, resolved))
    findings.extend(_product(doc, figures, product) for product in products(finder))
    findings.extend(_balance(doc, figures, balance) for balance in balances(finder) + table_formulas + by_formula.balances + differences(finder))
    order = ["parts_total", "part_exceeds_total", "percent_of_base", "shares_100", "product", "balance", "restated"]
    for first, second in sorted(set(finder.in_words()) | set(restatements(finder))):
        findings.append(_or_other(_restated(doc, figures, first, second),
                                  (_restated(doc, figures, k, second) for k in readings.firsts(finder, first, second))))
    return sorted(findings, key=lambda x: (min(r.start for r in x.figures), order.index(x.check)))


def _group_findings(doc: str, f: list[Figure], finder: Finder, g: Group, wholes: list[int]) -> list[Finding]:
    """`wholes`: totals of the groups the group's own total is a part of."""
    found = [x for j in g.parts if (x := _part_exceeds(doc, f, g.total, j))]
    if found and any(_sum(f, rest).meets(intervals.of(f[k])) for k, rest in readings.totals(finder, g.total, g.parts)):
        found = []  # "là 4 đơn, …; 5 đơn không thuộc thẩm quyền": together they make another whole stated (09 đơn)
    if found and g.selection and any(_sum(f, g.parts).lo <= intervals.of(f[w]).hi for w in wholes):
        found = []  # "gồm xây mới 04 nhà và sửa chữa 02 nhà; trong đó có 03 nhà …": of the 06, not of the last item
    whole_sets = [g.parts] if not g.selection else \
        _distinct(finder.complement_subsets(g) + finder.two_way_split(g) + finder.partition_subsets(g))
    if g.selection and f[g.total].kind == "money" and len(g.parts) >= 2:
        # money "trong đó" items may leave some out, but together they cannot exceed the total
        listed = _parts_total(doc, f, g.total, g.parts, open_ended=True)
        if listed.verdict == "inconsistent" or _sum(f, g.parts).meets(intervals.of(f[g.total])):
            found.append(listed if listed.verdict == "inconsistent" else _parts_total(doc, f, g.total, g.parts, False))
    for subset in whole_sets:
        subset = sorted(subset)
        if len(subset) >= 2:
            found.append(_or_other(_parts_total(doc, f, g.total, subset, g.open_ended),
                                   (_parts_total(doc, f, k, rest, g.open_ended) for k, rest in readings.totals(finder, g.total, subset))))
            shares = [g.shares[j] for j in subset if j in g.shares]
            if len(shares) == len(subset) and _sum(f, shares).lo <= OVERLAPPING:
                found.append(_shares(doc, f, shares))
    for j, s in g.shares.items():
        share = _share_in_group(doc, f, g, j, s)
        found.append(_or_other(share, (_percent_of_base(doc, f, j, k, s) for k in readings.bases(finder, j, g.total, s))))
    return found


def _or_other(finding: Finding, others) -> Finding:
    """An inconsistency stands only when no other reading of the words fits (see `readings`)."""
    if finding.verdict != "inconsistent":
        return finding
    return next((o for o in others if o.verdict != "inconsistent"), finding)


def _distinct(subsets: list[list[int]]) -> list[list[int]]:
    return [list(s) for s in dict.fromkeys(tuple(sorted(s)) for s in subsets)]


def _share_in_group(doc: str, f: list[Figure], g: Group, part: int, percent: int) -> Finding:
    """A share is read against the group total, or against an earlier part that contains it
    ("493 đoàn viên, chiếm 94,6%; đoàn viên nữ 339 người, chiếm 68,8%" is 339 of 493)."""
    bases = [g.total, *[k for k in g.members or g.parts if k < part and f[k].value >= f[part].value]]
    checks = [_percent_of_base(doc, f, part, base, percent) for base in bases]
    return next((c for c in checks if c.verdict == "consistent"), checks[0])
