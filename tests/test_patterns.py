"""Every example in patterns/*.yaml is run through the whole extractor, as Duckling runs its corpus."""
import pytest

from extractor import extract_text
from extractor.rules import EXTRACTION_RULE_FILES as RULE_FILES, load

EXAMPLES = [(name, i, ex) for name in RULE_FILES for i, ex in enumerate(load(name).examples)]
NEGATIVES = [(name, text) for name in RULE_FILES for text in load(name).negatives]


@pytest.mark.parametrize("name,i,example", EXAMPLES, ids=[f"{n}-{i}" for n, i, _ in EXAMPLES])
def test_example_yields_expected_figures(name, i, example):
    figures = [f.model_dump() for f in extract_text(example.text).figures]
    assert len(figures) == len(example.expect), f"{example.text!r} gave {[f['text'] for f in figures]}"
    for got, want in zip(figures, example.expect):
        assert {k: got[k] for k in want} == want, f"{example.text!r}: {got}"


@pytest.mark.parametrize("name,text", NEGATIVES, ids=[f"{n}-neg{i}" for i, (n, _) in enumerate(NEGATIVES)])
def test_negative_example_yields_nothing(name, text):
    assert [f.text for f in extract_text(text).figures] == []


def test_every_rule_file_has_examples():
    assert all(load(name).examples for name in RULE_FILES)
