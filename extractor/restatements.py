"""Finds a quantity the report states twice, so the two statements can be compared.

Reports repeat themselves: a table row in the prose ("Phân xưởng cắt | 120 | 98 | 81,7%" and
later "nhất là Phân xưởng cắt (81,7%)"). A pair is linked only by what the text says around the
numbers, never by their values, so a restatement that was changed still finds its first statement.
The same words around two numbers elsewhere in the prose ("xây mới 18 nhà" … "xây mới 15 nhà")
were tried and dropped: plans, other years and other units repeat them too often.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from . import rules, tables
from .relations import Finder, counts_people, cues, same_noun, stop_words

_WORD = regex.compile(r"\p{L}+")
_HEADLINE = 160  # a title line is short and has no full stop
_TITLE_REACH = 1500  # and stands near the top, after the site's furniture
_CLAUSE_BREAK = regex.compile(r"[;:.!?()\n\d|]")


@cache
def _time_units() -> frozenset[str]:
    return frozenset(rules.data("relations")["restated_time_units"])


@cache
def _compared() -> regex.Pattern:
    return rules.cue_regex(rules.data("relations")["restated_compared"])


@cache
def _rate_verb() -> regex.Pattern:
    return rules.cue_regex(rules.data("relations")["restated_rate_verbs"])


@cache
def _summing_up() -> regex.Pattern:
    return regex.compile(rf"[^\S\n]*{rules.whole_words(rules.data('relations')['restated_summing_up'])}", regex.IGNORECASE)


_NON_BLANK = regex.compile(r"\S")
_CLAUSE_EDGE = regex.compile(r"[,;:.()\n]|(?<!\p{L})và(?!\p{L})")


@cache
def _narrowing() -> regex.Pattern:
    return regex.compile(rf"[^\S\n]*{rules.whole_words(rules.data('relations')['restated_narrowing'])}", regex.IGNORECASE)


def restatements(finder: Finder) -> list[tuple[int, int]]:
    return sorted(set(_table_in_prose(finder) + _headline(finder) + _total_row_in_prose(finder) + _fraction_bases(finder)
                      + _summary(finder) + _transposed(finder)))


def _transposed(finder: Finder) -> list[tuple[int, int]]:
    """The one link made from values: "2.741 người" and, sections later, "2.714 lao động" differ only by two
    neighbouring digits swapped, the commonest slip of a typist. Unrelated figures seldom look so alike when they
    have four digits or more, share their noun ("1.246 đoàn viên" is no "2.146 người lao động"), rate and order
    of magnitude, and say two words in common (three for a table cell, which says its row's and column's names; one
    when five significant digits or more are swapped; four in prose when one of them is round, as 640 is to 604);
    cells of one table, or figures of one sentence ("2.210 triệu đồng (gồm 2.201 triệu đồng …)"), are never
    paired. Only figures written with the same digits are compared."""
    f = finder.figures
    table_of = finder.cells
    said: dict[int, set[str]] = {}

    def words(i: int) -> set[str]:
        if i not in said:
            if i in table_of:
                g, texts, col = table_of[i]
                header = finder.grids[g].header
                around = f"{tables.row_label(texts)} {header[col] if col < len(header) else ''}"
            else:
                sentence = finder.layout.sentence_of(f[i].start)
                around = f"{finder.text[max(sentence.start, f[i].start - 80):f[i].start]} {finder.text[f[i].end:min(sentence.end, f[i].end + 80)]}"
            said[i] = {w.lower() for w in _WORD.findall(around)} - stop_words() - {w.lower() for w in _WORD.findall(f[i].unit)}
        return said[i]

    same_digits: dict[tuple[str, str], list[int]] = {}
    for j, x in enumerate(f):
        if x.kind != "percent" and x.qualifier == "exact" and x.value >= 1000:
            same_digits.setdefault((x.kind, "".join(sorted(f"{x.value:.0f}"))), []).append(j)
    pairs = []
    for group in same_digits.values():
        for i, j in ((i, j) for n, j in enumerate(group) for i in group[:n]):
            x, y = f[j], f[i]
            if (y.role != x.role or y.per != x.per
                    or x.kind == "count" and not same_noun(x.unit, y.unit)
                    or i in table_of and j in table_of and table_of[i][0] == table_of[j][0]
                    or finder.layout.sentence_of(y.start) == finder.layout.sentence_of(x.start)
                    or not _neighbours_swapped(y.value, x.value)
                    or _share_of_whole(finder, i) != _share_of_whole(finder, j)):
                continue
            # five significant digits or more ("266.584.000" and "266.548.000") seldom meet by chance: one word will do;
            # a round one ("640 triệu" and "604 triệu") may be another sum: it needs four, and no table cell
            digits = min(len(f"{v:.0f}".rstrip("0")) for v in (x.value, y.value))
            cell = i in table_of or j in table_of
            if digits < 3 and cell:
                continue
            needed = 1 if digits >= 5 else 4 if digits < 3 else 3 if cell else 2
            if len(words(i) & words(j)) >= needed:
                pairs.append((i, j))
    return pairs


def _share_of_whole(finder: Finder, i: int) -> bool:
    """"khám sức khỏe cho 1.268 người, đạt 98,6% tổng số lao động" is a part of the 1.286, however alike they look."""
    p = finder.share_of(i)
    return p is not None and bool(cues().named_whole.match(finder.text, finder.figures[p].end))


def _neighbours_swapped(a: float, b: float) -> bool:
    """688.790.000 and 688.970.000: the same digits but two neighbours, three significant digits at least in one
    (12 and 21 triệu are round sums both)."""
    x, y = f"{a:.0f}", f"{b:.0f}"
    if len(x) != len(y) or max(len(x.rstrip("0")), len(y.rstrip("0"))) < 3:
        return False
    diff = [k for k in range(len(x)) if x[k] != y[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def _fraction_bases(finder: Finder) -> list[tuple[int, int]]:
    """"hội nghị người lao động được tổ chức tại 196/214 CĐCS": the base of a fraction is the whole the
    report stated before, the first total of its noun ("quản lý 214 CĐCS với …, trong đó …"). Where the
    whole is split by its own noun, the base may be one of the parts: it is the part whose two words after
    its noun it says again ("41/48 CĐCS doanh nghiệp ký kết" is the "48 CĐCS doanh nghiệp"), else the whole;
    nothing when it is narrowed ("1.018/1.126 doanh nghiệp có CĐCS"), stands in brackets after the class
    it counts ("100% doanh nghiệp nhà nước (6/6 doanh nghiệp)") or the whole is of a class it does not say."""
    f, text = finder.figures, finder.text
    totals: dict[int, list[int]] = {}
    for g in finder.groups():
        totals.setdefault(g.total, []).extend(g.parts)
    pairs = []
    for j, x in enumerate(f):
        if x.kind != "count" or x.role != "actual" or not finder.fraction_base(j) or _of_plan(finder, j):
            continue
        whole = next((i for i in sorted(totals) if i < j and f[i].kind == "count" and same_noun(f[i].unit, x.unit)
                      and f[i].role == "actual" and not finder.bracketed(i) and not finder.is_change(i)
                      and not finder.fraction_base(i) and "|" not in text[finder.layout.line_of(f[i].start).start:f[i].end]), None)
        if whole is None or _said(finder, whole).classes - _said(finder, j).classes:
            continue  # "Trong 47 doanh nghiệp ngoài nhà nước có tổ chức công đoàn" is no whole of "45/51 doanh nghiệp"
        split = [p for p in totals[whole] if same_noun(f[p].unit, x.unit)]
        if not split:
            pairs.append((whole, j))
            continue
        if finder.bracketed(j) or _narrowing().match(text, x.end):
            continue  # "100% doanh nghiệp nhà nước (6/6 doanh nghiệp)": the base is a part, or fewer
        named = _named_after(text, x.end)
        part = [p for p in split if named and _named_after(text, f[p].end) == named]
        pairs.append((part[0] if len(part) == 1 else whole, j))  # "41/48 CĐCS doanh nghiệp": the "48 CĐCS doanh nghiệp"
    return pairs


def _of_plan(finder: Finder, j: int) -> bool:
    """"đạt 52/100 căn, bằng 52,0% mục tiêu": the base of the fraction is the plan, not a whole stated before."""
    p = finder.share_of(j)
    return p is not None and finder.of_plan(p)


def _named_after(text: str, end: int) -> tuple[str, ...]:
    """The two words right after a figure's noun: "48 CĐCS doanh nghiệp ký kết" → (doanh, nghiệp)."""
    return tuple(w.lower() for w in _WORD.findall(text[end:end + 30].split("(")[0].split(",")[0])[:2])


