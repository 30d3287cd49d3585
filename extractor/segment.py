"""Vietnamese word segmentation and tagging (underthesea), only on the short phrases where words matter.

Segmenting every sentence would run at about 0.1 MB/s; subjects need a few words around each
figure, so only those windows are segmented, and repeated phrases are cached.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=20000)
def words(phrase: str) -> tuple[str, ...]:
    """Words of a phrase: "đoàn viên công đoàn là đảng viên" → ("đoàn viên", "công đoàn", "là", ...)."""
    if not phrase.strip():
        return ()
    from underthesea import word_tokenize

    return tuple(word_tokenize(phrase))


@lru_cache(maxsize=20000)
def noun_after_number(phrase: str) -> str | None:
    """The noun a number counts when the rule files don't list it ("850 túi an sinh" → "túi").

    `phrase` starts with the number; the word after it must be tagged a noun or classifier."""
    from underthesea import pos_tag

    tagged = pos_tag(phrase)
    if len(tagged) < 2 or not any(ch.isdigit() for ch in tagged[0][0]):
        return None
    word, tag = tagged[1]
    return word if tag in ("N", "Nc") else None
