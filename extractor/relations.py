"""Finds how a report ties its figures together: totals and parts, shares and their base.

Only structure the text states is used: a parts cue after a total ("19 người, trong đó: ..."),
a sum cue before a total that closes a list ("...; Tổng số tiền ... 79 triệu đồng"), a share
verb before a percentage ("chiếm 53%"), a fraction ("11/38 chức danh (28,9%)").
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, cached_property

import regex

from . import rules, tables
from .models import Figure
from .sentences import Layout, Span

_FRACTION_BASE = regex.compile(r"\d[^\S\n]*/[^\S\n]*$")  # "64/128 nữ chủ tịch": 128 is a whole, never a part
_NUMERATOR = regex.compile(r"[^\S\n]*/[^\S\n]*\d")
_TOTAL_NAMED = regex.compile(r"[^\S\n]+tổng[^\S\n]+(?!số(?!\p{L}))(\p{L}+(?:[^\S\n]+\p{L}+)*)", regex.IGNORECASE)
# "năm 2021: 1.125 đoàn viên", "quý III: 42 cuộc": an item named by its period
_PERIOD_LABEL = regex.compile(r"(?<!\p{L})(?:năm|quý|tháng)[^\S\n]+[\dIVX/]+[^\S\n]*[:,]?[^\S\n]*$", regex.IGNORECASE)
_NEW_NOUN = regex.compile(r"(?<!\p{L})và(?!\p{L})|,[^\S\n]*\p{L}")  # another noun after the total, before the cue
_BODY_OF_ITS_OWN = regex.compile(r"(?<!\p{L})gồm(?:[^\S\n]+có)?[^\S\n]*$", regex.IGNORECASE)
# shares adding to more than this are of overlapping classes ("52 phiếu, đạt 94,5%; 49 phiếu, đạt 89,1%; …"), no
# partition of one whole; a slip moves a partition's sum by points, not by wholes
OVERLAPPING = 150.0
_CLOSED_BRACKET = regex.compile(r"\([^()\n]*\)")
_AND = regex.compile(r"(?<!\p{L})và(?!\p{L})")
ASIDE = regex.compile(r"[^\S\n]*\([^()\n]*\)")
_NAME_ASIDE = regex.compile(r"\([^\S\n]*\p{Lu}[\p{Lu}\-]{1,9}[^\S\n]*\)")  # "(FDI)", "(KCN)": an abbreviation
_ITEM_JOIN = regex.compile(r"(?:[,;]|(?<!\p{L})và)[^\S\n]*$")
_ITEM_BREAKS = ";,:(\n"
_EACH = regex.compile(r"(?<!\p{L})mỗi(?!\p{L})", regex.IGNORECASE)
_REACHED = regex.compile(r"(?<!\p{L})từ[^\S\n]+\d[\d.,]*(?:[^\S\n]+\p{L}+){0,3}[^\S\n]*(?:\([^()\n]*\)[^\S\n]*)?(?:lên|xuống|đến)[^\S\n]*$",
                      regex.IGNORECASE)
_OWN_SHARE = regex.compile(r"[^\S\n]*(?:\p{L}+[^\S\n]+){0,3}\([^\S\n]*")
_CLAUSES = regex.compile(r"[;,]|(?<!\p{L})và(?!\p{L})")
LIST_LINE = regex.compile(r"^\s*(?:[-–—+•*]|\d{1,2}[.)]|[a-zđ][.)])\s")  # "- ...", "1. ...", "a) ..."


def list_marker(bullet: str) -> str:
    """The kind of a list line's marker: "-" and "+" differ, "1." and "2." do not."""
    mark = bullet.strip()
    return "digit" if mark[:1].isdigit() else "letter" if mark[:1].isalpha() else mark[:1]


@dataclass
class Group:
    """A total and the parts the text gives for it."""

    total: int
    parts: list[int]
    selection: bool  # "trong đó": some of the whole, not necessarily all of it
    open_ended: bool = False  # the list ends in "…": its sum is a lower bound
    shares: dict[int, int] = field(default_factory=dict)  # part → its percentage
    # after "trong đó" every figure listed counts ("nữ 231 người (56,1%), nam 181 người (43,9%)" in one item)
    members: list[int] = field(default_factory=list)


@dataclass
class Fraction:
    part: int
    base: int
    percent: int
    alternatives: list[int] = field(default_factory=list)  # other figures the base may be; one fitting suffices
    change: int = 0  # +1: the percentage is how much part exceeds base ("tăng 43,5%"), −1: how much it falls short
    # the part is a change of the base figure, the percentage is of the level before the change:
    # "4.318 tỷ đồng, tăng 256 tỷ đồng (+6,3%)" is 256 of 4.318 − 256 (+1); "giảm 7 vụ (26,9%)" of 19 + 7 (−1)
    change_of_base: int = 0
    level_unsure: bool = False  # the base may be the level before the change as well: either reading suffices


