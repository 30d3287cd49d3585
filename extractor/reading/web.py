"""Web pages: the main text through trafilatura; menus, footers, counters and ratings are dropped."""
from __future__ import annotations

from pathlib import Path

from ..models import Document
from . import encodings
from .builder import TextBuilder
from .errors import ReadError


def read_html(path: Path, encoding: str | None = None) -> Document:
    import trafilatura

    html, _ = encodings.decode(path.read_bytes(), encoding)
    text = trafilatura.extract(html, include_tables=True, include_comments=False, favor_precision=True)
    if not text:
        raise ReadError("không tìm thấy nội dung chính trong trang web")
    builder = TextBuilder()
    for line in text.splitlines():
        builder.add(line)
    return builder.document(path.name, str(path), "html")
