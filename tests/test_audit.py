"""The audit, as the spec describes it: each check, its tolerance, and its verdicts."""
from pathlib import Path

import pytest

from evaluation.audit_eval import _format_like
from extractor import extract_text
from extractor.audit import audit
from extractor.intervals import of
from extractor.rules import AUDIT_RULE_FILES, load

EXAMPLES = [(name, i, ex) for name in AUDIT_RULE_FILES for i, ex in enumerate(load(name).examples)]
CORPUS = Path(__file__).parents[1] / "corpus"


def findings(text: str):
    return audit("t", text, extract_text(text).figures)


@pytest.mark.parametrize("name,i,example", EXAMPLES, ids=[f"{n}-{i}" for n, i, _ in EXAMPLES])
def test_relation_example_gives_expected_findings(name, i, example):
    got = [{"check": f.check, "verdict": f.verdict} for f in findings(example.text)]
    assert got == example.expect, example.text


def test_53_percent_is_right_for_10_of_19():
    [share] = [f for f in findings("Có 19 người, trong đó nữ là 10 người, chiếm 53%.") if f.check == "percent_of_base"]
    assert share.verdict == "consistent"


def test_khoang_widens_the_interval():
    text = "Tổng kinh phí khoảng 100 triệu đồng, gồm quỹ A 52 triệu đồng và quỹ B 55 triệu đồng."
    assert [f.verdict for f in findings(text)] == ["consistent"]


def test_exact_total_off_by_seven_percent_is_inconsistent():
    text = "Tổng kinh phí 100 triệu đồng, gồm quỹ A 52 triệu đồng và quỹ B 55 triệu đồng."
    assert [f.verdict for f in findings(text)] == ["inconsistent"]


def test_a_table_cell_under_trieu_dong_stands_for_its_last_printed_digit():
    text = ("STT | Nội dung | Số tiền (triệu đồng)\nI | Tồn đầu năm | 412,4\nII | Thu trong năm | 1.528,9\n"
            "III | Chi trong năm | 1.369,5\nIV | Tồn cuối năm (I + II - III) | 571,7")
    [balance] = [f for f in findings(text) if f.check == "balance"]
    assert balance.verdict == "consistent"  # 412,35 + 1.528,85 − 1.369,55 ≤ 571,75


def test_4_021_ty_dong_is_read_to_the_million():
    [figure] = extract_text("Tổng kinh phí 4,021 tỷ đồng.").figures
    assert (of(figure).lo, of(figure).hi) == (4_020_500_000, 4_021_500_000)


def test_a_finding_names_its_figures_with_offsets():
    text = "Tổng kinh phí 100 triệu đồng, gồm quỹ A 52 triệu đồng và quỹ B 55 triệu đồng."
    [f] = findings(text)
    assert [(r.text, text[r.start:r.end]) for r in f.figures][0] == ("100 triệu đồng", "100 triệu đồng")
    assert f.message and f.expected and f.reported


def test_seed_001_contributions_against_tren_79_trieu_are_undecidable():
    text = (CORPUS / "001_a4de4ebd0805d9b5.txt").read_text("utf-8")
    [f] = [f for f in findings(text) if f.check == "parts_total"]
    assert f.verdict == "undecidable"


def test_seed_000_has_no_inconsistency():
    text = (CORPUS / "000_7347d4fa7707b08a.txt").read_text("utf-8")
    assert {f.verdict for f in findings(text)} == {"consistent"}


@pytest.mark.parametrize("literal,figure,value,written", [
    ("1.236", "1.236 người", 1854, "1.854"), ("53", "53%", 68, "68"), ("13,3", "13,3%", 19.96, "20,0"),
    ("09", "09 người", 14, "14"), ("05", "05 CĐCS", 8, "08"), ("1,946", "1,946 tỷ đồng", 2.919, "2,919"),
])
def test_injected_numbers_keep_the_style_of_the_text(literal, figure, value, written):
    assert _format_like(literal, value, figure) == written
