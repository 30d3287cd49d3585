"""Every input form, generated from corpus documents, gives the figures of the plain text."""
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from fpdf import FPDF

from extractor import Document, extract
from extractor.reading import ocr, read_file

CORPUS = Path(__file__).parents[1] / "corpus"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DOCS = ["000_7347d4fa7707b08a.txt", "107_baocao_nu_cong.txt"]
needs_font = pytest.mark.skipif(not Path(FONT).exists(), reason="cần phông DejaVu Sans (gói fonts-dejavu-core)")


def paragraphs(name: str) -> list[str]:
    return [p for p in (CORPUS / name).read_text("utf-8").split("\n") if p.strip()]


def figures(document: Document) -> Counter:
    return Counter((f.kind, f.value, f.unit, f.qualifier, f.role) for f in extract(document).figures)


def plain(name: str) -> Counter:
    return figures(Document(doc=name, text="\n".join(paragraphs(name))))


def new_pdf() -> FPDF:
    pdf = FPDF()
    pdf.add_font("dv", "", FONT)
    pdf.add_font("dv", "B", BOLD)
    pdf.set_font("dv", size=10)
    pdf.set_auto_page_break(True, margin=20)
    return pdf


def with_running_heads(pdf: FPDF) -> None:
    """Every page gets a running head and a page number, as archived reports have."""
    def header():
        pdf.set_font("dv", size=8)
        pdf.cell(0, 5, "LIÊN ĐOÀN LAO ĐỘNG TỈNH — BÁO CÁO ĐẠI HỘI CÔNG ĐOÀN CƠ SỞ", align="C")
        pdf.ln(12)
        pdf.set_font("dv", size=10)

    def footer():
        pdf.set_y(-12)
        pdf.set_font("dv", size=8)
        pdf.cell(0, 5, f"Trang {pdf.page_no()}", align="C")
        pdf.set_font("dv", size=10)

    pdf.header, pdf.footer = header, footer


@needs_font
@pytest.mark.parametrize("name", DOCS)
def test_pdf_one_column_with_running_heads(tmp_path, name):
    pdf = new_pdf()
    with_running_heads(pdf)
    pdf.add_page()
    for p in paragraphs(name):
        pdf.multi_cell(0, 5, p)
        pdf.ln(2)
    pdf.output(tmp_path / "a.pdf")
    document = read_file(tmp_path / "a.pdf")
    assert "Trang 1" not in document.text and "BÁO CÁO ĐẠI HỘI" not in document.text
    assert figures(document) == plain(name)
    pages = {f.page for f in extract(document).figures}
    assert None not in pages and len(pages) >= (2 if name == DOCS[1] else 1)


@needs_font
def test_pdf_two_columns_are_read_column_by_column(tmp_path):
    name = DOCS[1]
    text = paragraphs(name)
    half = len(text) // 2
    pdf = new_pdf()
    pdf.set_font("dv", size=7)
    pdf.add_page()
    pdf.set_xy(10, 15)
    pdf.multi_cell(90, 3.5, "\n".join(text[:half]))
    pdf.set_xy(110, 15)
    pdf.multi_cell(90, 3.5, "\n".join(text[half:]))
    pdf.output(tmp_path / "b.pdf")
    document = read_file(tmp_path / "b.pdf")
    assert figures(document) == plain(name)


@needs_font
def test_pdf_statistics_table_gives_figures_with_header_units(tmp_path):
    pdf = new_pdf()
    pdf.add_page()
    pdf.multi_cell(0, 5, "Bảng thống kê đoàn viên theo đơn vị, năm 2023:")
    rows = [["Đơn vị", "Tổng số đoàn viên", "Nữ", "Tỷ lệ nữ (%)"], ["Phòng Kế toán", "12", "9", "75,0"],
            ["Phòng Kỹ thuật", "20", "5", "25,0"], ["Tổng cộng", "32", "14", "43,8"]]
    with pdf.table() as table:
        for r in rows:
            row = table.row()
            for cell in r:
                row.cell(cell)
    pdf.output(tmp_path / "t.pdf")
    found = extract(read_file(tmp_path / "t.pdf")).figures
    assert [(f.kind, f.value, f.unit, f.page) for f in found][:3] == [
        ("count", 12, "đoàn viên", 1), ("count", 9, "người", 1), ("percent", 75, "%", 1)]
    assert found[0].subject == "Tổng số đoàn viên (Phòng Kế toán)"
    assert len(found) == 9


