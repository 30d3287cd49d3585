"""Assembles a document's text piece by piece, remembering where each piece came from."""
from __future__ import annotations

import unicodedata

from ..models import Document, Part
from .encodings import fix_legacy_lookalikes

CELL_SEPARATOR = " | "  # tables become text-table lines, which the extractor reads with their headers


class TextBuilder:
    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._parts: list[Part] = []
        self._length = 0
        self.tables = 0

    def add(self, text: str, page: int | None = None, table: int | None = None) -> None:
        """Add a paragraph (or a table row); paragraphs are separated by a line break."""
        text = unicodedata.normalize("NFC", text).strip("\n")
        if not text.strip():
            return
        if self._pieces:
            self._pieces.append("\n")
            self._length += 1
        self._parts.append(Part(start=self._length, end=self._length + len(text), page=page, table=table))
        self._pieces.append(text)
        self._length += len(text)

    def continues(self) -> bool:
        """Whether the last paragraph stops mid-sentence (a page break cut it)."""
        return bool(self._pieces) and not self._pieces[-1].rstrip().endswith((".", "!", "?", "…", ":", ";")) \
            and self._parts[-1].table is None

    def extend(self, text: str, page: int | None = None) -> None:
        """Carry the last paragraph on with text from the next page."""
        text = unicodedata.normalize("NFC", text).strip()
        last = self._pieces[-1]
        joiner = "" if last.endswith("-") and text[:1].islower() else " "
        if joiner == "":
            self._pieces[-1] = last[:-1]
            self._length -= 1
        self._pieces.append(joiner + text)
        start = self._length + len(joiner)
        self._length += len(joiner) + len(text)
        self._parts.append(Part(start=start, end=self._length, page=page))

    def add_table(self, rows: list[list[str | None]], page: int | None = None) -> None:
        self.tables += 1
        for row in rows:
            cells = [" ".join((c or "").split()) for c in row]
            if any(cells):
                self.add(CELL_SEPARATOR.join(cells), page=page, table=self.tables)

    def document(self, doc: str, source: str, fmt: str) -> Document:
        text = "".join(self._pieces)
        fixed, legacy = fix_legacy_lookalikes(text)
        if legacy and len(fixed) != len(text):  # a table that changes lengths would shift every part
            return Document(doc=doc, text=fixed, source=source, format=fmt, encoding=legacy)
        return Document(doc=doc, text=fixed, source=source, format=fmt, encoding=legacy or "unicode", parts=self._parts)
