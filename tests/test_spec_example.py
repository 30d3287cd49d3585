"""The spec's own examples, record for record."""
from pathlib import Path

from extractor import extract_text

SEED_000 = Path(__file__).parents[1] / "corpus" / "000_7347d4fa7707b08a.txt"


def test_seed_000_opening_gives_the_three_records_of_the_spec():
    text = SEED_000.read_text("utf-8")
    figures = [f.model_dump() for f in extract_text(text, "000_7347d4fa7707b08a.txt").figures[:3]]
    assert figures == [
        {"doc": "000_7347d4fa7707b08a.txt", "kind": "count", "role": "actual", "value": 19, "value_max": None, "qualifier": "exact", "unit": "người", "subject": "viên chức, người lao động của Trung tâm", "per": None, "text": "19 người", "start": 74, "end": 82, "page": None},
        {"doc": "000_7347d4fa7707b08a.txt", "kind": "count", "role": "actual", "value": 10, "value_max": None, "qualifier": "exact", "unit": "người", "subject": "nữ", "per": None, "text": "10 người", "start": 100, "end": 108, "page": None},
        {"doc": "000_7347d4fa7707b08a.txt", "kind": "percent", "role": "actual", "value": 53, "value_max": None, "qualifier": "exact", "unit": "%", "subject": "nữ", "per": None, "text": "53%", "start": 116, "end": 119, "page": None},
    ]


def test_approximate_money_with_scale_word():
    [f] = extract_text("Tổng số tiền chi khen thưởng thi đua khoảng 132,4 triệu đồng.").figures
    assert (f.kind, f.value, f.qualifier, f.text, f.subject) == (
        "money", 132400000, "approx", "khoảng 132,4 triệu đồng", "chi khen thưởng thi đua")


def test_rate_denominator_goes_to_per_not_text():
    [f] = extract_text("với tổng số tiền: 8.000.000 đồng/5 năm;").figures
    assert (f.text, f.per) == ("8.000.000 đồng", "5 năm")


def test_both_figures_of_a_target_list_are_targets():
    figures = extract_text("Phấn đấu 80% đoàn viên công đoàn là đảng viên và 100% quần chúng tham gia học tập").figures
    assert [(f.value, f.role) for f in figures] == [(80, "target"), (100, "target")]


def test_digit_zero_is_a_figure_but_khong_co_is_not():
    assert [f.value for f in extract_text("Ngoài biên chế: 0").figures] == [0]
    assert extract_text("Không có đoàn viên vi phạm pháp luật.").figures == []


def test_offsets_index_the_document_text():
    text = SEED_000.read_text("utf-8")
    assert all(text[f.start:f.end] == f.text for f in extract_text(text).figures)
