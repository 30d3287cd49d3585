"""Finds the base of a share the text states apart from it: named after the percentage ("đạt 89,5%
tổng số đoàn viên"), named by two nouns ("tỷ lệ đoàn viên trên tổng số lao động"), or a larger
figure before it in its sentence or the sentence before.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from . import rules, tables
from .relations import LIST_LINE, Finder, Fraction, comparable, compared_level, counts_people, cues, list_marker, same_noun, stop_words
from .sentences import clause_start

_BASE_REACH = 4000  # how far back (characters) a base the text names may stand
_WORD_RE = regex.compile(r"\p{L}+")
_WHOLE = regex.compile(r"(?<!\p{L})tổng(?!\p{L})")
_AND = regex.compile(r"(?<!\p{L})và(?!\p{L})")


@cache
def _people_words() -> frozenset[str]:
    return frozenset(w.lower() for unit in rules.data("relations")["people_units"] for w in regex.findall(r"\p{L}+", unit))


def sentence_bases(finder: Finder, resolved: set[int] = frozenset()) -> list[Fraction]:
    """A share with no base named: read against the larger figures before it in its sentence
    ("05 giáo viên dự thi, 04 đồng chí được công nhận, đạt tỷ lệ 80%") or in the sentence before
    it in the paragraph ("Năm 2024 xảy ra 19 vụ ... Trong đó, 15 vụ (chiếm 78,9%)"); one fitting
    suffices. A figure with a share of its own is a sibling, not the base: "Đoàn viên nữ có 71 người,
    chiếm 63,4%; đảng viên 58 người (51,8%)" is 58 of the 112 đoàn viên of the sentence before."""
    found = []
    grouped = {j for g in finder.groups() for j in [g.total, *g.parts]}
    shares = [(i, p) for i in range(len(finder.figures)) if (p := finder.share_of(i, own_base=False)) is not None]
    for i, p in shares + finder.leading_shares():
        if (i in grouped or p in resolved or finder.is_rate(i) or finder.is_change(i)
                or cues().whole_base.match(finder.text, finder.figures[p].end)
                or finder.figures[i].kind == "count" and _of_amount().match(finder.text, finder.figures[p].end)
                or finder.of_plan(p)):
            continue  # "đạt từ 100% dự toán trở lên": a share of the plan, not of a figure beside it
        if i > 0 and finder.bracketed(i) and _comparable_base(finder, i - 1, i) and cues().plan_label.search(
                finder.text, max(finder.figures[i - 1].end, finder.figures[i].start - 30), finder.figures[i].start):
            found.append(Fraction(part=i - 1, base=i, percent=p))  # "4.126 suất quà (kế hoạch 4.000 suất, đạt 103%)"
            continue
        if i > 0 and cues().base_opener.search(finder.text, max(0, finder.figures[i].start - 20), finder.figures[i].start) \
                and _comparable_base(finder, i - 1, i) and finder.figures[i - 1].value <= finder.figures[i].value:
            found.append(Fraction(part=i - 1, base=i, percent=p))  # "47 người là nữ trong tổng số 186 cán bộ quản lý (25,3%)"
            continue
        sentence = finder.layout.sentence_of(finder.figures[i].start)
        line = finder.layout.line_of(sentence.start)
        previous = finder.layout.sentence_of(sentence.start - 1).start if sentence.start > line.start else sentence.start
        larger = [j for j in range(min(i, p) - 1, -1, -1) if finder.figures[j].start >= previous
                  and _comparable_base(finder, i, j) and finder.figures[j].value > finder.figures[i].value
                  and not finder.is_rate(j) and not finder.is_change(j) and not compared_level(finder.text, finder.figures[j])
                  and not _coordinated(finder, j, i)]
        # a sibling with its own share is no base, unless it says it is the whole ("Tổng số đoàn viên: 38, đạt 100%");
        # once a whole is found, it may still be the part the share is of ("12.908 đoàn viên nữ (60,1%) ... Nữ
        # đoàn viên khu vực hành chính 4.126 người (32,0%)")
        earlier = [j for j in larger if finder.whole_share(j) is None or _WHOLE.search(finder.item(j))
                   or _broken_down(finder, j, i, sentence.start)]
        if not larger and previous > line.start and finder.figures[p].value != 100:  # "thu hồi vốn đến hạn …, đạt 100%"
            # "tổng số lao động … là 3.186 người … Số lao động ký hợp đồng không xác định thời hạn là 2.390 người,
            # chiếm 75,0%": nothing in the two sentences, so the paragraph's wholes, its first one first
            larger = [j for j in range(min(i, p)) if finder.figures[j].start >= line.start
                      and _comparable_base(finder, i, j) and finder.figures[j].value > finder.figures[i].value
                      and not finder.is_rate(j) and not compared_level(finder.text, finder.figures[j])]
            earlier = [j for j in larger if finder.whole_share(j) is None or _WHOLE.search(finder.item(j))]
        if not earlier and finder.figures[p].value < 100:
            # "1.782.000.000 đồng; CĐCS được sử dụng 75%, tương ứng 2.004.750.000 đồng": a part larger than the whole
            # of its sentence is still of that whole, and a slip
            earlier = [j for j in range(min(i, p) - 1, -1, -1) if finder.figures[j].start >= sentence.start
                       and _comparable_base(finder, i, j) and not finder.is_rate(j) and not finder.is_change(j)
                       and finder.whole_share(j) is None
                       and not finder.bracketed(j) and not compared_level(finder.text, finder.figures[j])
                       and not _coordinated(finder, j, i)][:1]
        if earlier:
            found.append(Fraction(part=i, base=earlier[0], percent=p,
                                  alternatives=earlier[1:] + [j for j in larger if j not in earlier]))
    return found

