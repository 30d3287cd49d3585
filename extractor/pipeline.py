"""One direction of flow: normalise → candidates → quantities (and table cells) → role, subject → records → audit."""
from __future__ import annotations

from . import audit, candidates, quantities, roles, subjects, tables
from .models import Document, DocumentResult, Figure
from .normalise import prepare
from .sentences import Layout


def extract(document: Document, with_audit: bool = False) -> DocumentResult:
    prepared = prepare(document.doc, document.text)  # readers give NFC text, so offsets index document.text
    text = prepared.text
    layout = Layout(text)
    found, unclaimed = quantities.read(text, candidates.find(prepared))
    bare = tables.read(text, layout, unclaimed, found)
    labelled = {id(q): label for q, label, _ in bare}
    headers = {id(q): header for q, _, header in bare}
    ordered = sorted(found + [q for q, _, _ in bare], key=lambda q: q.start)
    named = subjects.read(text, layout, ordered)
    role_of = roles.RoleReader(text, layout).role
    figures = [
        Figure(
            doc=document.doc,
            kind=q.kind,
            role=role_of(q.start, headers.get(id(q), ""), q.end),
            value=_number(q.value),
            value_max=None if q.value_max is None else _number(q.value_max),
            qualifier=q.qualifier,
            unit=q.unit,
            subject=labelled.get(id(q), subject),
            per=q.per,
            text=text[q.start:q.end],
            start=q.start,
            end=q.end,
            page=document.page_at(q.start),
        )
        for q, subject in zip(ordered, named)
    ]
    findings = audit.audit(document.doc, text, figures) if with_audit else None
    return DocumentResult(doc=document.doc, length=len(text), figures=figures, findings=findings)


def extract_text(text: str, doc: str = "text") -> DocumentResult:
    return extract(Document(doc=doc, text=text))


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)