def _total_row_in_prose(finder: Finder) -> list[tuple[int, int]]:
    """The sentence right after a table that sums it up ("Như vậy, trong nhiệm kỳ có 61 lượt đồng chí đạt
    danh hiệu Chiến sĩ thi đua cơ sở và 17 lượt …") restates its total row: each figure the cell of the
    column its clause names best."""
    f, text = finder.figures, finder.text
    pairs = []
    for grid in finder.grids:
        totals = [spans for texts, spans in grid.rows if cues().table_total.match(tables.row_label(texts))]
        if not totals:
            continue
        cells = _cells(finder, totals[-1])
        after = _NON_BLANK.search(text, grid.rows[-1][1][-1][1])
        if not cells or not after:
            continue
        sentence = finder.layout.sentence_of(after.start())
        if not _summing_up().match(text, sentence.start):
            continue  # "Công đoàn các cấp đã giới thiệu 86 đoàn viên ưu tú …": the report moves on
        for j in finder.between(sentence.start, sentence.end):
            x = f[j]
            if x.role != "actual" or finder.bracketed(j) or _share_of_whole(finder, j) or _narrowed(text, x.start):
                continue  # "riêng 4 khu đã nhận 15.890 suất quà, chiếm 85,2% tổng số suất quà": a part of the total row
            same = [(col, i) for col, i in cells if f[i].kind == x.kind]
            clause = _clause_of(text, x, sentence.start, sentence.end)
            scores = [(_header_share(clause, grid.header[col]) if col < len(grid.header) else 0.0, i) for col, i in same]
            best = max((score for score, _ in scores), default=0.0)
            named = [i for score, i in scores if score == best and score >= 0.6]
            if len(named) == 1:
                pairs.append((named[0], j))
    return pairs


