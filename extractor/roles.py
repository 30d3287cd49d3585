"""Target or actual, from cue words before the figure, the list a cue opens, or the section heading."""
from __future__ import annotations

from functools import cache

import regex

from . import rules
from .sentences import Layout, Span

# "đạt 105% kế hoạch", "còn 3 chỉ tiêu chưa đạt": a cue right after a number is what it is measured against
# also "850 giường bệnh kế hoạch"; a year is no base ("năm 2024 công ty dự kiến")
# "14.176.950.000 đồng/kế hoạch 13.600.000.000 đồng": after "/" too
_BASE_OF = regex.compile(r"(?<![\p{L}\d.,])(?!(?:19|20)\d{2}(?!\d))\d(?:[\d.,]*\d)?[^\S\n]*%?(?:[^\S\n]+\p{L}+){0,2}[^\S\n]*/?[^\S\n]*$")
# "so với chỉ tiêu 04 nhà", "(kế hoạch 5.000 đoàn viên)": a plan noun right before the number names the plan
_RESULT_ASIDE = regex.compile(r"[^\S\n]*(?:đạt|vượt|tăng|giảm|bằng)(?!\p{L})", regex.IGNORECASE)
_PLAN_VALUE = regex.compile(r"(?<!\p{L})(?:chỉ tiêu|kế hoạch|mục tiêu)(?:[^\S\n]+(?:năm|giao|đề ra|được giao))?[^\S\n]*:?[^\S\n]*$",
                            regex.IGNORECASE)  # "bằng 51,9% kế hoạch năm 112,5 tỷ đồng"
# "(kế hoạch 4.000 suất, đạt 103%)": after the plan's figure, what was achieved against it
_MEASURED = regex.compile(r"\d[^()\n;]*,[^\S\n]*(?:đạt|vượt|bằng)[^\S\n]*$", regex.IGNORECASE)
_STARTING_LEVEL = regex.compile(r"[^\S\n]*(?:/[\p{L}/ ]+)?[^\S\n]+lên[^\S\n]+\d")  # "từ 500.000 đồng lên 700.000 đồng"
_LIST_ITEM = regex.compile(r"^\s*(?:[-–—+•*]|\d{1,2}[.)]|[a-zđ][.)]|[IVX]+[.)])\s")
_TOP_HEADING = regex.compile(r"^\s*(?:[IVX]+|[A-Z])[.)/]\s|^\s*(?:PHẦN|Phần|CHƯƠNG)\s|^\s*Điều\s+\d+\.\s")


class _Cues:
    def __init__(self) -> None:
        d = rules.data("roles")
        alt = rules.alternation
        self.target = rules.cue_regex(d["target_cues"])
        # cues that may close after the figure ("Hàng năm có 100% CĐCS đạt ...")
        self.spanning = regex.compile("|".join(f"(?:{p})" for p in d["target_regexes"]), regex.IGNORECASE)
        self.actual = rules.cue_regex(d["actual_cues"])
        self.result = rules.cue_regex(d["result_cues"])
        self.past = regex.compile(rf"(?<!\p{{L}})(?:{alt(d['past_acts'])})(?:[^\S\n]+\p{{L}}+){{0,2}}[^\S\n]+$", regex.IGNORECASE)
        self.document_title = regex.compile(d["document_title_after"], regex.IGNORECASE)
        self.not_cue = rules.cue_regex(d["not_cues"])
        self.plan_verb = rules.cue_regex(d["plan_verbs"])
        self.heading = rules.cue_regex(d["heading_cues"])
        # "chỉ tiêu Nghị quyết (4.000 đoàn viên)": the number in brackets after a cue is the target itself
        self.bracketed = regex.compile(rf"(?<!\p{{L}})(?:{alt(d['target_cues'])})(?!\p{{L}})(?:[^\S\n]+[\p{{L}}\d.,]+){{0,8}}[^\S\n]*\((?![^\S\n]*(?:đạt|vượt|tăng|giảm|bằng))(?:[^()\d\n,;]{{0,20}}|[^()\n]*,[^()\d\n,;]{{0,20}})$", regex.IGNORECASE)
        self.excess = regex.compile(rf"(?<!\p{{L}})(?<!không[^\S\n]+)(?:{alt(d['excess_verbs'])})(?:[^\S\n]+\p{{L}}+){{0,2}}[^\S\n]+$", regex.IGNORECASE)
        self.done = regex.compile(rf"(?<!\p{{L}})(?:{alt(d['result_verbs'])})(?:[^\S\n]+\p{{L}}+){{0,2}}[^\S\n]+$", regex.IGNORECASE)
        self.result_verb = regex.compile(rf"(?<!\p{{L}})(?:{alt(d['result_verbs'])})[^\S\n]*$", regex.IGNORECASE)
        self.plan_count = regex.compile(rf"\d[^\S\n]+(?:{alt(d['plan_count_nouns'])})$", regex.IGNORECASE)

    def _inside_not_cue(self, text: str, cue: regex.Match) -> bool:
        return any(m.start() <= cue.start() and cue.end() <= m.end()
                   for m in self.not_cue.finditer(text, max(0, cue.start() - 20), cue.end() + 20))

    def _exceeded(self, before: str, cue: regex.Match) -> bool:
        """"vượt dự toán 126.400.000 đồng (đạt 105,9%)": what was exceeded, not a plan; but a bracket opened
        after it states the plan ("vượt chỉ tiêu Nghị quyết (từ 500 đoàn viên trở lên)")."""
        opened = before.rfind("(", cue.end())
        return bool(self.excess.search(before, 0, cue.start())) and (
            opened < 0 or ")" in before[opened:] or bool(_RESULT_ASIDE.match(before, opened + 1)))

    def heading_is_target(self, line: str) -> bool:
        said = self.says_target(line)
        if said is not None:
            return said
        cue = self.heading.search(line)  # "HOÀN THÀNH TOÀN DIỆN NHIỆM VỤ …": the tasks a result was measured against
        return bool(cue) and not self.done.search(line, 0, cue.start())

    def says_target(self, before: str, sentence: str = "", in_results: bool = False) -> bool | None:
        """True/False when the words around a figure decide its role, None when they are silent.

        `before` is the sentence up to the figure, `sentence` the whole of it."""
        if (m := self.bracketed.search(before)) and not self.result_verb.search(before, 0, m.start()):
            return True
        if (plan := _PLAN_VALUE.search(before)) and not self.result_verb.search(before, 0, len(before) - 12) \
                and not self._exceeded(before, plan):
            return True
        if (result := self.result.search(before)) and not self.target.search(before, 0, result.start()) \
                and not self.plan_verb.search(before, result.end()):
            return False  # "kết quả ..." reports; "phấn đấu hoàn thành kế hoạch ..." and "trên cơ sở kết quả đạt được,
            # đề ra chỉ tiêu …: phấn đấu trao …" still plan
        cue = None
        for found in self.target.finditer(before):
            if not (_BASE_OF.search(before, 0, found.start()) or _closed_bracket(before, found)
                    or self.document_title.match(before, found.end()) or self.past.search(before, 0, found.start())
                    or self._inside_not_cue(before, found) or self._exceeded(before, found)):
                cue = found
        if cue is None:
            spanning = None if in_results else self.spanning.search(sentence or before)
            if spanning is None or spanning.start() >= len(before):
                return None
            return not self.actual.search(before, spanning.start())
        return not (self.actual.search(before, cue.end()) or _MEASURED.search(before, cue.end()))


