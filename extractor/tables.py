"""Bare numbers in label lines ("Nữ: 33") and text-table cells, typed by their label or headers."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from . import rules
from .candidates import Candidate
from .quantities import Quantity, grammar, read_value
from .sentences import Layout

_LABEL = regex.compile(r"(?P<label>[^:;.\n|\t]{1,60}?)\s*:\s*$")
_AFTER_BARE = regex.compile(r"\s*(?:[;,.]\s|[;,.]?$|$)")
_CLOSE = regex.compile(r"[^\S\n]*\)")
_PLAIN_LABEL = regex.compile(r"(?:^|[,;.(]\s*)(?P<label>\p{L}+(?:[^\S\n]\p{L}+){0,4})[^\S\n]+$")
_BRACKET = regex.compile(r"\(([^()]+)\)")
_OWN_PERCENT = regex.compile(r"\d%")  # "KPCĐ 2% đã nộp (triệu đồng)": a rate in the name, the column is money
_OUTLINE = regex.compile(r"\d{1,2}(?:\.\d{1,2})*\.?")
_CLOSED_BRACKET = regex.compile(r"\([^()\n]*\)")
_NUMBER_CELL = regex.compile(r"[-+]?\d[\d.,]*%?")
_AFTER_ASIDE = regex.compile(r"[^\S\n]*(?:[,;)]|[^\S\n]\p{L})")


@cache
def _data() -> dict:
    d = rules.data("tables")
    alt = rules.alternation
    return {
        "sep": regex.compile("|".join(d["cell_separators"])),
        "percent": regex.compile(alt(d["percent_headers"]), regex.IGNORECASE),
        "money": [(regex.compile(rf"(?<!\p{{L}}){regex.escape(k)}(?!\p{{L}})", regex.IGNORECASE), v)
                  for k, v in sorted(d["money_headers"].items(), key=lambda kv: (kv[1] == 1, -len(kv[0])))],  # a scale first
        "skip": {s.lower() for s in d["skip_headers"]},
        "not_money": rules.cue_regex(d["not_money_words"]),
        "label_word": rules.cue_regex(d["label_words"]),
        "category": rules.cue_regex(d["category_words"]),
        "default_unit": d["default_unit"],
        "table_unit": regex.compile(d["table_unit"], regex.IGNORECASE),
        "money_columns": {w.lower() for w in d["money_column_names"]},
        "bracket_cue": regex.compile(rf"\((?:{alt(d['bracket_cues'])})[^\S\n]*:?[^\S\n]*$", regex.IGNORECASE),
        "list_cue": regex.compile(rf"[^.;:\n\d]{{0,60}}?(?:{alt(d['list_cues'])})[^\S\n]*:", regex.IGNORECASE),
        "respectively": rules.cue_regex(d["respectively_cues"]),
        "aside_gap": regex.compile(rf"[^\S\n]*(?:(?:{alt(d['aside_comparisons'])})[^\S\n]+[\p{{L}} ]{{0,25}}(?:(?:19|20)\d\d)?[^\S\n]*)?",
                                   regex.IGNORECASE),
        "criterion_lead": regex.compile(rf"[^\S\n]*(?:{alt(d['criterion_leads'])})[^\S\n]+[^:;.\n\d]{{1,40}}:", regex.IGNORECASE),
        "numbering_word": regex.compile(alt(d["numbering_words"]), regex.IGNORECASE),
        "count_opener": regex.compile(alt(d["count_label_openers"]), regex.IGNORECASE),
        "counted_label": regex.compile(rf"(?:{alt(d['count_label_openers'])})\s+(?P<noun>.+)$", regex.IGNORECASE),
    }


def _unit_named_in(label: str) -> str | None:
    """The first counted noun a label or header names ("Số vụ tai nạn lao động" → "vụ")."""
    m = grammar().counted_anywhere.search(label)
    return grammar().unit_of(m.group("noun")) if m else None


_RULE = regex.compile(r"[^\S\n]*[-=+|:]{3,}[-=+|: ]*")
_YEAR = regex.compile(r"(?:19|20)\d\d")


def read(text: str, layout: Layout, unclaimed: list[Candidate], known: list[Quantity]) -> list[tuple[Quantity, str, str]]:
    """Quantities for bare numbers, each with the subject its label or headers give, and its column header.

    `known` are the quantities already read, for a bare plan figure in brackets after one of them."""
    found: list[tuple[Quantity, str, str]] = []
    rows = _table_rows(text, layout)
    for c in unclaimed:
        if c.spelled_value is not None:
            continue
        cell = rows.get(layout.line_index(c.start))
        if not cell and _YEAR.fullmatch(c.literal):
            continue  # "tổ chức 03 lần (2022, 2023, 2024)": years, not counts
        got = _from_table(text, c, cell) if cell else (
            _from_aside(text, c, known) or _from_label(text, layout, c) or _from_bracket(text, layout, c, known)
            or _from_list_item(text, layout, c, known) or _from_criterion_list(text, layout, c, known)
            or _from_respectively(text, layout, c, known))
        if got:
            found.append(got)
    return found


def _from_label(text: str, layout: Layout, c: Candidate) -> tuple[Quantity, str, str] | None:
    """"Nữ: 33", and in a list of categories "Cán bộ quản lý 03, giáo viên 22, nhân viên 07"."""
    line = layout.line_of(c.start)
    if not _AFTER_BARE.match(text, c.end, line.end) and not _CLOSE.match(text, c.end):
        return None
    m = _LABEL.search(text, line.start, c.start)
    if not m:
        plain = _PLAIN_LABEL.search(text, line.start, c.start)
        if not plain or not _data()["label_word"].search(plain.group("label")):
            return None
        m = plain
    label = m.group("label").strip(" -–+•*")
    counted = _data()["counted_label"].match(label)
    unit = _unit_named_in(counted.group("noun")) if counted else None
    if unit is None and not (_data()["label_word"].search(label) or _unit_named_in(label)):
        return None
    q = _bare(c, "count", unit or _data()["default_unit"], 1)
    return (q, label, "") if q else None


def _from_bracket(text: str, layout: Layout, c: Candidate, known: list[Quantity]) -> tuple[Quantity, str, str] | None:
    """"đạt 105% kế hoạch (kế hoạch 1.200)": the bare number repeats the plan for the figure before it."""
    if not (_data()["bracket_cue"].search(text, max(0, c.start - 30), c.start) and _CLOSE.match(text, c.end)):
        return None
    sentence = layout.sentence_of(c.start)
    before = [q for q in known if sentence.start <= q.start < c.start and q.kind != "percent"]
    if not before:
        return None
    q = _bare(c, before[-1].kind, before[-1].unit, 1)
    return (q, "", "") if q else None


def _with_unit(head: str, unit: str) -> str:
    """"Dự toán" under "Đơn vị tính: đồng" reads as "Dự toán (đồng)"; a header with its own unit keeps it, and so
    does one that names what it counts ("Số CĐCS", "Số đoàn viên")."""
    if not head or "(" in head or _data()["percent"].search(head) or head.lower() in _data()["skip"] \
            or _data()["counted_label"].match(head.strip()) and _unit_named_in(head):
        return head
    return f"{head} ({unit.strip()})"


def _from_aside(text: str, c: Candidate, known: list[Quantity]) -> tuple[Quantity, str, str] | None:
    """"giảm 09 đoàn viên (nghỉ hưu 06, chuyển công tác 03)": bare numbers in brackets right after a count (or after
    what it is compared with) break it down and count the same thing."""
    opened = text.rfind("(", 0, c.start)
    if (opened < 0 or ")" in text[opened:c.start] or ")" not in text[c.end:c.end + 80]
            or not _AFTER_ASIDE.match(text, c.end) or grammar().not_counted.match(text, c.end) or text[c.start - 1] == "+"):
        return None  # not "(tức 24 tháng Chạp)", "(GMT+7)", "(3 tháng/lần)"
    owner = next((q for q in known if q.kind == "count" and q.end <= opened
                  and _data()["aside_gap"].fullmatch(text, q.end, opened)), None)
    if owner is None:
        return None
    q = _bare(c, "count", owner.unit, 1)
    return (q, "", "") if q else None


def _from_respectively(text: str, layout: Layout, c: Candidate, known: list[Quantity]) -> tuple[Quantity, str, str] | None:
    """"lần lượt là 69, 71, 74 và 76 đoàn viên", "lần lượt là: năm học 2023 – 2024: 69; …; năm học 2027 – 2028: 76
    đoàn viên": the bare numbers of a list that says "lần lượt" count what its last item counts."""
    sentence = layout.sentence_of(c.start)
    if not _data()["respectively"].search(text, sentence.start, c.start):
        return None
    last = next((q for q in known if c.end <= q.start < sentence.end), None)
    if last is None or last.kind != "count" or _data()["respectively"].search(text, c.end, last.start):
        return None
    q = _bare(c, "count", last.unit, 1)
    return (q, "", "") if q else None