def _narrowed(text: str, start: int) -> bool:
    return bool(_only().search(text[max(0, start - 40):start]))


@cache
def _only() -> regex.Pattern:
    return regex.compile(rf"{rules.whole_words(rules.data('relations')['restated_only'])}[^;:.\n]*$", regex.IGNORECASE)


def _clause_of(text: str, x, start: int, end: int) -> str:
    """"… có 61 lượt đồng chí đạt danh hiệu Chiến sĩ thi đua cơ sở và 17 lượt …" → the words about 61 only."""
    before = [m.end() for m in _CLAUSE_EDGE.finditer(text, start, x.start)]
    after = _CLAUSE_EDGE.search(text, x.end, end)
    return text[before[-1] if before else start:after.start() if after else end].lower()


def _header_share(clause: str, header: str) -> float:
    """How much of a column header the clause says: "GV dạy giỏi cấp tỉnh" in "giáo viên đạt giáo viên
    dạy giỏi cấp tỉnh" is 4 of 5."""
    words = [w.lower() for w in _WORD.findall(header) if w.lower() not in stop_words()]
    said = {w.lower() for w in _WORD.findall(clause)}
    return sum(1 for w in words if w in said) / len(words) if words else 0.0


@cache
def _summary_heading() -> regex.Pattern:
    return regex.compile(rf"^[^\S\n]*(?:[\dIVX]+[.)][^\S\n]*)?{rules.whole_words(rules.data('relations')['restated_summary_headings'])}",
                         regex.IGNORECASE | regex.MULTILINE)


_TOTAL_WORD = regex.compile(r"(?<!\p{L})(?:tổng|cộng)(?!\p{L})", regex.IGNORECASE)
_NOUN_AFTER = regex.compile(r"[^\S\n]*\p{L}")
_AROUND_BREAK = regex.compile(r"[;:()\n\d|]|(?<!\p{L})(?:trong đó|gồm|và)(?!\p{L})", regex.IGNORECASE)
_SECTION = regex.compile(r"^[^\S\n]*(?:[IVX]+[.)]|PHẦN|Phần thứ)", regex.MULTILINE)
_SUMMARY_REACH = 2500
_SAID_BREAK = regex.compile(r"[;:.!?()\n,]")


def _summary(finder: Finder) -> list[tuple[int, int]]:
    """A summing-up section ("Đánh giá chung", "Ưu điểm", "Hạn chế") says again what the report said:
    "Vẫn còn 03 CĐCS nộp kinh phí chậm" is the "03 CĐCS nộp chậm" of the section on finance. Each of its
    counts and amounts is paired with the one earlier figure of its noun that says the most of the same
    words on the same side of the number: at least two syllables, none other as many, both or neither
    negated, a share of a named whole or counted since a past start."""
    f, text = finder.figures, finder.text
    said: dict[int, _Said] = {}

    def words(i: int) -> _Said:
        if i not in said:
            said[i] = _said(finder, i)
        return said[i]

    pairs = []
    for start, body, end in _summary_sections(finder):
        earlier = [i for i in range(len(f)) if f[i].end <= start and f[i].role == "actual" and f[i].kind != "percent"
                   and not finder.bracketed(i) and not finder.in_ratio(i)
                   and "|" not in text[finder.layout.line_of(f[i].start).start:f[i].end]]
        for j in finder.between(body, end):
            x = f[j]
            if x.role != "actual" or x.kind == "percent" or finder.bracketed(j) or finder.is_rate(j) \
                    or _JOINED_CLASSES.search(text, max(0, x.start - 60), x.start):
                continue  # "sức khỏe loại IV, loại V là 191 người": the sum of two classes, neither restated
            rest = bool(_LEFT.search(text, max(0, x.start - 12), x.start))
            # "So với 1.372 trường hợp rà soát đầu giai đoạn, vẫn còn 944 đoàn viên …": a level the sentence says
            # itself is said there, not by the 944
            sentence = finder.layout.sentence_of(x.start)
            said_here = {f[k].value for k in finder.between(sentence.start, sentence.end) if k != j and f[k].kind == x.kind}
            scores = sorted(((words(j).agreement(words(i)), i) for i in earlier
                             if f[i].kind == x.kind and same_noun(f[i].unit, x.unit) and f[i].per == x.per
                             and words(j).fits(words(i)) and not (rest and _scoped(text, f[i].start))
                             and _share_of_whole(finder, i) == _share_of_whole(finder, j)
                             and _cumulative(finder, i) == _cumulative(finder, j)
                             and f[i].value not in said_here), reverse=True)
            # two syllables at least ("nộp chậm"); "chưa thành lập" is not "đã thành lập"
            tied = [i for score, i in scores if score == scores[0][0]]
            if scores and scores[0][0] >= 2 and (len(scores) == 1 or scores[1][0] < scores[0][0]):
                pairs.append((scores[0][1], j))
            elif scores and scores[0][0] >= 2 and len(same_share := _same_share(finder, j, tied)) == 1:
                # "kết nạp hơn 10,2 nghìn đoàn viên (107,7% kế hoạch)" is the "10.236 đoàn viên, đạt 107,7% kế hoạch" of the
                # several counts said with "kết nạp": the one with the same share
                pairs.append((same_share[0], j))
            elif len(scores) == 1 and not rest and not words(j).negated and finder.share_of(j) is None \
                    and _only_of_its_noun(finder, j, earlier, body, end):
                # not "vẫn còn 02 tổ công đoàn chỉ xếp loại hoàn thành nhiệm vụ": what is left of the 41; not "7.365
                # phòng trọ (khoảng 34%) chưa đạt tiêu chí": a share makes it a part of the whole said before
                pairs.append((scores[0][1], j))
    return pairs


