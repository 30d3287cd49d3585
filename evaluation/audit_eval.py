"""Measures the audit by error injection: break each gold relation in the text, see it flagged.

For every relation the gold marks consistent, one of its figures is rewritten in the document
text (same style of number, a value that no longer fits) and the document is extracted and
audited again; the relation counts as detected when an inconsistency is reported on the
altered figure. Unaltered documents measure false alarms: an inconsistency the gold does not
expect.
"""
from __future__ import annotations

from pathlib import Path

import regex
from pydantic import BaseModel

from extractor import Document, extract
from extractor.reading import read_file

from . import gold as gold_files
from .gold import GoldRelation

_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")


class AuditCase(BaseModel):
    doc: str
    check: str
    altered: str  # "old → new" at the altered figure
    detected: bool


class AuditReport(BaseModel):
    documents: int
    relations: int
    verdicts_agreeing: int  # unaltered: gold relations whose verdict the audit reproduces
    cases: list[AuditCase]
    false_alarm_docs: list[str]

    @property
    def detection_rate(self) -> float:
        return sum(c.detected for c in self.cases) / len(self.cases) if self.cases else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarm_docs) / self.documents if self.documents else 0.0


_SCALED = regex.compile(r"\d\s*(?:%|nghìn|ngàn|triệu|tỷ|tỉ)", regex.IGNORECASE)


def _comma_thousands(literal: str, figure_text: str) -> bool:
    """"1,842,480,000" groups thousands; "1,946 tỷ đồng" and "13,333%" are decimals."""
    return bool(regex.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", literal)
                or regex.fullmatch(r"\d{1,3},\d{3}", literal) and not _SCALED.search(figure_text))


def _format_like(literal: str, value: float, figure_text: str = "") -> str:
    """Write `value` the way `literal` was written ("1.236" → "1.854", "53" → "68", "13,3" → "20,0")."""
    decimals = len(literal.rsplit(",", 1)[1]) if "," in literal and not _comma_thousands(literal, figure_text) else 0
    whole = f"{value:.{decimals}f}"
    head, _, tail = whole.partition(".")
    if "." in literal and not decimals or regex.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", literal):
        head = f"{int(head):,}".replace(",", ".")
    width = len(literal.split(",")[0].split(".")[0]) if literal.startswith("0") else 0
    head = head.zfill(width)
    return f"{head},{tail}" if decimals else head


def _new_value(check: str, number: float) -> float:
    if check in ("percent_of_base", "shares_100"):
        return number + 15 if number <= 80 else number - 25
    return max(number * 1.5, number + 3)


def _target(rel: GoldRelation):
    wanted = {"parts_total": "part", "percent_of_base": "percent", "shares_100": "share", "restated": "second"}
    same = [f for f in rel.figures if f.part == wanted.get(rel.check)]
    return max(same or rel.figures, key=lambda f: f.end - f.start)


def alter(text: str, rel: GoldRelation) -> tuple[str, int, int, str] | None:
    """The text with one figure of the relation rewritten, the new span and a description."""
    figure = _target(rel)
    m = _NUMBER.search(figure.text)
    if not m:
        return None
    literal = m.group()
    number = float(literal.replace(",", "")) if _comma_thousands(literal, figure.text) \
        else float(literal.replace(".", "").replace(",", "."))
    new = _format_like(literal, _new_value(rel.check, number), figure.text)
    start = figure.start + m.start()
    altered = text[:start] + new + text[start + len(literal):]
    new_end = figure.end + len(new) - len(literal)
    return altered, figure.start, new_end, f"{figure.text} → {figure.text.replace(literal, new, 1)}"


def _inconsistent_spans(doc: str, text: str) -> list[list[tuple[int, int]]]:
    result = extract(Document(doc=doc, text=text), with_audit=True)
    return [[(r.start, r.end) for r in f.figures] for f in result.findings or [] if f.verdict == "inconsistent"]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _verdict_agrees(rel: GoldRelation, findings) -> bool:
    spans = [(f.start, f.end) for f in rel.figures]
    for finding in findings:
        refs = [(r.start, r.end) for r in finding.figures]
        if finding.check.startswith(rel.check.split("_")[0]) and all(_overlaps(refs, s, e) for s, e in spans[:2]):
            return finding.verdict == rel.verdict
    return False


def evaluate(corpus: Path) -> AuditReport:
    report = AuditReport(documents=0, relations=0, verdicts_agreeing=0, cases=[], false_alarm_docs=[])
    for text_path, gold_path in gold_files.pairs(corpus):
        gold = gold_files.load(gold_path)
        document = read_file(text_path)
        text = document.text
        report.documents += 1
        result = extract(document, with_audit=True)
        expected_bad = [(f.start, f.end) for r in gold.relations if r.verdict == "inconsistent" for f in r.figures]
        if any(not any(_overlaps(expected_bad, r.start, r.end) for r in f.figures)
               for f in result.findings or [] if f.verdict == "inconsistent"):
            report.false_alarm_docs.append(document.doc)
        for rel in gold.relations:
            report.relations += 1
            report.verdicts_agreeing += _verdict_agrees(rel, result.findings or [])
            if rel.verdict != "consistent" or not (change := alter(text, rel)):
                continue
            altered, start, end, description = change
            flagged = any(_overlaps(spans, start, end) for spans in _inconsistent_spans(document.doc, altered))
            report.cases.append(AuditCase(doc=document.doc, check=rel.check, altered=description, detected=flagged))
    return report


def markdown(report: AuditReport, errors: bool = False) -> str:
    by_check: dict[str, list[AuditCase]] = {}
    for c in report.cases:
        by_check.setdefault(c.check, []).append(c)
    lines = [
        f"Đối chiếu: {report.documents} tài liệu, {report.relations} quan hệ vàng, "
        f"{report.verdicts_agreeing} kết luận khớp với nhãn vàng trên văn bản gốc.",
        "",
        "| check | altered documents | flagged | detection rate |",
        "|---|---:|---:|---:|",
    ]
    for check, cases in sorted(by_check.items()):
        hit = sum(c.detected for c in cases)
        lines.append(f"| {check} | {len(cases)} | {hit} | {hit / len(cases):.3f} |")
    hit = sum(c.detected for c in report.cases)
    lines.append(f"| all | {len(report.cases)} | {hit} | {report.detection_rate:.3f} |")
    lines += ["", f"False alarms on unaltered documents: {len(report.false_alarm_docs)} of {report.documents} "
                  f"({report.false_alarm_rate:.3f}) {', '.join(report.false_alarm_docs)}"]
    if errors:
        missed = [c for c in report.cases if not c.detected]
        if missed:
            lines += ["", "| doc | check | altered, not flagged |", "|---|---|---|"]
            lines += [f"| {c.doc} | {c.check} | {c.altered} |" for c in missed]
    return "\n".join(lines) + "\n"
