"""Reading Vietnamese numbers."""
import pytest

from extractor.numbers import NotANumber, read_digits, read_spelled


@pytest.mark.parametrize("literal,kind,scaled,value", [
    ("88.958.000", "money", False, 88958000),
    ("132,4", "money", True, 132.4),
    ("2,607", "money", True, 2.607),
    ("1,500", "count", False, 1500),
    ("250,000", "money", False, 250000),
    ("95,5", "percent", False, 95.5),
    ("2.5", "percent", False, 2.5),
    ("09", "count", False, 9),
    ("1.234.567,5", "money", False, 1234567.5),
    ("1.250", "money", True, 1250),
])
def test_digits(literal, kind, scaled, value):
    assert read_digits(literal, kind=kind, scaled=scaled) == value


@pytest.mark.parametrize("words,value", [
    ("hai mươi lăm", 25), ("một trăm linh năm", 105), ("ba nghìn", 3000),
    ("ba mươi mốt", 31), ("năm mươi", 50), ("mười hai", 12), ("hai mươi tư", 24),
])
def test_spelled(words, value):
    assert read_spelled(words.split()) == value


@pytest.mark.parametrize("words", ["một", "năm", "hai năm", "triệu"])
def test_ambiguous_words_are_not_numbers(words):
    with pytest.raises(NotANumber):
        read_spelled(words.split())