@pytest.mark.parametrize("name", DOCS)
def test_docx_paragraphs_and_tables(tmp_path, name):
    import docx

    d = docx.Document()
    for p in paragraphs(name):
        d.add_paragraph(p)
    table = d.add_table(rows=2, cols=3)
    for i, cells in enumerate([["Đơn vị", "Số đoàn viên", "Nữ"], ["Tổ Văn phòng", "15", "11"]]):
        for j, value in enumerate(cells):
            table.cell(i, j).text = value
    d.save(tmp_path / "a.docx")
    got = figures(read_file(tmp_path / "a.docx"))
    assert got - plain(name) == Counter({("count", 15, "đoàn viên", "exact", "actual"): 1,
                                        ("count", 11, "người", "exact", "actual"): 1})
    assert plain(name) - got == Counter()


@pytest.mark.parametrize("name", DOCS)
def test_web_page_keeps_the_article_and_drops_the_furniture(tmp_path, name):
    body = "".join(f"<p>{p}</p>" for p in paragraphs(name))
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin công đoàn</title></head><body>
    <nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li><li>Liên hệ: 0236.3822.123</li></ul></nav>
    <div class="sidebar"><h3>Tin mới</h3><ul><li><a href="/a">Trao 500 suất quà Tết cho công nhân</a></li>
    <li><a href="/b">Hỗ trợ 1,5 tỷ đồng cho đoàn viên</a></li></ul><div class="counter">Lượt xem: 1.245 · Đang truy cập: 37</div></div>
    <article><h1>Báo cáo tại Đại hội Công đoàn cơ sở</h1>{body}</article>
    <footer><p>Bản quyền © 2024 Liên đoàn Lao động tỉnh. Giấy phép số 12/GP-TTĐT. Đánh giá: 4,5/5 (12 phiếu)</p></footer>
    </body></html>"""
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    document = read_file(tmp_path / "a.html")
    assert "Lượt xem" not in document.text and "500 suất quà" not in document.text
    assert figures(document) == plain(name)


def legacy_bytes(text: str, table: str) -> bytes:
    """The text as a TCVN3 / VNI file would hold it (conversion tables from viparse, inverted)."""
    from viparse.normalize.encodings import CHARMAPS

    inverse: dict[str, str] = {}
    for legacy, letter in CHARMAPS[table].pairs:
        inverse.setdefault(unicodedata.normalize("NFC", letter), legacy)
    out = []
    for ch in unicodedata.normalize("NFC", text.translate(ASCII_PUNCTUATION)):
        # TCVN3 has no capital accented letters: a .VnTimeH font draws the lower-case bytes as capitals;
        # a letter the table lacks is written without its marks, as a typist would have to
        out.append(ch if ch.isascii() else inverse.get(ch) or inverse.get(ch.lower()) or unicodedata.normalize("NFD", ch)[0])
    return "".join(out).encode("latin-1")


ASCII_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."})
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letters precomposed (â ê ơ ư), tones combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text.translate(ASCII_PUNCTUATION)):
        marks = unicodedata.normalize("NFD", ch)
        tone = "".join(m for m in marks if m in TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in TONES))
        out.append(base + tone)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("table", ["tcvn3", "vni"])
@pytest.mark.parametrize("name", DOCS)
def test_legacy_encodings_are_detected_and_converted(tmp_path, table, name):
    (tmp_path / "a.txt").write_bytes(legacy_bytes("\n".join(paragraphs(name)), table))
    document = read_file(tmp_path / "a.txt")
    assert document.encoding == table
    assert figures(document) == plain(name)
    assert read_file(tmp_path / "a.txt").text[:40].lower() == "\n".join(paragraphs(name))[:40].lower()


def test_windows_1258_and_utf16_and_nfd(tmp_path):
    name = DOCS[0]
    text = "\n".join(paragraphs(name)).translate(ASCII_PUNCTUATION)
    (tmp_path / "a.txt").write_bytes(cp1258_bytes(text))
    (tmp_path / "b.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "c.txt").write_bytes(unicodedata.normalize("NFD", text).encode("utf-8"))
    for f in ("a.txt", "b.txt", "c.txt"):
        document = read_file(tmp_path / f)
        assert document.text == text
        assert figures(document) == plain(name)


def test_encoding_option_overrides_detection(tmp_path):
    (tmp_path / "a.txt").write_bytes(legacy_bytes("Tổng số đoàn viên là 29 người, nữ 14 người.", "vni"))
    assert read_file(tmp_path / "a.txt", encoding="vni").text.startswith("Tổng số đoàn viên")


@needs_font
@pytest.mark.skipif(not ocr.available(), reason="chưa cài tesseract-ocr và tesseract-ocr-vie")
def test_scanned_page_is_read_by_ocr(tmp_path):
    import pdfplumber

    name = DOCS[0]
    pdf = new_pdf()
    pdf.set_font("dv", size=12)
    pdf.add_page()
    for p in paragraphs(name)[:1]:
        pdf.multi_cell(0, 7, p)
    pdf.output(tmp_path / "s.pdf")
    with pdfplumber.open(tmp_path / "s.pdf") as scan:
        scan.pages[0].to_image(resolution=300).save(tmp_path / "s.png")
    expected = figures(Document(doc=name, text=paragraphs(name)[0]))
    got = figures(read_file(tmp_path / "s.png"))
    assert sum((got & expected).values()) >= 0.9 * sum(expected.values())


def test_missing_ocr_gives_install_advice(tmp_path, monkeypatch):
    from PIL import Image

    monkeypatch.setattr(ocr, "available", lambda: False)
    Image.new("RGB", (50, 50), "white").save(tmp_path / "scan.png")
    from extractor.reading import load

    error = load(str(tmp_path / "scan.png"))
    assert "tesseract-ocr-vie" in error.error


@pytest.mark.parametrize("content,reason", [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "PDF hỏng"),
    (b"", "rỗng"),
    (b"\x00\x01\x02\x03binary", "nhị phân"),
])
def test_broken_inputs_get_a_clear_error(tmp_path, content, reason):
    from extractor.reading import load

    path = tmp_path / ("a.pdf" if content.startswith(b"%PDF") else "a.txt")
    path.write_bytes(content)
    assert reason in load(str(path)).error


@needs_font
def test_encrypted_pdf_asks_for_the_password_to_be_removed(tmp_path):
    from extractor.reading import load

    pdf = new_pdf()
    pdf.add_page()
    pdf.multi_cell(0, 5, "Công đoàn có 29 đoàn viên.")
    pdf.set_encryption(owner_password="chu", user_password="khach")
    pdf.output(tmp_path / "e.pdf")
    assert "mật khẩu" in load(str(tmp_path / "e.pdf")).error


def test_rtf_with_unicode_escapes(tmp_path):
    text = "Công đoàn có 29 đoàn viên, trong đó nữ 14 người, chiếm 48,3%."
    escaped = "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in text)
    (tmp_path / "a.rtf").write_text("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0 " + escaped + "\\par}",
                                    encoding="ascii")
    document = read_file(tmp_path / "a.rtf")
    assert document.text.strip() == text
    assert [f.value for f in extract(document).figures] == [29, 14, 48.3]


def test_a_file_over_the_size_limit_is_refused_without_being_read(tmp_path):
    from extractor.reading import MAX_BYTES, load

    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: costs no disk and no memory
    assert "quá lớn" in load(str(big)).error
