"""Records that cross stage boundaries; `Figure` is the spec's contract, field for field."""
from __future__ import annotations

from bisect import bisect_right
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Kind(str, Enum):
    count = "count"
    percent = "percent"
    money = "money"


class Role(str, Enum):
    actual = "actual"
    target = "target"


class Qualifier(str, Enum):
    exact = "exact"
    approx = "approx"
    over = "over"
    under = "under"
    at_least = "at_least"
    at_most = "at_most"


class Figure(BaseModel):
    """One number a report states about the world (see shared/spec/figures.md)."""

    model_config = ConfigDict(use_enum_values=True)

    doc: str
    kind: Kind
    role: Role = Role.actual
    value: float | int
    value_max: float | int | None = None
    qualifier: Qualifier = Qualifier.exact
    unit: str
    subject: str = ""
    per: str | None = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = None


class Part(BaseModel):
    """Where a stretch of the document text came from, for paged and tabular inputs."""

    start: int
    end: int
    page: int | None = None
    table: int | None = None  # the n-th table of the document (1-based), when the stretch is a table row


class Document(BaseModel):
    """Text as the extractor sees it: offsets of every record index `text`."""

    doc: str
    text: str
    source: str | None = None
    format: str = "text"  # text, pdf, docx, doc, rtf, html, image
    encoding: str | None = None
    parts: list[Part] = []

    def page_at(self, offset: int) -> int | None:
        """Parts are in text order, so a binary search finds the one holding `offset`."""
        i = bisect_right(self.parts, offset, key=lambda part: part.start) - 1
        return self.parts[i].page if i >= 0 and offset < self.parts[i].end else None


class FileError(BaseModel):
    """A file that could not be turned into a Document; the batch goes on without it."""

    doc: str
    path: str
    error: str


class DocumentResult(BaseModel):
    doc: str
    length: int
    figures: list[Figure]
    findings: list["Finding"] | None = None  # filled by the audit when asked for


class BatchResult(BaseModel):
    documents: list[DocumentResult]
    errors: list[FileError] = []


class Verdict(str, Enum):
    consistent = "consistent"
    inconsistent = "inconsistent"
    undecidable = "undecidable"


class FigureRef(BaseModel):
    start: int
    end: int
    text: str


class Finding(BaseModel):
    """One audit check of a report against itself, with the figures it rests on."""

    model_config = ConfigDict(use_enum_values=True)

    doc: str
    check: str  # parts_total | part_exceeds_total | percent_of_base | shares_100 | product | balance | restated
    verdict: Verdict
    figures: list[FigureRef]
    expected: str
    reported: str
    difference: str
    message: str


DocumentResult.model_rebuild()
