"""`python -m evaluation.check_gold corpus/`: every gold record must index its own text."""
from __future__ import annotations

import sys
from pathlib import Path

from extractor.reading import read_file

from . import gold


def main(folder: str) -> int:
    bad = 0
    for text_path, gold_path in gold.pairs(Path(folder)):
        found = gold.problems(read_file(text_path).text, gold.load(gold_path))
        for problem in found:
            print(f"{gold_path.name}: {problem}")
        bad += bool(found)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "corpus"))