def _same_share(finder: Finder, j: int, candidates: list[int]) -> list[int]:
    """The candidates whose own share has the value of figure j's share."""
    share = finder.share_of(j)
    if share is None:
        return []
    return [i for i in candidates if (p := finder.share_of(i)) is not None and finder.figures[p].value == finder.figures[share].value]


def _only_of_its_noun(finder: Finder, j: int, earlier: list[int], body: int, end: int) -> bool:
    """"Toàn quận đã tổ chức 412 hoạt động" and, summing up, "Với 412 hoạt động, thu hút …": a count of a noun the
    report counts nowhere else, neither before nor in the summing-up, is the same count, whatever words stand round
    it; not a count of people, turns or other things every report counts many of."""
    f = finder.figures
    x = f[j]
    if x.kind != "count" or counts_people(x.unit) or x.unit.lower() in _generic_nouns():
        return False
    alike = lambda k: f[k].kind == "count" and same_noun(f[k].unit, x.unit)  # noqa: E731
    return sum(1 for k in earlier if alike(k)) == 1 and sum(1 for k in finder.between(body, end) if alike(k)) == 1


def _cumulative(finder: Finder, i: int) -> bool:
    """"Từ khi thành lập (năm 2016) đến nay, Quỹ đã … sửa chữa 27 căn nhà": a count since a past start."""
    start = finder.figures[i].start
    return bool(_cumulative_cue().search(finder.text, finder.layout.sentence_of(start).start, start))


@cache
def _cumulative_cue() -> regex.Pattern:
    return regex.compile("|".join(f"(?:{r})" for r in rules.data("relations")["cumulative_regexes"]), regex.IGNORECASE)


_JOINED_CLASSES = regex.compile(r"(?<!\p{L})(\p{L}+)[^\S\n]+[\p{L}\d]+[^\S\n]*(?:,|và|hoặc)[^\S\n]*\1[^\S\n]+[\p{L}\d]+"
                             r"(?:[^\S\n]+(?:là|có|gồm|đạt|chiếm))?[^\S\n]*:?[^\S\n]*$", regex.IGNORECASE)
_LEFT = regex.compile(r"(?<!\p{L})còn(?:[^\S\n]+lại)?[^\S\n]*$", regex.IGNORECASE)


def _scoped(text: str, start: int) -> bool:
    """"Trong số 235 doanh nghiệp có tổ chức công đoàn, …": a whole the sentence breaks down, which "còn 64 doanh
    nghiệp … chưa có thỏa ước" (what is left of it) does not restate."""
    return bool(cues().scope.search(text, max(0, start - 20), start))


def _summary_sections(finder: Finder) -> list[tuple[int, int, int]]:
    """(heading line start, body start, end) of each summing-up section; "1. Ưu điểm" under "III. ĐÁNH
    GIÁ CHUNG" is read as part of it, not again."""
    text = finder.text
    sections: list[tuple[int, int, int]] = []
    for m in _summary_heading().finditer(text):
        line = finder.layout.line_of(m.start())
        if sections and line.start < sections[-1][2]:
            continue
        end = min(len(text), line.start + _SUMMARY_REACH)
        if (nxt := _SECTION.search(text, line.end + 1, end)):
            end = nxt.start()
        sections.append((line.start, line.end, end))
    return sections


@cache
def _one_word_classes() -> frozenset[str]:
    return frozenset(w for pair in cues().complements for w in pair if " " not in w)


@cache
def _negations() -> frozenset[str]:
    return frozenset(w for cue in rules.data("relations")["not_done_cues"] for w in cue.lower().split())


