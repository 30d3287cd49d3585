"""Vietnamese word segmentation (underthesea), used only on the short phrases where words matter.

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