def _from_list_item(text: str, layout: Layout, c: Candidate, known: list[Quantity]) -> tuple[Quantity, str, str] | None:
    """"giảm 249 đoàn viên, gồm: nghỉ việc 189; nghỉ hưu 11; từ trần 03.": a bare number closing an item
    of the list a count opens with "gồm:" counts what that count counts."""
    if not _LIST_ITEM_END.match(text, c.end) or _numbering(text, c):
        return None
    sentence = layout.sentence_of(c.start)
    # "Bằng khen … 05 (02 tập thể, 03 cá nhân); Bằng khen … 21 (…)": an item's breakdown in brackets is no other owner
    plain = _CLOSED_BRACKET.sub(lambda b: " " * len(b.group()), text[sentence.start:c.start])
    outside = [q for q in known if q.kind == "count" and sentence.start <= q.start and q.end <= c.start
               and plain[q.start - sentence.start] != " "]
    owner = outside[-1] if outside else None
    if owner is None or any(owner.end <= q.start < c.start for q in outside):
        return None
    between = plain[owner.end - sentence.start:]
    if not _data()["list_cue"].match(between) or regex.search(r"\d", regex.split(r"[;,]", between.split(":", 1)[1])[-1]):
        return None
    q = _bare(c, "count", owner.unit, 1)
    return (q, "", "") if q else None