@dataclass(frozen=True)
class _Said:
    """The words right around a figure, but for its noun and words that say nothing: those before its
    number (what was done: "kết nạp", "vẫn còn") and those after its noun."""

    lead: frozenset[str]
    trail: frozenset[str]
    named: frozenset[str] = frozenset()  # classes said in several words ("chết người", "có CĐCS")

    def agreement(self, other: _Said) -> int:
        """Words said on the same side of the number: "kết nạp mới 6.742 đoàn viên" and "kết nạp mới 6.724
        đoàn viên" agree on two, "965 đoàn viên được kết nạp" on none."""
        return len(self.lead & other.lead) + len(self.trail & other.trail)

    def fits(self, other: _Said) -> bool:
        """Said of the same thing: negated alike, and where both say words before the number one in common,
        and so after the noun ("01 vụ TNLĐ chết người" is not "7 vụ tai nạn lao động")."""
        def agree(a: frozenset[str], b: frozenset[str]) -> bool:
            return not a or not b or bool(a & b)
        return (self.negated == other.negated and self.classes == other.classes
                and agree(self.lead, other.lead) and agree(self.trail, other.trail))

    @property
    def classes(self) -> frozenset[str]:
        """"đoàn viên nữ là 3.342 người" is of a class that "số đoàn viên đạt 4.105 người" is not."""
        return (self.lead | self.trail) & _one_word_classes() | self.named

    @property
    def negated(self) -> bool:
        return bool((self.lead | self.trail) & _negations())


def _said(finder: Finder, i: int) -> _Said:
    """Four words before the number and four after the noun, within the figure's clause: "Vẫn còn 09
    doanh nghiệp vi phạm chế độ" → (vẫn) and (vi, phạm, chế, độ)."""
    f, text = finder.figures[i], finder.text
    before = [m.end() for m in _SAID_BREAK.finditer(text, max(0, f.start - 80), f.start)]
    after = _SAID_BREAK.search(text, f.end, f.end + 80)
    lead = _WORD.findall(text[before[-1] if before else max(0, f.start - 80):f.start])[-4:]
    trailing = text[f.end:after.start() if after else f.end + 80]
    trail = _WORD.findall(trailing)[:4]
    unit = {w.lower() for w in _WORD.findall(f.unit)}
    return _Said(frozenset(w.lower() for w in lead) - stop_words(),
                 frozenset(w.lower() for w in trail) - stop_words() - unit,
                 frozenset(m.group().lower() for m in _named_classes().finditer(trailing)))


@cache
def _named_classes() -> regex.Pattern:
    return rules.cue_regex(rules.data("relations")["restated_classes"])


def _headline(finder: Finder) -> list[tuple[int, int]]:
    """A news headline ("Hơn 2.300 suất quà đến với công nhân ...") is said again in the body: each of
    its figures against the first later one of the same kind and noun."""
    f, text = finder.figures, finder.text
    if not f:
        return []
    line = finder.layout.line_of(f[0].start)
    title = text[line.start:line.end].strip()
    following = text[line.end:line.end + 200].lstrip()
    if (len(title) > _HEADLINE or title.endswith((".", ":", ";", ",")) or "|" in title or line.start > _TITLE_REACH
            or following[:1].islower()):
        return []  # a sentence wrapped over lines ("…, đạt 96,6%,\nĐại hội đã …") is no title
    heads = list(finder.between(line.start, line.end))
    pairs = []
    for h in heads:
        body = next((j for j in range(heads[-1] + 1, len(f)) if f[j].kind == f[h].kind and f[j].per == f[h].per
                     and same_noun(f[j].unit, f[h].unit) and f[j].role == f[h].role and not finder.bracketed(j)), None)
        if body is not None and f[h].unit not in _time_units() and _shares_a_word(finder, h, body, line.end):
            pairs.append((h, body))
    return pairs


def _shares_a_word(finder: Finder, h: int, body: int, title_end: int) -> bool:
    """The headline's clause and the body's sentence say the same thing ("1.710 người được đưa về quê"
    is not "hơn 68.000 người đang làm việc tại các khu công nghiệp")."""
    text, f = finder.text, finder.figures
    start = max([text.rfind(c, 0, f[h].start) for c in ",:;–-"] + [finder.layout.line_of(f[h].start).start - 1]) + 1
    ends = [k for k in (text.find(c, f[h].end, title_end) for c in ",:;–-") if k >= 0]
    clause = text[start:min(ends) if ends else title_end]
    sentence = finder.layout.sentence_of(f[body].start)
    words = lambda t: {w.lower() for w in _WORD.findall(t)} - stop_words() - {f[h].unit.lower()}  # noqa: E731
    shared = words(clause.replace(f[h].text, " ")) & words(text[sentence.start:sentence.end].replace(f[body].text, " "))
    return len(shared) >= 2  # syllables, not words: one in common ("phí" of "miễn phí", "kinh phí") proves nothing


