"""Scans through Tesseract's Vietnamese model, an optional extra: without it, a clear message."""
from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from ..models import Document
from .builder import TextBuilder
from .errors import ReadError

INSTALL_HINT = ("cần nhận dạng chữ (OCR): sudo apt-get install tesseract-ocr tesseract-ocr-vie "
                "và pip install 'vn-report-figures[ocr]'")
DPI = 300


@cache
def available() -> bool:
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract
    except ImportError:
        return False
    return "vie" in pytesseract.get_languages(config="")


def image_text(image) -> str:
    import pytesseract

    return pytesseract.image_to_string(image, lang="vie", config="--psm 4")


def page_text(page) -> str:
    """OCR of one pdfplumber page rendered at 300 dpi."""
    return image_text(page.to_image(resolution=DPI).original)


def read_image(path: Path, encoding: str | None = None) -> Document:
    if not available():
        raise ReadError(f"tệp ảnh {path.suffix}: {INSTALL_HINT}")
    from PIL import Image, ImageSequence

    builder = TextBuilder()
    try:
        with Image.open(path) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image), 1):
                for line in image_text(frame.convert("RGB")).splitlines():
                    builder.add(line, page=number)
    except (OSError, ValueError) as e:
        raise ReadError(f"ảnh hỏng hoặc không đọc được ({e})") from e
    return builder.document(path.name, str(path), "image")