def _first_sentence(line: str) -> str:
    """"Điều 4. Đại hội bầu ... . Ban Chấp hành ...": the heading proper, after its number."""
    marker = _TOP_HEADING.match(line.strip())
    skip = len(line) - len(line.lstrip()) + (marker.end() if marker else 0)
    m = regex.search(r"[.!?:](?=\s+\p{Lu})", line, pos=skip)
    return line[: m.end()] if m else line


def _closed_bracket(before: str, cue: regex.Match) -> bool:
    """A cue inside brackets that close before the figure ("(chỉ tiêu 70%); ... 12 lớp") says nothing of it."""
    opened = before.rfind("(", 0, cue.start())
    return opened >= 0 and ")" not in before[opened:cue.start()] and ")" in before[cue.end():]


@cache
def _cues() -> _Cues:
    return _Cues()


def _is_heading(line: str) -> bool:
    """A numbered section head ("II.", "Điều 4.") of any length, or a short line in capitals."""
    stripped = line.strip()
    if _TOP_HEADING.match(stripped):
        return True
    if not stripped or len(stripped) > 160:
        return False
    letters = [ch for ch in stripped if ch.isalpha()]
    mostly_upper = len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
    return mostly_upper or bool(_TOP_HEADING.match(stripped))


class RoleReader:
    """Reads every role of one document; the section state is computed once."""

    def __init__(self, text: str, layout: Layout):
        self.text, self.layout = text, layout
        cues = _cues()
        self.line_target: list[bool] = []
        self.line_results: list[bool] = []  # inside a section headed "KẾT QUẢ ...": habits there are facts
        section = False  # inside a section whose heading is a target cue
        results = False
        opened = False  # inside the paragraph or list after "...chỉ tiêu ... như sau:"
        for span in layout.lines:
            line = text[span.start:span.end]
            if _is_heading(line):
                head = _first_sentence(line)
                section = cues.heading_is_target(head)
                results = bool(cues.result.search(head))
                opened = False
                self.line_target.append(section)
                self.line_results.append(results)
                continue
            self.line_results.append(results)
            if opened and not _LIST_ITEM.match(line):  # a blank line or prose ends the list a cue opened
                opened = False
            self.line_target.append(section or opened)
            if self._opens_list(line):
                opened = True

    @staticmethod
    def _opens_list(line: str) -> bool:
        colon = line.rstrip().rfind(":")
        if colon < 0:
            return False
        head = line[:colon]
        return bool(_cues().says_target(head[max(head.rfind(". "), 0):]))

    def role(self, start: int, header: str = "", end: int | None = None) -> str:
        """`header` is the column header of a table cell ("Dự toán (triệu đồng)"); `end` where the figure ends."""
        if end is not None and _STARTING_LEVEL.match(self.text, end) and self.text[max(0, start - 4):start].strip() == "từ":
            return "actual"  # the level a plan raises from is today's
        if end is not None and _cues().plan_count.search(self.text, start, end):
            return "actual"  # "đề ra 12 chỉ tiêu": how many plans were set
        if header and (said := _cues().says_target(header)) is not None:
            return "target" if said else "actual"
        line_index = self.layout.line_index(start)
        line = self.layout.lines[line_index]
        sentence = self.layout.sentence_of(start)
        said = _cues().says_target(self.text[sentence.start:start], self.text[sentence.start:sentence.end],
                                   self.line_results[line_index])
        if said is not None:
            return "target" if said else "actual"
        in_plan = self.line_target[line_index] or self._after_colon_cue(line, start)
        clause = max(sentence.start, self.text.rfind(";", sentence.start, start) + 1)
        if in_plan and not _cues().actual.search(self.text, clause, start):  # "(hiện có 1.109 thành viên)"
            return "target"
        return "actual"

    def _after_colon_cue(self, line: Span, start: int) -> bool:
        """An earlier sentence of this paragraph ended a cue with ":" ("chỉ tiêu ... như sau:")."""
        return self._opens_list(self.text[line.start:start])
