"""Scores the extractor on a corpus: P/R/F1 overall and per kind, attribute accuracy, every error."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from extractor import Document, extract
from extractor.models import Figure
from extractor.reading import read_file

from . import gold as gold_files
from .match import match

KINDS = ("count", "percent", "money")
ATTRIBUTES = ("role", "qualifier", "unit")


class Score(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Error(BaseModel):
    doc: str
    type: str  # "miss" (gold not found), "false_alarm" (prediction not in gold), or an attribute name
    text: str
    start: int
    end: int
    kind: str
    expected: str | None = None
    got: str | None = None
    context: str


class Report(BaseModel):
    documents: int
    overall: Score
    per_kind: dict[str, Score]
    attributes: dict[str, list[int]]  # name → [agreeing, matched]
    subjects: list[int] = [0, 0, 0]  # [same words, sharing a word, matched]: subjects are informative, not scored
    errors: list[Error]


def _context(text: str, f: Figure, width: int = 50) -> str:
    left = text[max(0, f.start - width):f.start].replace("\n", " ")
    right = text[f.end:f.end + width].replace("\n", " ")
    return f"…{left}[{text[f.start:f.end]}]{right}…"


def _norm(attr: str, value) -> str:
    return str(value).casefold() if attr == "unit" else str(value)


def score_document(text: str, doc: str, predicted: list[Figure], gold: list[Figure], report: Report) -> None:
    pairs = match(predicted, gold)
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    for kind in KINDS:
        s = report.per_kind[kind]
        s.tp += sum(1 for _, g in pairs if gold[g].kind == kind)
        s.fp += sum(1 for i, f in enumerate(predicted) if i not in matched_p and f.kind == kind)
        s.fn += sum(1 for i, f in enumerate(gold) if i not in matched_g and f.kind == kind)
    for i, f in enumerate(gold):
        if i not in matched_g:
            report.errors.append(Error(doc=doc, type="miss", text=f.text, start=f.start, end=f.end, kind=f.kind,
                                       expected=f"{f.value} {f.unit} {f.role} {f.qualifier}", context=_context(text, f)))
    for i, f in enumerate(predicted):
        if i not in matched_p:
            report.errors.append(Error(doc=doc, type="false_alarm", text=f.text, start=f.start, end=f.end, kind=f.kind,
                                       got=f"{f.value} {f.unit} {f.role} {f.qualifier}", context=_context(text, f)))
    for p, g in pairs:
        got, want = predicted[p].subject.casefold().split(), gold[g].subject.casefold().split()
        report.subjects[0] += got == want
        report.subjects[1] += bool(set(got) & set(want))
        report.subjects[2] += 1
        for attr in ATTRIBUTES:
            want, got = getattr(gold[g], attr), getattr(predicted[p], attr)
            agree = _norm(attr, want) == _norm(attr, got)
            report.attributes[attr][0] += agree
            report.attributes[attr][1] += 1
            if not agree:
                f = gold[g]
                report.errors.append(Error(doc=doc, type=attr, text=f.text, start=f.start, end=f.end, kind=f.kind,
                                           expected=str(want), got=str(got), context=_context(text, f)))


def new_report() -> Report:
    return Report(documents=0, overall=Score(), per_kind={k: Score() for k in KINDS},
                  attributes={a: [0, 0] for a in ATTRIBUTES}, errors=[])


def total(report: Report) -> Report:
    report.overall = Score(
        tp=sum(s.tp for s in report.per_kind.values()),
        fp=sum(s.fp for s in report.per_kind.values()),
        fn=sum(s.fn for s in report.per_kind.values()),
    )
    return report


def evaluate(corpus: Path) -> Report:
    report = new_report()
    for text_path, gold_path in gold_files.pairs(corpus):
        document: Document = read_file(text_path)
        gold = gold_files.load(gold_path)
        predicted = extract(document).figures
        score_document(document.text, document.doc, predicted, gold.figures, report)
        report.documents += 1
    return total(report)


def markdown(report: Report, errors: bool = False) -> str:
    lines = [
        f"Đánh giá trên {report.documents} tài liệu (quy tắc khớp của spec: cùng loại, giá trị lệch < 0,5%, khoảng chữ giao nhau).",
        "",
        "| kind | gold | predicted | matched | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in [*report.per_kind.items(), ("overall", report.overall)]:
        lines.append(f"| {name} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    lines += ["", "| attribute (on matched) | agree | matched | accuracy |", "|---|---:|---:|---:|"]
    for attr, (ok, n) in report.attributes.items():
        lines.append(f"| {attr} | {ok} | {n} | {ok / n if n else 1.0:.3f} |")
    same, share, n = report.subjects
    if n:
        lines.append(f"| subject, same words (informative) | {same} | {n} | {same / n:.3f} |")
        lines.append(f"| subject, a word in common (informative) | {share} | {n} | {share / n:.3f} |")
    if errors and report.errors:
        lines += ["", "| doc | error | kind | text | expected | got | context |", "|---|---|---|---|---|---|---|"]
        for e in report.errors:
            cells = [e.doc, e.type, e.kind, e.text, e.expected or "", e.got or "", e.context]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
