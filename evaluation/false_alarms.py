"""`python -m evaluation.false_alarms [DIR]`: documents whose arithmetic is all correct, audited.

`evaluation/consistent/` holds reports written with every relation checked by a script and no
slip left in, so any inconsistency the audit reports there is a false alarm. Prints each one and
the share of documents with at least one.
"""
from __future__ import annotations

import sys
from pathlib import Path

from extractor import extract
from extractor.reading import read_file


def main(folder: Path = Path(__file__).parent / "consistent") -> None:
    paths = sorted(folder.glob("*.txt"))
    alarmed = 0
    for path in paths:
        result = extract(read_file(path), with_audit=True)
        wrong = [f for f in result.findings or [] if f.verdict == "inconsistent"]
        alarmed += bool(wrong)
        for f in wrong:
            print(f"{path.name} · {f.check} · {f.message}")
    print(f"Báo động nhầm: {alarmed} trên {len(paths)} tài liệu ({alarmed / len(paths):.3f})" if paths else "Không có tài liệu.")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "consistent")