def _broken_down(finder: Finder, j: int, i: int, sentence: int) -> bool:
    """"… là 6.712 người, đạt 98,1% tổng số lao động. Về loại hợp đồng: … 4.027 người (60,0%)": a figure of an
    earlier sentence whose own share names another whole is no sibling of the shares after it but the whole a
    colon breaks down."""
    p = finder.share_of(j)
    return p is not None and finder.figures[j].start < sentence and ":" in finder.text[sentence:finder.figures[i].start] \
        and bool(cues().named_whole.match(finder.text, finder.figures[p].end))


@cache
def _plan_slash() -> regex.Pattern:
    """"14.176.950.000 đồng/kế hoạch 13.600.000.000 đồng": the figure after is the plan of the one before."""
    return regex.compile(rf"[^\S\n]*/[^\S\n]*(?:{rules.alternation(rules.data('relations')['plan_bases'])})[^\S\n]*:?[^\S\n]*",
                         regex.IGNORECASE)


@cache
def _of_amount() -> regex.Pattern:
    """"02 đoàn viên (bằng 1,8% dư nợ)": a share that names an amount is of the money, not of a count."""
    return regex.compile(rf"[^\S\n]*{rules.whole_words(rules.data('relations')['amount_wholes'])}", regex.IGNORECASE)


def _coordinated(finder: Finder, j: int, i: int) -> bool:
    """"có 860 suất dành cho học sinh nghèo và 390 suất dành cho con đoàn viên (chiếm 31,2%)": two figures of one
    noun joined by "và" are siblings, neither the whole of the other; "Trong 27 công trình … có 11 …, 4 … và 3 …;
    8 công trình …, chiếm gần 30%": the "và" joins the 4 and the 3, not the 27 and the 8."""
    f = finder.figures
    between = finder.text[f[j].end:f[i].start]
    return same_noun(f[j].unit, f[i].unit) and bool(_AND.search(between)) and not cues().parts_cue.search(between) \
        and not _WHOLE.search(between) and not any(same_noun(f[k].unit, f[i].unit) for k in range(j + 1, i))


