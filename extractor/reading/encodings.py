"""Bytes to NFC Unicode, for the encodings Vietnamese archives still hold.

UTF-8 and UTF-16 (with BOM) are read as they are; anything else is tried as Windows-1258
and as the legacy 8-bit tables TCVN3 (ABC, .Vn fonts), VNI-Windows and VISCII, whose
conversion tables come from viparse (checked against real government documents). The
reading that looks most like Vietnamese wins. UTF-8 text that still carries a legacy
font's Latin-1 look-alikes (TCVN3 copied out of a PDF or Word file) is converted too.
"""
from __future__ import annotations

import codecs
import unicodedata

from viparse.normalize.detector import detect_encoding_by_content
from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS, CHARMAPS
from viparse.normalize.frequency import vietnamese_score
from viparse.normalize.tables import convert

LEGACY = tuple(CHARMAPS)  # tcvn3, vni, viscii, vps: read from Latin-1 bytes through a table
MIN_SCORE = -6.0  # below this mean log-probability no reading looks like Vietnamese


class DecodeError(ValueError):
    pass


def _legacy(data: bytes, name: str) -> str:
    return convert(data.decode("latin-1"), CHARMAPS[name])


def _candidates(data: bytes) -> dict[str, str]:
    found = {name: _legacy(data, name) for name in AUTO_DETECT_CHARMAPS}
    try:
        found["windows-1258"] = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        pass
    return found


def _looks_like_prose(text: str) -> bool:
    """Vietnamese in any encoding is mostly ASCII letters and spaces; random bytes are not."""
    if not text:
        return False
    plain = sum(ch.isascii() and (ch.isalnum() or ch.isspace()) for ch in text)
    return plain / len(text) >= 0.5 and sum(ch.isspace() for ch in text) / len(text) >= 0.05


def fix_legacy_lookalikes(text: str) -> tuple[str, str | None]:
    """Unicode text whose letters are a legacy font's Latin-1 look-alikes ("Hµ Néi"), converted."""
    detection = detect_encoding_by_content(text, AUTO_DETECT_CHARMAPS)
    if detection.encoding:
        return convert(text, CHARMAPS[detection.encoding]), detection.encoding
    return text, None


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The NFC text and the name of the encoding it was read with."""
    if encoding:
        name = encoding.lower().replace("_", "-")
        try:
            text = _legacy(data, name) if name in LEGACY else data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as e:
            raise DecodeError(f"không giải mã được bằng bảng mã {encoding}: {e}") from e
        return unicodedata.normalize("NFC", text), name
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return unicodedata.normalize("NFC", data.decode(name)), name
    if b"\x00" in data[:4096]:
        raise DecodeError("tệp có vẻ là tệp nhị phân (chứa byte NUL), không phải văn bản")
    try:
        text = unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    else:
        fixed, legacy = fix_legacy_lookalikes(text)
        return fixed, legacy or "utf-8"
    readings = _candidates(data)
    name, text = max(readings.items(), key=lambda kv: vietnamese_score(kv[1]))
    if vietnamese_score(text) < MIN_SCORE or not _looks_like_prose(text):
        raise DecodeError("không nhận ra bảng mã (không phải UTF-8, Windows-1258, TCVN3, VNI hay VISCII); "
                          "hãy chỉ rõ bằng --encoding")
    return text, name
