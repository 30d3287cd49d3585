"""The spaCy view of a result: a `Doc` whose `spans["figures"]` carry the records."""
from __future__ import annotations

from functools import cache

import regex
import spacy
from spacy.tokens import Doc, Span

from .models import DocumentResult

if not Span.has_extension("figure"):
    Span.set_extension("figure", default=None)


@cache
def _vocab():
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).vocab


def to_doc(text: str, result: DocumentResult) -> Doc:
    """Tokens are cut at blanks and at every figure boundary, so each figure is an exact span
    and `doc.text` is the document text itself."""
    cuts = {f.start for f in result.figures} | {f.end for f in result.figures}
    words: list[str] = []
    spaces: list[bool] = []
    for m in regex.finditer(r"\S+|\s+", text):
        piece, start = m.group(), m.start()
        if piece == " " and words and not spaces[-1]:
            spaces[-1] = True
            continue
        if piece.isspace():
            words.append(piece)
            spaces.append(False)
            continue
        inner = sorted(c for c in cuts if start < c < m.end())
        for a, b in zip([start, *inner], [*inner, m.end()]):
            words.append(text[a:b])
            spaces.append(False)
    doc = Doc(_vocab(), words=words, spaces=spaces)
    spans = []
    for figure in result.figures:
        span = doc.char_span(figure.start, figure.end)
        span._.figure = figure
        spans.append(span)
    doc.spans["figures"] = spans
    return doc
