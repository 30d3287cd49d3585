"""Finds the rest of a whole: what was done and what was not make all of it.

"có 86/92 CĐCS trực thuộc tham gia vận động" and, later, "vẫn còn 6 CĐCS chưa tham gia vận động
Quỹ": the 6 that have not done it and the 86 that have make the 92. The rest is tied to the
fraction by the words of what was (not) done, so an unrelated "còn 2 CĐCS chưa ..." is left alone, or
by being called the rest in the fraction's sentence ("đã giải quyết 6/7 đơn, …; 1 đơn còn lại đang xác minh").
Also the rest after a share ("…, đạt 98,6% tổng số lao động (18 người còn lại …)") and what was done
and what is left in one sentence ("tiếp thu 38 ý kiến; đã giải quyết 35 ý kiến, còn 03 ý kiến").
"""
from __future__ import annotations

from functools import cache

import regex

from . import rules
from .relations import ASIDE, Finder, Fraction, Group, comparable, same_noun
from .relations import cues as relation_cues
from .sentences import clause_start

_REACH = 6000  # how far after the fraction its rest may be stated (a summary often restates it)
_WORD = regex.compile(r"\p{L}+")


class _Cues:
    def __init__(self) -> None:
        d = rules.data("relations")
        word = rules.whole_words
        self.fraction = regex.compile(rf"[^\S\n]*(?:/|{word(d['fraction_links'])})[^\S\n]*", regex.IGNORECASE)
        # "6 CĐCS chưa tham gia", "70 đoàn viên (3,6%) chưa tham gia đóng góp"
        self.not_done = regex.compile(rf"^(?:[^\d;.\n()]|\([^()\n]*\)){{0,25}}?{word(d['not_done_cues'])}"
                                      rf"(?P<done>(?:[^\S\n]+\p{{L}}+){{1,4}})", regex.IGNORECASE)
        self.stop = frozenset(w.lower() for w in d["restated_stop_words"])
        self.achieved = regex.compile(word(d["achieved_words"]), regex.IGNORECASE)
        self.done = regex.compile(rf"{word(d['settled_done'])}", regex.IGNORECASE)  # "đã giải quyết 35 ý kiến"
        # ", còn 03 ý kiến"; not "hiện còn 14 đồng chí", a level now
        self.left = regex.compile(rf"(?<!{word(d['settled_now'])}[^\S\n]+){word(d['settled_left'])}[^\S\n]*$", regex.IGNORECASE)
        self.pending = regex.compile(rf"[^;,.(\n]{{0,30}}?{word(d['settled_pending'])}", regex.IGNORECASE)  # "11 kiến nghị đang …"
        self.other = regex.compile(rf"[^;,.\n\d]{{0,30}}?{word(d['rest_words'])}", regex.IGNORECASE)  # "có ý kiến khác"
        self.rest_after = regex.compile(rf"[^\S\n]*{word(d['share_rest_words'])}", regex.IGNORECASE)  # "18 người còn lại"
        self.rest_before = regex.compile(rf"{word(d['share_rest_words'])}[^\S\n]*(?:là)?[^\S\n]*$", regex.IGNORECASE)
        self.inclusive = regex.compile(rf"^[^;,.(\n]*?{word(d['inclusive_words'])}", regex.IGNORECASE)


@cache
def cues() -> _Cues:
    return _Cues()