def sibling_bases(finder: Finder, fractions: list[Fraction], resolved: set[int]) -> list[Fraction]:
    """"- Công đoàn cấp trên … 5,85 tỷ đồng, chiếm 40,8% tổng giá trị quà." then "- Doanh nghiệp … 6.930 triệu
    đồng, chiếm 48,3%.": a share in a list line that names no whole is of the whole its sibling lines' shares name."""
    f, text, lines = finder.figures, finder.text, finder.layout.lines
    named = {fr.percent: fr.base for fr in fractions if cues().named_whole.match(text, f[fr.percent].end)}
    if not named:
        return []
    found = []
    for i in range(len(f)):
        p = finder.share_of(i)
        if p is None or p in resolved or p in named or cues().named_whole.match(text, f[p].end) or finder.of_plan(p):
            continue  # "Chi quản lý hành chính: 26.340.000 đồng, bằng 87,8% dự toán": of the plan
        at = finder.layout.line_index(f[i].start)
        bullet = LIST_LINE.match(text[lines[at].start:lines[at].end])
        if not bullet:
            continue
        bases = {named[q] for n in _siblings(finder, at, list_marker(bullet.group()))
                 for q in finder.between(lines[n].start, lines[n].end) if q in named}
        if len(bases) == 1 and _comparable_base(finder, i, base := bases.pop()) and f[base].value > f[i].value:
            found.append(Fraction(part=i, base=base, percent=p))
    return found


def _siblings(finder: Finder, at: int, marker: str) -> list[int]:
    """The other lines of the list line `at` belongs to: lines with the same kind of marker, blank lines between."""
    lines, text = finder.layout.lines, finder.text
    found = []
    for step in (-1, 1):
        n = at + step
        while 0 <= n < len(lines):
            line = text[lines[n].start:lines[n].end]
            if line.strip():
                bullet = LIST_LINE.match(line)
                if not bullet or list_marker(bullet.group()) != marker:
                    break
                found.append(n)
            n += step
    return found


def named_bases(finder: Finder) -> list[Fraction]:
    """Shares whose base the text names after the percentage:
    "đạt 89,5% tổng số đoàn viên" (the largest earlier figure of that noun),
    "đạt 95,8% số phiếu phát hành", "chiếm 78,6% số đăng ký" (the nearest earlier figure that
    noun or those words describe; none if nothing stated is described so),
    "chiếm 12% của tổng" (a larger figure earlier in the sentence),
    "đạt 105,4% chỉ tiêu Nghị quyết (4.000 đoàn viên)" (the plan in brackets)."""
    found = []
    cells = _table_cells(finder)
    for i, f in enumerate(finder.figures):
        p = finder.share_of(i)
        if p is None or i == 0 and p + 1 >= len(finder.figures) or finder.is_unit_rate(i) or finder.is_change(i):
            continue  # "mỗi nhà 40 triệu đồng, khoản chi này chiếm 63,0%": the share is of what the houses cost;
            # "tăng 771 người, tương đương 31,9% so với cuối năm 2018": a change's rate, which changes.py reads
        after = finder.figures[p].end
        bases: list[int] = []
        if p + 1 < len(finder.figures) and _comparable_base(finder, i, p + 1) \
                and cues().stated_base.fullmatch(finder.text, after, finder.figures[p + 1].start):
            bases = [p + 1]  # "71.350 đoàn viên đã đăng ký, chiếm 74,0% tổng số 96.480 đoàn viên"
        elif (m := cues().named_whole.match(finder.text, after)) and i > 0:
            i = _counted_in_clause(finder, i, m.group("noun"))
            f = finder.figures[i]
            bases = _named(finder, i, _noun_phrase(m.group("noun")), largest=m.group("cue").lower().startswith("tổng"),
                           cells=cells, qualifier=_qualifier(m.group("noun")))
            if not bases and _noun_phrase(m.group("noun")):
                continue  # "bằng 98,6% số lao động nữ": that whole is not stated here, no other figure stands for it
        if not bases and cues().own_base.match(finder.text, after):
            sentence = finder.layout.sentence_of(f.start)
            bases = [j for j in range(i - 1, -1, -1) if finder.figures[j].start >= sentence.start
                     and _comparable_base(finder, i, j) and finder.figures[j].value > f.value]
        elif not bases and p + 1 < len(finder.figures) and _comparable_base(finder, i, p + 1) \
                and cues().plan_base.match(finder.text, after, finder.figures[p + 1].start):
            bases = [p + 1]
        if not bases and cues().of_plan.match(finder.text, after):
            if i > 0 and _plan_slash().fullmatch(finder.text, finder.figures[i - 1].end, f.start) \
                    and _comparable_base(finder, i - 1, i):
                # "thu được 14,18 tỷ đồng/kế hoạch 13,6 tỷ đồng, đạt 104,2% kế hoạch"
                found.append(Fraction(part=i - 1, base=i, percent=p))
                continue
            bases = _plan_stated(finder, i, p)
        if not bases:
            bases = _table_row_named(finder, i, after)
        part = i - 1 if finder.fraction_base(i) else i  # "246/248 phiếu, đạt 99,2% số đại biểu": the 246
        if bases := [b for b in bases if b != part]:  # "đạt 52/100 căn, bằng 52,0% mục tiêu": the 52 is no plan
            found.append(Fraction(part=part, base=bases[0], percent=p, alternatives=bases[1:]))
    return found + _rate_phrases(finder, cells)