class _Cues:
    def __init__(self) -> None:
        d = rules.data("relations")
        alt = rules.alternation
        word = rules.whole_words
        # "19 người, trong đó:", "3.460 cán bộ công đoàn cơ sở, trong đó", "(nữ 156 người)", "87 CĐCS năm 2023 như sau:",
        # "18.960 cháu đang được gửi …; trong đó trường công lập 11.230 cháu, …"
        not_parts = r"(?![^\S\n]*(?:tổng|cộng|tương ứng|tương đương|bằng|tức|gấp|chiếm|đạt|tăng|giảm))"
        self.parts = regex.compile(rf"^(?:[^\S\n]*\([^()\n]*\)[\s,;]*{word(d['parts_cues'])}[\s:]*|[\s,;]*\({not_parts}|[^\d;.:\n(),/]{{1,60}}\({not_parts}|[^\d;.:\n(]{{0,120}}?{word(d['parts_cues'])}[\s:]*|[^\S\n]*;[^\S\n]*{word(d['enumeration_cues'])}[\s:]*|[^\d;.:\n(]{{0,120}};[^\S\n]*{word(d['opening_parts_cues'])}[\s:]+|[^;.:\n(]{{0,40}}:[^\S\n]*$)",
                                   regex.IGNORECASE)
        self.named_whole = regex.compile(rf"[^\S\n]*(?P<cue>{alt(d['named_whole'])})[^\S\n]+(?P<noun>[\p{{L}} ,]{{2,40}})",
                                         regex.IGNORECASE)
        # "tỷ lệ đoàn viên trên tổng số lao động đạt 91,3%"
        self.rate_phrase = regex.compile(rf"{word(d['rate_phrase_cues'])}[^\S\n]+(?P<part>[\p{{L}} ,]{{2,40}}?)[^\S\n]+"
                                         rf"(?:trên|so với)[^\S\n]+(?:tổng số[^\S\n]+)?(?P<base>[\p{{L}} ,]{{2,40}}?)"
                                         rf"[\s,:]*(?:đạt|là|bằng|chiếm|ở mức)?[\s:]*$", regex.IGNORECASE)
        self.opening_parts = regex.compile(rf"[\s\-–+•*]*{word(d['opening_parts_cues'])}[^\S\n]*[,:]", regex.IGNORECASE)
        self.whole_base = regex.compile(rf"[^\S\n]*{word(d['whole_base'])}[^\S\n]+(?P<noun>[\p{{L}} ]{{2,30}})", regex.IGNORECASE)
        self.enumeration = rules.cue_regex(d["enumeration_cues"])
        self.inclusion = regex.compile(word(d['inclusion_words']), regex.IGNORECASE)
        self.minus = regex.compile(rf"{word(d['minus_words'])}[^\S\n]*$", regex.IGNORECASE)
        not_sum = rf"(?![^\S\n]+(?:{alt(d['not_sum_after_cue'])})(?!\p{{L}}))"
        self.sum = regex.compile(rf"{word(d['sum_cues'])}{not_sum}[^;\n\d]{{0,60}}$", regex.IGNORECASE)
        # "10 người, chiếm 53%", "52 CĐCS (59,8%)", "14.268 đoàn viên đăng ký danh hiệu ..., đạt 89,5%"
        # without a share verb only a bracket: "52 CĐCS (59,8%)", never "5,42 tỷ đồng; 100% CĐCS ..."
        # or a bracket after a short clause: "38 tổ công đoàn đạt vững mạnh (90,5%)"; a colon opens
        # another subject: "3 chỉ tiêu chưa đạt: tỷ lệ đoàn viên … mới đạt 64,8%"
        self.share = regex.compile(rf"^(?:[^\S\n]*\([^()\n]*\))?(?:[^;,.\n\d%()\"“”]{{0,50}}\(|[\s,;(]*{word(d['share_links'])}[\s:]*"
                                   rf"|[^\S\n]*\([^\S\n]*{word(d['share_links'])}[\s:]*"
                                   rf"|[^;:.\n\d%()]{{0,80}}?[\s,;(]+{word(d['share_links'])}[\s:]*)$", regex.IGNORECASE)
        self.entity = regex.compile(rf"[^\S\n]*{word(d['entity_heads'])}", regex.IGNORECASE)  # "Công ty A 320 triệu đồng"
        self.demonstrative = regex.compile(rf"[^\S\n]+{word(d['demonstratives'])}", regex.IGNORECASE)
        self.trait = regex.compile(word(d['trait_words']), regex.IGNORECASE)
        self.parts_cue = regex.compile(word(d['parts_cues']), regex.IGNORECASE)
        # "trong 14 CĐCS có 09 CĐCS hoàn thành xuất sắc nhiệm vụ, …": the figures after "có" are of the one after "trong"
        self.scope = regex.compile(rf"{word(d['scope_openers'])}[^\S\n]*$", regex.IGNORECASE)
        self.scope_parts = regex.compile(rf"^[^\d;.:\n(]{{0,40}}?{word(d['scope_parts_cues'])}[\s:]*", regex.IGNORECASE)
        self.opens_list = regex.compile(rf"[^\S\n]*,?[^\S\n]*{word(d['parts_cues'])}", regex.IGNORECASE)  # "…, gồm: …"
        self.next_list = regex.compile(rf";[^\S\n]*{word(d['parts_cues'])}", regex.IGNORECASE)
        self.share_verb = regex.compile(word(d['share_links']), regex.IGNORECASE)
        self.named_in_bracket = regex.compile(rf"[^\S\n]+{word(d['named_whole'])}[^\S\n]+[^()\d\n;]{{1,50}}\)", regex.IGNORECASE)
        self.base_intro = regex.compile(rf"{word(d['base_intro'])}[^\S\n]*$", regex.IGNORECASE)
        self.change_word = regex.compile(word(d['change_words']), regex.IGNORECASE)
        self.change = regex.compile(rf"{word(d['change_words'])}[^\S\n]*(?:là[^\S\n]*|:[^\S\n]*)?$", regex.IGNORECASE)
        self.leading_share = regex.compile(rf"[\s,]*(?:{alt(d['leading_share_links'])})[\s:]*", regex.IGNORECASE)
        # "60% số đoàn phí thu được, tương ứng 105.858.000 đồng": a share of a named whole, then its amount
        self.leading_named_share = regex.compile(rf"[^\S\n]+{word(d['named_whole'])}[^;.:\n\d%()]{{0,60}}?,[^\S\n]*(?:{alt(d['leading_share_links'])})[^\S\n]*", regex.IGNORECASE)
        # "47 người là nữ trong tổng số 186 cán bộ quản lý (25,3%)": the figure after these is the whole
        self.base_opener = regex.compile(rf"{word(d['base_openers'])}[^\S\n]*$", regex.IGNORECASE)
        self.of_plan = regex.compile(rf"[^\S\n]*{word(d['plan_bases'])}", regex.IGNORECASE)  # "156% chỉ tiêu"
        self.plan_label = regex.compile(rf"{word(d['plan_bases'])}[^;.\n]*$", regex.IGNORECASE)  # "kế hoạch 120 thỏa thuận"
        # "đạt 64,3% kế hoạch năm (kế hoạch 5.000 đoàn viên)", "đạt 106,7% kế hoạch 105 đoàn viên"
        self.plan_base = regex.compile(rf"[^\S\n]*{word(d['plan_bases'])}(?:[^()\n\d]{{0,40}}\([^()\d\n]{{0,25}}|(?:[^\S\n]+\p{{L}}+){{0,2}}[^\S\n]*:?[^\S\n]*)$", regex.IGNORECASE)
        self.ellipsis = regex.compile(alt(d["ellipsis"]))
        self.closing = regex.compile(rf"^[\s\-–+•*]*(?:{alt(d['closing_cues'])})(?!\p{{L}})[^\S\n]*:?[^\S\n]*$", regex.IGNORECASE)
        self.rate = regex.compile(rf"(?<!vượt[^\S\n]*(?:định[^\S\n]+)?)(?<!tổng[^\S\n]+){word(d['rate_cues'])}[^\S\n]+(?:\p{{L}}+[^\S\n]+){{0,4}}$", regex.IGNORECASE)
        self.average = regex.compile(rf"{word(d['average_cues'])}[^\S\n]+(?:\p{{L}}+[^\S\n]+){{0,3}}$", regex.IGNORECASE)
        self.stated_base = regex.compile(rf"[^\S\n]*{word(d['stated_base_links'])}[^\S\n]*", regex.IGNORECASE)
        self.own_base = regex.compile(rf"[^\S\n]*{word(d['own_base'])}", regex.IGNORECASE)
        self.complements = [[c.lower() for c in pair] for pair in d["complements"]]
        self.partitions = [sorted((w.lower() for w in family), key=len, reverse=True) for family in d["partitions"]]
        self.unit_heads = {w.lower() for w in d["unit_heads"]}
        self.in_words = regex.compile(rf"[^\S\n]*\([^\S\n]*(?:{alt(d['in_words_cues'])})?[^\S\n]*:?[^\S\n]*", regex.IGNORECASE)
        # "…| 2.804.800.000 | 100 |\n(Bằng chữ: Hai tỷ, …)": the cue itself, wherever the amount stood
        self.in_words_cue = regex.compile(rf"{word(d['in_words_cues'])}[^\S\n]*:[^\S\n]*$", regex.IGNORECASE)
        self.stock = regex.compile(word(d["stock_words"]), regex.IGNORECASE)
        # "Thu nhập BQ (triệu đồng/tháng)", "Mức chi (đồng/lượt)": a column of averages or rates
        self.average_column = regex.compile(rf"{word(d['average_headers'])}|(?:đồng|VNĐ|VND)[^\S\n]*/", regex.IGNORECASE)
        self.level = regex.compile(word(d["level_words"]), regex.IGNORECASE)
        self.sources = regex.compile(word(d["sources_words"]), regex.IGNORECASE)
        self.breakdown_lead = regex.compile(rf"[^\S\n]*(?:[\p{{L}}\s]{{0,40}}?){word(d['breakdown_leads'])}[^\d;.\n]{{0,60}}?[,:]", regex.IGNORECASE)
        self.rest = regex.compile(word(d["rest_words"]), regex.IGNORECASE)
        self.whole_qualifier = regex.compile(rf"^[\p{{L}} ]*?{word(d['whole_qualifiers'])}(?P<words>[\p{{L}} ]+)", regex.IGNORECASE)
        self.lowest_band = regex.compile(word(d["lowest_band"]), regex.IGNORECASE)
        self.highest_band = regex.compile(word(d["highest_band"]), regex.IGNORECASE)
        # "…; phân theo khu vực: doanh nghiệp 109.874 đoàn viên, …": a second list inside a list
        self.sub_breakdown = regex.compile(rf"(?<=[;,][^\S\n]*){word(d['breakdown_leads'])}[^\d;.\n]{{0,60}}?:", regex.IGNORECASE)
        # "Kết quả theo từng năm:", "Phân theo khu vực, loại hình đơn vị:" over list lines
        self.list_opener = regex.compile(rf"(?:{word(d['list_openers'])}|{word(d['breakdown_leads'])})[^\n]*:\s*$", regex.IGNORECASE)
        # "so với năm 2023 (12.340 đoàn viên nữ)": the bracket a compared level stands in
        self.compared_level = regex.compile(rf"{word(d['compared_to'])}(?:[^\d;\n]|\d{{4}}){{0,45}}\([^\S\n]*$", regex.IGNORECASE)
        # "Tổng cộng", "Tổng thu", not the office "Tổng hợp - Nhân sự" or "Tổng công ty"
        self.table_total = regex.compile(rf"^\s*(?!{word(d['not_total_labels'])}){word(d['table_total_labels'])}", regex.IGNORECASE)


@cache
def cues() -> _Cues:
    return _Cues()


def compared_level(text: str, f: Figure) -> bool:
    """"so với năm 2023 (12.340 đoàn viên nữ)": a level of another time, in brackets after "so với"."""
    line_start = text.rfind("\n", 0, f.start) + 1
    opened = text.rfind("(", line_start, f.start)
    return opened >= 0 and ")" not in text[opened:f.start] \
        and bool(cues().compared_level.search(text, max(line_start, opened - 90), opened + 1))