def remainders(finder: Finder) -> list[Group]:
    f, text = finder.figures, finder.text
    found = []
    opened: set[int] = set()  # sentences whose first fraction was seen
    for a in range(len(f) - 1):
        b = a + 1
        if f[a].kind != "count" or f[b].kind != "count" or not cues().fraction.fullmatch(text[f[a].end:f[b].start]):
            continue
        if finder.bracketed(b):
            continue  # "(năm 2024 đạt 87,7%, tương ứng 892/1.017 kiến nghị)": an aside about another period
        if classes := _other_classes(finder, a, b):
            found.append(Group(total=b, parts=[a, *classes], selection=False))
            continue
        sentence = finder.layout.sentence_of(f[b].start).start
        if cues().not_done.match(text[f[b].end:f[b].end + 60]) or sentence in opened:
            continue  # "23/96 CĐCS thu đoàn phí chưa đúng quy định": its rest did it right; "169/186 …, trong đó … 72/74":
        opened.add(sentence)  # the rest said after is of the sentence's first fraction
        # what was done, said in the fraction's sentence ("… đã ký. Có 45/51 doanh nghiệp (gồm …) tổ chức hội nghị
        # người lao động": the words of the sentence before and of the aside are not)
        after = f[b].end
        if aside := ASIDE.match(text, after):
            after = aside.end()
        context = text[max(sentence, f[a].start - 50):f[a].start] + " " + text[after:after + 50]
        done = _words(context)
        for c in range(b + 1, len(f)):
            if f[c].start > f[b].end + _REACH:
                break
            if f[c].kind != "count" or not comparable(f[b], f[c]):
                continue
            if (c + 1 < len(f) and cues().fraction.fullmatch(text[f[c].end:f[c + 1].start])
                    and finder.layout.sentence_of(f[c].start).start != sentence):
                break  # "115/116 đại biểu tán thành; 1 đại biểu không tán thành": a later statement's fraction holds its rests
            m = cues().not_done.match(text[f[c].end:f[c].end + 60])
            # in its paragraph one word of what was done suffices; further on ("… 12/12 CĐCS … đúng nhiệm kỳ" and,
            # pages later, "3 CĐCS chi chưa đúng nguyên tắc") it must say more of it
            needed = 1 if finder.layout.line_index(f[c].start) == finder.layout.line_index(f[b].start) else 2
            # the verb not done must be the one done: "23/96 CĐCS thu đoàn phí đủ" has no rest in "5 CĐCS chưa trích
            # nộp đoàn phí"
            verb = _words(" ".join(_WORD.findall(m.group("done"))[:1])) if m else set()
            rest = finder.layout.sentence_of(f[c].start).start == sentence and cues().rest_after.match(text, f[c].end)
            if rest or m and (len(_words(m.group("done")) & done) >= needed and verb <= done
                              or cues().achieved.match(m.group("done").strip()) and cues().achieved.search(context)):
                found.append(Group(total=b, parts=[a, c, *_more_rests(finder, c)], selection=False))
                break
    return found + _settled(finder)


def rests_of_shares(finder: Finder, fractions: list[Fraction]) -> list[Group]:
    """"khám sức khỏe cho 1.268 người, đạt 98,6% tổng số lao động (18 người còn lại là lao động mới tuyển …)": a
    figure said to be the rest ("còn lại") right after a share is, with the share's part, all of its base."""
    f, text = finder.figures, finder.text
    found = []
    for fr in fractions:
        if fr.change or fr.change_of_base or f[fr.percent].value >= 100:
            continue
        sentence = finder.layout.sentence_of(f[fr.percent].start)
        rest = next((c for c in finder.between(f[fr.percent].end, sentence.end) if f[c].kind == f[fr.part].kind), None)
        if rest is not None and comparable(f[fr.part], f[rest]) and finder.share_of(rest) is None and (
                cues().rest_after.match(text, f[rest].end)
                or cues().rest_before.search(text, max(f[fr.percent].end, f[rest].start - 16), f[rest].start)):
            found.append(Group(total=fr.base, parts=[fr.part, rest], selection=False))
    return found


def _settled(finder: Finder) -> list[Group]:
    """"tiếp thu 38 ý kiến, kiến nghị; đến nay đã giải quyết dứt điểm 35 ý kiến, còn 03 ý kiến …": what was
    done ("đã") and what is left ("còn …", "… đang …", "… chưa …") in one sentence make the whole of the same
    noun stated just before, in that sentence or the one before it in the paragraph. A fraction ("đã giải quyết
    6/7 đơn") holds its own whole."""
    f, text = finder.figures, finder.text
    found = []
    for a, x in enumerate(f):
        if x.kind != "count" or x.role != "actual" or finder.bracketed(a) or finder.in_ratio(a) or finder.is_change(a) \
                or _WHOLE_BEFORE.search(text, max(0, x.start - 20), x.start) \
                or not cues().done.search(text, clause_start(text, x.start, _STATEMENT_BREAKS), x.start):
            continue  # not "tăng 46 doanh nghiệp", nor "đạt 94,1% so với tổng số 68 đơn vị": no part of what was done
        sentence = finder.layout.sentence_of(x.start)
        rests = [c for c in finder.between(x.end, sentence.end) if f[c].kind == "count" and same_noun(f[c].unit, x.unit)
                 and not finder.bracketed(c) and (cues().left.search(text, clause_start(text, f[c].start, _CLAUSE_BREAKS), f[c].start)
                                                  or cues().pending.match(text, f[c].end))]
        if not rests:
            continue
        line = finder.layout.line_of(x.start)
        before = finder.layout.sentence_of(sentence.start - 1).start if sentence.start > line.start else sentence.start
        whole = next((t for t in range(a - 1, -1, -1) if f[t].start >= before and f[t].kind == "count"
                      and same_noun(f[t].unit, x.unit)), None)
        if whole is not None and f[whole].role == "actual" and not finder.bracketed(whole) and not finder.is_change(whole):
            found.append(Group(total=whole, parts=[a, *rests], selection=False))
    return found