def _plan_stated(finder: Finder, i: int, p: int) -> list[int]:
    """"Theo kế hoạch, năm 2024 giám sát 30 doanh nghiệp; thực tế đã giám sát 32 doanh nghiệp, đạt 106,7% kế
    hoạch": the plan is a figure of the part's paragraph, before the share (a plan after it is the next period's),
    that a plan word labels in its own clause ("kế hoạch 120 thỏa thuận") and that is either in brackets right
    after the part or planned with a word the part's clause says too ("giám sát"): "chỉ tiêu kết nạp 1.000 đoàn
    viên" is no plan of "thành lập mới 05 CĐCS với 284 đoàn viên". Only one such figure makes a reading."""
    f = finder.figures
    line = finder.layout.line_of(f[i].start)
    done = _clause_words(finder, line.start, i)
    plans = []
    for j in finder.between(line.start, f[p].start):
        if j in (i, p) or not _comparable_base(finder, i, j):
            continue
        before = finder.text[max(line.start, f[j - 1].end if j > 0 else 0, f[j].start - 60):f[j].start]
        label = cues().plan_label.search(before)
        if label and (j == i + 1 and before.lstrip().startswith("(")
                      or "%" not in before and done & _clause_words(finder, line.start, j, label.end() - len(before))):
            plans.append(j)
    return plans if len({f[j].value for j in plans}) == 1 else []


def _clause_words(finder: Finder, floor: int, i: int, skip: int = 0) -> set[str]:
    """The words of figure i's clause before it (after `skip` characters back from the figure, if given)."""
    start = finder.figures[i].start
    clause = clause_start(finder.text, start, ";.\n(", floor)
    if skip:
        clause = max(clause, start + skip)
    return {w.lower() for w in _WORD_RE.findall(finder.text[clause:start])} - stop_words() - _plan_words()


@cache
def _plan_words() -> frozenset[str]:
    return frozenset(w.lower() for cue in rules.data("relations")["plan_bases"] for w in _WORD_RE.findall(cue))


def _threshold_of(finder: Finder, part, base, percent: int | None) -> bool:
    """"07 người … đạt trên 50% số phiếu hợp lệ": a bound each of them passed, not a share of the votes that
    people make (an exact "2.874 lượt đoàn viên …, đạt 95,8% số phiếu phát hành" is one)."""
    return percent is not None and finder.figures[percent].qualifier != "exact" \
        and counts_people(part.unit) and not counts_people(base.unit)


def _refers_back(finder: Finder, i: int) -> bool:
    """"hai nhóm này", "03 doanh nghiệp nêu trên": things counted before, named again."""
    return bool(cues().demonstrative.match(finder.text, finder.figures[i].end))


def _counted_in_clause(finder: Finder, i: int, noun: str) -> int:
    """"có 1.286 đoàn viên thuộc 27 CĐCS bị thiệt hại, chiếm 22,0% tổng số đoàn viên": the share is of the figure
    of its clause whose noun the whole names, not of the one just before it."""
    f, words = finder.figures, f" {noun.lower()} "
    if f[i].unit and f" {f[i].unit.lower()} " in words:
        return i
    j = i - 1
    sentence = finder.layout.sentence_of(f[i].start)
    if (j >= 0 and f[j].start >= sentence.start and f[j].kind == f[i].kind and f[j].unit
            and f" {f[j].unit.lower()} " in words and not regex.search(r"[;,()]", finder.text[f[j].end:f[i].start])):
        return j
    return i


