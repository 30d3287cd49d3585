"""PDF through pdfplumber: reading order across columns, running heads and page numbers left out,
broken lines and hyphenated words joined, tables read with the table finder and written as
text-table lines (so their figures take subjects from row and column headers). Pages without a
text layer go to OCR when Tesseract is installed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..models import Document
from . import ocr
from .builder import TextBuilder
from .errors import ReadError

MARGIN = 0.08  # top and bottom share of a page where running heads and page numbers live
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–]?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–]?$", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", "…")


@dataclass
class Line:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str


def _lines(words: list[dict]) -> list[Line]:
    """Words grouped into lines by their vertical position, each line read left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [Line(min(w["top"] for w in ws), max(w["bottom"] for w in ws), min(w["x0"] for w in ws),
                 max(w["x1"] for w in ws), " ".join(w["text"] for w in sorted(ws, key=lambda w: w["x0"])))
            for ws in lines]


def _columns(words: list[dict], width: float) -> list[list[dict]]:
    """Split the words at a vertical gutter near the middle, when one runs down the page."""
    if len(words) < 40:
        return [words]
    best = None
    for x in range(int(width * 0.3), int(width * 0.7), 2):
        crossing = sum(1 for w in words if w["x0"] < x < w["x1"])
        left = sum(1 for w in words if w["x1"] <= x)
        if crossing <= len(words) * 0.01 and left > len(words) * 0.2 and len(words) - left > len(words) * 0.2:
            if best is None or crossing < best[1]:
                best = (x, crossing)
    if best is None:
        return [words]
    x = best[0]
    return [[w for w in words if w["x1"] <= x], [w for w in words if w["x1"] > x]]


def _furniture(pages_lines: list[list[Line]], heights: list[float]) -> set[str]:
    """Lines in the page margins that repeat on several pages, digits ignored (running heads, footers)."""
    seen: Counter[str] = Counter()
    for lines, height in zip(pages_lines, heights):
        keys = {re.sub(r"\d+", "#", ln.text.strip()) for ln in lines
                if ln.top < height * MARGIN or ln.bottom > height * (1 - MARGIN)}
        seen.update(keys)
    return {k for k, n in seen.items() if n >= 2 and len(pages_lines) >= 2}


def _is_furniture(line: Line, height: float, repeated: set[str]) -> bool:
    in_margin = line.top < height * MARGIN or line.bottom > height * (1 - MARGIN)
    text = line.text.strip()
    return in_margin and (bool(_PAGE_NUMBER.match(text)) or re.sub(r"\d+", "#", text) in repeated)


def _paragraphs(lines: list[Line]) -> list[str]:
    """Join the lines of a paragraph; a hyphen at a line end joins the word."""
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in lines:
        text = line.text.strip()
        if previous is not None and paragraphs:
            gap = line.top - previous.bottom
            height = previous.bottom - previous.top
            last = paragraphs[-1]
            continues = gap < height * 1.2 and not last.endswith(_SENTENCE_END) and not _starts_item(text)
            if continues and last.endswith("-") and text[:1].islower():
                paragraphs[-1] = last[:-1] + text
                previous = line
                continue
            if continues:
                paragraphs[-1] = f"{last} {text}"
                previous = line
                continue
        paragraphs.append(text)
        previous = line
    return paragraphs


def _starts_item(text: str) -> bool:
    return bool(re.match(r"^(?:[-–+•*]|\d{1,2}[.)]|[a-zđ][.)]|[IVX]+\.)\s", text))


def read_pdf(path: Path, encoding: str | None = None) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(str(path))
        pages = list(pdf.pages)
    except Exception as e:  # pdfplumber wraps pdfminer's errors, the password one among them
        if isinstance(e, PDFPasswordIncorrect) or any(isinstance(a, PDFPasswordIncorrect) for a in e.args):
            raise ReadError("PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi đọc lại") from e
        raise ReadError(f"PDF hỏng hoặc bị cắt cụt ({type(e).__name__})") from e
    with pdf:
        layouts, heights, scanned = [], [], []
        for page in pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]
            words = [w for w in page.extract_words() if not any(_inside(w, b) for b in boxes)]
            layouts.append((tables, [_lines(col) for col in _columns(words, page.width)]))
            heights.append(page.height)
            scanned.append(not page.chars)
        repeated = _furniture([[ln for col in cols for ln in col] for _, cols in layouts], heights)
        builder = TextBuilder()
        missing_ocr = []
        for number, (page, (tables, columns), height, is_scan) in enumerate(zip(pages, layouts, heights, scanned), 1):
            if is_scan:
                if ocr.available():
                    for line in ocr.page_text(page).splitlines():
                        builder.add(line, page=number)
                else:
                    missing_ocr.append(number)
                continue
            blocks: list[tuple[float, object]] = []
            for col_index, col in enumerate(columns):
                kept = [ln for ln in col if not _is_furniture(ln, height, repeated)]
                for para_lines in _split_by_tables(kept, tables):
                    if para_lines:
                        blocks.append(((col_index, para_lines[0].top), _paragraphs(para_lines)))
            for table in tables:
                col_index = 0 if len(columns) == 1 or table.bbox[0] < page.width / 2 else 1
                blocks.append(((col_index, table.bbox[1]), table))
            first = True
            for _, block in sorted(blocks, key=lambda b: b[0]):
                if isinstance(block, list):
                    for paragraph in block:
                        if first and number > 1 and builder.continues() and paragraph[:1].islower():
                            builder.extend(paragraph, page=number)  # a paragraph cut by the page break
                        else:
                            builder.add(paragraph, page=number)
                        first = False
                else:
                    builder.add_table(block.extract(), page=number)
                    first = False
            page.close()
    if missing_ocr and len(missing_ocr) == len(pages):
        raise ReadError(f"PDF chỉ gồm ảnh quét; {ocr.INSTALL_HINT}")
    return builder.document(path.name, str(path), "pdf")


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return word["x0"] >= x0 - 1 and word["x1"] <= x1 + 1 and word["top"] >= top - 1 and word["bottom"] <= bottom + 1


def _split_by_tables(lines: list[Line], tables) -> list[list[Line]]:
    """Lines above, between and below the tables of a column, so a table stands in its place."""
    cuts = sorted(t.bbox[1] for t in tables)
    groups: list[list[Line]] = [[] for _ in range(len(cuts) + 1)]
    for line in lines:
        groups[sum(1 for c in cuts if line.top > c)].append(line)
    return groups