def _from_criterion_list(text: str, layout: Layout, c: Candidate, known: list[Quantity]) -> tuple[Quantity, str, str] | None:
    """"Theo chức danh nghề nghiệp: bác sĩ 38 (…), điều dưỡng 72, hộ sinh 11 và 20 đoàn viên làm …": a bare number
    after a class's name, in a list a criterion opens, counts people (or the noun another item of the list names)."""
    sentence = layout.sentence_of(c.start)
    lead = _data()["criterion_lead"].match(text, sentence.start, c.start)
    if not lead or not _CLASS_BEFORE.search(text, lead.end(), c.start) or _numbering(text, c) \
            or not _LIST_ITEM_END.match(text, c.end):
        return None
    nouns = [q.unit for q in known if q.kind == "count" and sentence.start <= q.start < sentence.end]
    q = _bare(c, "count", nouns[-1] if nouns else _data()["default_unit"], 1)
    return (q, "", "") if q else None


def _numbering(text: str, c: Candidate) -> bool:
    """"quý 3", "tổ 2", "năm 2023": a number that names, not one that counts."""
    before = _CLASS_BEFORE.search(text, max(0, c.start - 30), c.start)
    return bool(_YEAR.fullmatch(c.literal) or before and _data()["numbering_word"].fullmatch(before.group().strip()))


_CLASS_BEFORE = regex.compile(r"\p{L}{2,}[^\S\n]+$")
_LIST_ITEM_END = regex.compile(r"[^\S\n]*(?:\([^()\n]*\)[^\S\n]*)?(?:[;,.]|$|và(?!\p{L}))", regex.MULTILINE)