_CLAUSE_BREAKS = ";,.:(\n"
# "; đã phối hợp với chủ đầu tư, nhà thầu giải quyết, trả lời 109 ý kiến": what was done may name its partners first
_STATEMENT_BREAKS = ";.:(\n"
_WHOLE_BEFORE = regex.compile(r"(?<!\p{L})tổng(?:[^\S\n]+số)?[^\S\n]*$", regex.IGNORECASE)


def _more_rests(finder: Finder, c: int) -> list[int]:
    """"05 đại biểu không tán thành và 02 đại biểu không biểu quyết" (or "… có ý kiến khác"): the other rests said
    with the first."""
    f, text = finder.figures, finder.text
    sentence = finder.layout.sentence_of(f[c].start)
    more = []
    for k in finder.between(f[c].end, sentence.end):
        if f[k].kind == "percent":
            continue  # "5 đại biểu không tán thành, chiếm 2,4%; 2 đại biểu không biểu quyết"
        gap = finder.between_text(more[-1] if more else c, k)
        said = text[f[k].end:f[k].end + 60]
        if f[k].kind == "count" and comparable(f[c], f[k]) and (cues().not_done.match(said) or cues().other.match(said)) \
                and _JOINED.search(gap) and not regex.search(r"[.:\d]", gap):
            more.append(k)
        else:
            break
    return more


_JOINED = regex.compile(r"(?:[,;]|(?<!\p{L})và(?!\p{L}))[^\S\n]*$")


def _other_classes(finder: Finder, a: int, b: int) -> list[int]:
    """"12/14 CĐCS bộ phận hoàn thành tốt nhiệm vụ (85,7%), 02 CĐCS bộ phận hoàn thành nhiệm vụ": the
    other classes of the fraction's classification, named in its sentence, make up the rest."""
    f, text = finder.figures, finder.text
    sentence = finder.layout.sentence_of(f[b].start)
    own = _class_after(text[f[b].end:f[b].end + 50])
    if own is None or cues().inclusive.search(text, f[b].end, f[b].end + 60):
        return []  # "41/46 CĐCS hoàn thành tốt nhiệm vụ trở lên": the class holds the better ones too
    family, name = own
    others = []
    for c in finder.between(f[b].end, sentence.end):
        if relation_cues().parts_cue.search(text, f[b].end, f[c].start):
            break  # "…, trong đó 19 CĐCS hoàn thành xuất sắc": a part of the part, not the rest
        if f[c].kind == "count" and comparable(f[b], f[c]) and not finder.bracketed(c):
            other = _class_after(text[f[c].end:f[c].end + 50])
            if other and other[0] == family and other[1] != name and other[1] not in {n for _, n in others}:
                others.append((c, other[1]))
    return [c for c, _ in others]


def _class_after(text: str) -> tuple[int, str] | None:
    """The class a figure is said to be of, in the words right after it (the longest name found first)."""
    clause = regex.split(r"[;,.(\n]", text, maxsplit=1)[0].lower()
    hits = [(clause.find(name), -len(name), n, name) for n, family in enumerate(relation_cues().partitions) for name in family
            if regex.search(rf"(?<!\p{{L}}){regex.escape(name)}(?!\p{{L}})", clause)]
    if not hits:
        return None
    _, _, family, name = min(hits)
    return family, name


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - cues().stop
