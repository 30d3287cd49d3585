"""The spaCy document view."""
from extractor import extract_text
from extractor.container import to_doc

TEXT = "Trung tâm có 19 người,  trong đó nữ là 10 người, chiếm 53%.\nTổng số tiền khoảng 132,4 triệu đồng."


def test_doc_text_is_the_document_text_and_figures_are_spans():
    result = extract_text(TEXT)
    doc = to_doc(TEXT, result)
    assert doc.text == TEXT
    spans = doc.spans["figures"]
    assert [s.text for s in spans] == [f.text for f in result.figures]
    assert spans[-1]._.figure.value == 132400000
