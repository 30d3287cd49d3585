"""Word documents: .docx through python-docx; .doc through antiword; .rtf through striprtf."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..models import Document
from . import encodings
from .builder import TextBuilder
from .errors import ReadError


def read_docx(path: Path, encoding: str | None = None) -> Document:
    """Paragraphs and tables in the order the document body holds them."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as e:
        raise ReadError(f"tệp .docx hỏng hoặc không phải .docx ({e})") from e
    builder = TextBuilder()
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            builder.add(Paragraph(block, document).text)
        elif tag == "tbl":
            table = Table(block, document)
            builder.add_table([[cell.text for cell in row.cells] for row in table.rows])
    return builder.document(path.name, str(path), "docx")


def read_doc(path: Path, encoding: str | None = None) -> Document:
    """Word 97–2003 through antiword (Debian package `antiword`), which keeps Unicode text."""
    tool = shutil.which("antiword")
    if tool is None:
        raise ReadError("đọc tệp .doc cần chương trình antiword: sudo apt-get install antiword "
                        "(hoặc lưu tệp thành .docx)")
    result = subprocess.run([tool, "-w", "0", "-m", "UTF-8.txt", str(path)], capture_output=True, timeout=120)
    if result.returncode != 0:
        raise ReadError(f"antiword không đọc được tệp: {result.stderr.decode('utf-8', 'replace').strip()}")
    text, used = encodings.decode(result.stdout, encoding)
    return _paragraphs(path, text, "doc")


def read_rtf(path: Path, encoding: str | None = None) -> Document:
    from striprtf.striprtf import rtf_to_text

    raw = path.read_bytes().decode("latin-1")  # RTF is 7-bit; \\'xx and \\uN escapes carry the letters
    try:
        text = rtf_to_text(raw, encoding=encoding or "cp1258", errors="replace")
    except Exception as e:
        raise ReadError(f"tệp .rtf hỏng ({e})") from e
    return _paragraphs(path, text, "rtf")


def _paragraphs(path: Path, text: str, fmt: str) -> Document:
    builder = TextBuilder()
    for line in text.splitlines():
        builder.add(line.replace("|", " | ") if fmt == "doc" else line)
    return builder.document(path.name, str(path), fmt)