def _table_row_named(finder: Finder, i: int, after: int) -> list[int]:
    """"chiếm 42,3% chi hoạt động phong trào": the words after the share are a table row's name; its one actual
    cell of the part's kind is the base."""
    words = finder.text[after:after + 80]
    said = regex.split(r"[;:.,()\n]", words, maxsplit=1)[0].strip().lower()
    if len(_WORD_RE.findall(said)) < 2:
        return []
    for grid in finder.grids:
        for texts, spans in grid.rows:
            label = tables.row_label(texts).strip().lower()
            label = regex.sub(r"\s*\([^()]*\)\s*$", "", label)  # "Nộp đoàn phí về cấp trên (40%)"
            if label and label == said:
                own = [j for s, e in spans for j in finder.between(s, max(e, s + 1))
                       if finder.figures[j].role == "actual" and _comparable_base(finder, i, j)]
                return own if len(own) == 1 else []
    return []


def _named(finder: Finder, i: int, phrase: str, largest: bool, cells: _TableCells,
           qualifier: frozenset[str] = frozenset(), everyone: bool = False) -> list[int]:
    """Figures before figure i that a noun phrase names, by their unit ("số phiếu phát hành" →
    "3.000 phiếu") or by the words around them ("số đăng ký" → "2.945 nữ đoàn viên đăng ký"): the
    largest two after "tổng", else the nearest two. For a part, only figures that can be its base."""
    f = finder.figures[i]
    share = f.kind == "percent"  # "tỷ lệ đoàn viên trên tổng số lao động đạt 91,3%": any count or amount
    words = regex.findall(r"\p{L}+", phrase)
    if not words:
        return []
    asking = i if share else finder.share_of(i)
    # "số lao động nữ": "nữ" tells which whole; the people noun may be said otherwise ("nữ 241 người")
    words = [w for w in words if w not in _people_words()] or words
    named = []
    for j in range(i - 1, -1, -1):
        b = finder.figures[j]
        if b.start < f.start - _BASE_REACH and not largest:
            break  # "tổng số CĐCS" is the report's whole, wherever it was stated
        if b.kind == "percent" or finder.is_rate(j) or not b.value or not share and (b.kind != f.kind or b.value < f.value) \
                or f.role == "actual" and b.role == "target":
            continue  # a result is no share of a plan's figure ("kết nạp từ 15 đoàn viên ưu tú trở lên")
        if j in cells.detail or b.unit.lower().startswith("lượt") and "lượt" not in phrase \
                or largest and not qualifier and _narrowed(_words_after(finder, j)) or _sibling(finder, j, phrase, asking, largest):
            continue  # a table row's cell, a count of turns, "(178 CĐCS được đánh giá)": none is "tổng số …"
        unit = b.unit.lower()
        around = f"{_clause_before(finder, j)} {finder.text[b.start:b.end]} {_words_after(finder, j)} {cells.header.get(j, '')}".lower()
        by_words = all(regex.search(rf"(?<!\p{{L}}){regex.escape(w)}(?!\p{{L}})", around) for w in words)
        # "số lao động nữ" is not any figure of "lao động": a class the words after the noun name must be said too
        by_unit = same_noun(phrase, unit) or phrase.startswith(unit + " ") and (by_words or not _names_class(phrase[len(unit):]))
        if qualifier and not all(regex.search(rf"(?<!\p{{L}}){regex.escape(w)}(?!\p{{L}})", around) for w in qualifier):
            continue  # "số doanh nghiệp có tổ chức công đoàn": not any figure of doanh nghiệp
        if by_unit and (share or comparable(f, b) or not _refers_back(finder, i) and not _threshold_of(finder, f, b, asking)) \
                or by_words and (share or comparable(f, b)):
            # "hai nhóm này chiếm 75,9% số lao động chưa tham gia": the groups' workers, not the count of groups
            # everyone of a noun: a figure of it or a table cell its header names, the largest first
            rank = (0 if by_unit or j in cells.header else 2) if everyone else 0 if by_unit and by_words else 1 if by_unit else 2
            named.append((rank, j))
    # figures of that noun the words also describe first ("tổng số đoàn viên kết nạp mới": the 12.486
    # admitted, not the 148.652 members), then of that noun ("tỷ lệ đoàn viên": 148.652 đoàn viên,
    # not "đoàn viên nữ 86.418 người"), then the words alone; the largest after "tổng", else the nearest
    # after "tổng" the whole of its own sentence first ("trong tổng số 299 đoàn viên có …, chiếm 13,7% tổng số
    # đoàn viên"), then the largest anywhere
    sentence = finder.layout.sentence_of(f.start)
    here = lambda j: 0 if largest and finder.figures[j].start >= sentence.start else 1  # noqa: E731
    named.sort(key=lambda n: (here(n[1]), n[0], -finder.figures[n[1]].value if largest else 0))
    # a part of a group whose total is also named is not what the words name ("tỷ lệ đoàn viên": the 14.826
    # đoàn viên, not "đoàn viên là người dân tộc thiểu số 137 người" of its "trong đó")
    chosen = {j for _, j in named}
    inside = {p for g in finder.groups() if g.total in chosen for p in g.parts}
    return [j for _, j in named if j not in inside][:2]


