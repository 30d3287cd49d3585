"""The spec's matching rule: same kind, values within 0.5%, overlapping spans; one-to-one."""
from __future__ import annotations

from extractor.models import Figure

RELATIVE_TOLERANCE = 0.005


def values_agree(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) < RELATIVE_TOLERANCE * max(abs(a), abs(b))


def compatible(pred: Figure, gold: Figure) -> bool:
    return (
        pred.kind == gold.kind
        and values_agree(pred.value, gold.value)
        and pred.start < gold.end
        and gold.start < pred.end
    )


def match(predicted: list[Figure], gold: list[Figure]) -> list[tuple[int, int]]:
    """A largest one-to-one matching (pred index, gold index), found by augmenting paths."""
    options = [[p for p, pf in enumerate(predicted) if compatible(pf, gf)] for gf in gold]
    owner: dict[int, int] = {}  # pred index → gold index

    def claim(g: int, seen: set[int]) -> bool:
        for p in options[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or claim(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        claim(g, set())
    return sorted(((p, g) for p, g in owner.items()), key=lambda pg: pg[1])