def _cells(text: str, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """Cells of one line with their spans; empty cells are kept so columns stay aligned."""
    cells, pos = [], start
    piped = "|" in text[start:end]  # in a space-aligned table leading blanks are an empty first cell
    while piped and pos < end and text[pos] == " ":  # "   - Đoàn viên đóng góp | …": an indent is no empty cell
        pos += 1
    for m in [*_data()["sep"].finditer(text, pos, end), None]:
        stop = m.start() if m else end
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        cells.append((raw.strip(), (pos + lead, pos + lead + len(raw.strip()))))
        pos = m.end() if m else end
    return cells


def _table_rows(text: str, layout: Layout) -> dict[int, tuple[list[str], list[tuple[int, int]], list[str]]]:
    """Line index → (cells, cell spans, header cells) for lines that sit in a text table.

    A table is a run of lines with cell separators; its first line is the header, continued on the
    lines under it that hold no number. A line "Đơn vị tính: đồng" just above it gives every column
    without a unit of its own that unit."""
    rows: dict[int, tuple] = {}
    header: list[str] | None = None
    starts: list[tuple[int, int]] | None = None  # where a space-aligned header's cells stand in their line
    head_lines: list[int] = []  # the lines of a header not yet read
    for i, span in enumerate(layout.lines):
        if _RULE.fullmatch(text, span.start, span.end):
            continue  # "-----+--------+----": a drawn line between header and rows
        cells = _cells(text, span.start, span.end)
        if sum(1 for t, _ in cells if t) < 2:
            if header is None and head_lines and len(cells) >= 2 and not any(ch.isdigit() for t, _ in cells for ch in t):
                head_lines.append(i)  # "     |      |      | (%)": one word under one header cell
                continue
            if header is None and not head_lines or len(cells) < 2:
                header, head_lines = None, []  # "A. THU | | |" is a section row of the table: the header stays
            continue
        texts = [t for t, _ in cells]
        if header is None and (not head_lines or not any(_NUMBER_CELL.fullmatch(t.strip()) for t in texts[1:])):
            head_lines.append(i)  # "|  | năm 2024 | 6T/2024 | so CK (%) |": words under the header, years among them
            continue
        if header is None:
            header, starts = _header(text, layout, head_lines, len(cells))
            head_lines = []
        if starts and len(cells) != len(header):
            cells = _aligned(cells, starts, span.start) or cells
            texts = [t for t, _ in cells]
        rows[i] = (texts, [s for _, s in cells], header)
    return rows


def _aligned(cells: list[tuple[str, tuple[int, int]]], starts: list[tuple[int, int]], line_start: int) -> list | None:
    """A row of a space-aligned table placed under the header cell each of its cells stands under:
    "        Tổng cộng      3.482    100,0" has no number cell but its words stand under "Lĩnh vực"."""
    placed: list[tuple[str, tuple[int, int]]] = [("", (line_start, line_start))] * len(starts)
    for cell, (a, b) in cells:
        if cell:
            col = _nearest(starts, a - line_start, b - line_start)
            if placed[col][0]:
                return None  # two cells under one header cell: keep the row as written
            placed[col] = (cell, (a, b))
    return placed


def _nearest(cells: list[tuple[int, int]], start: int, end: int) -> int:
    """The header cell a cell from `start` to `end` (offsets in its line) stands under: the one it overlaps most, a
    number set flush right under a header set flush left ("Đoàn viên" over "      62") too, else the nearest."""
    return max(range(len(cells)), key=lambda c: min(end, cells[c][1]) - max(start, cells[c][0]))


def _header(text: str, layout: Layout, lines: list[int], width: int) -> tuple[list[str], list[tuple[int, int]] | None]:
    """The header cells, each with the words written under it ("Số tiền được" / "kiểm tra" / "(triệu
    đồng)"): by position in a space-aligned table, by order in a piped one. "STT  Khối" over "1    Mầm
    non" is two cells."""
    first = layout.lines[lines[0]]
    cells = _cells(text, first.start, first.end)
    aligned = not regex.search(r"[|\t]", text[first.start:first.end])
    if aligned and len(cells) < width:
        narrow = [(m.group(), (m.start(), m.end())) for m in regex.finditer(r"\S+(?: \S+)*", text, pos=first.start, endpos=first.end)]
        cells = narrow if len(narrow) <= width else cells
    header = [t for t, _ in cells]
    spans = [span for _, span in cells]
    for index in lines[1:]:
        line = layout.lines[index]
        under = _cells(text, line.start, line.end)
        for k, (cell, (a, b)) in enumerate(under):
            if cell:
                col = _nearest([(a0 - first.start, b0 - first.start) for a0, b0 in spans], a - line.start, b - line.start) \
                    if aligned or len(under) != len(header) else k
                header[col] = f"{header[col]} {cell}"
    above = next((text[line.start:line.end] for line in reversed(layout.lines[max(0, lines[0] - 3):lines[0]])
                  if text[line.start:line.end].strip() and not _RULE.fullmatch(text, line.start, line.end)), "")
    # "(ĐVT: triệu đồng)", maybe a blank line or a drawn rule up
    unit = _data()["table_unit"].search(above)
    column = unit and unit.group("column")  # "ĐVT kinh phí: triệu đồng": that column only
    return ([_with_unit(t, unit.group("unit")) if unit and _unit_column(column, t) else t for t in header],
            [(a - first.start, b - first.start) for a, b in spans] if aligned else None)


def _unit_column(column: str | None, head: str) -> bool:
    """Whether a unit line naming `column` speaks of this header: "Đơn vị tính số tiền: triệu đồng"
    names every column of amounts ("Tiền sai phạm", "Đã thu hồi"), not "Số cuộc KT" nor "Tỷ lệ (%)"."""
    if not column or column.lower() in head.lower():
        return True
    return column.lower().strip() in _data()["money_columns"] and not _data()["counted_label"].match(head.strip())


@dataclass
class Grid:
    """A text table: its header cells and, per data row, the cell texts and their spans."""

    header: list[str]
    rows: list[tuple[list[str], list[tuple[int, int]]]]


_ROMAN = regex.compile(r"\s*[IVX]+[.)]?\s*")


def row_label(texts: list[str]) -> str:
    """The cell that names a row: the first with words, not its numbering ("| III | Chi trong năm |")."""
    return next((t for t in texts if regex.search(r"\p{L}{2}", t) and not _ROMAN.fullmatch(t)), "")


def grids(text: str, layout: Layout) -> list[Grid]:
    """Rows under one header make one table, across drawn rules and a label's second line ("| theo lương | |")."""
    found: list[Grid] = []
    for _, (texts, spans, header) in sorted(_table_rows(text, layout).items()):
        if not found or found[-1].header is not header:
            found.append(Grid(header=header, rows=[]))
        found[-1].rows.append((texts, spans))
    return found


def _from_table(text: str, c: Candidate, row: tuple) -> tuple[Quantity, str, str] | None:
    texts, spans, header = row
    col = next((k for k, (s, e) in enumerate(spans) if s <= c.start and c.end <= e), None)
    if col is None or col >= len(header) or texts[col] != c.literal:
        return None
    head = header[col]
    d = _data()
    if not head or head.lower().strip(" ()") in d["skip"]:
        return None
    if not any(t.strip() for t in texts[:col]) and _OUTLINE.fullmatch(c.literal) and any(regex.search(r"\p{L}", t) for t in texts[col + 1:]):
        return None  # "3.1  | Chi tuyên truyền | …": the row's number, whatever the header above says
    label = next((t for t in texts[:col] if len(regex.findall(r"\p{L}", t)) >= 3), "")
    scale = next((v for p, v in d["money"] if p.search(d["not_money"].sub(" ", head))), None)
    if d["percent"].search(head) and not (scale and _OWN_PERCENT.search(head)):
        q = _bare(c, "percent", "%", 1)
    elif scale:
        q = _bare(c, "money", "VND", scale)
    else:
        q = _bare(c, "count", _column_unit(header, col), 1)
    return (q, f"{head} ({label})" if label else head, head) if q else None


def _column_unit(header: list[str], col: int) -> str:
    """"Số đoàn viên (người)" → người; "Nữ" → người; "Kế hoạch kết nạp" after "Số đoàn viên" → đoàn viên."""
    if _data()["category"].fullmatch(header[col].strip()):
        return _data()["default_unit"]
    if regex.match(r"(?i)trong\s+đó\b", header[col].strip()) and col > 1:
        return _column_unit(header, col - 1)  # "Kết nạp mới | Trong đó nữ": women among those admitted
    for name in [header[col], *reversed(header[1:col])]:
        if _data()["category"].fullmatch(name.strip()):
            continue  # "Nữ", "Đảng viên": a category of the thing counted, not the thing
        bracket = _BRACKET.search(name)
        if unit := (bracket and _unit_named_in(bracket.group(1))) or _unit_named_in(name):
            return unit
    if ((counted := _data()["counted_label"].match(header[col].strip())) and not _BRACKET.search(header[col])
            and not _data()["count_opener"].fullmatch(header[col].strip())):  # "Số lượng": no noun
        return " ".join(counted.group("noun").split()[:2])  # "Số đối tác": a noun no unit list knows
    return _data()["default_unit"]


def _bare(c: Candidate, kind: str, unit: str, scale: float) -> Quantity | None:
    value = read_value(c, kind, scale != 1)
    if value is None:
        return None
    value *= scale
    if kind == "money":
        value = float(round(value))
    return Quantity(kind=kind, value=value, unit=unit, start=c.start, end=c.end, number_start=c.start, number_end=c.end)
