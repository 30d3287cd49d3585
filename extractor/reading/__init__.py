"""Read stage: a file, folder or stdin becomes Documents (text plus where each part came from).

Each format has its reader module; all return the text the extractor sees, so that every
record's offsets can be checked against `extractor text FILE`. A file that cannot be read
becomes a FileError with a reason a person can act on, and the batch goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from ..models import Document, FileError
from . import encodings
from .errors import ReadError

MAX_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv"}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx", ".doc", ".rtf", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def _sniff(path: Path, head: bytes) -> str:
    """The format by magic bytes first (a .txt holding a PDF is a PDF), then by name."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.startswith(b"PK\x03\x04") and path.suffix.lower() == ".docx":
        return "docx"
    if head[:8] in (b"\x89PNG\r\n\x1a\n",) or head[:3] == b"\xff\xd8\xff" or head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image"
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return {".docx": "docx", ".doc": "doc", ".rtf": "rtf", ".pdf": "pdf"}.get(suffix, "text")


def read_file(path: Path, encoding: str | None = None) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"tệp quá lớn ({size / 2**20:.0f} MB, tối đa {MAX_BYTES // 2**20} MB)")
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise ReadError(f"không đọc được tệp: {e.strerror or e}") from e
    if size == 0 or (size <= len(head) and not head.strip()):
        raise ReadError("tệp rỗng")
    kind = _sniff(path, head)
    document = _reader(kind)(path, encoding)
    if not document.text.strip():
        raise ReadError("không có chữ nào trong tệp (tệp quét cần OCR, hoặc tệp trống)")
    return document


def _reader(kind: str):
    if kind == "pdf":
        from .pdf import read_pdf
        return read_pdf
    if kind in ("docx", "doc", "rtf"):
        from . import word
        return {"docx": word.read_docx, "doc": word.read_doc, "rtf": word.read_rtf}[kind]
    if kind == "html":
        from .web import read_html
        return read_html
    if kind == "image":
        from .ocr import read_image
        return read_image
    return read_text


def read_text(path: Path, encoding: str | None = None) -> Document:
    try:
        text, used = encodings.decode(path.read_bytes(), encoding)
    except encodings.DecodeError as e:
        raise ReadError(str(e)) from e
    return Document(doc=path.name, text=text, source=str(path), format="text", encoding=used)


def inputs(paths: Iterable[str]) -> list[str]:
    """Files as given, the readable files inside folders (recursively, in name order), "-" for stdin."""
    found: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            found.extend(str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            found.append(p)
    return found


def load(item: str, encoding: str | None = None) -> Document | FileError:
    """A Document, or a FileError saying why not: one bad file never stops a batch."""
    if item == "-":
        try:
            text, used = encodings.decode(sys.stdin.buffer.read(), encoding)
        except encodings.DecodeError as e:
            return FileError(doc="stdin", path="-", error=str(e))
        return Document(doc="stdin", text=text, source="-", encoding=used)
    path = Path(item)
    try:
        return read_file(path, encoding)
    except ReadError as e:
        return FileError(doc=path.name, path=item, error=str(e))
    except Exception as e:  # a reader library failing on a malformed file must not stop the batch
        return FileError(doc=path.name, path=item, error=f"tệp hỏng hoặc không đọc được ({type(e).__name__}: {e})")