def _table_in_prose(finder: Finder) -> list[tuple[int, int]]:
    """A prose figure right after the name of a table row: the row's one cell of that kind, or the
    cell whose column header the clause also names ("Công đoàn các KCN kết nạp 4.326 đoàn viên")."""
    f, text = finder.figures, finder.text
    pairs = []
    grids = finder.grids
    clauses = [_clause_before(text, _before_bracket(text, x.start), 80).lower() for x in f] if grids else []
    for grid in grids:
        rows = [(_label(texts), _cells(finder, spans)) for texts, spans in grid.rows]
        in_grid = {i for _, cells in rows for _, i in cells}
        names = _row_names([label for label, _ in rows])
        section = _section_of(text, grid.rows[0][1][0][0]) if grid.rows and grid.rows[0][1] else -1
        for j, x in enumerate(f):
            if j in in_grid or x.role != "actual" or finder.is_rate(j) or finder.in_ratio(j) \
                    or x.kind == "percent" and _names_whole(text, x.end):
                continue  # "chiếm 5,3% tổng chi": a share of another whole than the row's rate; "đạt 9/9 phiếu": a ratio
            if _own_ballot(text, x.start, grid):
                continue  # "Số phiếu phát ra 69 …, hợp lệ 69 phiếu. Kết quả: … 67 phiếu": another ballot than the table's
            if _other_books(text, section, x.start):
                continue  # "IV. QUỸ XÃ HỘI …: Tồn quỹ đầu năm 12.350.000 đồng" is not the table's "Tồn quỹ đầu năm"
            clause = clauses[j]
            lead = text[finder.layout.sentence_of(x.start).start:x.start]
            for name, row in names.items():
                if name not in clause or len(said := clause[clause.rindex(name) + len(name):]) > 30:
                    continue  # "thu khác gồm ... 350.000.000 đồng": another quantity
                if _compared().search(said):
                    break  # "chi trong năm vượt thu 4.960.000đ", "chi … và chi quản lý hành chính cộng lại là …": no row's
                if _other_period(finder, x.start, [label for label, _ in rows[:row + 1]]):
                    break  # "Số dư đầu kỳ … dư nợ cho vay 820.000.000 đồng" is not the row "- Dư nợ cho vay" under "Số dư cuối kỳ"
                if _partner().search(clause[:clause.rindex(name)]):
                    break  # "phối hợp với chuyên môn, chủ doanh nghiệp chăm lo Tết cho 15.862 lượt": a partner, not who did it
                if _other_entity(clause[:clause.rindex(name)], rows[row][0]):
                    continue  # "Công ty TNHH May mặc Phú Nghĩa 300 suất" is not the row "KCN Phú Nghĩa"
                if x.kind == "percent" and not (text[:x.start].rstrip().endswith("(") and not _NOUN_AFTER.match(text, x.end)
                                                or _rate_verb().search(said)):
                    break  # "CĐCS được sử dụng 60%", "(2% quỹ tiền lương)": not the row's rate "(81,7%)", "đạt 77,8%"
                if _inclusive().match(said):
                    break  # "số đoàn viên hoàn thành tốt nhiệm vụ trở lên là 79 đồng chí": that class and the better ones
                same = [(col, i) for col, i in rows[row][1] if f[i].kind == x.kind and f[i].role == x.role
                        and (x.kind == "percent" or f[i].unit in (x.unit, ""))]
                # the column the clause names, before the row's name or after it ("đoàn viên trong các doanh nghiệp ngoài
                # khu vực nhà nước là 16.214 người": the column "Số đoàn viên", not "Kết nạp mới"), of any people noun
                people = [(col, i) for col, i in rows[row][1] if f[i].kind == x.kind == "count" and f[i].role == x.role
                          and counts_people(f[i].unit) and counts_people(x.unit)]
                named = [(col, i) for col, i in dict.fromkeys(same + people)
                         if col < len(grid.header) and _names_column(clause, grid.header[col])]
                chosen = named if len(named) == 1 else \
                    same if len(same) == 1 and not named and not _says_other(lead, grid.header, same[0][0]) else []
                pairs.extend((i, j) for col, i in chosen if not _of_another_whole(finder, grid, col, j))
                break
            else:
                pairs.extend((i, j) for col, i in _row_around(finder, rows, j) if not _says_other(lead, grid.header, col)
                             and not _of_another_whole(finder, grid, col, j))
    return pairs


def _of_another_whole(finder: Finder, grid: tables.Grid, col: int, j: int) -> bool:
    """"kiểm tra … tại 26 CĐCS. Trong đó: 9 CĐCS khu vực hành chính sự nghiệp, …" breaks down another whole than a
    table whose column "Số CĐCS kiểm tra" totals 12: the prose part is no cell of it."""
    f = finder.figures
    whole = next((g.total for g in finder.groups() if j in g.parts), None)
    if whole is None:
        return False
    totals = [i for texts, spans in grid.rows if cues().table_total.match(tables.row_label(texts))
              for c, i in _cells(finder, spans) if c == col]
    return any(f[i].kind == f[whole].kind and f[i].value != f[whole].value for i in totals)


