"""Turns an input (file, folder, stdin) into Documents; a file that cannot be read becomes a FileError."""
from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable
from pathlib import Path

from .models import Document, FileError

TEXT_SUFFIXES = {".txt", ".text"}
MAX_BYTES = 200 * 1024 * 1024


class ReadError(Exception):
    """Why a file could not be read, in words a user can act on."""


def decode(data: bytes, encoding: str | None = None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as e:
            raise ReadError(f"không giải mã được bằng bảng mã {encoding}: {e}") from e
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name)
    if b"\x00" in data[:4096]:
        raise ReadError("tệp có vẻ là tệp nhị phân (chứa byte NUL), không phải văn bản")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ReadError(
            f"không phải văn bản UTF-8 (byte lạ ở vị trí {e.start}); hãy chỉ rõ bảng mã bằng --encoding"
        ) from e


def read_file(path: Path, encoding: str | None = None) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"tệp quá lớn ({size / 2**20:.0f} MB, tối đa {MAX_BYTES // 2**20} MB)")
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"không đọc được tệp: {e.strerror or e}") from e
    if not data.strip():
        raise ReadError("tệp rỗng")
    return Document(doc=path.name, text=decode(data, encoding), source=str(path))


def inputs(paths: Iterable[str]) -> list[str]:
    """Files as given, the text files inside folders (recursively, in name order), "-" for stdin."""
    found: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            found.extend(str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        else:
            found.append(p)
    return found


def load(item: str, encoding: str | None = None) -> Document | FileError:
    """A Document, or a FileError saying why not: one bad file never stops a batch."""
    if item == "-":
        try:
            return Document(doc="stdin", text=decode(sys.stdin.buffer.read(), encoding), source="-")
        except ReadError as e:
            return FileError(doc="stdin", path="-", error=str(e))
    path = Path(item)
    try:
        return read_file(path, encoding)
    except ReadError as e:
        return FileError(doc=path.name, path=item, error=str(e))
