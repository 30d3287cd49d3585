"""Gold files: `corpus/NAME.gold.json` beside `corpus/NAME.txt` (format in corpus/ANNOTATION.md)."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from extractor.models import Figure


class RelationFigure(BaseModel):
    start: int
    end: int
    text: str
    part: str  # total, part, percent, base, share, first, second


class GoldRelation(BaseModel):
    """An audit expectation: figures the text ties together, and how a careful auditor judges them."""

    check: str  # parts_total | percent_of_base | shares_100 | restated
    figures: list[RelationFigure]
    verdict: str
    note: str = ""


class GoldFile(BaseModel):
    doc: str
    annotators: list[str] = []
    notes: list[str] = []
    figures: list[Figure]
    relations: list[GoldRelation] = []


def gold_path(text_path: Path) -> Path:
    return text_path.with_name(text_path.stem + ".gold.json")


def load(path: Path) -> GoldFile:
    return GoldFile.model_validate(json.loads(path.read_text("utf-8")))


def pairs(corpus: Path) -> list[tuple[Path, Path]]:
    """(text, gold) for every document of a corpus folder that has a gold file (subfolders are corpora of their own)."""
    return [(t, gold_path(t)) for t in sorted(corpus.glob("*.txt")) if gold_path(t).exists()]


def problems(text: str, gold: GoldFile) -> list[str]:
    """What is wrong with a gold file against its text (empty when it is sound)."""
    found = []
    for i, f in enumerate(gold.figures):
        if text[f.start:f.end] != f.text:
            found.append(f"#{i} {f.text!r}: text[{f.start}:{f.end}] is {text[f.start:f.end]!r}")
        if f.doc != gold.doc:
            found.append(f"#{i} {f.text!r}: doc {f.doc!r} is not {gold.doc!r}")
        if f.kind == "money" and not float(f.value).is_integer():
            found.append(f"#{i} {f.text!r}: money value {f.value} is not whole đồng")
    starts = [f.start for f in gold.figures]
    if starts != sorted(starts):
        found.append("figures are not in text order")
    spans = {(f.start, f.end, f.text) for f in gold.figures}
    for r in gold.relations:
        found.extend(f"relation {r.check}: {f.text!r} at {f.start} is not a gold figure"
                     for f in r.figures if (f.start, f.end, f.text) not in spans)
    return found
