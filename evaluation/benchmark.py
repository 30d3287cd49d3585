"""`python -m evaluation.benchmark [MB]`: throughput and peak memory of extraction, and the audit's time, on one core.

The corpus is repeated up to the requested size and split into documents as they are, so the
mix of figure-dense and plain text stays that of real reports. Numbers go to the README; no
test asserts a speed.
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from extractor import extract_text, segment
from extractor.audit import audit
from extractor.reading import read_file


def main(megabytes: float = 2.0, corpus: Path = Path("corpus")) -> None:
    texts = [read_file(p).text for p in sorted(corpus.glob("*.txt"))]
    extract_text(texts[0])  # load rules and the segmenter outside the timing
    batch, size = [], 0
    while size < megabytes * 1e6:
        for t in texts:
            batch.append(t)
            size += len(t.encode("utf-8"))
    results = []
    start = time.perf_counter()
    for i, t in enumerate(batch):
        if i % len(texts) == 0:
            segment.words.cache_clear()  # a repeated corpus must not be served from the cache
        results.append(extract_text(t, f"doc{i}"))
    seconds = time.perf_counter() - start
    figures = sum(len(r.figures) for r in results)
    start = time.perf_counter()
    findings = sum(len(audit(f"doc{i}", t, r.figures)) for i, (t, r) in enumerate(zip(batch, results)))
    audit_seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(batch)} documents, {size / 1e6:.2f} MB, {figures} figures in {seconds:.2f} s: "
          f"{size / 1e6 / seconds:.2f} MB/s, {len(batch) / seconds:.0f} documents/s, peak RSS {peak:.0f} MB")
    print(f"audit: {findings} findings in {audit_seconds:.2f} s ({len(batch) / audit_seconds:.0f} documents/s)")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0)