def _sibling(finder: Finder, j: int, phrase: str, asking: int | None, largest: bool) -> bool:
    """A figure with a share of the same whole is a part beside the one asked about, wherever it stands:
    "giữ lại 60% số đoàn phí thu được, tương ứng 105.858.000 đồng" is no "số đoàn phí thu được". In the
    asking sentence a bare share says so too: in "chi phong trào 4.472 triệu, chiếm 59,4%; …; chi khác
    96 triệu, chiếm 1,3% tổng chi" the 4.472 triệu is no "tổng chi". A share of another whole leaves it a
    whole ("4.105 đoàn viên, chiếm 95,1% tổng số CNLĐ"), as does a bare one in another sentence ("nữ 1.583
    người, chiếm 81,3%. … 1.247 nữ, đạt 78,8% tổng số nữ")."""
    p = finder.share_of(j)
    if p is None and j and finder.figures[j - 1].kind == "percent" and cues().leading_named_share.fullmatch(
            finder.text, finder.figures[j - 1].end, finder.figures[j].start):
        p = j - 1
    if p is None or p == asking or asking is None or _WHOLE.search(finder.item(j)):
        return False
    if m := cues().named_whole.match(finder.text, finder.figures[p].end):
        named = _noun_phrase(m.group("noun"))
        return bool(named) and (named.startswith(phrase) or phrase.startswith(named))
    return largest and finder.layout.sentence_of(finder.figures[asking].start).start <= finder.figures[j].start


@cache
def _class_words() -> frozenset[str]:
    return frozenset(w.lower() for family in cues().complements + cues().partitions for w in family)


def _names_class(words: str) -> bool:
    """"nữ", "hợp đồng", "đại học": a class of a classification, which makes a part of the whole."""
    return any(regex.search(rf"(?<!\p{{L}}){regex.escape(w)}(?!\p{{L}})", words) for w in _class_words())




def _narrowed(after: str) -> bool:
    """"178 CĐCS được đánh giá": a clause after a figure that makes it a subset, not "299 đoàn viên có 262 …"."""
    m = cues().whole_qualifier.match(after.lower())
    return bool(m and m.group("words").strip())


@dataclass(frozen=True)
class _TableCells:
    """The cells of text tables: those of data rows (a row is a part, only a total row may be a named whole),
    and the column header each cell stands under, which names what it counts ("Đoàn viên (người)")."""

    detail: frozenset[int]
    header: dict[int, str]


def _table_cells(finder: Finder) -> _TableCells:
    detail, header = set(), {}
    for j, (g, texts, col) in finder.cells.items():
        columns = finder.grids[g].header
        header[j] = columns[col] if col < len(columns) else ""
        if not cues().table_total.match(tables.row_label(texts)):
            detail.add(j)
    return _TableCells(frozenset(detail), header)


def _clause_before(finder: Finder, j: int) -> str:
    """The words that say what a figure counts, back to its clause's start: "Tổng số lao động tại các cơ
    quan, đơn vị … đã có tổ chức công đoàn là 16.950 người"."""
    f = finder.figures[j]
    head = finder.text[max(finder.layout.sentence_of(f.start).start, f.start - 120):f.start]
    cut = max(head.rfind(c) for c in ";:(\n")
    return f"{head[cut + 1:]} {f.subject}"


def _words_after(finder: Finder, j: int) -> str:
    tail = finder.text[finder.figures[j].end:finder.figures[j].end + 40]
    tail = regex.sub(r"^/[\d.,]+", "", tail)  # "186/238 đoàn viên nữ đăng ký": the numerator's words too
    return regex.split(r"[;:.,()\n\d]", tail, maxsplit=1)[0]

