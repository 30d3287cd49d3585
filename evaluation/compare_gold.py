"""`python -m evaluation.compare_gold DIR_A DIR_B [TEXTS]`: where two annotators disagree.

Uses the evaluation's matching rule, so a disagreement here is exactly what would count as an
error if one annotation were scored against the other.
"""
from __future__ import annotations

import sys
from pathlib import Path

from extractor.reading import read_file

from . import gold
from .harness import Report, markdown, new_report, score_document, total


def compare(dir_a: Path, dir_b: Path, texts: Path) -> Report:
    report = new_report()
    for path_a in sorted(dir_a.glob("*.gold.json")):
        path_b = dir_b / path_a.name
        if not path_b.exists():
            continue
        a, b = gold.load(path_a), gold.load(path_b)
        text = read_file(texts / a.doc).text
        score_document(text, a.doc, b.figures, a.figures, report)
        report.documents += 1
    return total(report)


if __name__ == "__main__":
    a, b = Path(sys.argv[1]), Path(sys.argv[2])
    texts = Path(sys.argv[3]) if len(sys.argv) > 3 else Path("corpus")
    print(markdown(compare(a, b, texts), errors=True).replace("miss", "only_A").replace("false_alarm", "only_B"))