def _row_around(finder: Finder, rows: list[tuple[str, list[tuple[int, int]]]], j: int) -> list[tuple[int, int]]:
    """A row named around a prose count, not only before it: "tổ chức cho 1.186 người lao động đi tham quan, nghỉ
    dưỡng" is the row "Tham quan, nghỉ dưỡng". Every word (three at least; of six or more, all but one) of one row's
    name, and of no other, must stand in the figure's stretch of text (no further than a bracket, ";", "trong đó",
    "và" or another number), and that row holds one such cell."""
    f, text, x = finder.figures, finder.text, finder.figures[j]
    if x.kind == "percent" or finder.is_change(j) or "|" in text[finder.layout.line_of(x.start).start:x.start]:
        return []  # a cell of another table, not prose; "số dư Quỹ tăng 10.880.000 đồng": a change
    sentence = finder.layout.sentence_of(x.start)
    lo = max(sentence.start, x.start - 60, *(m.end() for m in _AROUND_BREAK.finditer(text, max(0, x.start - 60), x.start)))
    stop = _AROUND_BREAK.search(text, x.end, min(sentence.end, x.end + 60))
    stretch = text[lo:stop.start() if stop else min(sentence.end, x.end + 60)]
    # a comma ends the stretch after the figure unless the name holds one ("Tham quan, nghỉ dưỡng")
    plain = stretch[:x.end - lo] + stretch[x.end - lo:].split(",")[0]
    named = []
    joined = bool(stop) and stop.group().strip().lower() == "và"
    for n, (label, cells) in enumerate(rows):
        words = {w.lower() for w in _WORD.findall(label)} - (stop_words() - _sides())  # "trong nước" is not "nước ngoài"
        around = {w.lower() for w in _WORD.findall(stretch if "," in label else plain)}
        # every word of the name, or all but one of a long one ("Thăm hỏi ốm đau, thai sản, tang chế" in "thăm hỏi …
        # 1.246 lượt đoàn viên ốm đau, thai sản, gia đình có tang")
        if len(words) >= 3 and len(words - around) <= (1 if len(words) >= 6 else 0):
            if joined and _ends_with(text[lo:stop.start()], words):
                return []  # "05 doanh nghiệp tư nhân và công ty TNHH": the count is of both classes, not of the row
            first = min(m.start() for m in _WORD.finditer(stretch) if m.group().lower() in words)
            if _partner().search(stretch[:first]):
                return []  # "phối hợp với chuyên môn, chủ doanh nghiệp chăm lo Tết cho 15.862 lượt": a partner
            if _TOTAL_WORD.search(stretch[:x.start - lo]) and not _TOTAL_WORD.search(label) \
                    or _other_period(finder, x.start, [other for other, _ in rows[:n + 1]]):
                continue  # "Tổng thu tài chính công đoàn … 4.186.695.000 đồng" is no detail row ("Thu đoàn phí công đoàn")
            named.append(cells)
    if len(named) != 1:
        return []
    same = [(col, i) for col, i in named[0] if f[i].kind == x.kind and f[i].role == x.role
            and (x.kind == "money" or f[i].unit and same_noun(f[i].unit, x.unit) or counts_people(f[i].unit) and counts_people(x.unit))]
    return same if len(same) == 1 else []


@cache
def _generic_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in rules.data("relations")["restated_generic_nouns"])


@cache
def _sides() -> frozenset[str]:
    return frozenset(rules.data("relations")["side_words"])


@cache
def _entity_heads() -> regex.Pattern:
    return regex.compile(rf"({rules.whole_words(rules.data('relations')['entity_heads'])})(?:[^\S\n]+\p{{L}}+){{0,4}}[^\S\n]*$",
                         regex.IGNORECASE)


def _other_period(finder: Finder, pos: int, labels: list[str]) -> bool:
    """The prose is of a period's one end ("đầu kỳ", "đầu năm", in its sentence or the heading over it) and the
    table row of the other: its label, or the nearest label above it that names one."""
    row = next((p for label in reversed(labels) if (p := _end_of_period(label))), None)
    if row is None:
        return False
    sentence = finder.layout.sentence_of(pos)
    said = _end_of_period(finder.text[sentence.start:pos])
    if said is None:
        line = finder.layout.line_index(pos)
        heading = next((finder.text[l.start:l.end] for l in reversed(finder.layout.lines[max(0, line - 4):line])
                        if _HEADING_LINE.match(finder.text, l.start, l.end)), "")
        said = _end_of_period(heading)
    return said is not None and said != row


def _end_of_period(text: str) -> str | None:
    """"Số dư cuối kỳ (A + B - C)" → "cuối"."""
    m = cues().level.search(text)
    return m.group().split()[0].lower() if m else None


_HEADING_LINE = regex.compile(r"[^\S\n]*(?:\d{1,2}|[IVX]+|[a-zđ])[.)][^\S\n]")


def _own_ballot(text: str, pos: int, grid: tables.Grid) -> bool:
    """The prose counts the ballots of its own vote in the few lines before the figure, after the table."""
    start = max(0, pos - 400, grid.rows[-1][1][-1][1] if grid.rows and grid.rows[-1][1] else 0)
    return bool(_ballot().search(text, start, pos))


@cache
def _ballot() -> regex.Pattern:
    return rules.cue_regex(rules.data("relations")["ballot_words"])


@cache
def _inclusive() -> regex.Pattern:
    return regex.compile(rf"[^\S\n]*{rules.whole_words(rules.data('relations')['inclusive_words'])}", regex.IGNORECASE)


@cache
def _partner() -> regex.Pattern:
    return rules.cue_regex(rules.data("relations")["partner_words"])