def _rate_phrases(finder: Finder, cells: _TableCells) -> list[Fraction]:
    """"tỷ lệ đoàn viên trên tổng số lao động đạt 91,3%": the figures the two nouns name."""
    found = []
    for p, f in enumerate(finder.figures):
        if f.kind != "percent" or p == 0:
            continue
        m = cues().rate_phrase.search(finder.text, max(0, f.start - 90), f.start)
        if not m or _LATER_LEVEL.search(finder.text, max(m.end(), f.start - 12), f.start):
            continue  # "tăng từ 90,8% (85.471 đoàn viên/94.120 lao động) lên 91,5%": the figures are of the 90,8%
        # "tỷ lệ đoàn viên trên tổng số lao động": all the members, the largest figure of them that is no more
        # than the whole ("kết nạp mới 4.519 đoàn viên" in a whole term is not the 4.105 members of 4.318 workers)
        named = _named(finder, p, _noun_phrase(m.group("part")), largest=True, cells=cells, everyone=True)
        wholes = [j for j in _named(finder, p, _noun_phrase(m.group("base")), largest=True, cells=cells,
                                    qualifier=_qualifier(m.group("base"))) if j not in named]
        for part in named:
            if _admitted().search(finder.text, max(0, finder.figures[part].start - 30), finder.figures[part].start):
                continue  # "đã kết nạp 2.852 đoàn viên …; tỷ lệ đoàn viên trên tổng số lao động": the new members, not all
            bases = [j for j in wholes if _comparable_base(finder, part, j) and finder.figures[part].value <= finder.figures[j].value]
            if bases:
                found.append(Fraction(part=part, base=bases[0], percent=p, alternatives=bases[1:]))
                break
    return found

@cache
def _admitted() -> regex.Pattern:
    """The words of a flow in ("kết nạp mới"), from the members' flow in the rule file."""
    return regex.compile(rf"{rules.whole_words(rules.data('relations')['flows']['members']['inflow'])}[^;,.\d\n]*$", regex.IGNORECASE)


_LATER_LEVEL = regex.compile(r"(?<!\p{L})(?:lên|xuống|xuống còn|lên đến)[^\S\n]*$", regex.IGNORECASE)


def _comparable_base(finder: Finder, part: int, base: int) -> bool:
    a, b = finder.figures[part], finder.figures[base]
    return a.kind != "percent" and b.value > 0 and comparable(a, b) and not _other_role(finder, part, base)


def _other_role(finder: Finder, part: int, base: int) -> bool:
    """"71 nữ chủ tịch CĐCS" are chairs, not a share of "1.043 ủy viên ban chấp hành": a role the part names
    right after its number that the base's words do not say."""
    said = finder.text[finder.figures[part].start:finder.figures[part].end + 20].lower()
    around = f"{_clause_before(finder, base)} {finder.text[finder.figures[base].start:finder.figures[base].end]} " \
             f"{_words_after(finder, base)}".lower()
    return any(m.group() not in around for m in _roles().finditer(said))


@cache
def _roles() -> regex.Pattern:
    return regex.compile(rules.whole_words(rules.data("relations")["role_nouns"]), regex.IGNORECASE)


@cache
def _phrase_stop() -> frozenset[str]:
    return frozenset(rules.data("relations")["whole_phrase_stop_words"])


def _qualifier(text: str) -> frozenset[str]:
    """The words of a clause that narrows a named whole: "doanh nghiệp có tổ chức công đoàn" → tổ, chức, công, đoàn."""
    m = cues().whole_qualifier.match(text.split(",")[0].lower())
    return frozenset(regex.findall(r"\p{L}+", m.group("words"))) - _phrase_stop() if m else frozenset()


def _noun_phrase(text: str) -> str:
    """"đoàn viên kết nạp mới của toàn tỉnh" → "đoàn viên kết nạp mới"; "CĐCS, hoạt động" → "cđcs"."""
    words = []
    for word in text.split():
        if word.lower() in _phrase_stop() or len(words) == 4:
            break
        words.append(word.lower().strip(",.;:()"))
        if word[-1] in ",.;:)":
            break
    return " ".join(words).strip(" ,.;")