def comparable(a: Figure, b: Figure, same_unit: bool = False) -> bool:
    """Parts of a total share its kind and rate; after "trong đó" counted nouns may differ if both count
    people ("lao động", "đoàn viên", "người"), in a list closed by a sum they may not differ."""
    if a.kind != b.kind or a.per != b.per:
        return False
    return (same_noun(a.unit, b.unit) or not same_unit and counts_people(a.unit) and counts_people(b.unit)
            or _one_of(a.unit, b.unit) or _one_of(b.unit, a.unit))


def _one_of(compound: str, unit: str) -> bool:
    """"tập thể, cá nhân" counts "cá nhân" too; "ý kiến, kiến nghị" counts "kiến nghị"."""
    return "," in compound and any(same_noun(piece.strip(), unit) for piece in compound.split(","))


def same_noun(a: str, b: str) -> bool:
    """"công đoàn cơ sở" and "CĐCS" count the same thing."""
    return a == b or _abbreviations().get(a.lower(), a.lower()) == _abbreviations().get(b.lower(), b.lower())


@cache
def _abbreviations() -> dict[str, str]:
    """Each name of a counted thing to one of its names: the abbreviation, or the first of its synonyms."""
    d = rules.data("relations")
    names = {full.lower(): short.lower() for short, full in d["abbreviations"].items()}
    names.update({name.lower(): group[0].lower() for group in d["same_things"] for name in group})
    return names


@cache
def _people_units() -> set[str]:
    return {u.lower() for u in rules.data("relations")["people_units"]}


@cache
def stop_words() -> frozenset[str]:
    """Words that say nothing of what a figure counts ("có", "là", "tổng", "số"), left out when words are compared."""
    return frozenset(w.lower() for w in rules.data("relations")["restated_stop_words"])


def counts_people(unit: str) -> bool:
    return unit.lower() in _people_units() or unit == "VND"