def _other_entity(before: str, label: str) -> bool:
    """The words before a row's name make it the name of something else: an organisation the label does not name."""
    m = _entity_heads().search(before[-60:])
    return bool(m) and m.group(1).lower() not in label.lower()


def _ends_with(stretch: str, words: set[str]) -> bool:
    """The stretch closes on the row's name: its last word is one of the name's."""
    said = _WORD.findall(stretch)
    return bool(said) and said[-1].lower() in words


def _section_of(text: str, pos: int) -> int:
    """Where the top-level section ("II.", "PHẦN") holding pos starts; -1 before the first."""
    starts = _section_starts(text)
    k = bisect_right(starts, pos - 1)
    return starts[k - 1] if k else -1


@lru_cache(maxsize=4)
def _section_starts(text: str) -> list[int]:
    return [m.start() for m in _SECTION.finditer(text)]


@cache
def _books() -> regex.Pattern:
    return regex.compile(rules.whole_words(rules.data("relations")["separate_books"]), regex.IGNORECASE)


def _other_books(text: str, section: int, pos: int) -> bool:
    """A section headed by a fund of its own ("IV. QUỸ XÃ HỘI") keeps other books than a table outside it."""
    own = _section_of(text, pos)
    heading_end = text.find("\n", own) if own >= 0 else -1
    return own != section and own >= 0 and bool(_books().search(text, own, heading_end if heading_end >= 0 else len(text)))


def _label(texts: list[str]) -> str:
    return next((t.strip() for t in texts if len(_WORD.findall(t)) >= 2), "")


def _cells(finder: Finder, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(col, i) for col, (s, e) in enumerate(spans) for i in finder.between(s, max(e, s + 1))]


def _row_names(labels: list[str]) -> dict[str, int]:
    """Each row's label and the endings of it that name no other row, longest first
    ("LĐLĐ thị xã Điện Bàn" is also "thị xã Điện Bàn" and "Điện Bàn" in the prose); a two-word
    ending must be a proper name ("Điện Bàn"), not a common noun ("công đoàn"), and no ending opens on a
    word that says nothing ("trong năm học" of "Thu trong năm học") or names only people."""
    names: dict[str, int] = {}
    lowered = [label.lower() for label in labels]
    for row, label in enumerate(labels):
        words = label.split()
        for k in range(len(words), 1, -1):
            ending = words[-k:]
            name = " ".join(ending).lower()
            proper = k > 2 or k == len(words) or all(w[:1].isupper() for w in ending)
            # "Thu trong năm học" is not "… trong năm học": an ending opening on a word that says nothing names no row
            if proper and len(name) >= 6 and (k == len(words) or ending[0].lower() not in stop_words()) \
                    and sum(1 for other in lowered if name in other) == 1 and (k == len(words) or not _only_people(name)):
                names.setdefault(name, row)
    return dict(sorted(names.items(), key=lambda item: -len(item[0])))


def _only_people(name: str) -> bool:
    """"đoàn viên, người lao động" (or "viên, người lao động") of the row "Tuyên truyền đoàn viên, người lao động"
    says whom, not what: no name."""
    return all(w in _people_syllables() for w in _WORD.findall(name))


@cache
def _people_syllables() -> frozenset[str]:
    return frozenset(w.lower() for unit in rules.data("relations")["people_units"] for w in _WORD.findall(unit))


def _names_whole(text: str, pos: int) -> bool:
    return bool(_named_whole().match(text, pos))


@cache
def _named_whole() -> regex.Pattern:
    d = rules.data("relations")
    return regex.compile(rf"[^\S\n]*{rules.whole_words(d['named_whole'] + d['own_base'])}", regex.IGNORECASE)


def _before_bracket(text: str, pos: int) -> int:
    """Where the words before a figure end: "Phân xưởng cắt (81,7%)" → after "cắt"."""
    while pos > 0 and text[pos - 1] in " (":
        pos -= 1
    return pos


def _clause_before(text: str, pos: int, reach: int) -> str:
    """The words before a figure back to the start of its clause (a table row's label may hold commas).
    Words right after another number describe that number ("Trong 114 phiếu hợp lệ có 76 phiếu"): none."""
    head = text[max(0, pos - reach):pos]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    if breaks and breaks[-1].group().isdigit():
        return ""
    return head[breaks[-1].end():] if breaks else head


def _says_other(said: str, header: list[str], col: int) -> bool:
    """"khối doanh nghiệp kết nạp 61 đoàn viên", "số đoàn viên kết nạp mới gồm: khu vực … 2.113 đoàn viên" name an
    event the column "Đoàn viên" does not count."""
    heading = header[col].lower() if col < len(header) else ""
    return any(m.group().lower() not in heading for m in _events().finditer(said))


@cache
def _events() -> regex.Pattern:
    return regex.compile(rules.whole_words(rules.data("relations")["restated_events"]), regex.IGNORECASE)


def _names_column(said: str, header: str) -> bool:
    words = [w.lower() for w in _WORD.findall(header) if w.lower() not in stop_words()]
    return bool(words) and all(w in said for w in words[:2])