class Finder:
    def __init__(self, text: str, figures: list[Figure]):
        self.text, self.figures = text, figures
        self.layout = Layout(text)
        self._starts = [f.start for f in figures]  # figures come in text order
        self._groups: list[Group] | None = None  # found once, used by several checks
        self._leading: list[tuple[int, int]] | None = None

    @cached_property
    def grids(self) -> list[tables.Grid]:
        """The text tables, read once for the checks that use them."""
        return tables.grids(self.text, self.layout)

    @cached_property
    def cells(self) -> dict[int, tuple[int, list[str], int]]:
        """Each figure that is a text-table cell: (its grid's index, its row's cell texts, its column)."""
        return {i: (g, texts, col) for g, grid in enumerate(self.grids) for texts, spans in grid.rows
                for col, (s, e) in enumerate(spans) for i in self.between(s, max(e, s + 1))}

    def in_table(self, j: int) -> bool:
        """A cell of a text table, drawn with "|" or aligned by spaces."""
        return j in self.cells

    def bracketed(self, j: int) -> bool:
        return self._bracketed(self.figures[j])

    def _bracketed(self, f: Figure) -> bool:
        """Inside brackets that close after it: "712 đoàn viên (ngoài nhà nước 674 đoàn viên), đạt 35,6%"."""
        line = self.layout.line_of(f.start)
        opened = self.text.rfind("(", line.start, f.start)
        return opened >= 0 and ")" not in self.text[opened:f.start] and ")" in self.text[f.end:line.end]

    def fraction_base(self, j: int) -> bool:
        """"64/128 nữ chủ tịch": 128 is the whole of a ratio."""
        return bool(_FRACTION_BASE.search(self.text, max(0, self.figures[j].start - 12), self.figures[j].start))

    def in_ratio(self, j: int) -> bool:
        """Either term of "61/68 doanh nghiệp"."""
        return self.fraction_base(j) or bool(_NUMERATOR.match(self.text, self.figures[j].end))

    def is_change(self, i: int) -> bool:
        """"tăng 147 đoàn viên so với đầu nhiệm kỳ": a difference, never a total."""
        return bool(cues().change.search(self.text, max(0, self.figures[i].start - 20), self.figures[i].start))

    def is_rate(self, i: int) -> bool:
        """"mỗi cháu 100.000 đồng", "bình quân 6,5 triệu đồng/người": an amount per unit."""
        f = self.figures[i]
        return self.is_unit_rate(i) or f.kind != "count" and bool(cues().average.search(self.text, max(0, f.start - 30), f.start))

    def is_unit_rate(self, i: int) -> bool:
        """"mỗi cháu 100.000 đồng", "đồng/người": a price per unit, not an average ("bình quân 680.000 đồng"),
        which is rounded, so a count times it only approximates a total."""
        f = self.figures[i]
        return f.per is not None or bool(cues().rate.search(self.text, max(0, f.start - 30), f.start))

    def share_of(self, i: int, own_base: bool = True) -> int | None:
        """The percentage that follows figure i through a share verb ("10 người, chiếm 53%").

        With `own_base` False, a percentage that names its own base ("98,8% số lao động nữ") is no share
        of the group the figure stands in."""
        f = self.figures[i]
        following, blanks = self._past_asides(i)
        if following < len(self.figures):
            p = self.figures[following]
            if self._bracketed(f) and ")" in self.text[f.end:p.start]:
                return None  # "712 đoàn viên (ngoài nhà nước 674 đoàn viên), đạt 35,6%": the share is of 712
            gap = list(self.text[f.end:p.start])
            for a, b in blanks:
                gap[a - f.end:b - f.end] = " " * (b - a)
            # "131 CĐCS ở doanh nghiệp có vốn đầu tư nước ngoài (FDI), chiếm 78,0%": an abbreviation in brackets is no aside
            gap = _NAME_ASIDE.sub(lambda b: " " * len(b.group()), "".join(gap))
            # a bracket opened after a clause holds only the share: "12 vụ liên quan đến tiền lương (chiếm 63,2%)",
            # not "01 chỉ tiêu chưa đạt ... (đạt 75%, xây dựng được 03 nhà ...)"
            # … or the share and the whole it names: "168 đoàn viên đạt danh hiệu … (chiếm 92,8% tổng số đoàn viên)"
            closed = ("(" not in gap[2:] or gap.count(")") >= gap.count("(") or self.text[p.end:p.end + 2].lstrip().startswith(")")
                      or bool(cues().named_in_bracket.match(self.text, p.end)))
            if (p.kind == "percent" and f.kind != "percent" and cues().share.match(gap) and closed
                    and (own_base or not (cues().own_base.match(self.text, p.end) or cues().of_plan.match(self.text, p.end)))):
                return following
        return None

    def of_plan(self, p: int) -> bool:
        """Percentage p is of the plan ("đạt 107,7% kế hoạch", "từ 100% dự toán trở lên"), not of a figure."""
        f = self.figures[p]
        sign = self.text.find("%", f.start, f.end)
        return bool(cues().of_plan.match(self.text, sign + 1 if sign >= 0 else f.end))

    def whole_share(self, j: int) -> int | None:
        """A figure's share, unless of the plan: "kết nạp mới 10.236 đoàn viên, đạt 107,7% kế hoạch" is still a whole."""
        p = self.share_of(j)
        return None if p is None or self.of_plan(p) else p

    def _past_asides(self, i: int) -> tuple[int, list[tuple[int, int]]]:
        """The figure after figure i once figures in brackets opened after it ("712 đoàn viên (ngoài nhà nước 674 đoàn
        viên), đạt 35,6%", "06 nhà … (04 nhà xây mới, 02 nhà sửa chữa), đạt 150% kế hoạch") and, after a count, rates
        ("1.250 suất …, mức 1.000.000 đồng/suất, chiếm 32,5%") are passed over, with the stretches passed over."""
        f, following, blanks = self.figures[i], i + 1, []
        line_end = self.layout.line_of(f.start).end
        while following < len(self.figures) and self.figures[following].kind != "percent":
            g = self.figures[following]
            opened = self.text.rfind("(", f.end, g.start)
            closed = self.text.find(")", g.end, line_end)
            if opened >= 0 and ")" not in self.text[opened:g.start] and closed >= 0 and "%" not in self.text[opened:closed]:
                blanks.append((opened, closed + 1))
            elif f.kind == "count" and g.kind == "money" and g.per:
                blanks.append((g.start, g.end))
            else:
                break
            following += 1
        return following, blanks

    def region_after(self, pos: int) -> int:
        """Where the parts of a total end: the sentence, and list lines after a colon."""
        sentence = self.layout.sentence_of(pos)
        end = sentence.end
        line_index = self.layout.line_index(end if end < len(self.text) else pos)
        if self.text[pos:end].rstrip().endswith(":") or self.text[self.layout.lines[line_index].start:end].rstrip().endswith(":"):
            marker = None
            for line in self.layout.lines[line_index + 1:]:
                m = LIST_LINE.match(self.text[line.start:line.end])
                if not m or marker is not None and list_marker(m.group()) != marker:
                    break  # "+ Nghỉ hưu: 167 người;" then "- Đến ngày 30/11 …": the sub-list has ended
                marker = list_marker(m.group())
                end = line.end
        return end

    def groups(self) -> list[Group]:
        if self._groups is None:
            self._groups = self._find_groups()
        return self._groups

    def _find_groups(self) -> list[Group]:
        found: list[Group] = []
        c = cues()
        for i, t in enumerate(self.figures):
            if t.kind == "percent" or self.is_rate(i) or self._bracketed(t):
                found.extend(g for g in self._past_aside(i, t) if all(g.total != h.total for h in found))
                continue  # "(1.867.150.000 đồng), gồm: ..." — a figure in brackets is an aside, not a total
            m = c.parts.match(self.text[t.end:self.layout.line_of(t.start).end][:160])
            if not m and c.scope.search(self.text, max(0, t.start - 20), t.start) \
                    and (scoped := c.scope_parts.match(self.text[t.end:self.layout.line_of(t.start).end][:160])):
                end = self.layout.sentence_of(t.start).end
                clause = self.text.find(";", t.end, end)  # "Trong 02 đơn tố cáo, có 01 … đúng, 01 … sai; 04 đơn khiếu nại …"
                found.extend(self._forward(i, t, scoped, region=(t.end, clause if clause >= 0 else end)))
            elif m and (cue := c.parts_cue.search(m.group())) and _NEW_NOUN.search(m.group(), 0, cue.start()) \
                    and not m.group()[:cue.start()].rstrip().endswith((",", ":", ";", "(")):
                m = None  # "là 9 ủy viên và danh sách bầu cử gồm 11 người", "758 lao động nữ, Ban Nữ công gồm 07 đồng chí"
            if m and ";" in m.group() and (whole := self._clause_whole(i)) not in (None, i):
                # "86 đoàn viên, gồm 03 …, 74 … và 09 nhân viên; trong đó nữ 58 đồng chí": of the 86, not the 09
                found.extend(self._forward(whole, self.figures[whole], m, after=t.end))
                m = None
            if self.is_change(i) and not (m and (m.group().strip() == "(" or cues().enumeration.search(m.group())
                                                 and not self._level_before(i))):
                continue  # a change is a total only of its reasons: "giảm 09 (nghỉ hưu 06, …)", "giảm 249 đoàn viên, gồm: …"
            if m:
                found.extend(self._forward(i, t, m) or self._bracket_of_earlier(i, t, m))
                if not m.group().rstrip().endswith("(") and (other := self._other_total(i)) is not None:
                    # "18.742 lượt người, tổng trị giá 9.566.300.000 đồng, trong đó:"
                    found.extend(self._forward(other, self.figures[other], m, stop_at=t.end))
            if (sm := c.sum.search(self.text, max(0, t.start - 80), t.start)) and not self._is_part_of_enumeration(i, found):
                group = self._backward(i, t, sm.start())
                if group:
                    found.append(group)
        return found + self._opening_parts(found)

    def _bracket_of_earlier(self, i: int, t: Figure, m: regex.Match) -> list[Group]:
        """"hỗ trợ tiền thuê nhà cho 1.846 đoàn viên …, tổng số tiền 1.661.400.000 đồng (năm 2021: 1.125 đoàn viên;
        năm 2022: 721 đoàn viên)": a bracket of another noun than the figure before it breaks down the nearest figure
        of its noun in the sentence."""
        if not m.group().rstrip().endswith("("):
            return []
        opened = self.text.find("(", t.end)
        closed = self.text.find(")", opened, self.layout.line_of(t.start).end)
        inside = [j for j in self.between(opened, closed) if self.figures[j].kind != "percent"] if closed > 0 else []
        if len(inside) < 2 or comparable(t, self.figures[inside[0]]):
            return []
        sentence = self.layout.sentence_of(t.start)
        first = self.figures[inside[0]]
        owner = next((j for j in range(i - 1, -1, -1) if self.figures[j].start >= sentence.start
                      and comparable(first, self.figures[j]) and self.figures[j].role == first.role
                      and not self._bracketed(self.figures[j]) and not self.is_rate(j) and not self.is_change(j)), None)
        groups = [] if owner is None else self._forward(owner, self.figures[owner], m, region=(opened + 1, closed))
        for g in groups:
            if all(_PERIOD_LABEL.search(self.text, max(opened, self.figures[j].start - 20), self.figures[j].start) for j in g.parts):
                g.selection, g.members = False, g.parts  # one item per period: all of it
        return groups

    def _past_aside(self, i: int, t: Figure) -> list[Group]:
        """"vận động được 1.127.800.000 đồng, đạt 112,8% chỉ tiêu (1.000.000.000 đồng), gồm: ...": the
        list after a share or a bracketed plan breaks down the figure the aside speaks of."""
        after = self.text.index(")", t.end) + 1 if self._bracketed(t) else t.end
        m = cues().parts.match(self.text[after:self.layout.line_of(t.start).end][:160])
        if not m or m.group().rstrip().endswith("(") or i == 0:
            return []
        sentence = self.layout.sentence_of(t.start)
        owner = next((j for j in range(i - 1, -1, -1) if self.figures[j].start >= sentence.start
                      and self.figures[j].kind != "percent" and not self._bracketed(self.figures[j])
                      and not (self.is_change(j) and self._level_before(j))), None)
        if owner is not None and ";" in m.group() and (whole := self._clause_whole(owner)) is not None:
            owner = whole
        if owner is None or self.is_rate(owner) or self.is_change(owner):
            return []
        return self._forward(owner, self.figures[owner], m, after=after)

    def _clause_whole(self, i: int) -> int | None:
        """What a "; trong đó" after figure i breaks down: the first count or amount of i's clause (from the last ";"
        of its sentence), when it is alike and no rate or change."""
        sentence = self.layout.sentence_of(self.figures[i].start)
        start = max(sentence.start, self.text.rfind(";", sentence.start, self.figures[i].start) + 1)
        first = next(j for j in self.between(start, self.figures[i].end) if self.figures[j].kind != "percent")
        ok = first == i or comparable(self.figures[first], self.figures[i]) and not self.is_rate(first) and not self.is_change(first)
        return first if ok else None

    def _names_another_whole(self, p: int, total: int) -> bool:
        """"chiếm 59,2% tổng thu kinh phí công đoàn" is not of "Tổng thu tài chính công đoàn 6.619,0 triệu đồng": the
        words after "tổng" are not all said where the total is."""
        m = _TOTAL_NAMED.match(self.text, self.figures[p].end)
        if not m:
            return False
        sentence = self.layout.sentence_of(self.figures[total].start)
        said = self.text[sentence.start:sentence.end].lower()
        return not all(regex.search(rf"(?<!\p{{L}}){regex.escape(w)}(?!\p{{L}})", said)
                       for w in m.group(1).lower().split()[:4])

    def _level_before(self, i: int) -> bool:
        """A change said after the level it changes, in one clause: "là 2.276 triệu đồng, vượt dự toán 126 triệu
        đồng": what follows speaks of the level."""
        clause = self.text.rfind(";", self.layout.sentence_of(self.figures[i].start).start, self.figures[i].start)
        return any(self.figures[j].kind == self.figures[i].kind and not self.is_change(j)
                   for j in self.between(max(clause, self.layout.sentence_of(self.figures[i].start).start), self.figures[i].start))

    def _opening_parts(self, found: list[Group]) -> list[Group]:
        """"Năm 2024 xảy ra 19 vụ ngừng việc ... Trong đó, 15 vụ ... và 4 vụ ...": a sentence that opens
        with a parts cue breaks down the figure of its first part's noun in the sentence before."""
        groups = []
        for sentence in self.layout.sentences:
            m = cues().opening_parts.match(self.text, sentence.start, sentence.end)
            line = self.layout.line_of(sentence.start)
            if not m or sentence.start <= line.start:
                continue
            previous = self.layout.sentence_of(sentence.start - 1)
            first = next((j for j in self.between(sentence.start, sentence.end) if self.figures[j].kind != "percent"), None)
            if first is None:
                continue
            # the nearest: "đăng ký 7.850 sáng kiến; kết quả có 5.132 sáng kiến được công nhận. Trong đó: …"
            totals = [j for j in self.between(previous.start, previous.end)
                      if self.figures[j].kind == self.figures[first].kind and same_noun(self.figures[j].unit, self.figures[first].unit)
                      and not self.is_rate(j) and not self.is_change(j) and not self.bracketed(j)]
            # "Trong đó: cấp cơ sở 3.905; cấp huyện 1.064; …" lists to the sentence end, "Trong đó, 15 vụ … và 4 vụ …;
            # 17/19 vụ …" only in its own clause
            clause = -1 if m.group().rstrip().endswith(":") else self._list_end(first, sentence)
            region = (sentence.start, clause if clause >= 0 else sentence.end)
            if totals and not any(g.total == totals[-1] for g in found):
                groups.extend(self._forward(totals[-1], self.figures[totals[-1]], m, region=region))
        return groups

    def _list_end(self, first: int, sentence: Span) -> int:
        """Where a list opened by "Trong đó," ends: its first ";", unless each clause after it gives one more item
        alike ("Trong đó, các doanh nghiệp chi thưởng 3,92 tỷ đồng; công đoàn các cấp trích 685 triệu đồng; Quỹ …
        hỗ trợ 255 triệu.") and no ratio ("…; 17/19 vụ …" is another statement)."""
        end = self.text.find(";", sentence.start, sentence.end)
        while end >= 0:
            nxt = self.text.find(";", end + 1, sentence.end)
            stop = nxt if nxt >= 0 else sentence.end
            items = [j for j in self.between(end, stop) if self.figures[j].kind != "percent"]
            if len(items) != 1 or not comparable(self.figures[first], self.figures[items[0]]) \
                    or self.fraction_base(items[0]) or self.in_ratio(items[0]):
                return end
            end = nxt
        return -1

    def _is_part_of_enumeration(self, i: int, found: list[Group]) -> bool:
        return any(i in g.parts for g in found)

    def alone_in_brackets(self, j: int) -> bool:
        return self._alone_in_brackets(self.figures[j])

    def _alone_in_brackets(self, f: Figure) -> bool:
        """"(300.000.000 đồng)": the figure is all its brackets hold."""
        opened, closed = self.text.rfind("(", 0, f.start), self.text.find(")", f.end)
        return opened >= 0 and closed >= 0 and not self.text[opened + 1:f.start].strip() and not self.text[f.end:closed].strip()

    def _with_bracketed_amounts(self, parts: list[int], asides: list[int], start: int, stop: int) -> list[int]:
        """"gồm: xây mới 06 nhà (300.000.000 đồng); sửa chữa 04 nhà (100.000.000 đồng); trợ cấp 80.000.000 đồng": an
        item whose only amount stands alone in brackets gives that amount; "và" joins two such items ("… (100.000.000
        đồng) và hỗ trợ 17 đoàn viên … (40.800.000 đồng)")."""
        if not asides:
            return parts
        cuts = [start + m.end() for m in regex.finditer(r";|\n|(?<!\p{L})và(?!\p{L})", self.text[start:stop])]
        item = lambda j: sum(1 for c in cuts if c <= self.figures[j].start)  # noqa: E731
        given = {item(p) for p in parts}
        alone = [j for j in asides if item(j) not in given and sum(1 for k in asides if item(k) == item(j)) == 1]
        return sorted(parts + alone) if cuts else parts

    def _other_noun_items(self, i: int, parts: list[int], listed: int) -> bool:
        """An item of the list (from `listed` on) that counts another noun ("6 cơ sở y tế" among "doanh nghiệp",
        "06 tập thể, 14 cá nhân" before "42 lượt tập thể") may be part of the whole too: the parts of the total's noun
        alone are not all of it."""
        t = self.figures[i]
        return any(self.figures[j].kind == t.kind == "count" and self.figures[j].start >= listed
                   and not comparable(t, self.figures[j])
                   and _ITEM_JOIN.search(self.text, max(0, self.figures[j].start - 6), self.figures[j].start)
                   for j in range(i + 1, parts[-1]))

    def _one_per_item(self, parts: list[int], start: int, stop: int) -> list[int]:
        """In a list of items separated by ";" or lines, each item gives one part: its last amount
        ("đoàn phí thu 58.920.000 đồng, nộp cấp trên 23.568.000 đồng, sử dụng 35.352.000 đồng; ...")."""
        region = self.text[start:stop]
        if not regex.search(r";|\n", region):
            return parts
        # "c) Nhà hảo tâm: 58.650.000 đồng, trong đó: A 30.000.000; B 15.000.000" is one item: no ";" after a cue in its
        # line; a cue in brackets that close before the ";" ("72.400.000 đồng (trong đó …); chi chăm lo …") opens no list
        plain = _CLOSED_BRACKET.sub(lambda b: " " * len(b.group()), region)
        opening = self.figures[parts[0]].end - start if parts else 0
        cuts = [start + m.end() for m in regex.finditer(r";|\n", region) if m.group() == "\n" or not cues().parts_cue.search(
                plain, max(opening, region.rfind("\n", 0, m.start()) + 1), m.start()) and not self._subtotal_after(start + m.end())]
        items: dict[int, list[int]] = {}
        for j in parts:
            items.setdefault(sum(1 for c in cuts if c <= self.figures[j].start), []).append(j)
        if len(items) <= 1:
            return parts  # "trong đó 62 CĐCS doanh nghiệp, 25 CĐCS khu vực hành chính; đoàn viên nữ …": one item holds the list
        for key, item in items.items():
            cue = cues().parts_cue.search(plain, self.figures[item[0]].end - start, self.figures[item[-1]].start - start)
            if cue:  # "- Chi phong trào: 372.000.000 đồng, chiếm 66,3%, trong đó … 48.000.000 đồng": the item's own figure
                items[key] = [j for j in item if self.figures[j].end <= start + cue.start()]
        first = items[min(items)]
        if len(first) >= 2 and _AND.search(self.text[self.figures[first[-2]].end:self.figures[first[-1]].start]):
            return first  # "1.486 người, gồm 1.112 … và 374 …; lao động nữ 198 người": "và" closed the list
        last = items[max(items)]
        if (len(last) == 2 and all(len(item) == 1 for item in list(items.values())[:-1])
                and _AND.search(self.text[self.figures[last[0]].end:self.figures[last[1]].start])):
            return parts  # "15 CĐCS mầm non; 14 CĐCS tiểu học; 12 CĐCS THCS và 01 CĐCS cơ quan Phòng": the last two items
        return sorted(item[-1] for item in items.values())

    def _items_left_out(self, t: Figure, parts: list[int], start: int) -> bool:
        return any(self.figures[j].kind == t.kind and j not in parts and not self._bracketed(self.figures[j])
                   for j in self.between(start, self.figures[parts[-1]].start))

    def is_rest(self, j: int) -> bool:
        """Called the rest of a list: "nguồn khác 600 suất", "khác: 8 người", "5.200 suất còn lại"; not "lao động từ
        các tỉnh khác đến làm việc 98.350 người"."""
        f = self.figures[j]
        before = self.text[max(0, f.start - 40):f.start].rsplit(";", 1)[-1].rsplit(",", 1)[-1]
        near = regex.search(r"(?:\p{L}+[^\S\n]*){0,2}[^\p{L}\d]*$", before).group()
        after = regex.split(r"[;,.]|(?<!\p{L})và(?!\p{L})", self.text[f.end:f.end + 25])[0]  # not "… và các nội dung khác"
        return bool(cues().rest.search(near + " " + after))

    def _subtotal_after(self, pos: int) -> bool:
        """"giải Nhì 2.000.000 đồng, mỗi giải Ba 1.000.000 đồng; cộng 21.000.000 đồng;": the ";" before a closing
        "cộng" ends no item, the sum closes the item it follows."""
        nxt = next(iter(self.between(pos, len(self.text))), None)
        return nxt is not None and bool(cues().closing.match(self.text[pos:self.figures[nxt].start]))

    def _other_total(self, i: int) -> int | None:
        """A total of the other kind just before a total in the same clause."""
        if i == 0:
            return None
        j = i - 1
        f, t = self.figures[j], self.figures[i]
        gap = self.text[f.end:t.start]
        # "214 CĐCS với 68.412 đoàn viên, trong đó ...", "12.650 suất quà ..., tổng trị giá hơn 7,4 tỷ đồng, trong đó ..."
        reach = 25 if f.kind == t.kind else 90
        same_clause = len(gap) <= reach and not any(ch in gap for ch in ";.()\n")
        other = f.kind != t.kind or not same_noun(f.unit, t.unit)
        listed = j > 0 and (p := self.figures[j - 1]).kind == f.kind and same_noun(p.unit, f.unit) \
            and not regex.search(r"[;.\n]", self.text[p.end:f.start])  # "xây mới 18 nhà, sửa chữa 25 nhà ...": an item
        return j if same_clause and other and not listed and f.kind != "percent" and not self.is_rate(j) else None

    def _forward(self, i: int, t: Figure, m: regex.Match, stop_at: int | None = None,
                 region: tuple[int, int] | None = None, after: int | None = None) -> list[Group]:
        """The parts of total i in the list cue `m` opens, matched at `after` (by default where the total ends)."""
        cue = m.group()
        bracket = cue.rstrip().endswith("(")  # "(nữ 156 người)": the parts are inside
        stop = self.text.index(")", t.end) if bracket and ")" in self.text[t.end:t.end + 200] else self.region_after(t.end)
        start = t.end if after is None else after
        if region:
            start, stop = region
        elif not bracket and (again := cues().next_list.search(self.text, start + m.end(), stop)):
            stop = again.start()  # "86 đoàn viên, gồm 03 …, 74 … và 09 …; trong đó nữ 58 …": a second list
        led_by: list[Group] = []
        if not bracket and region is None and (lead := cues().sub_breakdown.search(self.text, start + m.end(), stop)):
            # "151.453 đoàn viên, trong đó nữ 89.207 đoàn viên (58,9%); phân theo khu vực: doanh nghiệp 109.874 đoàn viên,
            # …": the list after the lead breaks down all of the total
            by = [j for j in self.between(lead.end(), stop) if comparable(t, self.figures[j]) and self.figures[j].role == t.role
                  and not self.is_rate(j) and not self.is_change(j) and not self._bracketed(self.figures[j])]
            if len(by) >= 2:
                led_by = [Group(total=i, parts=by, selection=False)]
                led_by[0].shares = {j: p for j in by if (p := self.share_of(j, own_base=False)) is not None}
                stop = lead.start()
        # "12 tập thể (gồm 5 CĐCS và 7 doanh nghiệp)": a bracket opening with "gồm" and counting nothing of its total's
        # noun counts all of it by other nouns
        opened = self.text.find("(", t.end) + 1
        enumerating = bracket and bool(cues().enumeration.match(self.text[opened:stop].lstrip())) \
            and not any(comparable(t, self.figures[j]) for j in self.between(opened, stop))
        parts, asides = [], []
        for j in range(i + 1, len(self.figures)):
            f = self.figures[j]
            if f.start < start:
                continue
            if f.start >= stop:
                break
            if stop_at is not None and (f.start < stop_at or f.kind == t.kind and not same_noun(f.unit, t.unit)):
                continue  # a total named before another: only parts of its own noun
            # a part may have a breakdown of its own ("87.000.000 đồng (trong đó ...)"): it stays a part,
            # the figures of its breakdown, bracketed or not the last of their item, do not
            if ((comparable(t, f) or enumerating and t.kind == f.kind == "count") and f.role == t.role
                    and not self.is_rate(j) and not self.is_change(j)
                    and not self.fraction_base(j)):
                if not bracket and region is None and _BODY_OF_ITS_OWN.search(self.text, max(start + len(cue), f.start - 12), f.start):
                    continue  # "bầu các chức danh: - Ban Thường vụ gồm 03 đồng chí …": a whole of its own
                if bracket or not self._bracketed(f):
                    parts.append(j)  # "46 đoàn viên, trong đó 31 …; giảm 103 đoàn viên …": a change is no part
                elif self._alone_in_brackets(f) and not compared_level(self.text, f):
                    asides.append(j)  # not "tăng 6,8% so với cùng kỳ năm 2023 (2.262,8 triệu đồng)"
        parts = self._with_bracketed_amounts(parts, asides, start, stop)
        if parts and self._other_noun_items(i, parts, start if region else start + m.end()):
            return []  # "27 doanh nghiệp (gồm 9 doanh nghiệp ăn uống, 6 cơ sở y tế, 5 siêu thị và 7 doanh nghiệp …)"
        semicolon = self.text.find(";", start + len(cue) if region is None else start, stop)  # not the cue's own "; gồm"
        if parts and not bracket and not cue.rstrip().endswith(":") and 0 <= semicolon < self.figures[parts[0]].start:
            return []  # "9 dự thảo luật, trong đó có dự thảo Nghị định …; tham gia ý kiến đối với 14 dự thảo …": no list
        if bracket and cues().inclusion.search(self.text, t.end, stop):
            return []  # "1.386 đoàn viên (… đã tính trong 6.245 đoàn viên kết nạp mới)": a whole, not parts
        if bracket and any(cues().sum.search(self.text, max(t.end, self.figures[j].start - 80), self.figures[j].start) for j in parts):
            return []  # "7 người (16 đội, mỗi đội đăng ký 14 VĐV, tổng cộng 224 VĐV)": the bracket totals something else
        if bracket and self._level_reached(i):
            return []  # "Số CĐCS tăng từ 308 lên 312 đơn vị (thành lập mới 07, giải thể 03)": the reasons of the change
        if bracket and len(parts) == 1 and not self.item(parts[0]):
            return []  # "giảm 3 doanh nghiệp (12 doanh nghiệp)": the level compared; "quà hiện vật trị giá 100.000 đồng
            # (88 triệu đồng)": what they come to; a bare amount in brackets names no part
        if bracket and self.is_change(i) and (cues().change_word.search(self.text, t.end, stop) or len(parts) == 1):
            return []  # "tăng 6 đoàn viên (kết nạp mới 9; giảm 3, gồm …)": a flow, which balances check; "tăng 214 người
            # (năm 2024 là 9.632 đoàn viên)": the level compared with
        if any(cues().minus.search(self.text, max(start, self.figures[j].start - 12), self.figures[j].start) for j in parts):
            return []  # "(65 triệu đồng đầu kỳ, cộng 55 triệu đồng cho vay mới, trừ 45 triệu đồng thu hồi)": no sum
        listed = parts
        # "343 tập thể, cá nhân …, gồm: … cho 12 tập thể, 35 cá nhân; …": every item counts both nouns
        units = {self.figures[j].unit for j in parts}
        both = "," in t.unit and len(units) > 1
        if (region is None or cue.rstrip().endswith(":")) and not both:
            parts = self._one_per_item(parts, start, stop)
        if not parts:
            return led_by
        # "58 CĐCS trực thuộc (gồm 17 CĐCS bệnh viện, …)": the bracket opens with an enumeration
        inside = self.text[self.text.find("(", t.end) + 1:stop].lstrip() if bracket else ""
        # "79 tập thể, cá nhân (32 tập thể, 47 cá nhân)": parts naming every noun of the total are all of it
        enumerated = (cues().enumeration.search(cue) or cues().enumeration.match(inside)
                      or bracket and both and units >= {u.strip() for u in t.unit.split(",")}
                      or bracket and self._classes_listed(parts, inside))
        selection = not (enumerated or cue.rstrip().endswith(":") and not bracket
                         and not regex.search(r"trong\s+đó", cue, regex.IGNORECASE)
                         or bracket and self.is_change(i)  # the reasons of a change in brackets are all of it
                         or len(parts) >= 2 and self.is_rest(parts[-1]) and not self._items_left_out(t, parts, start))
        # "…; 2.596 suất quà còn lại …": all of it, unless an item counts another noun ("138 hội nghị, …; 96 hoạt động …")
        tail = self.text[self.figures[parts[-1]].end:stop + 1]  # "(túi an sinh 210 triệu đồng; F0 84 triệu đồng; …)"
        group = Group(total=i, parts=parts, selection=selection, members=listed if selection else parts,
                      open_ended=bool(cues().ellipsis.search(tail)))
        # "Trong đó, 10 CĐCS thu đoàn phí đạt 100%; 2 CĐCS …": a part of a selection at 100% says how far it
        # did something, not its share of the whole
        group.shares = {j: s for j in group.members if (s := self.share_of(j, own_base=False)) is not None
                        and not (selection and self.figures[s].value == 100) and not self._names_another_whole(s, i)
                        and not self.of_plan(s)}  # "bằng 87,8% dự toán"
        group.shares.update({j: p for j, p in self.leading_shares() if j in group.members and j not in group.shares})
        return [group, *led_by]

    def _backward(self, i: int, t: Figure, cue_start: int) -> Group | None:
        """Items before a sum cue, back to the colon that opens the list or the sentence start; none when the total
        opens a list of its own ("Tổng thu … đạt 98,7 tỷ đồng, gồm: …")."""
        if cues().opens_list.match(self.text, t.end):
            return None
        line = self.layout.line_of(t.start)
        start = self.layout.sentence_of(t.start).start
        before = self.text[line.start:start].rstrip()
        if before and cues().ellipsis.search(before[-4:]):  # "(2,4 triệu đồng)…. Tổng số tiền ..."
            start = self.layout.sentence_of(len(before) + line.start - 1).start
        if cues().closing.match(self.text[line.start:t.start]):  # "Cộng: 221.380.000 đồng" closes the lines above
            index = self.layout.line_index(t.start)
            while index > 0:
                above = self.layout.lines[index - 1]
                body = self.text[above.start:above.end].rstrip()
                if not body.strip() or not (LIST_LINE.match(body) or body.endswith((";", ":", "."))):
                    break
                index -= 1
                start = above.start
                if body.endswith(":"):  # the line that opens the list
                    break
        ends = []
        if not self.text[start:cue_start].strip(" \t-–+•*") and start > line.start:
            # "...; sửa chữa 7 nhà, thành tiền 140 triệu đồng. Tổng kinh phí hỗ trợ nhà ở là 1 tỷ 040 triệu đồng."
            previous = self.layout.sentence_of(len(self.text[:start].rstrip()) - 1)
            listed = self.text[previous.start:start]
            if ";" in listed and not cues().parts_cue.search(listed):  # not the breakdown of another total
                start, ends = previous.start, [start]
            elif cues().closing.match(self.text[start:t.start]) and previous.start >= line.start:
                # "… xây mới 12 nhà và sửa chữa 8 nhà. Tổng cộng 20 nhà": every clause of the sentence before is an
                # item, up to a "trong đó" that breaks one down
                cut = cues().parts_cue.search(listed)
                stop = previous.start + cut.start() if cut else start
                found = self._items(i, t, previous.start, [previous.start + m.end() for m in _CLAUSES.finditer(listed)
                                                           if previous.start + m.end() < stop], stop)
                return Group(total=i, parts=found, selection=False) if len(found) >= 2 else None
        region = self.text[start:cue_start]
        separators = sorted([start + m.end() for m in regex.finditer(r";|\n", region)] + ends)
        own_item = self.text[separators[-1] if separators else start:cue_start].strip(" \t-–+•*")
        if own_item and not separators and self.text[start:cue_start].rstrip().endswith(",") \
                and cues().closing.match(self.text[cue_start:t.start]):
            # "hỗ trợ xây mới 06 nhà, sửa chữa 03 nhà, tổng cộng 09 nhà": the clauses before a closing cue are its items
            found = self._items(i, t, start, [start + m.end() for m in _CLAUSES.finditer(self.text[start:cue_start])], cue_start)
            return Group(total=i, parts=found, selection=False) if len(found) >= 2 else None
        if own_item and not cues().ellipsis.search(own_item[-4:]):
            return None  # "khen thưởng 387 lượt cháu với tổng số tiền 96,7 triệu đồng": the total of its own item
        parts = self._items(i, t, start, separators, cue_start)
        if len(parts) < 2:  # "Quỹ “Vì người nghèo” 12.480.000 đồng, Quỹ “Mái ấm Công đoàn” 8.560.000 đồng; tổng cộng ..."
            commas = [start + m.end() for m in regex.finditer(r",\s", region)]
            parts = self._items(i, t, start, sorted(set(separators + commas)), cue_start)
        if len(parts) < 2:
            return None
        tail = self.text[self.figures[parts[-1]].end:cue_start]
        return Group(total=i, parts=parts, selection=False, open_ended=bool(cues().ellipsis.search(tail)))

    def _items(self, i: int, t: Figure, start: int, separators: list[int], stop: int) -> list[int]:
        """The last amount of each item between the separators that may add up to total i."""
        bounds = [start, *separators, stop]
        parts = []
        for a, b in zip(bounds, bounds[1:]):
            inside = [j for j in self.between(a, b)
                      if j != i and comparable(t, self.figures[j], same_unit=True) and not self.is_rate(j)]
            summed = [j for j in inside if not cues().sum.search(self.text, max(a, self.figures[j].start - 80), self.figures[j].start)]
            # a sum cue in the item closes a list of its own, but "mỗi suất 300.000 đồng, tổng 88,8 triệu đồng" is the
            # item's own product
            product = not summed and any(self.is_rate(j) for j in self.between(a, b))
            inside = summed or (inside[-1:] if product else [])
            if inside:
                parts.append(inside[-1])
        return parts

    def two_way_split(self, group: Group) -> list[list[int]]:
        """"214 CĐCS, trong đó 201 CĐCS thuộc doanh nghiệp FDI và 13 CĐCS thuộc doanh nghiệp ngoài nhà nước":
        exactly two parts counting the total's own noun split it in two."""
        total = self.figures[group.total]
        same = [j for j in group.parts if same_noun(self.figures[j].unit, total.unit) and self.figures[j].kind == "count"]
        if len(group.parts) == 2 and len(same) == 2 and total.unit not in ("người",) \
                and not regex.search(r"[;\d]", self.between_text(same[0], same[1])) \
                and not any(cues().trait.search(self._said(j)) for j in same) \
                and not cues().rest.search(self.text, self.figures[same[1]].end, self.layout.sentence_of(total.start).end):
            # not when a rest without a number follows ("…, 21 doanh nghiệp hẹn xem xét, số còn lại chưa hợp tác"),
            return [same]  # not "15 đồng chí, trong đó nữ 08 đồng chí; trong nhiệm kỳ có 02 đồng chí nghỉ việc",
            # nor "có 120 đại biểu nữ, 86 đại biểu là đảng viên", nor two of more items ("52 CĐCS …, 71 …, 48 …, 15 CĐCS …")
        return []

    def between_text(self, a: int, b: int) -> str:
        """The text between figures a and b without the figures in it ("15 vụ (chiếm 78,9%) … và 4 vụ")."""
        f, pieces, pos = self.figures, [], self.figures[a].end
        for k in range(a + 1, b):
            pieces.append(self.text[pos:f[k].start])
            pos = f[k].end
        return "".join(pieces) + self.text[pos:f[b].start]

    def complement_subsets(self, group: Group) -> list[list[int]]:
        """Parts whose subjects split the whole between them (nam and nữ)."""
        subsets = []
        for pair in cues().complements:
            chosen = []
            for word in pair:
                hit = [j for j in group.members or group.parts if regex.search(rf"(?<!\p{{L}}){regex.escape(word)}(?!\p{{L}})", self.label(j))]
                if len(hit) == 1:
                    chosen.append(hit[0])
            if len(set(chosen)) == len(pair) and self._alone_in_item(chosen, group.members or group.parts):
                # "Ngày Phụ nữ Việt Nam 20/10 là 1,82 tỷ đồng" names both words in one item: no split
                subsets.append(chosen)
        return subsets

    def _alone_in_item(self, chosen: list[int], members: list[int]) -> bool:
        """No other listed figure shares the pair's item: "nữ 231 (56,1%), nam 181 (43,9%); đảng viên 198"
        splits in two, "8 người (1 người chết, 2 ... nặng, 5 ... nhẹ)" does not split in nặng and nhẹ."""
        start = min(self.figures[j].start for j in chosen)
        end = max(self.figures[j].end for j in chosen)
        opened = max(self.text.rfind(c, 0, start) for c in ";(:\n") + 1
        closes = [k for k in (self.text.find(c, end) for c in ";)\n") if k >= 0]
        closed = min(closes) if closes else len(self.text)
        return all(j in chosen for j in members if opened <= self.figures[j].start < closed)

    def partition_subsets(self, group: Group) -> list[list[int]]:
        """Items that each name a different class of one classification ("đại học 24; cao đẳng 06;
        trung cấp 02", "dưới 30 tuổi 07; từ 30 đến 45 tuổi 19; trên 45 tuổi 06"), or that all name
        units of one kind ("tổ Trường Mầm non 24 đoàn viên; tổ Trạm Y tế 06 đoàn viên; ..."). A list
        may hold two classifications ("Cán bộ quản lý: 03; Giáo viên: 31; Nhân viên: 04; Trong biên
        chế: 38; ngoài biên chế: 0"), but every item must belong to one, or the list may be a selection."""
        items = group.parts
        subsets = []
        for family in cues().partitions + cues().complements:
            chosen: dict[str, int] = {}
            for j in items:
                # the class right after the number ("09 CĐCS hoàn thành xuất sắc nhiệm vụ"), else before it ("Đại học: 24")
                word = self._class_in(family, self._words_after(j)) or self._class_in(family, self.item(j))
                if word is not None and word not in chosen:
                    chosen[word] = j
            if len(chosen) >= 2:
                subsets.append(sorted(chosen.values()))
        covered = {j for subset in subsets for j in subset}
        if not set(items) <= covered or any(len(set(a) & set(b)) for n, a in enumerate(subsets) for b in subsets[n + 1:]):
            subsets = []
        heads = [self.item(j).split()[:1] for j in items]
        if len(items) >= 3 and all(heads) and len({h[0] for h in heads}) == 1 and heads[0][0] in cues().unit_heads:
            subsets.append(sorted(items))
        return subsets

    @staticmethod
    def _class_in(family: list[str], said: str) -> str | None:
        return max((w for w in family if regex.search(rf"(?<!\p{{L}}){regex.escape(w)}(?!\p{{L}})", said)), key=len, default=None)

    def _words_after(self, j: int) -> str:
        after = self.text[self.figures[j].end:self.figures[j].end + 60]
        return regex.split(r"[,;.(\n\d]|(?<!\p{L})và(?!\p{L})", after, maxsplit=1)[0].lower()

    def _level_reached(self, i: int) -> bool:
        """Figure i is where a change went to: "tăng từ 308 lên 312 đơn vị"."""
        return bool(_REACHED.search(self.text, max(0, self.figures[i].start - 80), self.figures[i].start))

    def _classes_listed(self, parts: list[int], inside: str) -> bool:
        """"27 người (Tày 12, Dao 08, Mông 04, Nùng 03)", "196 giải (06 giải Nhất, 27 giải Nhì, …)": two or more
        items in brackets right after their total name the classes it splits into; but "78 đoàn viên (nữ 48, đảng
        viên 37)" names traits that overlap, and "(trong đó …)" says a selection. ("Trong 350 đoàn viên, có 112
        người đang điều trị …, 64 người là giáo viên hợp đồng" lists traits too often to be read so.)"""
        if len(parts) < 2 or cues().parts_cue.search(inside) or cues().sum.search(inside) or _EACH.search(inside):
            return False  # "(16 đội, mỗi đội đăng ký 14 VĐV, tổng cộng 224 VĐV)", "(giải nhất 10 triệu đồng, …, 2 giải ba mỗi
            # giải 5 triệu đồng)": a product, not classes
        items = [item for item in regex.split(r"[,;]", inside.split(")")[0]) if regex.search(r"\d", item)]
        if len(items) != len(parts):
            return False  # "(52 CĐCS khối mầm non, 71 khối tiểu học, 48 khối THCS, …)": not every item is a part here
        return not any(cues().trait.search(words) or cues().entity.match(words) or self._counted_before(j, words)
                       for j, words in ((j, self._said(j)) for j in parts))

    def _said(self, j: int) -> str:
        """The words of a listed figure's item around it: "Tày 12" → "tày", "06 giải Nhất" → " giải nhất"."""
        f = self.figures[j]
        return f"{self.item(j)} {f.unit.lower()} {regex.split(r'[,;()]', self.text[f.end:f.end + 40])[0].lower()}"

    def _counted_before(self, j: int, said: str) -> bool:
        """"12 tập thể và 45 cá nhân … tổng số tiền 34.500.000 đồng (tập thể 1.000.000 đồng, cá nhân 500.000 đồng)":
        an amount named by a noun its sentence counts is that noun's price, not a part."""
        sentence = self.layout.sentence_of(self.figures[j].start)
        return self.figures[j].kind == "money" and any(
            self.figures[k].kind == "count" and said.startswith(self.figures[k].unit.lower())
            for k in self.between(sentence.start, self.figures[j].start))

    def item(self, j: int) -> str:
        """The words that name a listed figure: "Cán bộ quản lý: 03" → "cán bộ quản lý"."""
        since = max(0, self.figures[j].start - 60, self.figures[j - 1].end if j else 0)  # not another figure's words
        head = self.text[since:self.figures[j].start]
        head = regex.sub(r"\([^()\n]*\)", " ", head)  # "13.150 suất (chiếm 22,4% tổng số suất) và số tiền …" names no whole
        item = head[max(head.rfind(c) for c in ";,()\n") + 1:]
        named = [part.strip(" -–+•*\t") for part in item.split(":")]
        return next((part for part in reversed(named) if part), "").lower()

    def label(self, j: int) -> str:
        """What a listed figure is of: its subject and the words before it in its item ("nữ 231 người")."""
        f = self.figures[j]
        head = self.text[max(0, f.start - 40):f.start]
        item = head[max(head.rfind(c) for c in _ITEM_BREAKS) + 1:]
        return f"{item} {f.subject}".lower()

    def fractions(self) -> list[Fraction]:
        """"11/38 chức danh (28,9%)": a part, its base and the share stated for them."""
        found = []
        for i in range(len(self.figures) - 2):
            a, b, p = self.figures[i], self.figures[i + 1], self.figures[i + 2]
            if (a.kind == b.kind == "count" and p.kind == "percent"
                    and regex.fullmatch(r"\s*(?:/|trong tổng số|trên tổng số|trong số|trên tổng)\s*", self.text[a.end:b.start])
                    and regex.fullmatch(r"[^.;\n]{0,100}?[\s,(]*(?:chiếm|đạt|bằng|tỷ lệ)?[\s:]*", self.text[b.end:p.start])):
                if i and self.figures[i - 1].kind == "percent" and _OWN_SHARE.fullmatch(self.text[self.figures[i - 1].end:a.start]):
                    # "từ 90,8% (85.471/94.120 …) lên 91,5%", "đạt 94,2% chỉ tiêu (1.036/1.100 đoàn viên) và có tỷ lệ …
                    # (83,0%)": the share before the bracket is the fraction's own
                    found.append(Fraction(part=i, base=i + 1, percent=i - 1))
                    continue
                found.append(Fraction(part=i, base=i + 1, percent=i + 2))
        return found

    def leading_shares(self) -> list[tuple[int, int]]:
        """"CĐCS được sử dụng 75%, tương ứng 428.400.000 đồng": (amount, its share) when the share comes first."""
        if self._leading is None:
            self._leading = self._find_leading_shares()
        return self._leading

    def _find_leading_shares(self) -> list[tuple[int, int]]:
        pairs = []
        for p in range(len(self.figures) - 1):
            if self.figures[p].kind == "percent" and self.figures[p + 1].kind != "percent" \
                    and cues().leading_share.fullmatch(self.text[self.figures[p].end:self.figures[p + 1].start]):
                pairs.append((p + 1, p))
        return pairs

    def in_words(self) -> list[tuple[int, int]]:
        """"103.650.000 đồng (Bằng chữ: Một trăm linh ba triệu sáu trăm năm mươi nghìn đồng)": an amount
        written again in words, as financial reports do."""
        pairs = []
        for i in range(len(self.figures) - 1):
            a, b = self.figures[i], self.figures[i + 1]
            if (a.kind == b.kind and any(ch.isdigit() for ch in a.text) and not any(ch.isdigit() for ch in b.text)
                    and cues().in_words.fullmatch(self.text[a.end:b.start])):
                pairs.append((i, i + 1))
            elif not any(ch.isdigit() for ch in b.text) and cues().in_words_cue.search(self.text, max(0, b.start - 30), b.start):
                # "Tổng chi | 2.804.800.000 | 100\n(Bằng chữ: …)": the last amount of its line or the line before
                line = self.layout.line_of(b.start)
                above = self.layout.line_of(line.start - 1).start if line.start else 0
                said = [j for j in reversed(self.between(above, b.start)) if self.figures[j].kind == b.kind
                        and any(ch.isdigit() for ch in self.figures[j].text)]
                if said:
                    pairs.append((said[0], i + 1))
        return pairs

    def between(self, start: int, end: int) -> range:
        """The figures that start in [start, end)."""
        return range(bisect_left(self._starts, start), bisect_left(self._starts, end))

    def figure_in(self, span: tuple[int, int]) -> int | None:
        inside = self.between(span[0], max(span[1], span[0] + 1))
        return inside[0] if inside else None

def ratio(part, base):
    from .intervals import Interval

    return Interval(100 * part.lo / base.hi if base.hi else 0.0, 100 * part.hi / base.lo if base.lo else float("inf"))
